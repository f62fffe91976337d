"""A 督查通报 that judges items only by their list numbers, in prose (bot/drafting/mentions.py)."""

import pytest

from bot.drafting.drafter import draft_ledger
from bot.drafting.numbered_notices import numbered_mentions
from bot.drafting.report_text import ReportFormatError, parse_report

NOTICE = """关于2023年第三次专题会议议定事项落实情况的督查通报
一、总体情况
议定事项15件,截至8月31日,已办结9件。
二、存在问题
其中,县交通局负责的第2件、县水利局负责的第7、9件议定事项推进缓慢,请加快推进。
"""


def test_judged_items_are_drafted_by_number_without_a_title():
    report = parse_report(NOTICE)
    assert [t.number for t in report.targets] == [2, 7, 9]
    assert all(t.target_text == "" for t in report.targets)
    by = {t.number: t for t in report.targets}
    assert by[2].progress_text == "县交通局负责的第2件……议定事项推进缓慢"
    assert by[9].progress_text == "县水利局负责的第7、9件议定事项推进缓慢"
    assert by[7].line == 5


def test_the_draft_says_late_and_asks_for_the_target_text():
    ledger = draft_ledger(parse_report(NOTICE), 2023, NOTICE)
    assert {t.number: t.status_override for t in ledger.targets} == {
        2: "滞后",
        7: "滞后",
        9: "滞后",
    }
    assert all("待填写" in t.target_text for t in ledger.targets)  # no invented target


def test_chinese_list_numbers():
    lines = ["县住建局牵头的第十二项、第三项工作已全部完成。"]
    assert [(m.number, m.words) for m in numbered_mentions(lines)] == [
        (3, "第三项工作已全部完成"),
        (12, "县住建局牵头的第十二项……工作已全部完成"),
    ]


def test_mentions_without_a_verdict_are_refused_at_their_line():
    text = "督查通报\n一、情况\n第4件和第6件由县财政局负责,详见附件。\n"
    with pytest.raises(ReportFormatError, match="第3行：.*请提供清单本身"):
        parse_report(text)


@pytest.mark.parametrize(
    "text", ["第件滞后", "第零件进展滞后", "第、件", "第1、件滞后。", "第十十件滞后"]
)
def test_odd_mentions_are_refused_at_a_line(text):
    with pytest.raises(ReportFormatError, match=r"^第\d+行："):
        parse_report(text)


def test_a_large_list_number_is_drafted():
    assert [t.number for t in parse_report("第999件滞后").targets] == [999]


SORTED_PROSE = """2022年县级民生实事1-8月份进展情况通报
涉及我县共20项,其中3项已完成,分别是:新建城区公厕(第四项)、改造老旧小区(第十二项)、建设农贸市场(第九项)。滞后项目:一是新建学校食堂(第二项)正在进行招标;二是建设污水管网3公里(第七项)尚未开工;三是城区绿道建设(第十五项)预计10月开工。
"""


def test_items_listed_after_a_lead_take_its_verdict_through_the_paragraph():
    ledger = draft_ledger(parse_report(SORTED_PROSE), 2022, SORTED_PROSE)
    assert {t.number: t.status_override for t in ledger.targets} == {
        2: "滞后",  # under way, listed as late
        4: "已完成",
        7: "滞后",
        9: "已完成",
        12: "已完成",
        15: "滞后",
    }
    by = {t.number: t for t in ledger.targets}
    assert by[9].progress_text == "建设农贸市场(第九项)（其中3项已完成）"

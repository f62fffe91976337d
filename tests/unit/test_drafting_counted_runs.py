"""Runs of names closed by their count and a verdict, and year-end results with no target
(bot/drafting/counted_runs.py, bot/drafting/statuses.py)."""

import pytest

from bot.drafting.counted_runs import counted_runs, first_items_counted, whole_list_done
from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import parse_report

COUNTED = """某县2023年民生实事推进情况
截至8月底,全县民生实事项目累计开工20个,其中
1.新建城东农贸市场、
2.改造老城区供水管网和
3.提升乡镇卫生院服务能力3个项目已全部完工。
4.新建城南公园及
5.建设县体育馆2个项目预计10月底前开工建设。
下一步,县发改局将继续跟踪督办。
"""


def _statuses(text: str, year: int = 2023) -> dict[int, tuple[str, str, str]]:
    ledger = draft_ledger(parse_report(text), year, text)
    return {t.number: (t.status_override, t.status_reason, t.title) for t in ledger.targets}


def test_a_counted_run_gives_every_name_its_verdict():
    by = _statuses(COUNTED)
    assert [by[n][0] for n in (1, 2, 3)] == ["已完成"] * 3
    assert all("已全部完工" in by[n][1] for n in (1, 2, 3))
    assert [by[n][0] for n in (4, 5)] == ["推进中"] * 2  # a start forecast: not begun yet
    assert "预计10月底前开工建设" in by[5][1]


def test_the_count_and_verdict_are_no_part_of_the_last_name():
    members = counted_runs(parse_report(COUNTED).targets)
    assert members[3].name == "提升乡镇卫生院服务能力"
    assert members[2].name == "改造老城区供水管网"
    ledger = draft_ledger(parse_report(COUNTED), 2023, COUNTED)
    assert [d.date.isoformat() for d in ledger.targets[4].deadlines] == ["2023-12-31"]


def test_a_count_that_is_not_the_runs_own_gives_nothing():
    text = COUNTED.replace("3个项目已全部完工", "5个项目已全部完工")
    assert set(counted_runs(parse_report(text).targets)) == {4, 5}


ALL_DONE = """去年承诺的10件民生实事全部完成
2024年,县政府承诺为群众办10件实事,目前10件实事已经全部完成。
1.新建城区公共停车场3处。(县住建局负责)
完成情况:新建城区公共停车场3处,新增车位600个。
2.实施农村饮水提升工程,"""


def test_an_opening_that_says_the_whole_list_is_done_covers_items_without_words():
    by = _statuses(ALL_DONE, 2024)
    assert by[2][0] == "已完成"  # cut before its result, under an opening saying all is done
    assert "全部完成" in by[2][1] and by[2][1].startswith("报告开头称")


def test_a_promise_that_the_whole_list_will_be_done_is_no_verdict():
    promised = ALL_DONE.replace("目前10件实事已经全部完成", "力争10件实事全部完成")
    promised = promised.replace("去年承诺的10件民生实事全部完成", "县政府承诺办10件民生实事")
    assert _statuses(promised, 2024)[2][0] != "已完成"


def test_a_run_closed_by_deng_may_join_its_names_with_ji():
    text = (
        "某县2023年1-9月重点项目推进情况\n"
        "1.城东污水处理厂、\n"
        "2.城西垃圾中转站及\n"
        "3.北山公园等项目进度滞后。\n"
    )
    by = _statuses(text)
    assert [by[n][0] for n in (1, 2, 3)] == ["滞后"] * 3


def test_a_counted_run_may_go_on_after_commas():
    text = (
        "某县2023年1-9月重点项目推进情况\n"
        "1.城东污水处理厂，\n"
        "2.城西垃圾中转站，\n"
        "3.北山公园三个项目已竣工验收。\n"
    )
    assert [_statuses(text)[n][0] for n in (1, 2, 3)] == ["已完成"] * 3


@pytest.mark.parametrize(
    ("opening", "done"),
    [
        ("2031年全区实施了9项惠民工程,完成投资8.6亿元,全部完成年度目标任务。", True),
        ("今年确定的各项惠民实事目标任务均已全面完成。", True),
        ("9件惠民实事均已完成年度目标任务。", True),
        ("所有项目均已完工。", True),
        ("9件惠民实事已完成7件。", False),  # a part of the list
        ("9件惠民实事中已有6件全部完成", False),
        ("力争9项惠民工程全部完成。", False),  # a promise
        ("9项惠民实事均已开工。", False),  # begun, not done
        # The list counted in the sentence before, then "这些项目": the same list.
        ("通报了9项惠民实事的落实情况。这些项目均已如期完成,涵盖教育、医疗等领域。", True),
        ("介绍了9项惠民实事。上述事项全部按期办结。", True),
        ("这些项目力争年底前全部完成。", False),  # a promise
    ],
)
def test_an_opening_that_says_the_whole_list_is_done(opening, done):
    assert (whole_list_done(opening, 5) is not None) is done


def test_a_count_in_chinese_numerals_of_two_characters_counts_the_whole_list():
    # "十五" was read as no count at all, so fifteen items were never the whole list.
    assert whole_list_done("全县十五件民生实事已经全部完成。", 15) is not None
    assert whole_list_done("全县十二件民生实事已经全部完成。", 15) is None  # fewer than listed


OPENING_COUNTS_FIRST = """某市今年确定12项实事,新建公厕、改造管网等3项已提前完成并超额完成任务。
据悉,
1.全市新建公厕86座;
2.改造城区供水管网42公里;
3.为全市1200户困难家庭安装燃气报警器。
市政府将继续督促各责任单位。
4.新建城南公园等其余9项正在推进中。
"""


def test_an_opening_counting_the_items_listed_first_gives_them_its_verdict():
    by = _statuses(OPENING_COUNTS_FIRST)
    assert [by[n][0] for n in (1, 2, 3)] == ["超额完成"] * 3
    assert all("超额完成任务" in by[n][1] for n in (1, 2, 3))
    assert by[4][0] != "超额完成"  # past the counted run: its own words, not the opening's


def test_an_opening_count_of_another_run_length_gives_nothing():
    report = parse_report(OPENING_COUNTS_FIRST.replace("等3项", "等2项"))
    assert first_items_counted(report.preamble, report.targets) is None
    assert first_items_counted(parse_report(OPENING_COUNTS_FIRST).preamble, []) is None
    behind = parse_report(OPENING_COUNTS_FIRST.replace("已提前完成并超额完成任务", "进展滞后"))
    assert first_items_counted(behind.preamble, behind.targets) is None  # only a done list


LEAD_RUNS = """截至4月底,某县2030年为民办实事6项事项
1.农机购置补贴事项已完成年度任务,
2.乡村道路安防工程、
3.农村饮水提升、
4.村级卫生室改造3项事项正在有序推进
5.校园食堂改造、
6.社区书屋建设2事项待上级印发方案后组织实施。
"""


def test_runs_after_an_item_with_its_own_verdict_and_counts_before_their_noun():
    found = counted_runs(parse_report(LEAD_RUNS).targets)
    assert 1 not in found  # its own words, not a name of the run after it
    assert [found[n].words for n in (2, 3, 4)] == ["正在有序推进"] * 3
    assert found[4].name == "村级卫生室改造"
    assert [found[n].words for n in (5, 6)] == ["待上级印发方案后组织实施"] * 2
    assert found[6].name == "社区书屋建设"

"""Year-end notices and yearbook entries (h12-draft12): quoted names in runs, past trouble
turned, lists done "or more", works sized in a run all done, parts' own pairs, page lines."""

import datetime as dt

from bot.drafting.agreement import draft_status
from bot.drafting.counted_runs import whole_list_done
from bot.drafting.drafter import draft
from bot.drafting.mentions import mentions, states_a_target
from bot.drafting.report_text import parse_report
from bot.drafting.words import status_from_words

YEAR_END = dt.date(2022, 12, 31)


def _draft(text: str, today: dt.date = YEAR_END):
    return draft(parse_report(text), text, today=today).ledger.by_number()


def test_quoted_names_in_a_run_take_the_run_verdict_on_its_last_name():
    text = (
        "2022年度民生实事完成情况通报\n"
        "省级民生实事30项,其中\n"
        "1.“新增持证养老护理员”、\n"
        "2.“开展职业技能培训”、\n"
        "3.“建设保障性租赁住房”等17项超额完成、占比56.67%;\n"
    )
    drafted = _draft(text)
    assert [drafted[n].status_override for n in (1, 2, 3)] == ["超额完成"] * 3
    # The joiner to the next name is no part of the item's text.
    assert [drafted[n].target_text for n in (1, 3)] == ["新增持证养老护理员", "建设保障性租赁住房"]


def test_the_last_name_of_a_run_takes_the_run_words_without_its_count():
    text = (
        "2022年度民生实事完成情况通报\n"
        "1.“新开工提标加固海塘18.4公里”(市水利局)、\n"
        "2.“实施二次供水改造提升8个居民小区”(市综合行政执法局)等2个项目曾因过程性滞后被"
        "通报,但均能如期完成。\n"
    )
    drafted = _draft(text)
    assert [drafted[n].status_override for n in (1, 2)] == ["已完成", "已完成"]
    # "2个项目" counts the run's names: no result of the 8 小区.
    assert [(i.target, i.actual) for i in drafted[2].indicators] == [("8", "")]


def test_done_as_scheduled_is_a_verdict_on_the_whole_task():
    text = (
        "2022年度民生实事完成情况通报\n"
        "1.完成回迁安置857户以上。该项目已如期完成。\n"
        "2.新建公园3个。该项目已完成。\n"
    )
    after = dt.date(2023, 1, 5)
    drafted = _draft(text, after)
    assert draft_status(drafted[1], after) == "已完成"
    # A bare "已完成" with the figure missing, after the year: the figure is still wanted.
    assert draft_status(drafted[2], after) == "暂无数据"


def test_past_trouble_then_a_turn_the_words_after_it_decide():
    said = status_from_words("等5个项目曾因过程性滞后被温州通报,但均能如期完成。")
    assert (said.value, said.words) == ("已完成", "均能如期完成")
    said = status_from_words("该项目一度进展缓慢,但目前已全部完工")
    assert said.value == "已完成"
    # No past trouble: the slow words stand.
    assert status_from_words("进展缓慢,但已开工").value == "滞后"


def test_a_list_done_or_more_counts_past_an_earlier_count():
    opening = (
        "2022年度省市县三级民生实事共计126项,在各部门共同努力下,126项民生实事均全部或超额"
        "完成年度目标任务。"
    )
    said = whole_list_done(opening, 18)
    assert said is not None and said.words == "126项民生实事均全部或超额完成"
    assert whole_list_done("126项民生实事力争全部完成年度目标任务。", 18) is None
    # A part of the list counted inside the sentence is not the list restated.
    assert whole_list_done("全年15件实事中,有12件已全部完成。", 10) is None
    assert whole_list_done("全年115件实事全部完成。", 10).words == "115件实事全部完成"


def test_a_field_heading_closed_by_a_stop_is_no_progress_of_the_item_above():
    text = (
        "2006年为民办10件实事完成情况。至年底,完成年度任务。\n"
        "农民增收工程。\n"
        "1.(1)25万亩池塘修复配套。 全部完工,修复配套池塘25万亩。\n"
        "村镇环境与文明建设。\n"
        "2.(2)中心镇垃圾处理设施建设。全部完成,累计完成投资100万元。\n"
    )
    drafted = _draft(text, dt.date(2006, 12, 31))
    assert "村镇环境" not in drafted[1].progress_text
    assert [(i.target, i.actual) for i in drafted[1].indicators if i.comparable] == [("25", "25")]
    assert draft_status(drafted[1], dt.date(2006, 12, 31)) == "已完成"


def test_a_page_footer_is_no_progress_and_no_cut():
    text = (
        "2016-09-19 兴业县人民政府\n"
        "1-8月,全县重大项目进展如下。\n"
        "1.一是工业项目。总投资55.2亿元,已完成投资25.36亿元。\n"
        "2.二是中央预算内投资项目。下达投资计划4268.3万元,部分项目已开工建设。\n"
        "编辑:admin  作者:\n"
    )
    drafted = _draft(text, dt.date(2016, 9, 19))
    assert "编辑" not in drafted[2].progress_text
    assert drafted[2].status_reason != "报告在这一项中断，未写出进展"
    assert [(i.target, i.unit, i.actual) for i in drafted[2].indicators if i.target] == [
        ("4268.3", "万元", "")
    ]


def test_a_plan_handed_down_is_a_target():
    (m,) = mentions("下达投资计划4268.3万元")
    assert states_a_target(m)
    (m,) = mentions("完成投资4268.3万元")
    assert not states_a_target(m)


def test_a_part_told_with_its_own_plan_and_result_is_one_more_pair():
    text = (
        "2016-09-19 兴业县人民政府\n"
        "1-8月,全县重大项目进展如下。\n"
        "1.一是新能源项目。实施项目2个,总投资16.62亿元,已完成投资1.6亿元。\n"
        "其中中广核葵阳风电场项目总投资12.39亿元,已完成投资1.4亿元,预计今年12月投产发电。\n"
        "2.二是工业项目。总投资55.2亿元,已完成投资25.36亿元。\n"
    )
    drafted = _draft(text, dt.date(2016, 9, 19))
    pairs = [(i.target, i.actual) for i in drafted[1].indicators if i.comparable]
    assert pairs == [("16.62", "1.6"), ("12.39", "1.4")]


def test_works_sized_in_a_run_all_done_are_sizes_not_amounts():
    text = (
        "2006年为民办10件实事完成情况。至年底,完成年度任务。\n"
        "1.(1)50万亩土地开发和治理。 实施的14.3万亩中低产田改造、13万亩土地开发整理、20万亩"
        "荒碱地开发工程全部完工。\n"
        "2.(2)冬枣基地扩展提高。5万亩冬枣标准化示范区建设、10万亩冬枣低产园整修提高全部完成。\n"
    )
    drafted = _draft(text, dt.date(2006, 12, 31))
    assert not any(i.comparable for n in (1, 2) for i in drafted[n].indicators)
    assert ("50", "") in [(i.target, i.actual) for i in drafted[1].indicators]
    assert [(i.target, i.actual) for i in drafted[2].indicators] == [("5", ""), ("10", "")]
    assert [drafted[n].status_override for n in (1, 2)] == ["已完成", "已完成"]


def test_a_figure_without_result_is_answered_by_words_naming_its_work_all_done():
    text = (
        "2006年为民办10件实事完成情况。至年底,完成年度任务。\n"
        "1.(1)300个标准化养殖小区建设和50万吨饲草青贮。建成各类养殖小区300个;全株玉米青贮"
        "工作全部完成。\n"
        "2.(2)200个示范村建设和30万吨秸秆还田。建成示范村200个;道路硬化工作全部完成。\n"
    )
    drafted = _draft(text, dt.date(2006, 12, 31))
    assert drafted[1].status_override == "已完成"
    # The done words name another work: the 30万吨 stays unanswered.
    assert drafted[2].status_override != "已完成"


def test_only_a_part_beyond_its_figure_leaves_a_whole_met_as_set_done():
    text = (
        "截止2019年12月31日,十件实事全面完成。具体情况如下:\n"
        "1.实施易地扶贫搬迁18695人,其中贫困人口14861人。\n"
        "此项工作已完成。截至2019年12月底,已完成搬迁入住18695人(其中:建档立卡贫困人口16449人)。\n"
        "2.减少农村扶贫对象6.76万人\n"
        "此项工作已完成。截至2019年12月底,全市完成减少农村扶贫对象7.497万人。\n"
    )
    drafted = _draft(text, dt.date(2020, 1, 9))
    assert drafted[1].status_override == "已完成"
    assert draft_status(drafted[2], dt.date(2020, 1, 9)) == "超额完成"  # the whole beyond


def test_an_attachment_list_and_a_table_header_open_what_follows():
    text = (
        "2022年度民生实事完成情况通报\n"
        "1.“居家养老服务设施改造”(市民政局)被采纳为亮点案例。\n"
        "附件: 1.2022年度省政府民生实事项目完成情况 2.2022年度市级民生实事项目完成情况\n"
        "序号 | 项目内容 | 年度完成情况 | 完成成效 | 责任单位 |\n"
        "2.新增托位1140个 | 新增托位1155个。 | 超额完成 | 市卫健局 |\n"
    )
    drafted = _draft(text)
    assert "附件" not in drafted[1].progress_text
    assert "序号" not in drafted[1].progress_text

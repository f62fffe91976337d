"""Verdict words offices write of items and groups of items: "完成情况不够理想" (behind),
"按时序推进" (on pace), "部分完成任务" (partly done), and run headings that count their items
and end in a comma (bot/drafting/words.py, bot/drafting/groups.py)."""

import pytest

from bot.drafting.drafter import draft_ledger
from bot.drafting.groups import Group, group_reading
from bot.drafting.report_text import parse_report
from bot.drafting.row_verdicts import status_column
from bot.drafting.words import status_from_words


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("乡村道路硬化等项目完成情况不够理想", "滞后"),
        ("受资金影响,进度不尽理想", "滞后"),
        ("招商引资成效不理想", "滞后"),
        ("按时序推进", "推进中"),
        ("目前按序时推进", "推进中"),
        ("部分完成任务,其余正在施工", "推进中"),
    ],
)
def test_office_verdict_words(words, status):
    assert status_from_words(words).value == status


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("有12项实事完成任务", "已完成"),
        ("有3项工程部分完成任务", "推进中"),
        ("共6项工作基本完成", "推进中"),
        # "完成或基本完成": the page files them as done.
        ("已经完成或基本完成的任务,共计5项", "已完成"),
    ],
)
def test_what_a_heading_says_of_done_and_partly_done(heading, status):
    assert group_reading(Group(heading, 0)).value == status


PARTLY = """截至10月底,某县实施的8项民生工程进展如下。
有2项民生工程完成任务,分别是
1.农村公路养护、
2.城乡低保提标。
有2项民生工程部分完成任务,
3.职业技能培训,培训800人,完成率120%;
4.社区养老站建设,完成3个,完成率100%。
其余项目稳步推进。
"""


def _statuses(text: str, year: int = 2024) -> dict[int, str]:
    ledger = draft_ledger(parse_report(text), year, text)
    return {t.number: t.status_override for t in ledger.targets}


def test_a_partly_done_group_outranks_the_parts_its_items_say_are_done():
    statuses = _statuses(PARTLY)
    assert statuses[1] == statuses[2] == "已完成"
    assert statuses[3] == statuses[4] == "推进中"


def test_a_progress_line_ending_in_a_comma_is_no_heading():
    text = """某县2024年9月民生实事进展
1. 20个村卫生室改造
已完成12件(60%),
2. 5个口袋公园建设
正在施工中。
"""
    by = {t.number: t for t in parse_report(text).targets}
    assert by[2].group is None


def test_a_status_column_is_the_offices_verdict_on_its_row():
    row = "新建5个村级卫生室。 | 县卫健局 | 已建成6个,正在验收。 | 按时序推进"
    said = status_column(row, "")
    assert said.value == "推进中" and "按时序推进" in said.words
    assert status_column("改造老旧小区3个 | 县住建局 | 已完工", "").value == "已完成"


def test_sub_rows_speak_for_their_item_only_when_every_one_agrees():
    item = "(一)城区道路畅通工程(4条路)"
    done = " | 1.建设路 | 县城投 | 已完工 |\n | 2.人民路 | 县城管局 | 已完工 |"
    assert status_column(item, done).value == "已完成"
    mixed = done + "\n | 3.新华路 | 县城投 | 进展缓慢 |"
    assert status_column(item, mixed) is None
    silent = done + "\n | 3.新华路 | 县城投 | 正在铺设管网,预计11月通车 |"
    assert status_column(item, silent) is None


def test_a_long_or_figured_last_cell_is_progress_not_a_status_column():
    assert status_column("建成10个驿站 | 县总工会 | 已完成8个", "") is None
    assert status_column("建成10个驿站 | 县总工会 | 选址已全部完成,正在装修施工", "") is None


def test_a_status_column_outranks_the_figures_of_its_row():
    text = """1.为150名以上困难老人提供助餐服务。 | 县民政局 | 已为168名老人助餐。 | 按时序推进
2.改造农村公厕20座。 | 县农业农村局 | 已改造12座。 | 按时序推进
"""
    statuses = _statuses(text, 2024)
    assert statuses == {1: "推进中", 2: "推进中"}


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("正常推进", "推进中"),
        ("按计划推进", "推进中"),
        ("施工中", "推进中"),
        ("已开工", "推进中"),  # begun, not done
        ("提前完成", "已完成"),
        ("已验收", "已完成"),
        ("进度滞后", "滞后"),
    ],
)
def test_status_cells_in_an_offices_words(cell, status):
    assert status_column(f"建设10个村级驿站 | 县商务局 | {cell}", "").value == status


def test_steady_words_yield_to_any_verdict_beside_them():
    said = status_from_words("各乡镇稳步推进,已实现农村学生营养餐全覆盖")
    assert said.value == "已完成"
    assert status_from_words("目前各项工程稳步推进").value == "推进中"


def test_land_requisition_done_is_a_first_step():
    for words in ("已完成土地征用及施工图设计", "已完成征用土地", "已完成现场排查并制定方案"):
        said = status_from_words(words)
        assert said is None or said.value != "已完成"


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("城区12条背街小巷完成提升改造", "已完成"),
        ("全县8所乡镇卫生院建成标准化发热门诊", "已完成"),
        ("确保20个村完成污水治理", "推进中"),  # a plan (a forecast), not a result
        ("6个安置小区完成规划设计", None),  # a first step
        ("完成44村", None),  # an amount done, not things counted as done
    ],
)
def test_things_counted_then_done_without_yi(words, status):
    said = status_from_words(words)
    assert (said.value if said else None) == status


def test_completion_forecast_for_next_year_misses_this_years_target():
    from bot.drafting.words import late_forecast

    said = late_forecast("2所已投入使用,1所主体完工,预计明年春季开园。", 2030)
    assert said.value == "未完成" and said.words == "预计明年春季开园"
    assert late_forecast("预计年底前完工", 2030) is None


def test_an_undated_report_whose_words_say_the_work_goes_on_is_not_failed():
    text = "1.为300户困难家庭实施住房改造。 | 县住建局 | 完成改造180户,其余正在推进。\n"
    ledger = draft_ledger(parse_report(text), 2030, text)
    target = ledger.targets[0]
    assert target.status_override == "推进中"
    assert "报告未写日期" in target.status_reason
    dated = "某县2030年民生实事完成情况(截至12月31日)\n" + text
    assert draft_ledger(parse_report(dated), 2030, dated).targets[0].status_override != "推进中"


@pytest.mark.parametrize(
    ("words", "status"),
    [
        ("未按时序推进", "滞后"),  # the negation of the on-pace words
        ("未完成序时进度", "滞后"),  # behind the pace, not the target failed
        ("未完成全年任务", "未完成"),
        ("超时序进度", "推进中"),
        ("因疫情影响暂停实施", "滞后"),
        ("已全面完工", "已完成"),
        ("已投入运营", "已完成"),
    ],
)
def test_negated_pace_and_more_done_words(words, status):
    assert status_from_words(words).value == status


def test_a_heading_of_items_not_on_pace_files_them_behind():
    assert group_reading(Group("未按时序推进的项目(3项)", 0)).value == "滞后"
    assert group_reading(Group("未完成序时进度的项目", 0)).value == "滞后"


def test_under_a_header_the_status_column_is_read_wherever_it_stands():
    header = ("项目名称", "年度目标", "完成状态", "进展情况", "下步计划")
    row = "口袋公园 | 建成口袋公园6个 | 滞后 | 已完成选址 | 加快推进"
    said = status_column(row, "", header)
    assert said.value == "滞后" and "完成状态:滞后" in said.words


def test_a_last_column_for_the_plan_is_no_verdict():
    header = ("项目名称", "年度目标", "进展情况", "下步计划")
    assert status_column("城区公厕 | 改造公厕20座 | 已改造12座 | 加快推进", "", header) is None
    assert status_column("城区公厕 | 改造公厕20座 | 已改造12座 | 加快推进", "").value == "推进中"


UNDATED_NOTICE = """县政府督查室关于2031年惠民工程推进情况的督查通报
近期,督查室对全县9项惠民工程推进情况进行了专项督查。
一、进展较好的项目
1.城南小学扩建工程,已全部完工交付使用;
2.村级文化礼堂提升工程,5个礼堂改造全部完成;
二、进展滞后的项目
3.城西垃圾中转站建设,因用地手续未办结,尚未开工;
4.滨河绿道建设,施工单位进场迟,进展缓慢。
"""


def test_an_undated_notice_reads_each_items_own_line_as_its_progress():
    ledger = draft_ledger(parse_report(UNDATED_NOTICE), 2031)
    by = {t.number: t for t in ledger.targets}
    assert by[2].status_override == "已完成"  # "5个…全部完成": the five are done
    assert [(i.target, i.actual) for i in by[2].indicators] == [("", "5")]
    assert by[3].status_override == "滞后" and "尚未开工" in by[3].status_reason
    assert by[4].status_override == "滞后"


def test_a_status_mark_before_an_item_is_its_status_and_no_part_of_its_title():
    text = (
        "某县2031年惠民实事进展情况(截至11月30日)\n"
        "1.【已完成】新建城北菜市场1个。菜市场已于10月开业。\n"
        "2.【滞后】建设县游泳馆。受资金影响,目前仅完成基础工程。\n"
        "3.(牵头单位)改造城区路灯300盏。已改造180盏。\n"
    )
    by = {t.number: t for t in draft_ledger(parse_report(text), 2031).targets}
    assert by[1].status_override == "已完成" and not by[1].title.startswith("【")
    assert by[2].status_override == "滞后" and "【滞后】" in by[2].status_reason
    assert by[3].target_text.startswith("(牵头单位)")  # no status in the brackets: kept


def test_a_status_cell_of_one_short_word_is_a_verdict():
    text = (
        "序号 | 工作任务 | 完成情况 | 完成状态\n"
        "1 | 新建城东消防站 | 主体工程完工 | 完成\n"
        "2 | 建设城北体育公园 | 正在进行绿化施工 | 在建\n"
        "3 | 改造城区供水管网 | 完成管网铺设40% | 未达序\n"
    )
    by = {t.number: t for t in draft_ledger(parse_report(text), 2031).targets}
    assert [by[n].status_override for n in (1, 2, 3)] == ["已完成", "推进中", "滞后"]

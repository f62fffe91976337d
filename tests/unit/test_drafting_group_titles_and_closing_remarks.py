"""Status groups counted in 宗 with a bracketed yardstick, a section title over a field's title
over its items, a remark closing a run of items with their count, pace words without 于, a
task handed down done, a banner's result, a result beside the target it beat (groups.py,
run_ends.py, closing_remarks.py, pace_words.py, words.py, deadlines.py, beaten_targets.py in
bot/drafting/). Made-up reports in the shapes session 35's retired folders brought."""

import datetime as dt

from bot.drafting.bare_counts import without_bare_counts
from bot.drafting.beaten_targets import targets_beside_results
from bot.drafting.closing_remarks import closing_verdicts
from bot.drafting.deadlines import extract_deadlines
from bot.drafting.drafter import draft
from bot.drafting.groups import Group, group_reading
from bot.drafting.pairing import pair_indicators
from bot.drafting.report_text import ReportTarget, parse_report
from bot.drafting.run_ends import past_its_run
from bot.drafting.titles import title_for
from bot.drafting.words import status_from_words
from bot.understanding.tokenizer import make_tokenizer


def _statuses(text: str, today: dt.date) -> dict[int, tuple[str, str]]:
    ledger = draft(parse_report(text), text, today=today).ledger
    return {t.number: (t.status_override, t.status_reason) for t in ledger.targets}


# A programme's total, then its projects named in three runs under status phrases, counted
# in 宗, the pace in brackets after the count.
RUNS_IN_ZONG = """一、某县2030年重点建设项目1-9月进展情况
1. 全县重点项目15宗,年度计划投资12.6亿元。1-9月完成7.1亿元,慢时间进度18.7个百分点。
从整体看:
超出或完成年度计划投资的有2宗,分别是:
2. 某县第一中学扩建工程、
3. 某县污水处理厂提标改造项目;
项目进度较快的有2宗(高于时序进度75%),分别是:
4. 某镇农贸市场新建项目及
5. 某县城北路网工程;
项目进度慢的有2宗(低于时序进度75%),分别是:
6. 某县文体中心项目、
7. 某县老旧小区改造工程。
"""


def test_runs_counted_in_zong_take_their_headings_status():
    by = _statuses(RUNS_IN_ZONG, dt.date(2030, 10, 12))
    assert [by[n][0] for n in range(1, 8)] == [
        "滞后", "已完成", "已完成", "推进中", "推进中", "滞后", "滞后"
    ]  # fmt: skip
    assert by[5][1] == "所在分组“项目进度较快的有2宗(高于时序进度75%)”"
    assert by[1][1] == "报告称“慢时间进度18.7个百分点”"


def test_a_years_plan_met_names_a_done_group_but_an_amount_does_not():
    assert group_reading(Group("超出或完成年度计划投资的有2宗", 0)).value == "已完成"
    assert group_reading(Group("完成年度投资计划的项目", 0)).value == "已完成"
    assert group_reading(Group("完成年度计划投资3亿元的项目", 0)) is None


def test_a_group_named_by_what_was_done_in_it():
    assert group_reading(Group("当年完成的 28 件实事", 0)).value == "已完成"
    assert group_reading(Group("已完成的项目", 0)).value == "已完成"
    assert group_reading(Group("基本完成的项目", 0)).value == "推进中"
    assert group_reading(Group("未完成的项目", 0)).value == "未完成"
    # more than done, said of the group
    assert group_reading(Group("超额完成年度目标任务的项目", 0)).value == "超额完成"
    # to be done, or forecast: not done
    assert group_reading(Group("年内可完成的项目", 0)) is None
    assert group_reading(Group("预计今年完成的项目", 0)).value == "推进中"


def test_an_offices_words_for_work_going_badly_or_being_handled():
    assert group_reading(Group("进展较差的项目", 0)).value == "滞后"
    assert status_from_words("已开工12个,进度较差").value == "滞后"
    assert status_from_words("完成情况较差").value == "滞后"
    assert group_reading(Group("办理中的事项", 0)).value == "推进中"


def test_pace_words_without_their_yu():
    assert status_from_words("完成年度计划的60%,慢序时进度15个百分点").value == "滞后"
    assert status_from_words("完成年度计划的80%,快时间进度5个百分点").value == "推进中"


# A year-end note sorted by status group: the section's title, then a field's title, then
# the field's items as clauses cut one a line; a remark after the third sums up the first three.
SECTION_OVER_FIELD = """某市2031年为民办实事办理情况
2031年,我市为民办理的30件实事已全部落实,除需跨年度实施的2件,其余28件均已完成。
一、当年完成的 28 件实事
(一)教育和医疗方面 5
1. 一是新建公办幼儿园5所,新增学位1800个;
2. 二是改造乡镇卫生院12所;
3. 三是为全市65岁以上老年人免费体检21.3万人次;以上3项实事均超额完成年度目标任务。
4. 四是落实城乡医疗救助政策,全年救助困难群众3.2万人次。
5. 五是建设完成了20个社区卫生服务站,进一步
"""


def test_a_section_title_over_a_fields_title_heads_the_fields_items():
    by = _statuses(SECTION_OVER_FIELD, dt.date(2031, 12, 28))
    assert [by[n][0] for n in range(1, 6)] == ["超额完成"] * 3 + ["已完成"] * 2
    assert by[1][1] == "报告称“以上3项实事均超额完成年度目标任务”"
    # past the remark's full stop the items stay in the section: its title is no colon's run
    assert by[4][1] == "所在分组“当年完成的 28 件实事”"


def test_only_a_heading_ending_on_a_colon_announces_one_sentence():
    lines = ["一、已完成的项目", "1.甲;", "2.乙。", "3.丙。"]
    assert not past_its_run(lines, 0, 3, {1, 2, 3})
    lines = ["已完成的项目有:", "1.甲;", "2.乙。", "3.丙。"]
    assert past_its_run(lines, 0, 3, {1, 2, 3})


def _item(number: int, text: str) -> ReportTarget:
    return ReportTarget(number, text, "", False, number)


def test_a_closing_remark_covers_as_many_items_as_it_counts():
    items = [
        _item(1, "新建停车场3处;"),
        _item(2, "改造背街小巷20条;"),
        _item(3, "新增公交线路4条。上述2项均已完成。"),
        _item(4, "新建公厕10座。"),
    ]
    found = closing_verdicts(items)
    assert sorted(found) == [2, 3]
    assert found[2].value == "已完成"


def test_a_closing_remark_leaves_an_item_whose_words_deny_it():
    items = [
        _item(1, "新建停车场3处,进展缓慢;"),
        _item(2, "改造背街小巷20条;以上两项均已完成。"),
    ]
    assert sorted(closing_verdicts(items)) == [2]
    # a count inside the remark speaks of a part, and a count beyond the items read so far
    assert closing_verdicts([_item(1, "甲;"), _item(2, "上述2项中1项已完成。")]) == {}
    assert closing_verdicts([_item(1, "甲;"), _item(2, "上述5项均已完成。")]) == {}
    # done in its own words beside a remark that the run is under way: its own stands
    items = [_item(1, "新建停车场3处,已竣工;"), _item(2, "改造背街小巷20条;以上2项均在加快推进。")]
    assert sorted(closing_verdicts(items)) == [2]


# --- a task handed down done, a banner's whole, a result beside the target it beat -----------


def test_a_task_handed_down_from_above_done_unless_promised():
    assert status_from_words("二氧化硫减排完成省下达任务;").value == "已完成"
    assert status_from_words("节能指标完成上级下达的年度目标任务").value == "已完成"
    assert status_from_words("确保完成市下达任务").value != "已完成"
    assert status_from_words("完成市下达任务3000人") is None  # the task's size, a target
    assert status_from_words("根据省下达任务,开展职业培训") is None


def test_a_period_before_a_banners_or_prefectures_result_is_no_deadline():
    for place in ("全旗", "全盟", "全州"):
        due = extract_deadlines(f"上半年,{place}一般公共预算收入完成4.1亿元", 2031)
        assert [d.date for d in due] == [dt.date(2031, 12, 31)]
    due = extract_deadlines("上半年前完成改造", 2031)  # a deadline still
    assert [d.date for d in due] == [dt.date(2031, 6, 30)]


def _pairs(text: str) -> list[tuple[str, str, str, str]]:
    pairings = targets_beside_results(pair_indicators(text, ""), text)
    return [
        (p.indicator.target, p.indicator.actual, p.indicator.unit, p.indicator.comparator)
        for p in pairings
        if p.indicator.target and p.indicator.actual
    ]


def test_a_result_beside_the_target_it_came_under_or_over():
    assert _pairs("城镇调查失业率4.8%,低于5.5%的控制目标;") == [("5.5", "4.8", "%", "<=")]
    assert _pairs("地区生产总值增长8.2%,高于7.5%的预期目标。") == [("7.5", "8.2", "%", ">=")]
    # a gap to an unwritten target, and a figure compared with a rate that is no target
    assert _pairs("增长6.1%,低于目标0.9个百分点。") == []
    assert _pairs("增长6.1%,高于5.2%的全省平均水平。") == []


# Projects named one a line and closed by a count in 宗 and one verdict for all of them.
RUN_CLOSED_IN_ZONG = """某县2030年重点项目1-11月进展情况
截至11月底,全县重点项目进展如下:
1. 某县人民医院住院楼、
2. 某县城东污水管网工程及
3. 某镇卫生院改扩建工程3宗项目已竣工验收。
4. 某县工业园区道路工程正在进行路面施工。
"""


def test_a_run_closed_by_its_count_in_zong_takes_its_verdict():
    by = _statuses(RUN_CLOSED_IN_ZONG, dt.date(2030, 12, 5))
    assert [by[n][0] for n in range(1, 5)] == ["已完成"] * 3 + ["推进中"]


def test_a_closing_remarks_count_is_no_figure_of_the_item():
    text = "建成社区书屋24个,上述3项实事均超额完成年度目标任务。"
    names = [p.indicator.name for p in without_bare_counts(pair_indicators("", text), text)]
    assert names and not any(n in ("上述", "以上") for n in names)


# --- what the opening says of the listed items --------------------------------------------

ALL_BUT_ONE = """某县2031年十件民生实事完成情况
2031年,县政府承诺的10件民生实事,除城北公园建设外,其余9件均已完成。
1. 新建幼儿园3所。
2. 改造农村危房200户。
3. 城北公园建设。受征地影响,主体工程完成60%。
4. 新增城区停车位800个。
"""


def test_all_but_the_items_the_opening_names_are_done():
    by = _statuses(ALL_BUT_ONE, dt.date(2032, 1, 10))
    assert [by[n][0] for n in (1, 2, 4)] == ["已完成"] * 3
    assert by[3] == ("推进中", "报告称“主体工程完成60%”")
    # an exception it does not name in full ("等") leaves every item to its own words
    vague = ALL_BUT_ONE.replace("除城北公园建设外", "除城北公园建设等2件外")
    assert _statuses(vague, dt.date(2032, 1, 10))[1][0] != "已完成"


BY_NUMBER = """某市2031年民生实事1-10月进展情况
截至10月底,15件民生实事中,第1、2件已完成,第3件进度滞后,其余正在有序推进。
1. 新建社区食堂20个。
2. 改造老旧小区40个。
3. 建设公共停车场5个。
4. 建设口袋公园10个。
"""


def test_the_opening_judges_listed_items_by_their_numbers_each_by_its_own_clause():
    by = _statuses(BY_NUMBER, dt.date(2031, 11, 8))
    assert by[1] == ("已完成", "报告开头称“第1、2件已完成”")
    assert by[3] == ("滞后", "报告开头称“第3件进度滞后”")
    assert by[4][0] == "推进中"


# Runs of names whose last name carries the run's verdict, with no 等 and no count.
RUNS_WITHOUT_DENG = """某县2031年重点民生项目1-9月进展情况
截至9月底,全县重点民生项目进展如下:
1. 城东幼儿园、
2. 城北体育馆已竣工投用;
3. 城南公园、
4. 滨河绿道正在加快建设;
5. 县医院传染病区、
6. 城区污水管网改造工程进度滞后,完成投资0.3亿元。
"""


def test_a_runs_verdict_starts_at_its_first_word_of_doing():
    text = RUNS_WITHOUT_DENG
    ledger = draft(parse_report(text), text, today=dt.date(2031, 10, 12)).ledger
    by = {t.number: t for t in ledger.targets}
    assert [by[n].status_override for n in range(1, 7)] == ["已完成"] * 2 + ["推进中"] * 2 + [
        "滞后"
    ] * 2
    assert by[3].status_reason == "报告称“正在加快建设”"
    # the last name ends where the run's words begin; the rest of its line is its progress
    assert by[6].target_text == "城区污水管网改造工程"
    assert "完成投资0.3亿元" in by[6].progress_text


def test_a_group_titled_by_what_was_done():
    assert group_reading(Group("完成的工程(5项)", 0)).value == "已完成"


def test_a_names_joiner_to_the_next_name_is_no_part_of_its_title():
    tokenizer = make_tokenizer()
    plain = title_for("某市新材料科技装配式集成墙板项目", tokenizer).value
    assert title_for("某市新材料科技装配式集成墙板项目以及", tokenizer).value == plain
    assert title_for("某市新材料科技装配式集成墙板项目、", tokenizer).value == plain


# A run of names, each with its own verdict in brackets.
OWN_BRACKETS = """某县重点项目1-9月进展情况
截至9月底,全县重点项目进展情况如下:
1. 县医院新院区(已完工)、
2. 城南学校(主体完工)、
3. 滨江公园(正在招标)、
4. 污水处理厂提标改造(尚未开工)。
"""


def test_names_with_their_own_verdicts_are_no_run():
    by = _statuses(OWN_BRACKETS, dt.date(2031, 10, 12))
    assert [by[n][0] for n in range(1, 5)] == ["已完成", "推进中", "推进中", "滞后"]
    assert "主体完工" in by[2][1]  # the main works done: the rest still under way


def test_a_remark_on_things_the_item_itself_counts_is_its_own():
    items = [
        _item(1, "新建停车场3处;"),
        _item(2, "改造背街小巷20条;"),
        _item(3, "实施城区排涝项目3个,这3个项目均已完工。"),
    ]
    assert closing_verdicts(items) == {}

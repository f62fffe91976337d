"""Shapes of progress reports beyond the seed's: tables flattened one cell a line with
sub-items and unit cells, a month's plan column, a title's month, "completed the year's
task", rates without counts, counts without units, and "began N, finished M" sentences.

Every example is a short made-up report, not a line of a real one."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.cells import is_measure_unit, label_kind, read_cells
from bot.drafting.deadlines import extract_deadlines
from bot.drafting.drafter import draft
from bot.drafting.pairing import pair_indicators
from bot.drafting.report_dates import report_day
from bot.drafting.report_text import parse_report
from bot.drafting.rows import named_unit, pair_rows
from bot.drafting.sentences import answers_with_rate, split_sentence
from bot.drafting.text_figures import extract_figures
from bot.drafting.words import status_from_words, whole_year_done

TODAY = dt.date(2026, 12, 6)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    targets = {t.number: t for t in drafted.ledger.targets}
    return drafted, targets


def _status(drafted, target) -> str:
    return compute_status(target, drafted.judging_day)


def _pairs(pairings):
    return [
        (p.indicator.target, p.indicator.unit, p.indicator.actual, p.indicator.actual_unit)
        for p in pairings
    ]


# --- tables flattened one cell a line ------------------------------------------------------

SUB_ITEMS = "\n".join(
    [
        "单位:公里",
        "工作目标:800",
        "已完成数:812.5",
        "占年任务之比:101.6%",
        "备注:县交通运输局",
        "农村公路安全防护工程",
        "单位:公里",
        "工作目标:120",
        "已完成数:96",
        "占年任务之比:80.0%",
    ]
)


def test_a_unit_cell_names_the_measure_and_a_share_column_is_no_target():
    assert label_kind("占年任务之比") == "actual"
    assert is_measure_unit("公里") and is_measure_unit("元/月/人") and is_measure_unit("万人")
    assert not is_measure_unit("县交通运输局")
    cells = read_cells("农村公路提质改造", SUB_ITEMS)
    assert [(r.target, r.actuals, r.unit) for r in cells.rows] == [
        ("800", ("812.5",), "公里"),
        ("120", ("96",), "公里"),
    ]
    assert cells.rows[1].name == "农村公路安全防护工程"
    assert "101.6%" not in cells.target_text
    found = pair_rows(cells.rows)
    assert _pairs(p for p in found if p.indicator.target) == [
        ("800", "公里", "812.5", ""),
        ("120", "公里", "96", ""),
    ]
    # each sub-row's rate ("占年任务之比:101.6%") is kept, a share without a target
    assert _pairs(p for p in found if not p.indicator.target) == [
        ("", "%", "101.6", ""),
        ("", "%", "80.0", ""),
    ]


def test_a_composite_unit_cell_takes_over_the_figure_unit_it_starts_with():
    cells = read_cells("提高特困人员供养标准", "单位:元/月/人\n工作目标:不低于500元\n已完成数:520")
    (pair,) = pair_rows(cells.rows)
    assert (pair.indicator.target, pair.indicator.unit, pair.indicator.actual) == (
        "500",
        "元/月/人",
        "520",
    )
    assert pair.indicator.comparator == ">="


def test_a_bare_row_takes_the_unit_its_name_counts_in_or_pairs_without_one():
    assert named_unit("新增3万户燃气用户") == "户"
    assert named_unit("建设2个公园和3条绿道") == ""
    cells = read_cells("改造老旧小区1.2万户", "工作目标:3600\n已完成数:2800")
    assert _pairs(pair_rows(cells.rows)) == [("3600", "户", "2800", "")]
    cells = read_cells("推行网格员进村", "工作目标:412\n已完成数:450")
    assert _pairs(pair_rows(cells.rows)) == [("412", "", "450", "")]


def test_a_sub_item_line_names_its_own_row_and_its_unit():
    body = "新建600个村级快递点\n工作目标:45\n已完成数:45"
    cells = read_cells("农村物流提升工程", body)
    (pair,) = pair_rows(cells.rows)
    assert (pair.indicator.unit, pair.indicator.name) == ("个", "新建村级快递点")


# --- the report's day, plans and whole-year words -------------------------------------------


def test_a_title_naming_a_month_dates_the_progress_to_its_end():
    assert report_day("2022年8月份民生实事项目进展情况", 2022) == dt.date(2022, 8, 31)
    assert report_day("3月重点工作推进情况汇总表", 2021) == dt.date(2021, 3, 31)
    # A meeting's date or a deadline is not the month reported on.
    assert report_day("5月12日上午，县人代会开幕", 2021) is None
    assert report_day("力争9月底前完成全部工程", 2021) is None


def test_a_month_plan_column_gives_a_milestone_and_no_actuals():
    assert label_kind("月度工作计划") == "plan"
    assert label_kind("8月工作计划") == "other"  # next month's work, not a milestone
    body = "月度工作计划:5月:完成体检800人。\n落实情况:已完成。 已体检1500人。"
    cells = read_cells("为老年人免费体检3000人。", body)
    assert "800人" not in cells.progress_text and "800人" in cells.plan_text
    dates = [d.date for d in extract_deadlines(cells.target_text, 2022, cells.plan_text)]
    assert sorted(dates) == [dt.date(2022, 5, 31), dt.date(2022, 12, 31)]


def test_a_plan_putting_the_years_task_due_early_sets_the_final_deadline():
    plan = "月度工作计划:按省里安排推进。9月底前确保完成年度任务。"
    dates = [d.date for d in extract_deadlines("全县实现门诊费用跨省直接结算。", 2022, plan)]
    assert dates == [dt.date(2022, 9, 30)]


def test_done_beside_a_month_plan_is_the_plans_not_the_targets():
    text = (
        "2022年5月民生实事项目进展情况汇总表\n"
        "1.为老年人免费体检3000人。\n"
        "月度工作计划:5月:完成体检800人。\n"
        "落实情况:已完成。 已体检1500人。\n"
        "2.新建公共充电桩40个。\n"
        "月度工作计划:5月:确定点位。\n"
        "落实情况:已完成。 已确定全部点位。\n"
    )
    drafted, targets = _drafted(text)
    assert drafted.as_of == dt.date(2022, 5, 31)
    (ind,) = targets[1].indicators
    assert (ind.target, ind.actual) == ("3000", "1500")
    assert _status(drafted, targets[1]) == "推进中"
    assert _status(drafted, targets[2]) == "推进中"


def test_figures_gathered_only_at_a_higher_level_are_no_data():
    assert status_from_words("该项数据采集只到省级，县级无法统计。").value == "暂无数据"


def test_completing_the_years_task_closes_a_target_without_its_figures():
    assert whole_year_done("落实情况:提前完成年度任务。")
    assert not whole_year_done("8月底前确保完成年度任务。")
    assert not whole_year_done("目前尚未完成年度任务。")
    text = (
        "2022年9月份民生实事进展情况\n"
        "1.新增公办幼儿园学位600个,就读公办园比例达到60%。\n"
        "落实情况:提前完成年度任务。\n就读公办园的比例达64.5%。\n"
        "2.新建城市书房2家。\n落实情况:提前完成年度任务。\n建成城市书房2家。\n"
    )
    drafted, targets = _drafted(text)
    assert _status(drafted, targets[1]) == "超额完成"  # 64.5% beats 60%; 600个 not given
    assert _status(drafted, targets[2]) == "已完成"


# --- figures: rates, counts without units, "began N, finished M" ------------------------------


def test_progress_opening_with_a_rate_makes_the_items_figures_actuals():
    assert answers_with_rate("完成率125%;")
    assert not answers_with_rate("已完成80%的工程量")
    text = "2022年9月份民生实事进展情况\n1.新建口袋公园5个,\n完成率125%;\n"
    drafted, targets = _drafted(text)
    got = [(i.target, i.unit, i.actual) for i in targets[1].indicators]
    assert ("", "个", "5") in got
    assert _status(drafted, targets[1]) == "超额完成"


def test_jian_is_a_unit_of_count():
    assert [(f.value, f.unit) for f in extract_figures("办理法律援助案件350件")] == [("350", "件")]


def test_a_short_figure_name_takes_the_label_before_its_colon():
    found = pair_indicators("城乡居民医保参保率:全县>95%", "全县城乡居民医保参保率达96.2%")
    assert _pairs(found) == [("95", "%", "96.2", "")]


def test_a_count_without_its_unit_beside_the_targets_words_is_its_actual():
    found = pair_indicators(
        "完成农村劳动力转移培训1200人。", "全年完成农村劳动力转移培训1350,完成率112%"
    )
    assert ("1200", "人", "1350", "") in _pairs(found)
    found = pair_indicators("新建乡镇综合文化站4所。", "建成东关、西坪等4乡镇综合文化站")
    assert ("4", "所", "4", "") in _pairs(found)
    # Two such figures: no guess.
    found = pair_indicators("新建乡镇综合文化站4所。", "3乡镇综合文化站已建成,2乡镇综合文化站在建")
    assert not any(p.indicator.actual for p in found if p.indicator.target)


def test_began_then_finished_in_one_sentence_pairs_the_scope_with_what_is_done():
    target, done = split_sentence("农村危房改造开工120户,完成85户,拆除旧房30间;")
    assert "120户" in target and "85户" in done
    assert ("120", "户", "85", "") in _pairs(pair_indicators(target, done))
    # A count of places inside a clause of achievement is no amount done.
    assert split_sentence("在5村实施饮水工程,实施完成东关、西坪等5村管网铺设300米;") == ("", "")


def test_a_count_and_its_share_of_the_target_pair_on_the_count():
    found = pair_indicators("建成社区食堂8个。", "已完成6个，占目标任务的75%。")
    assert ("8", "个", "6", "") in _pairs(found)


def test_below_the_time_schedule_is_behind():
    assert status_from_words("已完成6个，低于序时进度。").value == "滞后"
    assert status_from_words("进度落后于序时进度10个百分点。").value == "滞后"


def test_work_begun_does_not_answer_a_target_to_build():
    found = pair_indicators("新建幼儿园3所。", "3所均已开工，形象进度60%。")
    assert not any(p.indicator.target and p.indicator.actual for p in found)
    found = pair_indicators("开工建设安置房200套。", "已开工建设200套。")
    assert ("200", "套", "200", "") in _pairs(found)
    text = "某县2024年民生实事1-9月进展情况\n1.新建幼儿园3所。\n3所均已开工，形象进度60%。\n"
    drafted, targets = _drafted(text)
    assert _status(drafted, targets[1]) == "推进中"


def test_the_rest_of_the_work_and_work_under_way_are_not_actuals():
    found = pair_indicators("完成农村危房改造200户。", "已完成180户，其余20户正在推进。")
    assert _pairs(found)[0] == ("200", "户", "180", "")
    assert not any(p.indicator.actual == "20" and p.indicator.target for p in found)
    found = pair_indicators("新建改建学校5所。", "已竣工3所，2所正在建设。")
    assert ("5", "所", "3", "") in _pairs(found)


def test_a_completion_rate_cell_is_the_rows_actual_as_a_share_of_its_target():
    header = ("序号", "项目名称", "年度目标", "1-11月完成", "完成率", "责任单位")
    cells = read_cells("建设城市停车位 | 1500个 | 已完成 | 100% | 县住建局", "", header)
    (pair,) = pair_rows(cells.rows)
    assert (pair.indicator.target, pair.indicator.actual, pair.indicator.actual_unit) == (
        "1500",
        "100",
        "%",
    )
    # A physical progress column ("形象进度") measures the works, not the target's figure.
    header = ("序号", "项目名称", "年度目标", "进展情况", "形象进度(%)")
    cells = read_cells("建设城市停车位 | 1500个 | 正在施工 | 60", "", header)
    assert not any(p.indicator.actual for p in pair_rows(cells.rows))


def test_a_whole_amount_before_a_dated_milestone_is_due_at_the_years_end():
    def dates(text):
        return sorted(d.date.isoformat() for d in extract_deadlines(text, 2022))

    assert dates("完成农村危房改造200户，6月底前完成100户。") == ["2022-06-30", "2022-12-31"]
    assert dates("6月底前，完成农村危房改造200户。") == ["2022-06-30"]
    assert dates("新建公园2个，8月底前投入使用。") == ["2022-08-31"]


def test_a_remark_closing_a_run_of_items_dates_each_item_of_the_run():
    text = (
        "某县2022年民生工程8月份进展情况\n"
        "1. 3个社区食堂建设\n已完成2个,\n"
        "2. 10个村级公园建设\n已完成7个,这2项预计10月底前全部完成;\n"
        "3. 5座公厕改造\n正在施工中,这1项预计11月底前完成。\n"
        "4. 新增托位200个\n完成率105%。\n"
    )
    _, targets = _drafted(text)

    def dates(n):
        return sorted(d.date.isoformat() for d in targets[n].deadlines)

    assert dates(1) == dates(2) == ["2022-10-31", "2022-12-31"]
    assert dates(3) == ["2022-11-30", "2022-12-31"]
    assert dates(4) == ["2022-12-31"]


def test_a_rate_reached_by_each_of_several_named_measures():
    found = pair_indicators("城市生活垃圾无害化处理率和农村生活垃圾收运覆盖率", "均达到100%;")
    assert [(p.indicator.name, p.indicator.actual) for p in found] == [
        ("城市生活垃圾无害化处理率", "100"),
        ("农村生活垃圾收运覆盖率", "100"),
    ]
    assert status_from_words("均达到100%;").value == "已完成"
    assert getattr(status_from_words("覆盖率达到95%"), "value", None) != "已完成"


def test_a_stage_or_a_share_of_the_work_done_is_not_the_target_done():
    for words in ("已完成招标和设计", "已完成项目立项和选址", "已完成主体工程", "已完成方案编制"):
        assert getattr(status_from_words(words), "value", None) != "已完成", words
    assert status_from_words("已完成总工程量的60%").value == "推进中"
    assert status_from_words("工程形象进度达65%").value == "推进中"
    assert status_from_words("项目已全部完成并通过验收").value == "已完成"


def test_schedule_words_say_under_way_or_behind():
    assert status_from_words("按序时进度推进").value == "推进中"
    assert status_from_words("超序时进度").value == "推进中"
    assert status_from_words("项目尚未启动").value == "滞后"


def test_labelled_cells_run_on_in_one_line_are_cut_at_each_label():
    cells = read_cells(
        "城镇新增就业。", "目标任务：新增就业5000人；完成情况：新增就业4200人，完成84%。"
    )
    assert [(r.target, r.actuals) for r in cells.rows] == [
        ("新增就业5000人；", ("新增就业4200人，完成84%。",))
    ]
    assert ("5000", "人", "4200", "") in _pairs(pair_rows(cells.rows))
    # A colon inside the progress words is no new cell.
    cells = read_cells("城镇新增就业。", "完成情况：新增4200人；其中：高校毕业生1200人。")
    assert cells.rows == ()


def test_an_ordinal_is_no_amount():
    assert [f.value for f in extract_figures("已建成2所，第3所主体完工")] == ["2"]
    found = pair_indicators("新建中小学3所。", "已建成2所，第3所主体完工。")
    assert ("3", "所", "2", "") in _pairs(found)


def test_done_words_without_figures_before_the_deadline_are_done():
    text = "某县2022年民生实事进展情况（截至9月30日）\n1.新建街心公园3个。\n项目已全部完成。\n"
    drafted, targets = _drafted(text)
    assert _status(drafted, targets[1]) == "已完成"


def test_a_figure_compared_with_is_no_actual():
    found = pair_indicators(
        "森林覆盖率提升至60%。", "预计全年森林覆盖率较2019年度(58.2%)有所提升。"
    )
    assert not any(p.indicator.target and p.indicator.actual for p in found)


def test_a_later_periods_progress_supersedes_an_earlier_ones():
    body = (
        "牵头单位:县住建局\n1-8月推进情况:已建成口袋公园3个。\n1-9月推进情况:已建成口袋公园5个。"
    )
    cells = read_cells("新建口袋公园6个。", body)
    assert "1-8月" not in cells.progress_text and "1-9月推进情况" in cells.progress_text
    found = pair_indicators(cells.target_text, cells.progress_text)
    assert _pairs(found) == [("6", "个", "5", "")]
    rows = "目标任务:新建口袋公园6个\n1-8月完成:3个\n1-9月完成:5个"
    assert read_cells("口袋公园", rows).rows[0].actuals == ("5个",)


def test_where_the_work_is_done_and_a_duration_are_no_amounts():
    found = pair_indicators("新增垃圾分类达标小区120个。", "在40个小区开展了分类宣传。")
    assert not any(p.indicator.target and p.indicator.actual for p in found)
    assert extract_figures("项目滞后了2个月") == []


def test_a_notice_naming_items_by_number_drafts_those_items():
    text = (
        "2022年第三次县政府常务会议确定事项落实情况的通报\n"
        "截至8月20日,已办结10件。其中,县交通局负责的第2件、县水利局负责的第7、9件进展滞后,"
        "请加快推进。\n"
    )
    report = parse_report(text)
    assert [t.number for t in report.targets] == [2, 7, 9]
    assert all("进展滞后" in t.progress_text for t in report.targets)
    drafted, targets = _drafted(text)
    assert drafted.ledger.year == 2022
    assert {_status(drafted, t) for t in targets.values()} == {"滞后"}
    assert not any(t.indicators for t in targets.values())  # "第7、9件" are no figures


def test_comparison_signs_are_comparators_not_name_words():
    found = pair_indicators("农村集中供水率≥90%。", "全年农村集中供水率达92%。")
    (ind,) = [p.indicator for p in found]
    assert (ind.name, ind.comparator, ind.actual) == ("农村集中供水率", ">=", "92")
    found = pair_indicators("城镇登记失业率＜4%。", "")
    assert [p.indicator.comparator for p in found] == ["<="]


def test_a_rank_after_di_stays_a_figure():
    assert [(f.value, f.unit) for f in extract_figures("增速全市第3位")] == [("3", "位")]


def test_a_measure_and_its_figure_after_the_targets_sentence_is_more_target():
    more = parse_report("2021年目标\n1.新建公园2个、绿道5公里。改造游园3处").targets[0]
    assert (more.target_text, more.progress_text) == ("新建公园2个、绿道5公里。改造游园3处", "")
    told = parse_report("2021年目标\n1.新建公园2个。已建成公园3个").targets[0]
    assert (told.target_text, told.progress_text) == ("新建公园2个。", "已建成公园3个")


def test_a_line_labelled_target_and_progress_splits_at_its_labels():
    from bot.drafting.report_text import parse_report

    text = (
        "某区2031年重点任务1-9月进展\n"
        "1.目标:新增市场主体3000户;进展:1-9月新增市场主体2410户。\n"
        "2.任务:新建乡镇污水处理站4座。完成情况:已建成3座。\n"
        "3.推进情况:全年新增就业岗位800个。\n"
    )
    first, second, third = parse_report(text).targets
    assert (first.target_text, first.progress_text) == (
        "新增市场主体3000户",
        "1-9月新增市场主体2410户。",
    )
    assert (second.target_text, second.progress_text) == ("新建乡镇污水处理站4座", "已建成3座。")
    assert third.target_text.startswith("推进情况")  # a label opening the line splits nothing

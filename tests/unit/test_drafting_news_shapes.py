"""Shapes of progress reports written as news or bulletins: a heading naming a report of
progress without its day, lines leading into the next item, shares of the year's task."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.words import status_from_words, task_shares

TODAY = dt.date(2026, 12, 6)


def _statuses(text: str) -> dict[int, str]:
    drafted = draft(parse_report(text), text, today=TODAY)
    return {t.number: compute_status(t, drafted.judging_day) for t in drafted.ledger.targets}


def test_an_undated_progress_heading_reads_each_line_as_what_was_done():
    text = (
        "某市:8项惠民工程完成年度任务\n"
        "记者从市政府获悉,截至目前,8项惠民工程提前完成年度任务。\n"
        "1.农贸市场改造工程,改造市场12个,完成年度任务的100%。\n"
        "2.公厕新建工程,新建公厕40座、改建公厕25座,分别完成年度任务的100%、125%。\n"
        "3.供热管网改造工程,改造管网50公里,占年度任务的100%;老旧换热站,改造12座,完成率80%。\n"
    )
    assert _statuses(text) == {1: "已完成", 2: "超额完成", 3: "推进中"}


def test_a_list_of_targets_under_a_progress_heading_tells_no_progress():
    text = "2021年重点工作完成情况\n1.新建公厕40座。\n2.改造农贸市场12个。\n"
    assert set(_statuses(text).values()) == {"暂无数据"}


def test_a_line_without_a_figure_left_open_leads_into_the_next_item():
    text = (
        "某县民生工程推进情况\n"
        "截至目前,两项工程进展顺利。\n"
        "1.道路改造工程,全年任务为30公里,已全部建设完成。\n"
        "与此同时,教育设施也在改善。据介绍,\n"
        "2.学校扩建工程,扩建学校3所,占年度任务的60%。\n"
    )
    report = parse_report(text)
    assert "据介绍" not in report.targets[0].progress_text
    assert _statuses(text)[1] == "已完成"


def test_an_open_line_with_figures_stays_the_items_progress():
    report = parse_report("某县项目进展情况\n1.新建驿站5个\n已完成3个(60%),\n2.新建公园2个\n")
    assert "已完成3个" in report.targets[0].progress_text


def test_a_share_on_the_items_own_line_decides_though_lines_follow():
    text = (
        "某市惠民工程完成情况\n"
        "1.全市新建停车位2.5万个,占年度任务的110%。\n"
        "停车位分布在主城区各街道\n"
        "2.全市新建口袋公园30个,占年度任务的90%。\n"
    )
    assert _statuses(text) == {1: "超额完成", 2: "推进中"}


def test_a_second_share_of_one_figure_is_that_figure_on_another_base():
    # "占调整后目标的88%" restates 404 against a raised target; the year's task counts.
    found = task_shares("启动改造404个,完成年度任务的199%,占调整后目标的88%。")
    assert found is not None and found.value == "超额完成"
    # Two figures, two shares: the part behind keeps the item under way.
    found = task_shares("改造管网50公里,占年度任务的100%;改造换热站12座,完成率80%。")
    assert found is not None and found.value == "推进中"
    found = task_shares("新建40座、改建25座,分别完成年度任务的100%、100%。")
    assert found is not None and found.value == "已完成"


GROUPED_TABLE = (
    "2023年度县民生实事项目进度表\n"
    "序号 | 牵头单位 | 项目数量 | 项目名称 | 业主单位 | 本月进展情况 前期手续 | "
    "本月进展情况 在建形象进度\n"
    "一 | 县水利局 | 民生实事项目(1个)\n"
    "1.(一)农村供水管网改造项目 | 县水投 | 已完工 |\n"
    "二 | 县教育局 | 民生实事项目(2个)\n"
    "2.(一)学校食堂改造项目 | 县教育局 | 主体施工中 |\n"
    "3.(二)幼儿园扩建项目\n"
    " | 1.城东幼儿园 | 县城投 | 已完工 |\n"
    " | 2.城西幼儿园 | 县城投 | 已完工 |\n"
)


def test_a_table_grouped_by_lead_unit_reads_each_project_row_from_its_name():
    drafted = draft(parse_report(GROUPED_TABLE), GROUPED_TABLE, today=TODAY)
    targets = {t.number: t for t in drafted.ledger.targets}
    assert targets[1].target_text == "(一)农村供水管网改造项目"
    assert "已完工" in targets[1].progress_text
    # The next group's row ends the item above: no figure of it is that item's.
    assert "二" not in targets[1].progress_text and not targets[1].indicators
    statuses = _statuses(GROUPED_TABLE)
    assert statuses[1] == "已完成" and statuses[2] == "推进中" and statuses[3] == "已完成"


def test_finished_works_are_done_but_a_phase_finished_is_not():
    assert status_from_words("泵站已完工。").value == "已完成"
    said = status_from_words("路基工程已完工,正在铺设路面。")
    assert said is None or said.value != "已完成"


RUNS_NOTICE = (
    "2021年县重点项目二季度推进情况通报\n"
    "从督查情况看,各项任务进展总体顺利。\n"
    "1.城北污水处理厂、\n"
    "2.南山公园等项目已投产;\n"
    "3.东湖大桥、\n"
    "4.城区供热管网改造等项目有序推进。\n"
    "督查中发现,部分项目进展缓慢。\n"
    "5.人民医院新院区、\n"
    "6.职业中学迁建等均未达序时;\n"
    "有个别单位报送材料不及时。\n"
    "下一步,各乡镇、各部门要倒排工期,确保完成全年任务。\n"
)


def test_names_in_a_run_take_the_status_said_on_the_runs_last_name():
    statuses = _statuses(RUNS_NOTICE)
    assert statuses == {
        1: "已完成", 2: "已完成", 3: "推进中", 4: "推进中", 5: "滞后", 6: "滞后"
    }  # fmt: skip


def test_a_remark_on_several_items_and_the_closing_words_are_no_items_progress():
    report = parse_report(RUNS_NOTICE)
    by_number = {t.number: t for t in report.targets}
    assert "部分项目" not in by_number[4].progress_text
    assert by_number[6].progress_text == ""


def test_figures_after_respectively_answer_the_targets_in_their_order():
    from bot.drafting.pairing import pair_indicators

    found = pair_indicators(
        "全年计划新建公园8个,改造广场12个,新增绿道30个,",
        "实际分别完成9个、12个和31个,分别超额完成12%、0%和3%。",
    )
    pairs = [(p.indicator.target, p.indicator.actual) for p in found if p.indicator.target]
    assert pairs == [("8", "9"), ("12", "12"), ("30", "31")]


def test_an_actual_written_after_its_task_pairs_with_it():
    text = "某市乡村振兴指标完成情况\n1.农村危房改造,全年任务为500户,实际改造620户;\n"
    drafted = draft(parse_report(text), text, today=TODAY)
    (indicator,) = [i for i in drafted.ledger.targets[0].indicators if i.target]
    assert (indicator.target, indicator.actual) == ("500", "620")


def test_the_years_target_done_outweighs_a_forecast_for_a_part():
    said = status_from_words("全市已改造2万座,提前完成了全年目标,个别区预计年底完成计划任务;")
    assert said is not None and said.value == "已完成"
    said = status_from_words("已完成主体工程,预计年底完成建设任务;")
    assert said is not None and said.value == "推进中"


def test_a_verb_of_doing_under_a_plan_sets_the_target():
    from bot.drafting.sentences import split_sentence

    target, done = split_sentence("全县投资计划达到20亿元,截至三季度末,投资已达23亿元,")
    assert "20亿元" in target and "23亿元" in done and "20亿元" not in done


def test_a_line_that_answers_its_own_target_is_read_though_a_paragraph_follows():
    text = (
        "某市重点指标完成情况\n"
        "1.全市农业投资计划达到20亿元,截至三季度末,已达23亿元,超额完成全年任务。\n"
        "据悉,市农业农村局逐月监测各指标。\n"
    )
    drafted = draft(parse_report(text), text, today=TODAY)
    (indicator,) = [i for i in drafted.ledger.targets[0].indicators if i.target]
    assert (indicator.target, indicator.actual) == ("20", "23")
    assert _statuses(text)[1] == "超额完成"


def test_some_of_the_items_own_projects_are_its_progress():
    report = parse_report("某县项目推进情况\n1.改造老旧小区10个\n部分项目已完成主体施工。\n")
    assert "部分项目" in report.targets[0].progress_text


def test_the_day_progress_is_told_of_is_no_deadline():
    from bot.drafting.deadlines import extract_deadlines

    found = extract_deadlines("全市计划改造户厕3万座,截至10月底,已改造3.2万座", 2020)
    assert [d.date for d in found] == [dt.date(2020, 12, 31)]
    found = extract_deadlines("10月底前完成户厕改造3万座", 2020)
    assert [d.date for d in found] == [dt.date(2020, 10, 31)]


def test_beyond_the_years_task_is_said_of_the_whole_though_a_figure_goes_unanswered():
    text = (
        "某市重点指标完成情况\n"
        "1.本年度,全市农业投资计划达到20亿元,截至三季度末,已达23亿元,超额完成全年任务,"
        "其余5个区均按计划推进。\n"
        "据悉,市农业农村局逐月监测各指标。\n"
    )
    assert _statuses(text)[1] == "超额完成"


def test_this_year_in_a_dated_news_report_is_its_dates_year():
    from bot.drafting.report_dates import guess_year

    text = (
        "某省:12项民生工程提前完成年度任务\n"
        "2021年11月19日18:09 | 来源:某日报\n"
        "今年以来,全省实施12项民生工程,到2025年棚户区改造全部完成。\n"
    )
    assert guess_year(text, 2030).value == "2021"
    # Without a date the year stays a guess, and says so.
    undated = guess_year("某县实事进展顺利\n今年上半年,各项工程进展顺利。\n", 2030)
    assert undated.value == "2030" and undated.confidence < 0.5


def test_a_date_inside_the_text_is_no_publication_date():
    from bot.drafting.report_dates import guess_year

    text = (
        "某县实事进展\n今年以来,各项工程进展顺利。\n说明一\n"
        "1.落实2019年3月1日起施行的条例,2022年实现全覆盖。\n说明二\n说明三\n说明四\n"
    )
    assert guess_year(text, 2030).value == "2022"


NEWS_WITH_SUB_HEADINGS = (
    "截至9月底,今年市政府15件为民办实事项目进展顺利。\n"
    "改善农村条件\n"
    "1. 新建农村公路100公里,现已完成120公里;\n"
    "2. 改造提升12个乡镇卫生院,已完成既定目标。1~9月,全市基层诊疗量稳步上升。\n"
    "方便市民出行\n"
    "3. 新建公交首末站3个,已建成1个,另有2个正在施工。\n"
)


def test_a_bare_sub_heading_of_news_prose_is_no_items_progress():
    by = {t.number: t for t in parse_report(NEWS_WITH_SUB_HEADINGS).targets}
    assert "方便市民出行" not in by[2].progress_text


def test_an_items_own_done_words_hold_beside_a_sentence_after_them():
    statuses = _statuses(NEWS_WITH_SUB_HEADINGS)
    assert statuses[2] == "已完成"


def _pairs_of(sentence: str):
    from bot.drafting.pairing import pair_indicators
    from bot.drafting.sentences import split_sentence

    target_words, done_words = split_sentence(sentence)
    return [
        (p.indicator.target, p.indicator.actual, p.indicator.unit)
        for p in pair_indicators(target_words, done_words)
    ]


def test_parts_after_qizhong_that_add_up_to_the_result_are_no_measures():
    found = _pairs_of("我市计划新增5条公交线路,现已新增9条,其中市区6条、县城3条;")
    assert found == [("5", "9", "条")]


def test_a_whole_then_its_done_amount_in_one_clause_pair():
    found = _pairs_of("30公里绿道已完成12.5公里,其中东段8公里,西段4.5公里;")
    assert found == [("30", "12.5", "公里")]


def test_a_stage_done_with_the_next_step_under_way_is_not_done():
    text = (
        "截至9月底,今年市政府10件为民办实事项目进展顺利。\n"
        "1. 20个村“美丽庭院”创建已全部通过县级验收,正在申请市级验收。\n"
        "2. 启动城市绿道建设,已完成《绿道总体规划》,现继续进行施工图设计;\n"
        "3. 新建养老服务站5个,已全部完成。\n"
    )
    drafted = draft(parse_report(text), text, today=TODAY)
    by = {t.number: t for t in drafted.ledger.targets}
    assert by[1].status_override == "推进中" and "正在申请市级验收" in by[1].status_reason
    assert by[2].status_override == "推进中"
    assert _statuses(text)[3] == "已完成"


def test_a_share_of_the_task_count_written_without_de():
    assert task_shares("新建停车泊位300个,完成任务数125%。").value == "超额完成"
    assert task_shares("完成任务数80%").value == "推进中"


def test_prose_after_a_list_of_one_line_items_is_not_the_last_items_progress():
    text = (
        "某区2024年上半年计划执行情况的报告\n"
        "1. 地区生产总值200亿元,同比增长4%,低于目标2个百分点;\n"
        "2. 一般公共预算收入10亿元,同比增长8%,高于目标1个百分点;\n"
        "3. 城乡居民人均可支配收入3万元,增长5%。\n"
        "上半年,地区生产总值增速未达到预期目标,主要是因为建筑业回落明显,"
        "且部分服务业行业下行压力大,项目开工和转化上还有差距,发展未达到预期。\n"
    )
    by = {t.number: t for t in parse_report(text).targets}
    assert by[3].progress_text == ""
    assert _statuses(text)[3] != "滞后"

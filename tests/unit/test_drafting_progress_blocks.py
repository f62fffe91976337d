"""Progress told in a block of prose under a heading that names it ("【工作进度】",
"实施进度通报如下"), with its days of doing beside the work done (h12-draft6)."""

import datetime as dt

from bot.domain.status import compute_status
from bot.drafting.drafter import draft
from bot.drafting.report_dates import tells_progress
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import told_as_done

TODAY = dt.date(2026, 12, 6)


def _drafted(text: str):
    drafted = draft(parse_report(text), text, today=TODAY)
    return {t.number: t for t in drafted.ledger.targets}, drafted.judging_day


def test_a_heading_naming_its_block_progress_tells_what_was_done():
    for heading in ("【工作进度】", "一、工作进展", "现将实施进度通报如下:", "十件实事进展顺利"):
        assert tells_progress(heading), heading
    assert not tells_progress("二、工作任务")
    assert not tells_progress("2024年为民办实事项目")


def test_items_under_a_work_progress_block_are_progress_not_targets():
    text = (
        "2023年为民办实事工程\n"
        "【任务】今年我镇实施道路、桥梁、供水等5个子项目。\n"
        "【工作进度】\n"
        "1.城南大桥已完工,于9月5日竣工验收;\n"
        "2.城北供水管网已完成70%的工程量,完成投资320万元;\n"
    )
    targets, day = _drafted(text)
    assert compute_status(targets[1], day) == "已完成"
    assert compute_status(targets[2], day) == "推进中"


def test_a_day_is_no_figure_of_work_done():
    # The day the works were accepted is when, not how much: the investment is the target.
    assert not told_as_done("投资300万元的东环路改造工程,已完成全部工程,于10月8日竣工验收。")
    assert told_as_done("东环路改造完成了3.2公里。")
    targets, _ = _drafted(
        "2023年民生实事进展情况\n1.投资300万元的东环路改造工程,已完成全部工程,于10月8日竣工验收。\n"
    )
    (indicator,) = targets[1].indicators
    assert (indicator.target, indicator.unit, indicator.actual) == ("300", "万元", "")


def test_a_forecast_day_beside_a_count_leaves_the_count_a_target():
    targets, _ = _drafted(
        "2024年民生实事推进情况(截至10月底)\n1.新建3个社区食堂,需加快施工,预计在12月中旬完成。\n"
    )
    assert [(i.target, i.actual) for i in targets[1].indicators] == [("3", "")]


def test_a_line_saying_the_works_were_accepted_tells_them_done():
    text = (
        "2023年为民办实事工程\n【工作进度】\n"
        "1.县级农田水利项目全部竣工并通过了市级总体验收;\n"
        "2.城东污水处理厂已完工,于8月2日竣工验收;\n"
        "3.新建乡镇卫生院2所;\n"
    )
    targets, day = _drafted(text)
    assert compute_status(targets[1], day) == "已完成"
    assert compute_status(targets[2], day) == "已完成"
    assert compute_status(targets[3], day) == "暂无数据"  # a target only: nothing told of it


def test_a_copy_broken_off_in_its_last_item_tells_nothing_of_it():
    from bot.drafting.draft import breaks_off

    prose = (
        "2023年为民办实事进展情况(截至10月底)\n1.新建公厕10座,已全部建成。\n"
        "2.改造道路5公里,已完成3公里;\n3.我市计划实施4个乡镇文化"
    )
    assert breaks_off(parse_report(prose).targets)
    targets, day = _drafted(prose)
    assert compute_status(targets[3], day) == "暂无数据"
    assert targets[3].status_reason == "报告在这一项中断，未写出进展"
    whole = prose + "站。\n"
    assert not breaks_off(parse_report(whole).targets)


def test_a_table_row_with_fewer_cells_than_the_row_before_is_broken_off():
    from bot.drafting.draft import breaks_off

    table = (
        "2023年重点工作半年度进展情况表\n"
        "1.新建公园2个。 | 已建成1个,另1个主体完工 | 住建局\n"
        "2.出台人才新政。 | 印发《人才"
    )
    assert breaks_off(parse_report(table).targets)
    targets, day = _drafted(table)
    assert compute_status(targets[2], day) == "暂无数据"


def test_a_copy_broken_off_after_a_figure_keeps_what_it_said_was_done():
    text = (
        "2021年民生实事推进情况(截至7月底)\n1.新建公厕10座,已全部建成。\n"
        "2.开展两癌筛查,完成宫颈癌筛查2.3万"
    )
    targets, _ = _drafted(text)
    assert targets[2].status_reason != "报告在这一项中断，未写出进展"


def test_a_progress_line_opening_on_its_result_with_its_parts_is_done():
    from bot.drafting.row_verdicts import result_first

    said = result_first("建成高标准农田2.6万亩,其中东区1.2万亩、西区1.4万亩;")
    assert (said.value, said.words) == ("已完成", "建成高标准农田2.6万亩")
    assert result_first("优化农村客运班线12条,其中县内9条、跨县3条;").value == "已完成"
    # A plan, or a result without its parts counted, is not read this way.
    assert result_first("计划建成高标准农田2.6万亩,其中东区1.2万亩;") is None
    assert result_first("建成高标准农田2.6万亩;") is None
    text = (
        "2022年十件实事进展顺利\n截至6月底,各项实事进展情况如下:\n"
        "1.建成高标准农田2.6万亩,其中东区1.2万亩、西区1.4万亩;\n"
        "2.新建村级卫生室8个,已完成5个;\n"
    )
    targets, day = _drafted(text)
    assert compute_status(targets[1], day) == "已完成"
    assert targets[1].status_reason == "建成高标准农田2.6万亩"

"""Reading reports in the seed's format."""

import datetime as dt

import pytest

from bot.drafting.deadlines import extract_deadlines
from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import ReportFormatError, parse_report
from bot.drafting.text_figures import extract_figures


def test_seed_report_has_66_targets_in_order(seed_report_text):
    report = parse_report(seed_report_text)
    assert [t.number for t in report.targets] == list(range(1, 67))
    assert report.preamble.startswith("2020年初,县督查局")


def test_targets_5_and_40_share_a_line_with_their_result(seed_report_text):
    by = {t.number: t for t in parse_report(seed_report_text).targets}
    assert by[5].same_line and by[5].progress_text.startswith("9月28日")
    assert (
        by[40].same_line and by[40].target_text == "确保城乡居民基本养老保险参保达509300人以上。"
    )
    assert not by[12].same_line


def test_deadlines_in_target_text():
    assert [d.date for d in extract_deadlines("10月底之前完成关闭退出。", 2020)] == [
        dt.date(2020, 10, 31)
    ]
    two = extract_deadlines("7月底前完成水价制定工作。8月底前制定用水补贴政策。", 2020)
    assert [d.date for d in two] == [dt.date(2020, 7, 31), dt.date(2020, 8, 31)]
    three = extract_deadlines("8月底前完成改造，6月底前实质性开工。年底前完成1054户。", 2020)
    assert sorted(d.date for d in three) == [
        dt.date(2020, 6, 30),
        dt.date(2020, 8, 31),
        dt.date(2020, 12, 31),
    ]
    assert extract_deadlines("新增贷款完成14亿元。", 2020)[0].date == dt.date(2020, 12, 31)


def test_deadlines_in_the_year_written_by_day_and_half_year_and_for_undated_sentences():
    def dates(text):
        return sorted(d.date for d in extract_deadlines(text, 2020))

    assert dates("2021年6月底前完成验收。") == [dt.date(2021, 6, 30)]
    assert dates("9月30日前建成投用。") == [dt.date(2020, 9, 30)]
    assert dates("上半年完成招标。") == [dt.date(2020, 6, 30)]
    assert dates("13月底前完成。") == [dt.date(2020, 12, 31)]
    # A sentence with no deadline of its own beside one with a deadline falls due at year end.
    assert dates("7月底前完成水价制定工作。完成年度存量改革任务。") == [
        dt.date(2020, 7, 31),
        dt.date(2020, 12, 31),
    ]


def test_figures_skip_dates_markers_and_names():
    text = (
        "截至12月31日,PM2.5平均浓度43微克/立方米,(1)完成基础授信156,299户,增速-2.6%,1-11月增长6.3%"
    )
    assert [(f.value, f.unit) for f in extract_figures(text)] == [
        ("43", "微克/立方米"),
        ("156299", "户"),
        ("-2.6", "%"),
        ("6.3", "%"),
    ]


def test_draft_prefills_figures(seed_report_text):
    draft = draft_ledger(parse_report(seed_report_text), 2020)
    loans = draft.by_number()[12]
    assert ("14", "亿元") in [(i.target, i.unit) for i in loans.indicators]
    assert ("24.43", "亿元") in [(i.actual, i.unit) for i in loans.indicators]


@pytest.mark.parametrize("text", ["", "\n\n", "没有编号的一段话"])
def test_text_without_targets_is_refused(text):
    with pytest.raises(ReportFormatError, match="第1行"):
        parse_report(text)


def test_a_report_of_some_items_keeps_their_own_numbers():
    text = (
        "全区重点项目督查通报\n"
        "3.新建停车场一处。已完成。\n"
        "12.5%的增幅是去年的数据。\n"
        "5.改造老旧小区8个。滞后。\n"
        "6.新增公办幼儿园学位900个。正在推进。\n"
    )
    report = parse_report(text)
    assert [t.number for t in report.targets] == [3, 5, 6]
    assert "12.5%" in report.targets[0].target_text + report.targets[0].progress_text


def test_the_next_number_opens_an_item_even_before_a_figure():
    report = parse_report("1.道路硬化20公里。已完成。\n2.10月底前建成公厕5座。推进中。\n")
    assert [t.number for t in report.targets] == [1, 2]
    assert report.targets[1].target_text.startswith("10月底前")


@pytest.mark.parametrize("marker", ["（{n}）", "({n})", "{n}）", "{c}", "{z}、", "（{z}）"])
def test_items_numbered_in_another_style_are_read_as_numbered(marker):
    circled, chinese = "①②", "一二"
    lines = ["2021年民生实事进展"]
    for n, item in ((1, "新建公园2个。已建成2个。"), (2, "改造道路5公里。已完成3公里。")):
        lines.append(marker.format(n=n, c=circled[n - 1], z=chinese[n - 1]) + item)
    report = parse_report("\n".join(lines))
    assert [(t.number, t.target_text) for t in report.targets] == [
        (1, "新建公园2个。"),
        (2, "改造道路5公里。"),
    ]


def test_one_item_in_another_style_or_out_of_order_is_still_refused():
    with pytest.raises(ReportFormatError, match="第1行"):
        parse_report("（1）新建公园2个。")
    with pytest.raises(ReportFormatError, match="第1行"):
        parse_report("（2）新建公园2个。\n（1）改造道路5公里。")


def test_a_section_numbering_its_items_from_1_again_goes_on_from_the_last():
    text = (
        "2021年重点工作\n一、经济发展\n1.新建公园2个。\n已建成2个。\n2.改造道路5公里。\n"
        "二、民生保障\n1.新增就业500人。\n已新增600人。\n2.新建学校1所。\n正在建设。"
    )
    report = parse_report(text)
    assert [(t.number, t.target_text) for t in report.targets] == [
        (1, "新建公园2个。"),
        (2, "改造道路5公里。"),
        (3, "新增就业500人。"),
        (4, "新建学校1所。"),
    ]
    assert report.targets[1].progress_text == ""  # the section's title is no progress


def test_a_closing_byline_is_no_progress():
    text = "某县今年为民办实事。\n1.新建公厕20座;\n2.改造村级公路30公里。(王小明)"
    last = parse_report(text).targets[-1]
    assert last.target_text == "改造村级公路30公里。" and last.progress_text == ""
    reporter = parse_report("某县今年为民办实事。\n1.新建公厕20座。（记者 李某 通讯员 张某）")
    assert reporter.targets[0].progress_text == ""
    editor = parse_report("某县今年为民办实事。\n1.新建公厕20座。(责编:王某、李某)")
    assert editor.targets[0].progress_text == ""
    # A bracketed verdict after the target is the item's progress, not a byline.
    verdict = parse_report("某县今年为民办实事。\n1.新建公厕20座。(已完成)")
    assert verdict.targets[0].progress_text == "(已完成)"
    office = parse_report("某县今年为民办实事。\n1.新建公厕20座。(县住建局)")
    assert office.targets[0].progress_text == "(县住建局)"  # the lead unit, no byline


def test_an_amount_per_household_or_head_is_a_rate():
    found = [
        (f.value, f.unit) for f in extract_figures("按每户600元标准发放补助,每人200元,共120万元")
    ]
    assert found == [("600", "元/户"), ("200", "元/人"), ("120", "万元")]
    # Per month or per year too, the words say more than one rate: the amount stays in 元.
    assert [f.unit for f in extract_figures("每人每月300元")] == ["元"]

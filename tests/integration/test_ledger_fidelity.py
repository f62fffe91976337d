"""The curated 2020 ledger agrees with the seed report, figure by figure."""

from decimal import Decimal

import pytest

from bot.domain.ledger import CATEGORIES, KNOWN_UNITS
from bot.domain.status import completion_ratio
from bot.drafting.report_text import parse_report
from bot.drafting.text_figures import extract_figures


@pytest.fixture(scope="module")
def report(seed_report_text):
    return parse_report(seed_report_text)


def test_ledger_has_all_66_targets(ledger_2020):
    assert [t.number for t in ledger_2020.targets] == list(range(1, 67))


def test_texts_are_verbatim(ledger_2020, report):
    assert ledger_2020.preamble == report.preamble
    for item, target in zip(report.targets, ledger_2020.targets, strict=True):
        assert target.target_text == item.target_text, target.number
        assert target.progress_text == item.progress_text, target.number
        assert target.same_line == item.same_line, target.number


def test_every_figure_of_the_report_is_in_the_record(ledger_2020):
    """Each figure of a target's lines is an indicator value, or named in its remarks."""
    missing = []
    for t in ledger_2020.targets:
        values = {Decimal(v) for i in t.indicators for v in (i.target, i.actual) if v}
        notes = " ".join(f"{i.name} {i.remark}" for i in t.indicators).replace(",", "")
        for fig in extract_figures(f"{t.target_text}\n{t.progress_text}"):
            if Decimal(fig.value) not in values and fig.value not in notes:
                missing.append((t.number, fig.value + fig.unit))
    assert missing == []


def test_indicators_agree_with_the_verbatim_text(ledger_2020):
    """Every indicator figure is written in the target's text with the indicator's unit."""
    wrong = []
    for t in ledger_2020.targets:
        figures = extract_figures(f"{t.target_text}\n{t.progress_text}")
        written = {(Decimal(f.value), f.unit) for f in figures}
        numbers = {Decimal(f.value) for f in figures}
        for i in t.indicators:
            # The actual is checked in its own unit (79891人 against a target in 万人次).
            for value, unit in ((i.target, i.unit), (i.actual, i.shown_actual_unit)):
                if not value:
                    continue
                if Decimal(value) not in numbers and value not in t.target_text:
                    wrong.append((t.number, i.name, value, "not in text"))
                elif unit and unit not in {"位"} and (Decimal(value), unit) not in written:
                    # The report may say the unit once for a run of figures ("6.3%，全市第3位")
                    # or in other words (万平方 for 万平方米): the unit must still be in the text.
                    text = t.target_text + t.progress_text
                    if unit not in text and not i.remark:
                        wrong.append((t.number, i.name, value, unit))
    assert wrong == []


def test_units_categories_and_roles_are_from_the_vocabulary(ledger_2020):
    for t in ledger_2020.targets:
        assert t.category in CATEGORIES
        assert sum(u.role == "lead" for u in t.units) == 1, t.number
        assert t.deadlines, t.number
        for i in t.indicators:
            assert not i.unit or i.unit in KNOWN_UNITS, (t.number, i.unit)


def test_the_reports_named_units_are_marked_named(ledger_2020):
    named = {
        (t.number, u.name) for t in ledger_2020.targets for u in t.units if u.source == "named"
    }
    assert {(17, "县发改委"), (17, "县水利局"), (17, "县农业农村局"), (17, "县财政局")} <= named
    for number, unit in named:
        target = ledger_2020.by_number()[number]
        short = unit.removeprefix("县").removesuffix("局")
        assert short in target.target_text + target.progress_text, (number, unit)


def test_report_examples(ledger_2020):
    by = ledger_2020.by_number()
    jobs = {i.name: (i.target, i.actual) for i in by[58].indicators}
    assert jobs["城镇新增就业"] == ("5600", "9788")
    assert jobs["失业人员再就业"] == ("1560", "3182")
    assert jobs["就业困难人员实现就业"] == ("490", "711")
    air = {i.name: i for i in by[56].indicators}
    assert (air["PM2.5"].target, air["PM2.5"].actual, air["PM2.5"].comparator) == (
        "49",
        "43",
        "<=",
    )
    assert (air["PM10"].target, air["PM10"].actual) == ("90", "75")
    share = next(i for i in by[56].indicators if i.target == "71.2")
    assert share.unit == "%" and share.actual == ""
    assert any(i.actual == "264" and i.unit == "天" for i in by[56].indicators)
    loans = by[12].indicators[0]
    assert (loans.target, loans.actual, loans.unit) == ("14", "24.43", "亿元")


def test_one_measure_in_two_units_is_one_indicator(ledger_2020):
    """Issue 13: a target and its actual written in different units pair in one indicator."""
    by = ledger_2020.by_number()
    copd = by[35].indicator("慢阻肺筛查")
    assert (copd.target, copd.unit, copd.actual, copd.actual_unit) == (
        "6.63",
        "万人次",
        "79891",
        "人",
    )
    assert completion_ratio(copd) == Decimal("120.5")
    debt = by[60].indicator("化解隐性债务")
    assert (debt.target, debt.unit, debt.actual, debt.actual_unit) == (
        "8.75",
        "亿元",
        "104789.64",
        "万元",
    )
    assert completion_ratio(debt) == Decimal("119.8")
    assert completion_ratio(by[48].indicator("“两癌”筛查（乳腺癌）")) == Decimal("104.5")


def test_report_deadlines(ledger_2020):
    by = ledger_2020.by_number()
    assert [(d.date.isoformat(), d.done) for d in by[5].deadlines] == [("2020-10-31", True)]
    assert {d.date.isoformat() for d in by[17].deadlines} >= {"2020-07-31", "2020-08-31"}
    assert {d.date.isoformat() for d in by[44].deadlines} == {
        "2020-06-30",
        "2020-08-31",
        "2020-12-31",
    }

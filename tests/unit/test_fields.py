"""The field codec: how each addressable field of a target is named, stored and shown."""

import datetime as dt
import json

import pytest

from bot.domain.fields import (
    CLOSED_FIELD,
    FIELDS,
    INDICATOR_ATTR_NAMES,
    LIST_FIELDS,
    TARGET_COLUMNS,
    decode_aliases,
    decode_deadlines,
    decode_indicator,
    decode_units,
    encode_aliases,
    encode_deadlines,
    encode_indicator,
    encode_units,
    indicator_address,
    indicator_field,
    label,
    ledger_fields,
    show,
)
from bot.domain.ledger import Closure, DeadlineSpec, IndicatorSpec, TargetSpec, UnitSpec
from bot.store.ledger_fields import INDICATOR_COLUMNS

UNITS = (UnitSpec("县金融工作局", "lead", "named"), UnitSpec("人行西平县支行", "assist"))
DEADLINES = (
    DeadlineSpec(dt.date(2020, 12, 31), "年底前"),
    DeadlineSpec(dt.date(2020, 3, 31), "3月底前", True),
)
LOAN = IndicatorSpec("新增贷款", "14", "亿元", ">=", "24.43", "截止12月底", "", "")


def test_units_round_trip_in_their_order_with_role_and_source():
    value = encode_units(UNITS)
    assert json.loads(value) == [
        ["县金融工作局", "lead", "named"],
        ["人行西平县支行", "assist", "inferred"],
    ]
    assert "县金融工作局" in value  # stored readable, not \u-escaped
    assert decode_units(value) == UNITS


def test_deadlines_are_stored_by_date_and_round_trip():
    value = encode_deadlines(DEADLINES)
    assert json.loads(value) == [["2020-03-31", "3月底前", True], ["2020-12-31", "年底前", False]]
    assert decode_deadlines(value) == tuple(sorted(DEADLINES, key=lambda d: d.date))


def test_aliases_are_distinct_and_sorted_whatever_order_they_come_in():
    value = encode_aliases(["信贷", "贷款", "信贷"])
    assert json.loads(value) == sorted(["信贷", "贷款"])
    assert encode_aliases(["贷款", "信贷"]) == value
    assert decode_aliases(value) == tuple(sorted(["信贷", "贷款"]))


def test_empty_lists_decode_from_an_empty_string():
    assert decode_units("") == ()
    assert decode_deadlines("") == ()
    assert decode_aliases("") == ()


def test_an_indicator_is_every_attribute_in_stored_order():
    value = encode_indicator(LOAN)
    assert list(json.loads(value)) == list(INDICATOR_ATTR_NAMES)
    assert decode_indicator(value)["actual"] == "24.43"
    # A dict of attributes encodes to the same string as the spec holding them.
    assert encode_indicator(decode_indicator(value)) == value


def test_an_indicator_missing_attributes_reads_them_as_empty():
    assert decode_indicator('{"actual": "3"}') == {
        attr: ("3" if attr == "actual" else "") for attr in INDICATOR_ATTR_NAMES
    }
    assert decode_indicator("") == {}


def test_indicator_field_names_address_the_whole_or_one_attribute():
    assert indicator_field("新增贷款") == "indicator:新增贷款"
    assert indicator_field("新增贷款", "actual") == "indicator:新增贷款:actual"
    whole = indicator_address("indicator:新增贷款")
    assert (whole.name, whole.attr) == ("新增贷款", None)
    one = indicator_address("indicator:新增贷款:as_of")
    assert (one.name, one.attr) == ("新增贷款", "as_of")
    assert indicator_address("progress_text") is None


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("progress_text", "进展"),
        ("status_override", "状态认定"),
        ("status_reason", "认定理由"),
        ("units", "责任单位"),
        ("deadlines", "时限"),
        ("aliases", "别名"),
        ("title", "简称"),
        ("closed", "销号"),
        ("indicator:新增贷款", "新增贷款"),
        ("indicator:新增贷款:actual", "新增贷款完成值"),
        ("indicator:新增贷款:as_of", "新增贷款数据时点"),
        ("indicator:新增贷款:actual_unit", "新增贷款完成值单位"),
        ("indicator:新增贷款:target", "新增贷款目标值"),
    ],
)
def test_every_field_has_a_chinese_label(field, expected):
    assert label(field) == expected


def test_every_declared_field_has_a_label_that_is_not_its_name():
    for name, spec in FIELDS.items():
        assert label(name) == spec.label != name


def test_list_values_are_shown_decoded():
    assert show("units", encode_units(UNITS)) == "县金融工作局(牵头)、人行西平县支行(配合,推定)"
    assert show("deadlines", encode_deadlines(DEADLINES)) == (
        "2020-03-31 3月底前（已完成）；2020-12-31 年底前"
    )
    assert show("aliases", encode_aliases(["贷款", "信贷"])) == "、".join(sorted(["贷款", "信贷"]))


def test_a_closure_is_shown_by_its_mark_and_reopening_as_not_closed():
    at = dt.datetime(2020, 12, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    closure = Closure(at, "tg:42", "已完成，证据齐全")
    assert show(CLOSED_FIELD, closure.encode()) == "已销号（2020-12-20）"
    # "销号：已销号（2020-12-20） → 未销号" in /history and /undo, not "→ （空）"
    assert show(CLOSED_FIELD, "") == "未销号"
    assert show("status_override", "") == "自动"  # as /status words it: "状态：自动 → 已完成"
    assert show("progress_text", "") == ""  # a text field: the reader says （空）


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("progress_text", "截止11月底完成60%"),
        ("units", "县财政局"),  # an old audit entry written before lists were JSON
        ("deadlines", "[[1]]"),
        ("closed", "{not json"),
        ("indicator:新增贷款:actual", "25.1"),
        ("no_such_field", "x"),
    ],
)
def test_a_value_not_in_the_stored_form_is_shown_as_it_is(field, value):
    assert show(field, value) == value


def test_a_ledger_target_gives_every_imported_field_and_never_closed():
    target = TargetSpec(
        number=12,
        title="新增贷款",
        category="经济发展",
        target_text="2020年新增贷款完成14亿元。",
        progress_text="截止12月底新增贷款24.43亿元。",
        units=UNITS,
        deadlines=DEADLINES,
        indicators=(LOAN,),
        aliases=("贷款",),
    )
    values = ledger_fields(target)
    assert set(values) == {*TARGET_COLUMNS, *LIST_FIELDS, "indicator:新增贷款"}
    assert CLOSED_FIELD not in values
    assert values["deadlines"] == encode_deadlines(DEADLINES)
    assert values["indicator:新增贷款"] == encode_indicator(LOAN)
    assert values["progress_text"] == target.progress_text


def test_the_store_has_a_column_for_every_indicator_attribute():
    assert tuple(INDICATOR_COLUMNS) == INDICATOR_ATTR_NAMES

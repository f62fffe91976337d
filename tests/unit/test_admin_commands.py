"""Admin command text → validated proposal, or a Chinese error showing the correct form."""

import datetime as dt
import json
import random

import pytest
from sqlmodel import Session

from bot.domain.admin_commands import ADMIN_PROPOSAL_COMMANDS, USAGE, propose, usage_of
from bot.domain.admin_grammar import CommandError, Proposal
from bot.domain.fields import FieldChange
from bot.domain.ledger import (
    FIGURE_FRACTION_DIGITS,
    FIGURE_RULE,
    FIGURE_WHOLE_DIGITS,
    STATUSES,
    DeadlineSpec,
    IndicatorSpec,
    TargetSpec,
    UnitSpec,
)
from bot.store.ledger_changes import apply_changes
from bot.store.ledger_store import read_target

TODAY = dt.date(2020, 12, 1)
# What a figure typed without as-of words is dated, and what the summary says of it.
DATED = "截至2020年12月1日"
TODAYS = "（未写数据时点，按今天的日期）"

LOAN = TargetSpec(
    number=12,
    title="新增贷款",
    category="经济发展",
    target_text="2020年新增贷款完成14亿元。",
    progress_text="截止12月底新增贷款24.43亿元。",
    units=(
        UnitSpec("县金融工作局", "lead", "inferred"),
        UnitSpec("人行西平县支行", "assist", "inferred"),
    ),
    deadlines=(DeadlineSpec(dt.date(2020, 12, 31), "年底前", False),),
    indicators=(
        IndicatorSpec("新增贷款", "14", "亿元", ">=", "24.43", "截止12月底"),
        IndicatorSpec("企业数", "", "", ">=", "", ""),
    ),
    aliases=("贷款", "新增信贷"),
)
AIR = TargetSpec(
    number=56,
    title="大气环境质量",
    category="生态环境",
    target_text="PM2.5年均浓度为49微克/立方米。",
    progress_text="",
    units=(UnitSpec("市生态环境局西平分局", "lead", "inferred"),),
    # deliberately not in date order: the encoding sorts by date
    deadlines=(
        DeadlineSpec(dt.date(2020, 12, 31), "年底前", False),
        DeadlineSpec(dt.date(2020, 3, 31), "3月底前", True),
        DeadlineSpec(dt.date(2020, 6, 30), "6月底前", False),
    ),
    indicators=(
        IndicatorSpec("PM2.5", "49", "微克/立方米", "<=", "43", "截止12月31日"),
        IndicatorSpec("PM10", "90", "微克/立方米", "<=", "75", "截止12月31日"),
        IndicatorSpec("优良天数比例", "71.2", "%", ">=", "", ""),
        IndicatorSpec("优良天数", "", "天", ">=", "264", ""),
    ),
    aliases=("空气质量", "PM2.5"),
    status_override="滞后",
    status_reason="秋冬季污染反弹",
)
BARE = TargetSpec(number=3, title="无时限", category="民生保障", target_text="目标")
LEDGER = {t.number: t for t in (LOAN, AIR, BARE)}


def run(command: str, args: str) -> Proposal:
    return propose(command, args, LEDGER.get, today=TODAY)


def error(command: str, args: str) -> str:
    with pytest.raises(CommandError) as caught:
        run(command, args)
    message = str(caught.value)
    assert usage_of(command, LEDGER.get) in message
    return message


def changes(proposal: Proposal) -> dict[str, str]:
    return {c.field: c.new_value for c in proposal.changes}


def test_public_names():
    assert ADMIN_PROPOSAL_COMMANDS == (
        "set", "status", "note", "deadline", "done", "reopen", "assign", "unassign", "alias",
    )  # fmt: skip
    assert set(USAGE) == set(ADMIN_PROPOSAL_COMMANDS)
    assert USAGE["set"] == "/set 序号 指标 值 [数据时点]，例如：/set {N} {IND} {FIG}"
    for usage in USAGE.values():
        assert "例如" in usage


# --- /set ------------------------------------------------------------------------------


def test_set_value_with_unit():
    proposal = run("set", "12 新增贷款 25.1亿元")
    assert proposal == Proposal(
        command="set",
        target=12,
        changes=(
            FieldChange(12, "indicator:新增贷款:actual", "25.1"),
            FieldChange(12, "indicator:新增贷款:as_of", DATED),
        ),
        summary="第12项 新增贷款 完成值：24.43亿元 → 25.1亿元\n"
        f"第12项 新增贷款 数据时点：截止12月底 → {DATED}{TODAYS}",
    )


def test_set_bare_number_and_case_insensitive_name():
    proposal = run("set", "56 pm2.5 41")
    assert changes(proposal) == {
        "indicator:PM2.5:actual": "41",
        "indicator:PM2.5:as_of": DATED,
    }
    assert proposal.summary.splitlines()[0] == (
        "第56项 PM2.5 完成值：43微克/立方米 → 41微克/立方米"
        "（未写单位，按该指标的单位“微克/立方米”记）"
    )


def test_set_with_as_of():
    proposal = run("set", "12 新增贷款 26亿元 截至11月")
    assert proposal.changes == (
        FieldChange(12, "indicator:新增贷款:actual", "26"),
        FieldChange(12, "indicator:新增贷款:as_of", "截至11月"),
    )
    assert proposal.summary == (
        "第12项 新增贷款 完成值：24.43亿元 → 26亿元\n"
        "第12项 新增贷款 数据时点：截止12月底 → 截至11月"
    )


def test_set_of_the_same_figure_as_of_a_new_day_changes_only_the_day():
    # a unit reporting the figure the ledger holds, as of another day: "24.43亿元 → 24.43亿元"
    # read as a change of the figure (a day up to TODAY: a later one is refused as not yet counted)
    proposal = run("set", "12 新增贷款 24.43亿元 截至2020年12月1日")
    assert proposal.changes == (FieldChange(12, "indicator:新增贷款:as_of", "截至2020年12月1日"),)
    assert proposal.summary == "第12项 新增贷款 数据时点：截止12月底 → 截至2020年12月1日"
    assert "没有需要修改的内容" in error("set", "12 新增贷款 24.43亿元")
    assert "没有需要修改的内容" in error("set", "12 新增贷款 24.43亿元 截止12月底")


def test_set_full_width_and_spaced_unit():
    proposal = run("set", "第１２项\u3000新增贷款　２５．１０ 亿元　截至 11月")
    assert changes(proposal) == {
        "indicator:新增贷款:actual": "25.10",
        "indicator:新增贷款:as_of": "截至 11月",
    }


def test_set_thousands_separator_and_empty_old_value():
    proposal = run("set", "56 优良天数比例 1,156,299%")
    assert changes(proposal) == {
        "indicator:优良天数比例:actual": "1156299",
        "indicator:优良天数比例:as_of": DATED,
    }
    assert proposal.summary == (
        "第56项 优良天数比例 完成值：— → 1156299%（是目标71.2%的16240倍，请核对数值和单位）\n"
        f"第56项 优良天数比例 数据时点：— → {DATED}{TODAYS}"
    )


def test_set_partial_name_resolves_a_unique_indicator():
    assert changes(run("set", "56 天数比例 70"))["indicator:优良天数比例:actual"] == "70"
    assert changes(run("set", "12 新增贷款余额 30"))["indicator:新增贷款:actual"] == "30"
    # exact name wins over longer names that contain it
    assert changes(run("set", "56 优良天数 270天"))["indicator:优良天数:actual"] == "270"


def test_set_unitless_indicator_takes_only_a_bare_number():
    assert changes(run("set", "12 企业数 8")) == {
        "indicator:企业数:actual": "8",
        "indicator:企业数:as_of": DATED,
    }
    assert "未写单位" not in run("set", "12 企业数 8").summary  # no unit to take: none made up
    message = error("set", "12 企业数 8家")
    assert "单位不符：第12项“企业数”没有单位" in message and "你输入的是家" in message


def test_set_negative_value():
    assert changes(run("set", "12 新增贷款 -3.5亿元"))["indicator:新增贷款:actual"] == "-3.5"


def test_set_unknown_indicator_lists_names():
    message = error("set", "12 存款 5")
    assert "第12项没有指标“存款”。该项的指标：“新增贷款”、“企业数”" in message


def test_set_ambiguous_indicator_lists_candidates():
    message = error("set", "56 PM 5")
    assert "PM2.5、PM10" in message and "请写全名" in message
    # contained in one name and containing another: ambiguous too
    assert "优良天数比例、优良天数" in error("set", "56 优良天数比 70")


def test_set_target_without_indicators():
    assert "第3项没有可填报的指标" in error("set", "3 指标 5")


@pytest.mark.parametrize(
    ("args", "typed"),
    [("12 新增贷款 25万亩", "万亩"), ("12 新增贷款 25 万亩", "万亩"), ("56 PM10 41%", "%")],
)
def test_set_wrong_unit(args, typed):
    message = error("set", args)
    assert "单位不符：第" in message and f"你输入的是{typed}" in message


def test_set_wrong_unit_message_exact():
    message = error("set", "12 新增贷款 25万亩")
    assert message.startswith("单位不符：第12项“新增贷款”的单位是亿元，你输入的是万亩\n用法：")


@pytest.mark.parametrize(
    "value", ["很多", "1e5", "NaN", "inf", "--1", "1,2", "1.", ".5", "+5", "1.2.3", "١٢"]
)
def test_set_bad_decimal(value):
    assert "数值无效" in error("set", f"12 新增贷款 {value}")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # a figure in Chinese numerals: the command to send, in Arabic numerals
        ("56 优良天数比例 百分之八十", "“百分之八十”请写作 80%，即发送：/set 56 优良天数比例 80%"),
        (
            "12 新增贷款 十八点二亿元",
            "“十八点二亿元”请写作 18.2亿元，即发送：/set 12 新增贷款 18.2亿元",
        ),
        ("56 优良天数 二百六十五天", "“二百六十五天”请写作 265天，即发送：/set 56 优良天数 265天"),
        ("56 PM2.5 四十五", "“四十五”请写作 45，即发送：/set 56 PM2.5 45"),
        # a rough figure: the ledger keeps exact ones
        ("12 新增贷款 约25亿元", "不写“约”：如确数是25亿元，请发送：/set 12 新增贷款 25亿元"),
        ("12 新增贷款 25亿元以上", "不写“以上”：如确数是25亿元，请发送：/set 12 新增贷款 25亿元"),
        ("56 优良天数 265天左右", "不写“左右”：如确数是265天，请发送：/set 56 优良天数 265天"),
        ("56 优良天数 260多天", "不写“多”：如确数是260天，请发送：/set 56 优良天数 260天"),
        # anything else: an example in the indicator's own unit, not 25.1 of any measure
        (
            "56 优良天数 很好",
            "数值无效：“很好”，请写阿拉伯数字（可带单位），例如：/set 56 优良天数 264天",
        ),
        # nothing after the indicator, or nothing after the number
        ("56 优良天数", "缺少数值：请在指标“优良天数”后写数值，例如：/set 56 优良天数 264天"),
        (
            "12",
            "缺少指标和数值。第12项的指标：“新增贷款”、“企业数”，例如：/set 12 新增贷款 24.43亿元",
        ),
    ],
)
def test_set_says_what_to_send_instead_of_a_figure_it_cannot_take(args, expected):
    assert expected in error("set", args)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("999999999999999999999999999", "整数部分有27位"),
        ("1" * 40 + "亿元", "整数部分有40位"),
        ("1.1234567", "小数部分有7位"),
        ("1e999999999", "科学计数法"),
    ],
)
def test_set_figure_beyond_the_documented_bounds_is_refused(value, reason):
    message = error("set", f"12 新增贷款 {value}")
    assert "数值无效" in message and reason in message and FIGURE_RULE in message


def test_every_figure_message_gives_the_same_examples():
    from bot.domain.ledger import FIGURE_EXAMPLES

    not_a_number = error("set", "12 新增贷款 很多")
    too_long = error("set", "12 新增贷款 1.1234567")
    # No number at all: the command to send, with a figure in the indicator's own unit.
    assert (
        "例如：/set 12 新增贷款 24.43亿元" in not_a_number
        and f"例如 {FIGURE_EXAMPLES}" in too_long
    )
    assert "156,299" not in not_a_number + too_long  # one way of writing it, declared once


def test_set_the_largest_figure_within_the_bounds_is_accepted():
    largest = "9" * FIGURE_WHOLE_DIGITS + "." + "9" * FIGURE_FRACTION_DIGITS
    assert (
        changes(run("set", f"12 新增贷款 {largest}亿元"))["indicator:新增贷款:actual"] == largest
    )


@pytest.mark.parametrize(
    "args",
    ["", "12", "12 新增贷款", "十二 新增贷款 5", "12 新增贷款 25 26", "12 新增贷款 25 亿元 万元"],
)
def test_set_missing_or_garbage(args):
    error("set", args)


def test_set_no_change_is_refused():
    # the figure the ledger holds, undated: not today's date alone, but nothing to change
    assert "没有需要修改的内容" in error("set", "12 新增贷款 24.43亿元")
    assert "没有需要修改的内容" in error("set", "12 新增贷款 24.43")


# --- target numbers --------------------------------------------------------------------


@pytest.mark.parametrize("token", ["12", "第12项", "１２", "第１２项", "012"])
def test_target_number_forms(token):
    assert run("alias", f"{token} 信贷").target == 12


@pytest.mark.parametrize("command", ADMIN_PROPOSAL_COMMANDS)
def test_unknown_target(command):
    assert "台账中没有第99项目标" in error(command, "99 x y")
    assert "台账中没有第" in error(command, "123456789012345678901234567890 x")


@pytest.mark.parametrize("command", ADMIN_PROPOSAL_COMMANDS)
def test_missing_args(command):
    assert "缺少目标序号" in error(command, "")
    assert "不是目标序号" in error(command, "abc 1 2")


def test_unknown_command():
    with pytest.raises(CommandError, match="没有这个命令"):
        propose("undo", "12", LEDGER.get, today=TODAY)


def test_command_name_tolerates_slash_and_case():
    assert propose("/Alias", "12 信贷", LEDGER.get, today=TODAY).command == "alias"


# --- /status ---------------------------------------------------------------------------


def test_status_override_with_reason():
    proposal = run("status", "12 滞后 资金未到位")
    assert proposal.changes == (
        FieldChange(12, "status_override", "滞后"),
        FieldChange(12, "status_reason", "资金未到位"),
    )
    assert proposal.summary == "第12项 状态：自动 → 滞后\n第12项 状态理由：— → 资金未到位"
    assert proposal.reason == "资金未到位"


def test_status_auto_clears_the_override():
    proposal = run("status", "56 自动")
    assert proposal.changes == (
        FieldChange(56, "status_override", ""),
        FieldChange(56, "status_reason", ""),
    )
    assert proposal.summary == "第56项 状态：滞后 → 自动\n第56项 状态理由：秋冬季污染反弹 → —"


def test_status_auto_when_already_auto_is_refused():
    assert "没有需要修改的内容" in error("status", "12 自动")


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_is_accepted(status):
    assert changes(run("status", f"12 {status} 理由"))["status_override"] == status


def test_status_override_without_reason():
    assert "人工指定状态“滞后”需要写明理由" in error("status", "12 滞后")


def test_status_unknown_word_lists_statuses():
    message = error("status", "12 很好 理由")
    assert "没有“很好”这个状态" in message and "、".join(STATUSES) in message


def test_status_missing_status():
    assert "缺少状态" in error("status", "12")


# --- /note -----------------------------------------------------------------------------


def test_note_appends_dated_text():
    proposal = run("note", "12 11月新增贷款1.2亿元")
    assert proposal.changes == (
        FieldChange(
            12,
            "progress_text",
            "截止12月底新增贷款24.43亿元。\n（2020-12-01补充）11月新增贷款1.2亿元",
        ),
    )
    assert proposal.summary == "第12项 进展情况：追加“（2020-12-01补充）11月新增贷款1.2亿元”"


def test_note_on_empty_progress_has_no_leading_newline():
    assert changes(run("note", "56 已完成监测")) == {
        "progress_text": "（2020-12-01补充）已完成监测"
    }


def test_note_keeps_inner_spacing():
    assert changes(run("note", "56 第一行\n第二行"))["progress_text"].endswith("第一行\n第二行")


def test_note_errors():
    assert "缺少补充的进展内容" in error("note", "12")
    assert "最多2000字" in error("note", "12 " + "字" * 2001)
    assert run("note", "12 " + "字" * 2000).target == 12


# --- /deadline -------------------------------------------------------------------------


def deadlines(proposal: Proposal) -> list:
    return json.loads(changes(proposal)["deadlines"])


def test_deadline_moves_the_only_open_deadline():
    proposal = run("deadline", "12 2021-01-31")
    assert proposal.changes == (FieldChange(12, "deadlines", '[["2021-01-31", "年底前", false]]'),)
    assert proposal.summary == "第12项 时限“年底前”：2020-12-31 → 2021-01-31"


def test_deadline_moves_by_text_and_sorts_by_date():
    proposal = run("deadline", "56 2020/09/30 年底前")
    assert deadlines(proposal) == [
        ["2020-03-31", "3月底前", True],
        ["2020-06-30", "6月底前", False],
        ["2020-09-30", "年底前", False],
    ]
    assert proposal.summary == "第56项 时限“年底前”：2020-12-31 → 2020-09-30"


def test_deadline_adds_a_new_one_when_several_are_open():
    proposal = run("deadline", "56 2020-10-31")
    assert deadlines(proposal) == [
        ["2020-03-31", "3月底前", True],
        ["2020-06-30", "6月底前", False],
        ["2020-10-31", "补充时限", False],
        ["2020-12-31", "年底前", False],
    ]
    assert proposal.summary == "第56项 新增时限：2020-10-31 补充时限"


def test_deadline_adds_with_text():
    proposal = run("deadline", "12 2020-09-30 三季度末")
    assert proposal.changes == (
        FieldChange(
            12, "deadlines", '[["2020-09-30", "三季度末", false], ["2020-12-31", "年底前", false]]'
        ),
    )
    assert proposal.summary == "第12项 新增时限：2020-09-30 三季度末"


def test_deadline_on_target_without_deadlines():
    assert deadlines(run("deadline", "3 2020-12-31")) == [["2020-12-31", "补充时限", False]]


@pytest.mark.parametrize("when", ["明天", "20201231", "0000-01-01"])
def test_deadline_bad_date(when):
    message = error("deadline", f"12 {when}")
    assert "日期无效" in message and "YYYY-MM-DD" in message


@pytest.mark.parametrize(
    ("when", "why"),
    [
        ("2020年11月31日", "2020年11月只有30天"),
        ("2020-02-30", "2020年2月只有29天"),
        ("2021.2.29", "2021年2月只有28天"),
        ("2020-13-01", "月份应为1到12"),
    ],
)
def test_a_deadline_in_the_right_form_on_no_such_day_says_why(when, why):
    # Before: "请写成YYYY-MM-DD或YYYY年M月D日", though it was written just so.
    message = error("deadline", f"12 {when}")
    assert message.startswith(f"日期无效：“{when}”，{why}，请改正，例如 /deadline 12 2020-12-31")


@pytest.mark.parametrize("when", ["2021年1月31日", "2021年01月31日", "2021.1.31", "2021/1/31"])
def test_deadline_takes_a_date_as_an_office_writes_it(when):
    # Before, "/deadline 12 2021年1月31日" was "日期无效…请写成YYYY-MM-DD".
    assert run("deadline", f"12 {when}").summary == "第12项 时限“年底前”：2020-12-31 → 2021-01-31"


def test_a_bad_deadline_date_gives_the_command_to_send():
    message = error("deadline", "56 年底")
    assert message.startswith(
        "日期无效：“年底”，请写成YYYY-MM-DD或YYYY年M月D日，例如 /deadline 56 2020-12-31 年底前\n"
    )


@pytest.mark.parametrize(
    "typed",
    [
        "25.1亿元（截至11月）",
        "25.1亿元(截至11月)",
        "25.1亿元，截至11月",
        "25.1亿元截至11月",
        "25.1亿元； 截至11月",
    ],
)
def test_set_takes_as_of_words_written_against_the_figure(typed):
    # Before: "单位不符：…的单位是亿元，你输入的是亿元(截至11月)".
    proposal = run("set", f"12 新增贷款 {typed}")
    assert changes(proposal) == {
        "indicator:新增贷款:actual": "25.1",
        "indicator:新增贷款:as_of": "截至11月",
    }


def test_a_thousands_comma_is_no_as_of_separator():
    assert (
        changes(run("set", "12 新增贷款 2,443亿元 截至11月"))["indicator:新增贷款:actual"]
        == "2443"
    )


def test_deadline_missing_date():
    assert "缺少日期" in error("deadline", "12")


def test_deadline_same_date_is_no_change():
    assert "没有需要修改的内容" in error("deadline", "12 2020-12-31")


# --- /done -----------------------------------------------------------------------------


def test_done_the_only_open_deadline():
    proposal = run("done", "12")
    assert proposal.changes == (FieldChange(12, "deadlines", '[["2020-12-31", "年底前", true]]'),)
    assert proposal.summary == "第12项 时限“年底前”（2020-12-31）：未完成 → 已完成"


@pytest.mark.parametrize("key", ["6月底前", "2020-06-30", "2020/6/30"])
def test_done_by_text_or_date(key):
    proposal = run("done", f"56 {key}")
    assert deadlines(proposal) == [
        ["2020-03-31", "3月底前", True],
        ["2020-06-30", "6月底前", True],
        ["2020-12-31", "年底前", False],
    ]
    assert proposal.summary == "第56项 时限“6月底前”（2020-06-30）：未完成 → 已完成"


def test_done_with_several_open_lists_them():
    message = error("done", "56")
    assert "有多个未完成的时限" in message
    assert "2020-06-30 6月底前（未完成）" in message and "2020-12-31 年底前（未完成）" in message
    assert "3月底前" not in message


def test_done_already_done():
    assert "已经标记为完成" in error("done", "56 3月底前")


def test_done_unknown_milestone_lists_all():
    message = error("done", "56 9月底前")
    assert "没有“9月底前”这个时限" in message and "2020-03-31 3月底前（已完成）" in message


def test_done_without_deadlines():
    assert "第3项没有时限" in error("done", "3")


# --- /assign and /unassign -------------------------------------------------------------


def units(proposal: Proposal) -> list:
    return json.loads(changes(proposal)["units"])


def test_assign_new_unit_defaults_to_assist():
    proposal = run("assign", "12 县财政局")
    assert proposal.changes == (
        FieldChange(
            12,
            "units",
            '[["县金融工作局", "lead", "inferred"], ["人行西平县支行", "assist", "inferred"], '
            '["县财政局", "assist", "named"]]',
        ),
    )
    assert proposal.summary == "第12项 新增责任单位：县财政局(配合)"


def test_assign_new_lead_demotes_the_old_lead():
    proposal = run("assign", "12 县财政局 牵头")
    assert units(proposal) == [
        ["县金融工作局", "assist", "inferred"],
        ["人行西平县支行", "assist", "inferred"],
        ["县财政局", "lead", "named"],
    ]
    assert proposal.summary == (
        "第12项 新增责任单位：县财政局(牵头)\n"
        "第12项 责任单位：县金融工作局(牵头,推定) → 县金融工作局(配合,推定)（改由县财政局牵头）"
    )


def test_assign_promotes_an_existing_unit():
    proposal = run("assign", "12 人行西平县支行 牵头")
    assert units(proposal) == [
        ["县金融工作局", "assist", "inferred"],
        ["人行西平县支行", "lead", "named"],
    ]
    assert proposal.summary.splitlines()[0] == (
        "第12项 责任单位：人行西平县支行(配合,推定) → 人行西平县支行(牵头)"
    )


def test_assign_confirms_an_inferred_unit():
    proposal = run("assign", "12 县金融工作局 牵头")
    assert units(proposal)[0] == ["县金融工作局", "lead", "named"]
    assert "第12项 责任单位：县金融工作局(牵头,推定) → 县金融工作局(牵头)" == proposal.summary


def test_assign_errors():
    assert "缺少单位名称" in error("assign", "12")
    assert "缺少单位名称" in error("assign", "12 牵头")
    assert "角色只能是牵头或配合" in error("assign", "12 县财政局 主办")
    assert "多余的内容" in error("assign", "12 县财政局 牵头 多余")
    assert "唯一的牵头单位" in error("assign", "12 县金融工作局 配合")
    named = TargetSpec(12, "t", "c", "x", units=(UnitSpec("县财政局", "assist", "named"),))
    with pytest.raises(CommandError, match="已经是配合单位"):
        propose("assign", "12 县财政局", {12: named}.get, today=TODAY)


def test_unassign():
    proposal = run("unassign", "12 人行西平县支行")
    assert proposal.changes == (
        FieldChange(12, "units", '[["县金融工作局", "lead", "inferred"]]'),
    )
    assert proposal.summary == "第12项 移除责任单位：人行西平县支行(配合,推定)"


def test_unassign_the_lead_says_there_is_none_left():
    proposal = run("unassign", "12 金融工作局")
    assert units(proposal) == [["人行西平县支行", "assist", "inferred"]]
    assert "该项暂无牵头单位" in proposal.summary


def test_unassign_errors():
    assert "唯一的责任单位，不能移除" in error("unassign", "56 市生态环境局西平分局")
    message = error("unassign", "12 县财政局")
    assert "没有“县财政局”" in message and "县金融工作局(牵头,推定)" in message
    assert "多余的内容" in error("unassign", "12 县金融工作局 牵头")
    assert "缺少单位名称" in error("unassign", "12")


# --- /alias ----------------------------------------------------------------------------


def test_alias():
    proposal = run("alias", "12 信贷")
    assert proposal.changes == (FieldChange(12, "aliases", '["信贷", "新增信贷", "贷款"]'),)
    assert proposal.summary == "第12项 新增别名：信贷"


def test_alias_errors():
    assert "已经是第12项的别名" in error("alias", "12 贷款")
    assert "已经是第56项的别名" in error("alias", "56 pm2.5")
    assert "最多20字" in error("alias", "12 " + "字" * 21)
    assert run("alias", "12 " + "字" * 20).target == 12
    assert "多余的内容" in error("alias", "12 信贷 投放")
    assert "缺少别名" in error("alias", "12")


# --- control characters ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "args", "field", "char"),
    [
        ("note", "12 a\x01b", "补充内容", "U+0001"),
        ("status", "12 滞后 资金\x00未到位", "理由", "U+0000"),
        ("set", "12 新增贷款 25 截至\x1b11月", "单位或数据时点", "U+001B"),
        ("deadline", "12 2021-01-31 年\x7f底", "说明", "U+007F"),
        ("assign", "12 县财\x85政局", "单位", "U+0085"),
        ("unassign", "12 县\x00财政局", "单位", "U+0000"),
        ("alias", "12 信\u009b贷", "别名", "U+009B"),
        ("done", "56 6月\r底前", "里程碑", "U+000D"),
        ("alias", "\x0012 信贷", "序号", "U+0000"),
    ],
)
def test_control_characters_are_refused_with_the_field_named(command, args, field, char):
    message = error(command, args)
    assert f"{field}含有不可见的控制字符{char}" in message, message


def test_a_note_may_hold_newlines_and_tabs_but_no_other_control_character():
    assert changes(run("note", "12 第一行\n\t第二行"))["progress_text"].endswith(
        "第一行\n\t第二行"
    )
    assert "U+000B" in error("note", "12 第一行\x0b第二行")


# --- the real ledger, through the store ------------------------------------------------


def test_real_ledger_examples(ledger_2020):
    lookup = ledger_2020.by_number().get
    loan = propose("set", "12 新增贷款 25.1亿元", lookup, today=TODAY)
    assert loan.summary.splitlines()[0] == "第12项 新增贷款 完成值：24.43亿元 → 25.1亿元"
    air = propose("set", "56 PM2.5 41", lookup, today=TODAY)
    assert air.changes == (
        FieldChange(56, "indicator:PM2.5:actual", "41"),
        FieldChange(56, "indicator:PM2.5:as_of", DATED),
    )


def test_proposals_apply_through_the_store(engine, ledger_2020):
    lookup = ledger_2020.by_number().get
    for command, args in [
        ("set", "12 新增贷款 25.1亿元 截至11月"),
        ("status", "12 滞后 资金未到位"),
        ("note", "12 补充说明"),
        ("deadline", "12 2021-01-31 一月底前"),
        ("assign", "12 县财政局 牵头"),
        ("alias", "12 信贷"),
    ]:
        proposal = propose(command, args, lookup, today=TODAY)
        applied = apply_changes(engine, proposal.changes, actor="admin", reason=proposal.reason)
        assert len(applied.entries) == len(proposal.changes)
    with Session(engine) as session:
        stored = read_target(session, 12)
    assert stored is not None
    ind = stored.indicator("新增贷款")
    assert ind is not None and (ind.actual, ind.as_of) == ("25.1", "截至11月")
    assert (stored.status_override, stored.status_reason) == ("滞后", "资金未到位")
    assert stored.progress_text.endswith("\n（2020-12-01补充）补充说明")
    assert [d.text for d in stored.deadlines] == ["年底前", "一月底前"]
    assert [(u.name, u.role) for u in stored.units][-1] == ("县财政局", "lead")
    assert "信贷" in stored.aliases
    # the encoding of what the store holds now equals the proposal's own encoding of it
    with pytest.raises(CommandError, match="没有需要修改的内容"):
        propose("deadline", "12 2021-01-31 一月底前", {12: stored}.get, today=TODAY)
    with pytest.raises(CommandError, match="已经是第12项的别名"):
        propose("alias", "12 信贷", {12: stored}.get, today=TODAY)


# --- fuzz ------------------------------------------------------------------------------

PIECES = [
    "12", "第12项", "１２", "56", "3", "99", "0", "-1", "新增贷款", "PM2.5", "pm", "优良天数",
    "企业数", "人行西平县支行", "41", "25.1亿元", "25.1", "1,234", "亿元", "万元", "%", "1e5",
    "NaN", "--1", "滞后",
    "自动", "已完成", "2020-12-31", "2020/6/30", "2020-13-01", "年底前", "6月底前", "3月底前",
    "县财政局", "县金融工作局", "牵头", "配合", "贷款", "　", " ", "\n", "，", "．", "第", "项",
    "\x00", "\ud800", "ﬁ", "①", "²", "٣", "℃", "😀",
]  # fmt: skip
ALPHABET = "0123456789 .,-+/%eE第项亿元万个天滞后自动年底前\u3000１２．，／\t\nabcXYZ"


def random_args(rng: random.Random) -> str:
    if rng.random() < 0.3:
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 3))]
        return " ".join([rng.choice(["12", "56", "3"]), *words])
    if rng.random() < 0.5:
        return " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
    if rng.random() < 0.5:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 20)))
    return "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(0, 12)))


@pytest.mark.parametrize("command", ADMIN_PROPOSAL_COMMANDS)
def test_fuzz_only_command_errors_escape(command):
    rng = random.Random(f"admin-{command}")
    accepted, refused = 0, []
    for _ in range(2500):
        args = random_args(rng)
        try:
            proposal = run(command, args)
        except CommandError as exc:
            refused.append(str(exc))
            continue
        accepted += 1
        assert proposal.command == command and proposal.target in LEDGER
        assert proposal.changes and proposal.summary
        for change in proposal.changes:
            assert isinstance(change.new_value, str)
            if change.field in ("units", "deadlines", "aliases"):
                json.loads(change.new_value)
    assert all(usage_of(command, LEDGER.get) in message for message in refused)
    assert accepted > 0 and len(refused) > 0


# --- /reopen ---------------------------------------------------------------------------


def test_reopen_a_done_deadline():
    proposal = run("reopen", "56 3月底前")
    assert deadlines(proposal)[0] == ["2020-03-31", "3月底前", False]
    assert proposal.summary == "第56项 时限“3月底前”（2020-03-31）：已完成 → 未完成"


def test_reopen_an_open_deadline_is_refused():
    assert "尚未完成，无需重新打开" in error("reopen", "56 6月底前")


COPD = TargetSpec(
    number=35,
    title="慢阻肺防治",
    category="社会事业",
    target_text="完成6.63万人次筛查。",
    indicators=(
        IndicatorSpec(
            name="慢阻肺筛查", target="6.63", unit="万人次", actual="79891", actual_unit="人"
        ),
    ),
)


def test_set_an_actual_in_its_own_unit_or_the_targets():
    lookup = {35: COPD}.get
    same = propose("set", "35 慢阻肺筛查 80000人 截至12月", lookup, today=TODAY)
    assert same.changes[0] == FieldChange(35, "indicator:慢阻肺筛查:actual", "80000")
    assert same.summary.splitlines()[0] == "第35项 慢阻肺筛查 完成值：79891人 → 80000人"
    # no unit typed: the indicator's own (its target's), said, with the form for the other
    bare = propose("set", "35 慢阻肺筛查 8 截至12月", lookup, today=TODAY)
    assert bare.summary.splitlines()[0] == (
        "第35项 慢阻肺筛查 完成值：79891人 → 8万人次（未写单位，按该指标的单位“万人次”记；"
        "如是8人，请发送 /set 35 慢阻肺筛查 8人）"
    )
    other = propose("set", "35 慢阻肺筛查 8万人次 截至12月", lookup, today=TODAY)
    assert other.changes[:2] == (
        FieldChange(35, "indicator:慢阻肺筛查:actual", "8"),
        FieldChange(35, "indicator:慢阻肺筛查:actual_unit", ""),
    )
    assert other.summary.splitlines()[0] == "第35项 慢阻肺筛查 完成值：79891人 → 8万人次"
    assert bare.changes == other.changes
    # people counted as 人次, at any magnitude: kept as typed, shown converted
    people = propose("set", "35 慢阻肺筛查 8万人 截至12月", lookup, today=TODAY)
    assert people.changes[1] == FieldChange(35, "indicator:慢阻肺筛查:actual_unit", "万人")
    assert people.summary.splitlines()[0] == (
        "第35项 慢阻肺筛查 完成值：79891人 → 8万人（折合8万人次）"
    )
    with pytest.raises(CommandError, match="单位不符"):
        propose("set", "35 慢阻肺筛查 8万亩", lookup, today=TODAY)


@pytest.mark.parametrize("value", ["25亿", "25 亿", "25亿元"])
def test_set_takes_a_magnitude_alone_as_the_indicators_unit(value):
    proposal = run("set", f"12 新增贷款 {value} 截至11月")
    assert proposal.summary.splitlines()[0] == "第12项 新增贷款 完成值：24.43亿元 → 25亿元"
    assert changes(proposal)["indicator:新增贷款:actual"] == "25"


def test_set_takes_another_magnitude_alone_converted_so_a_slip_shows():
    proposal = run("set", "12 新增贷款 25万 截至11月")
    assert proposal.summary.splitlines()[0] == (
        "第12项 新增贷款 完成值：24.43亿元 → 25万元（折合0.0025亿元）"
        "（不到目标14亿元的千分之一，请核对数值和单位）"
    )
    assert changes(proposal)["indicator:新增贷款:actual_unit"] == "万元"
    # a measure that takes no magnitude (%) is no place for one
    message = error("set", "56 优良天数比例 25万")
    assert message.startswith("单位不符：第56项“优良天数比例”的单位是%，你输入的是万\n用法：")


def test_an_undated_figure_is_dated_within_the_ledgers_year():
    def dated(today: dt.date, year: int) -> str:
        proposal = propose("set", "12 新增贷款 25亿元", LEDGER.get, today=today, year=year)
        return proposal.summary.splitlines()[1]

    in_year = dated(dt.date(2020, 11, 20), 2020)
    assert in_year.endswith("→ 截至2020年11月20日（未写数据时点，按今天的日期）")
    closed = dated(dt.date(2026, 12, 7), 2020)
    assert closed.startswith("第12项 新增贷款 数据时点：截止12月底 → 截至2020年12月31日（")
    assert "2020年度已结束，按年末记" in closed
    # before the ledger's year begins no day stands for the figure: one is asked for
    with pytest.raises(CommandError, match="2027年度尚未开始，请在数值后写明数据时点"):
        propose("set", "12 新增贷款 25亿元", LEDGER.get, today=dt.date(2026, 12, 7), year=2027)
    dated_ahead = propose(
        "set", "12 新增贷款 25亿元 截至3月", LEDGER.get, today=dt.date(2026, 12, 7), year=2027
    )
    assert dated_ahead.summary.splitlines()[1].endswith("→ 截至3月")


def test_a_figure_ten_times_its_target_or_more_is_flagged_for_checking():
    # A slip of magnitude ("2443" of loans kept in 亿元, meant as 万元) is shown, not refused.
    slip = run("set", "12 新增贷款 2443 截至11月").summary
    assert (
        "2443亿元（未写单位，按该指标的单位“亿元”记）（是目标14亿元的174倍，请核对数值和单位）"
        in slip
    )
    converted = run("set", "12 新增贷款 1500000万元 截至11月").summary
    assert "（折合150亿元）（是目标14亿元的11倍，请核对数值和单位）" in converted
    for plausible in ("12 新增贷款 30亿元 截至11月", "12 新增贷款 130000万元 截至11月"):
        assert "请核对数值和单位" not in run("set", plausible).summary


def test_a_figure_under_a_thousandth_of_its_target_or_a_share_as_a_fraction_is_flagged():
    # The slip the other way: "1.2万" of loans kept in 亿元 (meant as 1.2亿) is 1.2万元, and
    # "0.8" of a 比例 whose target is 71.2% is 0.8%, where 80% was meant. Shown, not refused.
    slip = run("set", "12 新增贷款 1.2万 截至11月").summary
    assert "1.2万元（折合0.00012亿元）（不到目标14亿元的千分之一，请核对数值和单位）" in slip
    fraction = run("set", "56 优良天数比例 0.8 截至11月").summary
    assert "→ 0.8%（未写单位，按该指标的单位“%”记）（目标71.2%；如是80%，请改为 80%）" in fraction
    for plausible in ("12 新增贷款 0.5亿元 截至1月", "12 新增贷款 0 截至1月", "56 PM2.5 0.8"):
        summary = run("set", plausible).summary
        assert "请核对" not in summary and "如是" not in summary, summary


def test_an_alias_of_one_character_is_refused_as_no_question_finds_it():
    # Before, "/alias 12 贷", "a" and "😀" were added, and asking them found no target.
    for word in ("贷", "a", "😀", "😀😀"):
        assert f"别名“{word}”太短：至少要有两个汉字、字母或数字" in error("alias", f"12 {word}")
    assert "PM" in changes(run("alias", "12 PM"))["aliases"]

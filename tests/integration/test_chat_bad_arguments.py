"""Commands sent as people get them wrong, in the chat core: words where a year or a number
belongs, a format there is not, a target the ledger does not hold; and what a reply shows
that it should not (an English key, a day that is not today)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.chat.service import ChatService
from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")
MISSING = "2020年台账中没有第99项目标（共66项）。"


def _service(config, engine) -> ChatService:
    return admin_chat(config, engine)


@pytest.fixture
def service(config, engine):
    return _service(config, engine)


@pytest.mark.parametrize(
    ("command", "args", "usage"),
    [
        ("summary", "abc", "用法：/summary [年份]"),
        ("summary", "2020 全部", "用法：/summary [年份]"),
        ("units", "abc", "用法：/units [年份]"),
        ("units", "2020 县民政局", "用法：/units [年份]"),
    ],
)
def test_a_word_where_only_a_year_goes_is_refused_with_the_form(service, command, args, usage):
    [reply] = service.command(ADMIN, command, args)
    word = args.split()[-1]
    assert reply.text.startswith(f"/{command} 后只能写年份，没有“{word}”这种写法。")
    assert usage in reply.text


def test_target_with_two_numbers_after_a_year_gives_the_form(service):
    [reply] = service.command(ADMIN, "target", "2020 5 6")
    # the example names a target of the ledger in use (its first with a figure), the year
    # before its own for another year's
    assert reply.text == "用法：/target [年份] 序号，例如 /target 3、/target 2019 3"


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("target", "99"),
        ("evidence", "99"),
        ("close", "99 已核实"),
        ("unclose", "99 复核"),
        ("urge", "99"),
        ("report", "99 已完工"),
    ],
)
def test_every_command_says_alike_that_a_target_is_not_in_the_ledger(service, command, args):
    [reply] = service.command(ADMIN, command, args)
    assert reply.text.startswith(MISSING)


@pytest.mark.parametrize("args", ["pdf", "2020 pdf", "2020 xlsx"])
def test_report_in_a_format_there_is_not_names_the_formats(service, args):
    [reply] = service.command(ADMIN, "report", args)
    word = args.split()[-1]
    assert reply.text.startswith(f"汇报文档没有“{word}”这种格式。")
    assert "/report [年份] [docx|txt|md|通报]" in reply.text
    assert "台账中没有第2020项目标" not in reply.text


def test_report_with_a_word_for_a_number_says_it_is_not_one(service):
    [reply] = service.command(ADMIN, "report", "abc 已完工")
    assert reply.text.startswith("“abc”不是目标序号，请写数字，例如 3。用法：/report 序号")


@pytest.mark.parametrize("name", ["耕地保护", "新增贷款", "待款"])  # a title, a title, an alias
def test_report_naming_a_target_by_its_name_says_the_command_to_send(service, name):
    number = 16 if name == "耕地保护" else 12
    [reply] = service.command(ADMIN, "report", f"{name} 缺口已补足")
    assert reply.text == f"“{name}”是第{number}项，请写序号：/report {number} 缺口已补足"


def test_the_reminder_preview_names_each_kind_in_chinese(service):
    [reply] = service.command(ADMIN, "reminders", "2020-12-24")
    assert "【督查提醒】→ 县自然资源局 （未订阅，无人接收）" in reply.text
    assert "【before】" not in reply.text


def test_a_reminder_preview_takes_a_day_as_an_office_writes_it(service):
    # Before, "/reminders 2020年12月24日" was "不是有效日期，请写成YYYY-MM-DD".
    [reply] = service.command(ADMIN, "reminders", "2020年12月24日")
    assert reply.text.startswith("2020-12-24 应发送的提醒（预览，不发送）："), reply.text


def test_a_reminder_preview_of_a_day_no_calendar_has_says_so(service):
    # Before, "/reminders 2020-02-30" answered the usage line alone, as for words.
    [reply] = service.command(ADMIN, "reminders", "2020-02-30")
    assert reply.text.startswith("“2020-02-30”不是有效日期，请写成YYYY-MM-DD。\n用法：/reminders")


def test_a_note_on_a_closed_year_is_dated_the_day_it_is_written(config, engine):
    unpinned = dataclasses.replace(config, today=None)  # the real date: 2020 has closed
    service = _service(unpinned, engine)
    written = f"（{unpinned.current_date():%Y-%m-%d}补充）"
    assert service.today.isoformat() == "2021-01-01"  # the status day, not the date to write
    [note] = service.command(ADMIN, "note", "12 四季度数据已出")
    assert written + "四季度数据已出" in note.text and "2021-01-01" not in note.text
    [report] = service.command(ADMIN, "report", "16 已完成整改")
    assert written + "已完成整改" in report.text
    [pending] = service.command(ADMIN, "pending", "")
    assert written + "已完成整改" in pending.text


@pytest.fixture
def two_years(config, engine):
    """The 2020 ledger and, imported after it, the current year's: 2021's three targets."""
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")
    return _service(config, engine)


@pytest.mark.parametrize("command", ["set", "note", "status", "deadline", "alias", "done"])
def test_a_change_naming_a_year_says_changes_go_to_the_current_year(two_years, command):
    [reply] = two_years.command(ADMIN, command, "2020 12 新增贷款 20亿元")
    assert reply.text.startswith("修改只针对当前年度（2021年）的台账，序号前不要写年份。\n用法：")
    assert reply.text.endswith(  # and how last year's ledger is corrected
        "如需改正2020年的台账：python main.py export --year 2020 --format xlsx -o 2020.xlsx 导出，"
        "改好后 python main.py import 2020.xlsx --year 2020"
    )
    assert not two_years.command(ADMIN, "undo", "")[0].text.startswith("已撤销")


def test_a_change_to_a_number_of_last_year_names_the_year_and_its_count(two_years):
    [reply] = two_years.command(ADMIN, "set", "12 新增贷款 20亿元")
    assert reply.text.startswith("2021年台账中没有第12项目标（共3项）。\n用法：/set 序号")
    [history] = two_years.command(ADMIN, "history", "12")
    missing = "2021年台账中没有第12项目标（共3项）。"
    assert history.text.startswith(f"{missing}用法：/history [年份] 序号")
    assert "/history 2020 1" in history.text  # how to read last year's, of this ledger's


def test_usage_examples_name_the_current_ledgers_targets_not_2020s(two_years):
    # Before, 2021's /target, /set and /chart forms showed 2020's 第12项 and 第56项, targets
    # 2021's three-target ledger does not hold, and /ask a 2020 question.
    ledger = two_years.answerer.ledger
    first = ledger.targets[0]
    texts = [
        two_years.command(ADMIN, name, args)[0].text
        for name, args in (("target", ""), ("set", "1"), ("ask", ""), ("chart", "x y"))
    ]
    for text in texts:
        assert " 12" not in text and " 56" not in text, text  # 2021 holds 1-3
        assert "{" not in text, text  # every example filled in
    assert (
        texts[0]
        == f"用法：/target [年份] 序号，例如 /target {first.number}、/target 2020 {first.number}"
    )
    assert f"例如 /ask {first.title}完成了吗" in texts[2]


def test_files_of_a_closed_year_are_named_for_its_last_day(config, engine):
    service = _service(dataclasses.replace(config, today=None), engine)  # 2020 has closed
    names = [
        reply.document[0]
        for args in ("", "md")
        for reply in service.command(ADMIN, "report", args)
        if reply.document
    ]
    names += [r.document[0] for r in service.command(ADMIN, "export", "csv") if r.document]
    names += [r.document[0] for r in service.command(ADMIN, "report", "通报") if r.document]
    assert names == [
        "工作落实情况汇报_2020-12-31.docx",
        "工作落实情况汇报_2020-12-31.md",
        "台账_2020-12-31.csv",
        "督查通报_2020年第1期_2020-12-31.docx",
    ]


def test_another_years_report_is_named_for_its_year_as_its_export_is(two_years):
    [report] = two_years.command(ADMIN, "report", "2020 docx")
    [export] = two_years.command(ADMIN, "export", "2020 csv")
    assert report.document[0].startswith("2020年工作落实情况汇报_")
    assert export.document[0].startswith("2020年台账_")


def test_a_closed_years_bulletin_asks_for_replies_after_the_day_it_is_written(config, engine):
    unpinned = dataclasses.replace(config, today=None)  # 2020 has closed
    service = _service(unpinned, engine)
    [text, _] = service.command(ADMIN, "report", "通报")
    # five days on, moved off a weekend or holiday as the office's work calendar says
    reply_by = service.calendar.next_working_day(unpinned.current_date() + dt.timedelta(days=5))
    # with its year: "12月12日" under "数据截至2020-12-31" would read as a day of 2020
    assert f"须于{reply_by.year}年{reply_by.month}月{reply_by.day}日前报送" in text.text
    # the week before the day it is written: "2020年12月25日以来" (the week before the year's
    # close) counted every change made in the years since; with its year, as "11月30日以来"
    # under "数据截至2020-12-31" would read as a day of 2020
    start = unpinned.current_date() - dt.timedelta(days=7)
    since = f"{start.year}年{start.month}月{start.day}日以来"
    assert f"二、进展变化\n{since}" in text.text


def test_a_bulletin_on_a_pinned_day_asks_for_replies_after_the_day_it_is_signed(service):
    [text, _] = service.command(ADMIN, "report", "通报")  # [ledger] today = 2021-01-15
    assert "须于1月20日前报送" in text.text
    assert text.text.endswith("县督查局\n2021年1月15日")


LONG = "很长的一段话" * 100  # 600 characters pasted where a word belongs


@pytest.mark.parametrize(
    ("command", "args", "quoted"),
    [
        ("assign", f"12 {LONG}", "台账中没有“"),
        ("assign", LONG, "“"),
        ("subscribe", LONG, "台账中没有唯一对应“"),
        ("list", LONG, "没有找到“"),
        ("status", f"12 {LONG}", "没有“"),
        ("report", f"{LONG} 已完工", "“"),
    ],
)
def test_long_input_is_quoted_back_cut_short(service, command, args, quoted):
    from bot.domain.echo import ECHO_MAX_CHARS

    text = "\n".join(reply.text for reply in service.command(ADMIN, command, args))
    assert LONG not in text and LONG[:200] not in text
    cut = LONG[: ECHO_MAX_CHARS - 1] + "…"
    assert f"{quoted}{cut}”" in text  # the start of what was typed, its cut marked


def test_a_grant_note_that_was_shortened_says_so(service):
    [reply] = service.command(ADMIN, "grant", f"123 {LONG}")
    assert reply.text == "已授予 123 查看权限。（备注超过100字，只保存了前100字）"
    [reply] = service.command(ADMIN, "grant", "456 王科长")
    assert reply.text == "已授予 456 查看权限。"


def test_a_number_typed_against_the_command_runs_it(service):
    # "/target12" as a phone keyboard gives it: the command, not "no such command"
    [card] = service.command(ADMIN, "target12", "")
    assert card.text.startswith("第12项 新增贷款：🟢超额完成")
    [history] = service.command(ADMIN, "history12", "")
    assert history.text == service.command(ADMIN, "history", "12")[0].text
    [proposal] = service.command(ADMIN, "set12", "新增贷款 25亿元 截止12月底")
    assert proposal.text == "请确认以下修改：\n第12项 新增贷款 完成值：24.43亿元 → 25亿元"
    # a name that is no command stays one, with its digits
    [unknown] = service.command(ADMIN, "foo12", "")
    assert unknown.text == "没有 /foo12 这个命令。发送 /help 查看可用命令。"


def test_undo_with_a_number_undoes_nothing_and_says_what_undo_does(service):
    [asked] = service.command(ADMIN, "set", "12 新增贷款 25.1亿元 截止12月底")
    service.button(ADMIN, asked.buttons[0][0].data)
    # the admin means target 56; /undo would have reverted the loan figure
    [refused] = service.command(ADMIN, "undo", "56")
    assert refused.text.startswith(
        "/undo 不带参数，撤销的是您最近的一次修改（不一定是您写的那一项），未执行。"
    )
    assert "24.43" not in service.command(ADMIN, "target", "12")[0].text.split("\n")[1]
    [undone] = service.command(ADMIN, "undo", "")
    assert undone.text.startswith("已撤销：第12项 新增贷款完成值：25.1亿元 → 24.43亿元")


def test_a_rejection_without_a_reason_asks_for_the_reason_with_its_number(service):
    # Before, "/reject 3" gave the bare usage line: the number was right, the reason missing.
    [reply] = service.command(ADMIN, "reject", "3")
    assert reply.text == "请写明驳回理由，例如 /reject 3 数据口径不符，请按12月底数据报送"
    [word] = service.command(ADMIN, "reject", "abc 理由")
    assert word.text.startswith("用法：/reject 报送编号 理由")


def test_empty_viewer_and_subscription_lists_say_how_to_add_one(service):
    [users] = service.command(ADMIN, "users", "")
    assert users.text.splitlines()[-1] == "查看者：（无；用 /grant ID 授予）"
    [subscriptions] = service.command(ADMIN, "subscriptions", "")
    assert subscriptions.text.startswith("订阅：（无；在单位的工作群里发 /subscribe 单位）\n")

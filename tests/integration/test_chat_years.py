"""Commands that name a year ("/target 2020 12", "/history 2019 12") in the chat core."""

from __future__ import annotations

import pytest

from bot.chat.types import Sender
from bot.domain.fields import FieldChange
from bot.store.ledger_changes import apply_changes
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


@pytest.fixture
def service(config, engine):
    return admin_chat(config, engine)


def test_target_and_history_of_the_year_held_answer_as_without_a_year(service, engine):
    apply_changes(engine, [FieldChange(12, "progress_text", "十二月进展。")], actor="tg:42")
    service.refresh()
    [plain] = service.command(ADMIN, "target", "12")
    [named] = service.command(ADMIN, "target", "2020 12")
    assert named.text == plain.text and named.text.startswith("第12项 新增贷款")
    [history] = service.command(ADMIN, "history", "2020 12")
    assert history.text == service.command(ADMIN, "history", "12")[0].text
    assert "十二月进展。" in history.text


def test_a_year_not_held_or_a_number_not_in_it_says_so(service):
    held = "数据库中没有2019年的台账（现有：2020年）。不写年份即查2020年。"
    assert [r.text for r in service.command(ADMIN, "target", "2019 12")] == [held]
    assert [r.text for r in service.command(ADMIN, "history", "2019 12")] == [held]
    [missing] = service.command(ADMIN, "target", "2020 99")
    assert missing.text == "2020年台账中没有第99项目标（共66项）。"


def test_list_keeps_what_the_clis_list_keeps(service, engine, config):
    from bot.app.queries import TargetFilter, ledger_of, select_targets

    ledger = ledger_of(engine, year=None, rules=config.status)
    day = service.answerer.today
    for word, wanted in (
        ("未完成", TargetFilter(status="未完成")),
        ("民政局", TargetFilter(unit="民政局")),
        ("生态环境", TargetFilter(category="生态环境")),
    ):
        [reply] = service.command(ADMIN, "list", word)
        numbers = [row.target.number for row in select_targets(ledger.targets, day, wanted)]
        assert numbers, word
        shown = [int(line.split(".")[0].split()[-1]) for line in reply.text.splitlines()[1:]]
        assert shown == numbers[:10], word  # the first page of the same targets, in order
    [unknown] = service.command(ADMIN, "list", "不存在的局")
    assert unknown.text.startswith("没有找到“不存在的局”。用法：/list [年份] 状态|单位|领域")


def test_a_lists_year_may_follow_its_filter(service, engine):
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")  # 2021 becomes the current year
    service.refresh()
    [before] = service.command(ADMIN, "list", "2020 未完成")
    assert before.text.startswith("2020年未完成的目标（共3项）：\n🔴 16. 耕地保护")
    for args in ("未完成 2020", "未完成 2020年", "未完成  2020 "):
        assert [r.text for r in service.command(ADMIN, "list", args)] == [before.text], args
    [unit] = service.command(ADMIN, "list", "民政局 2020")
    assert unit.text == service.command(ADMIN, "list", "2020 民政局")[0].text
    [missing] = service.command(ADMIN, "list", "未完成 2019")
    assert missing.text.startswith("数据库中没有2019年的台账（现有：2020年、2021年）")


def test_undo_of_a_change_made_before_a_newer_year_was_imported_names_its_year(service, engine):
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    [asked] = service.command(ADMIN, "set", "12 新增贷款 25.1亿元 截止12月底")
    service.button(ADMIN, asked.buttons[0][0].data)
    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")  # 2021 becomes the current year
    service.refresh()
    [undone] = service.command(ADMIN, "undo", "")
    assert undone.text.startswith("已撤销：2020年第12项 新增贷款完成值：25.1亿元 → 24.43亿元")
    [card] = service.command(ADMIN, "target", "2020 12")
    assert "24.43亿元" in card.text

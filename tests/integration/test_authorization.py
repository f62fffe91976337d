"""Every admin command and every admin button, tried by people who are not admins.

In-process over ChatService (the Telegram and console front ends only translate to it). The
database must not change at all, and the reply must be a refusal.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.app.progress_reports import file_report
from bot.app.services import build_answerer
from bot.chat.service import ChatService, admin_only
from bot.chat.types import ADMIN as ADMIN_RIGHTS
from bot.chat.types import Sender
from bot.domain.admin_commands import ADMIN_PROPOSAL_COMMANDS
from bot.domain.fields import FieldChange
from bot.store.ledger_changes import apply_changes
from bot.store.unmatched import log_unmatched
from tests.auxil.bot_harness import ADMIN, REFUSAL, snapshot

GRANTED_GROUP = -100200
OTHER_GROUP = -100300

# Plausible arguments: each is accepted when the admin sends it (see the last test).
ARGS = {
    "set": "12 新增贷款 1亿元",
    "status": "12 滞后 资金未到位",
    "note": "12 11月新增贷款1.2亿元",
    "deadline": "12 2021-03-31 补充时限",
    "done": "6",
    "reopen": "5",
    "assign": "12 县财政局 配合",
    "unassign": "12 人行西平县支行",
    "alias": "12 信贷",
    "undo": "",
    "unmatched": "",
    "grant": "7",
    "revoke": "88",
    "users": "",
    "subscribe": "民政局 -1001234567",
    "unsubscribe": "民政局 -1001234567",
    "subscriptions": "",
    "urge": "16",
    "pending": "",
    "reject": "1 数据口径不符",
    "outbox": "",
    "reminders": "2020-12-24",
    "close": "16 强制 经县政府同意调整",
    "unclose": "16 复核后重新打开",
}

SENDERS = {
    "viewer": (Sender(77, 77, actor="tg:77"), "viewer"),
    "stranger": (Sender(7, 7, actor="tg:7"), None),
    "stranger in a granted group": (
        Sender(7, GRANTED_GROUP, "supergroup", actor="tg:7"),
        "viewer",
    ),
    "anonymous admin in a granted group": (
        Sender(None, GRANTED_GROUP, "supergroup", anonymous=True, actor="tg:anonymous"),
        "viewer",
    ),
    "anonymous admin elsewhere": (
        Sender(None, OTHER_GROUP, "supergroup", anonymous=True, actor="tg:anonymous"),
        None,
    ),
    "admin id sent as the group": (
        Sender(ADMIN, OTHER_GROUP, "supergroup", anonymous=True, actor="tg:anonymous"),
        None,
    ),
}

ADMIN_SENDER = Sender(ADMIN, ADMIN, actor="tg:42")


@pytest.fixture
def service(config, engine):
    config = dataclasses.replace(
        config, telegram=dataclasses.replace(config.telegram, admins=(ADMIN,))
    )
    service = ChatService(engine, config, build_answerer(engine, config))
    for subject in (77, 88, GRANTED_GROUP):
        assert service.command(ADMIN_SENDER, "grant", str(subject))[0].text.startswith("已授予")
    # a change by everyone an /undo could be attributed to, so a leaked /undo would show;
    # the admin's comes last, as /undo never reverts over someone else's later change
    for n, actor in enumerate(("tg:77", "tg:7", "tg:anonymous", "console", "tg:42")):
        apply_changes(
            engine, [FieldChange(12, "indicator:新增贷款:as_of", f"第{n}次")], actor=actor
        )
    # a question the bot cannot answer (one it answers well now is not listed)
    log_unmatched(engine, "金融活水", best_target=12, best_score=0.5)
    return service


def admin_commands(service: ChatService) -> list[str]:
    names = [c.name for c in service.registry.of_rights(ADMIN_RIGHTS)]
    assert set(names) == set(ARGS), "give every admin command plausible arguments in ARGS"
    return names


@pytest.mark.parametrize("who", SENDERS)
def test_no_admin_command_works_for_a_non_admin(service, engine, who):
    sender, role = SENDERS[who]
    assert service.role_of(sender) == role
    before = snapshot(engine)
    for name in admin_commands(service):
        for spelled in (name, name.upper()):
            replies = service.command(sender, spelled, ARGS[name])
            texts = [r.text for r in replies]
            refused = f"/{spelled} {admin_only(service.config.office_name)}"
            expected = REFUSAL if role is None else refused
            assert texts == [expected], (who, spelled)
            assert all(not r.buttons for r in replies)
        assert snapshot(engine) == before, (who, name)


@pytest.mark.parametrize("who", SENDERS)
def test_no_admin_button_works_for_a_non_admin(service, engine, who):
    sender, role = SENDERS[who]
    [proposal] = service.command(ADMIN_SENDER, "set", "12 新增贷款 30亿元")
    [[confirm, cancel]] = proposal.buttons
    report = file_report(
        engine,
        year=service.year,
        number=12,
        reporter_id=7,
        chat_id=GRANTED_GROUP,
        text="新增贷款 26亿元",
    )
    before = snapshot(engine)
    data_of = {
        "confirm": confirm.data,
        "cancel": cancel.data,
        "unm": "unm:1",
        "rpt": f"rpt:ok:{report.id}",
    }
    admin_buttons = [
        b.prefix for b in service.registry.buttons.values() if b.rights == ADMIN_RIGHTS
    ]
    assert set(admin_buttons) == set(data_of), "give every admin button plausible data"
    for data in (data_of[prefix] for prefix in admin_buttons):
        replies = service.button(sender, data)
        assert [r.text for r in replies] == [""], (who, data)
        # a stranger is refused outright; a viewer is told the button is an admin's
        refused = service.registry.button(data.partition(":")[0]).refused
        assert replies[0].toast == ("您没有权限" if role is None else refused), (who, data)
        assert snapshot(engine) == before, (who, data)
    # the admin can still confirm it afterwards
    [done] = service.button(ADMIN_SENDER, confirm.data)
    assert done.toast == "已修改"


def test_the_arguments_are_ones_an_admin_could_use(service, engine):
    for name in admin_commands(service):
        [reply] = service.command(ADMIN_SENDER, name, ARGS[name])
        assert reply.text != REFUSAL and "仅限管理员" not in reply.text
        if name not in ADMIN_PROPOSAL_COMMANDS:
            expected = {
                "undo": "已撤销：第12项 新增贷款数据时点",
                "unmatched": "最近未匹配的问题：\n· 金融活水（最接近第12项）",
                "grant": "已授予 7 查看权限。",
                "revoke": "已撤销 88 的查看权限。",
                "users": "管理员：42\n查看者（3）：",
                "subscribe": "已订阅：县民政局的到期提醒将发送到 -1001234567。",
                "unsubscribe": "已取消：县民政局的提醒不再发送到 -1001234567。",
                "subscriptions": "订阅：（无；在单位的工作群里发 /subscribe 单位）",
                "urge": "当前前端不能向其他群发送消息。",
                "pending": "暂无待审核的进展报送。",
                "reject": "没有待审核的报送#1。",
                "outbox": "没有未确认送达或发送失败的提醒。",
                "reminders": "2020-12-24 应发送的提醒（预览，不发送）：",
                # 销号 awaits 确认 like any change; unasked, nothing was closed to reopen
                "close": "请确认以下修改：\n第16项 耕地保护 销号：未销号 → 已销号（2021-01-15）"
                "（强制销号）",
                "unclose": "第16项没有销号，无需重新打开。",
            }[name]
            assert reply.text.startswith(expected), (name, reply.text)
        else:
            assert reply.text.startswith("请确认以下修改：\n"), (name, reply.text)
            assert [b.label for b in reply.buttons[0]] == ["确认", "取消"]


def test_help_lists_what_the_asker_may_use_from_the_registry(service):
    viewer, _ = SENDERS["viewer"]
    for sender, role in ((viewer, "viewer"), (ADMIN_SENDER, "admin")):
        [reply] = service.command(sender, "help", "")
        listed = [
            line.split(" ", 1)[0][1:] for line in reply.text.split("命令：\n", 1)[1].splitlines()
        ]
        assert listed == [c.name for c in service.registry.menu(role)]
        assert ("grant" in listed) == (role == "admin")
    assert "whoami" in [c.name for c in service.registry.menu(None)]


def test_an_unmatched_question_becomes_one_alias_proposal_however_often_pressed(service, engine):
    [first] = service.button(ADMIN_SENDER, "unm:1")
    assert first.text == "请确认以下修改：\n第12项 新增别名：金融活水"
    before = snapshot(engine)
    [again] = service.button(ADMIN_SENDER, "unm:1")
    assert (again.text, again.toast) == ("", "该问题已处理或不存在")
    assert snapshot(engine) == before


def test_a_refusal_sends_the_asker_to_the_configured_office(config, engine):
    # Before, every refusal named "县督查局" whatever [office] name the config gave.
    admins = dataclasses.replace(config.telegram, admins=(ADMIN,))
    office = dataclasses.replace(config, office_name="西平县督查局", telegram=admins)
    service = ChatService(engine, office, build_answerer(engine, office))
    viewer, _ = SENDERS["viewer"]
    assert service.command(ADMIN_SENDER, "grant", "77")[0].text.startswith("已授予")
    [stranger] = service.question(SENDERS["stranger"][0], "新增贷款完成了吗")
    assert stranger.text == "抱歉，您没有使用本助手的权限。如需开通，请联系西平县督查局管理员。"
    [admin_only_reply] = service.command(viewer, "set", "12 新增贷款 30亿元")
    assert "请联系西平县督查局管理员" in admin_only_reply.text
    [question] = service.question(viewer, "新增贷款改成30亿元")
    assert "修改数据请联系西平县督查局管理员" in question.text, question.text

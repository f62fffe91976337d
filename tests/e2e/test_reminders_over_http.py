"""Reminders end to end: the real bot, its real polling loop and its start-up catch-up, over
HTTP against the fake Bot API, with scripted unit members and the admin.

The clock: `today` is pinned to Thursday 2020-12-24, so `config.now()` is 09:00 that day and
the catch-up in post_init sends that day's reminders. Target 16 (耕地保护, 县自然资源局, deadline
2020-12-31 年底前) gets its 7-day reminder that day, and so do targets 6 and 7, which
县自然资源局 also answers for: the unit group receives exactly those three.

Users: admin 42; unit member 501 in the 县自然资源局 group (no viewer rights); member 601 in the
县金融工作局 group; 777, a stranger in a group nobody subscribed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import re
import threading
from collections import Counter

import pytest
from sqlmodel import Session

from bot.adapters.telegram import REMINDER_JOB_ID
from bot.app.reminders import CATCH_UP_DAYS, plan, policy_of_config, set_digest, subscribe
from bot.app.services import build_answerer
from bot.chat.service import ChatService
from bot.domain.reminder_policy import latest_missed
from bot.domain.work_calendar import WorkCalendar
from bot.store.database import make_engine
from bot.store.ledger_store import read_ledger, read_target
from tests.auxil.bot_harness import ADMIN, REFUSAL, actual, bot_config, keyboard
from tests.auxil.reminder_harness import (
    SHANGHAI,
    RecordingSend,
    ReminderBotDriver,
    audit_for,
    delivered,
    delivered_texts,
    duplicates,
    outbox,
    outbox_row,
    reminders_for,
    reports,
    running_reminder_bot,
    subscription_pairs,
)

DAY = dt.date(2020, 12, 24)
GROUP = -1001234567  # 县自然资源局's unit group
MEMBER = 501
FIN_GROUP = -1007654321  # 县金融工作局's unit group
FIN_MEMBER = 601
OTHER_GROUP = -1005550000  # subscribed to nothing
STRANGER = 777
UNIT = "县自然资源局"
REMINDED = (6, 7, 16)  # 县自然资源局's targets with a 7-day reminder on 2020-12-24
GROUP_KW = {"chat_type": "supergroup"}
UNIT_GROUP_ONLY_REPORTS = "本群是县自然资源局的工作群，只能报送本单位负责目标的进展"


@pytest.fixture
def day_config(config):
    """The test config on 2020-12-24 (now() = 09:00 that day)."""
    return dataclasses.replace(config, today=DAY)


@pytest.fixture
def cfg(day_config, fake):
    return bot_config(day_config, fake)


@pytest.fixture
async def reminded(cfg, engine, fake):
    """Both unit groups subscribed before start-up; the catch-up has sent the day's reminders."""
    subscribe(engine, UNIT, GROUP, actor="tg:42")
    subscribe(engine, "县金融工作局", FIN_GROUP, actor="tg:42")
    async with running_reminder_bot(cfg, engine, fake) as bot:
        assert [len(reminders_for(fake, GROUP, n)) for n in REMINDED] == [1, 1, 1]
        assert delivered(fake, FIN_GROUP) == []  # target 12's only deadline is done
        yield bot


def first_line(text: str) -> str:
    return text.splitlines()[0]


def to_chat(calls, chat_id: int) -> list[str]:
    return [c.result["text"] for c in calls if c.get("chat_id") == chat_id]


def progress_of(engine, number: int) -> str:
    with Session(engine) as session:
        return read_target(session, number).progress_text


def as_of(engine, number: int, indicator: str) -> str:
    with Session(engine) as session:
        return read_target(session, number).indicator(indicator).as_of


async def report_by_reply(bot: ReminderBotDriver, text: str, number: int = 16) -> int:
    """Member 501 replies to the group's reminder about `number`; returns the report id."""
    [reminder] = reminders_for(bot.fake, GROUP, number)
    count = len(reports(bot.service.engine))
    reply = await bot.say(GROUP, MEMBER, text, reply_to=reminder.result["message_id"], **GROUP_KW)
    found = reports(bot.service.engine)
    assert len(found) == count + 1
    report = found[-1]
    [text] = reply.texts
    assert text.startswith(f"已收到第{number}项的进展报送（编号{report.id}），待督查局审核：\n")
    assert reply.sent[0]["chat_id"] == GROUP
    return report.id


async def pending_message(bot: ReminderBotDriver, report_id: int) -> int:
    """The admin's /pending; returns the id of the message listing `report_id`."""
    listing = await bot.say(ADMIN, ADMIN, "/pending")
    [call] = [c for c in listing.sent if c.result["text"].startswith(f"报送#{report_id} ")]
    assert keyboard(call)[0][0][1] == f"rpt:ok:{report_id}"
    return call.result["message_id"]


# --- 1. the start-up catch-up sends each reminder once -------------------------------------------


async def test_catch_up_sends_the_7_day_reminder_once_across_restarts(cfg, engine, fake):
    async with running_reminder_bot(cfg, engine, fake) as bot:
        # the daily job is scheduled at 09:00 local time under its stable id
        [job] = bot.app.job_queue.get_jobs_by_name(REMINDER_JOB_ID)
        assert job.job.id == REMINDER_JOB_ID
        assert job.next_t.astimezone(SHANGHAI).time() == dt.time(9, 0)

        reply = await bot.say(ADMIN, ADMIN, f"/subscribe 自然资源局 {GROUP}")
        assert reply.text == f"已订阅：{UNIT}的到期提醒将发送到 {GROUP}。"
        again = await bot.say(ADMIN, ADMIN, f"/subscribe 自然资源局 {GROUP}")
        assert again.text == f"{GROUP} 已订阅{UNIT}的提醒。"
        assert subscription_pairs(engine) == [(UNIT, GROUP)]
        # this start-up's catch-up ran before the subscription: nothing went to the group
        assert delivered(fake, GROUP) == [] and outbox(engine) == []

    answerer = bot.service.answerer  # the ledger is unchanged: reuse its index
    async with running_reminder_bot(cfg, engine, fake, answerer=answerer) as bot:
        texts = delivered_texts(fake, GROUP)
        assert [first_line(t) for t in texts] == [
            "【县督查局·督查提醒】第6项 矿山治理与山长制",
            "【县督查局·督查提醒】第7项 造林绿化",
            "【县督查局·督查提醒】第16项 耕地保护",
        ]
        [call] = reminders_for(fake, GROUP, 16)
        text = call.result["text"]
        for part in ("第16项", "2020-12-31", "距截止还有7天", "/report 16"):
            assert part in text, part
        assert call["parse_mode"] == "HTML"
        row = outbox_row(engine, 16)
        assert (row.kind, row.state, row.chat_key, row.occurrence, row.milestone) == (
            "before",
            "sent",
            GROUP,
            DAY,
            "2020-12-31 年底前",
        )
        assert row.message_id == call.result["message_id"] and not row.late

    # a restart the same day: the outbox keys are taken, nothing goes out again
    async with running_reminder_bot(cfg, engine, fake, answerer=answerer) as bot:
        assert len(delivered(fake, GROUP)) == 3
        result = await asyncio.to_thread(bot.service.run_reminders)
        assert (result.sent, result.skipped, result.uncertain, result.failed) == (0, 3, 0, 0)
        assert result.no_chat > 0  # units without a group are counted, not sent
        assert len(delivered(fake, GROUP)) == 3
        assert [r.state for r in outbox(engine)] == ["sent"] * 3


# --- 2. a reply to the reminder is a progress report ---------------------------------------------


async def test_a_reply_to_the_reminder_is_a_report_and_strangers_are_refused(reminded, engine):
    bot = reminded
    report_id = await report_by_reply(bot, "耕地缺口已补足1.2万亩")
    [report] = reports(engine)
    assert report.id == report_id
    assert (report.target_number, report.reporter_id, report.chat_id) == (16, MEMBER, GROUP)
    assert (report.text, report.state) == ("耕地缺口已补足1.2万亩", "pending")
    # answering the reminder is receiving it: no need to press 收到 as well
    assert outbox_row(engine, 16).acked_by_id == MEMBER
    assert outbox_row(engine, 6).acked_at is None

    # a reply to the reminder about target 6 reports on target 6
    await report_by_reply(bot, "矿山治理已验收", number=6)
    assert [r.target_number for r in reports(engine)] == [16, 6]
    assert outbox_row(engine, 6).acked_by_id == MEMBER

    # the member's ordinary chatter in the group is ignored; a question to the bot is refused,
    # saying what the unit's group can send
    assert (await bot.say(GROUP, MEMBER, "收到，马上落实", **GROUP_KW)).calls == []
    reply = await bot.say(GROUP, MEMBER, "@ledger_test_bot 耕地保护完成了吗", **GROUP_KW)
    assert reply.text.startswith(UNIT_GROUP_ONLY_REPORTS)

    # a unit group may report only on its own unit's targets
    reply = await bot.say(GROUP, MEMBER, "/report 12 新增贷款 30亿元", **GROUP_KW)
    assert reply.text.startswith("第12项 新增贷款 的责任单位是县金融工作局")
    # a stranger in a group nobody subscribed
    reply = await bot.say(OTHER_GROUP, STRANGER, "/report 16 xyz", **GROUP_KW)
    assert reply.texts == [REFUSAL]
    # ...nor does a reply there to a message id that is a reminder in another chat count
    [reminder] = reminders_for(bot.fake, GROUP, 16)
    reply = await bot.say(
        OTHER_GROUP, STRANGER, "已完成", reply_to=reminder.result["message_id"], **GROUP_KW
    )
    assert reply.calls == []  # not a reply to the bot there: chatter
    assert len(reports(engine)) == 2

    # /report in the unit group, without replying
    reply = await bot.say(GROUP, MEMBER, "/report 16 新增复垦耕地3000亩", **GROUP_KW)
    assert reply.text.startswith("已收到第16项的进展报送（编号")
    assert reports(engine)[-1].reporter_id == MEMBER


# --- 3. the admin approves or rejects ------------------------------------------------------------


async def test_the_admin_approves_a_note_and_rejects_a_report(reminded, engine):
    bot = reminded
    report_id = await report_by_reply(bot, "耕地缺口已补足1.2万亩")
    listing = await bot.say(ADMIN, ADMIN, "/pending")
    who = f"县自然资源局群{GROUP}，报送人ID {MEMBER}"  # the unit, not only its chat id
    assert listing.text == (
        f"报送#{report_id} 第16项（{who}）：\n耕地缺口已补足1.2万亩\n"
        "拟修改：第16项 进展情况：追加“（2020-12-24补充）耕地缺口已补足1.2万亩”"
    )
    assert keyboard(listing.sent[0]) == [
        [("采纳", f"rpt:ok:{report_id}"), ("驳回", f"rpt:no:{report_id}")]
    ]
    message_id = listing.message_id

    # the reporting member cannot press the admin's buttons (the message is not theirs anyway)
    group_msg = reminders_for(bot.fake, GROUP, 16)[0].result["message_id"]
    press = await bot.press(GROUP, MEMBER, group_msg, f"rpt:ok:{report_id}")
    assert [c.method for c in press.calls] == ["answerCallbackQuery"]
    assert press.answers[0]["text"] == "您没有权限"
    assert reports(engine)[0].state == "pending"

    press = await bot.press(ADMIN, ADMIN, message_id, f"rpt:ok:{report_id}")
    assert press.answers[0]["text"] == "已采纳"
    assert bot.shown(ADMIN, message_id).startswith(f"已采纳报送#{report_id}：\n第16项 进展情况")
    [told] = to_chat(press.sent, GROUP)
    assert told.startswith(f"第16项进展报送#{report_id}已采纳")
    # no figure in the text: it became a progress note
    assert progress_of(engine, 16).endswith("耕地缺口已补足1.2万亩")
    [entry] = audit_for(engine, 16)
    assert (entry.field_name, entry.actor) == ("progress_text", "tg:42")
    assert f"报送#{report_id}" in entry.reason
    assert str(MEMBER) in entry.reason and "tg:42" in entry.reason
    [report] = reports(engine)
    assert (report.state, report.decided_by) == ("approved", ADMIN)

    # a second press (double tap) applies nothing and tells nobody
    press = await bot.press(ADMIN, ADMIN, message_id, f"rpt:ok:{report_id}")
    assert press.answers[0]["text"] == f"报送#{report_id}已采纳"
    assert not press.sent and not press.edits and len(audit_for(engine, 16)) == 1

    # a second report: 驳回 asks for a reason, /reject gives it
    second = await report_by_reply(bot, "耕地缺口已全部补足")
    message_id = await pending_message(bot, second)
    press = await bot.press(ADMIN, ADMIN, message_id, f"rpt:no:{second}")
    assert press.answers[0]["text"] == "请填写理由"
    assert press.texts == [f"请发送 /reject {second} 理由 说明驳回原因。"]
    assert reports(engine)[-1].state == "pending"

    # a number without a reason asks for the reason with that number, and rejects nothing
    asked = (await bot.say(ADMIN, ADMIN, f"/reject {second}")).text
    assert asked.startswith(f"请写明驳回理由，例如 /reject {second} ")
    assert reports(engine)[-1].state == "pending"
    reject = await bot.say(ADMIN, ADMIN, f"/reject {second} 数据口径不符")
    assert to_chat(reject.sent, ADMIN) == [f"已驳回报送#{second}，并已通知报送单位。"]
    assert to_chat(reject.sent, GROUP) == [
        f"第16项进展报送#{second}未被采纳。理由：数据口径不符\n"
        "原报送内容：耕地缺口已全部补足\n请按理由修改后重新发送：/report 16 进展或数值"
    ]
    report = reports(engine)[-1]
    assert (report.state, report.reason, report.decided_by) == ("rejected", "数据口径不符", ADMIN)
    assert len(audit_for(engine, 16)) == 1  # a rejection changes nothing
    assert not progress_of(engine, 16).endswith("耕地缺口已全部补足")
    # decided reports cannot be decided again
    again = await bot.say(ADMIN, ADMIN, f"/reject {second} 重复")
    assert again.texts == [
        f"报送#{second}已驳回。已处理过的报送不能再驳回；发送 /pending 查看待审核的报送。"
    ]
    assert (await bot.say(ADMIN, ADMIN, "/pending")).text == "暂无待审核的进展报送。"


async def test_an_approved_figure_report_sets_the_indicator(reminded, engine):
    bot = reminded
    reply = await bot.say(
        FIN_GROUP, FIN_MEMBER, "/report 12 新增贷款 30亿元 截止12月底", **GROUP_KW
    )
    [report] = reports(engine)
    assert reply.text == (
        f"已收到第12项的数据报送（编号{report.id}），待督查局审核：\n"
        "第12项 新增贷款 完成值：24.43亿元 → 30亿元"
    )
    assert (report.chat_id, report.reporter_id) == (FIN_GROUP, FIN_MEMBER)

    message_id = await pending_message(bot, report.id)
    press = await bot.press(ADMIN, ADMIN, message_id, f"rpt:ok:{report.id}")
    assert press.answers[0]["text"] == "已采纳"
    assert actual(engine, 12, "新增贷款") == "30"
    assert as_of(engine, 12, "新增贷款") == "截止12月底"
    [told] = to_chat(press.sent, FIN_GROUP)
    assert told.startswith(f"第12项进展报送#{report.id}已采纳：\n")
    assert "30亿元" in told
    entries = audit_for(engine, 12)
    assert {e.field_name for e in entries} >= {"indicator:新增贷款:actual"}
    assert all(f"报送#{report.id}" in e.reason and str(FIN_MEMBER) in e.reason for e in entries)
    # answers see the new figure at once
    await bot.say(ADMIN, ADMIN, "/grant 77")
    answer = await bot.say(77, 77, "新增贷款完成了吗")
    assert "新增贷款 30亿元 / 目标14亿元" in answer.text
    # nothing was sent to the other unit's group
    assert len(delivered(bot.fake, GROUP)) == 3


# --- 4. 催办 ------------------------------------------------------------------------------------


async def test_urge_sends_once_a_day(reminded, engine):
    bot = reminded
    first = await bot.say(ADMIN, ADMIN, "/urge 16")
    assert to_chat(first.sent, ADMIN) == ["第16项催办：已发送1条"]
    [urge] = to_chat(first.sent, GROUP)
    assert first_line(urge) == "【县督查局·催办】第16项 耕地保护"
    assert "距截止还有7天" in urge and "/report 16" in urge
    assert outbox_row(engine, 16, kind="urge").state == "sent"

    second = await bot.say(ADMIN, ADMIN, "/urge 16")
    assert to_chat(second.sent, GROUP) == []
    assert second.text == "第16项催办：已发送0条\n今天已催办过的1个群未重复发送"

    # a unit nobody subscribed is named; a member may not urge
    other = await bot.say(ADMIN, ADMIN, "/urge 35")
    assert other.text == "第35项催办：已发送0条\n未订阅提醒的单位：县人民医院、县卫健委、县财政局"
    assert (await bot.say(GROUP, MEMBER, "/urge 16", **GROUP_KW)).text.startswith(
        UNIT_GROUP_ONLY_REPORTS
    )
    assert len([r for r in outbox(engine) if r.kind == "urge"]) == 1

    # a reply to the 催办 message is a report on target 16, too
    urge_id = [c for c in first.sent if c["chat_id"] == GROUP][0].result["message_id"]
    reply = await bot.say(GROUP, MEMBER, "已整改", reply_to=urge_id, **GROUP_KW)
    assert reply.text.startswith("已收到第16项的进展报送")


# --- 5. faults -----------------------------------------------------------------------------------


@pytest.mark.parametrize("rate_limiter", [False, True], ids=["outbox-retry", "ptb-limiter"])
async def test_flood_control_during_catch_up_is_waited_out(
    day_config, engine, fake, monkeypatch, rate_limiter
):
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    subscribe(engine, UNIT, GROUP)
    fake.fail_next("sendMessage", "retry_after", retry_after=1)
    config = bot_config(day_config, fake, rate_limiter=rate_limiter)
    async with running_reminder_bot(config, engine, fake):
        failed = [c for c in fake.calls("sendMessage") if not c.ok]
        assert [(c.fault, c["chat_id"]) for c in failed] == [("retry_after", GROUP)]
        assert [len(reminders_for(fake, GROUP, n)) for n in REMINDED] == [1, 1, 1]
        assert [r.state for r in outbox(engine)] == ["sent"] * 3


async def test_a_timed_out_reminder_is_uncertain_and_never_resent(cfg, engine, fake):
    subscribe(engine, UNIT, GROUP)
    fake.fail_next("sendMessage", "timeout", delay=1.8)
    async with running_reminder_bot(cfg, engine, fake, read_timeout=1.0) as bot:
        # the first reminder (target 6) timed out; the others went out
        row = outbox_row(engine, 6)
        assert row.state == "uncertain" and row.message_id is None
        assert [outbox_row(engine, n).state for n in (7, 16)] == ["sent", "sent"]
        listing = await bot.say(ADMIN, ADMIN, "/outbox")
        assert listing.text.startswith("未确认送达或失败的提醒（1）：\n")
        assert f"· #{row.id} 未确认 督查提醒 第6项 2020-12-24 → {GROUP}：" in listing.text
        hint = "未确认的提醒不会自动重发；如需补发，请核实后用 /urge 序号。"
        # the uncertain reminder is not listed as waiting for 收到: it may never have arrived
        assert f"\n{hint}\n\n提醒确认情况（最近2条）：\n" in listing.text
        assert "第6项 县自然资源局" not in listing.text
        # Telegram acted on the request all the same: the message arrives late
        await asyncio.to_thread(fake.wait_for, lambda c: c.fault == "timeout" and c.ok, 5)

    async with running_reminder_bot(cfg, engine, fake, answerer=bot.service.answerer) as bot:
        result = await asyncio.to_thread(bot.service.run_reminders)
        assert (result.sent, result.skipped) == (0, 3)
    assert [len(reminders_for(fake, GROUP, n)) for n in REMINDED] == [1, 1, 1]
    assert outbox_row(engine, 6).state == "uncertain"


async def test_a_migrated_group_gets_the_reminders_at_its_new_id(cfg, engine, fake):
    subscribe(engine, UNIT, GROUP)
    fake.fail_next("sendMessage", "migrate")
    async with running_reminder_bot(cfg, engine, fake):
        failed = [c for c in fake.calls("sendMessage") if not c.ok]
        assert failed and {c["chat_id"] for c in failed} == {GROUP}
        new_id = failed[0].error["parameters"]["migrate_to_chat_id"]
        assert new_id != GROUP
        assert subscription_pairs(engine) == [(UNIT, new_id)]
        assert delivered(fake, GROUP) == []
        assert [len(reminders_for(fake, new_id, n)) for n in REMINDED] == [1, 1, 1]
        assert [r.state for r in outbox(engine)] == ["sent"] * 3


async def test_after_migration_replies_count_and_nothing_is_sent_twice(cfg, engine, fake):
    subscribe(engine, UNIT, GROUP)
    fake.fail_next("sendMessage", "migrate")
    async with running_reminder_bot(cfg, engine, fake) as bot:
        failed = next(c for c in fake.calls("sendMessage") if not c.ok)
        new_id = failed.error["parameters"]["migrate_to_chat_id"]
        [reminder] = reminders_for(fake, new_id, 16)
        reply = await bot.say(
            new_id, MEMBER, "已补足", reply_to=reminder.result["message_id"], **GROUP_KW
        )
        await asyncio.to_thread(bot.service.run_reminders)  # the daily job, the same day
        counts = [len(reminders_for(fake, new_id, n)) for n in REMINDED]
    assert reply.texts[0].startswith("已收到第16项的进展报送")
    assert counts == [1, 1, 1]


# --- 6. two processes on one database ----------------------------------------------------------


def expected_notices(engine, config) -> set[tuple[int, str]]:
    """(chat, text) of everything catch-up plus the day's run should send, planned up front."""
    policy, calendar, tz = policy_of_config(config), WorkCalendar(), config.tz
    with Session(engine) as session:
        ledger = read_ledger(session)
    today = config.current_date()
    missed = [
        n
        for back in range(CATCH_UP_DAYS, 0, -1)
        for n in plan(
            engine, ledger, today - dt.timedelta(days=back), policy, calendar, tz, worded_on=today
        )
        if n.kind in ("before", "due") and n.deadline and n.deadline >= today
    ]
    todays = plan(engine, ledger, today, policy, calendar, tz)
    found = {(n.chat_id, n.text) for n in latest_missed(missed, todays) + todays}
    return {pair for pair in found if pair[0] is not None}


async def test_two_processes_on_one_database_send_each_notice_once(config, engine):
    # Monday 2020-12-28, in an office that reminds 7 and 1 days ahead: the weekly digest and
    # (caught up, late) the 7-day reminders of Thursday 24th; every unit has its own group
    offsets = dataclasses.replace(config.reminders, offsets=(7, 1, 0))
    monday = dataclasses.replace(config, today=dt.date(2020, 12, 28), reminders=offsets)
    with Session(engine) as session:
        units = sorted({u.name for t in read_ledger(session).targets for u in t.units})
    for i, unit in enumerate(units):
        subscribe(engine, unit, -1002000000 - i)
    set_digest(engine, -1003000000, True)
    set_digest(engine, -1003000001, True)
    expected = expected_notices(engine, monday)
    assert len(expected) > 25
    assert any(text.startswith("【督查周报】") for _, text in expected)

    services, sends = [], []
    answerer = build_answerer(engine, monday)  # read-only here; each process has its own engine
    for name in ("a", "b"):
        own_engine = make_engine(monday.database_url)
        service = ChatService(own_engine, monday, answerer)
        service.send = RecordingSend(name)
        services.append(service)
        sends.append(service.send)
    barrier = threading.Barrier(2)
    results, errors = {}, []

    def run(service: ChatService) -> None:
        try:
            barrier.wait(5)
            caught_up = service.catch_up_reminders()
            daily = service.run_reminders()
            results[service.send.name] = (caught_up, daily)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(s,)) for s in services]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for service in services:
        service.engine.dispose()
    assert not errors, errors
    assert duplicates(*sends) == {}
    assert {pair for s in sends for pair in s.sent} == expected
    assert sum(len(s.sent) for s in sends) == len(expected)
    sent = sum(r.sent for pair in results.values() for r in pair)
    assert sent == len(expected)
    # both processes tried every notice: one claimed and sent it, the other skipped it
    assert sum(caught_up.skipped for caught_up, _ in results.values()) == len(expected)
    # the second run of each process found everything claimed
    assert all(daily.sent == 0 for _, daily in results.values())
    rows = outbox(engine)
    assert len(rows) == len(expected) and {r.state for r in rows} == {"sent"}
    assert Counter(r.late for r in rows)[True] > 0  # Thursday's reminders went out late


async def test_an_older_figure_is_shown_as_older_and_applied_only_when_the_admin_says_so(
    reminded, engine
):
    bot = reminded
    reply = await bot.say(FIN_GROUP, FIN_MEMBER, "/report 12 新增贷款 26亿元 截至11月", **GROUP_KW)
    older = "报送数据时点“截至11月”早于台账现有数据“截止12月底”（24.43亿元）"
    assert reply.text.endswith(f"注意：{older}，审核人确认前不会覆盖。")
    first = reports(engine)[-1].id
    listing = await bot.say(ADMIN, ADMIN, "/pending")
    assert f"⚠ {older}。\n拟修改：第12项 新增贷款 完成值：24.43亿元 → 26亿元" in listing.text
    assert keyboard(listing.sent[0]) == [
        [("采纳为备注（不覆盖）", f"rpt:ok:{first}"), ("仍按此数覆盖", f"rpt:force:{first}")],
        [("驳回", f"rpt:no:{first}")],
    ]
    press = await bot.press(ADMIN, ADMIN, listing.message_id, f"rpt:ok:{first}")
    assert press.answers[0]["text"] == "已采纳"
    assert actual(engine, 12, "新增贷款") == "24.43"  # the newer figure stays
    assert progress_of(engine, 12).endswith("新增贷款 26亿元 截至11月")
    assert f"（{older}，未覆盖，已记入进展）" in to_chat(press.sent, FIN_GROUP)[0]

    await bot.say(FIN_GROUP, FIN_MEMBER, "/report 12 新增贷款 26亿元 截至11月", **GROUP_KW)
    second = reports(engine)[-1].id
    message_id = await pending_message(bot, second)
    press = await bot.press(ADMIN, ADMIN, message_id, f"rpt:force:{second}")
    assert press.answers[0]["text"] == "已采纳"
    assert (actual(engine, 12, "新增贷款"), as_of(engine, 12, "新增贷款")) == ("26", "截至11月")


async def test_a_free_text_report_with_a_figure_sets_its_indicator(reminded, engine):
    bot = reminded
    subscribe(engine, "县卫健委", OTHER_GROUP, actor="tg:42")
    reply = await bot.say(
        OTHER_GROUP, STRANGER, "/report 35 补助33.15万元已于1月20日拨付到位", **GROUP_KW
    )
    assert "第35项 村级医务人员筛查补助 完成值：— → 33.15万元\n" in reply.text
    # the rest of its words ("已于1月20日拨付到位") go to 进展 with the figure
    assert reply.text.endswith("补充）补助33.15万元已于1月20日拨付到位”")
    report = reports(engine)[-1]
    message_id = await pending_message(bot, report.id)
    await bot.press(ADMIN, ADMIN, message_id, f"rpt:ok:{report.id}")
    assert actual(engine, 35, "村级医务人员筛查补助") == "33.15"
    assert progress_of(engine, 35).endswith("补助33.15万元已于1月20日拨付到位")
    # a figure in a unit of another measure is refused at once, like /set
    reply = await bot.say(FIN_GROUP, FIN_MEMBER, "/report 12 新增贷款 26万亩", **GROUP_KW)
    assert reply.text.startswith("单位不符：第12项“新增贷款”的单位是亿元，你输入的是万亩")


# --- 7. 收到: acknowledged reminders, escalated once when they are not ----------------------

LEADER_GROUP = -1008880000  # the leaders' chat: it receives the weekly digest
ACKED = re.compile(r"张三已确认收到第16项督查提醒（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）。")


async def test_a_reminder_carries_a_received_button_and_the_unit_acknowledges_it(reminded, engine):
    bot = reminded
    [call] = reminders_for(bot.fake, GROUP, 16)
    row = outbox_row(engine, 16)
    assert keyboard(call) == [[("收到", f"ack:{row.id}")]]
    message_id = call.result["message_id"]

    # a member without viewer rights presses it in the unit's group
    press = await bot.press(GROUP, MEMBER, message_id, f"ack:{row.id}", name="张三")
    assert press.answers[0]["text"] == "已确认收到"
    [told] = to_chat(press.sent, GROUP)
    assert ACKED.fullmatch(told), told
    row = outbox_row(engine, 16)
    assert (row.acked_by_id, row.acked_by_name) == (MEMBER, "张三")
    assert row.acked_at is not None

    # a second press, by anyone, changes nothing and says who acknowledged it
    again = await bot.press(GROUP, MEMBER + 1, message_id, f"ack:{row.id}", name="李四")
    assert again.answers[0]["text"].startswith("已由张三于")
    assert again.answers[0]["text"].endswith("确认收到，无需重复确认")
    assert not again.sent and not again.edits
    assert outbox_row(engine, 16).acked_by_id == MEMBER

    # someone outside the unit's chat is refused politely (forged data on another message)
    whoami = await bot.say(OTHER_GROUP, STRANGER, "/whoami", **GROUP_KW)
    row_6 = outbox_row(engine, 6)
    refused = await bot.press(OTHER_GROUP, STRANGER, whoami.message_id, f"ack:{row_6.id}")
    assert refused.answers[0]["text"] == (
        "这条提醒是发给县自然资源局的，请由该单位群内人员确认收到"
    )
    assert not refused.sent and outbox_row(engine, 6).acked_at is None

    # /outbox shows who acknowledged what, and what waits
    listing = await bot.say(ADMIN, ADMIN, "/outbox")
    lines = listing.text.splitlines()
    assert lines[0] == "没有未确认送达或发送失败的提醒。"
    assert "提醒确认情况（最近3条）：" in lines
    [line_16] = [line for line in lines if "第16项" in line]
    assert line_16.startswith(
        f"· #{row.id} 督查提醒 第16项 县自然资源局 2020-12-24：已收到（张三，"
    )
    [line_6] = [line for line in lines if "第6项" in line]
    assert line_6 == (
        f"· #{row_6.id} 督查提醒 第6项 县自然资源局 2020-12-24：未确认（发出不满1个工作日）"
    )


async def test_an_unacknowledged_reminder_is_escalated_to_the_leaders_once(
    day_config, engine, fake
):
    subscribe(engine, UNIT, GROUP)
    set_digest(engine, LEADER_GROUP, True)
    async with running_reminder_bot(bot_config(day_config, fake), engine, fake) as bot:
        [call] = reminders_for(fake, GROUP, 16)
        row_16 = outbox_row(engine, 16)
        await bot.press(GROUP, MEMBER, call.result["message_id"], f"ack:{row_16.id}", name="张三")
        assert delivered(fake, LEADER_GROUP) == []  # Thursday: no digest, nothing overdue

    # Tuesday 29th, the first working day after Friday 25th and Monday 28th: the start-up
    # catch-up tells the leaders about targets 6 and 7, not about 16 (acknowledged)
    tuesday = bot_config(dataclasses.replace(day_config, today=dt.date(2020, 12, 29)), fake)
    async with running_reminder_bot(tuesday, engine, fake) as bot:
        escalations = [
            c
            for c in delivered(fake, LEADER_GROUP)
            if "·提醒未确认】" in first_line(c.result["text"])
        ]
        assert [first_line(c.result["text"]) for c in escalations] == [
            "【县督查局·提醒未确认】第6项 矿山治理与山长制",
            "【县督查局·提醒未确认】第7项 造林绿化",
        ]
        text = escalations[0].result["text"]
        assert "县自然资源局未确认收到2020-12-24（周四）的督查提醒" in text
        assert "已超过2个工作日" in text
        assert all(c.get("reply_markup") is None for c in escalations)  # no 收到 for leaders

        # the daily job the same day sends nothing more
        await asyncio.to_thread(bot.service.run_reminders)
        listing = await bot.say(ADMIN, ADMIN, "/outbox")
        [line_7] = [
            line for line in listing.text.splitlines() if "第7项 县自然资源局 2020-12-24" in line
        ]
        assert line_7.endswith("未确认 3 个工作日（已报告领导）")

    # a restart the next day neither loses nor repeats them
    wednesday = bot_config(dataclasses.replace(day_config, today=dt.date(2020, 12, 30)), fake)
    async with running_reminder_bot(wednesday, engine, fake, answerer=bot.service.answerer):
        pass
    again = [c for c in delivered(fake, LEADER_GROUP) if "·提醒未确认】" in c.result["text"]]
    assert len(again) == 2
    assert len([r for r in outbox(engine) if r.kind == "escalate"]) == 2

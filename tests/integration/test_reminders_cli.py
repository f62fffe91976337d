"""The reminder CLI: subscriptions with negative group ids, and dry runs at a chosen time."""

import json

import pytest


@pytest.fixture
def cli_today():
    return "2020-12-24"


def test_negative_group_ids_are_arguments_not_options(run_cli):
    assert run_cli("subscribe", "自然资源局", "-1001234567")[0] == 0
    code, out, _ = run_cli("subscriptions", "--json")
    assert json.loads(out) == [{"unit": "县自然资源局", "chat_id": -1001234567}]
    assert run_cli("unsubscribe", "自然资源局", "-1001234567")[0] == 0
    assert json.loads(run_cli("subscriptions", "--json")[1]) == []


def test_unknown_unit_is_refused(run_cli):
    code, _, err = run_cli("subscribe", "外星局", "-1")
    assert code == 2 and "台账中没有“外星局”这个责任单位。" in err


def test_dry_run_lists_the_7_day_reminder_for_target_16(run_cli):
    run_cli("subscribe", "自然资源局", "-1001234567")
    code, out, _ = run_cli("reminders", "--at", "2020-12-24T09:00", "--json")
    notices = json.loads(out)
    for16 = [n for n in notices if n["target"] == 16]
    assert code == 0 and for16
    assert {k: for16[0][k] for k in ("kind", "target", "deadline", "chat_id")} == {
        "kind": "before",
        "target": 16,
        "deadline": "2020-12-31",
        "chat_id": -1001234567,
    }
    assert "距截止还有7天" in for16[0]["text"]
    # a unit with no subscribed chat is still listed, so admins see who would be missed
    assert any(n["chat_id"] is None for n in notices)
    # before 09:00 nothing is due yet
    assert json.loads(run_cli("reminders", "--at", "2020-12-24T08:59", "--json")[1]) == []


def test_reopened_target_5_is_reminded_on_the_friday_before(run_cli, tmp_path):
    from bot.app.services import open_engine
    from bot.config import load_config
    from bot.domain.fields import FieldChange
    from bot.store.ledger_changes import apply_changes

    engine = open_engine(load_config(tmp_path / "config.toml", environ={}))
    apply_changes(
        engine,
        [FieldChange(5, "deadlines", '[["2020-10-31", "10月底之前", false]]')],
        actor="tg:42",
    )
    engine.dispose()
    notices = json.loads(run_cli("reminders", "--at", "2020-10-23T09:00", "--json")[1])
    assert [(n["kind"], n["target"], n["deadline"]) for n in notices][:1] == [
        ("before", 5, "2020-10-31")
    ]
    saturday = json.loads(run_cli("reminders", "--at", "2020-10-24T09:00", "--json")[1])
    assert not [n for n in saturday if n["target"] == 5]


def test_bad_time_is_a_clear_error(run_cli):
    code, _, err = run_cli("reminders", "--at", "tomorrow")
    assert code == 2 and "格式不对：应为 YYYY-MM-DDTHH:MM" in err


def test_a_day_that_does_not_exist_is_called_so_not_a_bad_format(run_cli):
    code, _, err = run_cli("reminders", "--at", "2021-13-01")
    assert code == 2 and "'2021-13-01' 不是存在的日期或时刻：应为 YYYY-MM-DDTHH:MM" in err


def test_nothing_is_due_once_the_ledger_year_has_closed(run_cli):
    run_cli("subscribe", "自然资源局", "-1001234567")
    # inside the year an overdue notice would go out on 2021-01-01; after it, nothing does
    for moment in ("2021-01-04T09:00", "2026-12-01T09:00"):
        code, out, _ = run_cli("reminders", "--at", moment, "--json")
        assert code == 0 and json.loads(out) == []


def test_a_day_alone_previews_that_days_reminders_and_an_early_hour_says_why_none(run_cli):
    run_cli("subscribe", "自然资源局", "-1001234567")
    _, day_alone, _ = run_cli("reminders", "--at", "2020-12-24", "--json")
    _, at_nine, _ = run_cli("reminders", "--at", "2020-12-24T09:00", "--json")
    assert json.loads(day_alone) == json.loads(at_nine) != []
    code, out, err = run_cli("reminders", "--at", "2020-12-24T08:00")
    assert code == 0 and out == "这一天没有需要发送的提醒。\n"
    early = "08:00早于每天的发送时间09:00，这时还没有提醒发出；"
    assert err == early + "当天的提醒请看 --at 2020-12-24T09:00\n"

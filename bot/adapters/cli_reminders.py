"""CLI commands for reminders: unit subscriptions, the work calendar, and a dry run of what
would be sent at a moment."""

from __future__ import annotations

import re
import sys

from sqlalchemy import Engine

from bot.adapters.cli_common import CliError, ledger_for, print_json
from bot.app.queries import ledger_of
from bot.chat.types import TELEGRAM_ID
from bot.config import Config
from bot.domain.ledger import LEDGER_YEARS
from bot.store.uow import reading


def _unit_name(config: Config, engine: Engine, given: str) -> str:
    from bot.app.reminders import UnknownUnit, resolve_unit

    # Units of the current year's ledger: `[ledger] year`, else the latest imported.
    ledger = ledger_of(engine, year=config.year, rules=config.status)
    try:
        return resolve_unit(ledger, given)
    except UnknownUnit as exc:
        raise CliError(str(exc)) from None


def _checked_chat_id(chat_id: int) -> int:
    """A chat id as the chat's /subscribe takes it (TELEGRAM_ID), else a user error."""
    if not TELEGRAM_ID.fullmatch(str(chat_id)):
        raise CliError(f"会话 ID {chat_id} 太长：Telegram 的会话 ID 最多16位数字，如 -1001234567")
    return chat_id


def cmd_subscribe(config: Config, engine: Engine, args) -> int:
    """Subscribe a chat to a unit's reminders."""
    from bot.app.reminders import subscribe

    _checked_chat_id(args.chat_id)
    unit = _unit_name(config, engine, args.unit)
    created = subscribe(engine, unit, args.chat_id, actor="cli")
    print(f"已订阅：{unit} → {args.chat_id}" if created else f"{args.chat_id} 已订阅{unit}")
    return 0


def cmd_unsubscribe(config: Config, engine: Engine, args) -> int:
    """Remove a chat's subscription to a unit."""
    from bot.app.reminders import unsubscribe

    _checked_chat_id(args.chat_id)
    unit = _unit_name(config, engine, args.unit)
    if not unsubscribe(engine, unit, args.chat_id):
        raise CliError(f"{args.chat_id} 没有订阅{unit}的提醒")
    print(f"已取消：{unit} → {args.chat_id}")
    return 0


def cmd_subscriptions(config: Config, engine: Engine, args) -> int:
    """List subscriptions."""
    from bot.store.subscriptions import list_subscriptions

    with reading(engine) as session:
        rows = list_subscriptions(session)
    if args.json:
        print_json([{"unit": r.unit, "chat_id": r.chat_id} for r in rows])
    else:
        for r in rows:
            print(f"{r.unit}\t{r.chat_id}")
        print(f"共{len(rows)}个订阅")
    return 0


def cmd_calendar(config: Config, engine: Engine | None, args) -> int:
    """Print the holidays and make-up working days known for a year, each with its source."""
    from bot.domain.work_calendar import load_work_calendar

    if args.year not in LEDGER_YEARS:
        first, last = LEDGER_YEARS[0], LEDGER_YEARS[-1]
        raise CliError(f"年份应在{first}到{last}之间，例如 calendar 2020，而不是 {args.year}")
    calendar = load_work_calendar(config.calendar_dir)
    days = calendar.days(args.year)
    covered = calendar.covered(args.year)
    if args.json:
        print_json(
            {
                "year": args.year,
                "covered": covered,
                "source": calendar.source(args.year),
                "days": [
                    {"date": d.day.isoformat(), "kind": d.kind, "name": d.name, "source": d.source}
                    for d in days
                ],
            }
        )
        return 0
    if not covered:
        print(
            f"{args.year}年的节假日安排未知（日历库和 {config.calendar_dir} 都没有）："
            "提醒按周一至周五计算工作日。"
        )
        return 0
    origin = "日历库" if calendar.source(args.year) == "library" else "本地文件"
    print(f"{args.year}年节假日安排（来源：{origin}）")
    for d in days:
        kind = "放假" if d.kind == "holiday" else "调休上班"
        print(f"{d.day.isoformat()} 周{WEEKDAY_NAMES[d.day.weekday()]} {kind} {d.name}")
    print(
        f"共{sum(d.kind == 'holiday' for d in days)}天假日，"
        f"{sum(d.kind == 'workday' for d in days)}天调休上班"
    )
    return 0


WEEKDAY_NAMES = "一二三四五六日"


def cmd_reminders(config: Config, engine: Engine, args) -> int:
    """Dry run: print what would be sent at a moment, and to whom; sends nothing."""
    import datetime as dt

    from bot.app.reminder_notices import unassigned_due
    from bot.app.reminders import plan, policy_of_config
    from bot.domain.work_calendar import load_work_calendar
    from bot.render.reminder_text import describe_notices

    policy = policy_of_config(config)
    try:
        at = dt.datetime.fromisoformat(args.at)
    except ValueError:
        # Written in the right shape but no such day or time ("2021-13-01"): say that, not
        # that the format is wrong.
        shaped = re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s*", args.at)
        what = "不是存在的日期或时刻" if shaped else "格式不对"
        raise CliError(
            f"--at {args.at!r} {what}：应为 YYYY-MM-DDTHH:MM，例如 2020-10-24T09:00"
        ) from None
    if len(args.at.strip()) == len("2020-10-24"):  # a day alone: that day's sending time
        at = dt.datetime.combine(at.date(), policy.send_time)
    if at.year not in LEDGER_YEARS:  # a typo (0020-10-24): no ledger is of such a year
        first, last = LEDGER_YEARS[0], LEDGER_YEARS[-1]
        raise CliError(f"--at {args.at!r} 的年份应在{first}到{last}之间，例如 2020-10-24T09:00")
    at = at if at.tzinfo else at.replace(tzinfo=config.tz)
    ledger = ledger_for(config, engine, args)
    local = at.astimezone(config.tz)
    notices = []
    early = local.time() < policy.send_time
    if early and not args.json:
        send = policy.send_time.strftime("%H:%M")
        print(
            f"{local:%H:%M}早于每天的发送时间{send}，这时还没有提醒发出；"
            f"当天的提醒请看 --at {local.date().isoformat()}T{send}",
            file=sys.stderr,
        )
    if not early:
        calendar = load_work_calendar(config.calendar_dir)
        notices = plan(engine, ledger, local.date(), policy, calendar, config.tz)
    if args.json:
        print_json(
            [
                {
                    "year": ledger.year,
                    "kind": n.kind,
                    "target": n.target,
                    "deadline": n.deadline.isoformat() if n.deadline else None,
                    "chat_id": n.chat_id,
                    "text": n.text,
                    "unit": n.unit,
                    "occurrence": n.occurrence.isoformat(),
                }
                for n in notices
            ]
        )
    else:
        unassigned = [] if early else unassigned_due(local.date(), ledger, policy, calendar)
        print(describe_notices(notices, unassigned))
    return 0

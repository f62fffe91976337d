"""The words of reminders: unit notices, the weekly digest, the leaders' escalations.

Pure text from the ledger and the policy; which notice goes out when is decided in
`bot.domain.reminder_policy`, and `bot.app.reminder_notices` puts the two together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from bot.domain.ledger import (
    STATUSES,
    DeadlineSpec,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
)
from bot.domain.reminder_policy import (
    DEFAULT_SENDER,
    DONE_STATUSES,
    Notice,
    ReminderPolicy,
    SentReminder,
)
from bot.domain.status import (
    compute_status,
    indicator_gap,
    indicator_met,
    light_for,
    open_deadlines,
    principal_indicator,
    status_note,
    targeted_indicators,
)
from bot.render.gap_line import stated_gaps
from bot.render.replies import WEEKDAYS, excerpt, indicator_figure, telegram_length

MAX_DIGEST = 4000
DIGEST_CAPS = (15, 10, 6, 3, 1)
DIGEST_LINE_CHARS = 80
REPORT_HINT = "完成情况请回复本消息，或发送 /report {number} 进展或数值（例如 {example}）"
HEADINGS = {
    "before": "督查提醒",
    "due": "到期提醒",
    "overdue": "逾期提醒",
    "urge": "催办",
    "escalate": "提醒未确认",
    "digest": "每周通报",
}
TARGET_TEXT_CHARS = 80


def date_words(day: dt.date) -> str:
    """ "2020-12-24（周四）"."""
    return f"{day.isoformat()}（周{WEEKDAYS[day.weekday()]}）"


def _days_text(deadline: dt.date, day: dt.date) -> str:
    days = (deadline - day).days
    if days > 0:
        return f"距截止还有{days}天"
    if days == 0:
        return "今天到期"
    return f"已逾期{-days}天"


def _shortfall(ind: IndicatorSpec) -> str:
    """ "新增贷款 10亿元 / 目标14亿元，还差4亿元" or "履约率 暂无数据 / 目标90%，请报送"."""
    gap = indicator_gap(ind)
    if ind.actual_value is None:
        return f"{indicator_figure(ind)}，请报送完成数"
    if gap is None:  # a figure in a unit that does not convert to the target's
        return f"{indicator_figure(ind)}，请按{ind.unit}报送完成数"
    return f"{indicator_figure(ind)}，还差{gap.normalize():f}{ind.unit}"


def report_example(target: TargetSpec, day: dt.date) -> str:
    """A `/report` line for this very target: its first indicator still short (or its principal
    one) with a figure in that indicator's unit, else a progress sentence."""
    short = [i for i in targeted_indicators(target) if indicator_met(i) is not True]
    ind = short[0] if short else next(iter(stated_gaps(target)), principal_indicator(target))
    if ind is None:
        return f"/report {target.number} 已完成××，佐证材料已报送"
    figure, unit = (ind.actual, ind.shown_actual_unit) if ind.actual else (ind.target, ind.unit)
    return f"/report {target.number} {ind.name} {figure}{unit} 截至{day.month}月"


def _units_line(target: TargetSpec, receivers: Sequence[UnitSpec]) -> str:
    """Who leads and who assists, in words a unit reads (no internal 推定 marks); a unit that
    only assists is told which unit leads."""
    lead = [u.name for u in target.units if u.role == "lead"]
    assist = [u.name for u in target.units if u.role != "lead"]
    receiver = receivers[0] if len(receivers) == 1 else None
    if receiver is not None and receiver.role != "lead":
        return f"牵头单位：{'、'.join(lead) or '（未定）'}（贵单位为配合单位，请配合牵头单位推进）"
    parts = [f"牵头单位：{'、'.join(lead) or '（未定）'}"]
    if assist:
        parts.append(f"配合单位：{'、'.join(assist)}")
    return "；".join(parts)


def notice_text(
    kind: str,
    target: TargetSpec,
    deadline: DeadlineSpec | None,
    day: dt.date,
    units: Sequence[UnitSpec],
    sender: str = DEFAULT_SENDER,
) -> str:
    """A notice that helps its unit: the target, what is still short (figure, gap, days left),
    who leads, how to report on this very target, and which office sends it."""
    status = compute_status(target, day)
    lines = [f"【{sender}·{HEADINGS[kind]}】第{target.number}项 {target.title}"]
    lines.append(f"目标：{excerpt(target.target_text, TARGET_TEXT_CHARS)}")
    if deadline is not None:
        lines.append(
            f"截止：{date_words(deadline.date)} {deadline.text}，{_days_text(deadline.date, day)}"
        )
    note = status_note(target, day)
    lines.append(f"当前状态：{light_for(status)}{status}" + (f"（{note}）" if note else ""))
    short = [i for i in targeted_indicators(target) if indicator_met(i) is not True]
    stated = stated_gaps(target)  # "代保后耕地保有量缺口 3.88万亩": a gap the report states
    if short or stated:
        lines.append("尚缺：")
        lines += [f"· {_shortfall(i)}" for i in short]
        lines += [f"· {indicator_figure(i)}" for i in stated]
    if target.units:
        lines.append(_units_line(target, units))
    lines.append(REPORT_HINT.format(number=target.number, example=report_example(target, day)))
    return "\n".join(lines)


def _digest_item(target: TargetSpec, deadline: DeadlineSpec, day: dt.date) -> str:
    days = (deadline.date - day).days
    left = f"剩余{days}天" if days >= 0 else f"已逾期{-days}天"
    lead = "、".join(u.name for u in target.lead_units)
    line = (
        f"· 第{target.number}项 {target.title}："
        f"{deadline.date.isoformat()} {deadline.text}（{left}）"
    )
    return excerpt(line + (f"——{lead}" if lead else ""), DIGEST_LINE_CHARS)


def _capped(items: Sequence[str], cap: int) -> list[str]:
    if len(items) <= cap:
        return list(items)
    return list(items[:cap]) + [f"…等{len(items)}项"]


def digest_text(
    ledger: LedgerSpec,
    day: dt.date,
    *,
    policy: ReminderPolicy,
    changes_since_last_digest: Sequence[str] = (),
    unacknowledged: Mapping[str, int] | None = None,
) -> str:
    """The weekly digest: counts by status, changes, what is due soon and what is overdue,
    and the reminders each unit left unacknowledged past policy.ack_days (`unacknowledged`:
    unit -> count)."""
    statuses = {t.number: compute_status(t, day) for t in ledger.targets}
    counts = {s: sum(1 for v in statuses.values() if v == s) for s in STATUSES}
    others = sum(1 for v in statuses.values() if v not in STATUSES)
    horizon = day + dt.timedelta(days=policy.digest_due_days)
    due: list[tuple[dt.date, int, str]] = []
    overdue: list[tuple[dt.date, int, str]] = []
    for target in ledger.targets:
        if statuses[target.number] in DONE_STATUSES:
            continue
        for deadline in open_deadlines(target):
            item = (deadline.date, target.number, _digest_item(target, deadline, day))
            if deadline.date < day:
                overdue.append(item)
            elif deadline.date <= horizon:
                due.append(item)
    due_lines = [line for *_, line in sorted(due)]
    overdue_lines = [line for *_, line in sorted(overdue)]
    changes = [excerpt(c, DIGEST_LINE_CHARS) for c in changes_since_last_digest if c.strip()]

    unacked = {u: n for u, n in (unacknowledged or {}).items() if n > 0}
    unacked_total = sum(unacked.values())
    unacked_line = (
        "、".join(
            f"{u}{n}条" for u, n in sorted(unacked.items(), key=lambda item: (-item[1], item[0]))
        )
        or "无"
    )
    count_line = "、".join(f"{light_for(s)}{s}{counts[s]}项" for s in STATUSES if counts[s])
    if others:
        count_line += f"、其他{others}项"
    text = ""
    for cap in DIGEST_CAPS:
        lines = [
            f"【督查周报】{ledger.title}（{day.isoformat()} 周{WEEKDAYS[day.weekday()]}）",
            f"一、完成情况：共{len(ledger.targets)}项：{count_line or '无'}",
            "二、本周变更：",
            *(["· " + c for c in _capped(changes, cap)] if changes else ["本周无变更"]),
            f"三、{policy.digest_due_days}天内到期（{len(due_lines)}项）：",
            *(_capped(due_lines, cap) or ["无"]),
            f"四、已逾期（{len(overdue_lines)}项）：",
            *(_capped(overdue_lines, cap) or ["无"]),
            f"五、超过{policy.ack_days}个工作日未确认收到的提醒（{unacked_total}条）："
            + unacked_line,
            "报送进展请发送 /report 项目序号 进展或数值。",
        ]
        text = "\n".join(lines)
        if telegram_length(text) < MAX_DIGEST:
            return text
    return text[: MAX_DIGEST - 1]


def escalation_text(
    reminder: SentReminder, target: TargetSpec | None, policy: ReminderPolicy
) -> str:
    """What the leaders read: the unit, the target, the reminder's day, and the ask."""
    title = f" {target.title}" if target is not None else ""
    deadline = f"（截止 {reminder.when}）" if reminder.when else ""
    return "\n".join(
        [
            f"【{policy.sender}·{HEADINGS['escalate']}】第{reminder.target}项{title}",
            f"{reminder.unit}未确认收到{date_words(reminder.sent_day)}的"
            f"{HEADINGS[reminder.kind]}{deadline}，已超过{policy.ack_days}个工作日。",
            "请督促该单位在提醒消息上点“收到”，并报送进展。",
        ]
    )


def describe_notices(notices: Sequence[Notice], unassigned: Sequence[int] = ()) -> str:
    """A preview of a day's notices: kind, receiver and text of each (nothing is sent), and
    the targets due a reminder that have no responsible unit to receive it."""
    lines = []
    for n in notices:
        to = n.chat_id if n.chat_id is not None else "（未订阅，无人接收）"
        lines.append(f"【{HEADINGS.get(n.kind, n.kind)}】→ {n.unit or '领导'} {to}\n{n.text}")
    if unassigned:
        numbers = "、".join(f"第{n}项" for n in unassigned)
        lines.append(
            f"{numbers}这一天该发提醒，但没有责任单位，提醒无人接收。"
            "请用 /assign 序号 单位 牵头 指定责任单位。"
        )
    return "\n\n".join(lines) or "这一天没有需要发送的提醒。"

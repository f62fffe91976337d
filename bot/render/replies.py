"""Rendering replies as compact plain text (chat front ends escape it for HTML)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bot.domain.ledger import (
    COMPARATOR_SIGNS,
    STATUSES,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
)
from bot.domain.progress_notes import latest_note
from bot.domain.status import (
    DONE_STATUSES,
    LIGHTS,
    completion_ratio,
    compute_status,
    deadline_state,
    final_deadline,
    indicator_gap,
    indicator_met,
    light_for,
    override_in_force,
    paces,
    principal_indicator,
    status_note,
    year_closed,
)
from bot.render.target_view import unit_label

MAX_REPLY = 4096
EXCERPT_CHARS = 120
NOTE_OPENING_CHARS = 40  # of a long progress text, kept before its latest note
MAX_INDICATORS = 6
SUMMARY_BEHIND = 20  # a summary names at most this many targets behind
WEEKDAYS = "一二三四五六日"  # a weekday's name, by datetime.weekday()

# What the bot says to a request to write a text or run an errand for the asker.
NOT_A_WRITER = "我只能查询台账中各项目标的情况，不能代写材料或代办事务。"
# A greeting, or thanks and goodbyes, typed alone.
GREETING_REPLY = "您好！我是督查台账助手，可以查询各项目标的进展、数据和责任单位。"
THANKS_REPLY = "不客气。还想查什么直接问就行。"
# "收到", "好的": an acknowledgement, to which "不客气" is no answer.
ACK_REPLY = "好的。还想查什么直接问就行。"


# "谁负责", "啥时候到期" asked before any target.
def need_a_target_first(example: str) -> str:
    return f"请先问一项目标（如“{example}”），再问“谁负责”“啥时候到期”“差多少”。"


# Figures or symbols with no words ("-5", "？？").
def no_words(example: str, number: str) -> str:
    return f"请用文字提问，如“{example}”；查某一项可以说“{number}”。"


# "下一个" with no list to step through, or at its end.
NOTHING_TO_STEP = (
    "没有可以接着看的清单项：请先查一个清单（如“哪些没完成”），再说“下一个”或“第二个”。"
)


def past_the_list(count: int, asked: str) -> str:
    """ "第三个呢" when the list open holds fewer: how many it holds, and what to say instead."""
    which = "“第一个”" if count == 1 else f"“第一个”到“第{count}个”"
    return f"刚才的清单只有{count}项，没有第{asked}个：可以说{which}，或换个问法。"


def list_end(count: int, *, last: bool) -> str:
    """ "下一个" after the list's last entry (or "上一个" before its first): where it ends."""
    if last:
        return f"这已是刚才清单的最后一项（共{count}项）：可以说“上一个”或“第一个”，或换个问法。"
    return f"这已是刚才清单的第一项（共{count}项）：可以说“下一个”或“第{count}个”，或换个问法。"


@dataclass(frozen=True)
class Examples:
    """Questions the bot suggests; each names a target, unit or category the ledger holds."""

    target: str = "新增贷款完成了吗"
    rank: str = "固投排第几"
    unit: str = "民政局负责哪些"
    number: str = "第12项"
    category: str = "生态环境方面"
    short: str = "造林完成了吗"


EXAMPLES = Examples()  # the 2020 ledger's
NEED_A_TARGET_FIRST = need_a_target_first(EXAMPLES.short)
NO_WORDS = no_words(EXAMPLES.short, EXAMPLES.number)


def ledger_examples(ledger: LedgerSpec) -> Examples:
    """The 2020 examples where `ledger` holds what they name, else its own: a suggestion
    naming a target the ledger lacks ("新增贷款" on a 民生实事 ledger) sends the asker astray."""
    names = {n for t in ledger.targets for n in (t.title, *t.aliases)}
    measured = [t for t in ledger.targets if any(i.target for i in t.indicators)]
    first = (measured or list(ledger.targets) or [None])[0]
    others = [t for t in ledger.targets if t is not first]
    own = f"{first.title}完成了吗" if first is not None else EXAMPLES.target
    leads = [u.name for t in ledger.targets for u in t.units if u.role == "lead"]
    categories = [t.category for t in ledger.targets if t.category]
    return Examples(
        target=EXAMPLES.target if "新增贷款" in names else own,
        rank=EXAMPLES.rank
        if "固投" in names
        else (f"{others[0].title}进展怎么样" if others else "总体完成情况怎么样"),
        unit=EXAMPLES.unit
        if any("民政局" in u for u in leads)
        else (f"{leads[0].removeprefix('县').removeprefix('市')}负责哪些" if leads else ""),
        number=EXAMPLES.number
        if 12 in ledger.by_number()
        else (f"第{first.number}项" if first is not None else EXAMPLES.number),
        category=EXAMPLES.category
        if "生态环境" in categories
        else (f"{categories[0]}方面" if categories else ""),
        short=EXAMPLES.short if "造林" in names else own,
    )


def indicator_figure(ind: IndicatorSpec) -> str:
    """ "新增贷款 24.43亿元 / 目标14亿元（174.5%）" with the comparator where it matters."""
    actual = f"{ind.actual}{ind.shown_actual_unit}" if ind.actual else "暂无数据"
    text = f"{ind.name} {actual}"
    if ind.target:
        sign = "" if ind.comparator == ">=" else COMPARATOR_SIGNS[ind.comparator]
        text += f" / 目标{sign}{ind.target}{ind.unit}"
        ratio = completion_ratio(ind)
        if ratio is not None:
            text += f"（{ratio}%）"
        elif indicator_met(ind) is True:
            text += "（达标）"
        elif indicator_met(ind) is False:
            text += "（未达标）"
    if ind.as_of:
        text += f"，{ind.as_of}"
    return text


def _deadline_line(target: TargetSpec, today: dt.date) -> str:
    parts = []
    for d in sorted(target.deadlines, key=lambda d: d.date):
        parts.append(f"{d.date.isoformat()} {d.text}（{deadline_state(d, today)}）")
    return "时限：" + "；".join(parts) if parts else ""


def _pace_line(target: TargetSpec, today: dt.date, status: str) -> str:
    if status not in ("推进中", "滞后"):
        return ""
    final = final_deadline(target)
    if final is None or final < today:
        return ""
    days = (final - today).days
    gaps = []
    for ind in target.indicators:
        if indicator_met(ind) is False and ind.comparator == ">=":
            gap = indicator_gap(ind)
            gaps.append(f"{ind.name}还差{gap.normalize():f}{ind.unit}")
    calendar = [f"{p.indicator}：{p.line}" for p in paces(target, today)]
    if not gaps:
        return "；".join(calendar)
    return "；".join(["进度：" + "，".join(gaps) + f"，剩余{days}天", *calendar])


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def progress_excerpt(text: str) -> str:
    """The card's 进展: the text's opening, and the latest dated note (a /note, a unit's report
    approved) even when the opening is long, since it is the news a leader asks for."""
    latest = latest_note(text)
    if latest is None or len(" ".join(text.split())) <= EXCERPT_CHARS:
        return excerpt(text)
    opening = text[: len(text) - len(latest)]
    return excerpt(opening, max(EXCERPT_CHARS - len(latest), NOTE_OPENING_CHARS)) + excerpt(latest)


def render_not_behind(target: TargetSpec, status: str, today: dt.date, *, asked: str) -> str:
    """What a target is when asked why it is `asked` ("滞后" or "未完成") and is not: its
    status and principal figure in plain words; "" for 滞后 or 未完成 (its card says why)."""
    if status in ("滞后", "未完成"):
        return ""
    name = f"第{target.number}项 {target.title}"
    lead = principal_indicator(target)
    if lead is None or not lead.actual:  # else the first figure measured against its target
        lead = next((i for i in target.indicators if i.actual and i.target), None)
    figures = f"：{indicator_figure(lead)}" if lead is not None else ""
    if status in DONE_STATUSES:
        opening = f"{name}没有滞后" if asked == "滞后" else f"{name}已经完成"
        return f"{opening}，状态为{status}{figures}。"
    if status == "暂无数据":
        # An override's reason is the card's 认定依据, right below; else what is missing.
        why = "" if override_in_force(target) else status_note(target, today) or "尚未报送完成数据"
        judged = "滞后" if asked == "滞后" else "完成"
        return f"{name}暂无数据，还不能判断是否{judged}" + (f"（{why}）。" if why else "。")
    final = final_deadline(target)
    if final is not None and not year_closed(today, final.year) and final >= today:
        due = f"（时限{final.isoformat()}，还有{(final - today).days}天）"
    else:
        due = ""
    opening = f"{name}没有滞后" if asked == "滞后" else f"{name}尚未完成，但没有滞后"
    return f"{opening}，状态为{status}{due}{figures}。"


def render_target(
    target: TargetSpec,
    today: dt.date,
    tz: dt.tzinfo,
    *,
    lead_indicator: IndicatorSpec | None = None,
) -> str:
    """The compact reply for one target; `lead_indicator` goes first when asked for."""
    status = compute_status(target, today)
    lines = []
    if lead_indicator is not None:
        lines.append(f"➤ {indicator_figure(lead_indicator)}")
    lines.append(f"第{target.number}项 {target.title}：{light_for(status)}{status}")
    if target.closed:
        lines[-1] += f"，{target.closed.label}"
    if override_in_force(target):
        lines.append(f"（认定依据：{excerpt(target.status_reason, 60)}）")
    elif note := status_note(target, today):
        lines.append(f"（{note}）")
    indicators = [
        i for i in target.indicators if i is not lead_indicator and (i.target or i.actual)
    ]
    for ind in indicators[:MAX_INDICATORS]:
        lines.append(f"· {indicator_figure(ind)}")
    if len(indicators) > MAX_INDICATORS:
        lines.append(f"· 另有{len(indicators) - MAX_INDICATORS}项指标，见详情")
    for line in (_deadline_line(target, today), _pace_line(target, today, status)):
        if line:
            lines.append(line)
    if target.units:
        lines.append("责任单位：" + "、".join(unit_label(u) for u in target.units))
    if target.progress_text:
        lines.append("进展：" + progress_excerpt(target.progress_text))
    if target.updated_at:
        stamp = target.updated_at.astimezone(tz).strftime("%Y-%m-%d")
        lines.append(f"更新：{stamp}（{target.updated_by}）")
    return "\n".join(lines)[:MAX_REPLY]


def list_title(reply: str) -> str:
    """The title `render_list` headed `reply` with: its first line without "（共N项）：", so a
    title that holds parentheses of its own ("…到期（含已完成）的目标") keeps them."""
    head = reply.split("\n", 1)[0].removesuffix("：")
    return head.rsplit("（共", 1)[0] if head.endswith("项）") else head


def render_list(
    title: str,
    targets: Sequence[TargetSpec],
    today: dt.date,
    *,
    status_of: Callable[[TargetSpec], str] | None = None,
    limit: int | None = None,
    notes: Mapping[int, str] | None = None,
) -> str:
    """A headed list, one line per target with its light and lead unit (at most `limit`),
    and what `notes` says of it ("· 逾期")."""
    if not targets:
        return f"{title}：没有符合条件的目标。"
    lines = [f"{title}（共{len(targets)}项）："]
    shown = targets if limit is None else targets[:limit]
    for t in shown:
        status = status_of(t) if status_of is not None else compute_status(t, today)
        lead = "、".join(u.name for u in t.lead_units)
        lines.append(
            f"{light_for(status)} {t.number}. {t.title}：{status}"
            + (f"，{t.closed.label}" if t.closed else "")
            + (f"（{lead}）" if lead else "")
            + (f" · {notes[t.number]}" if notes and t.number in notes else "")
        )
    if len(shown) < len(targets):
        lines.append(f"……另有{len(targets) - len(shown)}项未列出，请缩小范围再问")
    return "\n".join(lines)


def render_summary(
    ledger: LedgerSpec,
    today: dt.date,
    as_of: str,
    *,
    status_of: Callable[[TargetSpec], str] | None = None,
) -> str:
    """Counts by status and light, the targets behind, and the date of the data."""
    status_of = status_of or (lambda t: compute_status(t, today))
    statuses = {t.number: status_of(t) for t in ledger.targets}
    counts = {s: sum(1 for v in statuses.values() if v == s) for s in STATUSES}
    lights: dict[str, int] = {}
    for s, n in counts.items():
        lights[LIGHTS[s]] = lights.get(LIGHTS[s], 0) + n
    lines = [f"{ledger.title}：共{len(ledger.targets)}项"]
    lines.append("，".join(f"{s}{counts[s]}项" for s in STATUSES if counts[s]))
    lines.append(" ".join(f"{light}{n}" for light, n in lights.items() if n))
    behind = [t for t in ledger.targets if statuses[t.number] in ("滞后", "未完成")]
    if behind:
        named = "；".join(
            f"{t.number}.{t.title}（{statuses[t.number]}）" for t in behind[:SUMMARY_BEHIND]
        )
        more = f"；等{len(behind)}项" if len(behind) > SUMMARY_BEHIND else ""
        lines.append("需关注：" + named + more)
    lines.append(f"数据截至：{as_of}")
    return "\n".join(lines)


def closed_year_due_text(year: int) -> str:
    """What deadline lists say once the ledger's year is over."""
    return (
        f"{year}年度已结束，没有待到期的目标。"
        "要看年度结束时没完成的，请问“哪些没完成”；要看其他年份，请导入该年度台账。"
    )


def next_due_text(next_due: tuple[dt.date, int] | None, today: dt.date) -> str:
    """What an empty list of deadlines ahead adds: when the next one falls, and how to list it
    (`next_open_deadline`), so "快到期的" in November does not read as nothing left to do."""
    if next_due is None:
        return "此后没有未完成的时限。"
    day, count = next_due
    days = (day - today).days
    return (
        f"下一个到期日是{day.isoformat()}（{days}天后），届时{count}项目标到期；"
        f"发送 /due {days} 可列出。"
    )


def render_help(examples: Examples = EXAMPLES) -> str:
    """What can be asked, with examples from the ledger at hand."""
    by_who = "、".join(f"“{e}”" for e in (examples.unit, examples.category) if e)
    lines = [
        "我是督查台账助手，可以这样问我：",
        f"· 单项目标：“{examples.target}”、“{examples.rank}”、“{examples.number}”",
        "· 按状态列清单：“哪些没完成”“超额完成的有哪些”“滞后的任务”",
        *([f"· 按单位或领域：{by_who}"] if by_who else []),
        "· 按时限：“这个月到期的”“10月底前要完成的”",
        "· 总览：“总体完成情况怎么样”",
    ]
    return "\n".join(lines)


def suggestions_of(examples: Examples) -> list[str]:
    """The three questions the "no target matches" reply suggests."""
    return [f"“{examples.target}”", f"“{examples.rank}”", "“哪些没完成”"]


def render_unknown(suggestions: Sequence[str]) -> str:
    lines = ["抱歉，台账中没有找到与这个问题对应的目标。"]
    if suggestions:
        lines.append("可以试试这样问：" + "、".join(suggestions))
    return "\n".join(lines)


def render_candidates(candidates: Sequence[TargetSpec]) -> str:
    lines = ["这个问题可能涉及以下几项目标，请选择："]
    lines += [f"{i}. 第{t.number}项 {t.title}" for i, t in enumerate(candidates, start=1)]
    return "\n".join(lines)


def render_guess(target_reply: str) -> str:
    """A target offered on weak evidence: said to be a guess, with how to ask more exactly."""
    lead = "没有完全对上的目标，可能是这一项（如不是，请换个说法，或发送 /list 查看全部）："
    return f"{lead}\n{target_reply}"


def render_guesses(candidates: Sequence[TargetSpec]) -> str:
    """Targets offered on weak evidence, to choose from, said to be guesses."""
    lines = [
        "没有完全对上的目标，可能是以下几项之一（请选择，或换个说法，或发送 /list 查看全部）："
    ]
    lines += [f"{i}. 第{t.number}项 {t.title}" for i, t in enumerate(candidates, start=1)]
    return "\n".join(lines)


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units (an emoji or 𠮷 counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def split_for_chat(text: str, limit: int = MAX_REPLY) -> list[str]:
    """HTML-escape `text` and split it into messages of at most `limit` Telegram characters.

    Splits fall on line boundaries; a single overlong line is cut between characters, never
    inside an escaped entity.
    """
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        escaped = html.escape(line, quote=False)
        while telegram_length(escaped) > limit:
            piece, size = [], 0
            for ch in line:
                part = telegram_length(html.escape(ch, quote=False))
                if size + part > limit:
                    break
                piece.append(ch)
                size += part
            if current:
                chunks.append(current)
                current = ""
            chunks.append(html.escape("".join(piece), quote=False))
            line = line[len(piece) :]
            escaped = html.escape(line, quote=False)
        candidate = f"{current}\n{escaped}" if current else escaped
        if telegram_length(candidate) > limit:
            chunks.append(current)
            current = escaped
        else:
            current = candidate
    if current.strip() or not chunks:
        chunks.append(current if current.strip() else "（空）")
    return chunks

"""A drafted ledger as a person reviews it: the `Draft` with each target's guessed fields
(`Guess`, with its confidence and why), written as ledger TOML with `# 待核：…` comments on
the fields below `DOUBTFUL` (`draft_toml`), and what to check first (`review_summary`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.domain.ledger import LedgerSpec
from bot.drafting.words import Reading
from bot.render.ledger_toml import dump_ledger

DOUBTFUL = 0.6
FIELD_LABELS = {
    "title": "简称",
    "category": "领域",
    "units": "责任单位",
    "status": "状态",
    "pairs": "指标配对",
    "deadlines": "时限",
    "target_text": "目标任务",
}


@dataclass(frozen=True)
class Guess:
    field: str
    value: str
    confidence: float
    why: str


@dataclass(frozen=True)
class Draft:
    ledger: LedgerSpec
    year: Reading
    as_of: dt.date | None  # the day the report's heading says its progress is as of
    guesses: dict[int, tuple[Guess, ...]]
    imported_on: dt.date | None = None  # the day it was drafted, when inside the ledger's year

    @property
    def judging_day(self) -> dt.date:
        """The day the draft's statuses are judged on: the report's day, else the day it was
        drafted when that falls inside the ledger's year, else the year's close."""
        return self.as_of or self.imported_on or dt.date(self.ledger.year + 1, 1, 1)

    @property
    def as_of_text(self) -> str:
        if self.as_of:
            return self.as_of.isoformat()
        if self.imported_on:
            return f"{self.imported_on.isoformat()}（报告未写日期，按导入当天）"
        return f"{self.ledger.year}年底（报告未写日期）"

    def doubtful(self, number: int) -> list[Guess]:
        return [g for g in self.guesses.get(number, ()) if g.confidence < DOUBTFUL]


# How much a doubtful field weighs when the summary orders the targets to check.
_WEIGHT = {"pairs": 3, "status": 3, "target_text": 3, "deadlines": 2, "units": 2}

REVIEW_MARK = "# 待核："  # how a draft marks a guess to check (`_comment("待核：…")`)


def review_marks(toml_text: str) -> int:
    """How many `# 待核：…` comments a ledger file still carries: guesses nobody checked."""
    return sum(1 for line in toml_text.splitlines() if line.lstrip().startswith(REVIEW_MARK))


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def draft_toml(draft: Draft) -> str:
    """The draft as ledger TOML, with each target's confidences and `# 待核：…` comments."""
    lines = dump_ledger(draft.ledger).split("\n")
    out = []
    year = draft.year
    header = [
        _comment(
            f"草稿：由 import-report 生成。台账年份 {year.value}"
            f"（{year.words}，置信度{year.confidence:.1f}）；进展截至 {draft.as_of_text}。"
        ),
        "# 每项的“推测”注释给出各推测字段的置信度；“待核”标出需要人工核对的字段。",
    ]
    if year.confidence < DOUBTFUL:
        header.append(_comment(f"待核：台账年份 {year.value}，{year.words}"))
    out += header
    for line in lines:
        out.append(line)
        if line.startswith("number = "):
            number = int(line.removeprefix("number = "))
            found = draft.guesses.get(number, ())
            shown = "，".join(
                f"{FIELD_LABELS[g.field]}{g.confidence:.1f}" for g in found if g.field != "pairs"
            )
            pairs = [g for g in found if g.field == "pairs"]
            if pairs:
                shown += f"，指标配对{min(g.confidence for g in pairs):.1f}"
            out.append(f"# 推测置信度：{shown}")
            for g in draft.doubtful(number):
                # A guess that found nothing has no value to quote ("责任单位：未找到责任单位").
                value = f"“{g.value}”" if g.value.strip() else ""
                out.append(_comment(f"待核：{FIELD_LABELS[g.field]}{value}：{g.why}"))
    return "\n".join(out)


def review_summary(draft: Draft, *, first: int = 10) -> str:
    """What was guessed, and which targets to look at first: those whose doubtful fields
    weigh most (figures, statuses and dates before units, before titles and fields)."""
    all_guesses = [g for found in draft.guesses.values() for g in found]

    def count(field: str, *, doubtful: bool = False) -> int:
        return sum(
            1
            for g in all_guesses
            if g.field == field and (not doubtful or g.confidence < DOUBTFUL)
        )

    targets = draft.ledger.targets
    from_words = sum(1 for t in targets if t.status_override)
    warnings = []
    if draft.year.confidence < DOUBTFUL:
        # The year decides every deadline and the day statuses are judged on: never silent.
        warnings.append(
            f"注意：台账年份{draft.year.value}是推测的（{draft.year.words}），各项时限和进展"
            "日期都按这一年推算。请核对，必要时用 --year 年份 重新生成"
        )
    inferred_units = sum(1 for t in targets for u in t.units if u.source == "inferred")
    named_units = sum(1 for t in targets for u in t.units if u.source == "named")
    unitless = sum(1 for t in targets if not t.units)
    lines = [
        *warnings,
        f"台账年份：{draft.year.value}（{draft.year.words}）；进展截至{draft.as_of_text}",
        f"指标配对：推测{count('pairs')}对，其中待核{count('pairs', doubtful=True)}对",
        f"状态：按文字认定{from_words}项，待核{count('status', doubtful=True)}项",
        f"责任单位：报告写明{named_units}个，按领域推定{inferred_units}个"
        + (f"，{unitless}项未找到，请补填" if unitless else ""),
        f"简称：全部{count('title')}个为推测，待核{count('title', doubtful=True)}个；"
        f"领域待核{count('category', doubtful=True)}项",
    ]
    # What leaders are told first (figures, statuses, due dates, who answers) before how a
    # target is named or filed: a target whose figures may be paired wrongly comes before
    # one whose title and field are only guesses.
    ranked = sorted(
        (t.number for t in targets if draft.doubtful(t.number)),
        key=lambda n: (-sum(_WEIGHT.get(g.field, 1) for g in draft.doubtful(n)), n),
    )
    if ranked:
        lines.append("请先核对：")
        for n in ranked[:first]:
            fields = "、".join(dict.fromkeys(FIELD_LABELS[g.field] for g in draft.doubtful(n)))
            lines.append(f"  第{n}项：{fields}")
        if len(ranked) > first:
            lines.append(f"  另有{len(ranked) - first}项有待核字段，见草稿中的“# 待核”注释")
    return "\n".join(lines)

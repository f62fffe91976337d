"""Targets a draft still gives one title after `distinct_titles` (which tries each target's own
words first): told apart by the list their group heading counts from ("农村户用厕所（省实事）" /
"…（市实事）"), else both sent to review."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.drafting.title_fits import BAD_START, SUFFIXES, TITLE_MAX

# A clause that only says when ("截至10月20日", "1-10月"): it names no list.
_WHEN_ONLY = re.compile(
    r"^\s*(?:截至|截止|到)?\s*(?:20\d{2}年)?(?:\d{1,2}\s*[-—至~]\s*)?\d{1,2}月(?:\d{1,2}日|底|末|份)?"
    r"(?:以来)?\s*$"
)


def list_scope(heading_line: str) -> str:
    """The name of the list a group heading counts from ("市实事10件17项中,有7项…" → 市实事):
    the words before the first figure of its first clause that says more than when; ""
    when they are not a short name."""
    for clause in re.split(r"[，,。；;:：]", heading_line):
        if not clause.strip() or _WHEN_ONLY.match(clause):
            continue
        words = re.split(r"\d", clause, maxsplit=1)[0].strip()
        words = re.sub(r"^(?:其中|全市|全县|全区|今年|本年度?)", "", words)
        return words if 2 <= len(words) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", words) else ""
    return ""


def titles_by_list(titles: dict[int, str], scopes: dict[int, str]) -> dict[int, str]:
    """Titles that two targets share, each followed by the list its group heading counts from
    ("农村户用厕所（省实事）" and "…（市实事）"), when the lists' names tell them apart."""
    by_title: dict[str, list[int]] = {}
    for number, title in titles.items():
        by_title.setdefault(title, []).append(number)
    result = dict(titles)
    for title, numbers in by_title.items():
        named = {scopes.get(n, "") for n in numbers}
        if len(numbers) > 1 and "" not in named and len(named) == len(numbers):
            result.update({n: f"{title}（{scopes[n]}）" for n in numbers})
    return result


# An aside in brackets ("(责任单位:市扶贫办)") and the stops around a task: not its words.
_ASIDE = re.compile(r"[（(〈<][^（）()]*[）)〉>]|[（(][^（）()]*$")


def _task_words(text: str) -> str:
    return re.sub(r"\s+", "", _ASIDE.sub("", text)).strip("。.，,；;")


def counted_title(title: str, count: int, tokenizer=None) -> str:
    """`title` and how many tasks it leads ("公办幼儿园等3项"), within a title's length: a
    title too long loses whole words from its front, as a long name does (its head noun is at
    its end: "减少农村扶贫对象" → "扶贫对象等2项"); as it was when no cut at a word fits."""
    tail = f"等{count}项"
    if len(title) + len(tail) <= TITLE_MAX or tokenizer is None:
        return f"{title}{tail}"
    words = [w for w in tokenizer.lcut(title) if w.strip()]
    while words and sum(map(len, words)) > TITLE_MAX - len(tail):
        words.pop(0)
    kept = "".join(words)
    if len(kept) < 2 or words[0] in BAD_START or words[0][0] in SUFFIXES:
        return f"{title}{tail}"
    return f"{kept}{tail}"


def titles_of_wholes(targets: list, tokenizer=None) -> dict[int, str]:
    """Titles for the wholes a report lists before their parts ("一、减少农村扶贫对象6.76万人;
    实施易地扶贫搬迁18695人" over "减少农村扶贫对象6.76万人" and "实施易地扶贫搬迁18695人"),
    where the whole shares its first part's title: that title and how many parts it holds
    ("扶贫对象等2项", `counted_title`)."""
    found: dict[int, str] = {}
    for at, whole in enumerate(targets):
        text = _task_words(whole.target_text)
        parts = []
        for part in targets[at + 1 :]:
            words = _task_words(part.target_text)
            if len(words) < 4 or words == text or words not in text:
                break
            parts.append(part)
        # The tasks a whole sets: its parts listed after it, or its clauses with a figure
        # (a copy may list only some of its parts); "其中…" counts part of a task.
        tasks = [
            c
            for c in re.split(r"[，,；;。]", text)
            if re.search(r"\d", c) and not c.startswith("其中")
        ]
        count = max(len(parts), len(tasks))
        if parts and count >= 2 and parts[0].title == whole.title:
            found[whole.number] = counted_title(whole.title, count, tokenizer)
    return found


def same_titles(
    targets: list, guesses: dict, items, lines: list[str], tokenizer=None
) -> tuple[list, dict]:
    """`targets` with shared titles told apart where their groups' headings allow, and
    `guesses` with the titles still shared marked for review (`items`: the report's items,
    `lines`: its text's lines; `tokenizer` cuts a title too long at its words)."""
    scopes = {
        t.number: list_scope(lines[t.group.line - 1])
        for t in items
        if t.group is not None and 0 < t.group.line <= len(lines)
    }
    told_apart = titles_by_list({t.number: t.title for t in targets}, scopes)
    wholes = titles_of_wholes(targets, tokenizer)
    told_apart.update(wholes)
    # A whole's title cut to fit keeps its full form as an alias ("减少农村扶贫对象等2项"): the
    # words a leader may still use for it.
    full = titles_of_wholes(targets)  # without a tokenizer: the forms as they were
    targets = [
        replace(t, aliases=(*t.aliases, full[t.number]))
        if t.number in full
        and full[t.number] != wholes[t.number]
        and full[t.number] not in t.aliases
        else t
        for t in targets
    ]
    guesses = dict(guesses)
    for spec in targets:
        if told_apart[spec.number] != spec.title:
            guesses[spec.number] = tuple(
                replace(g, value=told_apart[spec.number], why=f"{g.why}；按所在清单区分同名")
                if g.field == "title"
                else g
                for g in guesses[spec.number]
            )
    targets = [replace(t, title=told_apart[t.number]) for t in targets]
    # Two targets with one title cannot be told apart in a list: both go to review.
    numbers_by_title: dict[str, list[int]] = {}
    for spec in targets:
        numbers_by_title.setdefault(spec.title, []).append(spec.number)
    for numbers in numbers_by_title.values():
        for number in numbers if len(numbers) > 1 else ():
            others = "、".join(f"第{n}项" for n in numbers if n != number)
            guesses[number] = tuple(
                replace(g, confidence=min(g.confidence, 0.3), why=f"{g.why}；与{others}同名")
                if g.field == "title"
                else g
                for g in guesses[number]
            )
    return targets, guesses

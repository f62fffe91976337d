"""Titles told apart within one ledger: two targets drafted with one title ("人均可支配收入" for
城镇居民… and 农民…) cannot be told apart in a list or a question, so each takes the words
that set it apart: its own words before the shared name ("城镇可支配收入"), else the name of
the first clause only it writes, else the section of the report it is listed under ("省实事…"
and "市实事…" over the same item)."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.ledger import TargetSpec
from bot.drafting.review import Guess
from bot.drafting.title_prose import SENTENCE_LEAD, only_when, strip_leads
from bot.drafting.titles import ASIDE_IN_BRACKETS, TITLE_MAX, title_for

# Words after a name that say it is a list of things or work, not which one: a title too
# long with its qualifier drops them first ("第八次县长" + "办公会确定事项" → 第八次县长办公会).
_TAIL = re.compile(r"(?:确定事项|事项|工作|工程|项目|建设)$")
# Where one qualifier ends: a list mark, a joining word, 的, or a figure with what it counts
# ("桥墩镇、赤溪镇等3家中心敬老院"); an ordinal ("第6次") is a qualifier, not a figure.
_RUN_END = re.compile(
    r"(?<!第)\d[\d.]*[^\d\u4e00-\u9fff]*[个家所座处块项件宗户名村]?|[、和及与等的]"
)
_CLAUSE_END = re.compile(r"[，,。；;：:|｜]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", ASIDE_IN_BRACKETS.sub("", text))


def _runs(prefix: str) -> list[str]:
    """The qualifiers written before a name, in order: each run between list marks and
    figures, without the opening words of a sentence or plan."""
    prefix = strip_leads(SENTENCE_LEAD.sub("", prefix))
    return [r for r in _RUN_END.split(prefix) if len(_HAN.findall(r)) >= 2]


def _variants(title: str, tokenizer) -> list[str]:
    """The shared title, shortened so a qualifier fits: whole, without a tail word, or
    without its first words (the head of a Chinese name is at its end), never a tail alone."""
    found = [title]
    tail = _TAIL.search(title)
    if tail and tail.start() >= 2:
        found.append(title[: tail.start()])
    words = [w for w in tokenizer.lcut(title) if w.strip()]
    for i in range(1, len(words)):
        short = "".join(words[i:])
        # A cut by a one-character word splits a phrase ("人均/可/支配/收入"): no cut there.
        whole = len(words[i - 1]) >= 2 and len(words[i]) >= 2
        if whole and not _TAIL.fullmatch(short):
            found.append(short)
    return found


def _qualifiers(run: str, others: list[str], tokenizer) -> list[str]:
    """A run that no other text writes, then its first words (longest first) and its own
    words that no other text writes ("第十一次县长" → 第十一次, when 县长 is in every text)."""
    words = [w for w in tokenizer.lcut(run) if w.strip()]
    found = [run]
    found += ["".join(words[:k]) for k in range(len(words) - 1, 0, -1)]
    found += [w for w in words if len(w) >= 2]
    return [
        q
        for i, q in enumerate(found)
        if len(_HAN.findall(q)) >= 2 and q not in found[:i] and all(q not in o for o in others)
    ]


def _with_qualifier(runs: list[str], others: list[str], title: str, tokenizer) -> str:
    """The title, as whole as fits, after the first run that no other text writes (or, if
    none fits so, the fewest of its words that set it apart)."""
    for run in runs:
        if any(run in other for other in others):
            continue
        variants = _variants(title, tokenizer)
        for qualifier in _qualifiers(run, others, tokenizer):
            for short in variants:
                if len(qualifier) + len(short) <= TITLE_MAX and not qualifier.endswith(short):
                    return qualifier + short
        return ""
    return ""


def _own_prefix(title: str, text: str) -> str:
    """What the clause naming `title` writes before it ("城镇居民" of 城镇居民人均可支配收入)."""
    at = text.find(title)
    if at < 0:
        return ""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)
    return text[start:at]


def _own_clause(text: str, others: list[str], tokenizer, abbreviations) -> str:
    """The name of the first clause that no other text writes, when it names something."""
    for clause in _CLAUSE_END.split(text):
        if len(_HAN.findall(clause)) < 2 or only_when(clause):
            continue
        if any(clause in other for other in others):
            continue
        name = title_for(clause, tokenizer, abbreviations)
        if (
            name.confidence >= 0.5
            and len(name.value) >= 4
            and all(name.value not in o for o in others)
        ):
            return name.value
        return ""
    return ""


def section_line(lines: list[str], at: int, item_lines: set[int], told: str) -> str:
    """The nearest line above line `at` (0-based) that is neither an item's line nor any
    item's words (`told`): the heading of the part of the report the item is listed under."""
    for index in range(at - 1, -1, -1):
        line = lines[index].strip()
        if not line or index in item_lines:
            continue
        if _clean(line) in told:
            continue
        return line
    return ""


def _section_runs(heading: str) -> list[str]:
    """The qualifiers of a heading's first clause that names something ("省实事11件15项中…")."""
    for clause in _CLAUSE_END.split(_clean(heading)):
        if len(_HAN.findall(clause)) >= 2 and not only_when(clause):
            return _runs(clause)
    return []


def tell_apart(
    targets: list[TargetSpec],
    sections: dict[int, str],
    tokenizer,
    abbreviations: dict[str, str],
) -> tuple[list[TargetSpec], dict[int, str]]:
    """`targets` with each shared title replaced by one that sets its target apart, and for
    each one changed, why (for its review note). A title that cannot be told apart stays."""
    by_title: dict[str, list[TargetSpec]] = {}
    for spec in targets:
        by_title.setdefault(spec.title, []).append(spec)
    taken = set(by_title)
    renamed: dict[int, tuple[str, str]] = {}
    for title, group in by_title.items():
        if len(group) < 2:
            continue
        texts = {s.number: _clean(s.target_text) for s in group}
        heads = {s.number: sections.get(s.number, "") for s in group}
        found: dict[int, tuple[str, str]] = {}
        for spec in group:
            others = [texts[o.number] for o in group if o is not spec]
            text = texts[spec.number]
            name = _with_qualifier(_runs(_own_prefix(title, text)), others, title, tokenizer)
            why = "加上目标中与同名项不同的词"
            if not name:
                name = _own_clause(text, others, tokenizer, abbreviations)
                why = "取自目标中同名项没有的一句"
            if not name and heads[spec.number]:
                other_heads = [heads[o.number] for o in group if o is not spec]
                runs = _section_runs(heads[spec.number])
                name = _with_qualifier(runs, other_heads, title, tokenizer)
                why = f"加上所在部分“{heads[spec.number][:20]}”的名称"
            if name and name not in taken:
                found[spec.number] = (name, why)
        names = [n for n, _ in found.values()]
        if len(set(names)) == len(names):
            renamed.update(found)
            taken.update(names)
    out = [replace(s, title=renamed[s.number][0]) if s.number in renamed else s for s in targets]
    return out, {n: f"与同名项区分：{why}" for n, (_, why) in renamed.items()}


def sections_of(items, lines: list[str]) -> dict[int, str]:
    """Each report item's section heading (`section_line`), by item number."""
    item_lines = {item.line - 1 for item in items}
    # Line numbers of a report read from a reshaped text (a table flattened) are not the
    # text's own: no section is read then.
    if any(
        not 0 < item.line <= len(lines)
        or _clean(item.target_text)[:4] not in _clean(lines[item.line - 1])
        for item in items
    ):
        return {}
    told = "".join(_clean(f"{item.target_text}{item.progress_text}") for item in items)
    return {item.number: section_line(lines, item.line - 1, item_lines, told) for item in items}


def titles_told_apart(targets, guesses, sections, tokenizer, lexicon):
    """`tell_apart` over a draft's targets, noting each renamed title in its guesses (the
    titles still shared are told apart by their lists or sent to review: same_titles.py)."""
    targets, notes = tell_apart(targets, sections, tokenizer, lexicon.abbreviations)
    guesses = dict(guesses)
    titles = {spec.number: spec.title for spec in targets}
    for number, note in notes.items():
        guesses[number] = tuple(
            Guess("title", titles[number], min(g.confidence, 0.5), f"{g.why}；{note}")
            if g.field == "title"
            else g
            for g in guesses[number]
        )
    return targets, guesses

"""The year words of a question: the ledger year it names ("2020年的", "去年"), and whether it
compares years ("和去年比", "同比", "和2021年比", "2020年和2021年的…对比"). Pure text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
# A year not followed by a month, a day or 底/末/初 ("2020年10月底前" is a deadline, not a year).
_NOT_A_DATE = r"(?!\s*(?:\d|[一二三四五六七八九十]+月|底|末|初|中|上半|下半))"
ABSOLUTE_YEAR = re.compile(
    r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?" + _NOT_A_DATE + r"(?:的)?"
)
_RELATIVE = {
    **{"前年": -2, "去年": -1, "上年": -1, "上一年": -1, "今年": 0, "本年": 0},
    **{"明年": 1, "下一年": 1, "后年": 2},  # a year not imported yet, said so
}
RELATIVE_YEAR = re.compile(
    r"(前年|去年|上一年|上年|今年|本年|明年|下一年|后年)(?:度)?" + _NOT_A_DATE + r"(?:的)?"
)
_COMPARE = re.compile(
    r"(?:和|跟|与|同|较|比)(?:去年|上年|上一年)(?:同期)?(?:相比|比较|对比|比)?(?:的话)?"
    # "同比增长6.3%" is a figure's own words, not a question comparing years.
    r"|去年同期|同比(?!\s*(?:增|减|下降|上升|提高|降低|增长|回落))(?:情况|变化)?|比上年"
)
# The other side of a comparison named as a year, either way round: "和2021年比", "与2020年相比",
# "比2021年", or both years first with the comparison said at the end ("2020年和2021年的…对比").
_YEAR = r"((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?:度)?"
_VERB = r"(?:相比|比较|对比|比一比|比)"
_COMPARE_WITH = re.compile(
    r"(?:和|跟|与|同|较)\s*"
    + _YEAR
    + r"(?:同期)?(?:的)?"
    + _VERB
    + r"|比\s*"
    + _YEAR
    + _NOT_A_DATE
)
_BOTH_YEARS = re.compile(_YEAR + r"(?:的)?(?:和|跟|与|同)\s*" + _YEAR + r"(?:的)?")
_VERB_END = re.compile(
    _VERB + r"(?:一下)?(?:怎么样|如何|有什么变化|有何变化|的?变化|情况)?[？?。]*$"
)
# Only these ask to set two years side by side; "比上年增长多少" may ask for a figure's own
# change on last year, which the current year's texts state.
SIDE_BY_SIDE = re.compile(r"(?:和|跟|与|同)(?:去年|上年|上一年)|去年同期|同比(?:情况|变化)")


@dataclass(frozen=True)
class YearPhrase:
    year: int | None  # the year the question names; None: the current year
    compare: bool  # a year-over-year comparison is asked for
    rest: str  # the question without its year words
    other: int | None = None  # the year to compare with, when named; None: the year before


def _year_of(written: str) -> int:
    return int("".join(_CN_DIGITS.get(c, c) for c in written))


def _named_other(question: str) -> tuple[int | None, str]:
    """The year a question compares with by name, and the question without those words."""
    found = _COMPARE_WITH.search(question)
    if found:
        other = _year_of(found.group(1) or found.group(2))
        return other, question[: found.start()] + question[found.end() :]
    found = _BOTH_YEARS.search(question)
    if found and _VERB_END.search(question):
        rest = question[: found.start()] + f"{found.group(1)}年" + question[found.end() :]
        return _year_of(found.group(2)), _VERB_END.sub("", rest)
    return None, question


def parse_year_phrase(question: str, current_year: int) -> YearPhrase:
    """The year a question names (absolute, or relative to `current_year`), whether it asks
    for a comparison with the year before or with a year it names, and the question without
    those words."""
    other, rest = _named_other(question)
    compare = other is not None or bool(_COMPARE.search(rest))
    rest = _COMPARE.sub("", rest)
    year: int | None = None
    found = ABSOLUTE_YEAR.search(rest)
    if found:
        year = _year_of(found.group(1))
        rest = rest[: found.start()] + rest[found.end() :]
    else:
        found = _asked_relative_year(rest)
        if found:
            year = current_year + _RELATIVE[found.group(1)]
            rest = rest[: found.start()] + rest[found.end() :]
    rest = rest.strip(" ，,。？?的") or rest.strip()
    if other is not None and other == (year or current_year):
        other = None  # "2021年的…和2021年比": one year, nothing to compare
    kept = rest if found or compare else question
    return YearPhrase(year=year, compare=compare, rest=kept, other=other)


def _asked_relative_year(text: str) -> re.Match | None:
    """The relative year a question asks of: the first it says, but 今年 where it says that
    too of another year not joined to it ("去年就开工今年接着干的": 去年 tells when the work
    began; the work asked after is this year's). "去年和今年的贷款" names both."""
    said = list(RELATIVE_YEAR.finditer(text))
    this_year = [m for m in said if _RELATIVE[m.group(1)] == 0]
    if len(said) < 2 or not this_year or _JOINED_YEARS.search(text):
        return said[0] if said else None
    return this_year[0]


_JOINED_YEARS = re.compile(
    r"(?:前年|去年|上一年|上年|今年|本年)(?:的)?(?:和|跟|与|同|、|及)(?:前年|去年|上一年|上年|今年|本年)"
)


# What is left of a follow-up that only names a year ("那去年呢", "去年的情况呢", "2020年怎么样"):
# it asks for the target just talked about, as that year's ledger holds it.
_YEAR_ALONE = re.compile(
    r"(?:那么?|那个)?(?:的)?(?:情况|完成情况|进展|数据|指标)?"
    r"(?:呢|怎么样|如何|咋样|怎样|完成了吗|完成没有)?(?:呢)?"
)


def year_alone(rest: str) -> bool:
    """True when a question's words besides its year ask nothing of their own (see above)."""
    return _YEAR_ALONE.fullmatch(re.sub(r"[\s，,。？?！!~～]", "", rest)) is not None


# What is left of a comparison that names no target ("和去年比", "同比呢", "跟去年比怎么样",
# "比去年好吗"): it asks about the target just talked about.
_NOTHING_MORE = re.compile(
    r"(?:那么?|那个)?(?:的)?(?:情况|完成情况|进展|数据)?"
    r"(?:呢|怎么样了?|如何|咋样|怎样|好吗|好不好|高吗|多吗|吗)?(?:呢)?"
)


def asks_nothing_more(rest: str) -> bool:
    """True when a comparison's words besides its years ask nothing of their own."""
    return _NOTHING_MORE.fullmatch(re.sub(r"[\s，,。？?！!~～]", "", rest)) is not None

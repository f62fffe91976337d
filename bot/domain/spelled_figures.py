"""Figures as an admin writes them: in words ("百分之八十", "二千六百人") or roughly ("约2650人"),
read only to say what to type instead, since a ledger figure is kept exactly as typed; and
with their as-of words against them ("18.2亿元(截至12月)"), which are split off."""

from __future__ import annotations

import re

from bot.domain.admin_grammar import NUMBER_RE

_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0}
_SPELLED = re.compile(
    r"(负)?(百分之)?([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?(.*)",
    re.DOTALL,
)
# Words around a figure that make it approximate: "约2650人", "近3万人", "2650余人", "2650人左右".
_ROUGH_BEFORE = re.compile(r"^(大约|约|近|将近|接近|超过|超|逾)")
_ROUGH_AFTER = re.compile(r"(?<=[0-9])(余|多)|(左右|以上)$")


def _whole(numeral: str) -> int | None:
    """二千六百 → 2600, 十八 → 18, 二〇二一 → 2021 (read by cn2an, as questions' numerals are);
    None when malformed ("百百")."""
    import cn2an  # imported on first use: most figures are typed in digits

    try:
        value = cn2an.cn2an(numeral.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value)


def spelled_figure(token: str) -> str | None:
    """The figure in Arabic numerals ("80%", "2600人", "18.2亿元"), or None when `token` does
    not open with a figure written in Chinese numerals."""
    found = _SPELLED.fullmatch(token)
    if found is None:
        return None
    minus, percent, numeral, decimals, rest = found.groups()
    whole = _whole(numeral)
    if whole is None:
        return None
    number = str(whole) + ("." + "".join(str(_DIGITS[ch]) for ch in decimals) if decimals else "")
    return ("-" if minus else "") + number + ("%" if percent else "") + rest


def exact_figure(token: str) -> tuple[str, str] | None:
    """(the figure without its approximating words, the words) for "约2650人" → ("2650人",
    "约"), or None when nothing approximates it."""
    words = []
    before = _ROUGH_BEFORE.match(token)
    if before:
        words.append(before.group(1))
        token = token[before.end() :]
    after = _ROUGH_AFTER.search(token)
    if after:
        words.append(after.group(0))
        token = token[: after.start()] + token[after.end() :]
    if not words or not token[:1].isdigit():
        return None
    return token, "”“".join(words)


# As-of words written against the figure, as people punctuate them: "18.2亿元(截至12月)",
# "18.2亿元,截至12月底" (NFKC has made the full-width marks ASCII), "18.2亿元截至12月底", or a
# mark before a space ("18.2亿元; 截至12月"). A comma between digits is a thousands separator.
_ATTACHED_AS_OF = re.compile(
    r"(?P<figure>.+?)\s*"
    r"(?:\((?P<bracketed>[^()]+)\)|[,;](?=\D)(?P<after>.+)|(?P<said>(?:截至|截止).+)|[,;])"
)


def attached_as_of(token: str) -> tuple[str, str]:
    """(the figure, its as-of words) of a figure written with them; (token, "") otherwise."""
    found = _ATTACHED_AS_OF.fullmatch(token)
    if found is None or not NUMBER_RE.fullmatch(found.group("figure")):
        return token, ""
    words = found.group("bracketed") or found.group("after") or found.group("said") or ""
    return found.group("figure"), words.strip()

"""Unit names as admins type them, resolved to the units the ledger knows (pure functions).

"卫生局" and "卫健委" both mean 县卫健委: the county prefix is optional, a unique part of a
name is enough, and a department's name before the 2018 institutional reform (卫生局, 卫计委,
国土局, 环保局, 安监局, 工商局 …) is read as the department that took over its work. A name
that matches nothing is never taken as a new unit silently: the admin must say so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import get_close_matches

from bot.domain.echo import echoed

# Former names → the current department's short name (the State Council's 2018 reform of
# government bodies, as counties carried it out).
FORMER_NAMES = {
    "卫生局": "卫健委",
    "卫计委": "卫健委",
    "卫计局": "卫健委",
    "卫生计生委": "卫健委",
    "卫生和计划生育委员会": "卫健委",
    "卫生健康委": "卫健委",
    "卫健局": "卫健委",
    "国土局": "自然资源局",
    "国土资源局": "自然资源局",
    "规划局": "自然资源局",
    "环保局": "生态环境",
    "环境保护局": "生态环境",
    "安监局": "应急管理局",
    "安全生产监督管理局": "应急管理局",
    "工商局": "市场监管局",
    "质监局": "市场监管局",
    "食药监局": "市场监管局",
    "农业局": "农业农村局",
    "农委": "农业农村局",
    "文广新局": "文化广电和旅游局",
    "文广旅局": "文化广电和旅游局",  # its everyday short name, as ledgers write it
    "旅游局": "文化广电和旅游局",
    "文化局": "文化广电和旅游局",
    "人社局": "人社局",
    "人力资源和社会保障局": "人社局",
    "发改局": "发改委",
    "发展和改革委员会": "发改委",
    "经信委": "工信局",
    "工业和信息化局": "工信局",
    "金融办": "金融工作局",
    "城管局": "城市管理局",
}
# Other names the same department goes by today, in the county's own documents and reports
# ("平阳县卫生健康局", "县自然资源和规划局") → the short name the ledger's unit contains.
OFFICIAL_NAMES = {
    "卫生健康局": "卫健委",
    "卫生健康委员会": "卫健委",
    "自然资源和规划局": "自然资源局",
    "文化和旅游局": "文化广电和旅游局",
    "文化广电旅游局": "文化广电和旅游局",
    "文旅局": "文化广电和旅游局",
    "市场监督管理局": "市场监管局",
    "住房和城乡建设局": "住建局",
    "住房城乡建设局": "住建局",
    "交通局": "交通运输局",
    "医疗保障局": "医保局",
    "人力资源社会保障局": "人社局",
    "科学技术局": "科技局",
    "应急局": "应急管理局",
    "教育和体育局": "教育局",
    "教体局": "教育局",
}
NEW_UNIT_WORD = "新单位"  # the admin's explicit "this is a unit the ledger does not know yet"


@dataclass(frozen=True)
class UnitMatch:
    name: str  # the unit as the ledger names it
    note: str  # how the typed name was read, "" when typed exactly


class UnitNotFound(ValueError):
    """No unique known unit; str(exc) says what to type instead (Chinese)."""


class UnitAmbiguous(UnitNotFound):
    """Several known units fit; str(exc) lists them."""


def close_units(given: str, names: Sequence[str]) -> list[str]:
    """Known units spelled most like `given` (at most five), for "是否是：…？"."""
    return get_close_matches(given, names, n=5, cutoff=0.5)


def _candidates(core: str, names: Sequence[str]) -> list[str]:
    return [n for n in names if core and core in n]


def former_names_of(name: str, names: Sequence[str]) -> list[str]:
    """The names people still call unit `name` by (卫生局 for 县卫健委, 国土局 for 县自然资源局),
    each only when it points to this one unit of `names`; two-character words (农委) are left
    out, as they occur inside other words."""
    return [
        word
        for words in (FORMER_NAMES, OFFICIAL_NAMES)
        for word, short in words.items()
        if len(word) >= 3 and short in name and len(_candidates(short, names)) == 1
    ]


# A higher body's branch in the county: the body, the place, the branch ("市生态环境局西平分局",
# "人行西平县支行", "国网西平县供电公司"). People name it by the body ("生态环境局", "人行"), or
# by what the branch is when that says more than "branch" ("供电公司").
_BRANCH = re.compile(
    r"^[省市]?(?P<body>.+?(?:局|委|行|网|办))[\u4e00-\u9fff]{2,3}?[县市区]?"
    r"(?P<kind>[\u4e00-\u9fff]{0,2}?(?:分局|支行|分行|公司))$"
)
_BARE_BRANCH = frozenset({"分局", "支行", "分行", "分公司", "公司"})


def branch_names_of(name: str, names: Sequence[str]) -> list[str]:
    """The names people call a county branch of a higher body by ("生态环境局" and "人行" for
    市生态环境局西平分局 and 人行西平县支行), each only when it points to this one unit."""
    m = _BRANCH.match(name)
    if m is None:
        return []
    words = [m.group("body"), *([m.group("kind")] if m.group("kind") not in _BARE_BRANCH else [])]
    return [w for w in words if len(_candidates(w, names)) == 1]


NO_UNITS = "这份台账没有列明责任单位"


def units_hint(close: Sequence[str], names: Sequence[str]) -> str:
    """What follows "no such unit": the names close to it, else the first ten the ledger
    names, else that it names none (a new year drafted without units), never an empty list."""
    if close:
        return f"是否是：{'、'.join(close)}？"
    if not names:
        return f"{NO_UNITS}。"
    return f"已有单位：{'、'.join(names[:10])}{'等' if len(names) > 10 else ''}。"


def resolve_unit_name(given: str, names: Sequence[str], *, number: str = "12") -> UnitMatch:
    """The known unit `given` means, with how it was read; UnitNotFound when none or several
    (its example /assign names target `number`)."""
    if given in names:
        return UnitMatch(given, "")
    core = given.removeprefix("县")
    for attempt, why in (
        (core, "台账中的全称"),
        (FORMER_NAMES.get(core, ""), "机构改革后的名称"),
        (OFFICIAL_NAMES.get(core, ""), "台账中的名称"),
    ):
        found = _candidates(attempt, names)
        if len(found) == 1:
            return UnitMatch(found[0], f"“{given}”即{found[0]}（{why}）")
        if len(found) > 1:
            raise UnitAmbiguous(f"“{echoed(given)}”可能是：{'、'.join(found[:8])}，请写出全称")
    close = close_units(given, names)
    hint = units_hint(close, names)
    shown = echoed(given)
    example = given if shown == given else "县某某局"
    raise UnitNotFound(
        f"台账中没有“{shown}”这个责任单位。{hint}如确需新增单位，请写全称并在最后加“{NEW_UNIT_WORD}”，"
        f"例如：/assign {number} {example} 配合 {NEW_UNIT_WORD}"
    )


def resolve_assign_args(args: str, names: Sequence[str]) -> tuple[str, str]:
    """`/assign` arguments with the unit resolved to a known one, and the note saying how.

    "35 卫生局 牵头" → ("35 县卫健委 牵头", "“卫生局”即县卫健委（机构改革后的名称）"); a trailing
    "新单位" takes the name as written. Raises UnitNotFound; other mistakes are left to /assign.
    """
    words = args.split()
    if len(words) < 2:
        return args, ""
    if words[-1] == NEW_UNIT_WORD:
        return " ".join(words[:-1]), f"（新增单位：{words[1]}）"
    number = words[0] if words[0].isdigit() else "12"
    match = resolve_unit_name(words[1], names, number=number)
    return " ".join([words[0], match.name, *words[2:]]), match.note

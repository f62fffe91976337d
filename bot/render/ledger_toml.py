"""Read and write the ledger TOML file (data/ledger_2020.toml and drafts).

Every problem is reported as `LedgerFileError` naming the file, the target and the field,
and nothing is loaded from a file that has one. Before parsing, a file's size and the depth
of its nested arrays and tables are bounded (tomllib recurses once per level).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import tomllib
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from bot.domain.echo import echoed
from bot.domain.fields import INDICATOR_ATTR_NAMES, OMITTABLE_KEYS
from bot.domain.ledger import (
    CATEGORIES,
    COMPARATORS,
    LEDGER_YEARS,
    MAX_TARGET_NUMBER,
    ROLES,
    SOURCES,
    STATUSES,
    DeadlineSpec,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
    figure_problem,
    text_problem,
)
from bot.domain.unit_names import UnitAmbiguous, UnitNotFound, close_units, resolve_unit_name
from bot.domain.units import same_measure
from bot.render.toml_syntax import toml_syntax

MAX_LEDGER_FILE_BYTES = 8 << 20  # the 2020 ledger is under 100 KB
MAX_TOML_DEPTH = 32  # the ledger's own layout nests 2 deep
MULTILINE_KEYS = frozenset({"target_text", "progress_text", "status_reason", "remark", "preamble"})
# Strings (all four TOML kinds) and comments, whose brackets do not nest, then the brackets.
_TOML_TOKEN = re.compile(
    r'"""(?:[^\\]|\\.)*?"{3,5}|\'\'\'.*?\'{3,5}|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\''
    r"|#[^\n]*|[\[\]{}]",
    re.DOTALL,
)


class LedgerFileError(Exception):
    """A ledger file is invalid; the message says where and what."""


def _at(where: str, key: str) -> str:
    """The place of `key` under `where`, in the file's own key names: "…: 第12项目标 title",
    "…: 第12项目标 indicators[0].actual", "…: meta.year"."""
    joint = "." if where.endswith(("]", "meta")) else " "
    return f"{where}{joint}{key}"


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise LedgerFileError(f"{_at(where, key)}：应为加引号的文字，而不是 {value!r}")
    if required and not value.strip():
        raise LedgerFileError(f"{_at(where, key)}：不能为空")
    _check_text(value, _at(where, key), multiline=key in MULTILINE_KEYS)
    return value


def _check_text(value: str, where: str, *, multiline: bool) -> None:
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise LedgerFileError(f"{where}：{problem}")


def nesting_depth(text: str) -> int:
    """The deepest nesting of [ and { in TOML text, strings and comments aside."""
    depth = deepest = 0
    for token in _TOML_TOKEN.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif mark in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise LedgerFileError(f'{where}：应为日期 "YYYY-MM-DD"，例如 "2020-12-31"，而不是 {value!r}')


def _unit(data: dict[str, Any], where: str) -> UnitSpec:
    name = _text(data, "name", where, required=True).strip()
    role = _text(data, "role", where) or "lead"
    source = _text(data, "source", where) or "inferred"
    if role not in ROLES:
        raise LedgerFileError(
            f"{_at(where, 'role')}：应为 lead（牵头）或 assist（配合），而不是 {role!r}"
        )
    if source not in SOURCES:
        raise LedgerFileError(
            f"{_at(where, 'source')}：应为 named（报告写明）或 inferred（推定），而不是 {source!r}"
        )
    if not isinstance(data.get("new", False), bool):
        raise LedgerFileError(f"{_at(where, 'new')}：应为 true 或 false")
    return UnitSpec(name=name, role=role, source=source)


def _known_units(
    targets: list[TargetSpec],
    raw: list[dict[str, Any]],
    source: str,
    known: Sequence[str],
    departments: Collection[str],
) -> list[TargetSpec]:
    """The targets with each unit read as /assign and a spreadsheet read one
    (`resolve_unit_name`: 县 optional, a unique part, a former name); a unit the database does
    not hold is refused, naming its target and key, unless it is one of the county
    `departments` as the field names them (what `import-report` drafts) or says `new = true`."""
    problems: list[str] = []
    resolved = []
    for t, data in zip(targets, raw, strict=True):
        units = []
        for i, (unit, unit_data) in enumerate(zip(t.units, data.get("units", []), strict=True)):
            where = _at(f"第{t.number}项目标", f"units[{i}].name")
            name = unit.name
            if not unit_data.get("new", False):
                try:
                    name = resolve_unit_name(unit.name, known).name
                except UnitAmbiguous as exc:
                    problems.append(f"{where}：{exc}")
                except UnitNotFound:
                    if unit.name in departments:
                        units.append(unit)
                        continue
                    close = close_units(unit.name, known)
                    hint = f"是否是：{'、'.join(close)}？" if close else ""
                    problems.append(
                        f"{where}：台账中没有“{echoed(unit.name)}”这个责任单位。{hint}"
                        "如确需新增，请在这个单位下加一行 new = true"
                    )
            units.append(dataclasses.replace(unit, name=name))
        resolved.append(dataclasses.replace(t, units=tuple(units)))
    if problems:
        raise LedgerFileError(
            f"{source}: 责任单位有误，未导入任何内容：\n  " + "\n  ".join(problems)
        )
    return resolved


def _tables(data: dict[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    """`data[key]` as the list of tables the file's [[…]] sections make; a plain value there
    ("units = "县财政局"", "deadlines = ["2020-12-31"]") is the file's mistake, named."""
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise LedgerFileError(
            f"{_at(where, key)}：应为若干个表（每个以 [[targets.{key}]] 开头的一节），"
            f"而不是 {echoed(repr(value))}"
        )
    return value


def _deadline(data: dict[str, Any], where: str) -> DeadlineSpec:
    done = data.get("done", False)
    if not isinstance(done, bool):
        raise LedgerFileError(f"{_at(where, 'done')}：应为 true 或 false")
    return DeadlineSpec(
        date=_date(data.get("date"), _at(where, "date")),
        text=_text(data, "text", where) or "年底前",
        done=done,
    )


def _indicator(data: dict[str, Any], where: str) -> IndicatorSpec:
    ind = IndicatorSpec(
        name=_text(data, "name", where, required=True).strip(),
        target=_text(data, "target", where).strip(),
        unit=_text(data, "unit", where).strip(),
        comparator=_text(data, "comparator", where) or ">=",
        actual=_text(data, "actual", where).strip(),
        actual_unit=_text(data, "actual_unit", where).strip(),
        as_of=_text(data, "as_of", where),
        remark=_text(data, "remark", where),
    )
    for key in ("target", "actual"):
        if problem := figure_problem(ind, key):
            raise LedgerFileError(f"{_at(where, key)}：{problem}")
    if ind.actual_unit and not same_measure(ind.actual_unit, ind.unit):
        raise LedgerFileError(
            f"{_at(where, 'actual_unit')}：完成值单位 {ind.actual_unit!r} "
            f"与指标单位 unit {ind.unit!r} 无法换算"
        )
    if ind.comparator not in COMPARATORS:
        raise LedgerFileError(f"{_at(where, 'comparator')}：应为 >=、<= 或 =")
    # actual_unit goes with the actual: an actual without it is in the indicator's own unit
    omitted = {a for a in INDICATOR_ATTR_NAMES if a not in data}
    if "actual" in data:
        omitted.discard("actual_unit")
    return dataclasses.replace(ind, omitted=frozenset(omitted))


def _target(
    data: dict[str, Any], source: str, defaults: DeadlineSpec | None, place: int
) -> TargetSpec:
    """The `place`-th (from 1) [[targets]] table of the file, checked key by key."""
    number = data.get("number")
    # a bad number cannot name its target: its place in the file and its title find it
    title = data.get("title")
    section = f"{source}: 文件中第{place}节 [[targets]]" + (
        f"（title 为“{echoed(title)}”）" if isinstance(title, str) and title else ""
    )
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise LedgerFileError(f"{section}的 number 是 {number!r}，序号应为1或更大的整数")
    if number > MAX_TARGET_NUMBER:  # named with its file, as every other mistake in it is
        raise LedgerFileError(f"{section}的 number 是 {number}，序号最大为{MAX_TARGET_NUMBER}")
    where = f"{source}: 第{number}项目标"
    category = _text(data, "category", where, required=True)
    if category not in CATEGORIES:
        raise LedgerFileError(f"{_at(where, 'category')}：应为 {'、'.join(CATEGORIES)} 之一")
    override = _text(data, "status_override", where)
    if override and override not in STATUSES:
        raise LedgerFileError(
            f"{_at(where, 'status_override')}：应为 {'、'.join(STATUSES)} 之一，或留空"
        )
    reason = _text(data, "status_reason", where)
    if override and not reason.strip():
        raise LedgerFileError(
            f"{_at(where, 'status_reason')}：写了 status_override（认定状态）就要写认定理由"
        )
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise LedgerFileError(f'{_at(where, "aliases")}：应为文字的列表，例如 ["信贷", "贷款"]')
    for i, alias in enumerate(aliases):
        _check_text(alias, _at(where, f"aliases[{i}]"), multiline=False)
    units = tuple(
        _unit(u, _at(where, f"units[{i}]")) for i, u in enumerate(_tables(data, "units", where))
    )
    deadlines = tuple(
        _deadline(d, _at(where, f"deadlines[{i}]"))
        for i, d in enumerate(_tables(data, "deadlines", where))
    )
    if not deadlines and defaults is not None:
        deadlines = (defaults,)
    indicators = tuple(
        _indicator(d, _at(where, f"indicators[{i}]"))
        for i, d in enumerate(_tables(data, "indicators", where))
    )
    names = [i.name for i in indicators]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise LedgerFileError(f"{_at(where, 'indicators')}：指标“{'、'.join(twice)}”重名")
    same_line = data.get("same_line", False)
    if not isinstance(same_line, bool):
        raise LedgerFileError(f"{_at(where, 'same_line')}：应为 true 或 false")
    return TargetSpec(
        number=number,
        title=_text(data, "title", where, required=True).strip(),
        category=category,
        target_text=_text(data, "target_text", where, required=True),
        progress_text=_text(data, "progress_text", where),
        same_line=same_line,
        units=units,
        deadlines=deadlines,
        indicators=indicators,
        aliases=tuple(dict.fromkeys(a.strip() for a in aliases if a.strip())),
        status_override=override,
        status_reason=reason,
        omitted=frozenset(k for k in OMITTABLE_KEYS if k not in data),
    )


def _too_large(source: str) -> str:
    return f"{source}: 文件超过{MAX_LEDGER_FILE_BYTES >> 20} MiB，一个台账文件只放一个年度的目标"


def parse_ledger(
    text: str,
    source: str = "<ledger>",
    known_units: Sequence[str] = (),
    departments: Collection[str] = (),
) -> LedgerSpec:
    """Parse and validate ledger TOML text; with `known_units` (the units a database holds),
    every unit must be one of them, one of the county `departments`, or say `new = true`."""
    if len(text) > MAX_LEDGER_FILE_BYTES:
        raise LedgerFileError(_too_large(source))
    depth = nesting_depth(text)
    if depth > MAX_TOML_DEPTH:
        raise LedgerFileError(
            f"{source}: 数组或表嵌套了{depth}层，超过上限{MAX_TOML_DEPTH}层（台账文件只嵌套2层）"
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LedgerFileError(f"{source}: {toml_syntax(exc)}") from None
    except RecursionError:  # a nesting the depth count above did not see
        raise LedgerFileError(f"{source}: 数组或表嵌套过深") from None
    meta = raw.get("meta", {})
    if not isinstance(meta, dict):
        raise LedgerFileError(f"{source}: [meta] 应为一个表（[meta] 开头的一节）")
    for key in ("title", "preamble"):
        if key in meta:
            meta_text = meta[key]
            if not isinstance(meta_text, str):
                raise LedgerFileError(f"{source}: meta.{key}：应为加引号的文字")
            _check_text(meta_text, f"{source}: meta.{key}", multiline=key in MULTILINE_KEYS)
    year = meta.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise LedgerFileError(
            f"{source}: meta.year：应为台账年份（整数），请在 [meta] 下写 year = 2020 这样一行"
        )
    if year not in LEDGER_YEARS:
        raise LedgerFileError(
            f"{source}: meta.year：应为{LEDGER_YEARS[0]}到{LEDGER_YEARS[-1]}之间的台账年份，"
            f"而不是 {year}，未导入任何内容。请在 [meta] 下写 year = 2021 这样一行"
        )
    default_date = (
        _date(meta["default_deadline"], f"{source}: meta.default_deadline")
        if meta.get("default_deadline")
        else dt.date(year, 12, 31)
    )
    default = DeadlineSpec(date=default_date, text="年底前", done=False)
    targets_raw = raw.get("targets", [])
    if not isinstance(targets_raw, list) or not targets_raw:
        raise LedgerFileError(f"{source}: 文件中没有目标（[[targets]] 开头的各节）")
    for i, t in enumerate(targets_raw):
        if not isinstance(t, dict):
            raise LedgerFileError(
                f"{source}: targets[{i}]：每项目标应为一个表（[[targets]] 开头的一节），"
                f"而不是 {echoed(repr(t))}"
            )
    targets = [_target(t, source, default, i) for i, t in enumerate(targets_raw, 1)]
    if known_units:
        targets = _known_units(targets, targets_raw, source, known_units, departments)
    seen: set[int] = set()
    for t in targets:
        if t.number in seen:
            raise LedgerFileError(f"{source}: 第{t.number}项目标出现了两次（number 重复）")
        seen.add(t.number)
    return LedgerSpec(
        year=year,
        title=str(meta.get("title", f"{year}年工作责任目标")),
        preamble=str(meta.get("preamble", "")),
        targets=tuple(sorted(targets, key=lambda t: t.number)),
        default_deadline=default_date,
    )


def load_ledger_file(
    path: str | Path, known_units: Sequence[str] = (), departments: Collection[str] = ()
) -> LedgerSpec:
    """`parse_ledger` of a file, its size bounded before it is read."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_LEDGER_FILE_BYTES:
            raise LedgerFileError(_too_large(str(path)))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LedgerFileError(f"{path}: 文件不存在") from None
    except UnicodeDecodeError:
        raise LedgerFileError(f"{path}: 不是UTF-8编码的文本，请用UTF-8保存后再导入") from None
    return parse_ledger(text, str(path), known_units, departments)


def _s(value: str) -> str:
    # JSON string literals with ensure_ascii=False are valid TOML basic strings.
    return json.dumps(value, ensure_ascii=False)


def dump_ledger(ledger: LedgerSpec) -> str:
    """Render a ledger as TOML in the layout of data/ledger_2020.toml."""
    out = [
        "# 督查台账 (target ledger). Figures are strings so they keep the report's exact digits.",
        "[meta]",
        f"year = {ledger.year}",
        f"title = {_s(ledger.title)}",
        f"preamble = {_s(ledger.preamble)}",
    ]
    if ledger.default_deadline:
        out.append(f'default_deadline = "{ledger.default_deadline.isoformat()}"')
    for t in ledger.targets:
        out += [
            "",
            "[[targets]]",
            f"number = {t.number}",
            f"title = {_s(t.title)}",
            f"category = {_s(t.category)}",
            f"target_text = {_s(t.target_text)}",
            f"progress_text = {_s(t.progress_text)}",
        ]
        if t.same_line:
            out.append("same_line = true")
        out.append("aliases = [" + ", ".join(_s(a) for a in t.aliases) + "]")
        out.append(f"status_override = {_s(t.status_override)}")
        out.append(f"status_reason = {_s(t.status_reason)}")
        for u in t.units:
            out += [
                "",
                "[[targets.units]]",
                f"name = {_s(u.name)}",
                f"role = {_s(u.role)}",
                f"source = {_s(u.source)}",
            ]
        for d in t.deadlines:
            out += [
                "",
                "[[targets.deadlines]]",
                f'date = "{d.date.isoformat()}"',
                f"text = {_s(d.text)}",
                f"done = {'true' if d.done else 'false'}",
            ]
        for i in t.indicators:
            out += [
                "",
                "[[targets.indicators]]",
                f"name = {_s(i.name)}",
                f"target = {_s(i.target)}",
                f"unit = {_s(i.unit)}",
                f"comparator = {_s(i.comparator)}",
                f"actual = {_s(i.actual)}",
                *([f"actual_unit = {_s(i.actual_unit)}"] if i.actual_unit else []),
                f"as_of = {_s(i.as_of)}",
                f"remark = {_s(i.remark)}",
            ]
    return "\n".join(out) + "\n"

"""Read and write the ledger TOML file (data/ledger_2020.toml and drafts).

Every problem is reported as `LedgerFileError` naming the file, the target and the field,
and nothing is loaded from a file that has one. Before parsing, a file's size and the depth
of its nested arrays and tables are bounded (tomllib recurses once per level).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from bot.domain.ledger import (
    CATEGORIES,
    COMPARATORS,
    FIGURE_RULE_EN,
    ROLES,
    SOURCES,
    STATUSES,
    DeadlineSpec,
    FigureError,
    IndicatorSpec,
    LedgerSpec,
    TargetSpec,
    UnitSpec,
    parse_figure,
    text_problem,
)
from bot.domain.units import same_measure

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


def _where(source: str, number: Any, key: str) -> str:
    return f"{source}: target {number}: {key}"


def _text(data: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise LedgerFileError(f"{where}.{key} must be a string, not {value!r}")
    if required and not value.strip():
        raise LedgerFileError(f"{where}.{key} is required")
    _check_text(value, f"{where}.{key}", multiline=key in MULTILINE_KEYS)
    return value


def _check_text(value: str, where: str, *, multiline: bool) -> None:
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise LedgerFileError(f"{where} holds a control character: {problem}")


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
    raise LedgerFileError(f'{where} must be a date "YYYY-MM-DD", not {value!r}')


def _unit(data: dict[str, Any], where: str) -> UnitSpec:
    name = _text(data, "name", where, required=True).strip()
    role = _text(data, "role", where) or "lead"
    source = _text(data, "source", where) or "inferred"
    if role not in ROLES:
        raise LedgerFileError(f"{where}.role must be lead or assist, not {role!r}")
    if source not in SOURCES:
        raise LedgerFileError(f"{where}.source must be named or inferred, not {source!r}")
    return UnitSpec(name=name, role=role, source=source)


def _deadline(data: dict[str, Any], where: str) -> DeadlineSpec:
    done = data.get("done", False)
    if not isinstance(done, bool):
        raise LedgerFileError(f"{where}.done must be true or false")
    return DeadlineSpec(
        date=_date(data.get("date"), f"{where}.date"),
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
        value = getattr(ind, key)
        try:
            parse_figure(value)
        except FigureError as exc:
            shown = value if len(value) <= 30 else value[:29] + "…"
            raise LedgerFileError(
                f"{where}.{key} must be a decimal number ({FIGURE_RULE_EN}), not {shown!r}: {exc}"
            ) from None
    if ind.actual_unit and not same_measure(ind.actual_unit, ind.unit):
        raise LedgerFileError(
            f"{where}.actual_unit {ind.actual_unit!r} does not convert to unit {ind.unit!r}"
        )
    if ind.comparator not in COMPARATORS:
        raise LedgerFileError(f"{where}.comparator must be one of >=, <=, =")
    return ind


def _target(data: dict[str, Any], source: str, defaults: DeadlineSpec | None) -> TargetSpec:
    number = data.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise LedgerFileError(f"{source}: a target has number {number!r}; it must be 1 or more")
    where = f"{source}: target {number}"
    category = _text(data, "category", where, required=True)
    if category not in CATEGORIES:
        raise LedgerFileError(f"{where}.category must be one of {' '.join(CATEGORIES)}")
    override = _text(data, "status_override", where)
    if override and override not in STATUSES:
        raise LedgerFileError(f"{where}.status_override must be one of {' '.join(STATUSES)}")
    reason = _text(data, "status_reason", where)
    if override and not reason.strip():
        raise LedgerFileError(f"{where}.status_reason is required with status_override")
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise LedgerFileError(f"{where}.aliases must be a list of strings")
    for i, alias in enumerate(aliases):
        _check_text(alias, f"{where}.aliases[{i}]", multiline=False)
    units = tuple(_unit(u, f"{where}.units[{i}]") for i, u in enumerate(data.get("units", [])))
    deadlines = tuple(
        _deadline(d, f"{where}.deadlines[{i}]") for i, d in enumerate(data.get("deadlines", []))
    )
    if not deadlines and defaults is not None:
        deadlines = (defaults,)
    indicators = tuple(
        _indicator(d, f"{where}.indicators[{i}]") for i, d in enumerate(data.get("indicators", []))
    )
    names = [i.name for i in indicators]
    if len(set(names)) != len(names):
        raise LedgerFileError(f"{where}.indicators has a duplicate name")
    same_line = data.get("same_line", False)
    if not isinstance(same_line, bool):
        raise LedgerFileError(f"{where}.same_line must be true or false")
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
    )


def parse_ledger(text: str, source: str = "<ledger>") -> LedgerSpec:
    """Parse and validate ledger TOML text."""
    if len(text) > MAX_LEDGER_FILE_BYTES:
        raise LedgerFileError(
            f"{source}: the file is larger than {MAX_LEDGER_FILE_BYTES >> 20} MiB; "
            "a ledger file holds one year's targets"
        )
    depth = nesting_depth(text)
    if depth > MAX_TOML_DEPTH:
        raise LedgerFileError(
            f"{source}: arrays or tables are nested {depth} deep, more than "
            f"{MAX_TOML_DEPTH}; a ledger file nests at most 2 deep"
        )
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LedgerFileError(f"{source}: not valid TOML: {exc}") from None
    except RecursionError:  # a nesting the depth count above did not see
        raise LedgerFileError(f"{source}: arrays or tables are nested too deeply") from None
    meta = raw.get("meta", {})
    if not isinstance(meta, dict):
        raise LedgerFileError(f"{source}: [meta] must be a table")
    for key in ("title", "preamble"):
        if key in meta:
            meta_text = meta[key]
            if not isinstance(meta_text, str):
                raise LedgerFileError(f"{source}: meta.{key} must be a string")
            _check_text(meta_text, f"{source}: meta.{key}", multiline=key in MULTILINE_KEYS)
    year = meta.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        raise LedgerFileError(f"{source}: meta.year must be a year such as 2020")
    default_date = (
        _date(meta["default_deadline"], f"{source}: meta.default_deadline")
        if meta.get("default_deadline")
        else dt.date(year, 12, 31)
    )
    default = DeadlineSpec(date=default_date, text="年底前", done=False)
    targets_raw = raw.get("targets", [])
    if not isinstance(targets_raw, list) or not targets_raw:
        raise LedgerFileError(f"{source}: the file has no [[targets]]")
    targets = [_target(t, source, default) for t in targets_raw]
    seen: set[int] = set()
    for t in targets:
        if t.number in seen:
            raise LedgerFileError(f"{source}: target {t.number} appears twice")
        seen.add(t.number)
    return LedgerSpec(
        year=year,
        title=str(meta.get("title", f"{year}年工作责任目标")),
        preamble=str(meta.get("preamble", "")),
        targets=tuple(sorted(targets, key=lambda t: t.number)),
        default_deadline=default_date,
    )


def load_ledger_file(path: str | Path) -> LedgerSpec:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_LEDGER_FILE_BYTES:
            raise LedgerFileError(
                f"{path}: the file is larger than {MAX_LEDGER_FILE_BYTES >> 20} MiB; "
                "a ledger file holds one year's targets"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LedgerFileError(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise LedgerFileError(f"{path}: not UTF-8 text") from None
    return parse_ledger(text, str(path))


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

"""One addressable field of a target, read and written where its rows hold it.

The field names and their string forms are declared in `bot.domain.fields`; this module maps
them onto the tables: the target's own columns, and its unit, deadline, alias and indicator
rows. Writes happen inside the caller's transaction and are not audited (see ledger_changes).
"""

from __future__ import annotations

from types import MappingProxyType

from sqlalchemy import delete, func
from sqlmodel import Session, select

from bot.domain.fields import (
    FIELDS,
    decode_aliases,
    decode_deadlines,
    decode_indicator,
    decode_units,
    encode_aliases,
    encode_deadlines,
    encode_indicator,
    encode_units,
    indicator_address,
)
from bot.domain.ledger import DeadlineSpec, UnitSpec
from bot.store.ledger_store import StoreError, resolve_year
from bot.store.models import Alias, Indicator, Milestone, Target, UnitAssignment

# The indicator table's column for each attribute of bot.domain.fields.INDICATOR_ATTRS.
INDICATOR_COLUMNS = MappingProxyType(
    {
        "target": "target_value",
        "unit": "unit",
        "comparator": "comparator",
        "actual": "actual_value",
        "actual_unit": "actual_unit",
        "as_of": "as_of",
        "remark": "remark",
    }
)


def _units_value(session: Session, year: int, number: int) -> str:
    rows = session.exec(
        select(UnitAssignment)
        .where(UnitAssignment.year == year, UnitAssignment.target_number == number)
        .order_by(UnitAssignment.position, UnitAssignment.id)
    )
    return encode_units(UnitSpec(u.unit, u.role, u.source) for u in rows)


def _deadlines_value(session: Session, year: int, number: int) -> str:
    rows = session.exec(
        select(Milestone)
        .where(Milestone.year == year, Milestone.target_number == number)
        .order_by(Milestone.due, Milestone.position, Milestone.id)
    )
    return encode_deadlines(DeadlineSpec(m.due, m.text, m.done) for m in rows)


def _aliases_value(session: Session, year: int, number: int) -> str:
    rows = session.exec(select(Alias).where(Alias.year == year, Alias.target_number == number))
    return encode_aliases(a.word for a in rows)


def _indicator_row(session: Session, year: int, number: int, name: str) -> Indicator | None:
    return session.exec(
        select(Indicator).where(
            Indicator.year == year, Indicator.target_number == number, Indicator.name == name
        )
    ).first()


def indicator_value(row: Indicator) -> str:
    """A whole indicator row in its stored form (the value of "indicator:NAME")."""
    return encode_indicator(
        {attr: getattr(row, column) for attr, column in INDICATOR_COLUMNS.items()}
    )


def _indicator_column(name: str, attr: str) -> str:
    if attr not in INDICATOR_COLUMNS:
        raise StoreError(f"unknown field {name!r}")
    return INDICATOR_COLUMNS[attr]


def read_field(session: Session, number: int, name: str, *, year: int | None = None) -> str:
    """The current value of one addressable field of a year's target, as a string."""
    year = resolve_year(session, year)
    target = session.get(Target, (year, number))
    if target is None:
        raise StoreError(f"第{number}项目标不存在")
    spec = FIELDS.get(name)
    if spec is not None and spec.column:
        return getattr(target, name)
    if name == "units":
        return _units_value(session, year, number)
    if name == "deadlines":
        return _deadlines_value(session, year, number)
    if name == "aliases":
        return _aliases_value(session, year, number)
    address = indicator_address(name)
    if address is None:
        raise StoreError(f"unknown field {name!r}")
    row = _indicator_row(session, year, number, address.name)
    if address.attr is None:
        return indicator_value(row) if row else ""
    column = _indicator_column(name, address.attr)
    if row is None:
        raise StoreError(f"第{number}项没有指标“{address.name}”")
    return getattr(row, column)


def _write_units(session: Session, year: int, number: int, value: str) -> None:
    session.exec(
        delete(UnitAssignment).where(
            UnitAssignment.year == year, UnitAssignment.target_number == number
        )
    )
    for position, unit in enumerate(decode_units(value)):
        session.add(
            UnitAssignment(
                year=year,
                target_number=number,
                position=position,
                unit=unit.name,
                role=unit.role,
                source=unit.source,
            )
        )


def _write_deadlines(session: Session, year: int, number: int, value: str) -> None:
    session.exec(
        delete(Milestone).where(Milestone.year == year, Milestone.target_number == number)
    )
    for position, deadline in enumerate(decode_deadlines(value)):
        session.add(
            Milestone(
                year=year,
                target_number=number,
                position=position,
                due=deadline.date,
                text=deadline.text,
                done=deadline.done,
            )
        )


def _write_aliases(session: Session, year: int, number: int, value: str) -> None:
    session.exec(delete(Alias).where(Alias.year == year, Alias.target_number == number))
    for word in decode_aliases(value):
        session.add(Alias(year=year, target_number=number, word=word))


def _write_indicator(session: Session, year: int, number: int, name: str, value: str) -> None:
    row = _indicator_row(session, year, number, name)
    if not value:
        if row is not None:
            session.delete(row)
        return
    data = decode_indicator(value)
    if row is None:
        position = session.exec(
            select(func.count())
            .select_from(Indicator)
            .where(Indicator.year == year, Indicator.target_number == number)
        ).one()
        row = Indicator(year=year, target_number=number, name=name, position=position)
    for attr, column in INDICATOR_COLUMNS.items():
        setattr(row, column, data[attr])
    session.add(row)


def write_field(
    session: Session, number: int, name: str, value: str, *, year: int | None = None
) -> None:
    """Write one field of a year's target inside the caller's transaction (no audit: see
    ledger_changes.apply_changes)."""
    year = resolve_year(session, year)
    target = session.get(Target, (year, number))
    if target is None:
        raise StoreError(f"第{number}项目标不存在")
    spec = FIELDS.get(name)
    address = indicator_address(name)
    if spec is not None and spec.column:
        setattr(target, name, value)
    elif name == "units":
        _write_units(session, year, number, value)
    elif name == "deadlines":
        _write_deadlines(session, year, number, value)
    elif name == "aliases":
        _write_aliases(session, year, number, value)
    elif address is not None and address.attr is None:
        _write_indicator(session, year, number, address.name, value)
    elif address is not None:
        column = _indicator_column(name, address.attr)
        row = _indicator_row(session, year, number, address.name)
        if row is None:
            raise StoreError(f"第{number}项没有指标“{address.name}”")
        setattr(row, column, value)
        session.add(row)
    else:
        raise StoreError(f"unknown field {name!r}")
    session.flush()

"""Loading a ledger file: add its year, or bring that year in line with the file without
losing admin edits (see `load_ledger`)."""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.domain.fields import (
    LIST_FIELDS,
    TARGET_COLUMNS,
    decode_indicator,
    encode_indicator,
    indicator_address,
    indicator_field,
    ledger_fields,
)
from bot.domain.ledger import MAX_TARGET_NUMBER, LedgerSpec, TargetSpec
from bot.store.database import import_lock
from bot.store.ledger_fields import indicator_value, read_field, write_field
from bot.store.ledger_store import IMPORT_ACTOR, StoreError, read_meta
from bot.store.models import AuditEntry, Indicator, LedgerMeta, Target, utc_now
from bot.store.uow import UnitOfWork


@dataclass
class ImportResult:
    year: int = 0
    new_year: bool = False  # the database held no ledger of this year before
    created: int = 0
    updated: list[tuple[int, str]] = field(default_factory=list)
    conflicts: list[tuple[int, str, str, str]] = field(default_factory=list)  # file, db
    # Fields the file left out (no key) that differ from the database's: kept as they are.
    kept: list[tuple[int, str]] = field(default_factory=list)
    forced: bool = False


def _insert_target(session: Session, year: int, target: TargetSpec, at: dt.datetime) -> None:
    session.add(
        Target(
            year=year,
            number=target.number,
            title=target.title,
            category=target.category,
            target_text=target.target_text,
            progress_text=target.progress_text,
            same_line=target.same_line,
            status_override=target.status_override,
            status_reason=target.status_reason,
            updated_at=at,
            updated_by=IMPORT_ACTOR,
        )
    )
    session.flush()
    for name, value in ledger_fields(target).items():
        if name not in TARGET_COLUMNS:
            write_field(session, target.number, name, value, year=year)


def _admin_touched(session: Session, year: int, number: int) -> set[str]:
    """Fields of target `number` whose current value came from someone other than the importer."""
    latest: dict[str, str] = {}
    query = (
        select(AuditEntry)
        .where(AuditEntry.year == year, AuditEntry.target_number == number)
        .order_by(AuditEntry.id)
    )
    for entry in session.exec(query):
        latest[entry.field_name] = entry.actor
        if entry.field_name.startswith("indicator:") and entry.field_name.count(":") == 2:
            latest[entry.field_name.rsplit(":", 1)[0]] = entry.actor
    return {name for name, actor in latest.items() if not actor.startswith(IMPORT_ACTOR)}


def check_ledger(ledger: LedgerSpec) -> None:
    """Refuse, before anything is written, a ledger the schema would refuse halfway."""
    seen: set[int] = set()
    for target in ledger.targets:
        number = target.number
        if not 1 <= number <= MAX_TARGET_NUMBER:
            raise StoreError(f"序号{number}超出范围（应为1到{MAX_TARGET_NUMBER}），未导入任何内容")
        if number in seen:
            raise StoreError(f"第{number}项出现了两次，未导入任何内容")
        seen.add(number)
        for label, names in (
            ("责任单位", [u.name for u in target.units]),
            ("指标", [i.name for i in target.indicators]),
        ):
            twice = sorted({n for n in names if names.count(n) > 1})
            if twice:
                raise StoreError(f"第{number}项的{label}“{'、'.join(twice)}”重复，未导入任何内容")


# Longest a batch of an import holds the write lock, and the pause after it: longer than
# SQLite's busy handler sleeps between tries (100 ms), so a writer waiting meanwhile gets in.
IMPORT_BATCH_SECONDS = 0.5
IMPORT_YIELD_SECONDS = 0.12


def _import_target(
    session: Session,
    year: int,
    target: TargetSpec,
    *,
    result: ImportResult,
    force: bool,
    actor: str,
    change_id: str,
    at: dt.datetime,
) -> None:
    """Create or update one target inside the batch's transaction (its row locked first)."""
    # One query that locks the row (if any) before its values are read: see lock_targets.
    if session.get(Target, (year, target.number), with_for_update=True) is None:
        _insert_target(session, year, target, at)
        result.created += 1
        return
    touched = _admin_touched(session, year, target.number)
    current = {
        name: read_field(session, target.number, name, year=year) for name in TARGET_COLUMNS
    }
    for name in LIST_FIELDS:
        current[name] = read_field(session, target.number, name, year=year)
    query = select(Indicator).where(
        Indicator.year == year, Indicator.target_number == target.number
    )
    for row in session.exec(query):
        current[indicator_field(row.name)] = indicator_value(row)
    wanted = ledger_fields(target)
    held = set() if "indicators" in target.omitted else set(current)
    for name in sorted(set(wanted) | {k for k in held if k.startswith("indicator:")}):
        new, old = wanted.get(name, ""), current.get(name, "")
        # A key the file does not write is no wish to blank the field: it stays as stored.
        if name in target.omitted:
            if new != old:
                result.kept.append((target.number, name))
            continue
        merged = _with_omitted(target, name, new, old)
        if merged != new:
            result.kept.append((target.number, name))
            new = merged
        if new == old:
            continue
        if name in touched and not force:
            result.conflicts.append((target.number, name, new, old))
            continue
        write_field(session, target.number, name, new, year=year)
        session.add(
            AuditEntry(
                change_id=change_id,
                at=at,
                actor=actor,
                year=year,
                target_number=target.number,
                field_name=name,
                old_value=old,
                new_value=new,
                reason="导入台账文件",
            )
        )
        result.updated.append((target.number, name))


def _with_omitted(target: TargetSpec, name: str, new: str, old: str) -> str:
    """`new`, a whole indicator as the file writes it, with the attributes the file left out
    (no key) as stored in `old`; `new` itself for any other field."""
    address = indicator_address(name)
    if address is None or address.attr is not None or not new or not old:
        return new
    ind = target.indicator(address.name)
    if ind is None or not ind.omitted:
        return new
    given, stored = decode_indicator(new), decode_indicator(old)
    return encode_indicator({a: (stored if a in ind.omitted else given)[a] for a in given})


def _write_meta(
    session: Session, ledger: LedgerSpec, source: str, at: dt.datetime, result: ImportResult
) -> None:
    meta = read_meta(session, year=ledger.year)
    result.new_year = meta is None
    if meta is None:
        meta = LedgerMeta(year=ledger.year, title=ledger.title, preamble="", loaded_at=at)
    meta.title, meta.preamble = ledger.title, ledger.preamble
    meta.default_deadline, meta.source_file = ledger.default_deadline, source
    session.add(meta)


def load_ledger(
    engine: Engine,
    ledger: LedgerSpec,
    *,
    source: str = "",
    force: bool = False,
    now: dt.datetime | None = None,
    wait: float = 0.0,
    batch_seconds: float = IMPORT_BATCH_SECONDS,
    between: Callable[[], None] | None = None,
) -> ImportResult:
    """Add the file's year to the database, or bring that year in line with the file without
    losing admin edits; other years are never touched.

    Loading the same file twice changes nothing. A field an admin changed is reported as a
    conflict and kept, unless `force` is set. The whole ledger is checked first (check_ledger),
    so a bad one writes nothing; one import runs at a time (import_lock: waits up to `wait`
    seconds, then LedgerBusy).

    The writes go in batches of whole targets, each its own short transaction, so the bot goes
    on answering and changing figures meanwhile. A crash mid-import leaves some targets
    imported and the rest as they were, each one whole; running the same import again
    finishes it, because importing is idempotent and the importer's own writes never count
    as conflicts. A batch holds at least one target and ends once `batch_seconds` have passed;
    `between` runs after each batch but the last (default: a short pause on SQLite).
    """
    check_ledger(ledger)
    at = now or utc_now()
    result = ImportResult(year=ledger.year, forced=force)
    change_id = uuid.uuid4().hex
    actor = f"{IMPORT_ACTOR}:{source}" if source else IMPORT_ACTOR
    pause = IMPORT_YIELD_SECONDS if engine.dialect.name == "sqlite" else 0.0
    if between is None:
        between = (lambda: time.sleep(pause)) if pause else (lambda: None)
    targets = deque(ledger.targets)
    with import_lock(engine, wait=wait):
        first = True
        while first or targets:
            with UnitOfWork(engine) as uow:
                session = uow.session
                began = time.monotonic()
                if first:
                    _write_meta(session, ledger, source, at, result)
                    first = False
                while targets:
                    _import_target(
                        session,
                        ledger.year,
                        targets.popleft(),
                        result=result,
                        force=force,
                        actor=actor,
                        change_id=change_id,
                        at=at,
                    )
                    if time.monotonic() - began >= batch_seconds:
                        break
            if targets:
                between()
    return result

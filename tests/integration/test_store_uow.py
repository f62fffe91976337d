"""The unit of work, on SQLite and PostgreSQL: all of a change or none of it."""

from __future__ import annotations

import pytest
from sqlmodel import select

from bot.domain.fields import FieldChange
from bot.store.ledger_changes import apply_changes_in
from bot.store.ledger_store import read_target
from bot.store.models import AuditEntry
from bot.store.uow import UnitOfWork, reading


def progress(engine, number: int) -> str:
    with reading(engine) as session:
        return read_target(session, number).progress_text


def audit_count(engine) -> int:
    with reading(engine) as session:
        return len(session.exec(select(AuditEntry)).all())


def test_a_unit_of_work_commits_every_step_when_its_block_ends(engine):
    before = audit_count(engine)
    with UnitOfWork(engine) as uow:
        apply_changes_in(uow.session, [FieldChange(12, "progress_text", "一")], actor="cli")
        apply_changes_in(uow.session, [FieldChange(30, "progress_text", "二")], actor="cli")
    assert (progress(engine, 12), progress(engine, 30)) == ("一", "二")
    assert audit_count(engine) == before + 2


def test_a_unit_of_work_that_fails_part_way_leaves_nothing(engine):
    before = (progress(engine, 12), audit_count(engine))

    class Halfway(Exception):
        pass

    def change_then_fail() -> None:
        with UnitOfWork(engine) as uow:
            apply_changes_in(uow.session, [FieldChange(12, "progress_text", "一")], actor="cli")
            raise Halfway

    with pytest.raises(Halfway):
        change_then_fail()
    assert (progress(engine, 12), audit_count(engine)) == before


def test_its_session_exists_only_inside_the_block(engine):
    uow = UnitOfWork(engine)
    with pytest.raises(RuntimeError, match="only inside"):
        uow.session  # noqa: B018

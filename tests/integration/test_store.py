"""The SQLite store: seeding, idempotent loading, conflicts, audit and undo."""

import dataclasses

from sqlmodel import Session, select

from bot.domain.fields import FieldChange
from bot.store.ledger_changes import apply_changes, undo_last
from bot.store.ledger_import import load_ledger
from bot.store.ledger_store import history, read_ledger, read_target
from bot.store.models import AuditEntry


def test_first_start_seeds_all_66_targets(engine, ledger_2020):
    with Session(engine) as session:
        ledger = read_ledger(session)
        assert session.exec(select(AuditEntry)).all() == []
    assert len(ledger.targets) == 66
    stored = {
        t.number: dataclasses.replace(t, updated_at=None, updated_by="") for t in ledger.targets
    }
    for target in ledger_2020.targets:
        expected = dataclasses.replace(
            target,
            aliases=tuple(sorted(target.aliases)),
            deadlines=tuple(sorted(target.deadlines, key=lambda d: d.date)),
        )
        assert stored[target.number] == expected


def test_loading_the_same_file_again_changes_nothing(engine, ledger_2020):
    result = load_ledger(engine, ledger_2020, source="ledger_2020.toml")
    assert (result.created, result.updated, result.conflicts) == (0, [], [])


def test_admin_change_is_audited_and_survives_reload(engine, ledger_2020):
    applied = apply_changes(
        engine,
        [FieldChange(12, "indicator:新增贷款:actual", "25.1")],
        actor="tg:42",
        reason="月报",
    )
    (entry,) = applied.entries
    assert (entry.old_value, entry.new_value, entry.actor) == ("24.43", "25.1", "tg:42")
    result = load_ledger(engine, ledger_2020)
    assert result.conflicts and result.conflicts[0][:2] == (12, "indicator:新增贷款")
    with Session(engine) as session:
        assert read_target(session, 12).indicator("新增贷款").actual == "25.1"
    forced = load_ledger(engine, ledger_2020, force=True)
    assert forced.conflicts == []
    with Session(engine) as session:
        assert read_target(session, 12).indicator("新增贷款").actual == "24.43"


def test_file_changes_apply_where_no_admin_edited(engine, ledger_2020):
    by = ledger_2020.by_number()
    edited = dataclasses.replace(by[7], title="国土绿化")
    changed = dataclasses.replace(
        ledger_2020, targets=tuple(edited if t.number == 7 else t for t in ledger_2020.targets)
    )
    result = load_ledger(engine, changed, source="v2.toml")
    assert result.updated == [(7, "title")] and result.conflicts == []
    with Session(engine) as session:
        assert read_target(session, 7).title == "国土绿化"
        assert history(session, 7)[0].actor == "import:v2.toml"


def test_undo_reverts_the_callers_last_change_and_is_audited(engine):
    apply_changes(engine, [FieldChange(3, "progress_text", "新进展")], actor="tg:1")
    apply_changes(engine, [FieldChange(56, "indicator:PM2.5:actual", "41")], actor="tg:2")
    undone = undo_last(engine, actor="tg:1")
    assert undone is not None and undone.entries[0].new_value != "新进展"
    with Session(engine) as session:
        assert read_target(session, 3).progress_text.startswith("我县对第一托养中心")
        assert read_target(session, 56).indicator("PM2.5").actual == "41"
        actors = [(e.actor, e.undoes != "") for e in history(session)]
    assert actors[0] == ("tg:1", True)
    assert undo_last(engine, actor="tg:1") is None


def test_a_failing_change_writes_nothing(engine):
    import pytest

    from bot.store.ledger_store import StoreError

    with pytest.raises(StoreError):
        apply_changes(
            engine,
            [
                FieldChange(12, "progress_text", "半截"),
                FieldChange(12, "indicator:没有:actual", "1"),
            ],
            actor="tg:1",
        )
    with Session(engine) as session:
        assert not read_target(session, 12).progress_text.startswith("半截")
        assert history(session) == []


def test_timestamps_come_back_timezone_aware(engine):
    apply_changes(engine, [FieldChange(1, "status_reason", "x")], actor="tg:1")
    with Session(engine) as session:
        target = read_target(session, 1)
        assert target.updated_at.tzinfo is not None and target.updated_by == "tg:1"
        assert history(session)[0].at.tzinfo is not None


def test_undo_never_overwrites_another_admins_later_change(engine):
    import pytest

    from bot.store.ledger_store import StaleChange

    field = "indicator:新增贷款:actual"
    apply_changes(engine, [FieldChange(12, field, "25.1")], actor="tg:1")
    apply_changes(engine, [FieldChange(12, field, "26", "25.1")], actor="tg:2")
    with pytest.raises(StaleChange):
        undo_last(engine, actor="tg:1")
    with Session(engine) as session:
        assert read_target(session, 12).indicator("新增贷款").actual == "26"
        assert [e.actor for e in history(session, 12)] == ["tg:2", "tg:1"]
    # the later admin can still undo their own change, back to the first admin's figure
    assert undo_last(engine, actor="tg:2") is not None
    with Session(engine) as session:
        assert read_target(session, 12).indicator("新增贷款").actual == "25.1"

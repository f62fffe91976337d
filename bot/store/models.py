"""SQLModel tables: the ledger, its audit trail and the question log.

Figures are stored as decimal text so they print exactly as entered; timestamps are stored
as UTC and always come back timezone-aware.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    ForeignKeyConstraint,
    LargeBinary,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator):
    """Store naive UTC, return aware UTC: SQLite keeps no offset, PostgreSQL gets timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: times must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def _ts(nullable: bool = False):
    return Field(default_factory=utc_now, sa_column=Column(UTCDateTime(), nullable=nullable))


class LedgerMeta(SQLModel, table=True):
    """One row per year held: that year's ledger title and preamble."""

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(unique=True)
    title: str
    preamble: str = Field(sa_column=Column(Text, nullable=False))
    default_deadline: dt.date | None = None
    source_file: str = ""
    loaded_at: dt.datetime = _ts()


def _of_target(*unique: str) -> tuple:
    """A child row's key to its target: (year, target_number), plus a unique constraint."""
    fk = ForeignKeyConstraint(["year", "target_number"], ["target.year", "target.number"])
    return (UniqueConstraint("year", "target_number", *unique), fk) if unique else (fk,)


class Target(SQLModel, table=True):
    """One target of one year's ledger: numbers restart every year, so the key is both."""

    year: int = Field(primary_key=True)
    number: int = Field(primary_key=True, ge=1)
    title: str
    category: str = Field(index=True)
    target_text: str = Field(sa_column=Column(Text, nullable=False))
    progress_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    same_line: bool = False
    status_override: str = ""
    status_reason: str = ""
    # 销号: "" while open, else JSON {"at", "by", "reason", "forced"} (bot.domain.ledger.Closure).
    closed: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    updated_at: dt.datetime = _ts()
    updated_by: str = "import"


class UnitAssignment(SQLModel, table=True):
    __table_args__ = _of_target("unit")

    id: int | None = Field(default=None, primary_key=True)
    year: int
    target_number: int = Field(index=True)
    position: int = 0
    unit: str = Field(index=True)
    role: str = "lead"
    source: str = "inferred"


class Milestone(SQLModel, table=True):
    __table_args__ = _of_target()

    id: int | None = Field(default=None, primary_key=True)
    year: int
    target_number: int = Field(index=True)
    position: int = 0
    due: dt.date
    text: str = ""
    done: bool = False


class Indicator(SQLModel, table=True):
    __table_args__ = _of_target("name")

    id: int | None = Field(default=None, primary_key=True)
    year: int
    target_number: int = Field(index=True)
    position: int = 0
    name: str
    target_value: str = ""
    unit: str = ""
    comparator: str = ">="
    actual_value: str = ""
    actual_unit: str = ""  # empty: the actual is written in `unit` (bot/domain/units.py converts)
    as_of: str = ""
    remark: str = Field(default="", sa_column=Column(Text, nullable=False))


class Alias(SQLModel, table=True):
    __table_args__ = _of_target("word")

    id: int | None = Field(default=None, primary_key=True)
    year: int
    target_number: int = Field(index=True)
    word: str


class AuditEntry(SQLModel, table=True):
    """One field changed after the import; entries of one change share `change_id`."""

    id: int | None = Field(default=None, primary_key=True)
    change_id: str = Field(index=True)
    at: dt.datetime = _ts()
    actor: str = Field(index=True)
    year: int | None = Field(default=None, index=True)  # the ledger year of target_number
    target_number: int | None = Field(default=None, index=True)
    field_name: str
    old_value: str = Field(default="", sa_column=Column(Text, nullable=False))
    new_value: str = Field(default="", sa_column=Column(Text, nullable=False))
    reason: str = Field(default="", sa_column=Column(Text, nullable=False))
    undoes: str = ""  # change_id this entry reverts, for /undo
    undone: bool = False


class UnmatchedQuestion(SQLModel, table=True):
    """A question that matched no target, or only weakly; admins turn these into aliases."""

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = _ts()
    question: str = Field(sa_column=Column(Text, nullable=False))
    best_target: int | None = None
    best_score: float = 0.0
    asked_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    resolved: bool = False
    year: int | None = None  # the ledger year best_target belongs to; None before 0008


class Grant(SQLModel, table=True):
    """A viewer right granted by an admin to a user id or a chat id (groups are negative)."""

    id: int | None = Field(default=None, primary_key=True)
    subject_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    granted_by: int = Field(sa_column=Column(BigInteger, nullable=False))
    granted_at: dt.datetime = _ts()
    note: str = ""


class PendingChange(SQLModel, table=True):
    """An admin change shown as old → new and waiting for 确认/取消 from the same admin."""

    id: int | None = Field(default=None, primary_key=True)
    admin_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    command: str
    year: int | None = None  # the ledger year the change was proposed for
    target_number: int
    changes_json: str = Field(sa_column=Column(Text, nullable=False))
    summary: str = Field(sa_column=Column(Text, nullable=False))
    reason: str = ""
    state: str = "pending"  # pending | applied | cancelled | stale | applying (bot.store.pending)
    created_at: dt.datetime = _ts()


class SavedList(SQLModel, table=True):
    """The targets of a long list reply, so ◀ ▶ buttons can page it with short callback data."""

    id: int | None = Field(default=None, primary_key=True)
    title: str
    year: int | None = None  # the ledger year of the listed numbers
    # [12, 13], or {"numbers": [12, 13], "notes": {"12": "逾期"}} when the lines say more
    # (bot.chat.service.saved_numbers)
    numbers_json: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime = _ts()


class Subscription(SQLModel, table=True):
    """A chat that receives a responsible unit's reminders (groups have negative ids)."""

    __table_args__ = (UniqueConstraint("unit", "chat_id"),)

    id: int | None = Field(default=None, primary_key=True)
    unit: str = Field(index=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    created_by: str = ""
    created_at: dt.datetime = _ts()


class DigestSubscriber(SQLModel, table=True):
    """A leader (viewer or admin) who receives the weekly digest and overdue notices."""

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    created_at: dt.datetime = _ts()


class OutboxEntry(SQLModel, table=True):
    """One notice to one chat. The unique key makes every reminder go out at most once.

    States: sending (claimed, the API call may be under way), sent, uncertain (found
    `sending` after a crash: it may or may not have arrived, so it is never resent blindly),
    failed (the API refused it for good). A reminder to a unit (`unit` set) carries a 收到
    button; the press is recorded in the acked_* columns, once.
    """

    __table_args__ = (
        UniqueConstraint("kind", "target_number", "milestone", "occurrence", "chat_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    target_number: int = 0  # 0 for digests
    milestone: str = ""  # "2020-12-31 年底前"; "" for digests
    occurrence: dt.date
    chat_key: int = Field(sa_column=Column(BigInteger, nullable=False))  # 0 = no chat
    text: str = Field(sa_column=Column(Text, nullable=False))
    state: str = "sending"
    late: bool = False
    message_id: int | None = None
    error: str = ""
    claimed_by: str = ""
    claimed_at: dt.datetime = _ts()
    sent_at: dt.datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )
    unit: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    acked_by_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    acked_by_name: str = Field(
        default="", sa_column=Column(Text, nullable=False, server_default="")
    )
    acked_at: dt.datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )


class ProgressReport(SQLModel, table=True):
    """A unit's report on a target, waiting for an admin to approve or reject it."""

    id: int | None = Field(default=None, primary_key=True)
    year: int | None = None  # the ledger year of target_number
    target_number: int = Field(index=True)
    reporter_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    state: str = "pending"  # pending | approved | rejected
    decided_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    reason: str = ""
    created_at: dt.datetime = _ts()
    decided_at: dt.datetime | None = Field(
        default=None, sa_column=Column(UTCDateTime(), nullable=True)
    )


class EvidenceBlob(SQLModel, table=True):
    """The bytes of one evidence file, stored once however many times it is attached.

    In the database, not under var/: the database is the one source of truth, its backups
    carry the evidence, and every bot process (SQLite or PostgreSQL) sees the same files.
    """

    sha256: str = Field(primary_key=True)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Evidence(SQLModel, table=True):
    """A 佐证材料 file attached to a year's target by a unit or an admin."""

    __table_args__ = _of_target()

    id: int | None = Field(default=None, primary_key=True)
    year: int
    target_number: int = Field(index=True)
    name: str
    type: str  # jpg png pdf docx xlsx (bot.domain.evidence.TYPES)
    size: int
    sha256: str = Field(foreign_key="evidenceblob.sha256", index=True)
    added_at: dt.datetime = _ts()
    added_by: str
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    telegram_file_id: str = ""  # sends the file back without uploading it again
    report_id: int | None = None  # the unit's progress report it came with, if any


class BulletinIssue(SQLModel, table=True):
    """One issued 督查通报 of a year: its 期数, the period it covers, and who wrote it when.

    The next bulletin reports what changed since this one was issued; issuing again on the same
    day rewrites that day's issue instead of numbering a new one.
    """

    __table_args__ = (UniqueConstraint("year", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int
    number: int  # 期数, from 1 in each year
    since_at: dt.datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    as_of: dt.date  # the status day its figures were judged on
    issued_on: dt.date  # the local day it was written
    issued_at: dt.datetime = _ts()
    issued_by: str = ""

"""ledger years: every target and what hangs off it belongs to one year

Target's key becomes (year, number); units, milestones, indicators and aliases get a
`year` column and a (year, target_number) foreign key; their unique keys gain the year.
Audit entries, pending changes, saved lists and unit reports get a nullable `year`;
ledgermeta.year becomes unique (one row per year). Existing rows take the year of the one
ledger the database held (ledgermeta.year), so nothing is lost.

Only the named columns and constraints are touched (batch operations, SQLite tables copied by
reflection), so columns a later migration adds are carried along.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 03:10:00
"""

from __future__ import annotations

import datetime as dt
import warnings

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Names SQLite's unnamed constraints get when a batch copies the table (PostgreSQL has real
# names, which are looked up instead).
NAMING = {
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
}
CHILDREN = {"unitassignment": "unit", "milestone": None, "indicator": "name", "alias": "word"}
NULLABLE_YEAR = ("auditentry", "pendingchange", "savedlist", "progressreport")


def _fk_to_target(table: str) -> str:
    for fk in sa.inspect(op.get_bind()).get_foreign_keys(table):
        if fk["referred_table"] == "target":
            return fk["name"] or NAMING["fk"] % {
                "table_name": table,
                "column_0_name": fk["constrained_columns"][0],
                "referred_table_name": "target",
            }
    raise RuntimeError(f"{table} has no foreign key to target")


def _unique_on(table: str, columns: list[str]) -> str:
    for uq in sa.inspect(op.get_bind()).get_unique_constraints(table):
        if uq["column_names"] == columns:
            return uq["name"] or NAMING["uq"] % {"table_name": table, "column_0_name": columns[0]}
    raise RuntimeError(f"{table} has no unique constraint on {columns}")


def _pk_name(table: str) -> str | None:
    return sa.inspect(op.get_bind()).get_pk_constraint(table).get("name")


def _held_year() -> int:
    """The year of the ledger the database holds (the first ledgermeta row, as read_meta)."""
    bind = op.get_bind()
    year = bind.execute(sa.text("SELECT year FROM ledgermeta ORDER BY id LIMIT 1")).scalar()
    if year is None:  # targets without a ledger row: the year of their earliest deadline
        due = bind.execute(sa.text("SELECT MIN(due) FROM milestone")).scalar()
        year = int(str(due)[:4]) if due else dt.datetime.now(dt.UTC).year
    return int(year)


def upgrade() -> None:
    year = _held_year()
    # 1. Children let go of target.number (SQLite refuses to copy target while they hold it).
    for table, column in CHILDREN.items():
        fk = _fk_to_target(table)
        uq = _unique_on(table, ["target_number", column]) if column else None
        with op.batch_alter_table(table, naming_convention=NAMING) as batch:
            batch.drop_constraint(fk, type_="foreignkey")
            if uq:
                batch.drop_constraint(uq, type_="unique")
            batch.add_column(sa.Column("year", sa.Integer(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET year = :year").bindparams(year=year))
    # 2. Target's key becomes (year, number).
    pk = _pk_name("target")
    with op.batch_alter_table("target") as batch:
        batch.add_column(sa.Column("year", sa.Integer(), nullable=True))
    op.execute(sa.text("UPDATE target SET year = :year").bindparams(year=year))
    # SQLite's copy warns that the reflected key (number) is replaced: that is the point.
    with warnings.catch_warnings(), op.batch_alter_table("target") as batch:
        warnings.filterwarnings("ignore", "Table '_alembic_tmp_target' specifies columns")
        batch.alter_column("year", existing_type=sa.Integer(), nullable=False)
        if pk and op.get_bind().dialect.name != "sqlite":
            batch.drop_constraint(pk, type_="primary")
        batch.create_primary_key("target_pkey", ["year", "number"])
    # 3. Children hold (year, number) again.
    for table, column in CHILDREN.items():
        with op.batch_alter_table(table, naming_convention=NAMING) as batch:
            batch.alter_column("year", existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(
                f"fk_{table}_year_target", "target", ["year", "target_number"], ["year", "number"]
            )
            if column:
                batch.create_unique_constraint(
                    f"uq_{table}_year_target_number", ["year", "target_number", column]
                )
    # 4. Rows that name a target say which year's.
    for table in NULLABLE_YEAR:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("year", sa.Integer(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET year = :year").bindparams(year=year))
    op.create_index(op.f("ix_auditentry_year"), "auditentry", ["year"], unique=False)
    with op.batch_alter_table("ledgermeta") as batch:
        batch.create_unique_constraint("uq_ledgermeta_year", ["year"])


def downgrade() -> None:
    bind = op.get_bind()
    years = bind.execute(sa.text("SELECT COUNT(DISTINCT year) FROM target")).scalar()
    if years and years > 1:
        raise RuntimeError("the database holds several ledger years: 0001 can hold only one")
    with op.batch_alter_table("ledgermeta") as batch:
        batch.drop_constraint("uq_ledgermeta_year", type_="unique")
    op.drop_index(op.f("ix_auditentry_year"), table_name="auditentry")
    for table in NULLABLE_YEAR:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("year")
    for table, column in CHILDREN.items():
        with op.batch_alter_table(table, naming_convention=NAMING) as batch:
            batch.drop_constraint(f"fk_{table}_year_target", type_="foreignkey")
            if column:
                batch.drop_constraint(f"uq_{table}_year_target_number", type_="unique")
            batch.drop_column("year")
    with warnings.catch_warnings(), op.batch_alter_table("target") as batch:
        warnings.filterwarnings("ignore", "Table '_alembic_tmp_target' specifies columns")
        if bind.dialect.name != "sqlite":
            batch.drop_constraint("target_pkey", type_="primary")
        batch.drop_column("year")
        batch.create_primary_key("target_pkey", ["number"])
    for table, column in CHILDREN.items():
        with op.batch_alter_table(table) as batch:
            # PostgreSQL's own names for them, as 0001 left them.
            batch.create_foreign_key(
                f"{table}_target_number_fkey", "target", ["target_number"], ["number"]
            )
            if column:
                batch.create_unique_constraint(
                    f"{table}_target_number_{column}_key", ["target_number", column]
                )

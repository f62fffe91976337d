"""indicator actual unit: the unit an indicator's actual figure is written in

One measure may be written in two units (target 6.63万人次, actual 79891人); bot/domain/units.py
converts. Empty means the actual is in `unit`, so every existing row keeps its meaning.
Only this column is added (a batch operation), whether or not 0002 ran before.

Revision ID: 0003
Revises: the highest revision below 0003 that exists (0002, or 0001 without it)
Create Date: 2026-12-06 03:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.migrations import previous_revision

revision = "0003"
down_revision = previous_revision(revision)
branch_labels = None
depends_on = None


def _has_column() -> bool:
    columns = sa.inspect(op.get_bind()).get_columns("indicator")
    return any(c["name"] == "actual_unit" for c in columns)


def upgrade() -> None:
    if _has_column():
        return
    with op.batch_alter_table("indicator") as batch:
        batch.add_column(sa.Column("actual_unit", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    if not _has_column():
        return
    with op.batch_alter_table("indicator") as batch:
        batch.drop_column("actual_unit")

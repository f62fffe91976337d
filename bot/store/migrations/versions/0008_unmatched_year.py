"""unmatched year: the ledger year an unmatched question's best target belongs to

Adds `unmatchedquestion.year`, so turning an old question into an alias after a new year was
imported adds it to the target it was asked about, not to the new year's target of the same
number. Rows written before this revision have no year and keep the current year's meaning.

Revision ID: 0008
Revises: the highest revision below 0008 that exists
Create Date: 2026-12-06 07:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.migrations import previous_revision

revision = "0008"
down_revision = previous_revision(revision)
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("unmatchedquestion") as batch:
        batch.add_column(sa.Column("year", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("unmatchedquestion") as batch:
        batch.drop_column("year")

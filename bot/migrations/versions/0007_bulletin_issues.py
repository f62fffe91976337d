"""bulletin issues: each 督查通报 issued, so the next one reports what changed since it

Adds `bulletinissue`: the year, its 期数 (unique per year), the moment its period starts, the
status day, the local day it was written, when and by whom. Nothing existing changes.

Revision ID: 0007
Revises: the highest revision below 0007 that exists
Create Date: 2026-12-06 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.migrations import previous_revision
from bot.models import UTCDateTime

revision = "0007"
down_revision = previous_revision(revision)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bulletinissue",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("since_at", UTCDateTime(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", UTCDateTime(), nullable=False),
        sa.Column("issued_by", sa.String(), nullable=False),
        sa.UniqueConstraint("year", "number"),
    )


def downgrade() -> None:
    op.drop_table("bulletinissue")

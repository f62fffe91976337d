"""evidence and closing: 佐证材料 files and 销号

Adds `evidenceblob` (the bytes, once per sha256), `evidence` (a file attached to a year's
target, with who, when, type, size, note and the Telegram file id) and `target.closed` ("" while
open, else the closing as JSON). Nothing existing changes meaning: every target stays open.

Revision ID: 0005
Revises: the highest revision below 0005 that exists
Create Date: 2026-12-06 04:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.store.migrations import previous_revision
from bot.store.models import UTCDateTime

revision = "0005"
down_revision = previous_revision(revision)
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("target") as batch:
        batch.add_column(sa.Column("closed", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "evidenceblob",
        sa.Column("sha256", sa.String(), primary_key=True),
        sa.Column("content", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target_number", sa.Integer(), nullable=False, index=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column(
            "sha256", sa.String(), sa.ForeignKey("evidenceblob.sha256"), nullable=False, index=True
        ),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sa.Column("added_by", sa.String(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("telegram_file_id", sa.String(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["year", "target_number"], ["target.year", "target.number"]),
    )


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("evidenceblob")
    with op.batch_alter_table("target") as batch:
        batch.drop_column("closed")

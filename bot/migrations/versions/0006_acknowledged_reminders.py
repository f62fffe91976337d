"""acknowledged reminders: who pressed 收到 on a reminder, and when

Adds to `outboxentry` the unit a reminder was addressed to ("" for digests, leaders' copies
and every row written before this revision) and the acknowledgement: the presser's user id
and display name and the time. Existing rows stay unacknowledged and, having no unit, are
never escalated.

Revision ID: 0006
Revises: the highest revision below 0006 that exists
Create Date: 2026-12-06 05:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.migrations import previous_revision
from bot.models import UTCDateTime

revision = "0006"
down_revision = previous_revision(revision)
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outboxentry") as batch:
        batch.add_column(sa.Column("unit", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("acked_by_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("acked_by_name", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("acked_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outboxentry") as batch:
        batch.drop_column("acked_at")
        batch.drop_column("acked_by_name")
        batch.drop_column("acked_by_id")
        batch.drop_column("unit")

"""The years of the table that staff started, so that a new year exists before its first event.

«Начать новый год» must be seen by every colleague who opens the database, and
by export and the report, even while the year has no events yet.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "table_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_table_year")),
    )


def downgrade() -> None:
    op.drop_table("table_year")

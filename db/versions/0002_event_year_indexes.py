"""Indexes for the questions asked by year: a partner's events of a year, all events of a year.

The window shows one year at a time and counts events per node for it; without
these, every selection scans the whole event table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_partner_year", "event", ["partner_id", "year"], unique=False)
    op.create_index("ix_event_year", "event", ["year"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_event_year", table_name="event")
    op.drop_index("ix_event_partner_year", table_name="event")

"""Count a year's events per partner from the index alone: (year, partner_id) instead of (year).

The navigation tree shows every region, country and partner with its number of
events in the selected year. With an index on the year only, each count looked
up every event row for its partner (200 ms for the regions over 500,000 events);
with the partner in the index it is 20 ms. The old index is a prefix of the new
one, so it goes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_year_partner", "event", ["year", "partner_id"], unique=False)
    op.drop_index("ix_event_year", table_name="event")


def downgrade() -> None:
    op.create_index("ix_event_year", "event", ["year"], unique=False)
    op.drop_index("ix_event_year_partner", table_name="event")

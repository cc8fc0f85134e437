"""An event's date as staff wrote it: ``event.date_written``.

«1 и 3 октября», «начало апреля», «III квартал», «09.12.2025» are shown, exported and
printed as written, while ``start`` and ``end`` keep serving sorting, counting and the
chart. A date the program did not understand is kept here alone (no start, no end) so
that the clerk can fix it later. Existing events get NULL: their dates are shown in the
standard form as before. A plain ADD COLUMN: no table copy, so the FTS5 triggers of
revision 0003 and the notify triggers of 0008 stay as they are.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("event", sa.Column("date_written", sa.Text(), nullable=True))


def downgrade() -> None:
    # A date kept only as written goes back to being an undated event: its words return
    # to the start of the event's text, so that nothing a clerk wrote is lost.
    op.execute(
        """UPDATE event SET text = date_written || ' – ' || text
           WHERE start IS NULL AND date_written IS NOT NULL AND date_written <> ''"""
    )
    # DROP COLUMN in place (SQLite 3.35+, PostgreSQL): a batch copy of the table would drop
    # the triggers of revisions 0003 and 0008.
    op.drop_column("event", "date_written")

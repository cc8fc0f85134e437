"""An id once given is never given again on SQLite: deleted ids are remembered.

SQLite hands a new row ``max(id) + 1`` (the tables have no AUTOINCREMENT), so the
newest record deleted in one window gave its id to the next record a colleague
added. The first window, still showing the deleted one, took the newcomer for it
(the version starts again at 1, as the deleted record's did): an edit typed there
landed on the colleague's record, and Ctrl+Z of the delete found its id taken and
cleared the undo history. A trigger per table records each deleted id in
``id_floor``; :mod:`spbgui.store.fresh_ids` gives a new row an id past both the
table's largest and that floor. Rebuilding six tables with AUTOINCREMENT (their
triggers and the search index's with them) would do the same at a far higher risk.
PostgreSQL's sequences never give an id twice: the table stays empty there.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = ("region", "country", "partner", "agreement", "agreement_date", "event")


def upgrade() -> None:
    op.create_table(
        "id_floor",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_id_floor")),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        # Deletes by foreign-key cascade (a partner's events) fire these too.
        op.execute(
            f"CREATE TRIGGER id_floor_{table} AFTER DELETE ON {table} "
            f"BEGIN INSERT INTO id_floor (name, seq) VALUES ('{table}', OLD.id) "
            "ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS id_floor_{table}")
    op.drop_table("id_floor")

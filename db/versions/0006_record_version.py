"""A version on every record, so that an edit never overwrites someone else's silently.

Two people (two windows on one file, or several staff on one PostgreSQL server)
may edit the same record. The ORM's ``version_id_col`` makes each UPDATE check
the version it read and raise it; the editing services compare the version the
caller saw. Existing rows start at 1. Batch mode: SQLite cannot add a NOT NULL
column with a check through ALTER in general, and batch keeps one code path.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("region", "country", "partner", "agreement", "event")


def upgrade() -> None:
    for table in TABLES:
        # ADD COLUMN with a constant default needs no table copy, on SQLite or PostgreSQL;
        # batch mode would rebuild the tables and drop the FTS5 triggers of revision 0003.
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")

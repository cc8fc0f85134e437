"""An agreement's term and status: «на 2021–2023 гг.», «до 31.12.2026»; действует, истекло, …

The term's ends are ISO text at their own precision («2021», «2026-12-31»); they are
read from the title of existing agreements when it states one (spbgui.domain.terms),
and staff may correct them. The status is empty unless staff set it: then it follows
from the term's end and the day. Nullable columns added in place: no table copy, so
the search triggers of revision 0003 stay.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from spbgui.domain.terms import term_from_title

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

COLUMNS = ("term_start", "term_end", "status")


def upgrade() -> None:
    op.add_column("agreement", sa.Column("term_start", sa.String(length=10), nullable=True))
    op.add_column("agreement", sa.Column("term_end", sa.String(length=10), nullable=True))
    op.add_column("agreement", sa.Column("status", sa.String(length=20), nullable=True))
    agreement = sa.table(
        "agreement",
        sa.column("id", sa.Integer),
        sa.column("title", sa.Text),
        sa.column("term_start"),
        sa.column("term_end"),
    )
    conn = op.get_bind()
    rows = []
    for aid, title in conn.execute(sa.select(agreement.c.id, agreement.c.title)):
        term = term_from_title(title or "")
        if term is not None:
            rows.append(
                {
                    "aid": aid,
                    "s": term.start.iso() if term.start else None,
                    "e": term.end.iso() if term.end else None,
                }
            )
    if rows:
        conn.execute(
            agreement.update()
            .where(agreement.c.id == sa.bindparam("aid"))
            .values(term_start=sa.bindparam("s"), term_end=sa.bindparam("e")),
            rows,
        )


def downgrade() -> None:
    for column in reversed(COLUMNS):
        op.drop_column("agreement", column)

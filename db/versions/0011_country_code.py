"""The ISO 3166 code of every country, so that one country under two names is one country.

«Беларусь» in one year's table and «Белоруссия» in the next are one country for the
statistics across years and for a re-import. The code is read from the name the
committee wrote (spbgui.domain.countries: pycountry's Russian names and the committee's
variants); a name it does not know keeps an empty code and is compared by its name.
The name shown is not touched. The fill asks the program's own table of names: a
revision that runs once, at the upgrade, with the names the program knows then.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from spbgui.domain.countries import country_code

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN of a nullable column: no table copy (which would drop the search triggers).
    op.add_column("country", sa.Column("code", sa.String(length=8), nullable=True))
    country = sa.table(
        "country", sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("code")
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(country.c.id, country.c.name)).all()
    codes = [{"cid": cid, "c": country_code(name)} for cid, name in rows if country_code(name)]
    if codes:
        conn.execute(
            country.update()
            .where(country.c.id == sa.bindparam("cid"))
            .values(code=sa.bindparam("c")),
            codes,
        )


def downgrade() -> None:
    # SQLite 3.35+ drops a plain column in place, keeping the triggers of revision 0003.
    op.drop_column("country", "code")

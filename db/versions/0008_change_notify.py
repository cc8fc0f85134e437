"""PostgreSQL tells every listening window that the records changed (LISTEN/NOTIFY).

Several staff work on one server database; each window should refresh when a
colleague's change lands, without polling the tables. One statement-level
trigger per table sends ``NOTIFY spbgui_changes`` with the table's name; the
notification is delivered when the writing transaction commits (never for a
rolled-back one), and PostgreSQL folds equal notifications of one transaction
into one, so an import sends a handful rather than thousands. Triggers rather
than the services: a change made by any program (psql, a script) is seen too.
SQLite has no such thing: the watcher polls ``PRAGMA data_version`` there.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHANNEL = "spbgui_changes"
TABLES = ("region", "country", "partner", "agreement", "agreement_date", "event", "table_year")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE OR REPLACE FUNCTION spbgui_notify_change() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        f"PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER spbgui_notify_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION spbgui_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS spbgui_notify_{table} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS spbgui_notify_change()")

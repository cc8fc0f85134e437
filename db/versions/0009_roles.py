"""Role templates on PostgreSQL: ``spbgui_reader`` may read, ``spbgui_editor`` may also edit.

An administrator gives a colleague's login one of them (``GRANT spbgui_editor TO
ivanova``, see packaging/README.md); the program opens read-only, with a note
saying why, for a login that may not insert into the records. The roles are
NOLOGIN templates shared by the whole server; they are created only if the
role running the migration may create roles (a superuser or CREATEROLE), and
granted whatever exists. Default privileges carry the grants over to tables
that later revisions create as the same user. SQLite has no roles: nothing here.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

RECORDS = "region, country, partner, agreement, agreement_date, event, table_year, change_log"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user
               AND (rolsuper OR rolcreaterole)) THEN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spbgui_reader') THEN
            CREATE ROLE spbgui_reader NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spbgui_editor') THEN
            CREATE ROLE spbgui_editor NOLOGIN;
        END IF;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spbgui_reader') THEN
        GRANT SELECT ON {RECORDS}, alembic_version TO spbgui_reader;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO spbgui_reader;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spbgui_editor') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON {RECORDS} TO spbgui_editor;
        GRANT SELECT ON alembic_version TO spbgui_editor;
        -- nextval for new rows; setval after rows restored with their own ids
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO spbgui_editor;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public
            GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO spbgui_editor;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public
            GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO spbgui_editor;
    END IF;
END
$$
"""
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # The roles belong to the server and may serve other databases: only this one's grants go.
    op.execute(
        f"""
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spbgui_reader') THEN
        REVOKE ALL ON {RECORDS}, alembic_version FROM spbgui_reader;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spbgui_editor') THEN
        REVOKE ALL ON {RECORDS}, alembic_version FROM spbgui_editor;
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM spbgui_editor;
    END IF;
END
$$
"""
    )

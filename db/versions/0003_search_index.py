"""A full-text index of names, notes, agreement titles and event texts (SQLite FTS5).

Search must answer as the user types over half a million events: a scan in
Python or a LIKE over every row cannot. The index is one FTS5 table kept in step
by triggers, so every writer (the window, the importer, the CLI, another
program) keeps it right without knowing about it. A row's rowid encodes what it
indexes: ``id * 8 + kind`` (1 region, 2 country, 3 partner, 4 agreement, 5 event).
Text goes in with «ё» folded to «е» (the tokenizer folds case but not «ё»); the
search service folds queries the same way. Other dialects get no index: search
there falls back to LIKE.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# table, kind code, the indexed text as an SQL expression over NEW./OLD. row or a bare row
_SOURCES = (
    ("region", 1, "{r}name || ' ' || {r}note"),
    ("country", 2, "{r}name || ' ' || {r}note"),
    ("partner", 3, "coalesce({r}name, '') || ' ' || {r}note"),
    ("agreement", 4, "{r}title || ' ' || {r}note"),
    ("event", 5, "{r}text"),
)
_COLUMNS = {
    "region": "name, note",
    "country": "name, note",
    "partner": "name, note",
    "agreement": "title, note",
    "event": "text",
}


def _fold(expr: str) -> str:
    return f"replace(replace({expr}, 'ё', 'е'), 'Ё', 'Е')"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for table, kind, text in _SOURCES:
        new, old = text.format(r="NEW."), text.format(r="")
        op.execute(
            f"INSERT INTO search_index (rowid, body) "
            f"SELECT id * 8 + {kind}, {_fold(old)} FROM {table}"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO search_index (rowid, body) VALUES (NEW.id * 8 + {kind}, {_fold(new)}); "
            "END"
        )
        # Delete and insert rather than UPDATE: correct even if an id were ever changed.
        op.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF id, {_COLUMNS[table]} "
            f"ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {kind}; "
            f"INSERT INTO search_index (rowid, body) VALUES (NEW.id * 8 + {kind}, {_fold(new)}); "
            "END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {kind}; "
            "END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, _kind, _text in _SOURCES:
        for what in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{what}")
    op.execute("DROP TABLE IF EXISTS search_index")

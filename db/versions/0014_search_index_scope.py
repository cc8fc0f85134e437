"""The full-text index says which year each event is of, so a search reads only that year.

Search as you type looks for a query's words among one year's events (and every
name, note and agreement). The index of revision 0003 knew nothing of years: a
common prefix such as «па» matched 216,000 of 500,000 events, every one of which
was then looked up in the event table only to find it was of another year, and
that lookup was most of the time a keystroke took. A second column, ``scope``,
now holds ``y2024`` for an event of 2024 and ``n`` for a named record (region,
country, partner, agreement); the query ``body : (…) AND scope : "y2024"`` makes
FTS5 itself intersect the lists, and only the year's matches (a fifth) are
resolved. The prefix indexes now include one letter as well as two and three:
typing a space and the first letter of the next word («визит д») made FTS5 merge
every term beginning with that letter, on each keystroke; the index grows by about
a fifth. The body text, its folding and the rowids (``id * 8 + kind``) are as
before, so the same records match. Issue 17.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# table, kind code, the indexed text over NEW./OLD. row or a bare row, its scope, the
# columns whose change re-indexes the row
_SOURCES = (
    ("region", 1, "{r}name || ' ' || {r}note", "'n'", "id, name, note"),
    ("country", 2, "{r}name || ' ' || {r}note", "'n'", "id, name, note"),
    ("partner", 3, "coalesce({r}name, '') || ' ' || {r}note", "'n'", "id, name, note"),
    ("agreement", 4, "{r}title || ' ' || {r}note", "'n'", "id, title, note"),
    ("event", 5, "{r}text", "'y' || {r}year", "id, text, year"),
)
_OLD_COLUMNS = {
    "region": "id, name, note",
    "country": "id, name, note",
    "partner": "id, name, note",
    "agreement": "id, title, note",
    "event": "id, text",
}
_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = "


def _options(scoped: bool) -> str:
    return _OPTIONS + ("'1 2 3'" if scoped else "'2 3'")


def _fold(expr: str) -> str:
    return f"replace(replace({expr}, 'ё', 'е'), 'Ё', 'Е')"


def _drop() -> None:
    for table, *_ in _SOURCES:
        for what in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{what}")
    op.execute("DROP TABLE IF EXISTS search_index")


def _build(scoped: bool) -> None:
    columns = "body, scope" if scoped else "body"
    target = f"search_index (rowid, {columns})"
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({columns}, {_options(scoped)})")
    for table, kind, text, scope, watched in _SOURCES:

        def values(r: str, text: str = text, scope: str = scope) -> str:
            body = _fold(text.format(r=r))
            return f"{body}, {scope.format(r=r)}" if scoped else body

        op.execute(f"INSERT INTO {target} SELECT id * 8 + {kind}, {values('')} FROM {table}")
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {target} VALUES (NEW.id * 8 + {kind}, {values('NEW.')}); "
            "END"
        )
        # Delete and insert rather than UPDATE: correct even if an id were ever changed.
        op.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF "
            f"{watched if scoped else _OLD_COLUMNS[table]} ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {kind}; "
            f"INSERT INTO {target} VALUES (NEW.id * 8 + {kind}, {values('NEW.')}); "
            "END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {kind}; "
            "END"
        )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    _build(scoped=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _drop()
    _build(scoped=False)

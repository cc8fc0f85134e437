"""Every feature the same on both backends: the migrations, the tree and search on PostgreSQL.

The 2024 table goes into a new SQLite file and a new PostgreSQL database; the
navigation tree and search must then answer alike (search uses SQLite's FTS5
index there and LIKE on the server). The migrations must match the models on
PostgreSQL as they do on SQLite, and go down and up again.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from spbgui.io.xlsx.read import read_table
from spbgui.services import records, search, tree
from spbgui.services.importer import import_table
from spbgui.store import migrate
from spbgui.store.models import Base, is_model_object


def test_migrations_match_the_models_and_go_down_and_up_on_postgresql(pg_db) -> None:  # type: ignore[no-untyped-def]
    assert migrate.current_revision(pg_db.engine) == migrate.head_revision()
    with pg_db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": is_model_object})
        assert compare_metadata(context, Base.metadata) == []
    for target in ("base", "head"):
        with pg_db.engine.begin() as conn:
            cfg = migrate.alembic_config()
            cfg.attributes["connection"] = conn
            (command.downgrade if target == "base" else command.upgrade)(cfg, target)
    assert migrate.current_revision(pg_db.engine) == migrate.head_revision()


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):  # type: ignore[no-untyped-def]
    return read_table(fixture_xlsx)


def test_tree_and_search_answer_alike_on_both_backends(db, pg_db, table_2024) -> None:  # type: ignore[no-untyped-def]
    for database in (db, pg_db):
        import_table(db=database, table=table_2024)
    for year in (2024, 2025):
        regions = tree.regions(db=db, year=year)
        assert tree.regions(db=pg_db, year=year) == regions
        for r in regions:
            assert tree.countries(db=pg_db, region_id=r.ref.id, year=year) == tree.countries(
                db=db, region_id=r.ref.id, year=year
            )
    for query in ("Хошимин", "вьетнам", "фестиваль", "Соглашение о", "ёлка", "zzz"):
        assert search.search(db=pg_db, query=query, year=2024) == search.search(
            db=db, query=query, year=2024
        ), query


def _random_queries(db, n: int, seed: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Queries a person might type, and some a person would not: prefixes of real words in
    any case, «е» for «ё», words glued with «_», «%», «-», and LIKE's own wildcards alone."""
    import random
    import re

    dump = records.dump(db=db)
    text = json.dumps(dump, ensure_ascii=False)
    vocab = sorted(set(re.findall(r"[^\W\d_]{2,}", text)))
    rng = random.Random(seed)
    out = ["__", "_", "%", "%%", "_%_", "a_b", "%а%", "е_", "о%", "\\", "ё", "Ё", "ЁЛКА"]
    while len(out) < n:
        words = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            w = rng.choice(vocab)
            w = w[: rng.randint(1, len(w))]
            if rng.random() < 0.3:
                w = w.upper()
            if rng.random() < 0.2:
                w = w.replace("е", "ё")
            if rng.random() < 0.15:
                w = (
                    w[: len(w) // 2]
                    + rng.choice(("_", "%", "-", "__", "'", "№"))
                    + w[len(w) // 2 :]
                )
            words.append(w)
        out.append(" ".join(words))
    return out


def test_random_queries_answer_alike_on_both_backends(db, pg_db, table_2024) -> None:  # type: ignore[no-untyped-def]
    for database in (db, pg_db):
        import_table(db=database, table=table_2024)
        import_table(db=database, table=dataclasses.replace(table_2024, year=2023))
    queries = _random_queries(db, 300, seed=13)
    differ = []
    for query in queries:
        for year in (2024, None):
            if search.search(db=pg_db, query=query, year=year) != search.search(
                db=db, query=query, year=year
            ):
                differ.append((query, year))
    assert differ == [], f"{len(differ)} of {2 * len(queries)} differ: {differ[:10]}"
    # Not a vacuous comparison: many queries do find something.
    found = sum(not search.search(db=db, query=q, year=None).is_empty for q in queries)
    assert found > len(queries) // 3

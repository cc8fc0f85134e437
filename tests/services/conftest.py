"""Every service test runs on both backends: a SQLite file and a PostgreSQL database.

The same answers are expected of both (issue 13). A test that is about SQLite alone (its
files, its locks, its full-text index) asks for ``sqlite_db`` instead. Without a PostgreSQL
server the PostgreSQL half is skipped on a developer's machine and fails under CI
(tests/pg_server.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spbgui.store.database import Database, open_database


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = open_database(db_path)
    else:
        database = open_database(request.getfixturevalue("pg_url"))
    yield database
    database.close()


@pytest.fixture
def sqlite_db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()

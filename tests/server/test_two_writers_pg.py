"""Two writers on one PostgreSQL database at once: the checks that guard a write hold under the
write transaction's lock, so a race never stores twice or loses anything without a trace."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from spbgui.errors import UserError
from spbgui.io.xlsx_read import read_table
from spbgui.services import records
from spbgui.services.importer import YearHasEvents, import_table
from spbgui.store.database import open_database


@pytest.fixture(scope="module")
def table_2024(fixture_xlsx: Path):  # type: ignore[no-untyped-def]
    return read_table(fixture_xlsx)


def _together(*calls):  # type: ignore[no-untyped-def]
    """Run the calls in threads released at the same moment; their results or exceptions."""
    barrier = threading.Barrier(len(calls))
    out: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            out[i] = calls[i]()
        except BaseException as exc:
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


@pytest.mark.parametrize("trial", range(3))
def test_two_imports_on_two_connections_store_the_year_once(
    pg_url: str, table_2024, trial: int
) -> None:  # type: ignore[no-untyped-def]
    open_database(pg_url).close()  # the schema, made once
    a, b = open_database(pg_url), open_database(pg_url)
    try:
        results = _together(
            lambda: import_table(db=a, table=table_2024),
            lambda: import_table(db=b, table=table_2024),
        )
        refused = [r for r in results if isinstance(r, BaseException)]
        assert len(refused) == 1, results
        assert isinstance(refused[0], YearHasEvents) and isinstance(refused[0], UserError)
        assert records.counts(db=a, year=2024).events == 96
    finally:
        a.close()
        b.close()

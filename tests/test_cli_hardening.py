"""spbgui-cli refuses what cannot be right in one plain line, and never prints a password."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.safety.helpers import cli, cli_args

SECRET = "Sup3rSecret"


def _plain(r: subprocess.CompletedProcess[str]) -> None:
    for word in ("Traceback", "непредвиденная", "invalid literal"):
        assert word not in r.stderr, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["import", "x.xlsx", "--year", "20244"],
        ["import", "x.xlsx", "--year", "99999999999999999999"],
        ["import", "x.xlsx", "--year", "-5"],
        ["import", "x.xlsx", "--max-mb", "nan"],
        ["import", "x.xlsx", "--max-mb", "inf"],
        ["import", "x.xlsx", "--max-mb", "-1"],
        ["import", "x.xlsx", "--max-cells", "0"],
        ["info", "--year", "99999999999999999999"],
        ["dump", "--year", "20244"],
        ["export", "-o", "x.xlsx", "--year", "99999999999999999999"],
        ["report", "-o", "x.pdf", "--year", "20244"],
    ],
)
def test_impossible_numbers_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    r = subprocess.run(cli_args(*args), capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 2, r.stderr
    _plain(r)
    assert list(tmp_path.iterdir()) == []  # nothing opened, nothing created


def test_a_table_year_out_of_range_is_refused_by_the_service(tmp_path: Path, fixture_xlsx) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from spbgui.errors import UserError
    from spbgui.io.xlsx.read import read_table
    from spbgui.services.importer import import_table
    from spbgui.store.database import open_database

    table = dataclasses.replace(read_table(fixture_xlsx), year=20244)
    db = open_database(tmp_path / "x.sqlite")
    try:
        with pytest.raises(UserError, match="от 1900 до 2100"):
            import_table(db=db, table=table)
    finally:
        db.close()


@pytest.mark.parametrize(
    "url",
    [
        f"postgres://clerk:{SECRET}@db.example/records",
        f"nosuchdb://clerk:{SECRET}@db.example/records",
        f"postgresql+psycopg://clerk:{SECRET}@db.example:abc/records",
        f"postgresql+psycopg://clerk:{SECRET}@db.example:99999999/records",
    ],
)
def test_a_bad_address_never_prints_the_password(url: str) -> None:
    r = cli("info", "--db", url, timeout=60)
    assert r.returncode == 1
    assert SECRET not in r.stderr + r.stdout
    _plain(r)
    assert "clerk:***@" in r.stderr


def test_dump_into_a_closed_pipe_is_not_an_error(tmp_path: Path, fixture_xlsx: Path) -> None:
    import dataclasses

    from spbgui.io.xlsx.read import read_table
    from spbgui.services.importer import import_table
    from spbgui.store.database import open_database

    db = tmp_path / "x.sqlite"
    table = read_table(fixture_xlsx)
    opened = open_database(db)
    for year in range(2015, 2025):  # more than a pipe holds (64 KB)
        import_table(db=opened, table=dataclasses.replace(table, year=year))
    opened.close()
    proc = subprocess.Popen(
        cli_args("dump", "--db", str(db)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)  # «| head -c 10»: read a little, then go away
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert err == ""

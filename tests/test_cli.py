"""spbgui-cli as a user runs it: a separate process, its exit code and what it prints."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from spbgui import __version__
from spbgui.store.database import open_database


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spbgui.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def assert_refused(r: subprocess.CompletedProcess[str], code: int, words: str) -> None:
    assert r.returncode == code, r
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert words in lines[0]


def test_version() -> None:
    r = cli("--version")
    assert r.returncode == 0
    assert __version__ in r.stdout


def test_import_creates_a_database_and_info_reads_it(tmp_path: Path, fixture_xlsx: Path) -> None:
    path = tmp_path / "new.sqlite"
    # a command that only reads refuses a file that is not there (a mistyped path
    # must not become a new empty database whose zero counts look like an answer)
    for command in (["info"], ["dump", "--json"], ["stats", "--years", "2024"]):
        assert_refused(cli(*command, "--db", str(path)), 1, "spbgui-cli import")
        assert not path.exists()
    r = cli("import", str(fixture_xlsx), "--db", str(path), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert not path.exists()  # a dry run into a new file writes nothing, not even the file
    r = cli("import", str(fixture_xlsx), "--db", str(path))
    assert r.returncode == 0, r.stderr
    r = cli("info", "--db", str(path))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["counts"] == {
        "regions": 5,
        "countries": 26,
        "partners": 37,
        "agreements": 41,
        "events": 96,
        "dated_events": 89,
    }


def test_dump_of_an_empty_database(tmp_path: Path) -> None:
    open_database(tmp_path / "x.sqlite").close()
    r = cli("dump", "--db", str(tmp_path / "x.sqlite"), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["regions"] == [] and data["counts"]["events"] == 0


def test_bad_path(tmp_path: Path) -> None:
    assert_refused(
        cli("info", "--db", str(tmp_path / "no" / "such" / "x.sqlite")), 1, "Проверьте путь"
    )


def test_bad_url() -> None:
    assert_refused(cli("info", "--db", "nosuchdb://user@host/x"), 1, "адрес")


def test_not_a_database(tmp_path: Path) -> None:
    f = tmp_path / "letter.sqlite"
    f.write_text("Уважаемые коллеги!", encoding="utf-8")
    assert_refused(cli("dump", "--db", str(f), "--json"), 1, "не база данных")


def test_database_newer_than_the_program(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path).close()  # a new database, made and migrated
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'abcdef999999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert_refused(cli("info", "--db", str(path)), 1, "более новой версией")
    assert path.read_bytes() == before


@pytest.mark.parametrize("args", [("frobnicate",), ("info", "--year", "два"), ()])
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    assert_refused(cli(*args), 2, "неверная команда")


def test_native_crashes_are_written_to_the_crash_log(tmp_path: Path) -> None:
    import os

    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    code = (
        "import faulthandler, sys; from spbgui.errors import enable_crash_log; "
        "p = enable_crash_log(); print(p); sys.stdout.flush(); faulthandler._sigsegv()"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode != 0
    log = Path(r.stdout.strip())
    assert log.is_relative_to(tmp_path) and "Fatal Python error" in log.read_text()


def test_a_command_that_only_reads_leaves_an_empty_file_empty(tmp_path: Path) -> None:
    """SQLite takes an empty file for an empty database: opening it made its tables, so
    ``info`` turned any empty file (a mistyped name of a new document) into a database."""
    empty = tmp_path / "пусто.sqlite"
    empty.touch()
    for command in (["info"], ["dump", "--json"], ["stats", "--years", "2024"]):
        assert_refused(cli(*command, "--db", str(empty)), 1, "пуст (0 байт)")
        assert empty.stat().st_size == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == [empty.name]

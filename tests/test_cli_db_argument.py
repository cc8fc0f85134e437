"""``--db`` given but empty (``--db "$DB"`` with DB unset in a script) is a usage error:
it must not quietly read, or create, the user's own database and answer with its counts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from spbgui.paths import default_database
from tests.safety.helpers import cli_args


@pytest.mark.parametrize(
    "args",
    [
        ["info", "--db", ""],
        ["dump", "--json", "--db", "  "],
        ["stats", "--db", ""],
        ["export", "-o", "out.xlsx", "--db", ""],
        ["import", "table.xlsx", "--db", ""],
    ],
)
def test_an_empty_db_is_refused_before_anything_is_opened(tmp_path: Path, args) -> None:
    own = default_database()
    existed = own.exists()
    r = subprocess.run(cli_args(*args), capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert r.stdout == ""
    (line,) = r.stderr.strip().splitlines()
    assert "--db" in line and "пуст" in line, line
    assert own.exists() == existed  # the user's own database was not made


def test_a_server_that_does_not_answer_is_one_line(tmp_path: Path) -> None:
    # (psycopg's own message has a second, indented line: «Is the server running…»)
    address = "postgresql+psycopg://clerk@127.0.0.1:1/spbgui"
    r = subprocess.run(
        cli_args("info", "--db", address), capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert r.returncode == 1, r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("spbgui-cli: ") and "127.0.0.1" in line
    assert "Traceback" not in line


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_path_that_is_no_file_is_refused_as_such(tmp_path: Path, kind: str) -> None:
    """A named pipe or a device (/dev/null) is not «a new, empty database» to migrate into
    (which ended in «disk full» or «disk I/O error»)."""
    import os

    if kind == "fifo":
        target = tmp_path / "pipe.sqlite"
        os.mkfifo(target)
    else:
        target = Path(os.devnull)
    r = subprocess.run(
        cli_args("info", "--db", str(target)), capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 1, r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert "не файл базы данных" in line, line
    assert "диске" not in line and "disk" not in line


def test_output_to_a_full_disk_is_said_plainly(tmp_path: Path) -> None:
    """``dump > file`` on a full disk: a plain line, not an «unexpected error» with a log."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    db = tmp_path / "records.sqlite"
    table = Path(__file__).parent / "data" / "cooperation_2024.xlsx"
    subprocess.run(
        cli_args("import", str(table), "--db", str(db)),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    for command in (["dump", "--json"], ["info"]):
        with open("/dev/full", "w") as full:
            r = subprocess.run(
                cli_args(*command, "--db", str(db)),
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
        assert r.returncode == 1, r.stderr
        (line,) = r.stderr.strip().splitlines()
        assert "не хватает места" in line and "непредвиденная" not in line, line

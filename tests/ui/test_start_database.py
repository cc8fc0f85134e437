"""The database the program starts on, and a start that does not end before it began.

The window opens the last database used; when that file can no longer be opened
(damaged with no sound copy, replaced by another program's file, written by a
newer version) the clerk is told why, and the program still starts, on the
default database, so that File → Open and Open Recent can reach another one.
"""

from __future__ import annotations

from pathlib import Path

from spbgui.ui import settings
from tests.ui.startup import run_main


def test_a_last_database_that_cannot_be_opened_still_lets_the_program_start(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = tmp_path / "data" / "spbgui" / "spbgui.sqlite"
    last = tmp_path / "Отдел #2" / "партнёры.sqlite"
    last.parent.mkdir()
    last.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000)  # damaged
    settings.LAST_DATABASE.set(str(last))

    started = run_main(qapp, monkeypatch, [])

    assert messages and "партнёры.sqlite" in messages[0]  # said why, in words
    assert started.code == 0 and started.database, "the program ended without its window"
    assert started.database == str(default)
    assert "партнёры.sqlite" in started.notes  # the window says which file it could not open
    assert "Файл → Открыть базу данных…" in started.notes  # and what to do
    assert last.read_bytes()[:16] == b"SQLite format 3\x00"  # the file is left as it was


def test_a_database_named_on_the_command_line_that_cannot_be_opened_ends_the_start(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = tmp_path / "data" / "spbgui" / "spbgui.sqlite"
    named = tmp_path / "notes.sqlite"
    named.write_text("not a database")

    started = run_main(qapp, monkeypatch, ["--db", str(named)], answers=[])

    assert (
        started.code == 1 and not started.database and messages
    )  # what was asked for cannot be done
    assert not default.exists()

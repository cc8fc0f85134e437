"""The program started on an office PC that is not as it should be.

The data folder cannot be made (a file in its way, a read-only folder, no home
folder known), the last database is on a network disk that is not connected or
has a name no disk can hold, the settings or the log cannot be written. Each
start ends in one Russian message that says what is wrong and what to do, and
the program still starts where it can: never the unexpected-error dialog, never
a traceback on the terminal. Every dialog of these starts is answered
(tests/ui/startup.py closes, and fails on, one left waiting).
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from spbgui import errors
from spbgui.services.databases import open_records
from spbgui.ui import error_dialog, settings
from spbgui.ui.error_dialog import ErrorDialog
from tests.ui import gestures
from tests.ui.gestures import Answers, escape
from tests.ui.startup import run_main

REAL_ERROR_DIALOG = ErrorDialog.__dict__["show_unexpected"]  # before conftest replaces it


class Asked:
    """Answers a dialog with a button, after noting what it said."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def press(self, button: str):
        def answer(dialog: QWidget) -> None:
            self.said.append(
                " | ".join([dialog.windowTitle()] + [x.text() for x in dialog.findChildren(QLabel)])
            )
            gestures.click(gestures.button(dialog, button))

        return answer


def _a_file_in_the_way(tmp_path: Path) -> Path:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    return blocker


def _read_only_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    path.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    return path


@pytest.fixture(autouse=True)
def _folders_writable_again(tmp_path: Path):
    """pytest must be able to remove the read-only folders a test made."""
    yield
    for folder in tmp_path.rglob("*"):
        if folder.is_dir():
            folder.chmod(0o755)


def _no_error_at_all(messages: list[str]) -> None:
    assert not any("Непредвиденная" in m or "Traceback" in m for m in messages), messages


def test_a_data_folder_below_a_file_is_said_and_a_database_is_created_elsewhere(
    qapp, tmp_path: Path, monkeypatch, messages, capfd
) -> None:
    blocker = _a_file_in_the_way(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    chosen = tmp_path / "Мои документы #1" / "партнёры 2026"
    chosen.parent.mkdir()
    asked = Asked()

    started = run_main(
        qapp,
        monkeypatch,
        [],
        [asked.press("createDatabaseButton"), gestures.choose_file(chosen), escape],
    )

    (said,) = asked.said
    assert "not-a-folder" in said and "это файл, а не папка" in said  # what is wrong
    assert "XDG_DATA_HOME" in said  # where it is set
    assert started.code == 0 and started.database == str(chosen) + ".sqlite"
    assert settings.LAST_DATABASE.get() == started.database  # the next start opens it
    assert blocker.read_text() == "a file where a folder should be"
    _no_error_at_all(messages)
    assert "Traceback" not in capfd.readouterr().err


def test_a_data_folder_in_a_read_only_folder_is_said_and_another_database_is_opened(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    locked = _read_only_folder(tmp_path / "locked")
    monkeypatch.setenv("XDG_DATA_HOME", str(locked / "data"))
    theirs = tmp_path / "Общая папка" / "партнёры.sqlite"
    theirs.parent.mkdir()
    open_records(theirs).close()
    asked = Asked()

    started = run_main(
        qapp,
        monkeypatch,
        [],
        [asked.press("openDatabaseButton"), gestures.choose_file(theirs), escape],
    )

    assert "нельзя записывать" in asked.said[0] and str(locked) in asked.said[0]
    assert started.code == 0 and started.database == str(theirs)
    assert not (locked / "data").exists()
    _no_error_at_all(messages)


def test_quitting_at_the_question_ends_the_start_and_makes_nothing(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    blocker = _a_file_in_the_way(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "data"))
    before = sorted(tmp_path.rglob("*"))

    started = run_main(qapp, monkeypatch, [], [gestures.press_button("quitButton")])

    assert started.code == 1 and started.database is None
    assert sorted(tmp_path.rglob("*")) == before
    _no_error_at_all(messages)


def test_a_file_dialog_closed_asks_the_question_again(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(_a_file_in_the_way(tmp_path) / "data"))
    asked = Asked()

    started = run_main(
        qapp,
        monkeypatch,
        [],
        [asked.press("openDatabaseButton"), escape, asked.press("quitButton")],
    )

    assert len(asked.said) == 2 and started.code == 1


def test_no_home_folder_known_is_said_in_words(
    qapp, tmp_path: Path, monkeypatch, messages, capfd
) -> None:
    """HOME unset and the account unknown to the system (its directory server did not
    answer): the folders cannot even be named."""
    for var in ("HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.delenv(var, raising=False)

    def unknown(uid: int):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", unknown)
    theirs = tmp_path / "партнёры.sqlite"
    open_records(theirs).close()
    asked = Asked()

    started = run_main(
        qapp,
        monkeypatch,
        [],
        [asked.press("openDatabaseButton"), gestures.choose_file(theirs), escape],
    )

    assert "домашнюю папку" in asked.said[0] and "HOME" in asked.said[0]
    assert started.code == 0 and started.database == str(theirs)
    _no_error_at_all(messages)
    assert "Traceback" not in capfd.readouterr().err


def test_a_home_folder_that_is_gone_is_not_made_anew(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    """A roaming profile on a network disk that is not connected: its folder is not made
    on the local disk, out of nothing."""
    home = tmp_path / "profiles" / "ivanova"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME")
    asked = Asked()

    started = run_main(qapp, monkeypatch, [], [asked.press("quitButton")])

    assert str(home) in asked.said[0] and "домашней папки" in asked.said[0]
    assert started.code == 1 and not home.exists()


def test_the_own_database_in_a_read_only_folder_offers_another(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    """The data folder is there but cannot be written: no database can be made in it."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _read_only_folder(tmp_path / "data" / "spbgui")
    chosen = tmp_path / "new.sqlite"
    asked = Asked()

    started = run_main(
        qapp,
        monkeypatch,
        [],
        [asked.press("createDatabaseButton"), gestures.choose_file(chosen), escape],
    )

    assert messages and "нельзя записывать" in messages[0]  # why, from the store
    assert "spbgui.sqlite" in asked.said[0]  # which database could not be had
    assert started.code == 0 and started.database == str(chosen)


def test_the_own_database_in_a_read_only_folder_opens_read_only_and_says_so(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    """Edits cannot be saved there: the window must not take them as if they were."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    own = tmp_path / "data" / "spbgui" / "spbgui.sqlite"
    own.parent.mkdir(parents=True)
    open_records(own).close()
    own.parent.chmod(0o555)

    started = run_main(qapp, monkeypatch, [], [])  # (no first-start offer: it is read-only)

    assert started.code == 0 and started.database == str(own)
    assert "только для чтения" in started.notes and "нельзя записывать" in started.notes


def test_the_last_database_on_a_disconnected_disk_is_said_not_made_anew(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    share = tmp_path / "mnt" / "Общий диск отдела"  # not connected: the folder is not there
    last = share / "Отдел #2" / "база данных.sqlite"
    settings.LAST_DATABASE.set(str(last))

    started = run_main(qapp, monkeypatch, [])

    assert len(messages) == 1, messages
    assert str(last) in messages[0] and "не подключён" in messages[0]  # before any typing
    assert started.code == 0
    assert started.database == str(tmp_path / "data" / "spbgui" / "spbgui.sqlite")
    assert str(last) in started.notes  # and the window keeps saying which one is open
    assert not share.exists()
    _no_error_at_all(messages)


def test_the_last_database_with_a_name_no_disk_holds_still_starts(
    qapp, tmp_path: Path, monkeypatch, messages, capfd
) -> None:
    """A damaged or hand-edited settings file: «File name too long» ended every start in
    the unexpected-error dialog."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings.LAST_DATABASE.set(str(tmp_path / ("Отдел внешних связей " * 12) / "база.sqlite"))

    started = run_main(qapp, monkeypatch, [])

    assert len(messages) == 1 and "слишком длинное" in messages[0], messages
    assert started.code == 0 and started.database is not None
    _no_error_at_all(messages)
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.parametrize(
    "name",
    [
        "Отдел #2 (копия)/база 100% #1.sqlite",
        "a b/c?d=e&f.sqlite",
        "Ёлки/" + "очень длинное имя базы " * 5 + ".sqlite",
    ],
)
def test_a_last_database_with_odd_characters_is_opened(
    qapp, tmp_path: Path, monkeypatch, messages, name: str
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    last = tmp_path / name
    last.parent.mkdir()
    open_records(last).close()
    settings.LAST_DATABASE.set(str(last))

    started = run_main(qapp, monkeypatch, [], [escape])

    assert messages == [] and started.database == str(last)


@pytest.fixture
def settings_file_below_a_file(tmp_path: Path):
    """QSettings pointed below a regular file (a damaged profile), for this test only."""
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    home = os.environ["XDG_CONFIG_HOME"]  # tests/conftest.py's private one
    QSettings.setPath(fmt, scope, str(_a_file_in_the_way(tmp_path) / "config"))
    yield
    QSettings.setPath(fmt, scope, home)


def test_settings_that_cannot_be_saved_are_said_in_the_window(
    qapp, tmp_path: Path, monkeypatch, messages, settings_file_below_a_file
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    started = run_main(qapp, monkeypatch, [])

    assert started.code == 0 and started.database is not None
    assert "Настройки программы не сохраняются" in started.notes
    assert "not-a-folder" in started.notes  # which file
    _no_error_at_all(messages)


@pytest.fixture
def fresh_log(monkeypatch):
    """The log found again, for a test that changes where it may go."""
    import logging

    monkeypatch.setattr(errors, "_log", None)
    monkeypatch.setattr(errors, "_log_written", None)
    monkeypatch.setattr(errors, "_folder", [])
    log = logging.getLogger("spbgui")
    handlers = list(log.handlers)
    yield
    for handler in log.handlers:
        if handler not in handlers:
            handler.close()
    log.handlers[:] = handlers


def _error_in_a_slot(window, monkeypatch) -> list[str]:
    """Raise in a button's slot, with the real error dialog; what it said."""
    monkeypatch.setattr(ErrorDialog, "show_unexpected", REAL_ERROR_DIALOG)
    monkeypatch.setattr(error_dialog, "_last_shown", {})  # (the same error is shown once a minute)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_excepthook()

    def broken() -> None:
        raise ZeroDivisionError("деление на ноль в обработчике")

    said: list[str] = []

    def read_and_close(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        said.append(dialog.informativeText())
        said.extend(b.text() for b in dialog.buttons())
        dialog.accept()

    answers = Answers().expect(read_and_close)
    button = QPushButton("x", window)
    button.clicked.connect(broken)
    button.click()
    answers.stop()
    return said


@pytest.mark.qt_no_exception_capture
def test_a_log_folder_that_cannot_be_made_writes_the_log_elsewhere(
    window, russian, tmp_path: Path, monkeypatch, fresh_log, capfd
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(_a_file_in_the_way(tmp_path) / "state"))
    elsewhere = tmp_path / "temporary-log"
    monkeypatch.setattr(errors, "_temporary_log_folder", lambda: elsewhere)

    said = _error_in_a_slot(window, monkeypatch)

    log = elsewhere / "spbgui.log"
    assert str(log) in said[0]  # the dialog names the file the details are in
    assert "ZeroDivisionError" in log.read_text("utf-8")
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.qt_no_exception_capture
def test_no_log_at_all_is_said_and_not_sent_looking_for(
    window, russian, tmp_path: Path, monkeypatch, fresh_log, capfd
) -> None:
    blocker = _a_file_in_the_way(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker / "state"))
    monkeypatch.setattr(errors, "_temporary_log_folder", lambda: blocker / "tmp")

    said = _error_in_a_slot(window, monkeypatch)

    assert "не удалось записать" in said[0] and "Скопировать подробности" in said[0]
    assert "Открыть папку журнала" not in said  # there is no folder to open
    assert "Traceback" not in capfd.readouterr().err
    # The window goes on working after it.
    assert window.editor.add_region("После ошибки") is not None


def test_a_log_that_cannot_be_rotated_prints_nothing_on_the_terminal(
    tmp_path: Path, monkeypatch, fresh_log, capfd
) -> None:
    """A full log whose oldest copy cannot be removed (a folder in its place): logging printed
    its own «--- Logging error ---» traceback on the terminal."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "state" / "spbgui" / "log"
    folder.mkdir(parents=True)
    (folder / "spbgui.log").write_text("x" * 1_100_000)
    (folder / "spbgui.log.4").write_text("an older log")
    (folder / "spbgui.log.5").mkdir()  # the oldest copy cannot be removed to make room
    (folder / "spbgui.log.5" / "kept").write_text("in the way")

    try:
        raise ValueError("проверка журнала")
    except ValueError as exc:
        errors.log_unexpected(exc)

    err = capfd.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err


@pytest.mark.qt_no_exception_capture
def test_open_recent_with_a_folder_name_no_disk_holds_says_so(
    window, tmp_path: Path, monkeypatch, messages
) -> None:
    """The recent list comes from the settings file, which a clerk or another version may
    have left with anything in it: «File name too long» came out of the menu's slot."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install_excepthook()  # as the program runs: a raise is the error dialog
    far = tmp_path / ("Сетевой диск отдела внешних связей " * 6) / "база.sqlite"
    settings.RECENT_DATABASES.set([str(far)])
    here = window.db.path

    window.files.fill_recent_menu(window.recent_menu)
    window.recent_menu.actions()[0].trigger()

    assert len(messages) == 1 and "слишком длинное" in messages[0], messages
    assert "Файл → Открыть базу данных…" in messages[0]  # what to do instead
    assert window.db.path == here


@pytest.mark.qt_no_exception_capture
def test_a_log_file_that_cannot_be_written_goes_elsewhere(
    window, russian, tmp_path: Path, monkeypatch, fresh_log
) -> None:
    """The folder is there, the log file in it is not a file that can be written."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    (tmp_path / "state" / "spbgui" / "log" / "spbgui.log").mkdir(parents=True)
    elsewhere = tmp_path / "temporary-log"
    monkeypatch.setattr(errors, "_temporary_log_folder", lambda: elsewhere)

    said = _error_in_a_slot(window, monkeypatch)

    assert str(elsewhere / "spbgui.log") in said[0]
    assert "ZeroDivisionError" in (elsewhere / "spbgui.log").read_text("utf-8")


def test_an_address_in_place_of_the_last_database_is_not_connected_to(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    """Only files are remembered as the last database: an address found there (a settings
    file edited by hand) is a file name that is not there, not a server to call at start."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    settings.LAST_DATABASE.set("postgresql+psycopg://clerk@127.0.0.1:1/spbgui")
    from spbgui.store import database

    def no_server(*args, **kwargs):
        raise AssertionError("a server was called at start")

    monkeypatch.setattr(database, "_open_server", no_server)

    started = run_main(qapp, monkeypatch, [])

    assert started.code == 0
    assert started.database == str(tmp_path / "data" / "spbgui" / "spbgui.sqlite")
    assert len(messages) == 1 and "не найден" in messages[0]


@pytest.mark.parametrize("number", ["99999999999999999999999", "-99999999999999999999999"])
def test_a_damaged_place_in_the_settings_is_forgotten(
    qapp, tmp_path: Path, monkeypatch, messages, _sample_file: Path, number: str
) -> None:
    """Where the clerk left off is kept in the settings file as «partner:17»: a number
    no database holds ended the start in the unexpected-error dialog."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    own = tmp_path / "data" / "spbgui" / "spbgui.sqlite"
    own.parent.mkdir(parents=True)
    shutil.copyfile(_sample_file, own)
    settings.PLACE_DATABASE.set(str(own))
    settings.PLACE_SELECTED.set(f"partner:{number}")
    settings.PLACE_EXPANDED.set(["region:1", f"country:{number}"])

    started = run_main(qapp, monkeypatch, [], [])

    assert started.code == 0 and started.database == str(own)
    _no_error_at_all(messages)
    assert messages == []


def test_a_data_folder_linked_to_a_disk_not_connected_is_said_in_russian(
    qapp, tmp_path: Path, monkeypatch, messages
) -> None:
    """The data folder a link to a network disk that is not connected: the system's own
    English «File exists» was the reason given."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "spbgui").symlink_to(tmp_path / "mnt" / "share" / "spbgui")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    asked = Asked()

    started = run_main(qapp, monkeypatch, [], [asked.press("quitButton")])

    assert "ссылка" in asked.said[0] and str(tmp_path / "mnt" / "share") in asked.said[0]
    assert "File exists" not in asked.said[0]
    assert started.code == 1 and not (tmp_path / "mnt").exists()


@pytest.fixture
def damaged_settings_file(tmp_path: Path):
    """The settings file overwritten with bytes of no meaning (a disk fault, a bad copy)."""
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    home = os.environ["XDG_CONFIG_HOME"]
    QSettings.setPath(fmt, scope, str(tmp_path / "config"))
    name = Path(QSettings().fileName())
    name.parent.mkdir(parents=True, exist_ok=True)
    name.write_bytes(bytes(range(256)) * 20 + b"files/last=\x00\n[window]\ngeometry=@@@")
    yield name
    QSettings.setPath(fmt, scope, home)


def test_a_damaged_settings_file_still_starts_and_is_written_anew(
    qapp, tmp_path: Path, monkeypatch, messages, damaged_settings_file: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))

    started = run_main(qapp, monkeypatch, [])

    assert started.code == 0 and messages == []
    assert started.database == str(tmp_path / "data" / "spbgui" / "spbgui.sqlite")
    assert settings.LAST_DATABASE.get() == started.database  # the next start finds it

"""The database the window starts on, and what it does when there is none to be had.

The order: the database named on the command line (nothing else if it cannot be
opened: what was asked for is not done), else the last one used, else the
program's own file in the user's data folder. When the last one cannot be opened
(a network disk not connected, a damaged file, a name no disk can hold) the
clerk is told why and the program starts on its own database, saying so in the
window. When that one cannot be had either (its folder cannot be made: a file in
the way, a folder that cannot be written, no home folder known), the clerk is told
in one message what is wrong, and may open or create a database elsewhere instead
of facing a program that ends, or an «unexpected error», at every start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from spbgui.errors import UserError
from spbgui.paths import default_database, made_default_database
from spbgui.services.databases import Database
from spbgui.ui.dialogs import FileDialogs
from spbgui.ui.files import home_folder
from spbgui.ui.recovery import open_with_recovery


class NoDatabaseDialog:
    """No database to start on: open one, create one elsewhere, or quit."""

    OPEN, CREATE, QUIT = "open", "create", "quit"

    @classmethod
    def ask(cls, parent: QWidget | None, why: str) -> str:
        box = QMessageBox(parent)
        box.setObjectName("noDatabaseDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Startup", "No database to start on"))
        box.setText(why)
        box.setInformativeText(
            QCoreApplication.translate(
                "Startup",
                "Open a database you already have, or create a new one in a folder you can "
                "write to (your Documents, for example). Without a database the program "
                "cannot start.",
            )
        )
        open_button = box.addButton(
            QCoreApplication.translate("Startup", "Open a Database…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        create = box.addButton(
            QCoreApplication.translate("Startup", "Create a Database…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        quit_button = box.addButton(
            QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        open_button.setObjectName("openDatabaseButton")
        create.setObjectName("createDatabaseButton")
        quit_button.setObjectName("quitButton")
        box.setDefaultButton(open_button)
        box.exec()
        if box.clickedButton() is open_button:
            return cls.OPEN
        if box.clickedButton() is create:
            return cls.CREATE
        return cls.QUIT


def choose_elsewhere(why: str) -> Database | None:
    """Ask until a database is opened or created, or the clerk quits (None)."""
    while True:
        choice = NoDatabaseDialog.ask(None, why)
        if choice == NoDatabaseDialog.QUIT:
            return None
        if choice == NoDatabaseDialog.OPEN:
            path = FileDialogs.open_database(None, home_folder())
        else:
            path = FileDialogs.new_database(None, home_folder())
        if path is None:
            continue  # the file dialog was closed: the question again
        db = open_with_recovery(None, path, create=choice == NoDatabaseDialog.CREATE)
        if db is not None:
            return db


def _same_file(a: str | Path, b: Path) -> bool:
    try:
        return Path(a).expanduser().resolve() == b.resolve()
    except (OSError, RuntimeError, ValueError):
        return False


def _own_database() -> Database | None:
    """The program's own database, its folder made; else the question what to open."""
    try:
        path = made_default_database()
    except UserError as exc:
        return choose_elsewhere(str(exc))
    db = open_with_recovery(None, path)
    if db is None:  # the clerk was told why (a folder that cannot be written, a damaged file)
        return choose_elsewhere(
            QCoreApplication.translate(
                "Startup",
                "The program's own database “%1” cannot be opened, so the program has no "
                "database to start on.",
            ).replace("%1", str(path))
        )
    return db


def start_database(named: str | None, last: str | None) -> Database | None:
    """The database the window starts on; None when there is none (the clerk was told)."""
    if named:
        return open_with_recovery(None, named)  # a path or a SQLAlchemy URL
    try:
        own = default_database()
    except UserError:
        own = None
    if last and (own is None or not _same_file(last, own)):
        # create=False: a missing file (a network disk not connected) is said to be missing,
        # not made anew, empty, where the clerk expects the year's records.
        # A Path, never an address: a settings file edited by hand or damaged must not
        # send the start to a server (a «postgresql://…» the program never remembered).
        db = open_with_recovery(None, Path(last), create=False)
        if db is not None:
            return db
        db = _own_database()
        if db is not None and own is not None and db.path is not None and _same_file(db.path, own):
            # Ending here would end every start the same way, with no File menu to open
            # another database from: the program starts on its own database and says so.
            db.notes.append(
                QCoreApplication.translate(
                    "Startup",
                    "The last database, “%1”, could not be opened; the program's own database "
                    "is open instead. Open another one with File → Open Database…",
                ).replace("%1", last)
            )
        return db
    return _own_database()

"""The File menu's work: new, open, recent databases, import, the sample table.

Opening a file goes through :func:`spbgui.services.databases.open_records`
(which refuses what is not ours, with a Russian message); the window is told
through :attr:`DatabaseFiles.opened`. Recent files and the last database live
in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from spbgui.errors import UserError
from spbgui.paths import resources_dir
from spbgui.services.changes import ChangeSet
from spbgui.services.databases import Database
from spbgui.ui import settings
from spbgui.ui.dialogs import FileDialogs, MessageDialog
from spbgui.ui.recovery import open_with_recovery

if TYPE_CHECKING:
    from spbgui.services.reading import ParsedTable
    from spbgui.ui.batch_import_dialog import BatchImportDialog

RECENT_MAX = 8
# An empty file of these kinds is taken for a new database (SQLite's own reading of a file
# of no bytes); an empty file of any other kind (a .docx, a .txt) is not made one.
DATABASE_SUFFIXES = {".sqlite", ".sqlite3", ".db"}


def sample_table() -> Path:
    """The 2024 table shipped with the program."""
    return resources_dir() / "sample" / "cooperation_2024.xlsx"


def recent_databases() -> list[str]:
    return settings.RECENT_DATABASES.get()


def remember(path: Path) -> None:
    items = [str(path), *(p for p in recent_databases() if p != str(path))]
    settings.RECENT_DATABASES.set(items[:RECENT_MAX])
    settings.LAST_DATABASE.set(str(path))


def _exists(path: Path) -> bool:
    """Path.exists() that answers for a name too long for the disk (the store says so)."""
    try:
        return path.exists()
    except OSError:
        return False


def _is_empty_file(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def home_folder() -> str:
    """Where a file dialog starts with nothing better: the home folder if there is one (no
    home known, or one on a disk not connected, raised or led nowhere), else the current."""
    try:
        home = Path.home()
        return str(home) if home.is_dir() else ""
    except (RuntimeError, OSError):
        return ""


def last_database() -> str | None:
    return settings.LAST_DATABASE.get() or None


class DatabaseFiles(QObject):
    opened = Signal(object)  # Database
    imported = Signal(object)  # ChangeSet
    written = Signal(object)  # Path of a file the program wrote (Excel, PDF, Word, CSV)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.db: Database | None = None
        # Asked before another database takes the window's place: the window writes what is
        # being typed and asks about values typed and not saved; False keeps this database.
        self.may_switch: Callable[[], bool] = lambda: True

    def _folder(self) -> str:
        if self.db is not None and self.db.path is not None:
            return str(self.db.path.parent)
        return home_folder()

    def open_path(self, path: Path, *, create: bool = False, asked: bool = False) -> bool:
        """Show the database at ``path`` instead of this one; ``asked``: the clerk has
        already agreed to leave this one (a restore replaced what it showed)."""
        if not asked and not self.may_switch():
            return False
        db = open_with_recovery(self.window, path, create=create)
        if db is None:
            return False
        if db.path is not None:
            remember(db.path)
        self.opened.emit(db)
        return True

    def connect_server(self) -> bool:
        """File → Connect to server…: the address is remembered, the password never."""
        from spbgui.ui.connect_dialog import ConnectDialog

        url = ConnectDialog.ask(self.window)
        if url is None or not self.may_switch():
            return False
        db = open_with_recovery(self.window, url, create=False)
        if db is None:
            return False
        self.opened.emit(db)
        return True

    def show_backups(self) -> None:
        """File → Backups…; after a restore the window shows the restored records."""
        from spbgui.ui.backups_dialog import BackupsDialog

        if self.db is None or self.db.path is None:
            MessageDialog.inform(
                self.window,
                self.tr("Backups"),
                self.tr("Backups are made for a database in a file only."),
            )
            return
        dialog = BackupsDialog(self.db, self.window)
        dialog.restored.connect(lambda: self.open_path(self.db.path, asked=True))
        dialog.exec()

    def new_database(self) -> None:
        path = FileDialogs.new_database(self.window, self._folder())
        if path is None:
            return
        if _exists(path):
            MessageDialog.warn(
                self.window,
                self.tr("Cannot create the database"),
                self.tr("The file “%1” already exists. Open it, or choose another name.").replace(
                    "%1", str(path)
                ),
            )
            return
        self.open_path(path, create=True)

    def open_database(self) -> None:
        path = FileDialogs.open_database(self.window, self._folder())
        if path is None:
            return
        if path.suffix.lower() not in DATABASE_SUFFIXES and _is_empty_file(path):
            MessageDialog.warn(
                self.window,
                self.tr("Cannot open the database"),
                self.tr(
                    "The file “%1” is empty: there is no database in it. "
                    "To start a new database, use File → New Database…"
                ).replace("%1", path.name),
            )
            return
        self.open_path(path)

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        items = recent_databases()
        for n, item in enumerate(items, 1):
            # «&&»: a single «&» in a folder's name («R&D») would underline the next letter
            action = menu.addAction(f"&{n} {item.replace('&', '&&')}")
            action.setObjectName(f"actionRecent{n}")
            action.setProperty("accessibleName", item)
            action.triggered.connect(lambda _=False, p=item: self.open_path(Path(p)))
        if not items:
            none = menu.addAction(self.tr("No recent databases"))
            none.setObjectName("actionNoRecent")
            none.setProperty("accessibleName", none.text())
            none.setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear the List"))
        clear.setObjectName("actionClearRecent")
        clear.setProperty("accessibleName", clear.text())
        clear.setEnabled(bool(items))
        clear.triggered.connect(settings.RECENT_DATABASES.remove)

    def import_table(self, path: Path | None = None, *, table: ParsedTable | None = None) -> bool:
        """Open the import dialog (on ``path``, or on rows already read such as pasted ones,
        if given); True if something was imported."""
        if table is not None:
            return self._import(lambda dialog: dialog.show_table(table))
        # The menu's triggered(bool) reaches here as ``path=False``: only a real path is read.
        if isinstance(path, str | Path):
            return self._import(lambda dialog: dialog.set_file(path))
        return self._import(lambda dialog: None)

    def import_files(self, paths: Sequence[Path]) -> bool:
        """The import dialog on files (and folders) dropped on the window: one file as File →
        Import… reads it, several or a folder as several years at once."""
        if len(paths) == 1 and not paths[0].is_dir():
            return self.import_table(paths[0])
        return self._import(lambda dialog: dialog.set_files(list(paths)))

    def dropped(self, paths: Sequence[Path]) -> bool:
        """Files dropped on the window: a database file opens in this one's place (as File →
        Open… would), anything else goes to the import dialog, which says what it is."""
        if len(paths) == 1 and paths[0].suffix.lower() in DATABASE_SUFFIXES:
            return self.open_path(paths[0])
        return self.import_files(paths)

    def _import(self, start: Callable[[BatchImportDialog], object]) -> bool:
        if self.db is None:
            return False
        from spbgui.ui.batch_import_dialog import BatchImportDialog as ImportDialog

        dialog = ImportDialog(self.db, self.window)  # one workbook or several years at once
        start(dialog)
        done = dialog.exec() == ImportDialog.DialogCode.Accepted and dialog.outcome is not None
        # A stopped batch may have imported its first years: the window shows what is there.
        if done or dialog.import_ran:
            self.imported.emit(ChangeSet.everything())
        return done

    def export_table(self, year: int) -> None:
        if self.db is None:
            return
        from spbgui.ui.export_dialog import ExportDialog

        path = ExportDialog.run(self.db, self.window, year)
        if path is not None:
            self.written.emit(path)

    def print_report(self, year: int) -> None:
        if self.db is None:
            return
        from spbgui.ui.print_preview import open_print_preview

        try:
            dialog = open_print_preview(self.db, year, self.window)
            dialog.saved.connect(self.written)
        except UserError as exc:
            MessageDialog.warn(self.window, self.tr("Nothing to print"), str(exc))

    def open_sample(self) -> bool:
        """Import the 2024 table shipped with the program into this (empty) database.

        No preview dialog: the file is ours and known good; the import service still
        refuses anything that would duplicate records.
        """
        if self.db is None:
            return False
        from spbgui.services.importer import import_workbook

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            import_workbook(db=self.db, path=sample_table())
        except UserError as exc:
            MessageDialog.warn(self.window, self.tr("Cannot open the sample"), str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.imported.emit(ChangeSet.everything())
        return True

"""Opening a database for the window, with the way back when the file is damaged.

A damaged file is never opened for writing; the user is told in plain words and
offered the newest copy that SQLite finds sound. The damaged file is kept,
renamed, beside it.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from spbgui.errors import UserError
from spbgui.services import backups
from spbgui.services.databases import Database, NotADatabase, open_records
from spbgui.ui.dialogs import ConfirmDialog, MessageDialog

# What File → Import Table… reads: a clerk who opens the committee's table with File → Open
# is told where it goes instead of only «choose another file».
TABLE_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".docx", ".doc", ".odt", ".csv", ".txt"}


def open_with_recovery(
    parent: QWidget | None, target: str | os.PathLike[str], *, create: bool = True
) -> Database | None:
    """The opened database, or None after telling the user why it could not be opened."""
    try:
        return open_records(target, create=create)
    except backups.DatabaseDamaged as exc:
        path = Path(str(exc.path or target))
        good = backups.newest_good_backup(path)
        if good is None:
            # (Not the store's «restore the last sound copy»: there is none to restore.)
            MessageDialog.warn(
                parent,
                QCoreApplication.translate("Recovery", "The database is damaged"),
                QCoreApplication.translate(
                    "Recovery",
                    "The database file “%1” is damaged, and the program will not write to it. "
                    "No sound backup copy was found beside it. If there is another copy of "
                    "the file (on another disk, sent by mail), open that one with "
                    "File → Open Database…; the damaged file is left as it is.",
                ).replace("%1", path.name),
            )
            return None
        if not ConfirmDialog.ask(
            parent,
            QCoreApplication.translate("Recovery", "The database is damaged"),
            str(exc),
            QCoreApplication.translate(
                "Recovery",
                "Restore the newest sound copy ({0})? The damaged file is kept beside it.",
            ).format(good.name),
            QCoreApplication.translate("Recovery", "Restore"),
        ):
            return None
        try:
            backups.restore_damaged(path, good)
            return open_records(path, create=False)
        except (UserError, OSError) as again:
            MessageDialog.warn(
                parent,
                QCoreApplication.translate("Recovery", "Cannot open the database"),
                str(again),
            )
            return None
    except UserError as exc:
        text = str(exc)
        if isinstance(exc, NotADatabase) and Path(os.fspath(target)).suffix.lower() in (
            TABLE_SUFFIXES
        ):
            text += " " + QCoreApplication.translate(
                "Recovery",
                "To bring a table's records into the database, use File → Import Table…",
            )
        MessageDialog.warn(
            parent, QCoreApplication.translate("Recovery", "Cannot open the database"), text
        )
        return None

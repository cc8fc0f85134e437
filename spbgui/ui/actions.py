"""Every QAction of the window, made in one place: an id, a text, a shortcut, a role.

The window and the menus look actions up by :class:`ActionId`; tests and
accessibility tools find them by objectName (the id's value). Texts are marked
with ``QT_TRANSLATE_NOOP`` so that lupdate extracts them and translated when the
action is made (Frescobaldi's ``actioncollection`` and Picard's ``actions.py``).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from spbgui.ui.icons import Icon, icon
from spbgui.ui.translate import QT_TRANSLATE_NOOP

Shortcut = QKeySequence.StandardKey | str | None

CONTEXT = "Actions"


class ActionId(enum.Enum):
    NEW_DATABASE = "actionNewDatabase"
    OPEN_DATABASE = "actionOpenDatabase"
    CONNECT_SERVER = "actionConnectServer"
    IMPORT_TABLE = "actionImportTable"
    EXPORT_TABLE = "actionExportTable"
    PRINT_REPORT = "actionPrintReport"
    BACKUPS = "actionBackups"
    QUIT = "actionQuit"
    UNDO = "actionUndo"
    REDO = "actionRedo"
    COPY = "actionCopy"
    PASTE = "actionPaste"
    RENAME = "actionRename"
    DELETE = "actionDelete"
    FIND = "actionFind"
    DATES_NOT_UNDERSTOOD = "actionDatesNotUnderstood"
    HISTORY = "actionHistory"
    ADD_REGION = "actionAddRegion"
    ADD_COUNTRY = "actionAddCountry"
    ADD_PARTNER = "actionAddPartner"
    ADD_AGREEMENT = "actionAddAgreement"
    ADD_EVENT = "actionAddEvent"
    MOVE_TO = "actionMoveTo"
    MOVE_UP = "actionMoveUp"
    MOVE_DOWN = "actionMoveDown"
    SORT_EVENTS = "actionSortEventsByDate"
    REFRESH = "actionRefresh"
    START_YEAR = "actionStartNewYear"
    PREVIOUS_YEAR = "actionPreviousYear"
    NEXT_YEAR = "actionNextYear"
    STATISTICS = "actionStatistics"
    HELP = "actionHelp"
    ABOUT = "actionAbout"


@dataclass(frozen=True)
class Spec:
    text: str
    tip: str = ""
    shortcut: Shortcut = None
    icon: Icon | None = None
    role: QAction.MenuRole = QAction.MenuRole.NoRole
    enabled: bool = True
    more: tuple[str, ...] = ()  # further shortcuts, after the first


SPECS: dict[ActionId, Spec] = {
    ActionId.NEW_DATABASE: Spec(
        QT_TRANSLATE_NOOP("Actions", "&New Database…"),
        QT_TRANSLATE_NOOP("Actions", "Create a new, empty database file"),
        QKeySequence.StandardKey.New,
        Icon.NEW,
    ),
    ActionId.OPEN_DATABASE: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Open Database…"),
        QT_TRANSLATE_NOOP("Actions", "Open another database file"),
        QKeySequence.StandardKey.Open,
        Icon.OPEN,
    ),
    ActionId.IMPORT_TABLE: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Import Table…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Import the committee's table from Excel, LibreOffice, Word or a text file"
        ),
        "Ctrl+I",
        Icon.IMPORT,
    ),
    ActionId.EXPORT_TABLE: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Export Table…"),
        QT_TRANSLATE_NOOP("Actions", "Export the table of the year to an Excel workbook"),
        "Ctrl+Shift+E",
        Icon.EXPORT,
    ),
    ActionId.PRINT_REPORT: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Print Report…"),
        QT_TRANSLATE_NOOP(
            "Actions", "The yearly report: preview, print, save as PDF or as a Word document"
        ),
        QKeySequence.StandardKey.Print,
        Icon.PRINT,
    ),
    ActionId.QUIT: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        QT_TRANSLATE_NOOP("Actions", "Close the program; every change is already saved"),
        "Ctrl+Q",  # QKeySequence.Quit is empty on some desktops
        role=QAction.MenuRole.QuitRole,
    ),
    ActionId.UNDO: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        QT_TRANSLATE_NOOP("Actions", "Undo the last change"),
        QKeySequence.StandardKey.Undo,
        Icon.UNDO,
    ),
    ActionId.REDO: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        QT_TRANSLATE_NOOP("Actions", "Redo the change just undone"),
        "Ctrl+Y",
        Icon.REDO,
        more=("Ctrl+Shift+Z",),
    ),
    ActionId.COPY: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Copy"),
        QT_TRANSLATE_NOOP(
            "Actions", "Copy the selected events as cells that Excel, LibreOffice and Word paste"
        ),
        QKeySequence.StandardKey.Copy,
    ),
    ActionId.PASTE: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Paste"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Paste events copied from Excel, LibreOffice or Word to the selected partner, "
            "or rows of the committee's table to import them",
        ),
        QKeySequence.StandardKey.Paste,
    ),
    ActionId.RENAME: Spec(
        QT_TRANSLATE_NOOP("Actions", "Re&name"),
        QT_TRANSLATE_NOOP("Actions", "Rename the selected item"),
        "F2",
    ),
    ActionId.DELETE: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Delete"),
        QT_TRANSLATE_NOOP("Actions", "Delete the selected item (it can be undone)"),
        QKeySequence.StandardKey.Delete,
        Icon.DELETE,
    ),
    ActionId.FIND: Spec(
        QT_TRANSLATE_NOOP("Actions", "F&ind…"),
        QT_TRANSLATE_NOOP("Actions", "Search partners, agreements and events"),
        QKeySequence.StandardKey.Find,
        Icon.FIND,
        more=("Ctrl+K",),
    ),
    ActionId.DATES_NOT_UNDERSTOOD: Spec(
        QT_TRANSLATE_NOOP("Actions", "Dates &Not Understood"),
        QT_TRANSLATE_NOOP(
            "Actions", "List the events whose dates were kept as written, to correct them"
        ),
    ),
    ActionId.ADD_REGION: Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Region…"),
        QT_TRANSLATE_NOOP("Actions", "Add a region"),
        "Ctrl+Shift+R",
    ),
    ActionId.ADD_COUNTRY: Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Country…"),
        QT_TRANSLATE_NOOP("Actions", "Add a country to the selected region"),
        "Ctrl+Shift+C",
    ),
    ActionId.ADD_PARTNER: Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Partner…"),
        QT_TRANSLATE_NOOP("Actions", "Add a partner city or province to the selected country"),
        "Ctrl+Shift+N",
        Icon.ADD_PARTNER,
    ),
    ActionId.ADD_AGREEMENT: Spec(
        QT_TRANSLATE_NOOP("Actions", "Add A&greement…"),
        QT_TRANSLATE_NOOP("Actions", "Add an agreement to the selected partner"),
        "Ctrl+Shift+A",
        Icon.ADD_AGREEMENT,
    ),
    ActionId.ADD_EVENT: Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Event"),
        QT_TRANSLATE_NOOP("Actions", "Write a new event of the selected partner"),
        "Ctrl+E",
        Icon.ADD_EVENT,
    ),
    ActionId.MOVE_TO: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Move To…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Move the selected partner to another country, or a country to another region",
        ),
        "Ctrl+M",
    ),
    ActionId.MOVE_UP: Spec(
        QT_TRANSLATE_NOOP("Actions", "Move &Up"),
        QT_TRANSLATE_NOOP("Actions", "Move the selected item up"),
        "Ctrl+Shift+Up",
        Icon.UP,
    ),
    ActionId.MOVE_DOWN: Spec(
        QT_TRANSLATE_NOOP("Actions", "Move Do&wn"),
        QT_TRANSLATE_NOOP("Actions", "Move the selected item down"),
        "Ctrl+Shift+Down",
        Icon.DOWN,
    ),
    ActionId.SORT_EVENTS: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Sort Events by Date"),
        QT_TRANSLATE_NOOP(
            "Actions", "Order the partner's events of the year by date; undated ones last"
        ),
    ),
    ActionId.HISTORY: Spec(
        QT_TRANSLATE_NOOP("Actions", "&History of Changes…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Who changed the selected record and when; restore a deleted one"
        ),
        "Ctrl+H",
    ),
    ActionId.CONNECT_SERVER: Spec(
        QT_TRANSLATE_NOOP("Actions", "Connect to &Server…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Work on the shared table on a PostgreSQL server, several people at once"
        ),
    ),
    ActionId.BACKUPS: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Backups…"),
        QT_TRANSLATE_NOOP(
            "Actions", "The copies of the database kept beside it: make one, or go back to one"
        ),
    ),
    ActionId.REFRESH: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Refresh"),
        QT_TRANSLATE_NOOP("Actions", "Read everything again from the database"),
        QKeySequence.StandardKey.Refresh,
    ),
    ActionId.START_YEAR: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Start a New Year…"),
        QT_TRANSLATE_NOOP(
            "Actions", "Start next year's table: partners and agreements stay, events start empty"
        ),
        None,
        Icon.NEW_YEAR,
    ),
    ActionId.PREVIOUS_YEAR: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Previous Year"),
        QT_TRANSLATE_NOOP("Actions", "Show the previous year"),
        "Ctrl+PgUp",
    ),
    ActionId.NEXT_YEAR: Spec(
        QT_TRANSLATE_NOOP("Actions", "Ne&xt Year"),
        QT_TRANSLATE_NOOP("Actions", "Show the next year"),
        "Ctrl+PgDown",
    ),
    ActionId.HELP: Spec(
        QT_TRANSLATE_NOOP("Actions", "&User Guide"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "How to do the year's work, the dates the program understands, what to do "
            "when something goes wrong",
        ),
        QKeySequence.StandardKey.HelpContents,
    ),
    ActionId.STATISTICS: Spec(
        QT_TRANSLATE_NOOP("Actions", "&Statistics…"),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Events per year across years, this year against last, anniversaries, "
            "dormant partners, agreements that run out",
        ),
        "Ctrl+Shift+S",
    ),
    ActionId.ABOUT: Spec(
        QT_TRANSLATE_NOOP("Actions", "&About spbgui"),
        QT_TRANSLATE_NOOP("Actions", "The program's version and where its files are"),
        role=QAction.MenuRole.AboutRole,
    ),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def plain(text: str) -> str:
    """A menu text without its mnemonic and ellipsis: the accessible name."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def make_action(action_id: ActionId, parent: QObject) -> QAction:
    spec = SPECS[action_id]
    text = translate(spec.text)
    action = QAction(text, parent)
    action.setObjectName(action_id.value)
    # QAction has no accessible name of its own: widgets made for it (tool buttons) take it.
    action.setProperty("accessibleName", plain(text))
    if spec.tip:
        tip = translate(spec.tip)
        action.setToolTip(tip)
        action.setStatusTip(tip)
    if spec.shortcut is not None:
        action.setShortcuts([QKeySequence(spec.shortcut), *(QKeySequence(k) for k in spec.more)])
    if spec.icon is not None:
        action.setIcon(icon(spec.icon))
    action.setMenuRole(spec.role)
    action.setEnabled(spec.enabled)
    return action


class Actions:
    """The window's actions by id: ``actions[ActionId.UNDO]``."""

    def __init__(self, parent: QObject) -> None:
        self._actions = {action_id: make_action(action_id, parent) for action_id in ActionId}

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._actions.values())

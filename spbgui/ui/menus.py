"""The window's menus and toolbar, laid out from the actions (which are made in actions.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from spbgui.ui.actions import ActionId, Actions


def _fill(menu: QMenu, actions: Actions, ids: tuple[ActionId | None, ...]) -> None:
    for action_id in ids:
        if action_id is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[action_id])


def build_menus(window: QMainWindow, actions: Actions) -> QMenu:
    """Fill the menu bar; returns the (empty) recent-databases submenu for the caller to fill."""
    bar = window.menuBar()
    a = actions

    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    file_menu.setObjectName("menuFile")
    file_menu.addAction(a[ActionId.NEW_DATABASE])
    file_menu.addAction(a[ActionId.OPEN_DATABASE])
    recent = file_menu.addMenu(QCoreApplication.translate("Menus", "Open Re&cent"))
    recent.setObjectName("menuRecent")
    file_menu.addAction(a[ActionId.CONNECT_SERVER])
    file_menu.addSeparator()
    file_menu.addAction(a[ActionId.IMPORT_TABLE])
    file_menu.addAction(a[ActionId.EXPORT_TABLE])
    file_menu.addAction(a[ActionId.PRINT_REPORT])
    file_menu.addSeparator()
    file_menu.addAction(a[ActionId.BACKUPS])
    file_menu.addSeparator()
    file_menu.addAction(a[ActionId.QUIT])

    edit_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Edit"))
    edit_menu.setObjectName("menuEdit")
    _fill(
        edit_menu,
        a,
        (
            ActionId.UNDO,
            ActionId.REDO,
            None,
            ActionId.COPY,
            ActionId.PASTE,
            None,
            ActionId.RENAME,
            ActionId.DELETE,
            None,
            ActionId.FIND,
            ActionId.DATES_NOT_UNDERSTOOD,
            ActionId.HISTORY,
        ),
    )

    records = bar.addMenu(QCoreApplication.translate("Menus", "&Records"))
    records.setObjectName("menuRecords")
    _fill(
        records,
        a,
        (
            ActionId.ADD_REGION,
            ActionId.ADD_COUNTRY,
            ActionId.ADD_PARTNER,
            None,
            ActionId.ADD_AGREEMENT,
            ActionId.ADD_EVENT,
            None,
            ActionId.MOVE_TO,
            ActionId.MOVE_UP,
            ActionId.MOVE_DOWN,
            ActionId.SORT_EVENTS,
        ),
    )

    year = bar.addMenu(QCoreApplication.translate("Menus", "&Year"))
    year.setObjectName("menuYear")
    _fill(year, a, (ActionId.START_YEAR, None, ActionId.PREVIOUS_YEAR, ActionId.NEXT_YEAR))

    view = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    view.setObjectName("menuView")
    view.addAction(a[ActionId.REFRESH])
    view.addAction(a[ActionId.STATISTICS])

    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    help_menu.setObjectName("menuHelp")
    help_menu.addAction(a[ActionId.HELP])
    help_menu.addSeparator()
    help_menu.addAction(a[ActionId.ABOUT])
    return recent


TOOLBAR: tuple[tuple[ActionId, ...], ...] = (
    (ActionId.OPEN_DATABASE, ActionId.IMPORT_TABLE),
    (ActionId.UNDO, ActionId.REDO),
    (ActionId.ADD_PARTNER, ActionId.ADD_AGREEMENT, ActionId.ADD_EVENT, ActionId.DELETE),
)
"""The toolbar's groups of actions, left to right (the year and the search follow)."""


class _DeleteKeyStaysHere(QObject):
    """The toolbar carries Edit → Delete, so Del is live in every widget on it: the year
    selector takes the key for itself (and does nothing with it) instead of deleting the
    node selected in the tree. (The search field, a line editor, takes it anyway.)"""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            event.accept()
        return False


def build_toolbar(
    window: QMainWindow, actions: Actions, year_selector: QComboBox, search: QWidget
) -> QToolBar:
    bar = QToolBar(QCoreApplication.translate("Menus", "Main toolbar"), window)
    year_selector.installEventFilter(_DeleteKeyStaysHere(bar))
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setIconSize(QSize(22, 22))
    a = actions
    for group in TOOLBAR:
        for action_id in group:
            bar.addAction(a[action_id])
        bar.addSeparator()
    label = QLabel(QCoreApplication.translate("Menus", " Y&ear: "), bar)
    label.setBuddy(year_selector)
    bar.addWidget(label)
    bar.addWidget(year_selector)
    bar.addAction(a[ActionId.START_YEAR])  # beside the year it starts
    spacer = QWidget(bar)
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(search)
    # Tool buttons made for actions take the action's accessible name.
    for action in bar.actions():
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setAccessibleName(str(action.property("accessibleName") or action.text()))
            button.setObjectName(action.objectName() + "Button")
    window.addToolBar(bar)
    return bar


AGREEMENTS_MENU: tuple[ActionId | None, ...] = (
    ActionId.ADD_AGREEMENT,
    None,
    ActionId.RENAME,
    ActionId.DELETE,
    None,
    ActionId.MOVE_UP,
    ActionId.MOVE_DOWN,
)
"""The agreements table's context menu (None: a separator)."""

EVENTS_MENU: tuple[ActionId | None, ...] = (
    ActionId.ADD_EVENT,
    None,
    ActionId.COPY,
    ActionId.PASTE,
    None,
    ActionId.RENAME,
    ActionId.DELETE,
    None,
    ActionId.MOVE_UP,
    ActionId.MOVE_DOWN,
    ActionId.SORT_EVENTS,
)
"""The events table's context menu: the record actions, which act on the focused table (a
right click gives it the focus and selects the row clicked)."""


def context_menu(
    view: QAbstractItemView, actions: Actions, ids: tuple[ActionId | None, ...]
) -> None:
    """A right click (or the menu key) on ``view`` opens a menu of the actions ``ids``."""

    def show(pos: QPoint) -> None:
        menu = QMenu(view)
        _fill(menu, actions, ids)
        menu.exec(view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(show)

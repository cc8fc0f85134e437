"""Правка → Копировать / Вставить (Ctrl+C, Ctrl+V) in the window, outside the text fields.

Copy takes the selected events (or the selected tree item's name) to the
clipboard; the events as tab-separated text and as an HTML table, which
Excel, LibreOffice and Word paste as cells. Paste looks at what the clipboard
holds (:func:`spbgui.io.clipboard.read_clipboard`): rows of the committee's
table open the import preview for just those rows; events are added to the
selected partner, each line «15 мая – визит…» split into its date and text.
Text fields keep their own Ctrl+C/Ctrl+V: they take the keys before the
window's actions do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication

from spbgui.errors import UserError
from spbgui.services.changes import NodeKind
from spbgui.ui.dialogs import MessageDialog

if TYPE_CHECKING:
    from spbgui.ui.events_section import EventsSection
    from spbgui.ui.main_window import MainWindow


class ClipboardActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def _events(self) -> EventsSection:
        return self.window.details.partner.events

    def copy(self) -> bool:
        """Copy the selected events if an events table has the focus, else the tree item's
        name; False if nothing was selected."""
        events = self._events
        if events.table.hasFocus() or events.previous_table.hasFocus():
            rows = events.copied_rows()
            if not rows:
                return False
            from spbgui.services.reading import events_as_html, events_as_text

            mime = QMimeData()
            mime.setText(events_as_text(rows))
            mime.setHtml(events_as_html(rows))
            QGuiApplication.clipboard().setMimeData(mime)
            return True
        row = self.window.tree.current_row()
        if row is None:
            return False
        QGuiApplication.clipboard().setText(row.name)
        return True

    def paste(self) -> None:
        """Rows of the table → the import preview; events → the selected partner's events."""
        window = self.window
        if window.db.readonly:
            return
        mime = QGuiApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        from spbgui.services.reading import read_clipboard

        try:
            pasted = read_clipboard(html, text, year=window.editor.year)
        except UserError as exc:
            MessageDialog.warn(window, self.tr("Nothing to paste"), str(exc))
            return
        if pasted.table is not None:
            window.files.import_table(table=pasted.table)
            return
        ref = window.tree.current_ref()
        if ref is None or ref.kind is not NodeKind.PARTNER:
            MessageDialog.warn(
                window,
                self.tr("Nothing to paste"),
                self.tr("Select the partner whose events these are in the tree, then paste again."),
            )
            return
        if not pasted.events:
            MessageDialog.warn(
                window, self.tr("Nothing to paste"), self.tr("The clipboard holds no events.")
            )
            return
        added = self._events.paste_events(pasted.events)
        if pasted.notes:
            MessageDialog.inform(window, self.tr("Pasted events"), "\n".join(pasted.notes))
        window.statusBar().showMessage(self.tr("%n event(s) pasted", "", added), 5000)

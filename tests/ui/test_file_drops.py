"""Files dropped on the window from a file manager: a table is imported, a database opens.

The drag is sent where a file manager's drop lands, to the widget under the pointer
(the tree, the partner's page), as Qt's drag and drop hands it over.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from spbgui.services import records
from spbgui.store.database import open_database
from spbgui.ui.batch_import_dialog import BatchImportDialog
from tests.ui.windows import shown_window


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def _drag(target: QWidget, mime: QMimeData) -> bool:
    """Bring a drag over ``target``: whether the window takes it there."""
    at = target.rect().center()
    enter = QDragEnterEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    return enter.isAccepted()


def _drop(qtbot, target: QWidget, mime: QMimeData) -> None:
    assert _drag(target, mime)
    drop = QDropEvent(
        QPointF(target.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()


def _in_the_dialog(monkeypatch, steps) -> dict:
    """Act in the import dialog in place of its modal exec()."""
    seen: dict = {}

    def exec_(self):
        self.show()
        seen["dialog"] = self
        steps(self, seen)
        return (
            QDialog.DialogCode.Accepted if self.outcome is not None else QDialog.DialogCode.Rejected
        )

    monkeypatch.setattr(BatchImportDialog, "exec", exec_)
    return seen


def _import_it(qtbot):
    def steps(dialog: BatchImportDialog, seen: dict) -> None:
        qtbot.waitUntil(
            lambda: (
                dialog.table is not None or dialog.items is not None or dialog.error is not None
            ),
            timeout=60_000,
        )
        seen["error"] = dialog.error
        seen["file"] = dialog.fileEdit.text()
        if dialog.error is None:
            with qtbot.waitSignal(dialog.imported, timeout=60_000):
                qtbot.mouseClick(dialog.importButton, Qt.MouseButton.LeftButton)

    return steps


def test_a_table_dropped_on_the_tree_is_imported(
    empty_window, qtbot, monkeypatch, fixture_xlsx: Path, tmp_path: Path
) -> None:
    table = tmp_path / "Таблица 2024 #1.xlsx"  # a name as staff give them
    shutil.copyfile(fixture_xlsx, table)
    seen = _in_the_dialog(monkeypatch, _import_it(qtbot))
    _drop(qtbot, empty_window.tree.viewport(), _mime(QUrl.fromLocalFile(str(table))))
    qtbot.waitUntil(lambda: "dialog" in seen and "error" in seen, timeout=60_000)
    assert seen["error"] is None
    assert seen["file"].endswith("Таблица 2024 #1.xlsx")
    qtbot.waitUntil(lambda: records.counts(db=empty_window.db).partners == 37, timeout=10_000)
    assert empty_window.tree.model().rowCount() == 5  # the window shows the regions


def test_a_folder_of_years_dropped_is_imported_year_by_year(
    empty_window, qtbot, monkeypatch, fixture_xlsx: Path, tmp_path: Path
) -> None:
    from spbgui.services.export import export_workbook

    source = open_database(tmp_path / "source.sqlite")
    from spbgui.services.importer import import_workbook

    import_workbook(db=source, path=fixture_xlsx)
    folder = tmp_path / "годы"
    folder.mkdir()
    export_workbook(db=source, year=2024, path=folder / "2024.xlsx")
    source.close()
    seen = _in_the_dialog(monkeypatch, _import_it(qtbot))
    _drop(qtbot, empty_window.details, _mime(QUrl.fromLocalFile(str(folder))))
    qtbot.waitUntil(lambda: "error" in seen, timeout=60_000)
    assert seen["error"] is None
    assert isinstance(seen["dialog"].items, list)  # read as several years at once
    qtbot.waitUntil(lambda: records.counts(db=empty_window.db).partners == 37, timeout=10_000)


def test_a_file_that_is_no_table_is_refused_in_words(
    empty_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    letter = tmp_path / "письмо.xlsx"
    letter.write_text("Это не таблица", encoding="utf-8")
    seen = _in_the_dialog(monkeypatch, _import_it(qtbot))
    _drop(qtbot, empty_window.tree.viewport(), _mime(QUrl.fromLocalFile(str(letter))))
    qtbot.waitUntil(lambda: "error" in seen, timeout=60_000)
    assert seen["error"] and "письмо.xlsx" in seen["error"]
    assert records.counts(db=empty_window.db).partners == 0


def test_a_database_dropped_opens_in_place_of_this_one(window, qtbot, tmp_path: Path) -> None:
    other = tmp_path / "другая база.sqlite"
    open_database(other).close()
    _drop(qtbot, window.tree.viewport(), _mime(QUrl.fromLocalFile(str(other))))
    qtbot.waitUntil(lambda: window.db.path == other.resolve(), timeout=10_000)
    assert window.tree.model().rowCount() == 0


def test_a_web_link_or_text_is_not_taken(window) -> None:
    assert not _drag(window.tree.viewport(), _mime(QUrl("https://example.org/table.xlsx")))
    text = QMimeData()
    text.setText("Венгрия")
    assert not _drag(window.details, text)


def test_a_read_only_database_takes_no_table_but_opens_another(
    qtbot, sample_db, db_path: Path, tmp_path: Path, fixture_xlsx: Path
) -> None:

    sample_db.close()
    readonly = open_database(db_path, readonly=True)
    w = shown_window(qtbot, readonly)
    try:
        assert not _drag(w.tree.viewport(), _mime(QUrl.fromLocalFile(str(fixture_xlsx))))
        other = tmp_path / "other.sqlite"
        open_database(other).close()
        assert _drag(w.tree.viewport(), _mime(QUrl.fromLocalFile(str(other))))
    finally:
        readonly.close()


def test_the_drag_is_taken_at_any_point_of_the_window(window, fixture_xlsx: Path) -> None:
    mime = _mime(QUrl.fromLocalFile(str(fixture_xlsx)))
    for widget in (window.tree.viewport(), window.details, window.statusBar()):
        assert _drag(widget, mime), widget

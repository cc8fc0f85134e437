"""The import dialog's words, as the program shows them: Russian throughout.

The window shows BatchImportDialog, a subclass: PySide6's tr() on it finds the base
class's words, but not a plural form («%n»), which came out in English.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.ui.batch_import_dialog import BatchImportDialog
from spbgui.ui.import_dialog import ImportDialog


@pytest.mark.parametrize("kind", [BatchImportDialog, ImportDialog])
def test_the_notes_on_the_file_are_counted_in_russian(
    qtbot, russian, db, fixture_xlsx: Path, kind: type[ImportDialog]
) -> None:
    dialog = kind(db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warningsLabel.text() == "Замечания по файлу"
    dialog.set_file(fixture_xlsx)
    qtbot.waitUntil(lambda: dialog.table is not None or dialog.error is not None, timeout=30_000)
    assert dialog.error is None
    assert dialog.warningsLabel.text() == f"Замечания по файлу: {dialog.warnings.count()}"

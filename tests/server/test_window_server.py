"""File → Connect to server…: the window works on the PostgreSQL table like on a file."""

from __future__ import annotations

from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, records
from spbgui.services.importer import import_table
from spbgui.store.database import open_database
from spbgui.ui.actions import ActionId
from spbgui.ui.connect_dialog import ConnectDialog


def test_connect_edit_and_see_a_colleague(qtbot, db, pg_url, fixture_xlsx, monkeypatch) -> None:
    server = open_database(pg_url)
    import_table(db=server, table=read_table(fixture_xlsx))
    server.close()

    from spbgui.ui.main_window import MainWindow

    window = MainWindow(db)  # starts on an empty local file
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(ConnectDialog, "ask", classmethod(lambda cls, parent: pg_url))
    assert window.files.connect_server()
    assert window.db.path is None and window.db.engine.dialect.name == "postgresql"
    assert not window.actions_[ActionId.BACKUPS].isEnabled()  # backups are for files
    assert window.model.rowCount() == 5

    assert window.editor.add_region("Антарктида") is not None
    colleague = open_database(pg_url)
    try:
        edit.add_region(db=colleague, name="Арктика")
    finally:
        colleague.close()
    names = lambda: [window.model.index(r, 0).data() for r in range(window.model.rowCount())]  # noqa: E731
    qtbot.waitUntil(lambda: "Арктика" in names(), timeout=3000)  # live refresh via NOTIFY
    assert {"Антарктида", "Арктика"} <= set(records.dump(db=window.db)["regions"])
    window.close()


def test_the_address_is_remembered_and_the_password_is_not(qtbot) -> None:
    from PySide6.QtCore import QSettings

    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("db.kvs.local")
    dialog.user.setText("ivanova")
    dialog.password.setText("секрет")
    dialog.remember()
    assert "секрет" in dialog.url() or "%D1%81" in dialog.url()
    stored = {k: QSettings().value(k) for k in QSettings().allKeys()}
    assert stored.get("server/host") == "db.kvs.local"
    assert not any("секрет" in str(v) for v in stored.values())
    again = ConnectDialog()
    qtbot.addWidget(again)
    assert again.host.text() == "db.kvs.local" and again.password.text() == ""

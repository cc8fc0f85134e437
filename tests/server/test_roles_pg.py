"""Access on PostgreSQL (issue 9): the role templates of revision 0009 and a read-only login.

A login granted ``spbgui_reader`` opens the database read-only with a note, and
cannot change anything through the services (even if the flag were lifted, the
server refuses) or the CLI; a login granted ``spbgui_editor`` can do all a
user does, and the history names it.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from spbgui.domain.dates import EventDate
from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, history, records, removal
from spbgui.services.importer import import_table
from spbgui.store.database import Database, open_database
from spbgui.store.errors import StoreError

CLI = (sys.executable, "-m", "spbgui.cli")


def _login(pg_server, dbname: str, template: str) -> str:
    name = f"{template.split('_')[1]}_{uuid.uuid4().hex[:8]}"
    pg_server.sql(f"CREATE ROLE {name} LOGIN")
    pg_server.sql(f"GRANT {template} TO {name}")
    return pg_server.url(dbname, user=name)


@pytest.fixture
def seeded(pg_server, fixture_xlsx: Path):
    dbname = pg_server.new_database()
    owner = open_database(pg_server.url(dbname))  # the migrations create the roles
    import_table(db=owner, table=read_table(fixture_xlsx))
    yield dbname, owner
    owner.close()


def _every_write(db: Database, fixture_xlsx: Path) -> list[tuple[str, object]]:
    return [
        ("add_region", lambda: edit.add_region(db=db, name="Антарктида")),
        ("update_event", lambda: edit.update_event(db=db, event_id=1, text="x")),
        ("update_region", lambda: edit.update_region(db=db, region_id=1, note="x")),
        ("delete", lambda: removal.delete_records(db=db, kind="region", ids=[1])),
        (
            "add_event",
            lambda: edit.add_event(
                db=db, partner_id=1, year=2024, date=EventDate(None, None), text="x"
            ),
        ),
        (
            "import",
            lambda: import_table(db=db, table=read_table(fixture_xlsx), replace_year=True),
        ),
    ]


def test_a_reader_opens_read_only_and_cannot_change_anything(
    pg_server, seeded, fixture_xlsx: Path
) -> None:
    dbname, owner = seeded
    before = records.dump(db=owner)
    reader = open_database(_login(pg_server, dbname, "spbgui_reader"))
    try:
        assert reader.readonly
        assert any("только читать" in n for n in reader.notes)
        assert records.dump(db=reader) == before  # reading works
        for name, write in _every_write(reader, fixture_xlsx):
            with pytest.raises(StoreError, match="только для чтения"):
                write()
            assert records.dump(db=owner) == before, name
        # Even with the program's flag lifted, the server refuses, in words.
        reader.readonly = False
        for name, write in _every_write(reader, fixture_xlsx):
            with pytest.raises(StoreError, match="нет права"):
                write()
            assert records.dump(db=owner) == before, name
    finally:
        reader.close()


def test_a_reader_cannot_change_anything_through_the_cli(
    pg_server, seeded, fixture_xlsx: Path
) -> None:
    dbname, owner = seeded
    before = records.dump(db=owner)
    url = _login(pg_server, dbname, "spbgui_reader")
    r = subprocess.run(
        [*CLI, "import", str(fixture_xlsx), "--db", url, "--replace-year"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1, r
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "только для чтения" in lines[0], r.stderr
    assert records.dump(db=owner) == before
    info = subprocess.run(
        [*CLI, "info", "--db", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert info.returncode == 0, info  # reading is allowed


def test_an_editor_can_do_what_a_user_does(pg_server, seeded, fixture_xlsx: Path) -> None:
    dbname, _owner = seeded
    url = _login(pg_server, dbname, "spbgui_editor")
    editor = open_database(url)
    try:
        assert not editor.readonly and editor.notes == []
        region = edit.add_region(db=editor, name="Антарктида")
        edit.update_region(db=editor, region_id=region.id, note="лёд", expected_version=1)
        gone = removal.delete_records(db=editor, kind="region", ids=[1])
        removal.restore(db=editor, snapshot=gone.snapshot)
        import_table(db=editor, table=read_table(fixture_xlsx), replace_year=True)
        entry = history.history(db=editor, table="region", record_id=region.id)[-1]
        assert entry.who == editor.engine.url.username
    finally:
        editor.close()


def test_the_window_of_a_reader_cannot_edit(qtbot, pg_server, seeded) -> None:
    from spbgui.ui.actions import ActionId
    from spbgui.ui.main_window import MainWindow

    dbname, _owner = seeded
    reader = open_database(_login(pg_server, dbname, "spbgui_reader"))
    window = MainWindow(reader)
    qtbot.addWidget(window)
    window.show()
    assert reader.readonly
    for action in (ActionId.ADD_REGION, ActionId.ADD_PARTNER, ActionId.DELETE, ActionId.RENAME):
        assert not window.actions_[action].isEnabled()
    assert "только читать" in window.statusBar().currentMessage()  # the note says why
    assert window.model.rowCount() == 5
    window.close()

"""An import gives its rows ids no record had before (revision 0015), as an edit does.

A year replaced by an import (``--replace-year``) lost its events, and the imported ones
took their ids again (``max(id) + 1``): a colleague's window still showing the old
events could then delete or edit an imported one by its id.
"""

from __future__ import annotations

from pathlib import Path

from spbgui.services.importer import import_workbook
from spbgui.store.database import open_database


def _ids(db, table: str) -> set[int]:
    with db.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {table}")}


def test_a_replaced_years_events_do_not_give_their_ids_to_the_imported_ones(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    db = open_database(tmp_path / "records.sqlite")
    try:
        import_workbook(db=db, path=fixture_xlsx)
        before = _ids(db, "event")
        import_workbook(db=db, path=fixture_xlsx, replace_year=True)
        after = _ids(db, "event")
        assert len(after) == len(before) == 96
        assert min(after) > max(before)
    finally:
        db.close()


def test_a_deleted_partner_does_not_give_its_id_to_the_next_import(
    tmp_path: Path, fixture_xlsx: Path
) -> None:
    from spbgui.services import removal
    from spbgui.services.changes import NodeRef

    db = open_database(tmp_path / "records.sqlite")
    try:
        import_workbook(db=db, path=fixture_xlsx)
        newest = max(_ids(db, "partner"))
        removal.delete_node(db=db, ref=NodeRef.partner(newest))
        import_workbook(db=db, path=fixture_xlsx, replace_year=True)
        assert newest not in _ids(db, "partner")
    finally:
        db.close()

"""Half of a UTF-16 pair (a lone surrogate) pasted into a text: refused in words.

s20outputs found edit.add_event raising the driver's bare UnicodeEncodeError («'utf-8'
codec can't encode character '\\ud800'…»): the window showed the unexpected-error dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spbgui.domain.dates import EventDate
from spbgui.services import edit, records
from spbgui.services.importer import import_workbook
from spbgui.store.database import Database, open_database
from spbgui.store.errors import StoreError


@pytest.fixture
def db_2024(tmp_path: Path, fixture_xlsx: Path):
    db = open_database(tmp_path / "records.sqlite")
    import_workbook(db=db, path=fixture_xlsx)
    yield db
    db.close()


def test_an_event_with_a_lone_surrogate_is_refused_in_words(db_2024: Database) -> None:
    before = records.dump(db=db_2024)
    with pytest.raises(StoreError) as refused:
        edit.add_event(
            db=db_2024, partner_id=1, year=2024, date=EventDate(), text="визит \ud800 делегации"
        )
    assert "испорченный знак" in str(refused.value)
    assert records.dump(db=db_2024) == before


def test_a_partner_renamed_with_a_lone_surrogate_keeps_its_name(db_2024: Database) -> None:
    before = records.dump(db=db_2024)
    with pytest.raises(StoreError):
        edit.update_partner(db=db_2024, partner_id=1, name="Город \udfff")
    assert records.dump(db=db_2024) == before

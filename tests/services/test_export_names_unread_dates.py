"""An event whose date was kept as written and that no reader of the table understands
(«по плану») does not come back as its own event from an exported file. The export said
only «будет прочитано иначе: мероприятия»; it names the event, the date and where to fix it."""

from __future__ import annotations

from pathlib import Path

from spbgui.domain.dates import EventDate
from spbgui.domain.event_dates import parse_event_date
from spbgui.services import edit
from spbgui.services.export import export_workbook
from spbgui.store.database import Database


def test_the_export_names_an_event_whose_date_will_not_read_back(
    sqlite_db: Database, tmp_path: Path
) -> None:
    db = sqlite_db
    region = edit.add_region(db=db, name="Европа").id
    country = edit.add_country(db=db, region_id=region, name="Сербия").id
    partner = edit.add_partner(db=db, country_id=country, name="Белград").id
    agreement = edit.add_agreement(db=db, partner_id=partner, title="Соглашение").id
    for date, text in (
        (parse_event_date("3-6 июля", 2025), "Дни культуры."),
        (EventDate.as_written("по плану"), "обмен делегациями."),
    ):
        edit.add_event(
            db=db, partner_id=partner, year=2025, date=date, text=text, agreement_id=agreement
        )
    [warning] = export_workbook(db=db, year=2025, path=tmp_path / "t.xlsx").warnings
    assert "будет прочитано иначе: мероприятия" in warning
    assert "«по плану – обмен делегациями.»" in warning, warning
    assert "дата «по плану» не распознаётся" in warning, warning
    assert "Правка → Даты не распознаны" in warning, warning

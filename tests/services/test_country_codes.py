"""Re-import matches a country by its ISO code; the revision 0011 fills the code of old rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, select

from spbgui.domain.dates import EventDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.services.importer import import_table
from spbgui.store import migrate
from spbgui.store.database import open_database
from spbgui.store.models import Country, Event, Partner


def _table(year: int, country: str) -> ParsedTable:
    agreement = TableAgreement(
        title="Соглашение о сотрудничестве",
        events=[EventText(date=EventDate(), text=f"визит {year}")],
    )
    partner = TablePartner(name="Минск", agreements=[agreement])
    return ParsedTable(
        year=year,
        regions=[
            TableRegion(name="СНГ", countries=[TableCountry(name=country, partners=[partner])])
        ],
    )


def test_second_year_under_another_name_lands_in_the_same_country(db) -> None:  # type: ignore[no-untyped-def]
    import_table(db=db, table=_table(2023, "Беларусь"))
    result = import_table(db=db, table=_table(2024, "Белоруссия"))
    assert result.created["countries"] == 0 and result.created["partners"] == 0
    with db.read() as s:
        countries = s.execute(select(Country.name, Country.code)).all()
        partners = s.scalars(select(Partner.id)).all()
        years = sorted(s.scalars(select(Event.year)).all())
    assert countries == [("Беларусь", "BY")]  # the name as first written stays
    assert len(partners) == 1
    assert years == [2023, 2024]


def test_unknown_country_name_is_kept_without_a_code(db) -> None:  # type: ignore[no-untyped-def]
    import_table(db=db, table=_table(2024, "Атлантида"))
    import_table(db=db, table=_table(2025, "Атлантида"))
    with db.read() as s:
        assert s.execute(select(Country.name, Country.code)).all() == [("Атлантида", None)]


def test_renaming_a_country_recomputes_its_code(db) -> None:  # type: ignore[no-untyped-def]
    import_table(db=db, table=_table(2024, "Киргизия"))
    with db.write() as s:
        country = s.scalars(select(Country)).one()
        assert country.code == "KG"
        country.name = "ЮАР"
    with db.read() as s:
        assert s.scalar(select(Country.code)) == "ZA"


def test_revision_0011_fills_the_code_of_existing_countries(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO region (id, name, position, note) VALUES (1, 'СНГ', 0, '');
        INSERT INTO country (id, region_id, name, position, note) VALUES
            (1, 1, 'Белоруссия', 0, ''), (2, 1, 'Кыргызстан', 1, ''), (3, 1, 'Нарния', 2, '');
        """
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        with db.read() as s:
            got = s.execute(select(Country.name, Country.code).order_by(Country.id)).all()
    finally:
        db.close()
    assert got == [("Белоруссия", "BY"), ("Кыргызстан", "KG"), ("Нарния", None)]

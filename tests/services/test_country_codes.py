"""Re-import matches a country by its ISO code; 0011/0012 fill old rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, select

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.domain.terms import Term
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.services.edit import add_agreement, update_agreement
from spbgui.services.importer import import_table
from spbgui.services.terms import set_term
from spbgui.store import migrate
from spbgui.store.database import open_database
from spbgui.store.models import Agreement, Country, Event, Partner


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
        command.upgrade(cfg, "0010")
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


def test_revision_0012_reads_the_term_from_existing_titles(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0011")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO region (id, name, position, note) VALUES (1, 'Европа', 0, '');
        INSERT INTO country (id, region_id, name, position, note) VALUES (1, 1, 'Сербия', 0, '');
        INSERT INTO partner (id, country_id, name, kind, position, note)
            VALUES (1, 1, 'Белград', 'city', 0, '');
        INSERT INTO agreement (id, partner_id, title, note, position) VALUES
            (1, 1, 'Дорожная карта на 2021- 2023 гг.', '', 0),
            (2, 1, 'Соглашение о партнёрстве', '', 1),
            (3, 1, 'Программа до 31.12.2026', '', 2);
        """
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        with db.read() as s:
            got = s.execute(
                select(Agreement.term_start, Agreement.term_end, Agreement.status).order_by(
                    Agreement.id
                )
            ).all()
    finally:
        db.close()
    assert got == [("2021", "2023", None), (None, None, None), (None, "2026-12-31", None)]


def test_an_agreement_added_in_the_window_takes_the_term_of_its_title(db) -> None:  # type: ignore[no-untyped-def]
    import_table(db=db, table=_table(2024, "Беларусь"))
    with db.read() as s:
        partner_id = s.scalar(select(Partner.id))
    added = add_agreement(db=db, partner_id=partner_id, title="План на 2024-2026 годы")
    with db.read() as s:
        a = s.get(Agreement, added.id)
        assert (a.term_start, a.term_end) == ("2024", "2026")
    # A term set by hand stays when the title changes; one read from the title follows it.
    update_agreement(db=db, agreement_id=added.id, title="План на 2025-2027 годы")
    with db.read() as s:
        a = s.get(Agreement, added.id)
        assert (a.term_start, a.term_end) == ("2025", "2027")
        a_id = a.id
    set_term(db=db, agreement_id=a_id, term=Term(None, PartialDate(2030, 6, 30)), status=None)
    update_agreement(db=db, agreement_id=a_id, title="План на 2026-2028 годы")
    with db.read() as s:
        a = s.get(Agreement, a_id)
        assert (a.term_start, a.term_end) == (None, "2030-06-30")

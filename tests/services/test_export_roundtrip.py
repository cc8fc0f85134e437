"""Import → export → import into a new database gives the same records (issue 5, «Done when»).

For the committee's 2024 table, and for a database built to be awkward: several
years, quotes and «ёлочки», dashes, tag-like and formula-like text, error
values, control characters, very long texts, every precision of date,
countries as a whole, several partners per country with interleaved rows.
"""

from __future__ import annotations

from pathlib import Path

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import EventText
from spbgui.io.table.records import (
    ParsedTable,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.io.xlsx.read import read_table
from spbgui.services import records
from spbgui.services.export import export_workbook
from spbgui.services.importer import import_table
from spbgui.store.database import Database, open_database


def _round_trip(db: Database, years: list[int], folder: Path) -> dict:
    """Export every year, import the files into a new database; return its dump."""
    copy = open_database(folder / "copy.sqlite")
    try:
        for year in years:
            path = folder / f"export {year}.xlsx"
            result = export_workbook(db=db, year=year, path=path)
            assert result.warnings == [], result.warnings
            import_table(db=copy, table=read_table(path))
        return records.dump(db=copy)
    finally:
        copy.close()


def test_the_2024_table(
    db: Database, fixture_xlsx: Path, expected_2024: dict, tmp_path: Path
) -> None:
    import_table(db=db, table=read_table(fixture_xlsx))
    assert records.dump(db=db) == expected_2024
    assert _round_trip(db, [2024], tmp_path) == expected_2024


# --- a database built to be awkward ----------------------------------------------------------

HYPERLINK = '=HYPERLINK("http://example.com","x")'
LONG = (
    "Очень длинное описание мероприятия: "
    + " ".join(f"пункт {n} программы «Дни Санкт-Петербурга», часть {n % 7}" for n in range(160))
    + "."
)


def _d(year: int, month: int, day: int | None = None) -> PartialDate:
    return PartialDate(year, month, day)


def _events(year: int, seed: int) -> list[EventText]:
    """Every precision of event date, and texts that a spreadsheet or a reader might change."""
    return [
        EventText(EventDate(_d(year, 7, 3)), f"визит делегации «Ёлочки» — № {seed}."),
        EventText(EventDate(_d(year, 7, 3), _d(year, 7, 6)), 'форум "Кавычки" – с тире ‐ и ‒.'),
        EventText(
            EventDate(_d(year, 1, 29), _d(year, 2, 16)), "выставка <b>жирным</b> & a < b > c."
        ),
        EventText(EventDate(_d(year, 6)), "Месяц целиком; =1+2 в середине."),
        EventText(EventDate(_d(year, 6), _d(year, 8)), "=SUM(A1:A3) и +7 и -5 и @user."),
        EventText(EventDate(), HYPERLINK),
        EventText(EventDate(), "#N/A"),
        EventText(EventDate(), "+7 (812) 576-00-00 — телефон."),
        EventText(EventDate(_d(year, 12, 31)), "управляющий\x01символ и литерал _x0041_."),
        EventText(EventDate(), "-5 градусов."),
        EventText(EventDate(), "@все приглашены."),
        EventText(EventDate(_d(year, 3, 1)), LONG),
    ]


def _awkward(year: int) -> ParsedTable:
    def agreement(title: str, row: int, *dates: PartialDate, events: bool = True, note: str = ""):
        evs = _events(year, row) if events else []
        return TableAgreement(title, list(dates), note, evs, row=row)

    germany = TableCountry(
        "Германия",
        [
            TablePartner(
                "Гамбург",
                agreements=[
                    agreement("Соглашение о партнёрстве", 0, _d(1957, 6), PartialDate(2024)),
                    agreement("«Дорожная карта» на 2024–2026 гг.", 2, _d(2019, 3, 14)),
                ],
            ),
            TablePartner(
                "Земля Бавария",
                kind="region",
                agreements=[
                    agreement('Соглашение "О культуре"', 1, PartialDate(1995), events=False)
                ],
            ),
            TablePartner("Дрезден", agreements=[agreement("=Договор+1", 3, note="Продлено")]),
        ],
    )
    belarus = TableCountry(
        "Белоруссия",
        [
            TablePartner(
                None,
                kind="country",
                agreements=[
                    agreement("Соглашение между Мэрией и Правительством", 0, _d(1995, 6, 20)),
                    agreement("Соглашение о поставках", 2, events=False),
                ],
            ),
            TablePartner(
                "Минск",
                agreements=[
                    agreement("Соглашение о партнёрстве", 1, _d(2000, 6, 6)),
                    agreement("#N/A", 3, _d(2006, 9, 25), PartialDate(2009), _d(2024, 1)),
                ],
            ),
        ],
    )
    kyrgyzstan = TableCountry(
        "Киргизия",
        [
            TablePartner(None, kind="country", agreements=[agreement("+Соглашение", 0)]),
            TablePartner("Ош", agreements=[agreement("@Соглашение", 1, PartialDate(2004))]),
        ],
    )
    many = TableCountry(
        "Казахстан",
        [
            TablePartner(
                "Астана",
                agreements=[
                    TableAgreement(
                        "Соглашение с очень большим числом мероприятий",
                        [PartialDate(2008)],
                        "",
                        [
                            EventText(
                                EventDate(_d(year, 1 + n % 12, 1 + n % 28)),
                                f"мероприятие № {n}: "
                                + "обсуждение сотрудничества " * 12
                                + "итог.",
                            )
                            for n in range(140)
                        ],
                        row=0,
                    )
                ],
            )
        ],
    )
    lonely = TableCountry(
        "Страна Оз", [TablePartner("Изумрудный город", agreements=[agreement("Договор", 0)])]
    )
    return ParsedTable(
        year=year,
        regions=[
            TableRegion("Европа", [germany]),
            TableRegion("СНГ", [belarus, kyrgyzstan, many]),
            TableRegion("Северная Америка", [lonely]),
            TableRegion("Африка"),
        ],
    )


def test_an_awkward_database_over_several_years(db: Database, tmp_path: Path) -> None:
    for year in (2022, 2023, 2024):
        import_table(db=db, table=_awkward(year))
    original = records.dump(db=db)
    assert original["counts"]["events"] == 3 * (12 * 9 + 140)
    assert _round_trip(db, [2022, 2023, 2024], tmp_path) == original


def test_a_year_without_events_exports_the_partners(db: Database, tmp_path: Path) -> None:
    import_table(db=db, table=_awkward(2024))
    path = tmp_path / "2025.xlsx"
    result = export_workbook(db=db, year=2025, path=path)
    assert result.counts["events"] == 0 and result.counts["agreements"] == 12
    back = read_table(path)
    assert back.year == 2025 and back.counts()["agreements"] == 12

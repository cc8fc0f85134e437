"""export_workbook: filters, refusals, warnings about records the table cannot carry, progress."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from spbgui.io.xlsx.read import read_table
from spbgui.services.export import ExportCancelled, ExportError, export_workbook
from spbgui.services.importer import import_table
from spbgui.store.database import Database
from spbgui.store.models import Event, Partner


@pytest.fixture
def filled(db: Database, fixture_xlsx: Path) -> Database:
    import_table(db=db, table=read_table(fixture_xlsx))
    return db


def test_the_whole_year(filled: Database, tmp_path: Path) -> None:
    result = export_workbook(db=filled, year=2024, path=tmp_path / "all.xlsx")
    assert result.path == tmp_path / "all.xlsx"
    assert result.year == 2024
    assert result.counts == {
        "regions": 5,
        "countries": 26,
        "partners": 37,
        "agreements": 41,
        "events": 96,
        "dated_events": 89,
    }
    assert result.warnings == []
    assert result.as_json()["counts"]["events"] == 96


def test_a_region_and_a_country(filled: Database, tmp_path: Path) -> None:
    result = export_workbook(db=filled, year=2024, path=tmp_path / "cis.xlsx", regions=["СНГ"])
    assert result.counts["regions"] == 1 and result.counts["countries"] == 9
    back = read_table(tmp_path / "cis.xlsx")
    assert [r.name for r in back.regions] == ["СНГ"]

    result = export_workbook(
        db=filled, year=2024, path=tmp_path / "two.xlsx", countries=["Куба", "Вьетнам"]
    )
    back = read_table(tmp_path / "two.xlsx")
    assert [(r.name, [c.name for c in r.countries]) for r in back.regions] == [
        ("Азия", ["Вьетнам"]),
        ("Латинская Америка", ["Куба"]),
    ]
    ws = openpyxl.load_workbook(tmp_path / "two.xlsx")["Мероприятия"]
    assert {row[1] for row in ws.iter_rows(min_row=2, values_only=True)} == {"Куба", "Вьетнам"}


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"regions": ["Антарктида"]}, "Региона «Антарктида» нет в базе"),
        ({"countries": ["Атлантида", "Лемурия"]}, "Стран «Атлантида», «Лемурия» нет в базе"),
        ({"regions": ["Европа"], "countries": ["Куба"]}, "Нечего выгружать"),
    ],
)
def test_filters_that_select_nothing_are_refused(
    filled: Database, tmp_path: Path, kwargs: dict, words: str
) -> None:
    path = tmp_path / "x.xlsx"
    with pytest.raises(ExportError) as err:
        export_workbook(db=filled, year=2024, path=path, **kwargs)
    assert words in str(err.value)
    assert not path.exists()


def test_an_empty_database_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        export_workbook(db=db, year=2024, path=tmp_path / "x.xlsx")
    assert "Нечего выгружать" in str(err.value)


def test_events_tied_to_no_agreement_are_reported(filled: Database, tmp_path: Path) -> None:
    with filled.write() as s:
        p = s.query(Partner).filter_by(name="Сантьяго-де-Куба").one()
        s.add(Event(partner_id=p.id, year=2024, text="Встреча без соглашения.", position=99))
    result = export_workbook(db=filled, year=2024, path=tmp_path / "x.xlsx")
    assert len(result.warnings) == 1
    assert "«Сантьяго-де-Куба» (Куба)" in result.warnings[0]
    assert "первого соглашения" in result.warnings[0]
    # Filtered out, the partner is not mentioned.
    other = export_workbook(db=filled, year=2024, path=tmp_path / "y.xlsx", regions=["СНГ"])
    assert other.warnings == []


def test_progress_and_cancel(filled: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_workbook(
        db=filled, year=2024, path=tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1][0] == seen[-1][1] > 0
    path = tmp_path / "c.xlsx"
    with pytest.raises(ExportCancelled):
        export_workbook(db=filled, year=2024, path=path, cancelled=lambda: True)
    assert not path.exists()


def test_nothing_in_the_database_changes(filled: Database, tmp_path: Path) -> None:
    from spbgui.services import records

    before = records.dump(db=filled)
    export_workbook(db=filled, year=2024, path=tmp_path / "x.xlsx")
    assert records.dump(db=filled) == before

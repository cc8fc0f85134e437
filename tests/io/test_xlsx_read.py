"""The 2024 fixture read through read_table gives exactly the expected JSON, by either reader."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import ParsedTable, PartnerKind
from spbgui.io.xlsx.read import ImportCancelled, read_table

FIXTURES = Path(__file__).resolve().parents[1] / "data"
XLSX = FIXTURES / "cooperation_2024.xlsx"
EXPECTED = FIXTURES / "cooperation_2024.expected.json"

ENGINES = ["calamine", "openpyxl"]


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data = json.loads(EXPECTED.read_text("utf-8"))
    for agreement in data["agreements"]:
        agreement.pop("raw_events", None)  # the published cell, not part of the records
    return data


@pytest.fixture(scope="module", params=ENGINES)
def parsed(request: pytest.FixtureRequest) -> ParsedTable:
    return read_table(XLSX, engine=request.param)


@pytest.fixture(scope="module")
def records(parsed: ParsedTable) -> dict[str, Any]:
    return parsed_to_records(parsed)


def test_year_and_counts(records: dict[str, Any], expected: dict[str, Any]) -> None:
    assert records["year"] == expected["year"] == 2024
    assert records["counts"] == expected["counts"]
    assert records["counts"] == {
        "regions": 5,
        "countries": 26,
        "partners": 37,
        "agreements": 41,
        "events": 96,
        "dated_events": 89,
    }


@pytest.mark.parametrize("kind", ["regions", "countries", "partners"])
def test_records_match(records: dict[str, Any], expected: dict[str, Any], kind: str) -> None:
    assert len(records[kind]) == len(expected[kind])
    for i, (got, want) in enumerate(zip(records[kind], expected[kind], strict=True)):
        assert got == want, f"{kind}[{i}]"


def test_agreements_match(records: dict[str, Any], expected: dict[str, Any]) -> None:
    assert len(records["agreements"]) == len(expected["agreements"])
    pairs = zip(records["agreements"], expected["agreements"], strict=True)
    for i, (got, want) in enumerate(pairs):
        where = f"agreements[{i}] {want['country']} / {want['partner']}"
        for key in ("country", "partner", "title", "dates"):
            assert got[key] == want[key], f"{where}: {key}"
        assert len(got["events"]) == len(want["events"]), f"{where}: events"
        for j, (ge, we) in enumerate(zip(got["events"], want["events"], strict=True)):
            assert ge == we, f"{where}: event {j}"


def test_both_readers_give_the_same_table() -> None:
    by_calamine = read_table(XLSX, engine="calamine")
    by_openpyxl = read_table(XLSX, engine="openpyxl")
    assert by_calamine == by_openpyxl
    assert read_table(XLSX) == by_calamine  # "auto" is calamine when it is installed


def test_report_names_every_assumption_with_its_row(parsed: ParsedTable) -> None:
    by_row = {w.row: w.message for w in parsed.warnings}
    for row in (30, 34, 41, 47):  # page-break continuations
        assert "продолжение" in by_row[row], row
    assert "Минск" in by_row[32] and "Белоруссия" in by_row[32]
    assert all(w.row for w in parsed.warnings)
    assert str(parsed.warnings[0]).startswith("строка ")
    assert parsed.sheet == "Лист1"


def test_partner_kinds_and_names(parsed: ParsedTable) -> None:
    partners = {
        (c.name, p.name): p for r in parsed.regions for c in r.countries for p in c.partners
    }
    assert partners[("Киргизия", "Ош")].kind == PartnerKind.CITY  # «г. Ош» without «г.»
    assert partners[("Вьетнам", "Провинция Дьенбьен")].kind == PartnerKind.PROVINCE
    assert partners[("Иран", "провинция Исфаган")].kind == PartnerKind.PROVINCE
    assert partners[("Босния и Герцеговина", "Республика Сербская")].kind == PartnerKind.REGION
    sukhui = partners[("Китай", "Муниципальный район Сюхуэй, г. Шанхай")]
    assert sukhui.kind == PartnerKind.DISTRICT
    for country in ("Белоруссия", "Киргизия", "Туркменистан"):
        assert partners[(country, None)].kind == PartnerKind.COUNTRY
    belarus = partners[("Белоруссия", None)]
    assert [a.row for a in belarus.agreements] == [29, 31, 33]
    assert len(partners[("Белоруссия", "Минск")].agreements) == 1


def test_agreement_rows_and_notes(parsed: ParsedTable) -> None:
    agreements = [
        a for r in parsed.regions for c in r.countries for p in c.partners for a in p.agreements
    ]
    assert all(a.row for a in agreements)
    assert all(a.note == "" for a in agreements)
    assert [d.iso() for d in agreements[0].dates] == ["2017-06"]


def test_year_argument_overrides_the_header() -> None:
    table = read_table(XLSX, year=2025)
    assert table.year == 2025
    starts = {
        e.date.start.year
        for r in table.regions
        for c in r.countries
        for p in c.partners
        for a in p.agreements
        for e in a.events
        if e.date.start
    }
    assert starts == {2025}
    assert any("2024" in w.message and "2025" in w.message for w in table.warnings)


def test_progress_reaches_the_total() -> None:
    calls: list[tuple[int, int]] = []
    read_table(XLSX, progress=lambda done, total: calls.append((done, total)))
    assert calls
    assert calls[-1][0] == calls[-1][1] > 0
    assert all(0 <= done <= total for done, total in calls)
    assert len({total for _done, total in calls}) == 1
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)


def test_cancelled_is_a_plain_message() -> None:
    from spbgui.errors import UserError

    assert isinstance(ImportCancelled(), UserError)
    assert str(ImportCancelled()) == "Импорт отменён, база данных не изменена."


def test_cancel_before_and_during_reading() -> None:
    with pytest.raises(ImportCancelled):
        read_table(XLSX, cancelled=lambda: True)
    asked = 0

    def cancel_on_third_question() -> bool:
        nonlocal asked
        asked += 1
        return asked >= 3

    with pytest.raises(ImportCancelled):
        read_table(XLSX, cancelled=cancel_on_third_question)


def test_cells_without_references(tmp_path: Path, expected: dict[str, Any]) -> None:
    """Some writers leave out r="B7"; a cell's place is then its order in the row."""
    path = tmp_path / "noref.xlsx"
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(XLSX) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == sheet:
                data = re.sub(rb'(<c) r="[A-Z]+[0-9]+"', rb"\1", data)
                assert b'<c r="' not in data
            zout.writestr(info.filename, data)
    for engine in ENGINES:
        got = parsed_to_records(read_table(path, engine=engine))
        assert got["counts"] == expected["counts"]
        assert got["agreements"] == expected["agreements"]


def test_without_calamine_openpyxl_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the reading child process does when calamine is missing, run here to patch it."""
    import sys

    from spbgui.io.xlsx.read import ReadLimits
    from spbgui.io.xlsx.sheets import read_sheets

    by_openpyxl = read_sheets(str(XLSX), ReadLimits(), "openpyxl")
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import now raises ImportError
    assert read_sheets(str(XLSX), ReadLimits(), "auto") == by_openpyxl
    with pytest.raises(ImportError):
        read_sheets(str(XLSX), ReadLimits(), "calamine")


def test_column_letters_are_the_spreadsheets_own() -> None:
    from openpyxl.utils.cell import get_column_letter

    from spbgui.io.table.grid import column_letter

    for col in [*range(1, 800), 16_383, 16_384, 18_278]:
        assert column_letter(col) == get_column_letter(col)

"""Nothing a spreadsheet would run, nothing changed on the way out, no half-written file."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

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
from spbgui.io.xlsx_writer.cells import MAX_CELL_CHARS, cell_text, needs_quote
from spbgui.io.xlsx_writer.workbook import ExportCancelled, ExportError, write_table

HYPERLINK = '=HYPERLINK("http://example.com","x")'


def _event(text: str, day: int | None = 3) -> EventText:
    date = EventDate(PartialDate(2024, 5, day)) if day else EventDate()
    return EventText(date, text)


def _table(
    *,
    partner: str | None = "Белград",
    title: str = "Соглашение о партнёрстве",
    events: list[EventText] | None = None,
    region: str = "Европа",
    country: str = "Сербия",
) -> ParsedTable:
    agreement = TableAgreement(title, [PartialDate(2009)], "", events or [_event("визит")], row=0)
    return ParsedTable(
        year=2024,
        regions=[
            TableRegion(
                region, [TableCountry(country, [TablePartner(partner, agreements=[agreement])])]
            )
        ],
    )


def _first(table: ParsedTable) -> tuple[TablePartner, TableAgreement]:
    partner = table.regions[0].countries[0].partners[0]
    return partner, partner.agreements[0]


RISKY = [
    HYPERLINK,
    "=1+2",
    "+7 (812) 576-00-00",
    "-5 градусов",
    "@SUM(A1:A2)",
    "#N/A",
    "#DIV/0!",
    "#ref!",
]


@pytest.mark.parametrize("text", RISKY)
def test_formula_like_text_stays_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "risky.xlsx"
    write_table(_table(partner=text, title=text, events=[_event(text, None)]), path)
    wb = openpyxl.load_workbook(path)
    table, events = wb.worksheets
    for cell in (table["B4"], table["C4"], table["E4"], events["C2"], events["D2"], events["I2"]):
        assert cell.value == text
        assert cell.data_type == "s", cell.coordinate
        assert cell.quotePrefix == needs_quote(text)
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            assert b"<f>" not in zf.read(name)
    # And an import of the export gives the same text back, still as plain text.
    back = read_table(path)
    partner, agreement = _first(back)
    assert (partner.name, agreement.title, agreement.events[0].text) == (text, text, text)


def test_hyperlink_in_an_event_comes_back_as_that_text(tmp_path: Path) -> None:
    path = tmp_path / "link.xlsx"
    write_table(_table(events=[_event(HYPERLINK, None), _event("визит", 4)]), path)
    ws = openpyxl.load_workbook(path).worksheets[1]
    assert (ws["I2"].value, ws["I2"].data_type) == (HYPERLINK, "s")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(1).to_python()
    assert rows[1][8] == HYPERLINK
    _partner, agreement = _first(read_table(path))
    assert agreement.events[0] == EventText(EventDate(), HYPERLINK)


def test_tab_and_carriage_return_at_the_start_stay(tmp_path: Path) -> None:
    path = tmp_path / "ws.xlsx"
    write_table(_table(title="\t=1+1", events=[_event("\r=2+2", None)]), path)
    wb = openpyxl.load_workbook(path)
    assert wb.worksheets[0]["C4"].value == "\t=1+1"
    assert wb.worksheets[0]["C4"].quotePrefix
    assert wb.worksheets[1]["I2"].value == "\r=2+2"  # the reader keeps a carriage return


@pytest.mark.parametrize(
    "text",
    [
        "управляющий\x01символ",
        "вертикальная\x0bтабуляция\x0c",
        "литерал _x0041_ и _X00e9_ остаются",
        "всё вместе: \x1f_x0001_\x00",
    ],
)
@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_control_characters_and_escapes_come_back_the_same(
    tmp_path: Path, text: str, engine: str
) -> None:
    path = tmp_path / "ctl.xlsx"
    write_table(_table(partner="Белград", title=text), path)
    _partner, agreement = _first(read_table(path, engine=engine))
    assert agreement.title == " ".join(text.split())  # the reader folds white space in titles
    if not any(ch.isspace() for ch in text):
        assert agreement.title == text
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(1).to_python()
    assert rows[1][3] == text  # the events list keeps the title exactly


def test_cell_text_escapes_only_what_it_must() -> None:
    assert cell_text("обычный текст") == "обычный текст"
    assert cell_text("a\x01b") == "a_x0001_b"
    assert cell_text("_x0041_") == "_x005F_x0041_"
    assert cell_text("_x00GG_") == "_x00GG_"  # not an escape: nothing to protect


@pytest.mark.parametrize("bad", ["\ud800", "\udfff", "\ufffe", "\uffff"])
def test_broken_unicode_is_refused_naming_the_record(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "bad.xlsx"
    with pytest.raises(ExportError) as err:
        write_table(_table(title=f"Соглашение {bad} о дружбе"), path)
    message = str(err.value)
    assert "партнёр «Белград» (Сербия), соглашение «Соглашение \ufffd о дружбе»" in message
    assert "повреждённые или недопустимые символы" in message
    message.encode("utf-8")  # printable: the bad character itself is not in the message
    assert not path.exists()


def test_a_title_longer_than_a_cell_is_refused_naming_the_record(tmp_path: Path) -> None:
    path = tmp_path / "long.xlsx"
    with pytest.raises(ExportError) as err:
        write_table(_table(title="Соглашение " + "о " * MAX_CELL_CHARS), path)
    message = str(err.value)
    assert "партнёр «Белград» (Сербия)" in message
    assert "32 767" in message and "\n" not in message
    assert not path.exists()


def test_one_event_longer_than_a_cell_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError) as err:
        write_table(_table(events=[_event("слово " * 6000)]), tmp_path / "e.xlsx")
    assert "Белград" in str(err.value) and "мероприяти" in str(err.value)


def test_astral_characters_count_twice_against_the_limit(tmp_path: Path) -> None:
    emoji = "\U0001f600"
    with pytest.raises(ExportError):
        write_table(_table(title=emoji * (MAX_CELL_CHARS // 2 + 1)), tmp_path / "e.xlsx")
    write_table(_table(title=emoji * (MAX_CELL_CHARS // 2)), tmp_path / "ok.xlsx")


def test_many_events_go_on_in_the_next_rows_and_read_back_whole(tmp_path: Path) -> None:
    events = [
        _event(
            f"визит делегации № {n}: " + "обсуждение сотрудничества " * 10 + "завершён.", 1 + n % 28
        )
        for n in range(150)
    ]
    events.insert(40, _event(("Ведется работа по установке памятника. " * 200).strip(), None))
    path = tmp_path / "many.xlsx"
    result = write_table(_table(events=events), path)
    assert result.warnings == []
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = [r for r in ws.iter_rows(min_row=4) if r[4].value]
    assert len(rows) > 3  # the cell went on over several rows
    assert all(len(r[4].value) <= MAX_CELL_CHARS for r in rows)
    assert all(ws.row_dimensions[r[0].row].height <= 409 for r in rows)
    # Continuation rows carry only the events; the country's merge stops above them.
    assert all(c.value is None for r in rows[1:] for c in r[:4])
    assert all(
        r.max_row < rows[1][0].row or r.min_row >= rows[1][0].row for r in ws.merged_cells.ranges
    )
    for engine in ("calamine", "openpyxl"):
        _partner, agreement = _first(read_table(path, engine=engine))
        assert agreement.events == events


def test_what_would_read_back_otherwise_is_reported(tmp_path: Path) -> None:
    table = _table(
        partner="г. Нови-Сад",
        events=[_event("встреча <p>в мэрии</p>"), _event("продолжение без даты", None)],
        region="Без региона",
    )
    result = write_table(table, tmp_path / "w.xlsx")
    text = "\n".join(result.warnings)
    assert "партнёр («Нови-Сад»)" in text
    assert "мероприятия" in text
    assert "регион «Без региона»" in text
    assert all("\n" not in w for w in result.warnings)


def test_an_unknown_country_as_a_whole_is_reported(tmp_path: Path) -> None:
    table = _table()
    table.regions[0].countries.append(
        TableCountry("Новая Страна", [TablePartner(None, agreements=[TableAgreement("Договор")])])
    )
    result = write_table(table, tmp_path / "w.xlsx")
    assert any("«Новая Страна»" in w for w in result.warnings)


# --- the file is replaced whole or not at all ------------------------------------------------


@pytest.fixture
def old_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "Сотрудничество.xlsx"
    write_table(_table(title="Прежний файл"), path)
    return path, path.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def _sheet_files_left() -> list[str]:
    """openpyxl's temporary sheet files still on disk (it lists every one it makes)."""
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    return [f for f in ALL_TEMP_FILES if os.path.exists(f)]


def test_a_full_disk_midway_leaves_the_old_file_intact(old_file, monkeypatch) -> None:
    path, before = old_file
    real_write = zipfile.ZipFile.write
    calls = {"n": 0}

    def failing_write(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # the second sheet: the first is already in the archive
            self.fp.write(b"\0" * 1000)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", failing_write)
    with pytest.raises(ExportError) as err:
        write_table(_table(title="Новый файл"), path)
    assert "не хватает места" in str(err.value)
    assert calls["n"] == 2
    assert path.read_bytes() == before
    assert _leftovers(path.parent) == []
    assert _sheet_files_left() == []


def test_a_failed_fsync_or_rename_leaves_the_old_file_intact(old_file, monkeypatch) -> None:
    path, before = old_file

    def no_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", no_fsync)
    with pytest.raises(ExportError):
        write_table(_table(title="Новый файл"), path)
    assert path.read_bytes() == before
    monkeypatch.undo()

    def locked(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as err:
        write_table(_table(title="Новый файл"), path)
    assert "открыт в другой программе" in str(err.value)
    assert path.read_bytes() == before
    assert _leftovers(path.parent) == []


def test_cancel_writes_nothing(old_file) -> None:
    path, before = old_file
    with pytest.raises(ExportCancelled):
        write_table(_table(title="Новый файл"), path, cancelled=lambda: True)
    assert path.read_bytes() == before and _leftovers(path.parent) == []
    # Cancelled at the last moment, both sheets written: no temporary file stays behind.
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    made = len(ALL_TEMP_FILES)
    asked = iter(range(1000))
    with pytest.raises(ExportCancelled):
        write_table(_table(title="Новый файл"), path, cancelled=lambda: next(asked) >= 6)
    assert len(ALL_TEMP_FILES) == made + 2  # the two sheets were written
    assert path.read_bytes() == before and _leftovers(path.parent) == []
    assert _sheet_files_left() == []


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_table(_table(), tmp_path / "p.xlsx", progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)


def test_a_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "new.xlsx"
    write_table(_table(), path)
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    ("name", "words"),
    [("report.xls", ".xlsx"), ("no/such/folder/t.xlsx", "не существует")],
)
def test_bad_targets_are_refused(tmp_path: Path, name: str, words: str) -> None:
    with pytest.raises(ExportError) as err:
        write_table(_table(), tmp_path / name)
    assert words in str(err.value)

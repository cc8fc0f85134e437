"""Word tables as the committee writes them, built here with python-docx, and hostile documents."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import TableError
from spbgui.io.xlsx.guard import ReadLimits

HEADER = [
    "Страна",
    "Город",
    "Основание для сотрудничества",
    "Год установления связей/ подписания документа",
    "Основные мероприятия в 2024 году",
]

Rows = Sequence[Sequence[str | None]]


def _fill(cell, value: str) -> None:
    """Paragraphs by blank-line-free «\\n\\n», line breaks by «\\n» inside a paragraph."""
    for n, para in enumerate(value.split("\n\n")):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        for k, line in enumerate(para.split("\n")):
            run = p.add_run(line)
            if k < len(para.split("\n")) - 1:
                run.add_break()


def add_table(document, rows: Rows, merges: Sequence[tuple[int, int, int, int]] = ()):
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value:
                _fill(table.cell(r, c), value)
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    return table


def make_docx(path: Path, *parts: Any, title: str | None = None) -> Path:
    """A document: the title, then each part — a (rows, merges) table or a paragraph's text."""
    document = docx.Document()
    if title:
        document.add_paragraph().add_run(title).bold = True
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
        else:
            add_table(document, *part)
    document.save(str(path))
    return path


def _records(path: Path) -> dict[str, Any]:
    return parsed_to_records(read_file(path))


def test_a_table_under_its_title_with_merged_country_and_region_cells(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["ЕВРОПА", None, None, None, None],
        [
            "Венгрия",
            "Будапешт",
            "Соглашение о партнёрстве",
            "16 декабря 2015 г.",
            "10 октября – визит",
        ],
        [None, "Печ", "Соглашение о дружбе", "2009", "Июнь – выставка"],
        ["АЗИЯ", None, None, None, None],
        ["Вьетнам", "Хошимин", "Соглашение о партнёрстве", "09.12.2005", None],
    ]
    merges = [(1, 0, 1, 4), (2, 0, 3, 0), (4, 0, 4, 4)]  # region rows across; Венгрия down
    path = make_docx(
        tmp_path / "t.docx", (rows, merges), title="СОТРУДНИЧЕСТВО САНКТ-ПЕТЕРБУРГА С ГОРОДАМИ"
    )
    records = _records(path)
    assert records["regions"] == ["Европа", "Азия"]
    assert [(p["country"], p["name"]) for p in records["partners"]] == [
        ("Венгрия", "Будапешт"),
        ("Венгрия", "Печ"),
        ("Вьетнам", "Хошимин"),
    ]
    assert records["agreements"][0]["dates"] == ["2015-12-16"]
    assert records["agreements"][1]["events"] == [
        {"start": "2024-06", "end": "2024-06", "text": "выставка"}
    ]


def test_paragraphs_and_line_breaks_in_a_cell_are_events(tmp_path: Path) -> None:
    events = (
        "3-6 июля – визит делегации\n15 мая – концерт\n\nИюнь – выставка\n\nпродолжение выставки"
    )
    rows = [HEADER, ["СНГ"], ["Армения", "Ереван", "Соглашение", "1997", events]]
    (agreement,) = _records(make_docx(tmp_path / "t.docx", (rows, [])))["agreements"]
    # A line break starts a line as a paragraph does; a paragraph in lower case goes on.
    assert [(e["start"], e["end"], e["text"]) for e in agreement["events"]] == [
        ("2024-07-03", "2024-07-06", "визит делегации"),
        ("2024-05-15", "2024-05-15", "концерт"),
        ("2024-06", "2024-06", "выставка продолжение выставки"),
    ]


def test_a_long_table_split_in_parts_is_one_table(tmp_path: Path) -> None:
    first = [
        HEADER,
        ["ЕВРОПА"],
        ["Венгрия", "Будапешт", "Соглашение о партнёрстве", "2015", "3 мая – визит"],
    ]
    # The second part repeats the header, as Word users copy it; the third does not.
    second = [HEADER, ["Сербия", "Белград", "Соглашение о", "2021", "2 июля – визит"]]
    third = [
        [None, None, "партнёрстве", None, None],  # the rest of a row split by the page break
        ["АЗИЯ"],
        ["Индия", "Мумбай", "Соглашение о партнёрстве", "1967", "27-30 июля – визит"],
    ]
    path = make_docx(
        tmp_path / "t.docx", (first, []), "", (second, []), "Продолжение таблицы", (third, [])
    )
    table = read_file(path)
    records = parsed_to_records(table)
    assert [a["title"] for a in records["agreements"]] == [
        "Соглашение о партнёрстве",
        "Соглашение о партнёрстве",
        "Соглашение о партнёрстве",
    ]
    assert [c["name"] for c in records["countries"]] == ["Венгрия", "Сербия", "Индия"]
    notes = [str(w) for w in table.warnings]
    assert notes[0].startswith("таблицы 1–3 документа прочитаны как одна")
    assert any("повтор строки заголовка" in n for n in notes)
    # Rows count on through the parts: the header of part 2 is row 4, its data row 5, part 3's
    # first row 6.
    assert any(n.startswith("строка 6: строка без страны, города и даты") for n in notes)


def test_a_table_after_other_text_is_another_table(tmp_path: Path) -> None:
    main = [HEADER, ["ЕВРОПА"], ["Венгрия", "Будапешт", "Соглашение о партнёрстве", "2015", None]]
    other = [
        ["Регион", "Стран", "Партнёров", "Соглашений", "Мероприятий"],
        ["Европа", "1", "1", "1", "0"],
    ]
    path = make_docx(tmp_path / "t.docx", (main, []), "Итоги года", (other, []))
    table = read_file(path)
    assert table.counts()["countries"] == 1
    assert "не импортированы: «таблица 2»" in str(table.warnings[0])


def test_the_table_may_be_the_second_one(tmp_path: Path) -> None:
    note = [["Исполнитель", "Иванова"]]
    main = [HEADER, ["АФРИКА"], ["ЮАР", "Кейптаун", "Соглашение о партнёрстве", "2001", None]]
    path = make_docx(tmp_path / "t.docx", (note, []), "Таблица", (main, []))
    assert _records(path)["partners"] == [
        {"country": "ЮАР", "name": "Кейптаун", "region": "Африка"}
    ]


def test_a_document_with_the_published_text_instead_of_a_table(tmp_path: Path) -> None:
    lines = ["\t".join(HEADER), "СНГ", "Армения\tЕреван\tСоглашение\t1997\t28 марта – визит"]
    path = make_docx(tmp_path / "t.docx", *lines)
    (agreement,) = _records(path)["agreements"]
    assert agreement["events"] == [{"start": "2024-03-28", "end": "2024-03-28", "text": "визит"}]


def test_no_table_anywhere_says_which_columns_are_needed(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "письмо.docx", "Добрый день!", ([["Страна", "Город"]], []))
    with pytest.raises(TableError, match=r"В документе «письмо\.docx» не найдена таблица"):
        read_file(path)


# --- hostile and damaged documents ---------------------------------------------------------


def _rewrite(path: Path, member: str, change) -> Path:
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info.filename, change(data) if info.filename == member else data)
    return path


def _small(tmp_path: Path) -> Path:
    rows = [HEADER, ["ЕВРОПА"], ["Венгрия", "Будапешт", "Соглашение", "2015", None]]
    return make_docx(tmp_path / "t.docx", (rows, []))


def test_an_entity_declaration_is_refused(tmp_path: Path) -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    path = _rewrite(_small(tmp_path), "word/document.xml", lambda d: bomb + d.split(b"?>", 1)[1])
    with pytest.raises(TableError, match="DOCTYPE/ENTITY"):
        read_file(path)


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = _small(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/big.bin", b"\0" * (50 * 2**20))
    with pytest.raises(TableError, match="сжата в"):
        read_file(path)


def test_a_table_with_more_cells_than_allowed_is_refused(tmp_path: Path) -> None:
    rows = [HEADER] + [["Венгрия", "Будапешт", "С", "2015", None]] * 100
    path = make_docx(tmp_path / "t.docx", (rows, []))
    with pytest.raises(TableError, match="ячеек, допускается не более 200"):
        read_file(path, limits=ReadLimits(max_cells=200))


def test_a_cell_spanning_a_million_columns_is_refused(tmp_path: Path) -> None:
    path = _rewrite(
        _small(tmp_path),
        "word/document.xml",
        lambda d: d.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1000000"/>', 1),
    )
    with pytest.raises(TableError, match="больше 1000 столбцов"):
        read_file(path)


def test_a_damaged_document_is_refused(tmp_path: Path) -> None:
    path = _small(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(TableError, match="повреждён"):
        read_file(path)
    path = _rewrite(_small(tmp_path), "word/document.xml", lambda d: d[: len(d) // 2])
    with pytest.raises(TableError, match="повреждён"):
        read_file(path)


def test_vmerge_and_gridspan_by_hand() -> None:
    """The XML Word writes for a cell merged down and across, read without python-docx's help."""
    from spbgui.io.docx.cells import TableCells

    document = docx.Document()
    table = add_table(
        document,
        [["a", "b", "c"], ["d", None, None], [None, "e", "f"], ["g", "h", "i"]],
        [(0, 0, 2, 0), (1, 1, 1, 2)],
    )
    cells = TableCells()
    cells.add_table(table._tbl)
    # python-docx's merge moves the text of the cells merged into the first one.
    assert cells.rows[:3] == [["a\nd", "b", "c"], [], [None, "e", "f"]]
    assert sorted(cells.merged) == [(0, 0, 2, 0), (1, 1, 1, 2)]
    assert cells.rows[3] == ["g", "h", "i"]
    # gridBefore: a row that starts one column in.
    tr = table._tbl.tr_lst[3]
    tr_pr = tr.get_or_add_trPr()
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    tr_pr.insert(0, before)
    tr.remove(tr.tc_lst[0])
    cells = TableCells()
    cells.add_table(table._tbl)
    assert cells.rows[3] == [None, "h", "i"]


def test_a_macro_enabled_document_reads_as_a_document(tmp_path: Path) -> None:
    """A .docm (Word with macros; python-docx's Document() refuses it) has the same tables."""
    path = _small(tmp_path)
    docm = tmp_path / "t.docm"
    docm.write_bytes(path.read_bytes())
    _rewrite(
        docm,
        "[Content_Types].xml",
        lambda d: d.replace(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            b"application/vnd.ms-word.document.macroEnabled.main+xml",
        ),
    )
    assert b"macroEnabled" in zipfile.ZipFile(docm).read("[Content_Types].xml")
    assert _records(docm)["partners"] == [
        {"country": "Венгрия", "name": "Будапешт", "region": "Европа"}
    ]

"""The published 2024 text imports to exactly the expected records; text files of other shapes."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest

from spbgui.io.sources import TEXT, read_file, sniff
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.table.records import TableError
from spbgui.io.text.tsv import guess_separator, split_rows
from spbgui.io.xlsx.guard import ReadLimits

FIXTURES = Path(__file__).resolve().parents[1] / "data"
SEED = FIXTURES / "cooperation_2024.txt"


def test_the_published_text_gives_exactly_the_expected_records(
    expected_records: dict[str, Any],
) -> None:
    table = read_file(SEED)
    assert parsed_to_records(table) == expected_records
    notes = [str(w) for w in table.warnings]
    # The page breaks of the published document are continuation rows; Минск is a partner.
    assert any(n.startswith("строка 39: строка без страны, города и даты") for n in notes)
    assert any("«Минск» в столбце «Страна»" in n for n in notes)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("cp1251", b""),
    ],
)
def test_the_text_in_any_encoding_windows_writes(
    tmp_path: Path, expected_records: dict[str, Any], encoding: str, bom: bytes
) -> None:
    text = SEED.read_text("utf-8").replace("\n", "\r\n")
    # Windows-1251 has no «ё» problem but lacks a few signs; the seed uses only what it has.
    path = tmp_path / "таблица.tsv"
    path.write_bytes(bom + text.encode(encoding))
    assert sniff(path) is TEXT
    assert parsed_to_records(read_file(path)) == expected_records


def test_a_semicolon_csv_from_russian_excel(tmp_path: Path, header_row) -> None:
    rows = [
        header_row(2024),
        ["ЕВРОПА", "", "", "", ""],
        [
            "Венгрия",
            "Будапешт",
            "Соглашение; о партнёрстве",
            "2015",
            "3 мая – визит\n10 мая – выставка",
        ],
    ]

    def cell(v: str) -> str:
        return f'"{v}"' if any(ch in v for ch in ';"\n') else v

    path = tmp_path / "t.csv"
    path.write_text("\n".join(";".join(cell(v) for v in row) for row in rows), "cp1251")
    records = parsed_to_records(read_file(path))
    (agreement,) = records["agreements"]
    assert agreement["title"] == "Соглашение; о партнёрстве"
    assert [e["text"] for e in agreement["events"]] == ["визит", "выставка"]
    assert [e["start"] for e in agreement["events"]] == ["2024-05-03", "2024-05-10"]


def test_quoted_cells_as_excel_writes_them() -> None:
    assert split_rows('a\t"b\nc"\t"d ""e"""\n"x" y\tz\n') == [
        ["a", "b\nc", 'd "e"'],
        ['"x" y', "z"],
    ]
    assert guess_separator("a;b;c\n1;2;3") == ";"
    assert guess_separator("a\tb,c\n") == "\t"


def test_text_without_the_table_says_which_columns_are_needed(tmp_path: Path) -> None:
    path = tmp_path / "заметки.txt"
    path.write_text("Страна\tГород\nВенгрия\tБудапешт\n", "utf-8")
    with pytest.raises(
        TableError, match=r"В файле «заметки.txt» не найдена таблица .*нет столбцов"
    ):
        read_file(path)


def test_too_many_cells_are_refused_before_splitting(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("\t" * 5000, "utf-8")
    with pytest.raises(TableError, match="допускается не более 1 000"):
        read_file(path, limits=ReadLimits(max_cells=1000))

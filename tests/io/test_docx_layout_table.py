"""The committee's table inside a one-cell layout table (a frame Word users draw around it).

Such a document was refused as «не найдена таблица сотрудничества»: only the
outer table was looked at, and its one cell held the real table. A table
whose only cell holds tables is a frame: the tables inside it are read.
"""

from __future__ import annotations

import datetime as dt

import docx
import openpyxl

from spbgui.io.sources import read_file
from spbgui.io.table.as_json import parsed_to_records


def test_the_table_inside_a_frame(tmp_path, fixture_xlsx, expected_records) -> None:
    rows = [
        list(r) for r in openpyxl.load_workbook(fixture_xlsx).active.iter_rows(values_only=True)
    ]
    d = docx.Document()
    frame = d.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = str(rows[0][0])
    inner = frame.add_table(rows=len(rows) - 2, cols=5)
    for i, row in enumerate(rows[2:]):
        for j, value in enumerate(row):
            if isinstance(value, dt.datetime):
                value = value.strftime("%d.%m.%Y")
            inner.cell(i, j).text = "" if value is None else str(value)
    path = tmp_path / "в рамке.docx"
    d.save(path)
    got = parsed_to_records(read_file(path))
    assert got["counts"] == expected_records["counts"]
    assert got["countries"] == expected_records["countries"]

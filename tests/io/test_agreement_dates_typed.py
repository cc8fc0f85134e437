"""Agreement dates (4th column) as staff type them beyond the published forms.

«9.12.05», «2005-12-09» (what LibreOffice and a CSV give), «09/12/2005», «дек. 2005»,
«с 2005 г.», «от 09.12.2005» were each refused as a whole: the agreement lost its
date into a note, and the import report listed one warning per row. Each names one
date at its precision, as «09.12.2005» does.
"""

from __future__ import annotations

import pytest

from spbgui.io.sources import read_file

CASES = [
    ("9.12.05", ["2005-12-09"]),
    ("09.12.67", ["1967-12-09"]),
    ("2005-12-09", ["2005-12-09"]),
    ("09/12/2005", ["2005-12-09"]),
    ("9/12/2005 г.", ["2005-12-09"]),
    ("дек. 2005", ["2005-12"]),
    ("9 дек. 2005 г.", ["2005-12-09"]),
    ("сент. 2017", ["2017-09"]),
    ("с 2005 г.", ["2005"]),
    ("от 09.12.2005", ["2005-12-09"]),
    ("от 09.12.2005, с 2011 г.", ["2005-12-09", "2011"]),
    ("09.12.2005\n2011", ["2005-12-09", "2011"]),
]


@pytest.mark.parametrize(("typed", "isos"), CASES, ids=[c[0] for c in CASES])
def test_a_typed_date_is_read(tmp_path, write_rows, header_row, typed, isos) -> None:
    path = write_rows(
        tmp_path / "dates.xlsx",
        [
            header_row(),
            ["ЕВРОПА"],
            ["Венгрия", "Будапешт", "Соглашение о партнёрстве", typed, "10 октября – визит"],
        ],
    )
    table = read_file(path)
    (agreement,) = table.regions[0].countries[0].partners[0].agreements
    assert [d.iso() for d in agreement.dates] == isos
    assert agreement.note == ""
    assert not [w for w in table.warnings if "дата" in str(w)]


@pytest.mark.parametrize("typed", ["2005-2010", "н/д", "09.12.2005 (Ташкент)", "32.13.2005"])
def test_what_is_no_date_still_goes_to_the_note(tmp_path, write_rows, header_row, typed) -> None:
    path = write_rows(
        tmp_path / "dates.xlsx",
        [
            header_row(),
            ["ЕВРОПА"],
            ["Венгрия", "Будапешт", "Соглашение о партнёрстве", typed, "10 октября – визит"],
        ],
    )
    table = read_file(path)
    (agreement,) = table.regions[0].countries[0].partners[0].agreements
    assert agreement.dates == []
    assert typed in agreement.note

"""Hypothesis makes workbooks of every odd shape; the importer imports each or refuses it cleanly.

Never a crash, a hang or a partial import: after each run the database holds either what it
held before or that plus exactly what the file holds.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from spbgui.errors import UserError
from spbgui.services import records
from spbgui.services.importer import import_workbook
from spbgui.store.database import open_database

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx"
HEADER = [
    "Страна", "Город", "Основание для сотрудничества",
    "Год установления связей/ подписания документа", "Основные мероприятия в 2024 году",
]  # fmt: skip

words = st.sampled_from(
    ["визит", "делегации", "Ташкент", "«Диалог»", "№ 1", "75-й", "<p>", "</p>", "\n", "\t",
     "3-6 июля –", "Июнь –", "31 июня –", "29 января – 16 февраля –", "г. Ош", "научно-",
     "ЕВРОПА", "=SUM(A1)", "#N/A", "ё", ".", "\u00a0", "\u200b", "\x07"]
)  # fmt: skip
texts = st.lists(words, max_size=12).map(" ".join).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
long_texts = st.integers(1, 40_000).map(lambda n: "слово " * (n // 6))
cells = st.one_of(
    st.none(), texts, long_texts, st.integers(-10, 100_000), st.floats(allow_nan=False),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.sampled_from(["ЕВРОПА", "АЗИЯ", "СНГ"]),
)  # fmt: skip
rows = st.lists(st.lists(cells, min_size=1, max_size=6), max_size=25)
merges = st.lists(st.tuples(st.integers(1, 5), st.integers(4, 30), st.integers(0, 3)), max_size=4)


OUTCOMES = {"imported": 0, "refused": 0}


def _write(path: Path, body: list[list[object]], merged: list[tuple[int, int, int]], header: bool):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["СОТРУДНИЧЕСТВО"])
    if header:
        ws.append(HEADER)
    for row in body:
        ws.append(row)
    for col, top, extra in merged:
        try:
            ws.merge_cells(start_row=top, start_column=col, end_row=top + extra, end_column=col)
        except ValueError:
            pass
    wb.save(path)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=rows, merged=merges, header=st.booleans(), data=st.data())
def test_any_workbook_imports_whole_or_not_at_all(body, merged, header, data) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "random.xlsx"
        _write(xlsx, body, merged, header)
        db = open_database(Path(tmp) / "db.sqlite")
        try:
            if data.draw(st.booleans(), label="database already has 2024"):
                from spbgui.io.xlsx.read import read_table  # noqa: F401 - keeps imports local

                import_workbook(
                    db=db,
                    path=FIXTURE,
                )
            before = records.counts(db=db)
            try:
                result = import_workbook(db=db, path=xlsx, replace_year=True)
            except UserError as exc:
                assert str(exc).strip() and "\n" not in str(exc).strip()
                assert records.counts(db=db) == before
                OUTCOMES["refused"] += 1
                return
            OUTCOMES["imported"] += 1
            after = records.counts(db=db)
            assert after.events == result.counts["events"] + (
                before.events - result.replaced_events
            )
            assert after.partners == before.partners + result.created["partners"]
            assert after.agreements == before.agreements + result.created["agreements"]
        finally:
            db.close()


def test_the_fuzzing_reached_both_outcomes() -> None:
    """Runs after the property above (file order): it must have imported and refused some."""
    assert OUTCOMES["imported"] > 0 and OUTCOMES["refused"] > 0, OUTCOMES

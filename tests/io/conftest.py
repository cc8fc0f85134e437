"""Fixtures for the reader's tests: the expected 2024 records and a writer of small sheets.

Helpers are handed out as fixtures rather than imported, so the tests do not
depend on how pytest names the test modules.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "data"


def _write_rows(
    path: Path,
    rows: Sequence[Sequence[object]],
    *,
    merges: Sequence[str] = (),
    sheet: str = "Лист1",
) -> Path:
    """A workbook of one sheet with exactly these rows (None: an empty cell)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for r, values in enumerate(rows, 1):
        for c, value in enumerate(values, 1):
            if value is not None:
                ws.cell(r, c, value)
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


@pytest.fixture
def write_rows() -> Callable[..., Path]:
    return _write_rows


@pytest.fixture
def header_row() -> Callable[..., list[str]]:
    def make(year: int | str = 2024) -> list[str]:
        return [
            "Страна",
            "Город",
            "Основание для сотрудничества",
            "Год установления связей/ подписания документа",
            f"Основные мероприятия в {year} году",
        ]

    return make


@pytest.fixture(scope="session")
def expected_records() -> dict[str, Any]:
    data = json.loads((FIXTURES / "cooperation_2024.expected.json").read_text("utf-8"))
    for agreement in data["agreements"]:
        agreement.pop("raw_events", None)  # the published cell, not part of the records
    return data

"""The Word report spbgui writes is itself a table the import reads back to the same records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spbgui.io.sources import DOCX, read_file, sniff
from spbgui.io.table.as_json import parsed_to_records


def test_the_reports_word_file_reads_back_to_the_same_records(
    report_docx: Path, expected_2024: dict[str, Any]
) -> None:
    assert sniff(report_docx) is DOCX
    table = read_file(report_docx)
    expected = dict(expected_2024)
    expected["agreements"] = [
        {k: v for k, v in a.items() if k != "raw_events"} for a in expected_2024["agreements"]
    ]
    assert parsed_to_records(table) == expected
    # The summary table after the heading is not part of the committee's table.
    assert [str(w) for w in table.warnings] == [
        "таблица сотрудничества прочитана из части «таблица 1»; не импортированы: «таблица 2»"
    ]

"""The Word report spbgui writes is itself a table the import reads back to the same records."""

from __future__ import annotations

import re
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
    # The report's table comes a table a page (see spbgui/report/docx_rows.py), read as
    # one; the summary table after the heading is not part of the committee's table.
    # The notes say only that, and where a page break was.
    warnings = [str(w) for w in table.warnings]
    parts = re.match(r"таблицы 1–(\d+) документа прочитаны как одна", warnings[0])
    assert parts, warnings[0]
    n = int(parts[1])
    assert warnings[1] == (
        f"таблица сотрудничества прочитана из части «таблицы 1–{n}»; "
        f"не импортированы: «таблица {n + 1}»"
    )
    page_notes = re.compile(
        r"строка \d+: (повтор строки заголовка \(перенос на новую страницу\) пропущен"
        r"|строка без страны, города и даты — продолжение ячеек выше \(разрыв страницы\);"
        r" текст присоединён к строке \d+)"
    )
    assert all(page_notes.fullmatch(w) for w in warnings[2:]), warnings
    assert sum("повтор строки заголовка" in w for w in warnings) == n - 1


def test_a_row_over_several_pages_reads_back_whole(tmp_path: Path) -> None:
    """Белград's 150 events over many pages, under «Сербия (продолжение)» labels, and Ниш
    after them in the labelled cell: one partner, one agreement, every event, in order."""
    from tests.report.test_docx import _long_partner_docx

    table = read_file(_long_partner_docx(tmp_path, 150))
    ((serbia,),) = [r.countries for r in table.regions]
    assert serbia.name == "Сербия"
    assert [p.name for p in serbia.partners] == ["Белград", "Ниш"]
    (belgrade,) = serbia.partners[0].agreements
    texts = [e.text for e in belgrade.events]
    assert texts == [
        f"визит делегации номер {n} по важному вопросу сотрудничества" for n in range(150)
    ]
    assert [a.title for a in serbia.partners[1].agreements] == ["Соглашение о дружбе"]

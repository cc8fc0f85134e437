"""What the report says, before it is drawn: order, merged cells, counts."""

from __future__ import annotations

from spbgui.report import ReportOptions
from spbgui.report.content import build_content
from spbgui.services.table_data import load_table
from spbgui.store.database import Database


def _content(db: Database, **kw):
    return build_content(load_table(db=db, year=2024), ReportOptions(2024, **kw))


def test_rows_follow_the_committee_order_with_interleaved_partners(db_2024: Database) -> None:
    rows = _content(db_2024).table.rows
    belarus = [r for r in rows if r.kind == "data" and r.cells[0].span == rows[0].cells[0].span]
    assert belarus == []  # the first row is a region row and has no span
    by_country: dict[object, list] = {}
    for r in rows:
        if r.kind == "data":
            by_country.setdefault(r.cells[0].span, []).append(r)
    belarus = next(v for v in by_country.values() if v[0].cells[0].text == "Белоруссия")
    assert [r.cells[1].text for r in belarus] == ["", "", "Минск", ""]
    spans = [r.cells[1].span for r in belarus]
    # The country as a whole merges over its first two rows, not across Минск.
    assert spans[0] == spans[1] != spans[2] != spans[3] and spans[3] != spans[0]
    assert [r.cells[0].text for r in belarus] == ["Белоруссия", "", "", ""]


def test_regions_are_rows_in_capitals(db_2024: Database) -> None:
    regions = [r.cells[0].text for r in _content(db_2024).table.rows if r.kind == "region"]
    assert regions == ["ЕВРОПА", "АЗИЯ", "СНГ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА"]


def test_summary_counts_and_chart(db_2024: Database) -> None:
    summary = _content(db_2024).summary
    assert summary is not None
    total = summary.table.rows[-1]
    assert [c.text for c in total.cells] == ["Всего", "26", "37", "41", "96"]
    assert summary.chart.total == 89  # the dated events
    assert "7" in summary.chart.note
    assert summary.chart.series[0][0] == "Европа"


def test_a_selection_is_the_union_of_regions_and_countries(db_2024: Database) -> None:
    content = _content(db_2024, regions=("Африка",), countries=("Куба", "Китай"))
    regions = [r.cells[0].text for r in content.table.rows if r.kind == "region"]
    assert regions == ["АЗИЯ", "АФРИКА", "ЛАТИНСКАЯ АМЕРИКА"]
    countries = {r.cells[0].text for r in content.table.rows if r.kind == "data"} - {""}
    assert countries == {"Китай", "ЮАР", "Куба"}
    assert "Африка" in content.selection and "Куба" in content.selection

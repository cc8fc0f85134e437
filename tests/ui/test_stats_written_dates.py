"""Dates kept as staff wrote them («весна», «19 и 21 сентября») in the answers across years.

The window, the search, the export and the report show an event's date as it was
written; the statistics' list of the events behind a figure, the partner page's last
event and the dormant partners' last event showed the standard form made from the ends
instead («19-21 сентября»), or nothing at all for a date kept only as written.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.services import edit
from spbgui.services import years as years_service
from spbgui.ui.actions import ActionId


def _events(db, partner: str) -> dict[str, int]:
    """Text → id of the partner's events."""
    conn = sqlite3.connect(db.path)
    try:
        rows = conn.execute(
            "SELECT event.id, event.text FROM event JOIN partner ON partner.id = event.partner_id "
            "WHERE partner.name = ?",
            (partner,),
        ).fetchall()
    finally:
        conn.close()
    return {text: eid for eid, text in rows}


def _write_dates(db) -> None:
    """Ташкент's undated event kept as «весна», its last one written «19 и 21 сентября»."""
    found = _events(db, "Ташкент")
    spring = next(i for t, i in found.items() if t.startswith("Ведется работа"))
    last = next(i for t, i in found.items() if t.startswith("визит первого заместителя"))
    edit.update_event(db=db, event_id=spring, date=EventDate(written="весна"))
    edit.update_event(
        db=db,
        event_id=last,
        date=EventDate(
            PartialDate(2024, 9, 19), PartialDate(2024, 9, 21), written="19 и 21 сентября"
        ),
    )


def _column(model, column: int) -> list[str]:
    return [model.cell(r, column) for r in range(model.rowCount())]


def test_the_partner_page_shows_the_last_event_as_written(window, select_partner) -> None:
    _write_dates(window.db)
    select_partner("Ташкент")
    shown = window.details.partner.answers.last_event.text()
    assert shown.startswith("19 и 21 сентября 2024 г. — визит первого заместителя"), shown


def test_the_events_behind_a_figure_show_their_dates_as_written(window, qtbot) -> None:
    _write_dates(window.db)
    window.actions_[ActionId.STATISTICS].trigger()
    page = window.stats_window
    qtbot.waitExposed(page)
    page.level.setCurrentIndex(2)  # by partner
    model = page.years_model
    row = next(r for r in range(model.rowCount()) if model.cell(r, 0).startswith("Ташкент ("))
    index = model.index(row, 1)
    page.years_table.scrollTo(index)
    qtbot.mouseClick(
        page.years_table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.years_table.visualRect(index).center(),
    )
    assert page.behind_model.rowCount() == 10
    dates = _column(page.behind_model, 1)
    assert "19 и 21 сентября" in dates and "19-21 сентября" not in dates
    assert "весна" in dates


def test_a_dormant_partners_last_event_is_shown_as_written(window, qtbot) -> None:
    _write_dates(window.db)
    for year in (2025, 2026, 2027):  # three years without events: every partner is dormant
        years_service.start_year(db=window.db, year=year)
    window.actions_[ActionId.STATISTICS].trigger()
    page = window.stats_window
    qtbot.waitExposed(page)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(4).center())
    assert page.dormant_years.value() == 3
    partners = _column(page.dormant_model, 0)
    last = _column(page.dormant_model, 3)[partners.index("Ташкент")]
    assert last == "19 и 21 сентября 2024 г."

"""A country held in two regions is one country in the statistics' totals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spbgui.ui.actions import ActionId
from tests.ui import gestures
from tests.ui.gestures import Answers


def _row(model, name: str) -> list[str]:
    r = next(r for r in range(model.rowCount()) if model.cell(r, 0) == name)
    return [model.cell(r, c) for c in range(model.columnCount())]


def test_a_country_in_two_regions_is_one_country_in_the_total(
    qtbot, window, select_partner, messages
) -> None:
    """«Беларусь» added under Europe while «Белоруссия» is in the CIS: each region holds
    it, but the committee has 26 partner countries, not 27 (the table by country, which
    counts by the ISO code, has 26 rows)."""
    select_partner("Будапешт")  # in Europe: a new country goes into its region
    answers = Answers().expect(gestures.type_and_enter("Беларусь"))
    window.actions_[ActionId.ADD_COUNTRY].trigger()
    qtbot.waitUntil(lambda: not answers.busy())
    answers.stop()
    window.actions_[ActionId.STATISTICS].trigger()
    page = window.stats_window
    qtbot.waitExposed(page)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert _row(page.regions_model, "Европа")[1] == "4"  # Венгрия, Сербия, БиГ, Беларусь
    assert _row(page.regions_model, "СНГ")[1] == "9"
    regions = page.regions_model
    assert [regions.cell(regions.rowCount() - 1, c) for c in range(1, 4)] == ["26", "37", "41"]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    page.level.setCurrentIndex(1)  # by country
    assert page.years_model.rowCount() - 1 == 26

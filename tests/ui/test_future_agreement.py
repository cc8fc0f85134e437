"""An agreement dated in the future (a renewal planned, or a typo such as 2099): the partner
page's answers say the date is still to come, not that the agreement is «-73 лет» old."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from spbgui.services import details
from tests.ui.gestures import type_text


def test_an_agreement_dated_in_the_future_has_no_negative_age(
    qtbot, window, select_partner, russian
) -> None:
    pid = select_partner("Ташкент")
    table = window.details.partner.agreements.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))  # its dates
    QTest.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(editor, "01.01.2099")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: details.agreements(db=window.db, partner_id=pid)[0].dates_text == "01.01.2099"
    )
    ages = window.details.partner.answers.ages.text()
    assert not re.search(r"-\s*\d+\s*(год|лет)", ages), ages
    assert "01.01.2099" in ages and "ещё не наступила" in ages, ages

"""The two questions about a typed event date: keep one not understood as written, and put
one of another year in that year.

Each is an ``ask()`` classmethod, so that a test can answer it (see :mod:`spbgui.ui.dialogs`).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from spbgui.domain.dates import quote_typed


class KeepAsWritten:
    @classmethod
    def ask(cls, parent: QWidget | None, text: str, why: str) -> bool:
        """«весной» cannot be read: keep it as written (True) or go back and correct it."""
        box = cls.box(parent, text, why)
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.AcceptRole

    @classmethod
    def box(cls, parent: QWidget | None, text: str, why: str) -> QMessageBox:
        """The question, not yet shown; what was typed is quoted short (a pasted page too)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DateQuestions", "The date is not understood"),
            why,
            parent=parent,
        )
        box.setObjectName("keepAsWrittenDialog")
        box.setInformativeText(
            QCoreApplication.translate(
                "DateQuestions",
                "Keep “%1” as written? The event will count as undated until the date is "
                "corrected; Edit → Dates Not Understood lists such events.",
            ).replace("%1", quote_typed(text))
        )
        box.addButton(
            QCoreApplication.translate("DateQuestions", "Keep as Written"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        fix = box.addButton(
            QCoreApplication.translate("DateQuestions", "Correct the Date"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(fix)
        return box


class YearChoice(enum.Enum):
    MOVE = "move"  # put the event in the date's year
    KEEP = "keep"  # keep it in the table's year, with the date as written
    CANCEL = "cancel"


class OtherYear:
    @classmethod
    def ask(cls, parent: QWidget | None, written: str, year: int, table_year: int) -> YearChoice:
        """«09.12.2024» typed in the 2025 table: put the event in 2024, keep it, or cancel."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("DateQuestions", "A date of another year"),
            QCoreApplication.translate(
                "DateQuestions", "The date “%1” is in %2, but the table is open for %3."
            )
            .replace("%1", written)
            .replace("%2", str(year))
            .replace("%3", str(table_year)),
            parent=parent,
        )
        box.setObjectName("otherYearDialog")
        box.setInformativeText(
            QCoreApplication.translate(
                "DateQuestions", "Put the event in the table of %1?"
            ).replace("%1", str(year))
        )
        move = box.addButton(
            QCoreApplication.translate("DateQuestions", "Put in %1").replace("%1", str(year)),
            QMessageBox.ButtonRole.AcceptRole,
        )
        keep = box.addButton(
            QCoreApplication.translate("DateQuestions", "Keep in %1").replace(
                "%1", str(table_year)
            ),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(move)
        box.exec()
        clicked = box.clickedButton()
        if clicked is move:
            return YearChoice.MOVE
        return YearChoice.KEEP if clicked is keep else YearChoice.CANCEL

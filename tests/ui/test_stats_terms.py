"""An agreement's status set by hand is what every view says of it.

Found by trying the term editor as a clerk: a road map «на 2021–2023 гг.» that goes on
unwritten was set to «действует» through «Срок соглашения…»; the partner page then said
«действует», while the statistics' Terms tab still listed it as «истекло» and the tree
kept its red mark «Срок соглашения истёк».
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from spbgui.domain.terms import IN_FORCE
from spbgui.ui.actions import ActionId
from tests.ui import gestures
from tests.ui.gestures import Answers

SERB = "Республика Сербская"  # its one agreement: «Дорожная карта … на 2021- 2023 гг.»


def _column(model, column: int) -> list[str]:
    return [model.cell(r, column) for r in range(model.rowCount())]


def _marks_settled(qtbot, window) -> None:
    marks = window.tree_marks
    qtbot.waitUntil(
        lambda: (
            not marks._timer.isActive()
            and not marks._again
            and (marks._task is None or not marks._task.isRunning())
        ),
        timeout=30_000,
    )
    qtbot.wait(50)  # the last run's marks arrive through the event loop


def test_an_agreement_set_in_force_by_hand_is_not_listed_or_marked_as_expired(
    qtbot, window, select_partner, messages
) -> None:
    pid = select_partner(SERB)
    window.tree_marks.refresh()
    _marks_settled(qtbot, window)
    assert "expiring" in window.model.marks[pid].kinds
    window.actions_[ActionId.STATISTICS].trigger()
    page = window.stats_window
    qtbot.waitExposed(page)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(5).center())
    assert SERB in _column(page.terms_model, 1)  # «на 2021–2023 гг.», ended: listed

    def answer(dialog: QWidget) -> None:
        assert dialog.objectName() == "termDialog"
        dialog.status.setCurrentIndex(dialog.status.findData(IN_FORCE))
        gestures.click(gestures.standard(dialog, QDialogButtonBox.StandardButton.Ok))

    answers = Answers().expect(answer)
    gestures.click(window.details.partner.answers.term_button)
    qtbot.waitUntil(lambda: not answers.busy())
    answers.stop()
    assert "на 2021–2023 гг., действует" in window.details.partner.answers.ages.text()

    # The statistics and the tree now say what the partner page says.
    qtbot.waitUntil(lambda: SERB not in _column(page.terms_model, 1), timeout=3000)
    _marks_settled(qtbot, window)
    mark = window.model.marks.get(pid)
    assert mark is None or "expiring" not in mark.kinds

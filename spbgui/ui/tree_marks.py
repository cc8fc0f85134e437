"""Marks on the tree's partners: a round anniversary this year, no events for years, a term
that runs out.

The tree's model asks :attr:`NavigationModel.marks` (partner id → :class:`Mark`) for a
partner's icon and tooltip; this object fills it from the services for the year shown and
the two settings (spbgui.ui.settings), and again after every change, a little later
and in a thread, so typing is not slowed by it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QTreeView

from spbgui.domain.terms import date_text, years_word
from spbgui.services import memory
from spbgui.services.databases import Database
from spbgui.ui import settings
from spbgui.ui.tasks import Task, is_running, stop
from spbgui.ui.tree_model import NavigationModel

# Which mark's icon shows when a partner has several: the most pressing first.
EXPIRING, ANNIVERSARY, DORMANT = "expiring", "anniversary", "dormant"
_ICON = {EXPIRING: ("!", "#c0392b"), ANNIVERSARY: ("★", "#d4a017"), DORMANT: ("z", "#7f8c8d")}


@dataclass
class Mark:
    kinds: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return min(self.kinds, key=list(_ICON).index)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def icon(self) -> QIcon:
        return _icon(self.kind)


_icons: dict[str, QIcon] = {}


def _icon(kind: str) -> QIcon:
    if kind not in _icons:
        char, color = _ICON[kind]
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, 28, 28)
        painter.setPen(QColor("white"))
        font = QFont()
        font.setPixelSize(20)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, 32, 32), Qt.AlignmentFlag.AlignCenter, char)
        painter.end()
        _icons[kind] = QIcon(pixmap)
    return _icons[kind]


def compute(
    db: Database, year: int, today: dt.date, dormant_years: int, months: int
) -> dict[int, Mark]:
    """Partner id → its marks for the year shown."""
    marks: dict[int, Mark] = {}

    def mark(pid: int, kind: str, line: str) -> None:
        m = marks.setdefault(pid, Mark())
        if kind not in m.kinds:
            m.kinds.append(kind)
        m.lines.append(line)

    for due in memory.terms_due(db=db, today=today, months=months):
        end = date_text(due.agreement.term.end) if due.agreement.term.end else ""
        text = "Срок соглашения истёк" if due.expired else "Срок соглашения кончается"
        mark(due.agreement.partner_id, EXPIRING, f"{text} ({end}): {due.agreement.title}")
    for a in memory.anniversaries(db=db, year=year):
        what = "партнёрству" if a.kind == "partnership" else "соглашению"
        mark(
            a.partner_id,
            ANNIVERSARY,
            f"Юбилей в {year} году: {what} {years_word(a.years)} ({date_text(a.date)})",
        )
    for d in memory.dormant_partners(db=db, years=dormant_years):
        last = f"последнее — {d.last_date}" if d.last_date else "мероприятий не было"
        mark(d.partner_id, DORMANT, f"Нет мероприятий {years_word(dormant_years)}: {last}")
    return marks


class TreeMarks(QObject):
    """Keeps the tree model's marks in step with the records, the year and the settings.

    The marks read the whole database (every agreement, every partner's last year): over
    500,000 events that takes seconds, so they are worked out in a thread and the tree
    shows them when they are ready; typing is never held up by them.
    """

    updated = Signal()  # the model has new marks

    def __init__(
        self,
        model: NavigationModel,
        view: QTreeView,
        db: Callable[[], Database],
        year: Callable[[], int],
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(view)
        self.model, self.view, self._db, self._year, self._today = model, view, db, year, today
        self._task: Task | None = None
        self._again = False
        self._run = 0  # which run's marks are wanted: a stopped one's arrive too late
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(self.refresh)
        # The first run is started by the window once its first screen is shown: it reads
        # the whole database through SQLAlchemy, which the first screen does without.

    def refresh_later(self, *_args: object) -> None:
        self._timer.start()

    def refresh(self) -> None:
        """Work the marks out again in the background (once more after a run in progress)."""
        if is_running(self._task):
            self._again = True
            return
        db, year, today = self._db(), self._year(), self._today()
        dormant, months = settings.DORMANT_YEARS.get(), settings.EXPIRING_MONTHS.get()
        task = Task(lambda progress, cancelled: compute(db, year, today, dormant, months), self)
        self._run += 1
        run = self._run
        task.succeeded.connect(lambda marks: self._apply(marks, run))
        task.finished.connect(self._finished)
        self._task = task
        task.start()

    def _apply(self, marks: dict[int, Mark], run: int) -> None:
        if run != self._run:
            return
        self.model.marks = marks
        self.view.viewport().update()
        self.updated.emit()

    def _finished(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def stop(self, clear: bool = False) -> None:
        """Before the database closes: wait for a run in progress to end (and with ``clear``
        forget the marks, which name another database's partners)."""
        self._timer.stop()
        self._again = False
        self._run += 1
        stop(self._task)
        if clear:
            self.model.marks = {}

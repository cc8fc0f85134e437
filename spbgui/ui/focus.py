"""Where the window looks after an edit or its undo: a node, a record of the details pane, a year.

The editor's commands say what they touched with one of these, and the window's
:meth:`~spbgui.ui.main_window.MainWindow.focus` shows it. A typed value instead
of tuples such as ``("event", 7)``: a new kind of target is a new class here, and
a type checker finds every place that must learn it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from spbgui.services.changes import NodeRef


class RecordKind(enum.Enum):
    """Records shown in the partner's details, not in the tree."""

    AGREEMENT = "agreement"
    EVENT = "event"


@dataclass(frozen=True)
class RecordFocus:
    """An agreement or an event: its partner is selected and its row made current."""

    kind: RecordKind
    id: int

    @classmethod
    def agreement(cls, id: int) -> RecordFocus:
        return cls(RecordKind.AGREEMENT, id)

    @classmethod
    def event(cls, id: int) -> RecordFocus:
        return cls(RecordKind.EVENT, id)


@dataclass(frozen=True)
class YearFocus:
    """A year of the table: it becomes the year shown."""

    year: int


FocusTarget = NodeRef | RecordFocus | YearFocus

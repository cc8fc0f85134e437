"""Windows and dialogs sized for the screen they open on: no bigger than it leaves them.

A dialog asked for 1100×800 opened on a 1366×768 office laptop ran past the bottom of
the screen, its buttons out of reach. Each is given the size it was designed for, or
as much of the screen as leaves its title bar and the taskbar in sight.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

WIDTH_SHARE = 0.92  # of the screen's free width
HEIGHT_SHARE = 0.85  # of its free height: the title bar and a taskbar stay in sight


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height``, or less where its screen is smaller."""
    parent = widget.parentWidget()
    screen = (parent or widget).screen().availableGeometry()
    widget.resize(
        min(width, int(screen.width() * WIDTH_SHARE)),
        min(height, int(screen.height() * HEIGHT_SHARE)),
    )

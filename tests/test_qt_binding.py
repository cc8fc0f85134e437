"""The pinned Qt binding does not lose references to None (PySide6 6.12.0 on Python 3.11 does)."""

from __future__ import annotations

import sys


def test_void_qt_calls_keep_nones_reference_count() -> None:
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(2000):
        point.setX(1.0)
    assert sys.getrefcount(None) >= before - 10, "this PySide6 leaks None: pin another version"

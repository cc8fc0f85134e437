"""A guard against PySide6 6.12 on Python 3.11 dropping references to None.

PySide6 6.12.0 hands back None from many void methods (``QPainter.save``,
``QFont.setBold``, ``QPointF.setX``, ...) without taking the reference it returns. On
Python 3.12 and later None is immortal and nothing happens; on 3.11 every such call
lowers None's reference count by one, and after some five thousand calls the
interpreter aborts with «Fatal Python error: none_dealloc». Painting one report makes
tens of thousands of them (PySide6 6.11.3 does not have the fault).

:func:`protect_none` measures the leak once; only if it is there does it give None a
reference count no session can use up, which is what Python 3.12 does for None anyway.
"""

from __future__ import annotations

import ctypes
import sys

_checked = False


def leaks_none() -> bool:
    """Does a void PySide6 call lose a reference to None here?"""
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(64):
        point.setX(1.0)
    return before - sys.getrefcount(None) >= 32


def protect_none() -> None:
    global _checked
    if _checked:
        return
    _checked = True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    if leaks_none():
        # ob_refcnt is the first field of every CPython 3.11 object.
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40

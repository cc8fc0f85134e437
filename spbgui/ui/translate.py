"""``QT_TRANSLATE_NOOP`` with its true type, for the type checker.

PySide6's stub declares ``QT_TRANSLATE_NOOP(context: object, message: object) -> object``,
though it hands back ``message`` itself. pyside6-lupdate finds the marked strings by the
call's name, so the window's modules import this one under that same name.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, message: str) -> str:
    """Mark ``message`` for translation in ``context``; translate it later with
    ``QCoreApplication.translate(context, message)``."""
    return message

"""The two settings of the committee's memory, kept in QSettings between sessions.

How many years without events make a partner dormant (3 unless changed), and how many
months ahead an agreement's end is announced (6 unless changed). The statistics window
changes them; the tree's marks read them.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from spbgui.services.memory import DORMANT_YEARS, EXPIRING_MONTHS

DORMANT_KEY = "stats/dormantYears"
EXPIRING_KEY = "stats/expiringMonths"


def _int(key: str, default: int, low: int, high: int) -> int:
    try:
        value = int(QSettings().value(key, default))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return value if low <= value <= high else default


def dormant_years() -> int:
    return _int(DORMANT_KEY, DORMANT_YEARS, 1, 50)


def expiring_months() -> int:
    return _int(EXPIRING_KEY, EXPIRING_MONTHS, 1, 120)


def set_dormant_years(value: int) -> None:
    QSettings().setValue(DORMANT_KEY, int(value))


def set_expiring_months(value: int) -> None:
    QSettings().setValue(EXPIRING_KEY, int(value))

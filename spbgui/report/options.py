"""What the user chose for one report: year, part of the table, summary, orientation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportOptions:
    """The choices of the report options dialog and of ``spbgui-cli report``.

    ``regions``/``countries`` are names; ``None`` (or empty) means all of them. When both
    are given a country is printed if it is named or its region is.
    """

    year: int
    regions: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    summary: bool = True
    landscape: bool = True
    prepared: dt.date = field(default_factory=dt.date.today)

    @property
    def is_selection(self) -> bool:
        return bool(self.regions or self.countries)

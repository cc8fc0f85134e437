"""Every setting the program keeps between sessions, typed, with its default, in one list.

As Picard's ``options.py``: a setting is declared once here (its QSettings key,
type, default and allowed range) and read or written through that declaration,
never through a raw key elsewhere; ``tests/ui/test_settings.py`` fails on a
``QSettings()`` anywhere else. A value that cannot be read back (edited by
hand, written by another version, out of range) gives the default.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from spbgui.services.memory import DORMANT_YEARS as _DORMANT_YEARS
from spbgui.services.memory import EXPIRING_MONTHS as _EXPIRING_MONTHS

if TYPE_CHECKING:
    from spbgui.services.reading import ImportLimits

T = TypeVar("T")

REGISTRY: dict[str, Option[Any]] = {}


class Option(Generic[T]):
    """One setting: ``get()`` gives its value or the default, ``set()`` keeps a new one."""

    def __init__(
        self,
        key: str,
        default: T,
        convert: Callable[[Any], T],
        *,
        valid: Callable[[T], bool] = lambda _value: True,
        doc: str = "",
    ) -> None:
        if key in REGISTRY:
            raise ValueError(f"setting {key!r} declared twice")
        self.key, self.default, self._convert, self._valid, self.doc = (
            key,
            default,
            convert,
            valid,
            doc,
        )
        REGISTRY[key] = self

    def get(self) -> T:
        raw = QSettings().value(self.key)
        if raw is None:
            return self.default
        try:
            value = self._convert(raw)
        except (TypeError, ValueError):
            return self.default
        return value if self._valid(value) else self.default

    def set(self, value: T) -> None:
        """Store ``value``; nothing is written if it is what is stored already (a write is
        a whole new settings file synced to disk: a tenth of a second on a slow disk, at
        every start for the database reopened, issue 17)."""
        stored = QSettings()
        if stored.contains(self.key) and self.get() == value:
            return
        stored.setValue(self.key, value)

    def remove(self) -> None:
        QSettings().remove(self.key)


def _text(raw: Any) -> str:
    return str(raw)


def _texts(raw: Any) -> list[str]:
    # QSettings gives a one-item list back as a plain string on some back ends
    items = [raw] if isinstance(raw, str) else list(raw or [])
    return [str(v) for v in items if v]


def _bytes(raw: Any) -> QByteArray:
    if not isinstance(raw, QByteArray):
        raise TypeError("not a saved state")
    return raw


def _in(low: float, high: float) -> Callable[[float], bool]:
    return lambda value: low <= value <= high


def text(key: str, default: str = "", doc: str = "") -> Option[str]:
    return Option(key, default, _text, doc=doc)


def texts(key: str, doc: str = "") -> Option[list[str]]:
    return Option(key, [], _texts, doc=doc)


def whole(key: str, default: int, low: int, high: int, doc: str = "") -> Option[int]:
    return Option(key, default, int, valid=_in(low, high), doc=doc)


def number(key: str, default: float, low: float, high: float, doc: str = "") -> Option[float]:
    return Option(key, default, float, valid=_in(low, high), doc=doc)


def state(key: str, doc: str = "") -> Option[QByteArray]:
    return Option(key, QByteArray(), _bytes, doc=doc)


# --- the settings --------------------------------------------------------------------------

# Files
RECENT_DATABASES = texts("files/recent", "the File menu's recent databases, newest first")
LAST_DATABASE = text("files/last", doc="the database the window opens when none is named")
IMPORT_FOLDER = text("import/lastFolder", doc="where the import's file dialog starts")
EXPORT_FOLDER = text("export/lastFolder", doc="where the Excel export's file dialog starts")
REPORT_FOLDER = text("report/lastFolder", doc="where the report's file dialog starts")

# Import limits (the same as spbgui-cli import --max-mb / --max-cells). The defaults are
# ImportLimits' own, written out so that the window starts without loading the readers;
# tests/ui/test_settings.py keeps the two equal.
IMPORT_MAX_FILE_MB = number("import/maxFileMB", 50.0, 0.01, 100_000, "largest table file, MB")
IMPORT_MAX_CELLS = whole("import/maxCells", 1_000_000, 1, 2_000_000_000, "most cells in a sheet")

# File → Connect to server… (the password is never kept)
SERVER_HOST = text("server/host")
SERVER_PORT = whole("server/port", 5432, 1, 65535)
SERVER_DATABASE = text("server/database", "spbgui")
SERVER_USER = text("server/user")

# The window
WINDOW_GEOMETRY = state("window/geometry")
WINDOW_STATE = state("window/state")
SPLITTER_MAIN = state("window/splitter", "tree | details")
SPLITTER_LEFT = state("window/left", "tree over search results")
SPLITTER_PARTNER = state("window/partner", "agreements over events")
COLUMNS_AGREEMENTS = state("window/agreementsColumns", "widths of the agreements' columns")
COLUMNS_EVENTS = state("window/eventsColumns", "widths of the events' columns")
PLACE_DATABASE = text("window/place/database", doc="the database the place below belongs to")
PLACE_SELECTED = text("window/place/selected", doc="the selected node, as kind:id")
PLACE_EXPANDED = texts("window/place/expanded", "the open branches, as kind:id")

# The committee's memory (statistics window, tree marks)
DORMANT_YEARS = whole("stats/dormantYears", _DORMANT_YEARS, 1, 50, "years without events")
EXPIRING_MONTHS = whole("stats/expiringMonths", _EXPIRING_MONTHS, 1, 120, "months ahead")


def import_limits() -> ImportLimits:
    """The import's size limits as the clerk set them."""
    from spbgui.services.reading import ImportLimits

    return ImportLimits(max_file_mb=IMPORT_MAX_FILE_MB.get(), max_cells=IMPORT_MAX_CELLS.get())


def not_kept() -> str | None:
    """Why the settings cannot be kept between sessions (their file cannot be written: a
    file in the way of its folder, a folder without the right to write), in words for the
    clerk; None when they can. Qt drops such writes without a word."""
    stored = QSettings()
    if stored.isWritable():
        return None
    return QCoreApplication.translate(
        "Settings",
        "The program's settings cannot be saved: the file “%1” cannot be written. The "
        "list of recent databases and the window's layout will not be remembered (the "
        "records are not affected). Ask the administrator to allow writing there.",
    ).replace("%1", stored.fileName())

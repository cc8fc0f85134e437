"""The report's fonts: PT Serif, shipped in resources/fonts and registered with Qt.

The report must print the same Cyrillic text on a clerk's Windows machine, a Russian
Linux and a headless server, so it never relies on system fonts: the three PT Serif
faces are registered once per process with ``QFontDatabase.addApplicationFont`` and
the PDF writer embeds them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase, QPaintDevice

from spbgui.paths import resources_dir
from spbgui.report.qt_guard import protect_none

protect_none()

FAMILY = "PT Serif"
FontFor = Callable[[str, "QPaintDevice | None"], QFont]  # a text style's font on a device
_FILES = ("PTSerif-Regular.ttf", "PTSerif-Bold.ttf", "PTSerif-Italic.ttf")
_registered: str | None = None

# Point sizes of the report's text styles.
SIZES = {
    "title": 15.0,
    "subtitle": 12.0,
    "meta": 10.0,
    "header": 9.5,
    "body": 9.5,
    "bold": 9.5,
    "italic": 9.5,
    "footer": 8.5,
    "heading": 13.0,
    "chart": 9.0,
}


def family() -> str:
    """Register the shipped faces (once; needs a Q(Gui)Application) and name the family."""
    global _registered
    if _registered is None:
        folder = resources_dir() / "fonts"
        names: list[str] = []
        for name in _FILES:
            font_id = QFontDatabase.addApplicationFont(str(folder / name))
            if font_id >= 0:
                names += QFontDatabase.applicationFontFamilies(font_id)
        # Should a file be missing from a broken installation, a serif the system has is
        # better than no report at all.
        _registered = names[0] if names else "serif"
    return _registered


def font(style: str, device: QPaintDevice | None = None) -> QFont:
    """The QFont of a text style (see :data:`SIZES`); bold for headers and totals."""
    f = QFont(family())
    f.setPointSizeF(SIZES.get(style, SIZES["body"]))
    f.setBold(style in {"title", "header", "bold", "heading"})
    f.setItalic(style == "italic")
    # Hinting snaps glyphs to the screen's pixels; on paper it only distorts widths.
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    if device is not None:
        f = QFont(f, device)
    return f

"""The application's own icon (window, task bar, about box), from the shipped PNG sizes.

The PNGs are rendered from ``resources/icons/spbgui.svg`` by
``packaging/make_icons.py`` and committed, so the icon needs neither the SVG
image plugin nor a desktop icon theme: the same pixels on Windows, on Astra
Linux and in the PyInstaller build.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from spbgui.paths import resources_dir

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_files() -> dict[int, str]:
    """The shipped PNG for each size, by size (only those that exist)."""
    folder = resources_dir() / "icons" / "app"
    found = {size: folder / f"spbgui-{size}.png" for size in SIZES}
    return {size: str(path) for size, path in found.items() if path.is_file()}


def app_icon() -> QIcon:
    """The program's icon with every size, so Qt picks a sharp one for each place.

    Needs a QGuiApplication (QIcon does); an empty QIcon if the files are missing,
    so a broken installation still starts. Cheap: the files are read when first drawn.
    """
    icon = QIcon()
    for size, path in icon_files().items():
        icon.addFile(path, QSize(size, size))
    return icon

"""The program's icons: the desktop theme's where it has one, our SVGs otherwise.

Windows and many Russian Linux desktops ship no freedesktop icon theme, so every
icon has an SVG of its own in ``resources/icons``; the theme icon is preferred
where it exists so the program looks native.
"""

from __future__ import annotations

import enum
from functools import cache

from PySide6.QtGui import QIcon

from spbgui.paths import resources_dir
from spbgui.services.changes import NodeKind


class Icon(enum.Enum):
    # value: (file in resources/icons, freedesktop theme name or "")
    NEW = ("new", "document-new")
    OPEN = ("open", "document-open")
    IMPORT = ("import", "document-import")
    EXPORT = ("export", "document-export")
    PRINT = ("print", "document-print")
    UNDO = ("undo", "edit-undo")
    REDO = ("redo", "edit-redo")
    DELETE = ("delete", "edit-delete")
    FIND = ("find", "edit-find")
    UP = ("up", "go-up")
    DOWN = ("down", "go-down")
    ADD_PARTNER = ("add-partner", "")
    ADD_AGREEMENT = ("add-agreement", "")
    ADD_EVENT = ("add-event", "")
    NEW_YEAR = ("new-year", "")
    REGION = ("region", "")
    COUNTRY = ("country", "")
    WHOLE_COUNTRY = ("whole-country", "")
    CITY = ("city", "")
    PROVINCE = ("province", "")


@cache
def icon(which: Icon) -> QIcon:
    name, theme = which.value
    if theme and QIcon.hasThemeIcon(theme):
        return QIcon.fromTheme(theme)
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def node_icon(node: NodeKind, kind: str) -> QIcon:
    """The icon of a tree node: a region, a country, or a partner of a kind.

    ``kind`` is the partner's kind (a partner may be a «region» too, an oblast, which
    must not look like a world region).
    """
    if node is NodeKind.REGION:
        return icon(Icon.REGION)
    if node is NodeKind.COUNTRY:
        return icon(Icon.COUNTRY)
    if kind == "country":
        return icon(Icon.WHOLE_COUNTRY)
    return icon(Icon.CITY if kind == "city" else Icon.PROVINCE)

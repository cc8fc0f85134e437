"""One settings registry: every kept setting declared once, typed, with a default."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings

from spbgui.ui import settings

PACKAGE = Path(__file__).resolve().parents[2] / "spbgui"


def test_no_module_but_the_registry_touches_qsettings() -> None:
    offenders = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if path.name != "settings.py" and re.search(r"QSettings\(", path.read_text("utf-8"))
    ]
    assert offenders == []


def test_every_key_is_declared_once_with_a_default(qapp) -> None:
    keys = list(settings.REGISTRY)
    assert len(keys) == len(set(keys)) >= 20
    for option in settings.REGISTRY.values():
        option.remove()
        assert option.get() == option.default, option.key


def test_a_value_that_cannot_be_read_back_gives_the_default(qapp) -> None:
    QSettings().setValue(settings.SERVER_PORT.key, "не порт")
    assert settings.SERVER_PORT.get() == 5432
    QSettings().setValue(settings.DORMANT_YEARS.key, 500)  # outside 1..50
    assert settings.DORMANT_YEARS.get() == settings.DORMANT_YEARS.default
    QSettings().setValue(settings.IMPORT_MAX_FILE_MB.key, "nan")
    assert settings.IMPORT_MAX_FILE_MB.get() == settings.IMPORT_MAX_FILE_MB.default
    settings.DORMANT_YEARS.set(7)
    assert settings.DORMANT_YEARS.get() == 7
    settings.RECENT_DATABASES.set(["/a.sqlite"])  # one item comes back as a plain string
    assert settings.RECENT_DATABASES.get() == ["/a.sqlite"]


def test_the_import_limits_default_to_the_import_s_own(qapp) -> None:
    from spbgui.services.reading import ImportLimits

    settings.IMPORT_MAX_FILE_MB.remove()
    settings.IMPORT_MAX_CELLS.remove()
    assert settings.import_limits() == ImportLimits()


def test_the_import_limits_come_from_the_settings(qapp) -> None:
    settings.IMPORT_MAX_FILE_MB.set(2.5)
    settings.IMPORT_MAX_CELLS.set(1000)
    limits = settings.import_limits().read_limits()
    assert limits.max_file_bytes == int(2.5 * 2**20) and limits.max_cells == 1000
    settings.IMPORT_MAX_FILE_MB.remove()
    settings.IMPORT_MAX_CELLS.remove()

"""The desktop program: QApplication, translations, the error hook, main().

The window opens the database named on the command line, else the last one
used (remembered in QSettings), else the default file in the user's data
folder; on an empty database it offers an import or the 2024 sample.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from spbgui import __version__
from spbgui.paths import APP_NAME, resources_dir

ORG_NAME = "spbgui"


def _skip_feature_scan() -> None:
    """Tell PySide6 that the modules loaded so far do not use its `__feature__` switch.

    It would otherwise read the source of each of them again when a module of the
    window imports it (the stdlib, the core). (SQLAlchemy is no longer loaded at start:
    the window's first screen reads its SQLite file with sqlite3, issue 17.) They cannot
    use it: it has to be imported in the module itself, and none of ours does. -1 is
    the value PySide6 itself gives a module that does not use it.
    """
    feature = sys.modules.get("PySide6.support.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if isinstance(known, dict):
        for name in list(sys.modules):
            known.setdefault(name, -1)


_skip_feature_scan()

# Loaded once the window is shown (the engine, the services that write, the search):
# none of them uses the switch either.
LOADED_LATER = ("sqlalchemy", "spbgui", "typing_extensions", "greenlet")


def _skip_feature_scan_of(packages: Sequence[str]) -> None:
    """Tell PySide6 the same of every module of these packages, named from their files
    without importing them: SQLAlchemy's two hundred would otherwise be read again as
    the window loads them, a fifth of that load (issue 17)."""
    feature = sys.modules.get("PySide6.support.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    for top in packages:
        spec = importlib.util.find_spec(top)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            root = Path(folder)
            for file in root.rglob("*.py"):
                parts = [top, *file.relative_to(root).with_suffix("").parts]
                if parts[-1] == "__init__":
                    parts.pop()
                known.setdefault(".".join(parts), -1)


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own qtbase first (standard dialogs in Russian), then the program's.

    The program speaks Russian only: its users are the committee's staff, and the
    core's messages (import reports, refusals, date errors) are written in Russian.
    An English mode that translated only the window's own strings showed a
    half-Russian program, so it was removed (issue 14); the window's source
    strings stay English for Qt's translation tools.
    """
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    ours = str(resources_dir() / "translations")
    # qtbase_extra: the few of Qt's own strings qtbase_ru leaves in English («Look in:»).
    wanted = [("qtbase", qt_dir), ("qtbase_extra", ours), ("spbgui", ours)]
    for name, folder in wanted:
        tr = QTranslator(app)
        if tr.load(locale, name, "_", folder):
            app.installTranslator(tr)
            translators.append(tr)
    QLocale.setDefault(locale)
    return translators


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv) or [APP_NAME])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from spbgui.ui.icon import app_icon

    app.setWindowIcon(app_icon())  # window, task bar and dialogs
    app.setDesktopFileName("spbgui")  # matches the .desktop entry (Wayland task bars)
    return app


XCB_CURSOR = "libxcb-cursor.so.0"


def _loads(library: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def no_display(qt_args: Sequence[str] = ()) -> str | None:
    """Why the window cannot be shown, where that is plain before Qt starts; else None.

    On Linux without DISPLAY or WAYLAND_DISPLAY (an SSH session, a service), or on X11
    without the library Qt's X11 plugin needs, Qt ends the process with an English
    report about platform plugins and a core dump. A platform chosen by hand
    (QT_QPA_PLATFORM, -platform) is left to Qt.
    """
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if any(a == "-platform" or a.startswith("-platform=") for a in qt_args):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    if os.environ.get("DISPLAY"):
        if getattr(sys, "frozen", False) or _loads(XCB_CURSOR):
            return None
        # Qt's X11 plugin needs it (since Qt 6.5), and a fresh desktop may not have it.
        return (
            "spbgui: для окна программы не хватает системной библиотеки "
            f"{XCB_CURSOR}. Установите её (Debian, Ubuntu, Astra: sudo apt-get install "
            "libxcb-cursor0) и запустите программу снова."
        )
    return (
        "spbgui: окно программы показать негде — нет графического рабочего стола "
        "(не задана переменная DISPLAY или WAYLAND_DISPLAY; так бывает при входе по SSH). "
        "Запустите программу на рабочем столе; без окна работает spbgui-cli "
        "(список команд: spbgui-cli --help)."
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="spbgui", description="Города-партнёры Санкт-Петербурга")
    parser.add_argument("--db", help="файл базы данных или адрес SQLAlchemy")
    parser.add_argument("--version", action="version", version=f"spbgui {__version__}")
    args, qt_args = parser.parse_known_args(argv)
    if (why := no_display(qt_args)) is not None:
        print(why, file=sys.stderr)
        return 2

    app = make_app([sys.argv[0], *qt_args])
    install_translations(app)

    from spbgui.errors import enable_crash_log
    from spbgui.ui import settings
    from spbgui.ui.error_dialog import install_excepthook
    from spbgui.ui.files import last_database, remember
    from spbgui.ui.main_window import MainWindow
    from spbgui.ui.start_database import start_database

    install_excepthook()
    enable_crash_log()
    db = start_database(args.db, last_database())
    if db is None:
        return 1
    if db.path is not None:
        remember(db.path)
    if (why := settings.not_kept()) is not None:
        db.notes.append(why)
    window = MainWindow(db)
    window.show()
    if os.environ.get("SPBGUI_QUIT_AFTER_SHOW"):
        # `make bench` times the start-up as a whole process: until the window is shown
        # and the event loop has run once (benchmarks/bench.py). Then the process ends
        # at once, as the bare window it is compared with does: tearing down what the
        # program built is not start-up.
        # (Not app.quit(): it would close the window first, saving its state and place.)
        QTimer.singleShot(0, _end_now)
        app.exec()
    QTimer.singleShot(0, lambda: _skip_feature_scan_of(LOADED_LATER))  # before the engine
    QTimer.singleShot(0, window.offer_first_start)
    return app.exec()


def _end_now() -> None:
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())

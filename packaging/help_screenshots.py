"""Make the screenshots of the user guide (resources/help/*.png) from the real window.

    QT_QPA_PLATFORM=offscreen python packaging/help_screenshots.py [--size 1366x768] [--out DIR]

The window shows the 2024 table shipped with the program, in Russian, at the given
screen size; each dialog of the guide is grabbed as the clerk sees it. With ``--all``
every dialog of the window is grabbed too (to look for text cut off at 1366×768 and
1920×1080).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default=str(ROOT / "resources" / "help"))
    parser.add_argument("--all", action="store_true", help="every dialog, for a look")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from spbgui.app import install_translations, make_app

    app = make_app(["spbgui"])
    install_translations(app)
    from spbgui.services.importer import import_workbook
    from spbgui.store.database import open_database
    from spbgui.ui.files import sample_table
    from spbgui.ui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="spbgui-shots-"))
    db = open_database(folder / "Сотрудничество.sqlite")
    import_workbook(db=db, path=sample_table())
    window = MainWindow(db)
    window.resize(min(width, 1400), min(height - 40, 860))
    window.show()
    from spbgui.services import search
    from spbgui.services.changes import NodeRef

    tashkent = min(search.search(db=db, query="Ташкент", year=None).partners)
    window.tree.select_ref(db, NodeRef.partner(tashkent))
    app.processEvents()
    window.grab().save(str(out / "window.png"))

    from spbgui.services import years
    from spbgui.ui.dialogs import YearDialog

    dialog = YearDialog(window, years.next_year(db=db), years.years(db=db))
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out / "year.png"))
    dialog.close()
    if args.all:
        _every_dialog(window, db, out, app)
    window.close()
    QApplication.processEvents()
    return 0


def _every_dialog(window, db, out: Path, app) -> None:  # type: ignore[no-untyped-def]
    """Grab each dialog of the window (not for the guide: to look at)."""
    from spbgui.ui.backups_dialog import BackupsDialog
    from spbgui.ui.connect_dialog import ConnectDialog
    from spbgui.ui.dialogs import AgreementDialog, MoveDialog, PartnerDialog
    from spbgui.ui.export_dialog import ExportDialog
    from spbgui.ui.help_window import HelpWindow
    from spbgui.ui.history_dialog import HistoryDialog
    from spbgui.ui.import_dialog import ImportDialog
    from spbgui.ui.print_preview import make_print_preview
    from spbgui.ui.report_options import ReportOptionsDialog

    made = {
        "import": ImportDialog(db, window),
        "export": ExportDialog(db, 2024, window),
        "history": HistoryDialog(db, window.tree.current_ref(), window),
        "backups": BackupsDialog(db, window),
        "connect": ConnectDialog(window),
        "partner": PartnerDialog(window, "Венгрия", True),
        "agreement": AgreementDialog(window, "Ташкент"),
        "move": MoveDialog(
            window, "Перенести «Ташкент» в страну", [("Азия", [(1, "Узбекистан")])], 1
        ),
        "help": HelpWindow(window),
        "preview": make_print_preview(db, 2024, window),
    }
    from spbgui.report import ReportOptions

    made["options"] = ReportOptionsDialog(db, ReportOptions(year=2024), window)
    for name, dialog in made.items():
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / f"dialog-{name}.png"))
        dialog.close()


if __name__ == "__main__":
    sys.exit(main())

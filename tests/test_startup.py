"""What the program loads to show its first screen (issue 17, goal 2).

Start-up is mostly imports, so these tests hold what it imports: no Alembic
when the database is at the head revision (which is read from the revision
files' names, and must agree with Alembic's own idea of the head), no SQLAlchemy
before the window is shown (its first screen reads the SQLite file with sqlite3:
store.first_screen; the engine is made once it is shown), and none of the
import, export, report or server-driver modules that only later actions need.
How long start-up takes is measured by `make bench`, not here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from spbgui.store import migrate
from spbgui.store.database import open_database

ROOT = Path(__file__).resolve().parents[1]
NOT_AT_START = (
    "alembic",
    "sqlalchemy",
    "spbgui.store.models",
    "spbgui.store.engine",
    "openpyxl",
    "python_calamine",
    "docx",
    "psycopg",
    "sqlalchemy.dialects.postgresql",
    "spbgui.io",
    "spbgui.report",
    "spbgui.services.importer",
    "spbgui.services.export",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
)


def _modules_after(code: str, tmp_path: Path) -> list[str]:
    """The modules a fresh interpreter has loaded after running ``code``.

    (Under SPBGUI_QUIT_AFTER_SHOW the program ends with os._exit once its window is
    shown: the list is printed then.)
    """
    report = "import json, os, sys\nprint(json.dumps(sorted(sys.modules)), flush=True)\n"
    script = (
        "import os as _os\n_exit = _os._exit\n"
        "def _report_and_exit(code):\n"
        "    import json, sys\n"
        "    print(json.dumps(sorted(sys.modules)), flush=True)\n"
        "    _exit(code)\n"
        "_os._exit = _report_and_exit\n" + code + "\n" + report
    )
    out = _run(script, tmp_path, quit_after_show=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _run(script: str, tmp_path: Path, *, quit_after_show: bool) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter, offscreen, with settings of its own."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    env.pop("SPBGUI_QUIT_AFTER_SHOW", None)
    if quit_after_show:
        env["SPBGUI_QUIT_AFTER_SHOW"] = "1"
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def _loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_the_head_revision_read_from_file_names_is_alembics() -> None:
    script = migrate.script()
    assert migrate.head_revision() == script.get_current_head()
    assert set(migrate.known_revisions()) == {r.revision for r in script.walk_revisions()}


def test_a_database_at_head_opens_without_alembic_or_sqlalchemy(
    db_path: Path, tmp_path: Path
) -> None:
    open_database(db_path).close()  # made at head
    modules = _modules_after(
        f"from spbgui.store.database import open_database\nopen_database({str(db_path)!r}).close()",
        tmp_path,
    )
    assert not _loaded(modules, "alembic")
    assert not _loaded(modules, "sqlalchemy")


def test_a_new_database_is_made_without_alembic_or_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    modules = _modules_after(
        f"from spbgui.store.database import open_database\nopen_database({str(path)!r}).close()",
        tmp_path,
    )
    assert not _loaded(modules, "alembic")
    assert not _loaded(modules, "sqlalchemy")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),
        )
    finally:
        conn.close()


def test_an_old_database_is_still_upgraded(db_path: Path, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        cfg = migrate.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, migrate.known_revisions()[0])
    engine.dispose()
    modules = _modules_after(
        f"from spbgui.store.database import open_database\nopen_database({str(db_path)!r}).close()",
        tmp_path,
    )
    assert _loaded(modules, "alembic")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
        migrate.head_revision(),
    )
    conn.close()


@pytest.mark.parametrize("made", ["new", "empty", "2024 table"])
def test_the_window_starts_without_what_only_later_actions_need(tmp_path: Path, made: str) -> None:
    """A first start (a file not made yet: the schema file makes it through sqlite3), an
    empty database and the 2024 table."""
    db = tmp_path / "start.sqlite"
    if made == "new":
        pass
    elif made == "2024 table":
        from spbgui.io.xlsx.read import read_table
        from spbgui.services.importer import import_table

        database = open_database(db)
        import_table(db=database, table=read_table(ROOT / "tests/data/cooperation_2024.xlsx"))
        database.close()
    else:
        open_database(db).close()
    modules = _modules_after(f"from spbgui.app import main\nmain(['--db', {str(db)!r}])", tmp_path)
    assert _loaded(modules, "spbgui.ui.main_window")  # the window was made
    loaded = [name for name in NOT_AT_START if _loaded(modules, name)]
    assert loaded == []


def test_the_version_written_in_the_package_is_the_projects() -> None:
    """spbgui.__version__ is a literal (importlib.metadata costs a tenth of the start-up):
    it must say what pyproject.toml and the installed distribution say."""
    import tomllib
    from importlib.metadata import version

    import spbgui

    with (ROOT / "pyproject.toml").open("rb") as fh:
        declared = tomllib.load(fh)["project"]["version"]
    assert spbgui.__version__ == declared == version("spbgui")


def test_an_import_from_the_cli_loads_no_spreadsheet_writer(tmp_path: Path) -> None:
    """openpyxl is the export's library (and the careful reader's, in a child): an import
    of a workbook through calamine never pays its import (0.1-0.2 s) in this process."""
    fixture = ROOT / "tests" / "data" / "cooperation_2024.xlsx"
    code = (
        "import sys\nfrom spbgui.cli import main\n"
        f"main(['import', {str(fixture)!r}, '--db', {str(tmp_path / 'new.sqlite')!r}])"
    )
    loaded = _modules_after(code, tmp_path)
    assert "spbgui.services.importer" in loaded  # the import ran
    assert [m for m in loaded if m == "openpyxl" or m.startswith("openpyxl.")] == []


def test_sqlalchemy_is_imported_off_the_windows_thread(tmp_path: Path) -> None:
    """After the first paint the engine's modules load on a thread of their own (the window
    stood still a quarter of a second and more for them); the engine is still made."""
    from spbgui.services import edit

    db = tmp_path / "start.sqlite"
    database = open_database(db)
    edit.add_region(db=database, name="Европа")  # not empty: no first-start dialog
    database.close()
    script = f"""
import os, sys, threading
first = {{}}
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "sqlalchemy.orm":
            first.setdefault(name, threading.current_thread() is threading.main_thread())
        return None
sys.meta_path.insert(0, Watch())
import spbgui.ui.main_window as mw
load = mw.MainWindow._load_engine
def loaded(self):
    load(self)
    if self.db.engine_made:
        print("on the window's thread:", first.get("sqlalchemy.orm"), flush=True)
        os._exit(0)
mw.MainWindow._load_engine = loaded
from spbgui.app import main
main(["--db", {str(db)!r}])
"""
    out = _run(script, tmp_path, quit_after_show=False)
    assert "on the window's thread: False" in out.stdout, (out.stdout, out.stderr)

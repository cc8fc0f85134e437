"""Read-only folders and files: a healthy database is never called damaged, a leftover read-only
``-shm`` does not keep a writable database read-only, and a read-only database is not copied
before an import that cannot happen.

SQLite's own behaviour in a read-only folder only shows for a process the OS holds to the
permissions: the tests run as root in CI, so such a process is started with the capabilities
that let root write anywhere taken away (``setpriv``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from spbgui.errors import UserError
from spbgui.io.xlsx.read import read_table
from spbgui.services import edit, records
from spbgui.services.importer import import_table
from spbgui.store.database import open_database

SCRIPT = textwrap.dedent(
    """
    import sys
    from spbgui.errors import UserError
    from spbgui.services import edit, records
    from spbgui.store.database import open_database
    try:
        db = open_database(sys.argv[1])
    except UserError as exc:
        print("refused:", exc)
        sys.exit(0)
    print("readonly:", db.readonly, db.notes)
    print("regions:", records.dump(db=db)["regions"])
    if sys.argv[2] == "write":
        try:
            edit.add_region(db=db, name="Новый")
            print("written")
        except UserError as exc:
            print("not written:", exc)
    db.close()
    """
)


def _as_a_user(path: Path, action: str = "read") -> str:
    """Run SCRIPT in a process that obeys file permissions, even when we are root."""
    cmd = [sys.executable, "-c", SCRIPT, str(path), action]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test permissions as root"
        cmd = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *cmd]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _wal_database(folder: Path) -> Path:
    folder.mkdir(mode=0o755, exist_ok=True)
    path = folder / "cities.sqlite"
    db = open_database(path)
    edit.add_region(db=db, name="Азия")
    db.close()  # the last connection: SQLite checkpoints and removes -wal and -shm
    assert not path.with_name(path.name + "-shm").exists()
    return path


def test_a_wal_database_in_a_read_only_folder_opens_read_only(tmp_path: Path) -> None:
    path = _wal_database(tmp_path / "share")
    path.parent.chmod(0o555)
    try:
        out = _as_a_user(path)
    finally:
        path.parent.chmod(0o755)
    assert "повреждён" not in out and "refused" not in out, out
    assert "readonly: True" in out and "'Азия'" in out, out


def test_a_leftover_read_only_shm_does_not_keep_the_file_read_only(tmp_path: Path) -> None:
    path = _wal_database(tmp_path / "share")
    path.chmod(0o444)  # made read-only on purpose: opened read-only, leaves -wal/-shm 0444
    out = _as_a_user(path, "write")
    assert "readonly: True" in out and "not written" in out, out
    assert path.with_name(path.name + "-shm").exists()
    path.chmod(0o644)  # writable again
    out = _as_a_user(path, "write")
    assert "readonly: False" in out and out.splitlines()[-1] == "written", out


def test_import_into_a_read_only_database_makes_no_backup(tmp_path: Path, fixture_xlsx) -> None:  # type: ignore[no-untyped-def]
    path = _wal_database(tmp_path / "share")
    path.chmod(0o444)
    try:
        db = open_database(path)
        try:
            assert db.readonly
            before = records.dump(db=db)
            with pytest.raises(UserError, match="только для чтения"):
                import_table(db=db, table=read_table(fixture_xlsx))
            assert records.dump(db=db) == before
        finally:
            db.close()
    finally:
        path.chmod(0o644)
    backups = path.parent / "backups"
    assert not any(p.name.startswith("before-import") for p in backups.rglob("*"))

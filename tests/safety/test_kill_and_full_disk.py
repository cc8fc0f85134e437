"""A killed import or a full disk never leaves half an import, and the file stays sound."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from spbgui.store.backup import copy_database
from tests.safety.helpers import cli, cli_args, make_big_workbook, state


@pytest.fixture(scope="module")
def big_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_big_workbook(tmp_path_factory.mktemp("big") / "big.xlsx", rows=20_000)


def _reset(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        dst.with_name(dst.name + suffix).unlink(missing_ok=True)
    copy_database(src, dst)


def test_sigkill_at_20_moments_leaves_before_or_after(tmp_path, fixture_xlsx, big_xlsx) -> None:
    before_file = tmp_path / "before.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(before_file)).returncode == 0
    before = state(before_file)

    after_file = tmp_path / "after.sqlite"
    _reset(before_file, after_file)
    t0 = time.monotonic()
    r = cli("import", str(big_xlsx), "--db", str(after_file))
    duration = time.monotonic() - t0
    assert r.returncode == 0, r.stderr
    after = state(after_file)
    assert after != before

    db = tmp_path / "kill.sqlite"
    rng = random.Random(20)
    seen = {"before": 0, "after": 0}
    for moment in range(20):
        _reset(before_file, db)
        delay = rng.uniform(0.05, duration * 1.05)
        proc = subprocess.Popen(
            cli_args("import", str(big_xlsx), "--db", str(db)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.kill()
        proc.wait()
        now = state(db)
        assert now in (before, after), f"kill #{moment} after {delay:.2f}s left a partial import"
        seen["before" if now == before else "after"] += 1
    assert seen["before"] > 0  # the kills did land mid-import


FULL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG from write() instead of dying
    limit = int(sys.argv[1])
    what = sys.argv[2]
    if what == "import":
        from spbgui.cli import main
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        sys.exit(main(sys.argv[3:]))
    from spbgui.errors import UserError
    from spbgui.domain.dates import EventDate
    from spbgui.services import edit
    from spbgui.store.database import open_database
    db = open_database(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        # one edit that needs more room than there is
        edit.add_event(db=db, partner_id=1, year=2024, date=EventDate(), text="x" * 3_000_000)
    except UserError as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
    """
)


def _limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(limit), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_full_disk_during_import(tmp_path, fixture_xlsx, big_xlsx) -> None:
    db = tmp_path / "full.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db)).returncode == 0
    before = state(db)
    limit = db.stat().st_size + 256 * 1024
    r = _limited(limit, "import", "import", str(big_xlsx), "--db", str(db))
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert "места" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert state(db) == before


def test_full_disk_during_an_edit(tmp_path, fixture_xlsx) -> None:
    db = tmp_path / "full.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db)).returncode == 0
    before = state(db)
    limit = db.stat().st_size + 256 * 1024
    r = _limited(limit, "edit", str(db))
    assert r.returncode == 1, r.stderr
    assert "места" in r.stderr and "Traceback" not in r.stderr
    assert state(db) == before

"""Two programs writing to one SQLite file: every acknowledged write survives, the file stays sound.

One process is the CLI importing the table again and again (``--replace-year``); the other
is a script adding events one transaction at a time through the services and writing down
each one the database acknowledged. Runs for SPBGUI_SOAK_SECONDS (30 by default).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from tests.safety.helpers import cli, cli_args, state

SECONDS = float(os.environ.get("SPBGUI_SOAK_SECONDS", "30"))

ADDER = textwrap.dedent(
    """
    import sys, time
    from spbgui.domain.dates import EventDate
    from spbgui.errors import UserError
    from spbgui.services import edit
    from spbgui.store.database import open_database
    db = open_database(sys.argv[1])
    until = time.monotonic() + float(sys.argv[2])
    n = 0
    while time.monotonic() < until:
        text = f"запись {n}"
        try:
            added = edit.add_event(db=db, partner_id=1, year=2031, date=EventDate(), text=text)
        except UserError as exc:  # busy for too long: not acknowledged, try again
            print("busy", exc, file=sys.stderr, flush=True)
            continue
        print(added.id, text, flush=True)  # acknowledged: committed
        n += 1
    db.close()
    """
)


def test_cli_and_services_write_at_once(tmp_path: Path, fixture_xlsx: Path) -> None:
    db = tmp_path / "shared.sqlite"
    assert cli("import", str(fixture_xlsx), "--db", str(db)).returncode == 0
    adder = subprocess.Popen(
        [sys.executable, "-c", ADDER, str(db), str(SECONDS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    imports = 0
    until = time.monotonic() + SECONDS
    while time.monotonic() < until:
        r = subprocess.run(
            cli_args(
                "import", str(fixture_xlsx), "--db", str(db), "--year", "2030", "--replace-year"
            ),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        imports += 1
    out, err = adder.communicate(timeout=120)
    assert adder.returncode == 0, err
    acknowledged = [line.split(" ", 1) for line in out.splitlines()]
    assert imports >= 3 and len(acknowledged) >= 50, (imports, len(acknowledged), err)

    state(db)  # integrity_check is ok
    conn = sqlite3.connect(db)
    try:
        stored = dict(conn.execute("SELECT id, text FROM event WHERE year = 2031").fetchall())
        assert conn.execute("SELECT count(*) FROM event WHERE year = 2030").fetchone() == (96,)
    finally:
        conn.close()
    for event_id, text in acknowledged:
        assert stored.get(int(event_id)) == text, f"acknowledged write {event_id} is missing"
    assert len(stored) == len(acknowledged)

"""A real PostgreSQL for the tests: started from the installed binaries, one per session.

Loaded for the whole suite from tests/conftest.py (``pytest_plugins``), so the server tests
and the services tests that run on both backends share one server.

``initdb`` refuses to run as root, so when the tests run as root (CI does) the
cluster belongs to the ``postgres`` system user and its commands run through
``runuser``. The server listens on a free loopback port with its unix socket in
the same temporary folder, so it never meets a system cluster. Each test gets a
database of its own. Where no server can be started the tests are skipped on a
developer's machine, but under CI (``CI`` set) the run fails: the issue asks
that these tests never be skipped there.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from spbgui.store.database import Database, open_database


@dataclass(frozen=True)
class PgServer:
    port: int
    socket_dir: Path
    superuser: str

    def url(self, dbname: str, user: str | None = None, password: str | None = None) -> str:
        who = user or self.superuser
        if password:
            who = f"{who}:{password}"
        return f"postgresql+psycopg://{who}@127.0.0.1:{self.port}/{dbname}"

    def sql(self, statement: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.superuser, dbname=dbname, autocommit=True
        ) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f'CREATE DATABASE "{name}"')
        return name


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL server tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'spbgui[server]')")
    bindir = _bin_dir()
    if bindir is None:
        _unavailable("initdb not found (apt-get install postgresql)")
    assert bindir is not None
    root = Path(tempfile.mkdtemp(prefix="spbgui-pg-"))
    root.chmod(0o755)
    data = root / "data"
    as_user: list[str] = []
    user = os.environ.get("USER") or "postgres"
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
        user = "postgres"
        shutil.chown(root, "postgres")
    port = _free_port()
    log = root / "server.log"

    def run(*cmd: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*as_user, *cmd], capture_output=True, text=True, timeout=120, check=False
        )

    r = run(
        str(bindir / "initdb"),
        "-D",
        str(data),
        "-U",
        user,
        "--auth=trust",
        "-E",
        "UTF8",
        "--locale=C.UTF-8",
    )
    if r.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"initdb failed: {r.stderr.strip()[-500:]}")
    options = (
        f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off "
        "-c max_connections=60"
    )
    r = run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
    if r.returncode != 0:
        text = log.read_text(errors="replace")[-800:] if log.exists() else r.stderr
        shutil.rmtree(root, ignore_errors=True)
        _unavailable(f"pg_ctl start failed: {text}")
    try:
        yield PgServer(port=port, socket_dir=root, superuser=user)
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL of a new, empty database on the test server (superuser login)."""
    return pg_server.url(pg_server.new_database())


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = open_database(pg_url)
    yield database
    with contextlib.suppress(Exception):
        database.close()

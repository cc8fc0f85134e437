"""Test set-up shared by the whole suite: headless Qt, a private home, real temporary databases."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports Qt or platformdirs: no screen, and no user files touched.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="spbgui-test-home-"))
for var, sub in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[var] = str(_HOME / sub)

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from spbgui.store.database import Database, open_database  # noqa: E402

# The PostgreSQL server fixtures (pg_server, pg_url, pg_db), one server for the whole run.
pytest_plugins = ("tests.pg_server",)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"  # see tests/data/README.md
FIXTURES = DATA

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "records.sqlite"


@pytest.fixture
def db(db_path: Path) -> Database:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def fixture_xlsx() -> Path:
    path = FIXTURES / "cooperation_2024.xlsx"
    assert path.exists(), f"the test data is missing: {path}"
    return path


@pytest.fixture(scope="session")
def expected_2024() -> dict:
    import json

    return json.loads((FIXTURES / "cooperation_2024.expected.json").read_text("utf-8"))

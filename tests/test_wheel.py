"""The built wheel runs without the source tree: migrations and resources travel inside it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp / "dist"),
            str(ROOT),
        ],
        check=True,
        timeout=600,
    )
    wheel = next((tmp / "dist").glob("spbgui-*.whl"))
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    purelib = Path(
        subprocess.check_output(
            [
                str(env_dir / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_path('purelib'))",
            ],
            text=True,
        ).strip()
    )
    # The dependencies come from the test environment's site-packages (not re-downloaded);
    # a plain path entry does not run that folder's .pth files, so the editable spbgui of
    # the test environment stays invisible and only the wheel provides spbgui.
    (purelib / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env_dir / "bin" / "python"),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        timeout=600,
    )
    return env_dir


def test_installed_cli_creates_and_migrates_a_database(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    probe = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import spbgui, sys; print(spbgui.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    )
    assert str(ROOT) not in probe.stdout, "the source tree leaked into the installed program"
    r = subprocess.run(
        # no --db: the user's own database, made and migrated on first use
        [str(installed / "bin" / "spbgui-cli"), "info"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["counts"]["regions"] == 0
    assert (tmp_path / "data" / "spbgui" / "spbgui.sqlite").exists()
    assert (installed / "bin" / "spbgui").exists()  # the window's entry point

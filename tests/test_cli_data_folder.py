"""spbgui-cli with no --db, when the user's data folder cannot be made: one Russian line
that says why and what to do (as the window says at its start), not «непредвиденная
ошибка: [Errno 20] Not a directory»."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.safety.helpers import cli_args


def _cli(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cli_args(*args), capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60
    )


def test_a_data_folder_below_a_file_is_one_line_with_what_to_do(tmp_path: Path) -> None:
    blocker = tmp_path / "profile"
    blocker.write_text("a file where a folder should be")
    env = dict(os.environ, XDG_DATA_HOME=str(blocker / "data"))

    r = _cli(tmp_path, env, "info")

    assert r.returncode == 1 and r.stdout == ""
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("spbgui-cli: ") and "непредвиденная" not in line
    assert str(blocker) in line and "это файл, а не папка" in line  # what is wrong
    assert "--db" in line  # and what to do
    assert blocker.read_text() == "a file where a folder should be"


def test_no_home_known_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    """HOME unset and the account unknown to the system: platformdirs' RuntimeError went
    through the crash log's set-up as a traceback."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_DATA_HOME")}
    env.pop("XDG_STATE_HOME", None)
    env["TMPDIR"] = str(tmp_path)  # where the log goes when no home is known
    script = (
        "import pwd, sys\n"
        "def unknown(uid):\n"
        "    raise KeyError(uid)\n"
        "pwd.getpwuid = unknown\n"
        "from spbgui.cli import main\n"
        "sys.exit(main(['info']))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )

    assert r.returncode == 1, r.stderr
    (line,) = r.stderr.strip().splitlines()
    assert "домашнюю папку" in line and "Traceback" not in r.stderr

"""`spbgui` with no screen to show its window on (an SSH session): one Russian line, exit 2.

Qt ended the process with an English report about platform plugins and a core dump.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="X11 and Wayland are Linux's"
)


def _start(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "spbgui.app", "--db", str(tmp_path / "records.sqlite")],
        env={**clean, "HOME": str(tmp_path / "home"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_display_is_said_in_one_russian_line(tmp_path: Path) -> None:
    r = _start(tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "DISPLAY" in lines[0] and "spbgui-cli" in lines[0]
    assert "окно программы показать негде" in lines[0]
    assert "plugin" not in r.stderr
    assert not (tmp_path / "records.sqlite").exists()  # nothing was opened or made


def test_a_platform_chosen_by_hand_is_left_to_qt(tmp_path: Path) -> None:
    r = _start(tmp_path, QT_QPA_PLATFORM="offscreen", SPBGUI_QUIT_AFTER_SHOW="1")
    assert r.returncode == 0, r.stderr
    assert "окно программы показать негде" not in r.stderr

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


def test_a_missing_x11_library_is_named_with_the_command_that_installs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Qt's X11 plugin needs libxcb-cursor0 (since Qt 6.5), which a fresh desktop may not
    have: the program names it instead of Qt's abort."""
    from spbgui import app

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(app, "_loads", lambda library: library != app.XCB_CURSOR)
    why = app.no_display()
    assert why is not None and "apt-get install libxcb-cursor0" in why
    monkeypatch.setattr(app, "_loads", lambda library: True)
    assert app.no_display() is None
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")  # a Wayland desktop needs no X11
    monkeypatch.setattr(app, "_loads", lambda library: False)
    assert app.no_display() is None


def test_the_library_is_looked_for_where_the_system_finds_libraries() -> None:
    from spbgui import app

    assert app._loads("libc.so.6")
    assert not app._loads("libno-such-library-spbgui.so.0")

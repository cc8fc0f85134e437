"""The installed program on a real X server (Xvfb), driven by xdotool as a person would:
keys and typing into its windows, then the database checked with spbgui-cli dump.

Slow (it starts the program and an X server): ``make test-slow`` runs it, as CI does.
Outside CI it is skipped when Xvfb or xdotool is missing; under CI (CI=true) it fails
instead, since .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
XLSX = ROOT / "tests" / "data" / "cooperation_2024.xlsx"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def _tools() -> None:
    missing = [t for t in ("Xvfb", "xdotool") if shutil.which(t) is None]
    if missing:
        message = f"needs {', '.join(missing)} (apt-get install xvfb xdotool)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message + ": CI must run this test")
        pytest.skip(message)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An X server of its own at 1366×768, and a private home for the program."""
    _tools()
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    home = tmp_path / "home"
    env = {
        **os.environ,
        "DISPLAY": f":{number}",
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    home.mkdir()
    try:
        yield env
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=30)
    return done.stdout.strip()


def _window(env: dict[str, str], title: str, timeout: float = 30) -> str:
    """The id of the visible window whose title holds ``title`` (waits for it)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = _xdotool(env, "search", "--onlyvisible", "--name", title)
        if found:
            return found.splitlines()[-1]
        time.sleep(0.2)
    names = _xdotool(env, "search", "--onlyvisible", "--name", ".", "getwindowname", "%@")
    raise AssertionError(f"no window «{title}»; visible: {names}")


def _gone(env: dict[str, str], title: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not _xdotool(env, "search", "--onlyvisible", "--name", title):
            return
        time.sleep(0.2)
    raise AssertionError(f"the window «{title}» stays open")


def _visible(env: dict[str, str]) -> set[str]:
    return set(_xdotool(env, "search", "--onlyvisible", "--name", ".").split())


def _new_window(env: dict[str, str], before: set[str], timeout: float = 30) -> str:
    """The window that appeared since ``before`` (a dialog just opened)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        new = _visible(env) - before
        if new:
            time.sleep(0.5)  # let it take its size and focus
            return sorted(new, key=int)[-1]
        time.sleep(0.2)
    raise AssertionError("no new window opened")


def _closed(env: dict[str, str], window: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if window not in _visible(env):
            return
        time.sleep(0.2)
    raise AssertionError("the window stays open")


def _keys(env: dict[str, str], window: str, *keys: str) -> None:
    """Give ``window`` the keyboard (no window manager here) and press ``keys``."""
    _xdotool(env, "windowfocus", "--sync", window)
    for key in keys:
        _xdotool(env, "key", "--clearmodifiers", key)
        time.sleep(0.15)


def _type(env: dict[str, str], window: str, text: str) -> None:
    _xdotool(env, "windowfocus", "--sync", window)
    _xdotool(env, "type", "--delay", "20", text)


def test_import_from_the_keyboard_in_the_installed_program(display, tmp_path: Path) -> None:
    env = display
    db = tmp_path / "Сотрудничество.sqlite"
    table = tmp_path / "table2024.xlsx"  # a path xdotool types letter by letter
    shutil.copyfile(XLSX, table)
    app = subprocess.Popen(
        [str(BIN / "spbgui"), "--db", str(db)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # First start on the empty database: «Начать с пустой» (Esc) in the welcome box.
        welcome = _window(env, "Добро пожаловать")
        _keys(env, welcome, "Escape")
        _gone(env, "Добро пожаловать")
        main = _window(env, "Города-партнёры")
        # Ctrl+I: the import dialog; Tab to «Выбрать…», Space: the file dialog.
        before = _visible(env)
        _keys(env, main, "ctrl+i")
        dialog = _new_window(env, before)
        before = _visible(env)
        _keys(env, dialog, "Tab", "space")
        chooser = _new_window(env, before)
        _type(env, chooser, str(table))
        _keys(env, chooser, "Return")
        _closed(env, chooser)
        # The preview comes; «Импортировать» takes the focus: Enter imports. Before the
        # preview is there, Enter would open the file dialog again: close it and wait.
        time.sleep(2.0)
        for _attempt in range(20):
            before = _visible(env)
            _keys(env, dialog, "Return")
            time.sleep(1.5)
            if dialog not in _visible(env):
                break
            for extra in _visible(env) - before:
                _keys(env, extra, "Escape")
                time.sleep(1.0)
        _closed(env, dialog)
        _keys(env, main, "ctrl+q")
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.terminate()
            app.wait(timeout=10)
        output = app.stdout.read() if app.stdout else ""
        print(f"the program's output (exit {app.returncode}):\n{output}")  # shown on a failure
    assert app.returncode == 0, output

    dump = subprocess.run(
        [str(BIN / "spbgui-cli"), "dump", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert dump.returncode == 0, dump.stderr
    records = json.loads(dump.stdout)
    assert records["counts"]["partners"] == 37
    assert records["counts"]["events"] == 96

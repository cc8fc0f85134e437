"""A reading child whose parent was killed ends too, instead of sleeping for ever.

``spbgui-cli import`` killed (kill -9, the OOM killer, a closed session) while
its child read a big workbook left the child behind: forked, it kept the
reading end of its own result pipe open, so its write of the sheet's cells
blocked for ever once the pipe was full, holding the memory of the whole
sheet. The make test run of the kill test left seven such processes asleep.
The child now dies with its parent.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
from spbgui.io.isolated import start_isolated
from tests.io.isolated_targets import big_result
child = start_isolated(big_result, 300_000, memory_mb=4096, seconds=120)
print(child._proc.pid, flush=True)
time.sleep(120)  # never reads the result: the child's write blocks once the pipe is full
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
    return state in ("Z", "X")  # a zombie nobody reaps in a container is gone all the same


@pytest.mark.skipif(sys.platform != "linux", reason="the fork and /proc of Linux")
def test_the_child_ends_when_its_parent_is_killed(tmp_path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", SCRIPT.format(root=str(ROOT))],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        time.sleep(3)  # the child has made its result and is writing it
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 15
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = not _gone(child)
        if alive:
            os.kill(child, signal.SIGKILL)
        assert not alive, "the reading child outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()

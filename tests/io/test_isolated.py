"""run_isolated: whatever the function in the child does, the caller gets a value or a TableError.

Crashes (abort, segfault, a panic that is a BaseException), memory and time
limits and a cancel each end in one plain Russian line, and the test process
itself survives them all — which is what the window needs of a native reader.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from spbgui.io.isolated import IsolatedFailure, run_isolated
from spbgui.io.table.records import ImportCancelled, TableError
from tests.io import isolated_targets as t

LIMITS = {"memory_mb": 512, "seconds": 5.0}
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="resource limits: Linux")


@pytest.fixture(autouse=True, params=["fork server", "plain fork"])
def start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test both ways: the window's (the fork server) and the command line's (a fork).

    This process has Qt loaded, so left alone it always takes the fork server;
    the command line, without Qt and threads, forks itself (tested below too).
    """
    from spbgui.io import isolated

    if request.param == "plain fork":
        if sys.platform != "linux":
            pytest.skip("a plain fork: Linux only")
        monkeypatch.setattr(isolated, "_fork_is_safe", lambda: True)
    else:
        monkeypatch.setattr(isolated, "_fork_is_safe", lambda: False)
    return str(request.param)


def plain(message: str) -> str:
    assert message and "\n" not in message and "Traceback" not in message
    assert any("а" <= ch <= "я" for ch in message.lower())
    return message


def test_returns_the_value() -> None:
    assert run_isolated(t.add, 2, 3, **LIMITS) == 5


def test_a_large_result_comes_back_whole() -> None:
    rows = run_isolated(t.big_result, 50_000, **LIMITS)
    assert rows == t.big_result(50_000)


def test_a_refusal_comes_back_as_itself() -> None:
    with pytest.raises(TableError) as info:
        run_isolated(t.refuse, "Файл «x.xlsx» пуст (0 байт).", **LIMITS)
    assert type(info.value) is TableError
    assert str(info.value) == "Файл «x.xlsx» пуст (0 байт)."


def test_an_ordinary_exception_comes_back_as_itself() -> None:
    with pytest.raises(ValueError, match="not a sheet"):
        run_isolated(t.value_error, **LIMITS)


@pytest.mark.parametrize("crash", [t.panic, t.abort, t.segfault, t.kill_self, t.unpicklable_result])
def test_a_crash_is_a_refusal(crash) -> None:
    with pytest.raises(IsolatedFailure) as info:
        run_isolated(crash, **LIMITS, name="книга.xlsx")
    assert info.value.reason == "crash"
    assert "«книга.xlsx»" in plain(str(info.value))
    assert isinstance(info.value, TableError)


def test_the_panic_is_logged_with_its_words(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    logging.getLogger("spbgui").addHandler(caplog.handler)
    try:
        with pytest.raises(IsolatedFailure):
            run_isolated(t.panic, **LIMITS, name="книга.xlsx")
    finally:
        logging.getLogger("spbgui").removeHandler(caplog.handler)
    assert "capacity overflow" in caplog.text and "книга.xlsx" in caplog.text


@linux_only
def test_python_memory_limit() -> None:
    with pytest.raises(IsolatedFailure) as info:
        run_isolated(t.allocate, 2048, **LIMITS)
    assert info.value.reason == "memory" and "512 МБ" in plain(str(info.value))
    assert run_isolated(t.allocate, 64, **LIMITS) == 64 * 1024 * 1024


@linux_only
def test_native_allocation_failure_aborts_only_the_child() -> None:
    with pytest.raises(IsolatedFailure) as info:
        run_isolated(t.allocate_natively, 4096, **LIMITS)
    assert info.value.reason == "crash"


@linux_only
def test_cpu_time_limit() -> None:
    started = time.monotonic()
    with pytest.raises(IsolatedFailure) as info:
        run_isolated(t.spin, 30, memory_mb=512, seconds=1)
    assert info.value.reason == "time" and "1 с" in plain(str(info.value))
    assert time.monotonic() - started < 15


def test_wall_time_limit() -> None:
    started = time.monotonic()
    with pytest.raises(IsolatedFailure) as info:
        run_isolated(t.sleep, 60, memory_mb=512, seconds=5, wall_seconds=0.5)
    assert info.value.reason == "time" and "5 с" in plain(str(info.value))
    assert time.monotonic() - started < 5


def test_cancel_stops_the_child_at_once() -> None:
    flag = threading.Event()
    threading.Timer(0.3, flag.set).start()
    started = time.monotonic()
    with pytest.raises(ImportCancelled):
        run_isolated(t.sleep, 60, **LIMITS, cancelled=flag.is_set)
    assert time.monotonic() - started < 2


def test_cancelled_before_start() -> None:
    with pytest.raises(ImportCancelled):
        run_isolated(t.add, 1, 2, **LIMITS, cancelled=lambda: True)


def test_calls_from_threads_at_once() -> None:
    results: list[int] = []

    def call(i: int) -> None:
        results.append(run_isolated(t.add, i, i, **LIMITS))

    threads = [threading.Thread(target=call, args=(i,)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(results) == [0, 2, 4, 6]


def test_the_childs_cpu_time_is_counted() -> None:
    from spbgui.io.isolated import child_cpu_seconds

    before = child_cpu_seconds()
    run_isolated(t.spin, 0.3, **LIMITS)
    assert child_cpu_seconds() - before >= 0.25


def test_the_reader_imports_this_spbgui_whatever_the_current_folder(tmp_path: Path) -> None:
    """Started inside another checkout (a folder with its own spbgui/), the child used to
    import that one: Python 3.11's fork server puts the current folder first on its path."""
    import os
    import subprocess

    decoy = tmp_path / "spbgui"
    (decoy / "io").mkdir(parents=True)
    (decoy / "__init__.py").write_text("")
    (decoy / "io" / "__init__.py").write_text("")
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from spbgui.io.xlsx.read import read_table;"
        "print(read_table(sys.argv[2]).counts()['events'])"
    )
    fixture = root / "tests" / "data" / "cooperation_2024.xlsx"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(root), str(fixture)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "96"


@linux_only
def test_only_a_process_without_qt_and_threads_is_forked() -> None:
    """The window's process (Qt, threads) must never be forked; the command line's is."""
    import subprocess

    script = (
        "import sys, threading, time;"
        "from spbgui.io import isolated;"
        "print(isolated._fork_is_safe());"
        "import PySide6.QtCore;"
        "print(isolated._fork_is_safe());"
        "del sys.modules['PySide6.QtCore'], sys.modules['PySide6'];"
        "t = threading.Thread(target=time.sleep, args=(1,)); t.start();"
        "print(isolated._fork_is_safe());"
        "from tests.io import isolated_targets as t2;"
        "print(isolated.run_isolated(t2.add, 2, 3, memory_mb=512, seconds=5))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=60
    )
    assert done.stdout.split() == ["True", "False", "False", "5"], done.stderr


def test_work_meanwhile_runs_once_while_the_child_reads() -> None:
    """The command line loads the database side while its child reads (issue 17)."""
    from spbgui.io.isolated import meanwhile

    seen: list[tuple[int, int]] = []

    def work() -> None:  # the child is already running: its sleep overlaps this
        seen.append((threading.get_ident(), len(__import__("multiprocessing").active_children())))

    started = time.monotonic()
    with meanwhile(work):
        assert run_isolated(t.sleep_then_add, 0.5, 2, 3, **LIMITS) == 5
        assert run_isolated(t.add, 1, 1, **LIMITS) == 2  # not again
    assert seen == [(threading.get_ident(), 1)]
    assert time.monotonic() - started < 5
    with meanwhile(work):
        pass  # no child: no work (the caller does it itself afterwards)
    assert len(seen) == 1
    assert run_isolated(t.add, 1, 1, **LIMITS) == 2  # and none is left for later calls
    assert len(seen) == 1

"""Running a native file reader in a child process, so that nothing it does can kill the window.

A spreadsheet library written in Rust or C (calamine) may abort the whole
process on a hostile file: a failed allocation in Rust is an abort, not an
exception, and a panic surfaces as ``pyo3_runtime.PanicException``, a
``BaseException`` that ordinary ``except Exception`` lets through. Python's
own checks before the library cannot foresee every such path, so the
library runs here, in a child process with hard limits on its address space
and CPU time, and only plain Python values come back.

:func:`run_isolated` runs a picklable top-level function in the child and
returns its result, or raises:

- the exception the function raised, when it is an ordinary picklable
  ``Exception`` (a :class:`~spbgui.io.table.records.TableError` comes back
  as itself, so a refusal's words reach the user unchanged);
- :class:`IsolatedFailure` (a ``TableError``) with one plain Russian line
  when the child crashed, panicked, ran out of memory or time — the details
  go to the program's log;
- :class:`~spbgui.io.table.records.ImportCancelled` when ``cancelled()``
  turned True: the child is killed at once, so a Cancel never waits for it.

On Linux the child is forked from multiprocessing's fork server: a clean
process started once, which never holds the window's threads (forking the
Qt process itself is unsafe) and keeps the reader's modules imported, so a
call costs a fork, not an interpreter start. A process that has neither Qt
nor a second thread (``spbgui-cli``) is forked itself instead: starting the
fork server (an interpreter and the reader's imports) took longer than the
reading of a 20,000-row workbook's rows. Elsewhere the child is spawned.
"""

from __future__ import annotations

import faulthandler
import functools
import math
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from spbgui.errors import logger
from spbgui.io.table.records import ImportCancelled, TableError

T = TypeVar("T")

_POLL = 0.05  # seconds between looks at the child, the clock and the cancel flag
_MB = 1024 * 1024

# Modules the fork server imports once, so that each child starts with them loaded.
# A reader adds its own module here at import time (see spbgui.io.xlsx.sheets).
PRELOAD: list[str] = ["spbgui.io.isolated"]


class IsolatedFailure(TableError):
    """The child died, panicked, or went past a limit; ``reason`` says which.

    ``reason`` is one of "crash", "memory", "time".
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.reason))


def _subject(name: str) -> str:
    return f"Файл «{name}» не прочитан" if name else "Файл не прочитан"


_DANGER = "возможно, файл повреждён или опасен"


def _crashed(name: str) -> IsolatedFailure:
    return IsolatedFailure(
        f"{_subject(name)}: программа чтения аварийно остановилась на нём ({_DANGER}). "
        "Пересохраните файл в Excel или попросите прислать его заново.",
        "crash",
    )


def _out_of_memory(name: str, memory_mb: int) -> IsolatedFailure:
    return IsolatedFailure(
        f"{_subject(name)}: для чтения нужно больше {memory_mb} МБ памяти. "
        f"Такой объём не бывает у таблицы сотрудничества — {_DANGER}.",
        "memory",
    )


def _out_of_time(name: str, seconds: float) -> IsolatedFailure:
    return IsolatedFailure(
        f"{_subject(name)}: чтение заняло больше {seconds:g} с. "
        f"Так долго не читается ни одна таблица сотрудничества — {_DANGER}.",
        "time",
    )


# --- the child ------------------------------------------------------------------------------


def _set_limits(memory_mb: int, seconds: float) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the parent's clock guards the child
        return
    cpu = max(1, math.ceil(seconds))
    limits = (
        (resource.RLIMIT_AS, memory_mb * _MB),
        (resource.RLIMIT_CPU, cpu),  # SIGXCPU at the soft limit, SIGKILL a second later
        (resource.RLIMIT_CORE, 0),  # an abort leaves no core file behind
    )
    for which, soft in limits:
        _old_soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY and hard < soft:
            soft = hard
        new_hard = soft + 1 if which == resource.RLIMIT_CPU else soft
        if hard != resource.RLIM_INFINITY:
            new_hard = min(new_hard, hard)
        resource.setrlimit(which, (soft, new_hard))


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this child when the process that forked it dies.

    A killed parent (kill -9, the OOM killer) never reads the result: a child
    blocked writing a big one would sleep for ever, holding the sheet's memory.
    A fork server's child dies with the fork server, which ends with the window.
    ``parent`` (a plain fork's parent, else 0) is checked: it may be gone already.
    """
    if sys.platform != "linux":
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if parent and os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _child(
    conn: Any,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    mb: int,
    s: float,
    parent: int = 0,
    inherited: Any = None,
) -> None:
    """The child's whole life: limits, the call, one message back."""
    _die_with_parent(parent)
    if inherited is not None:
        # A forked child holds the parent's end of the pipe too: with it open, a write
        # to a parent that is gone would wait for a reader that never comes.
        inherited.close()
    # A forked child inherits the parent's crash dumper: a crash is told in words by the
    # parent, not dumped on the terminal.
    faulthandler.disable()
    _set_limits(mb, s)
    started = time.process_time()
    try:
        message: tuple[Any, ...] = ("ok", func(*args), time.process_time() - started)
    except MemoryError:
        message = ("memory",)
    except BaseException as exc:  # a Rust panic is a BaseException: it must come back too
        message = _describe(exc)
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("memory",))
    except Exception as exc:  # the result or the error would not pickle
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    conn.close()


def _describe(exc: BaseException) -> tuple[Any, ...]:
    if isinstance(exc, Exception):
        try:
            pickle.loads(pickle.dumps(exc))
        except Exception:
            pass
        else:
            return ("raise", exc)
    return ("crash", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


# --- the parent -----------------------------------------------------------------------------

_context_lock = threading.Lock()
_context: Any = None
_CHILD_NAME = "spbgui-reader"


def _without_main(get_preparation_data: Callable[[str], dict[str, Any]]) -> Any:
    """multiprocessing's preparation of a child, minus the import of the ``__main__`` script.

    By default every spawned or fork-server child runs the parent's main
    script again (as ``__mp_main__``): for the window that would import Qt
    into each reading child, and a script without the ``if __name__ ==
    "__main__"`` guard would start itself over. The functions run here live
    in importable modules, so the reading children skip that step.
    """

    @functools.wraps(get_preparation_data)  # its __wrapped__ marks the patch as made
    def prepare(name: str) -> dict[str, Any]:
        data = get_preparation_data(name)
        if name == _CHILD_NAME:
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    return prepare


def _fork_is_safe() -> bool:
    """Whether this process may simply be forked: Linux, no Qt loaded, no other thread.

    A fork copies only the calling thread: a lock another thread held (Qt's,
    the allocator's, logging's) stays locked in the child for ever. The
    window's process always has Qt; the command line has neither.
    """
    if sys.platform != "linux" or threading.active_count() != 1:
        return False
    return not any(name == "PySide6" or name.startswith("PySide6.") for name in sys.modules)


def _get_context() -> Any:
    """A plain fork where that is safe, else the fork server (Linux), else spawn."""
    if _fork_is_safe():
        return multiprocessing.get_context("fork")
    global _context
    with _context_lock:
        if _context is None:
            from multiprocessing import spawn

            if not hasattr(spawn.get_preparation_data, "__wrapped__"):
                spawn.get_preparation_data = _without_main(spawn.get_preparation_data)
            if "forkserver" in multiprocessing.get_all_start_methods():
                server = multiprocessing.get_context("forkserver")
                server.set_forkserver_preload(list(dict.fromkeys(PRELOAD)))
                _context = server
            else:
                _context = multiprocessing.get_context("spawn")
        if _context.get_start_method() == "forkserver":
            _start_fork_server()
        return _context


def _start_fork_server() -> None:
    """Start the fork server (if it is not running) with this process's module path.

    Python 3.11's fork server ignores the parent's ``sys.path`` and puts the
    current directory first: started from inside another checkout of spbgui,
    it would preload that one's modules. With PYTHONSAFEPATH and the parent's
    path in PYTHONPATH it imports what this process imports.
    """
    from multiprocessing import forkserver

    saved = {k: os.environ.get(k) for k in ("PYTHONPATH", "PYTHONSAFEPATH")}
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_isolated(
    func: Callable[..., T],
    *args: Any,
    memory_mb: int,
    seconds: float,
    cancelled: Callable[[], bool] | None = None,
    name: str = "",
    wall_seconds: float | None = None,
) -> T:
    """``func(*args)`` run in a child process with at most ``memory_mb`` of address space.

    ``seconds`` is the child's CPU time; its wall time may be ``wall_seconds``
    (by default twice ``seconds`` plus ten: a busy machine), after which it is
    killed as well.
    ``name`` (a file name) goes into the messages. ``func`` must be a
    top-level function of an importable module, and its arguments and
    result picklable.
    """
    child = start_isolated(
        func,
        *args,
        memory_mb=memory_mb,
        seconds=seconds,
        cancelled=cancelled,
        name=name,
        wall_seconds=wall_seconds,
    )
    return child.result(cancelled)


def start_isolated(
    func: Callable[..., T],
    *args: Any,
    memory_mb: int,
    seconds: float,
    cancelled: Callable[[], bool] | None = None,
    name: str = "",
    wall_seconds: float | None = None,
) -> Isolated[T]:
    """:func:`run_isolated` in two steps: the child starts now, :meth:`Isolated.result` waits.

    Two children may run side by side (the xlsx reader checks a file in one
    while it reads it in the other). Each must be waited for or stopped.
    """
    if cancelled is not None and cancelled():
        raise ImportCancelled
    ctx = _get_context()
    receiver, sender = ctx.Pipe(duplex=False)
    # Only a plain fork copies the receiving end into the child (the fork server and
    # spawn pass the child what its arguments name): that child closes its copy.
    forked = ctx.get_start_method() == "fork"
    inherited = receiver if forked else None
    proc = ctx.Process(
        target=_child,
        args=(sender, func, args, memory_mb, seconds, os.getpid() if forked else 0, inherited),
        name=_CHILD_NAME,
    )
    proc.daemon = True
    try:
        proc.start()
    except OSError as exc:
        receiver.close()
        sender.close()
        raise TableError(
            f"{_subject(name)}: не удалось запустить процесс чтения ({exc.strerror or exc}). "
            "Закройте лишние программы и попробуйте снова."
        ) from None
    sender.close()  # the child holds the only writing end: EOF then means it died
    wall = wall_seconds if wall_seconds is not None else 2 * seconds + 10
    return Isolated(proc, receiver, memory_mb, seconds, wall, name)


class Isolated(Generic[T]):
    """A function running in a child process (made by :func:`start_isolated`)."""

    def __init__(
        self, proc: Any, receiver: Any, memory_mb: int, seconds: float, wall: float, name: str
    ) -> None:
        self._proc = proc
        self._receiver = receiver
        self._memory_mb = memory_mb
        self._seconds = seconds
        self._wall = wall
        self._deadline = time.monotonic() + wall
        self._name = name

    def stop(self) -> None:
        """Kill the child if it still runs (its result is not wanted); safe to call twice."""
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._receiver.close()

    def result(self, cancelled: Callable[[], bool] | None = None) -> T:
        """What the function returned; or its exception, or a refusal (see :func:`run_isolated`)."""
        proc, name, seconds = self._proc, self._name, self._seconds
        try:
            _do_work_meanwhile()
            message = _wait(proc, self._receiver, self._deadline, cancelled)
        finally:
            self.stop()
        if message is None:  # no word from the child: it was killed or died
            code = proc.exitcode
            if code is not None and code < 0 and -code in _TIME_SIGNALS:
                _log(name, f"CPU time limit ({seconds:g} s), signal {-code}")
                raise _out_of_time(name, seconds)
            if time.monotonic() >= self._deadline:
                _log(name, f"wall time limit ({self._wall:g} s)")
                raise _out_of_time(name, seconds)
            _log(name, f"the child process ended with code {code}{_signal_name(code)}")
            raise _crashed(name)
        kind = message[0]
        if kind == "ok":
            _add_child_cpu(message[2])
            result: T = message[1]  # what func returned, unpickled
            return result
        if kind == "raise":
            raise message[1]
        if kind == "memory":
            _log(name, f"out of memory (limit {self._memory_mb} MB)")
            raise _out_of_memory(name, self._memory_mb)
        _log(name, f"the reader failed:\n{message[1]}")
        raise _crashed(name)


_work_lock = threading.Lock()
_work: dict[int, list[Callable[[], None]]] = {}  # thread → what it does while its child reads


@contextmanager
def meanwhile(work: Callable[[], None]) -> Iterator[None]:
    """Do ``work`` in this process while a child started inside the ``with`` block reads.

    For the command line, which sits idle while its child reads the file: it
    may load what it needs next (the database side). The work runs once, in
    this thread, as soon as the block's first wait for a child begins — after
    the children are forked, so that none of them is forked from a process in
    the middle of imports — or not at all, if no child was started (a reader
    without one, a refusal before it); the caller then does it afterwards, as
    it would have anyway. The window does not use it: a wait there must watch
    for a Cancel at once.
    """
    me = threading.get_ident()
    with _work_lock:
        _work.setdefault(me, []).append(work)
    try:
        yield
    finally:
        with _work_lock:
            pending = _work.get(me, [])
            if work in pending:
                pending.remove(work)
            if not pending:
                _work.pop(me, None)


def _do_work_meanwhile() -> None:
    with _work_lock:
        pending = _work.pop(threading.get_ident(), [])
    for work in pending:
        work()


_TIME_SIGNALS = {getattr(signal, "SIGXCPU", -1)}
_cpu_lock = threading.Lock()
_child_cpu = 0.0


def _add_child_cpu(seconds: float) -> None:
    global _child_cpu
    with _cpu_lock:
        _child_cpu += seconds


def child_cpu_seconds() -> float:
    """CPU seconds the functions run here have spent in their children, all calls together.

    ``time.process_time()`` no longer sees the reading once it runs in a child;
    the benchmarks add this to it.
    """
    return _child_cpu


def _wait(
    proc: Any, receiver: Any, deadline: float, cancelled: Callable[[], bool] | None
) -> tuple[Any, ...] | None:
    """The child's one message, or None if it died first (or the clock ran out)."""
    while True:
        if receiver.poll(_POLL):
            try:
                message: tuple[Any, ...] = receiver.recv()
                return message
            except (EOFError, OSError):
                return None
        if cancelled is not None and cancelled():
            raise ImportCancelled
        if not proc.is_alive() and not receiver.poll(0):
            return None
        if time.monotonic() >= deadline:
            return None


def _signal_name(code: int | None) -> str:
    if code is None or code >= 0:
        return ""
    try:
        return f" ({signal.Signals(-code).name})"
    except ValueError:
        return ""


def _log(name: str, what: str) -> None:
    logger().warning("file %s refused by the isolated reader: %s", name or "?", what)

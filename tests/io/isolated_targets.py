"""Top-level functions for tests/io/test_isolated.py to run in a child process.

They live in an importable module of their own, as run_isolated requires.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time

from spbgui.io.table.records import TableError


def add(a: int, b: int) -> int:
    return a + b


def big_result(rows: int) -> list[list[object]]:
    return [[f"текст {r}", r, r * 0.5, None, "слово " * 10] for r in range(rows)]


def refuse(message: str) -> None:
    raise TableError(message)


def value_error() -> None:
    raise ValueError("not a sheet")


class Panic(BaseException):
    """Stands for pyo3_runtime.PanicException: a BaseException, not an Exception."""


def panic() -> None:
    raise Panic("called `Result::unwrap()` on an `Err` value: capacity overflow")


def abort() -> None:
    os.abort()  # what Rust does when an allocation fails


def segfault() -> None:
    ctypes.string_at(0)


def allocate(mb: int) -> int:
    return len(bytearray(mb * 1024 * 1024))


def allocate_natively(mb: int) -> int:
    """A native allocation that aborts on failure, as Rust's does."""
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    p = libc.malloc(ctypes.c_size_t(mb * 1024 * 1024))
    if not p:
        os.abort()
    ctypes.memset(p, 1, mb * 1024 * 1024)
    return mb


def spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def unpicklable_result() -> object:
    return lambda: None


def sleep_then_add(seconds: float, a: int, b: int) -> int:
    time.sleep(seconds)
    return a + b

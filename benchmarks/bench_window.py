"""Time the main window over a large database (see make_big_db.py) and print the figures.

    python benchmarks/make_big_db.py /tmp/big.sqlite
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py [--goals] /tmp/big.sqlite

Each figure is the median of several runs, in milliseconds, measured around what
the user waits for (the call and the events Qt processes after it, painting
included). With ``--goals`` only the figures of issue 17's goal 3 are measured
and printed beside it (what `make bench` shows): a search answered within
100 ms of each keystroke, typing never blocked, switching the year within
100 ms, a partner with 1,000 events selected within 50 ms.

"Answered" is measured from the key (the field's text set, as a key press sets it)
until the search panel says the answer to that text is on screen, the filtered
tree and the list of events included; the pause in typing that starts a search
is inside that time, not left out of it. The work after the pause is printed
beside it. CPU time (every thread of the process) is printed beside wall time:
on a shared machine the wall time also waits for the CPU.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, os.environ.get("SPBGUI_SOURCE", str(ROOT)))  # bench.py --source
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A private settings folder: the benchmark must not change the user's window layout.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="spbgui-bench-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from spbgui.services import search, tree  # noqa: E402
from spbgui.services.changes import NodeRef  # noqa: E402
from spbgui.services.details import events  # noqa: E402
from spbgui.store.database import open_database  # noqa: E402

ROWS: list[tuple[str, float, str]] = []


def measure(label: str, fn: Callable[[], object], runs: int = 5, note: str = "") -> float:
    app = QApplication.instance()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        if app is not None:
            app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    value = statistics.median(times)
    ROWS.append((label, value, note))
    print(f"{label:<58} {value:9.1f} ms  {note}", flush=True)
    return value


def wait_for_answer(window: object, timeout: float = 10.0) -> None:
    """Process events until the search panel has answered the field's text (or gave up)."""
    app = QApplication.instance()
    panel = window.search  # type: ignore[attr-defined]
    if not hasattr(panel, "answered"):  # a version that searched on the GUI thread
        while panel._timer.isActive():
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        return
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        app.processEvents()
        if panel.answered(window.search_field.text()):  # type: ignore[attr-defined]
            app.processEvents()  # the filtered tree and the list painted
            return
        time.sleep(0.001)
    raise SystemExit(f"the search did not answer «{window.search_field.text()}» in {timeout} s")  # type: ignore[attr-defined]


class Clock:
    """Wall and CPU milliseconds of what happens between start() and stop().

    CPU time (this process, every thread) is printed beside the wall time: on a
    machine shared with other work the wall time waits for the CPU as well.
    """

    def __init__(self) -> None:
        self.walls: list[float] = []
        self.cpus: list[float] = []
        self._wall = self._cpu = 0.0

    def start(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def stop(self) -> None:
        self.walls.append((time.perf_counter() - self._wall) * 1000)
        self.cpus.append((time.process_time() - self._cpu) * 1000)


def goals(window: object, db: object, year: int) -> None:
    """Issue 17's goal 3, each figure beside its bar."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from spbgui.ui.actions import ActionId

    app = QApplication.instance()
    assert app is not None
    field = window.search_field  # type: ignore[attr-defined]
    panel = window.search  # type: ignore[attr-defined]

    def report(label: str, wall: float, cpu: float | None, bar: float) -> None:
        def mark(value: float) -> str:
            return "met" if value < bar else "NOT MET"

        cpu_text = f"cpu {cpu:6.1f} ms" if cpu is not None else " " * 13
        marks = f"wall {mark(wall)}" + (f", cpu {mark(cpu)}" if cpu is not None else "")
        print(
            f"  {label:<54} {wall:7.1f} ms  {cpu_text}   goal < {bar:.0f} ms: {marks}", flush=True
        )

    def report_clock(label: str, clock: Clock, bar: float, how=statistics.median) -> None:  # type: ignore[no-untyped-def]
        report(label, how(clock.walls), how(clock.cpus), bar)

    def clear() -> None:
        field.clear()
        panel.run()
        wait_for_answer(window)

    # The tree's marks (anniversaries, dormant partners) are worked out in a thread when
    # the window opens, seconds over 500,000 events: a search typed meanwhile shares the
    # CPU with them. The figures below are measured after them; their time is printed.
    from spbgui.ui.tasks import is_running

    started = time.perf_counter()
    marks = getattr(window, "tree_marks", None)
    # They start on a timer once SQLAlchemy is loaded: wait for them to start (a database
    # upgraded as it was opened has its engine before that timer fires), then to end.
    while marks is not None and getattr(marks, "_task", None) is None:
        if time.perf_counter() - started > 10:
            break
        app.processEvents()
        time.sleep(0.005)
    while marks is not None and is_running(getattr(marks, "_task", None)):
        app.processEvents()
        time.sleep(0.005)
    print(
        f"  (the tree's marks, read in the background at opening, took another "
        f"{(time.perf_counter() - started) * 1000:.0f} ms; measured after them)",
        flush=True,
    )

    # Each prefix as it is typed, a key at a time with a pause after it: from the key (the
    # text set) until the answer is on screen (the search, the tree filtered, the list),
    # the pause that starts the search included; and from the end of that pause (the
    # timer firing) to the answer, the work alone. The field is focused first (Ctrl+F),
    # as a person does before typing, a moment before the first key.
    answer, work = Clock(), Clock()
    timer = getattr(panel, "_timer", None)
    fired: list[float] = []
    if timer is not None:
        timer.timeout.connect(lambda: fired.append(time.perf_counter()))
    window.activateWindow()  # type: ignore[attr-defined]
    window.actions_[ActionId.FIND].trigger()  # type: ignore[attr-defined]
    QTest.qWait(300)
    for phrase in ("визит делегации", "парад юбилей", "город 777"):
        clear()
        for n in range(1, len(phrase) + 1):
            if phrase[n - 1] == " ":
                continue
            fired.clear()
            answer.start()
            field.setText(phrase[:n])
            if timer is None:
                panel.run()
            wait_for_answer(window)
            answer.stop()
            if fired:
                work.walls.append((time.perf_counter() - fired[-1]) * 1000)
    pause = f"{timer.interval()} ms pause" if timer is not None else "no pause"
    report_clock(f"search: key → answer shown ({pause} incl.), median", answer, 100)
    report_clock(f"search: key → answer shown ({pause} incl.), slowest", answer, 100, max)
    if work.walls:
        print(
            f"  {'search: end of the pause → answer shown, median/slowest':<54} "
            f"{statistics.median(work.walls):7.1f} ms / {max(work.walls):.1f} ms",
            flush=True,
        )

    # A person typing quickly: the longest the window stood still (a timer ticking every
    # 5 ms sees every stall: a key's handling, a search run on the GUI thread, painting),
    # and how long after the last key the answer was shown.
    stalls: list[float] = []
    after = Clock()
    ticks = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        stalls.append((now - ticks[0]) * 1000)
        ticks[0] = now

    ticker = QTimer(interval=5)
    ticker.timeout.connect(tick)
    for phrase in ("визит делегации", "парад юбилей"):
        clear()
        field.setFocus()
        ticks[0] = time.perf_counter()
        ticker.start()
        for ch in phrase:  # (QTest.keyClick knows ASCII letters only)
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, field, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
            QTest.qWait(30)  # a fast typist: a key every 30 ms or so
        after.start()
        wait_for_answer(window)
        after.stop()
        for _ in range(3):  # the answer painted, the ticker's last gap counted
            QTest.qWait(10)
        ticker.stop()
    report("typing: the longest the window stood still", max(stalls) - 5, None, 100)
    report_clock("typing: last key → answer shown (pause incl.), median", after, 100)
    clear()
    field.clearFocus()

    # Switching the year with the big partner shown.
    big = NodeRef.partner(1)
    window.tree.select_ref(db, big)  # type: ignore[attr-defined]
    app.processEvents()
    switch = Clock()
    for target in (year - 1, year) * 4:
        switch.start()
        window.editor.set_year(target)  # type: ignore[attr-defined]
        app.processEvents()
        switch.stop()
    report_clock("switch the year (a partner with 1,000 events shown)", switch, 100)

    select = Clock()
    other = NodeRef.partner(5000)
    for _ in range(7):
        window.tree.select_ref(db, other)  # type: ignore[attr-defined]
        app.processEvents()
        select.start()
        window.tree.select_ref(db, big)  # type: ignore[attr-defined]
        app.processEvents()
        select.stop()
    n_big = len(events(db=db, partner_id=1, year=year))  # type: ignore[arg-type]
    report_clock(f"select a partner with {n_big} events", select, 50)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"  (load average {load:.1f} on {os.cpu_count()} CPUs while measuring)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a database made by make_big_db.py")
    parser.add_argument("--goals", action="store_true", help="only issue 17's goal 3")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="spbgui-bench-db-")) / "big.sqlite"
    shutil.copyfile(args.path, work)  # edits below must not change the source database

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("spbgui-bench")
    from spbgui.ui.main_window import MainWindow

    print(f"database: {args.path} ({args.path.stat().st_size / 1e6:.0f} MB)")
    holder: dict[str, object] = {}

    def start() -> None:
        db = open_database(work)
        window = MainWindow(db)
        window.resize(1400, 900)
        window.show()
        holder["window"] = window

    measure("open the database and show the window", start, runs=1)
    window = holder["window"]
    assert isinstance(window, MainWindow)
    # The window loads SQLAlchemy (and starts the tree's marks) just after it is shown,
    # its first screen being read without it (issue 17): let that happen before timing
    # what a person does next.
    while not window.db.engine_made:
        app.processEvents()
        time.sleep(0.01)
    db = window.db
    year = window.editor.year
    if args.goals:
        goals(window, db, year)
        window.close()
        shutil.rmtree(work.parent, ignore_errors=True)
        return

    regions = tree.regions(db=db, year=year)
    measure(
        "read the regions with their counts of the year", lambda: tree.regions(db=db, year=year)
    )
    region = regions[0].ref
    countries = tree.countries(db=db, region_id=region.id, year=year)
    measure(
        "read one region's countries (40) with counts",
        lambda: tree.countries(db=db, region_id=region.id, year=year),
    )
    measure(
        "read one country's partners (50) with counts",
        lambda: tree.partners(db=db, country_id=countries[0].ref.id, year=year),
    )

    big = NodeRef.partner(1)
    n_big = len(events(db=db, partner_id=1, year=year))
    other = NodeRef.partner(5000)

    partners_of_country = [
        r.ref for r in tree.partners(db=db, country_id=countries[0].ref.id, year=year)
    ]
    turn = iter(range(10**6))

    def select_ordinary() -> None:
        window.tree.select_ref(db, partners_of_country[1 + next(turn) % 20])

    def select_big() -> None:
        window.tree.select_ref(db, other)
        app.processEvents()
        started = time.perf_counter()
        window.tree.select_ref(db, big)
        app.processEvents()
        holder.setdefault("big", []).append((time.perf_counter() - started) * 1000)  # type: ignore[union-attr]

    measure("select an ordinary partner (tree, details, paint)", select_ordinary)
    for _ in range(7):
        select_big()
    value = statistics.median(holder["big"])  # type: ignore[arg-type]
    print(
        f"{'select a partner with ' + str(n_big) + ' events (target 100 ms)':<58} {value:9.1f} ms",
        flush=True,
    )
    ROWS.append((f"select a partner with {n_big} events", value, "target 100 ms"))

    typed = ["в", "ви", "виз", "визи", "визит", "визит д", "визит деле", "визит делегации"]
    for query in typed:
        measure(
            f"search service: «{query}»",
            lambda q=query: search.search(db=db, query=q, year=year),  # type: ignore[misc]
            runs=3,
        )
    for query in ("ташк", "парад", "елка", "город 777", "большой город"):
        measure(
            f"search service: «{query}»",
            lambda q=query: search.search(db=db, query=q, year=year),  # type: ignore[misc]
            runs=3,
        )

    def type_and_filter(query: str) -> Callable[[], None]:
        def run() -> None:
            window.search_field.setText(query)
            window.search.run_now()
            wait_for_answer(window)

        return run

    for query in ("виз", "визит делегации", "город 777", "парад юбилей"):
        measure(
            f"search field → tree filtered and events listed: «{query}»",
            type_and_filter(query),
            runs=3,
        )
    window.search_field.clear()
    window.search.run()

    def switch_year() -> None:
        window.editor.set_year(year - 1)
        app.processEvents()
        window.editor.set_year(year)

    window.tree.select_ref(db, big)
    measure(
        "switch the year and back (big partner selected)", switch_year, runs=3, note="two switches"
    )

    from spbgui.domain.dates import parse_event_date

    def add_event() -> None:
        window.editor.add_event(1, parse_event_date("3-6 июля", year), "визит для замера", None)

    measure("add an event to the big partner (saved, tree and table refreshed)", add_event, runs=3)
    measure("undo it", window.editor.stack.undo, runs=3)

    window.close()
    shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main()

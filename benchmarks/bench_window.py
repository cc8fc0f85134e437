"""Time the main window over a large database (see make_big_db.py) and print the figures.

    python benchmarks/make_big_db.py /tmp/big.sqlite
    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py /tmp/big.sqlite

Each figure is the median of several runs, in milliseconds, measured around what
the user waits for (the call and the events Qt processes after it, painting
included). The targets of issue 4: a partner with 1,000 events shown within
100 ms; search answering as one types. No pass or fail: these are figures to
compare between versions.
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
sys.path.insert(0, str(ROOT))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a database made by make_big_db.py")
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
    db = window.db
    year = window.editor.year

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
            window.search.run()

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

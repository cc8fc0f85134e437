"""Grids of cells in, the committee's table out: the one place the table rules run.

Every source (an .xlsx or .ods workbook, a Word document, the published text,
rows pasted from the clipboard) reads its file into :class:`Grid` objects and
hands them to :func:`read_grids` with a :class:`Source` that says how the
messages should name the file and its parts. The first grid that has the
header (:mod:`~spbgui.io.table.header`) is read by the row reader
(:mod:`~spbgui.io.table.rows`); the others are named in the report. Progress
and cancelling work the same for every source.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from spbgui.io.table.grid import Grid
from spbgui.io.table.header import (
    COLUMN_NAMES,
    COUNTRY,
    EVENTS,
    EXPECTED_NAMES,
    REQUIRED,
    Header,
    find_header,
)
from spbgui.io.table.records import (
    Growing,
    ImportCancelled,
    ImportWarning,
    ParsedTable,
    TableError,
)
from spbgui.io.table.rows import RowReader
from spbgui.io.table.text import is_known_region

_YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class Source:
    """What the messages call the file and its parts (a workbook's sheets, a document's tables).

    ``parts`` lists the names of the parts that hold anything, in order, so the
    report can say which of them were not imported. The word forms are Russian
    prepositional/genitive phrases put into fixed sentences.
    """

    name: str  # the file's name, or «буфер обмена»
    parts: Sequence[str] = ()
    in_file: str = "В книге"  # В книге «x» не найдена таблица…
    empty: str = "Книга «{name}» пуста: на её листах нет данных."
    on_part: str = "на листе"  # (на листе «Лист1» нет столбцов…)
    read_from: str = "таблица прочитана с листа «{part}»; листы {others} не импортировались"
    hidden: str = "лист «{part}» скрыт в книге"
    joined: str = ""  # the note on parts read as one (a sheet per region), if any


WORKBOOK = Source(name="")


def read_grids(
    grids: Iterable[Grid],
    source: Source,
    *,
    year: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    growing: Growing | None = None,
) -> ParsedTable:
    """The table of the first grid that has the header, with the report of assumptions.

    A visible grid comes before a hidden one: staff hide last year's sheet and
    fill in its copy, so a hidden sheet's table is read only when no visible
    sheet has one.

    ``year`` overrides the year in the header «Основные мероприятия в 2024
    году»; one of the two is needed. ``progress(done, total)`` is called every
    few hundred rows and at the end; ``cancelled()`` is asked as often, and
    True raises :class:`ImportCancelled`. Grids are taken one at a time, so a
    source may read its parts lazily. Raises :class:`TableError` when no grid
    holds the table.

    ``growing(table, grown)``, if given, is told every few hundred rows what they
    added to the table being read (see :data:`~spbgui.io.table.records.Grown`), so
    that an import writes the rows read while the next ones are read (issue 17).
    The table it is given is unfinished: its warnings are sorted and prefaced only
    in the table returned, which may still be refused (a header with no rows under
    it, before any report).
    """
    nearest = _Nearest()
    any_cells = False
    hidden: tuple[Grid, Header] | None = None  # the first hidden sheet with the header
    grids = iter(grids)  # a region's sheet reads on from where the loop is
    with _gc_paused():
        for grid in grids:
            check_cancel(cancelled)
            any_cells = any_cells or any(v is not None for row in grid.rows for v in row)
            header, found = find_header(grid)
            if header is None:
                if len(found) > len(nearest.found):
                    nearest.part, nearest.found = grid.name, found
                continue
            if grid.hidden:
                hidden = hidden or (grid, header)
                continue
            if is_known_region(grid.name):
                grid, header, joined = _region_sheets(grid, header, grids)
                source = _joined_source(source, joined)
            return _read(grid, header, source, year, progress, cancelled, growing)
        if hidden is not None:
            return _read(*hidden, source, year, progress, cancelled, growing)
    if not any_cells:
        raise TableError(source.empty.format(name=source.name))
    hint = ""
    if len(nearest.found) >= 2:  # a real attempt at the header: say what it lacks
        missing = ", ".join(COLUMN_NAMES[r] for r in REQUIRED if r not in nearest.found)
        hint = f" ({source.on_part} «{nearest.part}» нет столбцов {missing})"
    raise TableError(
        f"{source.in_file} «{source.name}» не найдена таблица сотрудничества: нужна строка "
        f"заголовка со столбцами {EXPECTED_NAMES}{hint}."
    )


def ends_the_search(grid: Grid) -> bool:
    """Whether a reader that takes sheets in order may stop after ``grid``: it is the
    one :func:`read_grids` reads (visible, with the header), and no later one is needed
    (a sheet named as a region may be followed by the other regions' sheets)."""
    return not grid.hidden and not is_known_region(grid.name) and find_header(grid)[0] is not None


def _region_sheets(
    first: Grid, header: Header, rest: Iterable[Grid]
) -> tuple[Grid, Header, list[str]]:
    """A workbook with a sheet per region («Европа», «Азия»…): the sheets named as regions
    whose header names the same columns and year, as one grid, each sheet's rows under a
    region row of its name (a region row of the sheet's own, if any, says the same)."""
    others = [
        (grid, other)
        for grid in rest
        if not grid.hidden and is_known_region(grid.name)
        for other in [find_header(grid)[0]]
        if other is not None and other.cols == header.cols and other.year == header.year
    ]
    if not others:  # a lone sheet that happens to bear a region's name: as it is
        return first, header, [first.name]
    rows = list(first.rows)
    merged = list(first.merged)
    at = header.last_row + 1
    rows.insert(at, [None] * header.cols[COUNTRY] + [first.name])
    merged = [
        (r1 + 1, c1, r2 + 1, c2) if r1 >= at else (r1, c1, r2, c2) for r1, c1, r2, c2 in merged
    ]
    joined = [first.name]
    for grid, other in others:
        base = len(rows) - (other.last_row + 1) + 1
        rows.append([None] * header.cols[COUNTRY] + [grid.name])
        rows.extend(grid.rows[other.last_row + 1 :])
        merged.extend(
            (r1 + base, c1, r2 + base, c2) for r1, c1, r2, c2 in grid.merged if r1 > other.last_row
        )
        joined.append(grid.name)
    return Grid(first.name, rows, merged, first.hidden), header, joined


def _joined_source(source: Source, joined: list[str]) -> Source:
    """The source whose report names the joined sheets as read, not as left out."""
    if len(joined) < 2:
        return source
    return dataclasses.replace(
        source,
        parts=[p for p in source.parts if p not in joined[1:]],
        joined=(
            f"листы {', '.join(f'«{n}»' for n in joined)} прочитаны как одна таблица (лист на "
            "регион), номера строк в замечаниях считаются подряд по этим листам"
        ),
    )


@dataclass
class _Nearest:
    """The part whose best row had most of the header, for the refusal message."""

    part: str = ""
    found: set[str] = field(default_factory=set)


def _read(
    grid: Grid,
    header: Header,
    source: Source,
    year: int | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    growing: Growing | None,
) -> ParsedTable:
    event_year = year if year is not None else header.year
    if event_year is None:
        raise TableError(
            f"В заголовке «{header.events_title}» не указан год мероприятий. "
            "Допишите год в заголовок («Основные мероприятия в 2024 году») "
            "или укажите его при импорте."
        )
    # The ticker checks for a cancel from the start: the merged ranges are read in the
    # reader's constructor, and a hostile sheet may declare a million of them.
    total = max(len(grid.rows) - header.last_row - 1, 0)
    reader = RowReader(
        grid, header, event_year, tick=_ticker(total, progress, cancelled), growing=growing
    )
    table = reader.read()
    if not table.regions:
        # Importing it would write nothing, or, replacing a year, leave the year empty.
        # (Region rows alone are a table: an export of regions without countries.)
        raise TableError(
            f"Под заголовком таблицы {source.on_part} «{grid.name}» нет ни одной строки: "
            "загружать нечего. Проверьте, тот ли файл выбран, и заполните таблицу."
        )
    # The report reads top to bottom: notes on the file first, then by row.
    table.warnings.sort(key=lambda w: w.row or 0)
    table.warnings[:0] = _notes_on_reading(source, grid, header, year)
    if progress is not None:
        progress(total, total)
    return table


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while the table is built.

    Reading allocates hundreds of thousands of small objects, none of them in
    reference cycles; each allocation burst makes the collector walk all that
    is alive, which took a third of the time of a 20,000-row import.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_cancel(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled


def _ticker(
    n_rows: int, progress: Progress | None, cancelled: Cancelled | None
) -> Callable[[int], None]:
    def tick(done: int) -> None:
        check_cancel(cancelled)
        if progress is not None:
            progress(done, n_rows)

    return tick


def _notes_on_reading(
    source: Source, grid: Grid, header: Header, year: int | None
) -> list[ImportWarning]:
    """What the report should say about where the table was found."""
    notes: list[ImportWarning] = []
    others = [name for name in source.parts if name != grid.name]
    if source.joined:
        notes.append(ImportWarning(None, source.joined))
    if others:
        listed = ", ".join(f"«{n}»" for n in others)
        notes.append(ImportWarning(None, source.read_from.format(part=grid.name, others=listed)))
    if grid.hidden:
        notes.append(ImportWarning(None, source.hidden.format(part=grid.name)))
    table_year = year if year is not None else header.year
    later = [n for n in others if (m := _YEAR_IN_NAME.search(n)) and int(m[1]) > (table_year or 0)]
    if later and not source.joined:
        # «2023» read while «2024» waits on the next sheet: the table is the first one found,
        # so say plainly which year was read and how to read the other.
        listed = ", ".join(f"«{n}»" for n in later)
        notes.append(
            ImportWarning(
                None,
                f"прочитана таблица за {table_year} год {source.on_part} «{grid.name}»; "
                f"по названию {listed} — за более поздний год. Чтобы импортировать оттуда, скройте "
                f"или удалите «{grid.name}» и импортируйте файл снова",
            )
        )
    if year is None and header.year_from:
        notes.append(
            ImportWarning(
                header.row + 1,
                f"в заголовке «{header.events_title}» нет года; мероприятия отнесены к "
                f"{header.year} году по названию таблицы «{header.year_from}»",
            )
        )
    if year is not None and header.year is not None and header.year != year:
        notes.append(
            ImportWarning(
                header.row + 1,
                f"в заголовке «{header.events_title}» указан {header.year} год, "
                f"мероприятия отнесены к {year} году, как задано при импорте",
            )
        )
    if header.cols.get(EVENTS) is not None and header.extra:
        named = ", ".join(f"«{t}»" for t in header.extra.values())
        notes.append(
            ImportWarning(
                header.row + 1, f"столбцы {named} не входят в таблицу; их текст не импортируется"
            )
        )
    return notes

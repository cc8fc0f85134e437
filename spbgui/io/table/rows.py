"""From the rows under the header to regions, countries, partners and agreements.

This is docs/TABLE_RULES.md, «Rows», in code. It works in two passes: first the
rows are classified (empty, region, continuation, data) and every
continuation row is folded into the cells above it, then the data rows are
read top to bottom into the tree. Every assumption goes into the warnings
with its sheet row number, and a cell that cannot be placed is reported with
its text, so the import report shows all that was not taken as it stands.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import itemgetter
from types import MappingProxyType

from spbgui.domain.dates import DateError, PartialDate
from spbgui.domain.events_text import (
    EventText,
    paragraphs,
    split_events,
    split_paragraph,
    why_not_understood,
)
from spbgui.io.table.countries import is_country, normalize_name, written_form
from spbgui.io.table.grid import Cell, Grid, column_letter
from spbgui.io.table.header import (
    CITY,
    COUNTRY,
    DATES,
    EVENTS,
    NOTE,
    NUMBER,
    REGION,
    TITLE,
    Header,
    numbers_columns,
    repeats_header,
)
from spbgui.io.table.records import (
    Growing,
    ImportWarning,
    ParsedTable,
    PartnerKind,
    TableAgreement,
    TableCountry,
    TablePartner,
    TableRegion,
)
from spbgui.io.table.text import (
    cell_text,
    fold,
    is_capitals,
    is_known_region,
    join_events,
    join_text,
    partner_kind,
    partner_name,
    plain,
    raw_paragraphs,
    region_label,
    region_name,
)
from spbgui.io.table.typed_dates import typed_dates

NO_REGION = "Без региона"
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of an Excel serial date (as Excel counts)
_CONTINUED_NAME = re.compile(
    r"^\s*(?P<name>\S.*?)\s*\(продолжение\)\s*$", re.IGNORECASE | re.DOTALL
)
STEP = 500  # rows between progress reports and cancellation checks
MERGE_STEP = 20_000  # merged ranges, or cells they fill, between cancellation checks

Tick = Callable[[int], None]  # called with the number of rows done; may raise to cancel


_NOTHING: Mapping[int, Cell] = MappingProxyType({})  # shared by the rows without extra cells


@dataclass(slots=True)
class _Row:
    """One sheet row's cells by role; ``extra`` holds cells of columns the table does not use."""

    number: int  # 1-based sheet row, for messages
    country: Cell = None
    city: Cell = None
    title: Cell = None
    dates: Cell = None
    events: Cell = None
    note: Cell = None
    counter: Cell = None  # the «№ п/п» column
    region: Cell = None  # a «Регион» column, where the table has one instead of region rows
    extra: Mapping[int, Cell] = field(default_factory=lambda: _NOTHING)  # own dict if any
    # The first non-empty cell, column and value; a «№ п/п» cell that numbers the row does
    # not count («I | ЕВРОПА» is a region row as «ЕВРОПА» is).
    lead: tuple[int, Cell] = (-1, None)
    merged: AbstractSet[str] = frozenset()  # roles whose value a merged cell gave
    # The sheet row whose merged title or date cell covers this row too (rule 2 of
    # Rows: one agreement, stored on that row), or None.
    anchor: int | None = None
    kind: str = "data"  # data | region | continuation | empty
    retyped: bool = False  # a continuation under the names of the row above, typed again

    def values(self) -> list[Cell]:
        return [
            self.country,
            self.city,
            self.title,
            self.dates,
            self.events,
            self.note,
            self.counter,
            self.region,
            *self.extra.values(),
        ]


# A document's name at the start of a line of the title cell: «Соглашение…», «Договор…».
_DOCUMENT = re.compile(
    r"^[«\"]?(?:Соглашени|Договор|Меморандум|Протокол|Программ|План|Дорожная карта"
    r"|Декларац|Заявлени|Совместн|Устав|Решени|Распоряжени|Письм)"
)
_MARKS = "*\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"  # *, ¹ ² ³ …
_COUNTER = re.compile(r"^\d{1,6}[.)]?$")
_LIST_MARK = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–—•·▪●*])\s+")
_NUMBERING = re.compile(r"^(?:\d{1,6}|[IVXLC]{1,8})[.)]?$")  # a row's number, or a section's


# Paragraphs remembered at most (see _events): a 20,000-row sheet has some 27,000 distinct
# ones, and holding all of them was 9 MB of the import's peak memory.
PARAGRAPHS_KEPT = 4096
_NO_CELLS: list[Cell] = []  # a sheet row already read (never appended to)


class RowReader:
    """Reads the rows of one sheet under a found header into a ParsedTable."""

    def __init__(
        self, grid: Grid, header: Header, year: int, tick: Tick, growing: Growing | None = None
    ) -> None:
        self.grid = grid
        self.header = header
        self.year = year
        self.tick = tick
        self.table = ParsedTable(year=year, sheet=grid.name)
        # What the rows read since the last report to ``growing`` added (see Grown), by
        # id of the country; and each country's place in the order countries were made.
        self.growing = growing
        self._grown: dict[int, tuple[TableRegion, TableCountry, dict[int, TablePartner]]] = {}
        self._made: dict[int, int] = {}
        self._leftmost = min(header.cols.values())
        # Lookups by normalised name; ids are stable as the objects live in self.table.
        self._countries: dict[tuple[int, str], TableCountry] = {}
        self._partners: dict[tuple[int, str | None], TablePartner] = {}
        self._filled: set[tuple[int, int]] = set()  # cells that hold a merged cell's value
        self._anchor: dict[int, int] = {}  # 0-based row → first row of its merged title/date
        self._event_spans: dict[int, int] = {}  # first → last row of a merged events cell
        # Paragraph of an events cell → its events and date warnings (see _events).
        self._paragraphs: dict[str, tuple[list[EventText], list[str]]] = {}
        # Pure functions of a cell's text, asked row after row of the same names and dates:
        # remembered for this sheet (the domain's own caches are smaller than a big table).
        self._plain: dict[str, str] = {}
        self._names: dict[str, str] = {}  # name → normalize_name(name)
        self._partner_names: dict[str, str] = {}
        self._countries_known: dict[str, bool] = {}
        self._cell_dates: dict[tuple[type, Cell], tuple[tuple[PartialDate, ...], str | None]] = {}
        self._fill_merged()
        self.rows = self._collect_rows()

    # --- helpers ---------------------------------------------------------------------------

    def warn(self, row: int | None, message: str) -> None:
        self.table.warnings.append(ImportWarning(row=row, message=message))

    def _plain_text(self, value: Cell) -> str:
        """``plain(cell_text(value))``, remembered for text cells."""
        if type(value) is not str:
            return plain(cell_text(value))
        text = self._plain.get(value)
        if text is None:
            text = self._plain[value] = plain(value)
        return text

    def _normalized(self, name: str) -> str:
        key = self._names.get(name)
        if key is None:
            key = self._names[name] = normalize_name(name)
        return key

    def _is_country(self, name: str) -> bool:
        known = self._countries_known.get(name)
        if known is None:
            known = self._countries_known[name] = is_country(name)
        return known

    def _partner_name(self, value: Cell) -> str:
        text = cell_text(value)
        name = self._partner_names.get(text)
        if name is None:
            name = self._partner_names[text] = partner_name(text)
        return name

    def _column_title(self, col: int) -> str:
        named = self.header.extra.get(col)
        letter = column_letter(col + 1)
        return f"столбце {letter} «{named}»" if named else f"столбце {letter} без заголовка"

    def _fill_merged(self) -> None:
        """Merged cells by TABLE_RULES («Rows», rule 2), in time linear in the sheet's cells.

        A merged country or city cell's value belongs to every row it spans (in
        its first column). A merged events, title or date cell is one set of
        events, one agreement: its value stays on its first row, and the rows
        below only remember that row (``_event_spans``, ``_anchor``). Across a
        row (a region row merged over the width) the value stays in the first
        cell only, so the row still reads as «only the first cell has text».

        The ranges are grouped by column and swept top to bottom, so each cell
        is filled at most once however many ranges overlap it (a damaged or
        hostile file may declare a million ranges over the same rows); the
        cancel check runs every few thousand ranges and cells.
        """
        rows = self.grid.rows
        n = len(rows)
        by_col: dict[int, list[tuple[int, int]]] = {}
        for i, (r1, c1, r2, _c2) in enumerate(self.grid.merged):
            if i and i % MERGE_STEP == 0:  # a sound sheet has a few: no check to spend
                self.tick(0)
            if r2 > r1 and 0 <= r1 < n and c1 >= 0:
                by_col.setdefault(c1, []).append((r1, min(r2, n - 1)))
        cols = self.header.cols
        once = {cols.get(TITLE), cols.get(DATES)} - {None}
        events_col, note_col = cols.get(EVENTS), cols.get(NOTE)
        work = 0
        for c, spans in by_col.items():
            if len(spans) > MERGE_STEP:
                self.tick(0)
            spans.sort()
            covered = -1  # rows up to here already have this column's merged value
            for r1, last in spans:
                if last <= covered:
                    continue  # inside a range above: ranges never overlap in a sound file
                start, covered = max(r1 + 1, covered + 1), last
                value = self.grid.get(r1, c)
                if value is None:
                    continue
                work += last - start + 1
                if work >= MERGE_STEP:
                    work = 0
                    self.tick(0)
                data = r1 > self.header.last_row
                if data and c == events_col:
                    self._event_spans[r1] = last
                    continue
                if data and c in once:
                    for r in range(start, last + 1):
                        self._anchor.setdefault(r, r1)
                    continue
                for r in range(start, last + 1):
                    row = rows[r]
                    if len(row) <= c:
                        row.extend([None] * (c + 1 - len(row)))
                    row[c] = value
                    self._filled.add((r, c))
                if data and c == note_col:
                    self.warn(
                        r1 + 1,
                        f"объединённая ячейка в строках {r1 + 1}–{last + 1} отнесена к каждой "
                        "из этих строк",
                    )

    def _collect_rows(self) -> list[_Row]:
        """The rows under the header, cells sorted by role (the hot loop: indexes, not dicts)."""
        cols = self.header.cols
        in_order = (COUNTRY, CITY, TITLE, DATES, EVENTS, NOTE, NUMBER, REGION)
        index = [cols.get(role, -1) for role in in_order]
        need = max(index) + 1
        required: Callable[[list[Cell]], tuple[Cell, ...]] = itemgetter(*index[:5])
        if min(index[:5]) < 0:  # never from find_header, which wants all five

            def required(cells: list[Cell]) -> tuple[Cell, ...]:
                return tuple(cells[i] if i >= 0 else None for i in index[:5])

        note_col, number_col, region_col = index[5], index[6], index[7]
        width = max((len(cells) for cells in self.grid.rows), default=0)
        extra_cols = [c for c in range(width) if c not in set(cols.values())]
        role_of = {c: role for role, c in cols.items()}
        # Row → roles whose value a merged cell gave; the rows share one set per mix of
        # roles (nearly every one is {country}): a set each was a tenth of the memory.
        roles_at: dict[int, list[str]] = {}
        for r, c in self._filled:
            role = role_of.get(c)
            if role is not None:
                roles_at.setdefault(r, []).append(role)
        shared: dict[frozenset[str], frozenset[str]] = {}
        merged_roles: dict[int, frozenset[str]] = {}
        for r, at in roles_at.items():
            key = frozenset(at)
            merged_roles[r] = shared.setdefault(key, key)
        del roles_at
        self._filled.clear()  # read here for the last time
        out: list[_Row] = []
        first = self.header.last_row + 1
        grid_rows = self.grid.rows
        for r in range(first, len(grid_rows)):
            cells = grid_rows[r]
            # The sheet's row is read here for the last time (the merged cells were filled
            # in before): let it go, so that the cells' texts the table does not keep
            # (a whole events cell, once split) are freed as the reading goes, not at its end.
            grid_rows[r] = _NO_CELLS
            if repeats_header(cells, self.header):
                self._event_spans.pop(r, None)  # a merged header cell, not a set of events
                self.warn(r + 1, "повтор строки заголовка (перенос на новую страницу) пропущен")
                continue
            if r == first and numbers_columns(cells):
                self.warn(r + 1, "строка с номерами столбцов под заголовком пропущена")
                continue
            if len(cells) < need:
                cells = cells + [None] * (need - len(cells))
            country, city, title, dates, events = required(cells)
            # «—» for «none» (no city: the country as a whole; no events) or, in the country
            # column, for «the same»: an empty cell.
            if type(country) is str and len(country) < 4 and not country.strip(_NO_DATE):
                country = None
            if type(city) is str and len(city) < 4 and not city.strip(_NO_DATE):
                city = None
            if type(events) is str and len(events) < 4 and not events.strip(_NO_DATE):
                events = None
            if type(title) is str and len(title) < 4 and not title.strip(_NO_DATE):
                title = None
            note = cells[note_col] if note_col >= 0 else None
            counter = cells[number_col] if number_col >= 0 else None
            row = _Row(r + 1, country, city, title, dates, events, note, counter)
            if region_col >= 0:
                row.region = cells[region_col]
            if extra_cols:
                extra = {c: cells[c] for c in extra_cols if c < len(cells) and cells[c] is not None}
                if extra:
                    row.extra = extra
            for c, value in enumerate(cells):
                if value is not None and not (c == number_col and self._numbered(row)):
                    row.lead = (c, value)
                    break
            roles = merged_roles.get(r)
            if roles is not None:
                row.merged = roles
            anchor = self._anchor.get(r)
            if anchor is not None:
                row.anchor = anchor + 1
            self._continued_names(row)
            out.append(row)
        return out

    @staticmethod
    def _continued_names(row: _Row) -> None:
        """«Китай (продолжение)» at the top of a page names the country (or partner) whose
        merged cell a page break cut: read as that merged cell going on (the report's
        Word file writes these, as staff do by hand)."""
        for role in (COUNTRY, CITY):
            value = getattr(row, role)
            # «)» first: the pattern needs it, and nearly no name has one (the hot loop).
            if isinstance(value, str) and ")" in value and (m := _CONTINUED_NAME.match(value)):
                setattr(row, role, m["name"])
                row.merged = row.merged | {role}

    # --- pass 1: classify rows, fold continuation rows into the cells above ------------------

    def _classify(self, row: _Row) -> str:
        # Counted one by one, not by sum() over a generator: this runs for every row.
        present = len(row.extra)
        for v in (row.country, row.city, row.title, row.dates, row.events, row.note, row.counter):
            if v is not None:
                present += 1
        if row.region is not None:
            present += 1
        if not present:
            return "empty"
        if (present == 1 or (present == 2 and self._numbered(row))) and self._is_region_cell(row):
            return "region"
        if row.country is None and row.city is None and row.dates is None:
            return "continuation"
        merged = row.merged
        if (
            (row.country is not None and COUNTRY not in merged)
            or (row.city is not None and CITY not in merged)
            or (row.dates is not None and DATES not in merged)
        ):
            return "data"
        # No country, city or date of its own, but inside a merged country (or city)
        # cell. The exporter merges the country down over its rows, so this is how
        # a country-level agreement without a date looks; a page break inside the
        # merged cell looks the same. The title tells them apart: an agreement's
        # starts with a capital («Соглашение…», «Договор…»), the rest of a split one
        # goes on in lower case («сотрудничестве»).
        title = cell_text(row.title).lstrip() if TITLE not in row.merged else ""
        if not title or title[0].islower():
            return "continuation"
        return "data"

    @staticmethod
    def _numbered(row: _Row) -> bool:
        """Whether the row's «№ п/п» cell holds a number («3», «3.», «III»)."""
        return row.counter is not None and bool(_NUMBERING.match(cell_text(row.counter).strip()))

    def _is_region_cell(self, row: _Row) -> bool:
        """Only the first cell has text, in capitals (or a known region's name).

        «First» is the table's leftmost column whatever it holds («№ п/п», or the
        title when columns were moved), or the country column. A known region's name
        alone on its row is a region row in any column: staff centre it by hand, and
        read as a continuation it would be glued onto the title above.
        """
        col, text = row.lead
        if not isinstance(text, str) or text.lstrip()[:1] in _MARKS:
            return False  # «* КНР — …»: a footnote under the table, not a region
        if is_known_region(text):
            return True
        if col > self._leftmost and col != self.header.cols[COUNTRY]:
            return False
        label = region_label(text)
        return is_capitals(label) and not is_country(plain(label))

    def _fold_continuations(self) -> None:
        last: dict[str, _Row] = {}  # the nearest row above with text in each column
        by_number = {row.number: row for row in self.rows} if self._anchor else {}
        country: Cell = None  # the country and partner of the last agreement row
        partner: Cell = None
        for i, row in enumerate(self.rows):
            if i % STEP == 0:
                self.tick(i // 2)
            row.kind = self._classify(row)
            if row.kind == "region":
                last.clear()  # a page break never splits a cell across a region row
                country = partner = None
                continue
            if row.kind == "data":
                if self._names_again(row, country, partner, last.get(TITLE)):
                    row.kind, row.retyped = "continuation", True
                else:
                    country = row.country if row.country is not None else country
                    partner = row.city
            if row.kind == "continuation":
                anchor = by_number.get(row.anchor) if row.anchor is not None else None
                if anchor is not None and anchor.kind == "data":
                    # Under a merged title or date cell: the same agreement goes on.
                    self._append_continuation(row, dict.fromkeys((TITLE, EVENTS, NOTE), anchor))
                else:
                    self._append_continuation(row, last)
                continue
            for role in (TITLE, EVENTS, NOTE):
                if getattr(row, role) is not None:
                    last[role] = row

    def _names_again(self, row: _Row, country: Cell, partner: Cell, above: _Row | None) -> bool:
        """Whether a row that names the country and partner of the row above again, with no
        date and a title going on in lower case («…о» / «сотрудничестве…»), is the rest of
        that row after a page break, its names retyped at the top of the page."""
        if row.dates is not None or row.city is None or above is None or partner is None:
            return False
        title = row.title
        if not isinstance(title, str) or not title.lstrip()[:1].islower():
            return False
        same = self._plain_text(row.city) == self._plain_text(partner)
        if row.country is not None and country is not None:
            same = same and self._plain_text(row.country) == self._plain_text(country)
        return same

    def _append_continuation(self, row: _Row, last: dict[str, _Row]) -> None:
        joined = []
        for role in (TITLE, EVENTS, NOTE):
            value = getattr(row, role)
            if value is None or role in row.merged:
                continue  # a merged cell's value is already in the row it starts on
            target = last.get(role)
            text = cell_text(value)
            if target is None:
                self.warn(
                    row.number,
                    "текст без страны и города, и продолжить им нечего — "
                    f"не импортирован: «{fold(text)}»",
                )
                continue
            above = cell_text(getattr(target, role))
            if role == EVENTS:
                setattr(target, role, join_events(above, text, self._starts_with_event))
            else:
                setattr(target, role, join_text(above, text))
            joined.append(target.number)
        for col, value in row.extra.items():
            self._report_extra(row.number, col, value)
        if row.counter is not None:
            self._report_counter(row)
        if joined:
            rows = sorted(set(joined))
            where = (
                f"строке {rows[0]}" if len(rows) == 1 else "строкам " + ", ".join(map(str, rows))
            )
            self.warn(
                row.number,
                (
                    "строка без даты повторяет страну и партнёра строки выше, основание "
                    "продолжается со строчной буквы"
                    if row.retyped
                    else "строка без страны, города и даты"
                )
                + " — продолжение ячеек выше (разрыв страницы); "
                f"текст присоединён к {where}",
            )

    def _starts_with_event(self, text: str) -> bool:
        events = split_events(text, self.year)
        # A date, if an impossible one kept as written: it starts an event all the same.
        return bool(events) and bool(events[0].date.is_dated or events[0].date.written)

    # --- pass 2: the tree --------------------------------------------------------------------

    def read(self) -> ParsedTable:
        self._fold_continuations()
        below = self._below_the_table()
        half = len(self.rows) // 2
        region: TableRegion | None = None
        country: TableCountry | None = None
        regions: dict[str, TableRegion] = {}
        # Each row is let go once read (see _collect_rows): the reversed list pops the next.
        rows, self.rows = self.rows, []
        rows.reverse()
        i = -1
        while rows:
            row = rows.pop()
            i += 1
            if i % STEP == 0:
                self.tick(half + i // 2)
                if self._grown:
                    self._report_grown()
            if row.kind in ("empty", "continuation"):
                continue
            if row.kind == "region":
                name = region_name(cell_text(row.lead[1]))
                region = regions.get(name)
                if region is None:
                    region = regions[name] = TableRegion(name=name)
                    self.table.regions.append(region)
                country = None
                continue
            if row.number >= below and self._signs_off(row):
                self.warn(
                    row.number,
                    "строка под таблицей (после пустой строки, без основания и даты, в столбце "
                    "«Страна» не страна) не импортирована: " + _row_text(row),
                )
                continue
            own = self._region_of(row)
            if own is not None:
                # A «Регион» column: the row's own region (a blank cell repeats the one above).
                if region is None or region.name != own:
                    region = regions.get(own)
                    if region is None:
                        region = regions[own] = TableRegion(name=own)
                        self.table.regions.append(region)
                    country = None
            if region is None:
                region = regions[NO_REGION] = TableRegion(name=NO_REGION)
                self.table.regions.append(region)
                self.warn(
                    row.number,
                    f"данные стоят выше первой строки региона — отнесены к региону «{NO_REGION}»",
                )
            country = self._data_row(row, region, country)
        if self._grown:
            self._report_grown()
        for first, last in sorted(self._event_spans.items()):
            self.warn(
                first + 1,
                f"ячейка мероприятий объединена в строках {first + 1}–{last + 1}: это одни "
                f"мероприятия, они отнесены к строке {first + 1}",
            )
        return self.table

    def _unmarked(self, row: int, name: str) -> str:
        """A name without the footnote mark after it («Китай*», «Пекин¹»): the mark points to a
        note under the table, it is no part of the name. The report keeps it."""
        if name[-1:] not in _MARKS:
            return name  # nearly every name: one look at its last character
        bare = name.rstrip(_MARKS + " ")
        if not bare or not bare[-1].isalpha():
            return name
        self.warn(
            row,
            f"знак сноски «{name[len(bare) :].strip()}» после «{bare}» не входит в название — "
            "снят; сноску под таблицей проверьте сами",
        )
        return bare

    def _region_of(self, row: _Row) -> str | None:
        """The region a «Регион» column gives the row, if it names one as region rows do
        («Европа», «АЗИЯ»). A province or a country's region («провинция Сычуань») is no
        world region: reported, and the row stays in the region above."""
        if row.region is None:
            return None
        text = self._plain_text(row.region)
        if is_known_region(text) or is_capitals(region_label(text)):
            return region_name(text)
        self.warn(
            row.number,
            f"текст в столбце «Регион» не импортирован: «{text}» — это не регион мира "
            "(Европа, Азия, СНГ, Африка, Латинская Америка)",
        )
        return None

    def _below_the_table(self) -> int:
        """The sheet row from which rows stand under the table: the first empty row after the
        last row with an agreement's title or date (a signature, «Исполнитель: …»)."""
        last = -1
        for i, row in enumerate(self.rows):
            if row.kind == "data" and (row.title is not None or row.dates is not None):
                last = i
        for row in self.rows[last + 1 :]:
            if row.kind == "empty":
                return row.number
        return 1 << 62

    def _signs_off(self, row: _Row) -> bool:
        """Whether a data row under the table is no agreement: no title and no date, and the
        country column holds no country («Начальник отдела … И. И. Иванов»). A partner
        without an agreement (a city, the country column blank) is still read."""
        if row.kind != "data" or row.title is not None or row.dates is not None:
            return False
        if row.country is None:
            return row.city is None
        return not self._is_country(self._plain_text(row.country))

    def _grew(
        self, region: TableRegion, country: TableCountry, partner: TablePartner | None = None
    ) -> None:
        """Note for ``growing`` that ``country`` (or its ``partner``) is new or got a row."""
        if self.growing is None:
            return
        entry = self._grown.get(id(country))
        if entry is None:
            entry = self._grown[id(country)] = (region, country, {})
        if partner is not None:
            entry[2][id(partner)] = partner

    def _report_grown(self) -> None:
        """Tell ``growing`` what the rows read since the last time added, in the table's order
        (within a region its countries' order is the order they were made in)."""
        assert self.growing is not None
        grown = sorted(self._grown.values(), key=lambda e: self._made[id(e[1])])
        self._grown = {}
        self.growing(self.table, [(r, c, list(ps.values())) for r, c, ps in grown])

    def _data_row(
        self, row: _Row, region: TableRegion, current: TableCountry | None
    ) -> TableCountry | None:
        """Read one agreement row; returns the country that rows below will repeat."""
        for col, value in row.extra.items():
            self._report_extra(row.number, col, value)
        if row.counter is not None and not _COUNTER.match(cell_text(row.counter).strip()):
            self._report_counter(row)

        partner_from_country_col: str | None = None
        if row.country is not None:
            name = self._unmarked(row.number, self._plain_text(row.country))
            known = self._is_country(name)
            has_agreement = not (
                row.title is None and row.dates is None and row.events is None and row.note is None
            )
            if not known and row.city is None and not has_agreement:
                # A lone line such as a signature or «Итого» under the table.
                self.warn(row.number, f"строка пропущена: «{name}» — не страна и не регион")
                return current
            if known or current is None or row.city is not None:
                if known and is_capitals(name):
                    name = written_form(name) or name  # «ВЕНГРИЯ» → «Венгрия»; «КНДР» stays
                if not known:
                    self.warn(
                        row.number,
                        f"«{name}» нет в списке стран — принято как название страны",
                    )
                current = self._country(region, name, row.number)
            else:
                # «Минск» in the country column: not a country, so a partner of the
                # country above (rule 4).
                partner_from_country_col = partner_name(name)
                self.warn(
                    row.number,
                    f"«{name}» в столбце «Страна» — не страна; принят как партнёр страны "
                    f"«{current.name}»",
                )
        if current is None:
            self.warn(
                row.number,
                "не указана страна, и выше её нет — строка не импортирована: " + _row_text(row),
            )
            return None

        if row.city is not None:
            pname: str | None = self._unmarked(row.number, self._partner_name(row.city)) or None
        else:
            pname = partner_from_country_col
        agreement = self._agreement(row)
        if agreement is None and pname is None:
            # Only the country's name on the row: the country is kept, nothing else to read.
            self.warn(row.number, f"у страны «{current.name}» в этой строке нет соглашения")
            return current
        pieces = self._several(row, agreement) if agreement is not None else []
        if pieces and pieces[0][0] is not None:
            pname = pieces[0][0]  # partners one a line in the city cell, paired with titles
        partner = self._partner(current, pname)
        self._grew(region, current, partner)
        last = self._event_spans.pop(row.number - 1, None)
        if last is not None and agreement is not None:
            who = f"партнёру «{pname}»" if pname else f"стране «{current.name}» в целом"
            self.warn(
                row.number,
                f"ячейка мероприятий объединена в строках {row.number}–{last + 1}: это одни "
                f"мероприятия ({len(agreement.events)}), записаны один раз — {who}, "
                f"к соглашению этой строки",
            )
        for named, piece in pieces:
            target = partner if named is None else self._partner(current, named)
            if target is not partner:
                self._grew(region, current, target)
            target.agreements.append(piece)
        if agreement is None and row.anchor is not None:
            self.warn(
                row.number,
                f"у партнёра «{pname}» в этой строке нет своего соглашения: основание — в ячейке, "
                f"объединённой со строкой {row.anchor}, это одно соглашение, записано к строке "
                f"{row.anchor}",
            )
        elif agreement is None:
            self.warn(row.number, f"у партнёра «{pname}» в этой строке нет соглашения")
        return current

    def _country(self, region: TableRegion, name: str, row: int) -> TableCountry:
        key = (id(region), self._normalized(name))
        country = self._countries.get(key)
        if country is not None:
            return country
        for other in self.table.regions:
            if other is not region and (id(other), key[1]) in self._countries:
                self.warn(
                    row,
                    f"страна «{name}» уже была в регионе «{other.name}»; здесь она записана и "
                    f"в регион «{region.name}»",
                )
        country = self._countries[key] = TableCountry(name=name)
        region.countries.append(country)
        self._made[id(country)] = len(self._made)
        self._grew(region, country)
        return country

    def _partner(self, country: TableCountry, name: str | None) -> TablePartner:
        key = (id(country), self._normalized(name) if name else None)
        partner = self._partners.get(key)
        if partner is None:
            kind = partner_kind(name) if name else PartnerKind.COUNTRY
            partner = self._partners[key] = TablePartner(name=name, kind=kind)
            country.partners.append(partner)
        return partner

    def _agreement(self, row: _Row) -> TableAgreement | None:
        title = self._plain_text(row.title) if row.title is not None else ""
        note = self._plain_text(row.note) if row.note is not None else ""
        dates, date_note = self._dates(row)
        events = self._events(row)
        if not (title or dates or date_note or events or note):
            return None
        if not title and row.anchor is not None:
            self.warn(
                row.number,
                f"основание или дата — в ячейке, объединённой со строкой {row.anchor}: это одно "
                f"соглашение, оно записано к строке {row.anchor}; здесь соглашение без основания",
            )
        elif not title:
            self.warn(
                row.number, "не указано основание для сотрудничества (пустой заголовок соглашения)"
            )
        notes = [n for n in (date_note, note) if n]
        return TableAgreement(
            title=title, dates=dates, note="\n".join(notes), events=events, row=row.number
        )

    def _several(
        self, row: _Row, agreement: TableAgreement
    ) -> list[tuple[str | None, TableAgreement]]:
        """The agreements of a row whose title cell lists several documents, one a line, each
        with the partner it names when the city cell lists as many partners (else None).

        «Соглашение о…» and «Меморандум о…» on two lines of one cell, with two dates on two
        lines of the date cell, are two agreements; the row's events (and note) go with the
        first, as nothing says which is whose. Where the dates do not pair with the titles
        line by line, the row stays one agreement and the report says what to check.
        """
        one: list[tuple[str | None, TableAgreement]] = [(None, agreement)]
        if not isinstance(row.title, str) or ("\n" not in row.title and "<" not in row.title):
            return one
        titles = raw_paragraphs(row.title)[0]
        if len(titles) < 2 or not all(_DOCUMENT.match(t) for t in titles):
            return one
        n = len(titles)
        lines = raw_paragraphs(row.dates)[0] if isinstance(row.dates, str) else []
        documents = f"{n} {_plural(n, 'документ', 'документа', 'документов')}"
        if row.dates is not None and len(lines) != n:
            self.warn(
                row.number,
                f"в ячейке основания {documents}, каждый со своей строки, а даты не "
                f"разбиты по строкам так же — записаны как одно соглашение; проверьте и при "
                f"необходимости разделите их на отдельные строки таблицы",
            )
            return one
        cities = raw_paragraphs(row.city)[0] if isinstance(row.city, str) else []
        names: list[str | None] = [None] * n
        if len(cities) == n:
            names = [self._unmarked(row.number, partner_name(c)) or None for c in cities]
        out: list[tuple[str | None, TableAgreement]] = []
        for i, title in enumerate(titles):
            dates: list[PartialDate] = []
            note = self._plain_text(row.note) if i == 0 and row.note is not None else ""
            if lines:
                found, error = _cell_dates(lines[i])
                dates = list(found)
                if error is not None:
                    written = fold(lines[i])
                    self.warn(
                        row.number,
                        f"дата «{written}» не прочитана ({error}) — сохранена в примечании "
                        "к соглашению",
                    )
                    note = "\n".join(part for part in (note, f"Дата: {written}") if part)
            piece = TableAgreement(
                title=plain(title),
                dates=dates,
                note=note,
                events=agreement.events if i == 0 else [],
                row=row.number,
            )
            out.append((names[i], piece))
        self.warn(
            row.number,
            f"в ячейке основания {documents}, каждый со своей строки, — записаны "
            f"{n} {_plural(n, 'соглашение', 'соглашения', 'соглашений')}; мероприятия строки "
            f"отнесены к первому: «{_clip(out[0][1].title, 80)}»"
            + (
                ", партнёры по строкам ячейки «Город»: " + ", ".join(f"«{n}»" for n in names)
                if names[0] is not None
                else ""
            ),
        )
        return out

    def _dates(self, row: _Row) -> tuple[list[PartialDate], str]:
        value = row.dates
        if value is None:
            return [], ""
        if isinstance(value, dt.date) and value.year == 1905:
            # «2006» typed into a cell formatted as a date: Excel keeps day 2006 after
            # 30.12.1899 and shows «28.06.1905». No agreement of the table is that old.
            day = value.date() if isinstance(value, dt.datetime) else value
            serial = (day - _EXCEL_EPOCH).days
            if 1940 <= serial <= 2100:
                self.warn(
                    row.number,
                    f"в ячейке даты стоит {day:%d.%m.%Y} — это год {serial}, набранный в "
                    f"ячейке с форматом даты; принят {serial} год",
                )
                return [PartialDate(serial)], ""
        key = (type(value), value)  # 2006 and 2006.0 are one key to a dict, not to a reader
        read = self._cell_dates.get(key)
        if read is None:
            read = self._cell_dates[key] = _cell_dates(value)
        dates, error = read
        if error is None:
            return list(dates), ""
        text = fold(cell_text(value))
        self.warn(
            row.number,
            f"дата «{text}» не прочитана ({error}) — сохранена в примечании к соглашению",
        )
        return [], f"Дата: {text}"

    def _events(self, row: _Row) -> list[EventText]:
        """The events of the row's cell, and a warning for each date kept as written.

        Read paragraph by paragraph, each distinct paragraph once: a table repeats
        the same event lines under many partners («визит делегации …»), and what a
        paragraph gives depends on its text and the year alone (``split_events`` of
        a cell is ``split_paragraph`` of each of its paragraphs in turn).
        """
        if row.events is None:
            return []
        cache = self._paragraphs
        out: list[EventText] = []
        for para in paragraphs(cell_text(row.events)):
            read = cache.get(para)
            if read is None:
                if len(cache) >= PARAGRAPHS_KEPT:
                    cache.clear()  # repeats come close together; a whole sheet's is memory
                read = cache[para] = self._paragraph(para)
            events, notes = read
            out += events
            for note in notes:
                self.warn(row.number, note)
        return out

    def _paragraph(self, para: str) -> tuple[list[EventText], list[str]]:
        """One paragraph's events and the warnings their dates need (without the row)."""
        events: list[EventText] = []
        notes: list[str] = []
        # A list mark a clerk typed before a dated event («1. 15 марта – …», «- 17 марта – …»)
        # is no text of the event; before anything else («1. Подписано…») it stays.
        mark = _LIST_MARK.match(para)
        if mark is not None and self._starts_with_event(para[mark.end() :]):
            para = para[mark.end() :]
        for event in split_paragraph(para, self.year):
            event = _folded(event)
            if event.text or event.date.written:
                note = self._date_note(event)
                if note:
                    notes.append(note)
                events.append(event)
        return events, notes

    def _date_note(self, event: EventText) -> str:
        """A date kept as written without being understood, or of another year: what to say."""
        date = event.date
        where = f"«{_clip(event.text)}»" if event.text else "без текста"
        if date.not_understood:
            return (
                f"дата «{date.written}» не распознана ({why_not_understood(date, self.year)}) — "
                f"сохранена как написана, мероприятие пока без даты: {where}"
            )
        if (other := date.other_year(self.year)) is not None:
            return (
                f"дата «{date.written}» — {other} год, а таблица за {self.year} год; "
                f"мероприятие оставлено в {self.year} году: {where}"
            )
        return ""

    def _report_extra(self, row: int, col: int, value: Cell) -> None:
        self.warn(
            row,
            f"текст в {self._column_title(col)} не импортирован: «{fold(cell_text(value))}»",
        )

    def _report_counter(self, row: _Row) -> None:
        self.warn(
            row.number,
            f"текст в столбце «№ п/п» не импортирован: «{fold(cell_text(row.counter))}»",
        )


_NO_DATE = " \t\n\xa0-‐‑‒–—―"


def _cell_dates(value: Cell) -> tuple[tuple[PartialDate, ...], str | None]:
    """The dates of an agreement's date cell, or why they cannot be read."""
    if isinstance(value, str):
        if not value.strip(_NO_DATE):
            return (), None  # «—»: staff's «no date», as a blank cell
        value = typed_dates(fold(value.replace("\n", ", ").replace(";", ",")))
    try:
        return tuple(PartialDate.from_cell(value)), None
    except DateError as exc:
        return (), str(exc)


def _folded(event: EventText) -> EventText:
    """The event with its text's white space folded (split_events folds already: a safety net)."""
    text = event.text
    if "  " in text or text[:1].isspace() or text[-1:].isspace() or "\n" in text:
        return EventText(date=event.date, text=fold(text))
    return event


def _plural(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _row_text(row: _Row) -> str:
    return " | ".join(fold(cell_text(v)) for v in row.values() if v is not None)

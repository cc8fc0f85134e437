"""Hypothesis makes workbooks of every odd shape; the importer imports each or refuses it cleanly.

Never a crash, a hang or a partial import: after each run the database holds either what it
held before or that plus exactly what the file holds.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from spbgui.errors import UserError
from spbgui.services import records
from spbgui.services.importer import import_workbook
from spbgui.store.database import open_database

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "cooperation_2024.xlsx"
HEADER = [
    "Страна", "Город", "Основание для сотрудничества",
    "Год установления связей/ подписания документа", "Основные мероприятия в 2024 году",
]  # fmt: skip

words = st.sampled_from(
    ["визит", "делегации", "Ташкент", "«Диалог»", "№ 1", "75-й", "<p>", "</p>", "\n", "\t",
     "3-6 июля –", "Июнь –", "31 июня –", "29 января – 16 февраля –", "г. Ош", "научно-",
     "ЕВРОПА", "=SUM(A1)", "#N/A", "ё", ".", "\u00a0", "\u200b", "\x07"]
)  # fmt: skip
texts = st.lists(words, max_size=12).map(" ".join).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
long_texts = st.integers(1, 40_000).map(lambda n: "слово " * (n // 6))
cells = st.one_of(
    st.none(), texts, long_texts, st.integers(-10, 100_000), st.floats(allow_nan=False),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.sampled_from(["ЕВРОПА", "АЗИЯ", "СНГ"]),
)  # fmt: skip
rows = st.lists(st.lists(cells, min_size=1, max_size=6), max_size=25)
merges = st.lists(st.tuples(st.integers(1, 5), st.integers(4, 30), st.integers(0, 3)), max_size=4)


OUTCOMES = {"imported": 0, "refused": 0}


def _write(path: Path, body: list[list[object]], merged: list[tuple[int, int, int]], header: bool):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["СОТРУДНИЧЕСТВО"])
    if header:
        ws.append(HEADER)
    for row in body:
        ws.append(row)
    for col, top, extra in merged:
        try:
            ws.merge_cells(start_row=top, start_column=col, end_row=top + extra, end_column=col)
        except ValueError:
            pass
    wb.save(path)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=rows, merged=merges, header=st.booleans(), data=st.data())
def test_any_workbook_imports_whole_or_not_at_all(body, merged, header, data) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / "random.xlsx"
        _write(xlsx, body, merged, header)
        db = open_database(Path(tmp) / "db.sqlite")
        try:
            if data.draw(st.booleans(), label="database already has 2024"):
                from spbgui.io.xlsx.read import read_table  # noqa: F401 - keeps imports local

                import_workbook(
                    db=db,
                    path=FIXTURE,
                )
            before = records.counts(db=db)
            try:
                result = import_workbook(db=db, path=xlsx, replace_year=True)
            except UserError as exc:
                assert str(exc).strip() and "\n" not in str(exc).strip()
                assert records.counts(db=db) == before
                OUTCOMES["refused"] += 1
                return
            OUTCOMES["imported"] += 1
            after = records.counts(db=db)
            assert after.events == result.counts["events"] + (
                before.events - result.replaced_events
            )
            assert after.partners == before.partners + result.created["partners"]
            assert after.agreements == before.agreements + result.created["agreements"]
        finally:
            db.close()


def test_the_fuzzing_reached_both_outcomes() -> None:
    """Runs after the property above (file order): it must have imported and refused some."""
    assert OUTCOMES["imported"] > 0 and OUTCOMES["refused"] > 0, OUTCOMES


# --- structure-aware fuzzing of the reader and its guard (issue 13) ---------------------------
#
# The workbooks above are what openpyxl writes; the ones below are built part by part,
# with the mutations an attacker would try on the zip and its XML: part names, attributes
# before and around r=, references of any length or none, rows out of order, merged
# ranges over everything, shared-string counts that lie, a DTD here and there, namespace
# prefixes. Whatever comes, read_table returns records or refuses in one plain line,
# within 20 s; the guard, not a crash of the native reader, is what refuses.
# `make test` runs a few dozen cases; `make test-slow` (or SPBGUI_FUZZ_EXAMPLES=N) many more.

import os  # noqa: E402
import time  # noqa: E402
from xml.sax.saxutils import escape as xml_escape  # noqa: E402

from spbgui.io.isolated import IsolatedFailure  # noqa: E402
from spbgui.io.table.records import ParsedTable  # noqa: E402
from spbgui.io.xlsx.read import read_table  # noqa: E402
from tests.io import hostile as h  # noqa: E402


def _escaped(text: str) -> str:
    return xml_escape(ILLEGAL_CHARACTERS_RE.sub("", text))


class Pick:
    """Sound choices, or (in a wild workbook) hostile ones one time in three.

    Most generated workbooks are sound in all but one or two places, so that
    they get past the first checks to the later ones and to the reader.
    """

    def __init__(self, draw, wild: bool) -> None:  # type: ignore[no-untyped-def]
        self.draw, self.wild = draw, wild

    def __call__(self, sound: st.SearchStrategy, hostile: st.SearchStrategy):  # type: ignore[no-untyped-def]
        if self.wild and self.draw(st.integers(0, 2)) == 0:
            return self.draw(hostile)
        return self.draw(sound)


def _ref(pick: Pick) -> str:
    letters = pick(
        st.sampled_from(["A", "B", "C", "D", "E", "F"]),
        st.sampled_from(["Z", "AA", "XFD", "XFE", "AAAA", "a", "ZZZZZ", ""]),
    )
    digits = pick(
        st.integers(1, 40).map(str),
        st.sampled_from(["1048576", "1048577", "0", "99999999", "", "01", "-3"]),
    )
    return pick(
        st.just(letters + digits),
        st.sampled_from(["1A", "A-1", "A1:B2", " B3 ", "$A$1", "Ａ1", "A１", "XFD1048576"]),
    )


def _cell(pick: Pick) -> str:
    draw = pick.draw
    ref = _ref(pick) if draw(st.integers(0, 5)) else None
    attrs = pick(
        st.sampled_from(["", ' s="1"']),
        st.sampled_from([' foo=">"', ' x:r="XFD1048576"', " t='s' ", ' r2="A1"', ' r="A1"']),
    )
    t, value = pick(
        st.one_of(
            st.tuples(st.none(), st.integers(-5, 3000).map(str)),
            st.tuples(st.just("inlineStr"), words.map(_escaped)),
            st.tuples(st.just("s"), st.integers(0, 3).map(str)),
        ),
        st.tuples(
            st.sampled_from([None, "s", "inlineStr", "n", "str", "b", "e", "d"]),
            st.one_of(
                st.sampled_from(["2000000000", "18446744073709551616", "1e308", "NaN", "x", "-1"]),
                words,  # unescaped: «<p>» and control characters in the XML itself
            ),
        ),
    )
    where = f' r="{ref}"' if ref is not None else ""
    kind = f' t="{t}"' if t else ""
    tag = pick(st.just("c"), st.just("x:c"))
    body = f"<is><t>{value}</t></is>" if t == "inlineStr" else f"<v>{value}</v>"
    return f"<{tag}{attrs}{where}{kind}>{body}</{tag}>"


def _rows(pick: Pick) -> str:
    draw = pick.draw
    out = []
    for _ in range(draw(st.integers(0, 6))):
        r = pick(st.none(), st.sampled_from(["1", "2", "40", "1048576", "0", "x"]))
        head = f'<row r="{r}">' if r is not None else "<row>"
        cells = "".join(_cell(pick) for _ in range(draw(st.integers(0, 5))))
        out.append(head + cells + "</row>")
    return "".join(out)


def _merges(pick: Pick) -> str:
    draw = pick.draw
    spans = [
        (_ref(pick), _ref(pick) if draw(st.booleans()) else None)
        for _ in range(draw(st.integers(0, 6)))
    ]
    spans *= pick(st.just(1), st.sampled_from([50, 3000]))  # overlap by the thousand
    cells = "".join(f'<mergeCell ref="{a}{":" + b if b else ""}"/>' for a, b in spans)
    count = pick(st.just(str(len(spans))), st.sampled_from(["0", "2000000000", "-1"]))
    return f'<mergeCells count="{count}">{cells}</mergeCells>' if spans else ""


@st.composite
def fuzz_workbooks(draw, folder: Path) -> Path:  # type: ignore[no-untyped-def]
    pick = Pick(draw, wild=draw(st.booleans()))
    body = _rows(pick)
    rows = h.table_rows(body) if draw(st.integers(0, 3)) else body
    dimension = pick(
        st.just(""), st.sampled_from(['<dimension ref="A1:XFD1048576"/>', '<dimension ref="A"/>'])
    )
    prolog = pick(st.just(""), st.sampled_from([h.BILLION_LAUGHS_PROLOG, "<!-- x -->"]))
    sheet = h.sheet_xml(rows, tail=_merges(pick), prolog=prolog)
    sheet = sheet.replace(b"<sheetData>", dimension.encode() + b"<sheetData>", 1)
    shared = None
    if draw(st.integers(0, 3)):
        strings = [_escaped(w) for w in draw(st.lists(words, min_size=4, max_size=6))]
        counts = st.sampled_from(["-1", "2000000000", str(2**62 - 1), str(2**64), "abc", ""])
        count = pick(st.just(None), counts)
        unique = pick(st.just(None), counts)
        shared = h.shared_strings(strings, count=count, unique=unique)
    part = pick(
        st.just("xl/worksheets/sheet1.xml"),
        st.sampled_from(
            ["xl/worksheets/sheet1.bin", "xl/worksheets/sheet1", "xl/worksheets/S.XML", "xl/s.dat"]
        ),
    )
    shared_part = pick(st.just("xl/sharedStrings.xml"), st.just("xl/strings.bin"))
    if pick.wild and draw(st.integers(0, 9)) == 0:  # bytes cut anywhere in the sheet
        sheet = sheet[: draw(st.integers(0, len(sheet)))]
    return h.workbook(
        folder / "fuzz.xlsx", sheet, sheet_part=part, shared=shared, shared_part=shared_part
    )


STRUCTURE = {"read": 0, "refused": 0}


def _read_or_refuse(path: Path) -> None:
    started = time.monotonic()
    try:
        table = read_table(path)
    except IsolatedFailure as exc:
        # The child crashed or ran out of memory or time: the window survives, but the
        # guard should have refused the file first, in better words.
        raise AssertionError(f"the guard let a crash through: {exc} ({exc.reason})") from None
    except UserError as exc:
        message = str(exc)
        assert message and "\n" not in message and "Traceback" not in message
        STRUCTURE["refused"] += 1
    else:
        assert isinstance(table, ParsedTable)
        STRUCTURE["read"] += 1
    assert time.monotonic() - started < 20


def _fuzz_structure(examples: int):  # type: ignore[no-untyped-def]
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data) -> None:  # type: ignore[no-untyped-def]
        with tempfile.TemporaryDirectory() as tmp:
            _read_or_refuse(data.draw(fuzz_workbooks(Path(tmp))))

    return run


def test_fuzz_the_reader_and_its_guard() -> None:
    _fuzz_structure(int(os.environ.get("SPBGUI_FUZZ_EXAMPLES", "40")))()
    assert STRUCTURE["read"] > 0 and STRUCTURE["refused"] > 0, STRUCTURE


@pytest.mark.slow
def test_fuzz_the_reader_and_its_guard_at_length() -> None:
    _fuzz_structure(int(os.environ.get("SPBGUI_FUZZ_EXAMPLES", "1500")))()

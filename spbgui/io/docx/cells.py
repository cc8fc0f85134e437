"""Word's table XML to grid rows: cells' text with paragraphs, gridSpan and vMerge as merges.

python-docx opens the document; the tables are read from its XML here,
because the merges are in the cell properties (``w:gridSpan`` across,
``w:vMerge`` down, the legacy ``w:hMerge``) and a row may start or end short
of the grid (``w:gridBefore``/``w:gridAfter``). Content controls
(``w:sdt``), custom XML and tracked insertions wrap rows, cells and runs;
they are looked through. Deleted and moved-away text, field codes, drawings
and text boxes are not the cell's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Element

from spbgui.io.table.grid import Cell, normalize

MAX_COLUMNS = 1000  # Word itself allows 63

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_R, _T, _TAB, _BR, _CR = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NBH, _SOFT = qn("w:noBreakHyphen"), qn("w:softHyphen")
_WRAPPERS = {qn(t) for t in ("w:sdt", "w:sdtContent", "w:customXml", "w:smartTag")}
_RUN_WRAPPERS = _WRAPPERS | {
    qn(t) for t in ("w:hyperlink", "w:ins", "w:fldSimple", "w:moveTo", "w:dir", "w:bdo")
}
_VAL = qn("w:val")


class TooWide(Exception):
    """A row spans more grid columns than any real table has."""


def blocks(body: Element) -> Iterator[str | Element]:
    """The body's paragraphs (as text) and tables (as elements), in order."""
    for child in body:
        if child.tag == _P:
            yield paragraph_text(child, tab="\t")
        elif child.tag == _TBL:
            frame = _frame_cell(child)
            if frame is None:
                yield child
            else:  # a one-cell table drawn around the real one: what is inside counts
                yield from blocks(frame)
        elif child.tag in _WRAPPERS:
            yield from blocks(child)


def _frame_cell(tbl: Element) -> Element | None:
    """The one cell of a table that only frames other tables, or None."""
    cells = [tc for tr in _children(tbl, _TR) for tc in _children(tr, _TC)]
    if len(cells) != 1:
        return None
    return cells[0] if next(_children(cells[0], _TBL), None) is not None else None


def paragraph_text(p: Element, tab: str = " ") -> str:
    """A paragraph's text; a tab is a space inside a cell, a column break in the body text."""
    out: list[str] = []
    _runs(p, out, tab)
    return "".join(out)


def _runs(el: Element, out: list[str], tab: str) -> None:
    for child in el:
        tag = child.tag
        if tag == _R:
            for part in child:
                ptag = part.tag
                if ptag == _T:
                    out.append(part.text or "")
                elif ptag == _TAB:
                    out.append(tab)
                elif ptag in (_BR, _CR):
                    out.append("\n")
                elif ptag == _NBH:
                    out.append("-")
        elif tag in _RUN_WRAPPERS:
            _runs(child, out, tab)


def cell_text(tc: Element) -> str:
    """The cell's paragraphs (a nested table's too), one per line."""
    lines: list[str] = []
    _cell_paragraphs(tc, lines)
    return "\n".join(line for line in lines if line.strip())


def _cell_paragraphs(el: Element, lines: list[str]) -> None:
    for child in el:
        if child.tag == _P:
            lines.append(paragraph_text(child))
        elif child.tag in (_TBL, _TR, _TC) or child.tag in _WRAPPERS:
            _cell_paragraphs(child, lines)


def _children(el: Element, tag: str) -> Iterator[Element]:
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _prop(el: Element | None, *path: str) -> str | None:
    """The w:val of a property element (``None`` if absent, "" if present without a value)."""
    node = el
    for tag in path:
        node = node.find(qn(tag)) if node is not None else None
    if node is None:
        return None
    value: str = node.get(_VAL, "")
    return value


def _int(value: str | None, default: int) -> int:
    try:
        return max(int(value), 0) if value else default
    except ValueError:
        return default


@dataclass
class TableCells:
    """One Word table (or several read as one) as grid rows with merged ranges."""

    rows: list[list[Cell]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    width: int = 0

    def add_table(self, tbl: Element) -> None:
        open_down: dict[int, list[int]] = {}  # column → [r1, c1, c2, r2] of a vMerge in progress
        for tr in _children(tbl, _TR):
            r = len(self.rows)
            col = _int(_prop(tr, "w:trPr", "w:gridBefore"), 0)
            row: list[Cell] = [None] * col
            continued: set[int] = set()
            for tc in _children(tr, _TC):
                tc_pr = tc.find(qn("w:tcPr"))
                span = max(_int(_prop(tc_pr, "w:gridSpan"), 1), 1)
                if col + span > MAX_COLUMNS:
                    raise TooWide
                v_merge = _prop(tc_pr, "w:vMerge")
                h_merge = _prop(tc_pr, "w:hMerge")
                if v_merge is not None and v_merge != "restart" and col in open_down:
                    open_down[col][3] = r  # the cell above goes on down
                    continued.add(col)
                    row.extend([None] * span)
                elif h_merge is not None and h_merge != "restart":
                    row.extend([None] * span)  # part of the cell on its left
                else:
                    row.append(normalize(cell_text(tc)))
                    row.extend([None] * (span - 1))
                    if v_merge == "restart":
                        if col in open_down:
                            self._close(open_down.pop(col))
                        open_down[col] = [r, col, col + span - 1, r]
                        continued.add(col)
                    elif span > 1:
                        self.merged.append((r, col, r, col + span - 1))
                col += span
            for c in [c for c in open_down if c not in continued]:
                self._close(open_down.pop(c))
            while row and row[-1] is None:
                row.pop()
            self.width = max(self.width, col)
            self.rows.append(row)
        for rect in open_down.values():
            self._close(rect)

    def _close(self, rect: list[int]) -> None:
        r1, c1, c2, r2 = rect
        if r2 > r1 or c2 > c1:
            self.merged.append((r1, c1, r2, c2))

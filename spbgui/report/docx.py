"""The report as a Word document, for the press office to polish the wording.

A real Word table, not a picture of one: region rows span the table, the country and
partner cells are merged down over their rows as staff merge them, and each event is
its own paragraph. The pages are cut here as the PDF's are (:mod:`.docx_rows`): a
table a page, each with the column headers (also marked to repeat, ``w:tblHeader``,
should an edit make a page overflow), no row that Word may break, and the country and
partner named «(продолжение)» at the top of a page their rows run onto.
Times New Roman, because it is on every office machine that opens the file (the PDF
embeds its own font; a .docx cannot count on it), and Russian as the proofing language.
The summary's chart is the same QtCharts chart as in the PDF, as a picture.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from spbgui.report import wording
from spbgui.report.content import Para, ReportContent, Row, TableContent
from spbgui.report.document import MARGINS

FONT = "Times New Roman"
SIZES = {"title": 14, "subtitle": 12, "meta": 11, "heading": 13, "footer": 9, "table": 10}
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
SHADES = {"header": "D9D9D9", "region": "ECECEC", "total": "F4F4F4"}


def _set_up(doc: DocxDocument, content: ReportContent, landscape: bool) -> tuple[float, float]:
    """Page, margins and the Normal style; the text's width and height in millimetres."""
    section = doc.sections[0]
    long_side, short_side = Mm(297), Mm(210)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_side, short_side
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short_side, long_side
    section.left_margin, section.top_margin = Mm(MARGINS.left()), Mm(MARGINS.top())
    section.right_margin, section.bottom_margin = Mm(MARGINS.right()), Mm(MARGINS.bottom())
    section.footer_distance = Mm(6)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZES["table"])
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "ru-RU")
    rpr.append(lang)
    props = doc.core_properties
    props.title = f"{content.title}, {content.year}"
    props.author = props.last_modified_by = ""
    props.comments = props.subject = props.keywords = ""
    # python-docx's template says it was made on 23.12.2013: the archive copy says today.
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.language = "ru-RU"
    across, down = (297, 210) if landscape else (210, 297)
    return (
        across - MARGINS.left() - MARGINS.right(),
        down - MARGINS.top() - MARGINS.bottom(),
    )


# What XML 1.0 cannot hold (control characters but tab and line breaks, lone surrogates,
# U+FFFE/U+FFFF): imported text may have them, and PDF and Excel take them; Word's XML not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Word's own line and page breaks and paragraph marks, pasted as characters: a line break
# in the cell (python-docx writes «\n» as <w:br/>), not a character dropped between words.
_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")


def xml_safe(text: str) -> str:
    """``text`` without the characters a Word document cannot hold."""
    return _NOT_XML.sub("", _BREAKS.sub("\n", text))


def _paragraph(
    doc: DocxDocument, text: str, size: int, align: str, bold: bool = False
) -> Paragraph:
    p = doc.add_paragraph()
    p.alignment = _ALIGN[align]
    run = p.add_run(xml_safe(text))
    run.font.size = Pt(size)
    run.bold = bold
    return p


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    # Word is strict about the order of a cell's properties.
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_AFTER_SHD)


_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_ROW_FLAGS = ("w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")


def _row_flag(row: _Row, tag: str) -> None:
    """w:tblHeader (repeat on every page) or w:cantSplit on a row, in schema order."""
    el = OxmlElement(tag)
    el.set(qn("w:val"), "true")
    after = _ROW_FLAGS[_ROW_FLAGS.index(tag) + 1 :]
    row._tr.get_or_add_trPr().insert_element_before(el, *after)


def _cell_margins(t: Table) -> None:
    """A little air above and below the text, as in the PDF (twentieths of a point)."""
    mar = OxmlElement("w:tblCellMar")
    for side, width in (("top", 45), ("left", 90), ("bottom", 45), ("right", 90)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(width))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    t._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _fill(cell: _Cell, paras: list[Para], *, events: bool = False) -> None:
    for n, para in enumerate(paras):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        p.alignment = _ALIGN.get(para.align, WD_ALIGN_PARAGRAPH.LEFT)
        if events and n < len(paras) - 1:
            p.paragraph_format.space_after = Pt(3)
        run = p.add_run(xml_safe(para.text))
        run.bold = para.style in {"bold", "header"}
        run.italic = para.style == "italic"


def _table(
    doc: DocxDocument, table: TableContent, width_mm: float, page_mm: float, first_mm: float
) -> None:
    """The table, page by page as planned (:mod:`.docx_rows`): a table a page."""
    from spbgui.report.docx_rows import plan_pages  # Qt measures the text

    plan = plan_pages(table, width_mm, page_mm, SIZES["table"], first_mm)
    widths = [Mm(w) for w in plan.widths_mm]
    for n, rows in enumerate(plan.pages):
        if n:
            # Word starts a page before a paragraph, not before a table's row.
            brk = doc.add_paragraph()
            brk.paragraph_format.page_break_before = True
            brk.paragraph_format.line_spacing = Pt(1)
            brk.add_run().font.size = Pt(1)
        _table_part(doc, table, widths, rows)


def _table_part(
    doc: DocxDocument, table: TableContent, widths: Sequence[Length], rows: list[Row]
) -> Table:
    t: Table = doc.add_table(rows=1 + len(rows), cols=len(widths))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    _cell_margins(t)
    for col, w in zip(t.columns, widths, strict=True):
        col.width = w
    for row in t.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
        # Measured to fit its page: Word has no reason to break a row, and must not,
        # for it could not name whose row goes on.
        _row_flag(row, "w:cantSplit")
    head = t.rows[0]
    _row_flag(head, "w:tblHeader")
    for cell, content in zip(head.cells, table.header, strict=True):
        _fill(cell, content.paras)
        _shade(cell, SHADES["header"])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for n, row in enumerate(rows, 1):
        cells = t.rows[n].cells
        if row.full_width:
            merged = cells[0].merge(cells[-1])
            _fill(merged, row.cells[0].paras)
            _shade(merged, SHADES["region"])
            continue
        for col, (cell, content) in enumerate(zip(cells, row.cells, strict=True)):
            _fill(cell, content.paras, events=col == len(cells) - 1)
            if row.kind in SHADES:
                _shade(cell, SHADES[row.kind])
    _merge_spans(t, rows)
    return t


def _merge_spans(t: Table, rows: list[Row]) -> None:
    """Merge each run of equal span keys down its column, as staff merge country cells."""
    ncols = len(t.columns)
    for col in range(ncols):
        first = None
        for n in range(len(rows) + 1):
            row = rows[n] if n < len(rows) else None
            key = None if row is None or row.full_width else row.cells[col].span
            if first is not None and (key is None or key != rows[first].cells[col].span):
                if n - 1 > first:
                    t.cell(first + 1, col).merge(t.cell(n, col))
                first = None
            if first is None and key is not None:
                first = n


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _footer(doc: DocxDocument, content: ReportContent, width_mm: float) -> None:
    # The template's Footer style has tab stops for Letter paper; the page number goes
    # to the right margin of this page instead.
    doc.styles["Footer"].paragraph_format.tab_stops.clear_all()
    p = doc.sections[0].footer.paragraphs[0]
    p.paragraph_format.tab_stops.add_tab_stop(Mm(width_mm), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run(xml_safe(f"{content.footer}\t{wording.PAGE} "))
    _field(p, "PAGE", "1")
    p.add_run(f" {wording.OF} ")
    _field(p, "NUMPAGES", "1")
    for run in p.runs:
        run.font.size = Pt(SIZES["footer"])


LINE = 1.15  # Word's single line spacing for Times New Roman, in font sizes


def _pt_mm(points: float) -> float:
    return points * 25.4 / 72


def _above_mm(content: ReportContent) -> float:
    """How far down page one the table starts: the heading's lines and gaps."""
    sizes = [SIZES["title"], SIZES["subtitle"], SIZES["meta"], SIZES["table"]]
    if content.selection:
        sizes.append(SIZES["meta"])
    return _pt_mm(sum(sizes) * LINE + 8)


def write_docx(content: ReportContent, path: Path | IO[bytes], *, landscape: bool = True) -> None:
    doc = Document()
    width, height = _set_up(doc, content, landscape)
    _paragraph(doc, content.title, SIZES["title"], "center", bold=True)
    _paragraph(
        doc, content.subtitle, SIZES["subtitle"], "center"
    ).paragraph_format.space_after = Pt(8)
    _paragraph(doc, content.prepared, SIZES["meta"], "right")
    if content.selection:
        _paragraph(doc, content.selection, SIZES["meta"], "left")
    doc.add_paragraph()
    _table(doc, content.table, width, height, _above_mm(content))
    _footer(doc, content, width)
    if content.summary is not None:
        s = content.summary
        heading = _paragraph(doc, s.heading, SIZES["heading"], "left", bold=True)
        heading.paragraph_format.page_break_before = True
        heading.paragraph_format.space_after = Pt(8)
        _table(doc, s.table, width, height, _pt_mm(SIZES["heading"] * LINE + 8))
        doc.add_paragraph()
        from spbgui.report.chart import chart_png  # needs Qt; the table part does not

        chart_h = 110.0 if landscape else 120.0
        picture = chart_png(s.chart, width, chart_h)
        doc.add_picture(io.BytesIO(picture), width=Mm(width))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _paragraph(doc, s.chart.note, SIZES["footer"], "left")
    if content.years is not None:
        from spbgui.report.years_section import write_docx as write_years

        write_years(doc, content.years, width, height)
    doc.save(str(path) if isinstance(path, Path) else path)

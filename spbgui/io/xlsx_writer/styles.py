"""How the exported workbook looks and prints: styles, column widths, row heights, page set-up.

Staff print the table and send it on; it should look like the one they used to
make in Word: Times New Roman, thin borders, bold header and region rows, A4
landscape scaled to the page width, the header repeated on every page, page
numbers in the footer. Row heights are estimated from the text, because neither
Excel nor LibreOffice grows a row to fit wrapped text written by a program:
without a height, a cell of twenty lines shows one.
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.properties import PageSetupProperties

from spbgui.io.xlsx_writer.cells import CellStyle

FONT = "Times New Roman"
FONT_PT = 11

# Text metrics for the estimate, measured on LibreOffice's rendering of Times New Roman
# (Liberation Serif) 11 pt: characters of Russian prose per unit of column width (the
# width of the default font's «0», Times New Roman too: see add_styles; a unit is about
# one average letter) and the height of one line, in points.
CHARS_PER_UNIT = 1.0
LINE_PT = 13.2
PAD_PT = 4.0  # cell padding above and below the text
MIN_ROW_PT = 15.0
MAX_ROW_PT = 409.0  # Excel's limit; taller text is cut off on screen and on paper
MAX_LINES = int((MAX_ROW_PT - PAD_PT) // LINE_PT)

TITLE = "spb-title"
HEADER = "spb-header"
REGION = "spb-region"
CELL = "spb-cell"
# A cell that goes on in the row below (an events cell over several rows): no border
# between the rows, so they read as one cell.
CELL_OPEN_BOTTOM = "spb-cell-open-bottom"
CELL_OPEN = "spb-cell-open"
CELL_OPEN_TOP = "spb-cell-open-top"
LIST_HEADER = "spb-list-header"
LIST_TEXT = "spb-list-text"
LIST_WRAP = "spb-list-wrap"
DAY = "spb-day"
MONTH = "spb-month"

_thin = Side(style="thin", color="000000")
_box = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
_grey = PatternFill("solid", fgColor="E7E6E6")
_wrap_top = Alignment(wrap_text=True, vertical="top", horizontal="left")
_top_left = Alignment(vertical="top", horizontal="left")
_centre = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _named_styles() -> list[NamedStyle]:
    font = Font(name=FONT, size=FONT_PT)
    bold = Font(name=FONT, size=FONT_PT, bold=True)
    return [
        NamedStyle(TITLE, font=Font(name=FONT, size=14, bold=True), alignment=_centre),
        NamedStyle(HEADER, font=bold, alignment=_centre, border=_box, fill=_grey),
        NamedStyle(REGION, font=bold, alignment=_centre, border=_box, fill=_grey),
        NamedStyle(CELL, font=font, alignment=_wrap_top, border=_box),
        NamedStyle(
            CELL_OPEN_BOTTOM,
            font=font,
            alignment=_wrap_top,
            border=Border(left=_thin, right=_thin, top=_thin),
        ),
        NamedStyle(
            CELL_OPEN, font=font, alignment=_wrap_top, border=Border(left=_thin, right=_thin)
        ),
        NamedStyle(
            CELL_OPEN_TOP,
            font=font,
            alignment=_wrap_top,
            border=Border(left=_thin, right=_thin, bottom=_thin),
        ),
        # The events list prints as a ruled table: every cell boxed and wrapped, so no
        # text runs into the next column (a printed page shows no grid otherwise).
        NamedStyle(LIST_HEADER, font=bold, alignment=_centre, border=_box, fill=_grey),
        NamedStyle(LIST_TEXT, font=font, alignment=_wrap_top, border=_box),
        NamedStyle(LIST_WRAP, font=font, alignment=_wrap_top, border=_box),
        NamedStyle(DAY, font=font, number_format="DD.MM.YYYY", alignment=_top_left, border=_box),
        NamedStyle(MONTH, font=font, number_format="MM.YYYY", alignment=_top_left, border=_box),
    ]


def add_styles(wb: Any) -> None:
    """The workbook's default font, and its named styles (shown in Excel's Styles gallery).

    Column widths are counted in the default font's «0»: Times New Roman, which every
    office machine has (LibreOffice has Liberation Serif, of the same widths), rather
    than openpyxl's Calibri, for which LibreOffice without it takes a wider font and
    prints every column wider, the whole sheet smaller.
    """
    base = Font(name=FONT, size=FONT_PT)
    wb._fonts = IndexedList([base])
    for named in wb._named_styles:
        if named.name == "Normal":
            named.font = base
    for style in _named_styles():
        wb.add_named_style(style)


def styles_for(ws: Any) -> dict[str, CellStyle]:
    """The prepared styles for cells of ``ws`` (after :func:`add_styles`)."""
    return {s.name: CellStyle(ws, s.name) for s in _named_styles()}


def chars_per_line(width: float) -> int:
    # Wrapping breaks between words, so a line holds a little less than its width.
    return max(1, int(width * CHARS_PER_UNIT) - 2)


def lines_needed(text: str, width: float) -> int:
    """How many lines ``text`` takes wrapped in a column ``width`` wide (an estimate).

    Lines break between words, as Excel and LibreOffice break them: in a narrow
    column a long word («Герцеговина») starts a line of its own, which counting
    characters alone misses, and the row would be too low for its text.
    """
    per_line = chars_per_line(width)
    if "\n" not in text:
        return 1 if len(text) <= per_line else _wrapped(text, per_line)
    return sum(
        1 if len(line) <= per_line else _wrapped(line, per_line) for line in text.split("\n")
    )


def _wrapped(line: str, per_line: int) -> int:
    """Lines of ``line`` wrapped at spaces; a word longer than a line is broken anywhere."""
    lines, used = 1, 0
    for word in line.split(" "):
        size = len(word)
        if used and used + 1 + size <= per_line:
            used += 1 + size
            continue
        if used:
            lines += 1
        used = size
        while used > per_line:
            lines += 1
            used -= per_line
    return lines


def row_height(lines: int, bold: bool = False) -> float:
    height = lines * LINE_PT * (1.04 if bold else 1.0) + PAD_PT
    return round(min(MAX_ROW_PT, max(MIN_ROW_PT, height)), 1)


def set_widths(ws: Any, widths: list[float]) -> None:
    for col, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(col + 1)].width = width


def set_page(ws: Any, *, title_rows: str, freeze: str, footer: str = "Стр. &P из &N") -> None:
    """A4 landscape, scaled to the page width, ``title_rows`` repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the table needs
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.6
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    ws.print_title_rows = title_rows
    ws.freeze_panes = freeze
    ws.oddFooter.center.text = footer
    ws.oddFooter.center.size = 9
    ws.oddFooter.center.font = FONT

"""How much text one spreadsheet cell holds, counted the way Excel counts it.

Apart from the writer (:mod:`spbgui.io.xlsx_writer.cells`) so that the import's check of
long texts (:mod:`spbgui.services.long_texts`) does not load openpyxl for two lines.
"""

from __future__ import annotations

MAX_CELL_CHARS = 32_767  # Excel's limit, in UTF-16 code units


def excel_length(text: str) -> int:
    """The length Excel counts: UTF-16 code units (a character outside the BMP is two)."""
    if len(text) * 2 <= MAX_CELL_CHARS:  # cheap: cannot be over the limit
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2

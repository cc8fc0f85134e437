"""The committee's table in and out of files; knows nothing of the database.

- :mod:`spbgui.io.table.records`: the format-neutral part: a grid of cells, the
  header, the rows, the text rules and country names (docs/TABLE_RULES.md),
  and the records they give (:class:`~spbgui.io.table.records.ParsedTable`).
- :mod:`spbgui.io.table.read`: the one entry that runs the table rules over
  the grids any source gives.
- :mod:`spbgui.io.sources`: which reader a file needs, told by its content.
- :mod:`spbgui.io.xlsx`: reading an .xlsx workbook (the guard against hostile
  files, then calamine or openpyxl) into grids for the table rules.
- :mod:`spbgui.io.docx`, :mod:`spbgui.io.spreadsheet` (.xls, .ods, .xlsb),
  :mod:`spbgui.io.text`, :mod:`spbgui.io.html`: the other sources, each a grid
  filler behind the checks of :mod:`spbgui.io.package`.
- :mod:`spbgui.io.clipboard`: pasted cells as rows of the table or as events,
  and events copied out as cells.
- :mod:`spbgui.io.xlsx_writer`: writing records to an .xlsx workbook.
"""

"""The committee's table in and out of files; knows nothing of the database.

- :mod:`spbgui.io.table.records`: the format-neutral part: a grid of cells, the
  header, the rows, the text rules and country names (docs/TABLE_RULES.md),
  and the records they give (:class:`~spbgui.io.table.records.ParsedTable`).
- :mod:`spbgui.io.xlsx`: reading an .xlsx workbook (the guard against hostile
  files, then calamine or openpyxl) into grids for the table rules.
- :mod:`spbgui.io.xlsx_writer`: writing records to an .xlsx workbook.
"""

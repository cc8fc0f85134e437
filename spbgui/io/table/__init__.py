"""The committee's table whatever file it came from: grids of cells in, records out.

Every source fills :class:`~spbgui.io.table.grid.Grid` objects; the header
finder and the row reader apply docs/TABLE_RULES.md to them once.
"""

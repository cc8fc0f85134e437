"""Reading .xlsx workbooks: the guard against hostile files, then the cells as grids."""

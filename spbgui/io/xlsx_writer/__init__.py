"""Writing the committee's table to an .xlsx workbook (see :mod:`.workbook`)."""

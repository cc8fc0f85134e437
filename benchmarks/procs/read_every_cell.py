"""A whole process that reads every cell of a workbook: the import benchmark's yardsticks.

    python benchmarks/procs/read_every_cell.py openpyxl|openpyxl-read-only|calamine FILE.xlsx

openpyxl in normal mode is the bar of issue 17's goal 1 (the import must not take
longer); python-calamine is the fastest reader there is (the import must stay
within 3× of it). Prints the number of cells read, so the work cannot be skipped.
"""

from __future__ import annotations

import sys


def openpyxl_normal(path: str) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    return sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for _v in row)


def openpyxl_read_only(path: str) -> int:
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for _v in row)
    wb.close()
    return n


def calamine(path: str) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    n = 0
    for name in wb.sheet_names:
        for row in wb.get_sheet_by_name(name).to_python():
            n += len(row)
    return n


READERS = {
    "openpyxl": openpyxl_normal,
    "openpyxl-read-only": openpyxl_read_only,
    "calamine": calamine,
}

if __name__ == "__main__":
    print(READERS[sys.argv[1]](sys.argv[2]))

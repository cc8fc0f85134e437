"""Text to rows of cells: tab-separated (or ; and , for CSV), quoted cells as Excel writes them.

Excel and LibreOffice put a cell that holds a line break, a tab or a quote
in double quotes (a quote inside doubled), both in .csv/.txt files and on
the clipboard. A cell that only starts with a quote («"Дорожная карта"
мероприятий…») is not quoted: a quoted cell ends with a quote right before
the separator or the end of the line. The published text has no quoting and
keeps every line a row, so a grid row is the file's line there.
"""

from __future__ import annotations


def guess_separator(text: str) -> str:
    """Tab if any of the first lines has one; else ; or , whichever splits them more evenly."""
    lines = [line for line in text.split("\n", 200)[:200] if line.strip()]
    if any("\t" in line for line in lines):
        return "\t"
    best, best_score = "\t", 0
    for sep in (";", ","):
        counts = [line.count(sep) for line in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * common
        if score > best_score:
            best, best_score = sep, score
    return best


def split_rows(text: str, sep: str = "\t") -> list[list[str]]:
    """The rows of ``text``; ``\\r\\n`` and ``\\r`` count as line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    i, n = 0, len(text)
    while i <= n:
        if i < n and text[i] == '"':
            end = _quoted_end(text, i, sep)
            if end is not None:
                row.append(text[i + 1 : end].replace('""', '"'))
                i = end + 1
                if i < n and text[i] == sep:
                    i += 1  # at the very end, the loop's next turn adds the empty last cell
                    continue
                rows.append(row)
                row = []
                i += 1  # the line end (or past the end)
                continue
        j = i
        while j < n and text[j] != sep and text[j] != "\n":
            j += 1
        row.append(text[i:j])
        if j < n and text[j] == sep:
            i = j + 1
            continue
        rows.append(row)
        row = []
        i = j + 1
    if rows and rows[-1] == [""] and text.endswith("\n"):
        rows.pop()  # the line end of the last line is no row
    return rows


def _quoted_end(text: str, start: int, sep: str) -> int | None:
    """Index of the quote that closes a cell opened at ``start``, if the cell is quoted."""
    n = len(text)
    i = start + 1
    while True:
        k = text.find('"', i)
        if k == -1:
            return None
        if k + 1 < n and text[k + 1] == '"':
            i = k + 2  # a doubled quote inside the cell
            continue
        return k if k + 1 == n or text[k + 1] in (sep, "\n") else None

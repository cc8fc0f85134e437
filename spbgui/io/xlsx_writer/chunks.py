"""Where an events cell too long for one row may be cut, so that it reads back the same.

A cell over Excel's 32,767 characters, or taller than a row may be, goes on in
continuation rows (see :mod:`~spbgui.io.xlsx_writer.table_sheet`). The reader joins a
continuation row to the cell above (``xlsx_text.join_events``): its first
paragraph continues the last one above if it starts in lower case, or if the
paragraph above is unfinished and the new one does not start with a dated
event; otherwise it is a paragraph of its own. So a cut between two lines is
safe when the next line does not start in lower case and either starts a dated
event or follows a finished sentence; a cut inside one long event is safe at a
single space inside a sentence, where the reader glues the halves back with
that one space. The export's read-back check (:mod:`~spbgui.io.xlsx_writer.check`)
confirms the result with the reader itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spbgui.domain.dates import DASH_CHARS
from spbgui.domain.event_dates import EVENT_DATE_PATTERN
from spbgui.domain.events_text import EventText, join_events
from spbgui.domain.numbers import thousands
from spbgui.io.cell_limit import MAX_CELL_CHARS, excel_length
from spbgui.io.xlsx_writer.cells import ExportError
from spbgui.io.xlsx_writer.styles import MAX_LINES, chars_per_line, lines_needed


def split_events_cell(events: list[EventText], width: float, where: str) -> list[str]:
    """The events cell as one text per row; ``where`` names the record in a refusal."""
    return _Chunker(width, where).chunks(events)


_BROKEN_WORD = re.compile(r"[^\W\d_]-$")  # the reader joins «научно-» + «техн…» without a space


def split_text_cell(text: str, width: float) -> list[str]:
    """A title or note cell taller than a row may be, as one text per row.

    The reader joins a title (or note) continued in the next row to the text above with
    one space (``table.text.join_text``), or with none after a word broken at a hyphen
    when the next part starts in lower case. So the text is cut only at a single space
    between two words, and not after «социально-» before a lower-case word. A text with
    no such space stays whole (taller than its row, as before).
    """
    if lines_needed(text, width) <= MAX_LINES:
        return [text]
    limit = min(MAX_CELL_CHARS - 16, (MAX_LINES - 1) * chars_per_line(width))
    chunks: list[str] = []
    rest = text
    while lines_needed(rest, width) > MAX_LINES:
        cut = _text_cut(rest, limit)
        while cut is not None and lines_needed(rest[:cut], width) > MAX_LINES:
            cut = _text_cut(rest, cut - 1)  # long words wrap early: cut sooner
        if cut is None:
            break
        chunks.append(rest[:cut])
        rest = rest[cut + 1 :]
    chunks.append(rest)
    return chunks


def _text_cut(text: str, limit: int) -> int | None:
    """The last space before ``limit`` where the reader glues the two parts back as they
    were."""
    i = text.rfind(" ", 0, limit)
    while i > 0:
        before, after = text[i - 1], text[i + 1 : i + 2]
        if (
            not before.isspace()
            and after
            and not after.isspace()
            and not (_BROKEN_WORD.search(text, 0, i) and after.islower())
        ):
            return i
        i = text.rfind(" ", 0, i)
    return None


_ENDS_SENTENCE = tuple('.!?…»")')  # the reader's test of a finished paragraph (xlsx_text)
_STARTS_WITH_EVENT = re.compile(rf"(?:{EVENT_DATE_PATTERN})\s*[{DASH_CHARS}]", re.IGNORECASE)


@dataclass(slots=True)
class _Piece:
    text: str
    break_before: bool  # may a new row start with this piece and read back the same?


class _Chunker:
    """Cuts an events cell into rows at safe places, each row within the limits."""

    def __init__(self, width: float, where: str) -> None:
        self.width, self.where = width, where
        self.max_lines = MAX_LINES
        # Characters that surely fit in max_lines lines, and in a cell.
        self.budget = min(MAX_CELL_CHARS - 16, (MAX_LINES - 1) * chars_per_line(width))

    def _fits(self, lines: int, chars: int) -> bool:
        return lines <= self.max_lines and chars <= MAX_CELL_CHARS

    def chunks(self, events: list[EventText]) -> list[str]:
        pieces = list(self._pieces(events))
        chunks: list[list[_Piece]] = [[]]
        lines = chars = 0
        for piece in pieces:
            n = lines_needed(piece.text, self.width)
            size = excel_length(piece.text) + 1
            cur = chunks[-1]
            if cur and not self._fits(lines + n, chars + size):
                cut = next((i for i in range(len(cur) - 1, 0, -1) if cur[i].break_before), None)
                if piece.break_before:
                    chunks.append([])
                elif cut is not None:  # go back to the last safe cut in this row
                    chunks[-1], rest = cur[:cut], cur[cut:]
                    chunks.append(rest)
                lines = sum(lines_needed(p.text, self.width) for p in chunks[-1])
                chars = sum(excel_length(p.text) + 1 for p in chunks[-1])
            chunks[-1].append(piece)
            lines += n
            chars += size
        texts = ["\n".join(p.text for p in chunk) for chunk in chunks if chunk]
        for text in texts:
            if excel_length(text) > MAX_CELL_CHARS:
                raise ExportError(
                    f"Выгрузка невозможна: {self.where}: мероприятия не помещаются "
                    f"в ячейку Excel ({thousands(MAX_CELL_CHARS)} знаков), а разделить их на "
                    "строки так, чтобы файл читался обратно без изменений, нельзя. Сократите "
                    "или разделите самое длинное мероприятие."
                )
        return texts

    def _pieces(self, events: Iterable[EventText]) -> Iterable[_Piece]:
        previous = ""
        for event in events:
            if excel_length(event.text) > MAX_CELL_CHARS:
                raise ExportError(
                    f"Выгрузка невозможна: {self.where}: текст мероприятия длиннее "
                    f"{thousands(MAX_CELL_CHARS)} знаков ({thousands(excel_length(event.text))})"
                    " — больше, чем вмещает ячейка Excel. Разделите его на несколько "
                    "мероприятий."
                )
            for n, line in enumerate(join_events([event]).split("\n")):
                dated = n == 0 and event.date.is_dated
                safe = bool(line) and not line[:1].islower()
                safe = safe and (dated or previous.endswith(_ENDS_SENTENCE))
                parts = self._split_line(line)
                yield _Piece(parts[0], safe)
                for part in parts[1:]:
                    yield _Piece(part, True)
                previous = line

    def _split_line(self, line: str) -> list[str]:
        """A line too long for one row, cut at spaces the reader glues back."""
        parts: list[str] = []
        rest = line
        while len(rest) > self.budget:
            cut = self._safe_space(rest, self.budget)
            if cut is None:
                break
            parts.append(rest[:cut])
            rest = rest[cut + 1 :]
        parts.append(rest)
        return parts

    @staticmethod
    def _safe_space(text: str, limit: int) -> int | None:
        i = text.rfind(" ", 0, limit)
        while i > 0:
            before, after = text[i - 1], text[i + 1 : i + 2]
            if (
                before not in _ENDS_SENTENCE
                and before not in " -"
                and after not in ("", " ")
                and not _STARTS_WITH_EVENT.match(text, i + 1)
            ):
                return i
            i = text.rfind(" ", 0, i)
        return None

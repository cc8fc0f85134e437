"""The events column of the table: one cell of free text in, a list of dated events out.

Staff write a year's events for a partner into one cell: «3-6 июля – визит … 13-18 мая –
визит …», in paragraphs that came from Word, a web page (``<p>…</p>``) or page breaks.
:func:`split_events` follows the reading rules of ``docs/TABLE_RULES.md`` («Events»): an event
starts at the beginning of a paragraph, or after ``. ! ? » " )`` and a space, where a date
and a dash follow; everything else is the text of the event before it, and every word of
the cell lands in exactly one event. :func:`join_events` writes events back so that
:func:`split_events` reads the same events again.

Pure Python: no Qt, no database. Called once per row by the importer, so the regexes are
compiled once, here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spbgui.domain.dates import DASH_CHARS, DateError, EventDate, format_event_date
from spbgui.domain.event_dates import EVENT_DATE_PATTERN, read_event_date

__all__ = [
    "EventText",
    "join_continuation",
    "join_events",
    "paragraphs",
    "split_events",
    "split_paragraph",
    "why_not_understood",
]

# Paragraph breaks: HTML paragraph tags (stray ones too) and line breaks of any system.
_BREAK_RE = re.compile(r"</?p\b[^>]*>|<br\s*/?>|\r\n?|\n", re.IGNORECASE)


# An event starts with «date – » at the start of a paragraph or after the end of a
# sentence («… форуме. 3-6 июля – …»). The date pattern is tried only at those places
# (after one of .!?»") and a space): trying it at every character of every cell was
# most of the time of reading a 20,000-row table (issue 17). «A space» is exact because
# paragraphs have their white space folded to single spaces before this runs.
@functools.cache
def _event_at() -> re.Pattern[str]:
    """Compiled when first needed: the window's start-up reads no events text."""
    return re.compile(rf"(?P<when>{EVENT_DATE_PATTERN})\s*[{DASH_CHARS}]\s*", re.IGNORECASE)


_SENTENCE_END_RE = re.compile(r"""[.!?»")] """)
_OPEN_TAG_RE = re.compile(r"\s*<p\b", re.IGNORECASE)
_CLOSE_TAG_AT_END_RE = re.compile(r"\s*</p\s*>\s*$", re.IGNORECASE)
_BROKEN_WORD_RE = re.compile(r"[^\W\d_]-$")  # «научно-» at a page break


@dataclass(frozen=True, slots=True)
class EventText:
    """One event of a cell: its date (possibly none) and its text without the date and dash."""

    date: EventDate
    text: str


def paragraphs(cell: str) -> list[str]:
    """The paragraphs of a cell, white space folded, empty ones dropped.

    A paragraph that starts with a lowercase letter is the rest of the one before it (a
    page break or a stray line break cut it) and is joined to it with a space; a paragraph
    that starts with an event date («июнь – …») is a new one whatever its case.
    """
    result: list[str] = []
    for raw in _BREAK_RE.split(cell):
        para = " ".join(raw.split())  # white space folded (str.split's is re's \s)
        if not para:
            continue
        if result and para[0].islower() and not _event_at().match(para):
            result[-1] = f"{result[-1]} {para}"
        else:
            result.append(para)
    return result


def split_events(cell: str, year: int) -> list[EventText]:
    """Split an events cell into events of the given year.

    A paragraph that does not start with a date is an undated item. An impossible date at
    the start of an event («31 июня – …», «31.02.2025 – …») still starts the event: it is
    kept as written, not understood (:attr:`EventDate.not_understood`), for the clerk to
    fix; :func:`why_not_understood` says what is wrong with it. Never raises.
    """
    events: list[EventText] = []
    for para in paragraphs(cell):
        events += split_paragraph(para, year)
    return events


def split_paragraph(para: str, year: int) -> list[EventText]:
    """The events of one paragraph as :func:`paragraphs` gives it (folded, no breaks).

    :func:`split_events` of a cell is this for each of its paragraphs in turn; the
    import reads each distinct paragraph of a big table once (issue 17).
    """
    events: list[EventText] = []
    starts = _event_starts(para)
    bounds = [m.start() for m in starts] + [len(para)]
    if bounds[0]:
        events.append(EventText(EventDate(), para[: bounds[0]].rstrip()))
    for match, end in zip(starts, bounds[1:], strict=True):
        try:
            date = read_event_date(match["when"], year)
        except DateError:
            date = EventDate.as_written(match["when"])
        events.append(EventText(date, para[match.end() : end].rstrip()))
    return events


def _event_starts(para: str) -> list[re.Match[str]]:
    """The «date – » matches at the start of ``para`` or after the end of a sentence."""
    starts: list[re.Match[str]] = []
    end = 0
    for at in (0, *(m.end() for m in _SENTENCE_END_RE.finditer(para))):
        if at < end:
            continue  # inside the date just matched
        match = _event_at().match(para, at)
        if match is not None:
            starts.append(match)
            end = match.end()
    return starts


def why_not_understood(date: EventDate, year: int) -> str:
    """What is wrong with a date kept as written (for the import report), else ""."""
    if not date.not_understood:
        return ""
    try:
        read_event_date(date.written, year)
    except DateError as exc:
        return str(exc)
    return ""


def join_events(events: Sequence[EventText]) -> str:
    """Write events into one cell, each «date – text» on its own line, for export."""
    lines = []
    for event in events:
        when = format_event_date(event.date)
        lines.append(f"{when} – {event.text}".rstrip() if when else event.text)
    return "\n".join(lines)


def join_continuation(above: str, rest: str) -> str:
    """Append the text of a continuation row to the cell above it (``docs/TABLE_RULES.md``, rows 5).

    A page break split the cell, so the rest continues the paragraph open at the break: a
    closing ``</p>`` just before the break is dropped unless the rest opens a paragraph of
    its own, and a word broken at «научно-» is joined without a space.
    """
    above, rest = above.rstrip(), rest.strip()
    if not above or not rest:
        return above or rest
    if _OPEN_TAG_RE.match(rest):
        return f"{above} {rest}"
    above = _CLOSE_TAG_AT_END_RE.sub("", above)
    return above + rest if _BROKEN_WORD_RE.search(above) else f"{above} {rest}"

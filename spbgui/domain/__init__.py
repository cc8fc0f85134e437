"""The domain layer: partial dates and the events column's text, in pure Python.

No Qt and no SQLAlchemy here, so the importer, the services and the tests can use it
anywhere. The names below are the public API; the modules hold the details.
"""

from __future__ import annotations

from spbgui.domain.dates import (
    DateError,
    EventDate,
    PartialDate,
    Precision,
    format_agreement_dates,
    format_event_date,
    parse_agreement_dates,
)
from spbgui.domain.event_dates import is_plain_form, parse_event_date
from spbgui.domain.events_text import (
    EventText,
    join_continuation,
    join_events,
    paragraphs,
    split_events,
    why_not_understood,
)

__all__ = [
    "DateError",
    "EventDate",
    "EventText",
    "PartialDate",
    "Precision",
    "format_agreement_dates",
    "format_event_date",
    "is_plain_form",
    "join_continuation",
    "join_events",
    "paragraphs",
    "parse_agreement_dates",
    "parse_event_date",
    "split_events",
    "why_not_understood",
]

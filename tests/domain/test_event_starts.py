"""Events are found where a date starts a paragraph or follows the end of a sentence.

``split_events`` tries the date pattern only after «.!?»")» and a space (issue 17: trying
it at every character was most of a large import's reading time). This holds it to
the rule as one regular expression says it, on generated paragraphs.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from spbgui.domain.dates import DASH_CHARS
from spbgui.domain.event_dates import EVENT_DATE_PATTERN
from spbgui.domain.events_text import _event_starts, paragraphs

# The rule as one expression: a date and a dash at the start, or after .!?»") and a space.
RULE = re.compile(
    rf"""(?:^|(?<=[.!?»")] ))(?P<when>{EVENT_DATE_PATTERN})\s*[{DASH_CHARS}]\s*""",
    re.IGNORECASE,
)

PIECES = st.sampled_from(
    [
        "3-6 июля",
        "6 декабря",
        "29 января – 16 февраля",
        "Июнь",
        "июнь-июль",
        "12",
        " – ",
        "-",
        " ",
        ". ",
        "! ",
        "? ",
        "» ",
        ") ",
        '" ',
        ".",
        "визит делегации",
        "форум",
        "Мая",
        "мае",
        "31 июня",
        "«Дни»",
        "(2024)",
        "15.03.2025",
        "31.02.2025",
        "1-3.07",
        "I квартал",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_event_starts_are_where_the_rule_finds_them(pieces: list[str]) -> None:
    for para in paragraphs("".join(pieces)):
        found = [(m.start(), m.end(), m.groupdict()) for m in _event_starts(para)]
        rule = [(m.start(), m.end(), m.groupdict()) for m in RULE.finditer(para)]
        assert found == rule

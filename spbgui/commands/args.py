"""Types for spbgui-cli's options: a value that cannot be right is refused as a usage error
(one line, exit 2) before anything is opened, never as an «unexpected error» later."""

from __future__ import annotations

import argparse
import math

from spbgui.domain.table_year import FIRST_YEAR, LAST_YEAR


def year(text: str) -> int:
    """A year of the table: a whole number from FIRST_YEAR to LAST_YEAR."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"год «{text}» — не целое число") from None
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            f"год {text} не подходит: укажите год от {FIRST_YEAR} до {LAST_YEAR}"
        )
    return value


def years(text: str) -> tuple[int, int]:
    """A span of years, «2020-2025» or «2024», that the statistics can count."""
    from spbgui.errors import UserError
    from spbgui.services.stats import parse_years

    try:
        return parse_years(text)
    except UserError as exc:
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def database(text: str) -> str:
    """A database file or address: not empty (``--db "$DB"`` with DB unset in a script
    must not fall back, without a word, on the user's own database)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "путь к базе данных пуст: укажите файл или адрес, или не пишите --db, "
            "чтобы работать со своей базой"
        )
    return text


def positive_number(text: str) -> float:
    """A finite number above zero (not «nan», «inf», «-1»)."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» — не число") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"«{text}» не подходит: нужно число больше нуля")
    return value


def positive_int(text: str) -> int:
    """A whole number above zero."""
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» — не целое число") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"«{text}» не подходит: нужно целое число больше нуля")
    return value


# The words for a record count in the commands' one-line summaries («стран: 26»).
COUNT_NAMES = {
    "regions": "регионов",
    "countries": "стран",
    "partners": "партнёров",
    "agreements": "соглашений",
    "events": "мероприятий",
    "dated_events": "из них с датой",
}

"""Texts longer than an Excel cell holds (32,767 characters): said at import, shortened at export.

Such a text imports (nothing a user gave is lost), with a warning naming the row. The
Excel export writes it cut to what a cell holds, marked with «…», and says which record
was shortened, instead of refusing the whole table for one cell.
"""

from __future__ import annotations

import dataclasses

from spbgui.domain.numbers import thousands
from spbgui.io.cell_limit import MAX_CELL_CHARS, excel_length
from spbgui.io.table.records import ImportWarning, ParsedTable

# Room left for the chunking of a partner's events into cells (each event with its date).
EXPORT_LIMIT = MAX_CELL_CHARS - 1_000
MARK = "…"


def _what(title: str) -> str:
    short = title if len(title) <= 60 else title[:57] + "…"
    return f"«{short}»"


def import_warnings(table: ParsedTable) -> list[ImportWarning]:
    """A warning for each text of the table that will not fit an Excel cell on export."""
    out = []
    for region in table.regions:
        for country in region.countries:
            for partner in country.partners:
                for agreement in partner.agreements:
                    fields = [("основание", agreement.title), ("примечание", agreement.note)]
                    fields += [("мероприятие", e.text) for e in agreement.events]
                    for what, text in fields:
                        # (a text of half the limit or less fits whatever its characters)
                        if len(text) * 2 <= EXPORT_LIMIT:
                            continue
                        n = excel_length(text)
                        if n > EXPORT_LIMIT:
                            out.append(
                                ImportWarning(
                                    agreement.row,
                                    f"{what} длиной {thousands(n)} знаков загружено целиком, "
                                    f"но в ячейку Excel помещается {thousands(MAX_CELL_CHARS)}: "
                                    "при выгрузке в Excel этот текст будет сокращён.",
                                )
                            )
    return out


def _cut(text: str) -> str:
    keep = EXPORT_LIMIT - len(MARK)
    cut = text[:keep]
    while excel_length(cut) > keep:  # characters outside the BMP count twice
        cut = cut[: -max(1, (excel_length(cut) - keep) // 2)]
    return cut + MARK


def shorten_for_excel(table: ParsedTable) -> list[str]:
    """Cut, in place, every text too long for a cell; a warning naming each record cut."""
    warnings = []
    for region in table.regions:
        for country in region.countries:
            for partner in country.partners:
                who = partner.name or country.name
                for agreement in partner.agreements:
                    for attr, word in (("title", "основание"), ("note", "примечание")):
                        text = getattr(agreement, attr)
                        if excel_length(text) > EXPORT_LIMIT:
                            setattr(agreement, attr, _cut(text))
                            warnings.append(
                                f"{_what(who)} ({country.name}): {word} соглашения длиной "
                                f"{thousands(excel_length(text))} знаков записано в файл "
                                f"сокращённым до {thousands(EXPORT_LIMIT)} знаков."
                            )
                    for i, event in enumerate(agreement.events):
                        if excel_length(event.text) > EXPORT_LIMIT:
                            agreement.events[i] = dataclasses.replace(event, text=_cut(event.text))
                            warnings.append(
                                f"{_what(who)} ({country.name}): мероприятие "
                                f"{_what(event.text)} длиной {thousands(excel_length(event.text))}"
                                f" знаков записано в файл сокращённым до "
                                f"{thousands(EXPORT_LIMIT)} знаков."
                            )
    return warnings

"""Will the exported table read back as the same records? Asked of the reader itself.

The export's promise is that importing the file gives back what was exported.
Some records cannot keep that promise through the committee's table format: a
region whose name is not all one case once written in capitals, a text with
``<p>`` in it (a paragraph break to the reader), an undated item that starts
in lower case (the rest of the item above, to the reader), a country-level
agreement of a country the reader does not know, two partners whose names
differ only in case... Rather than restate the reading rules here, the planned
rows are handed to the reader's own row logic (:class:`RowReader`), exactly as
it would get them from the file, and what it reads is compared with what was
exported. Every difference becomes a warning naming the record, so the clerk
knows before sending the file on; the file itself still shows every text as
stored.
"""

from __future__ import annotations

from collections.abc import Callable

from spbgui.domain.dates import format_event_date, quote_typed
from spbgui.io.table.countries import normalize_name
from spbgui.io.table.grid import Grid, normalize
from spbgui.io.table.header import find_header
from spbgui.io.table.records import ParsedTable, TableAgreement, TablePartner
from spbgui.io.table.rows import RowReader
from spbgui.io.xlsx_writer.table_sheet import Record, TablePlan, ordered_agreements, shown

MAX_WARNINGS = 50


def _is_blank(a: TableAgreement) -> bool:
    """The row the exporter writes for a partner without agreements."""
    return not (a.title or a.dates or a.note or a.events)


def _which(original: TableAgreement, back: TableAgreement) -> list[str]:
    parts = []
    if back.title != original.title:
        parts.append("название соглашения")
    if back.dates != original.dates:
        parts.append("даты")
    if back.note != original.note:
        parts.append("примечание")
    if back.events != original.events:
        parts.append("мероприятия" + _first_event_lost(original, back))
    return parts


def _first_event_lost(original: TableAgreement, back: TableAgreement) -> str:
    """« («по плану – обмен…»: дата «по плану» не распознаётся …)»: the first exported event
    that does not come back as it is, and, for a date kept as written, what to do."""
    missing = [e for e in original.events if e not in back.events]
    if not missing:
        return ""
    # A date kept as written is the likely cause (the event above it takes its text in):
    # named first.
    lost = next((e for e in missing if e.date.not_understood), missing[0])
    when = format_event_date(lost.date)
    what = quote_typed(f"{when} – {lost.text}" if when else lost.text, 80)
    if not lost.date.not_understood:
        return f" («{what}»)"
    return (
        f" («{what}»: дата «{quote_typed(when)}» не распознаётся при загрузке таблицы — "
        "исправьте её: Правка → Даты не распознаны)"
    )


def check_plan(
    plan: TablePlan, table: ParsedTable, tick: Callable[[int], None] | None = None
) -> list[str]:
    """What an import of the planned sheet would read differently, one line per record."""
    grid = Grid(
        name="check",
        rows=[[normalize(v) for v in row.values] for row in plan.rows],
        merged=list(plan.merges),
    )
    header, _found = find_header(grid)
    if header is None:  # cannot happen: the plan writes the header
        return ["Заголовок таблицы не будет найден при загрузке файла."]
    back = RowReader(grid, header, plan.year, tick or (lambda _n: None)).read()
    warnings: list[str] = []

    # Where each agreement was read back, by its sheet row.
    read_at: dict[int, tuple[str, str, str | None, TableAgreement]] = {}
    for region in back.regions:
        for country in region.countries:
            for partner in country.partners:
                for a in partner.agreements:
                    if a.row is not None:
                        read_at[a.row] = (region.name, country.name, partner.name, a)

    for row, (rec, original) in plan.agreements.items():
        if _is_blank(original):
            continue
        got = read_at.get(row)
        if got is None:
            warnings.append(
                f"{rec.describe()}: при загрузке этого файла запись не будет прочитана."
            )
            continue
        region_name, country_name, partner_name, agreement = got
        parts = []
        if region_name != rec.region:
            parts.append(f"регион («{shown(region_name)}»)")
        if country_name != rec.country:
            parts.append(f"страна («{shown(country_name)}»)")
        if partner_name != rec.partner:
            parts.append(
                f"партнёр («{shown(partner_name)}»)" if partner_name else "партнёр (страна в целом)"
            )
        parts += _which(original, agreement)
        if parts:
            warnings.append(
                f"{rec.describe()}: при загрузке этого файла будет прочитано иначе: "
                f"{', '.join(parts)}."
            )

    warnings += _structure(table, back)
    if len(warnings) > MAX_WARNINGS:
        rest = len(warnings) - MAX_WARNINGS
        warnings = [*warnings[:MAX_WARNINGS], f"…и ещё {rest} таких замечаний."]
    return warnings


def _structure(table: ParsedTable, back: ParsedTable) -> list[str]:
    """Regions, countries and partners that would not come back as they are."""
    warnings: list[str] = []
    got_regions = [r.name for r in back.regions]
    for region in table.regions:
        if region.name not in got_regions:
            warnings.append(
                f"регион «{shown(region.name)}»: в таблице он записан как "
                f"«{shown(region.name.upper())}» и при загрузке файла будет прочитан иначе."
            )
    got_partners = {
        (c.name, tuple(p.name for p in c.partners)) for r in back.regions for c in r.countries
    }
    got_countries = {c.name for r in back.regions for c in r.countries}
    for region in table.regions:
        for country in region.countries:
            rec = Record(region.name, country.name)
            names = tuple(p.name for p in country.partners)
            if country.name not in got_countries:
                warnings.append(f"{rec.describe()}: при загрузке файла страна не будет прочитана.")
            elif (country.name, names) not in got_partners:
                warnings.append(_partners_note(rec, country.partners, back))
            seen: dict[tuple[str | None, str], int] = {}
            for partner, agreement in ordered_agreements(country):
                key = (partner.name, agreement.title)
                seen[key] = seen.get(key, 0) + 1
                if seen[key] == 2 and not _is_blank(agreement):
                    who = Record(region.name, country.name, partner.name, partner.name is None)
                    warnings.append(
                        f"{who.describe()}: несколько соглашений «{shown(agreement.title)}» — "
                        "при загрузке файла они будут объединены в одно."
                    )
    return warnings


def _partners_note(rec: Record, partners: list[TablePartner], back: ParsedTable) -> str:
    got = next((c.partners for r in back.regions for c in r.countries if c.name == rec.country), [])
    names = [p.name for p in partners]
    got_names = [p.name for p in got]
    if sorted(names, key=str) == sorted(got_names, key=str):
        return (
            f"{rec.describe()}: партнёры будут прочитаны в другом порядке — "
            "в порядке их первых строк в таблице."
        )
    keys = [normalize_name(n) if n else "" for n in names]
    if len(set(keys)) < len(keys):
        return (
            f"{rec.describe()}: названия партнёров различаются только регистром или "
            "пробелами — при загрузке файла они будут объединены."
        )
    missing = [shown(n) if n else "страна в целом" for n in names if n not in got_names]
    extra = [shown(n) if n else "страна в целом" for n in got_names if n not in names]
    detail = []
    if missing:
        detail.append("не будут прочитаны: " + ", ".join(f"«{n}»" for n in missing))
    if extra:
        detail.append("появятся: " + ", ".join(f"«{n}»" for n in extra))
    return f"{rec.describe()}: при загрузке файла партнёры изменятся ({'; '.join(detail)})."

"""A ParsedTable as the flat records of ``cooperation_<year>.expected.json``.

The shape the fixtures use (see tests/data/README.md): lists of
regions, countries, partners and agreements in table order, each naming its
parents, and the counts. Tests compare a read table with it record by record;
it is also a plain, diff-friendly dump of what an import would write.
"""

from __future__ import annotations

from typing import Any

from spbgui.io.table.records import ParsedTable


def parsed_to_records(pt: ParsedTable) -> dict[str, Any]:
    regions: list[str] = []
    countries: list[dict[str, Any]] = []
    partners: list[dict[str, Any]] = []
    agreements: list[tuple[int, dict[str, Any]]] = []
    for region in pt.regions:
        regions.append(region.name)
        for country in region.countries:
            countries.append({"name": country.name, "region": region.name})
            for partner in country.partners:
                partners.append(
                    {"country": country.name, "name": partner.name, "region": region.name}
                )
                for agreement in partner.agreements:
                    agreements.append(
                        (
                            agreement.row or 0,
                            {
                                "country": country.name,
                                "partner": partner.name,
                                "title": agreement.title,
                                "dates": [d.iso() for d in agreement.dates],
                                "events": [
                                    {
                                        "start": e.date.start.iso() if e.date.start else None,
                                        "end": e.date.end.iso() if e.date.end else None,
                                        "text": e.text,
                                    }
                                    for e in agreement.events
                                ],
                            },
                        )
                    )
    # The tree groups agreements by partner; the records list them in table
    # order, as the sheet has them (Минск's row sits between two of Belarus's).
    agreements.sort(key=lambda item: item[0])
    return {
        "year": pt.year,
        "regions": regions,
        "countries": countries,
        "partners": partners,
        "agreements": [record for _row, record in agreements],
        "counts": pt.counts(),
    }

"""A name longer than its column holds (200 letters for a region or a country, 300 for a
partner) is refused in words on every backend, the records as they were: a PostgreSQL
server would otherwise refuse it with a raw «value too long for type character varying»."""

from __future__ import annotations

import pytest

from spbgui.services import details, edit, records
from spbgui.services.changes import NodeRef
from spbgui.services.errors import EditError


def test_long_names_are_refused_in_words(db) -> None:
    region = edit.add_region(db=db, name="Европа").id
    country = edit.add_country(db=db, region_id=region, name="Сербия").id
    partner = edit.add_partner(db=db, country_id=country, name="Белград").id
    before = records.dump(db=db)
    attempts = [
        lambda: edit.add_region(db=db, name="Р" * 201),
        lambda: edit.update_region(db=db, region_id=region, name="Р" * 201),
        lambda: edit.add_country(db=db, region_id=region, name="С" * 201),
        lambda: edit.update_country(db=db, country_id=country, name="С" * 201),
        lambda: edit.add_partner(db=db, country_id=country, name="Б" * 301),
        lambda: edit.update_partner(db=db, partner_id=partner, name="Б" * 301),
    ]
    for attempt in attempts:
        with pytest.raises(EditError, match=r"Слишком длинное название .*не больше"):
            attempt()
    assert records.dump(db=db) == before
    # as long as the column holds is fine, spaces folded first
    edit.update_region(db=db, region_id=region, name="Р" * 200 + "   ")
    edit.update_partner(db=db, partner_id=partner, name="Б" * 300)
    assert details.summary(db=db, ref=NodeRef.region(region), year=2024).name == "Р" * 200
    assert details.partner(db=db, partner_id=partner).name == "Б" * 300

"""Country names in Russian, as staff write them in the table's «Страна» column.

The reader needs to tell a country from a city written in the country column
(«Минск» under «Белоруссия» in 2024). It asks :mod:`spbgui.domain.countries`, which
knows every state by its ISO 3166 code under its Russian names and the committee's
variants («Белоруссия» and «Беларусь», «Киргизия» and «Кыргызстан»). A name is kept
as written, never replaced by a variant; only a name typed in capitals («ВЕНГРИЯ»,
as some tables set countries apart from cities) takes the list's letter case.
"""

from __future__ import annotations

from spbgui.domain.countries import country_code, is_country, normalize_name, written_form

__all__ = ["country_code", "is_country", "normalize_name", "written_form"]

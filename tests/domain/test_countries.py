"""One country under any of its names: ISO codes from pycountry's Russian names and variants."""

from __future__ import annotations

import gettext

import pycountry
import pytest

from spbgui.domain.countries import (
    TERRITORIES,
    country_code,
    is_country,
    known_names,
    normalize_name,
)
from tests.conftest import DATA


@pytest.mark.parametrize(
    ("one", "other", "code"),
    [
        ("Беларусь", "Белоруссия", "BY"),
        ("Кыргызстан", "Киргизия", "KG"),
        ("КНДР", "Северная Корея", "KP"),
        ("ЮАР", "Южная Африка", "ZA"),
        ("Молдова", "Молдавия", "MD"),
        ("Китай", "КНР", "CN"),
        ("США", "Соединённые Штаты Америки", "US"),
        ("Великобритания", "Соединенное Королевство", "GB"),
        ("Вьетнам", "Социалистическая Республика Вьетнам", "VN"),
        ("Иран", "Исламская Республика Иран", "IR"),
    ],
)
def test_two_names_of_one_country_give_one_code(one: str, other: str, code: str) -> None:
    assert country_code(one) == country_code(other) == code


def test_russian_names_come_from_pycountry_locale() -> None:
    """Not from a list of ours: every state's Russian short name as ISO's locale gives it."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    checked = 0
    for entry in pycountry.countries:
        russian = ru.gettext(entry.name)
        if russian == entry.name:
            continue
        got = country_code(russian)
        if entry.alpha_2 in TERRITORIES:  # Гонконг, Аруба: partners of a country, not countries
            assert got is None, russian
        else:
            assert got == entry.alpha_2, russian
            checked += 1
    assert checked > 180
    assert country_code("Буркина-Фасо") == "BF"
    assert country_code("Кот-д’Ивуар") == country_code("Кот-д'Ивуар") == "CI"


def test_every_name_of_the_old_hand_kept_list_is_still_a_country() -> None:
    names = [n for n in (DATA / "country_names_2024.txt").read_text("utf-8").splitlines() if n]
    assert len(names) > 240
    missing = [n for n in names if not is_country(n)]
    assert missing == []


@pytest.mark.parametrize("name", ["Минск", "Ташкент", "Гонконг", "Гренландия", "Хошимин", ""])
def test_cities_and_dependent_territories_are_not_countries(name: str) -> None:
    assert country_code(name) is None
    assert not is_country(name)


def test_matching_ignores_case_yo_spaces_dashes_and_stress() -> None:
    assert country_code("  белоруссия ") == "BY"
    assert country_code("ГВИНЕЯ–БИСАУ") == country_code("Гвинея-Бисау") == "GW"
    assert country_code("Папуа — Новая Гвинея") == country_code("Папуа-Новая Гвинея") == "PG"
    assert normalize_name("Респу\u0301блика") == "республика"
    assert normalize_name("Объединённые  Арабские") == "объединенные арабские"


def test_committee_places_without_an_iso_state_code_keep_their_own() -> None:
    assert country_code("Абхазия") == "XA"
    assert country_code("СССР") == "SUHH"
    assert country_code("Англия") == "GB-ENG" != country_code("Великобритания")
    assert all(len(code) <= 8 for code in known_names().values())  # the column's width

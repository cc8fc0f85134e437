"""One country under any of its names: the ISO 3166 code of a country name written in Russian.

Years of the table compare only if «Беларусь» in one and «Белоруссия» in the next are
one country. The names come from pycountry (ISO 3166-1, its Russian gettext locale: the
short, official and common name of every state) and from a short list of the variants the
committee writes that ISO does not («Киргизия», «КНДР», «ЮАР», «ОАЭ», «Голландия», …),
plus a few places the committee keeps as countries though ISO 3166-1 has no code for
them (Абхазия, Южная Осетия, Косово; Англия and Шотландия as the subdivisions of ISO
3166-2; the USSR, Yugoslavia, Czechoslovakia and the GDR by their ISO 3166-3 codes).

Dependent territories (Гонконг, Гренландия, Пуэрто-Рико, …) are not countries here: in
the table's «Страна» column under China or Denmark they are partners, as before.

A name is never replaced by the form found here: the code is what compares, the name
shown stays as the committee writes it. Matching ignores case, «ё», stress marks,
repeated spaces and the kind of dash.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import lru_cache

import pycountry

# ISO 3166-1 entries that are not sovereign states: parts or dependencies of another
# country. The committee's table writes them as partners of that country (rule 4).
TERRITORIES = frozenset(
    "AQ AS AI AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE "
    "KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)

# The committee's names that ISO's Russian names do not give, by code. Codes beyond
# ISO 3166-1: XA/XO/XK are user-assigned (Abkhazia, South Ossetia, Kosovo); GB-ENG and
# GB-SCT are ISO 3166-2; SUHH, YUCS, CSHH, DDDE are ISO 3166-3 (former countries).
VARIANTS: dict[str, tuple[str, ...]] = {
    "AE": ("ОАЭ", "Эмираты"),
    "BA": ("Босния", "Босния и Герцеговина"),
    "BS": ("Багамы", "Багамские Острова"),
    "BN": ("Бруней", "Бруней-Даруссалам"),
    "BY": ("Белоруссия", "Беларусь", "Республика Белоруссия"),
    "CD": ("ДР Конго", "ДРК", "Конго-Киншаса"),
    "CF": ("ЦАР", "Центральноафриканская Республика"),
    "CG": ("Конго-Браззавиль",),
    "CN": ("КНР",),
    "CU": ("Республика Куба",),
    "CZ": ("Чешская Республика",),
    "DE": ("ФРГ", "Федеративная Республика Германия"),
    "GB": ("Великобритания", "Соединённое Королевство", "Объединённое Королевство"),
    "GB-ENG": ("Англия",),
    "GB-SCT": ("Шотландия",),
    "IR": ("Иран",),
    "KG": ("Киргизия", "Кыргызстан", "Киргизстан", "Кыргызская Республика"),
    "KP": ("КНДР", "Северная Корея"),
    "KR": ("Южная Корея", "Корея", "Республика Корея"),
    "KZ": ("Республика Казахстан",),
    "LA": ("Лаос",),
    "FM": ("Микронезия",),
    "MD": ("Молдавия", "Молдова"),
    "MK": ("Македония",),
    "MM": ("Бирма",),
    "NL": ("Голландия",),
    "PG": ("Папуа — Новая Гвинея", "Папуа-Новая Гвинея"),
    "RS": ("Республика Сербия",),
    "RU": ("Россия", "РФ"),
    "SC": ("Сейшелы", "Сейшельские Острова"),
    "SY": ("Сирия",),
    "SZ": ("Свазиленд",),
    "TJ": ("Республика Таджикистан",),
    "TL": ("Тимор-Лесте",),
    "TM": ("Туркмения",),
    "TW": ("Тайвань",),
    "TZ": ("Танзания",),
    "US": ("США", "Соединённые Штаты Америки", "Соединённые Штаты", "Америка"),
    "UZ": ("Республика Узбекистан",),
    "VA": ("Ватикан",),
    "VE": ("Венесуэла",),
    "VN": ("Вьетнам", "СРВ"),
    "ZA": ("ЮАР", "Южно-Африканская Республика", "Южная Африка"),
    "XA": ("Абхазия", "Республика Абхазия"),
    "XO": ("Южная Осетия", "Республика Южная Осетия"),
    "XK": ("Косово",),
    "SUHH": ("СССР", "Советский Союз"),
    "YUCS": ("Югославия", "СФРЮ"),
    "CSHH": ("Чехословакия", "ЧССР"),
    "DDDE": ("ГДР",),
}


@lru_cache(maxsize=8192)  # every row's country and partner are compared by it
def normalize_name(name: str) -> str:
    """The form names are compared in: lower case, «ё» as «е», no stress marks, one space,
    one kind of dash and apostrophe."""
    text = unicodedata.normalize("NFD", " ".join(name.split()).lower())
    text = "".join(ch for ch in text if ch != "\u0301")  # «Респу́блика» in ISO's Russian
    text = unicodedata.normalize("NFC", text).replace("ё", "е")
    text = text.replace("’", "'").replace("—", "-").replace("–", "-")
    return text.replace(" - ", "-")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every known form of every country's name (normalized) → its code."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    names: dict[str, str] = {}
    for entry in pycountry.countries:
        code = entry.alpha_2
        if code in TERRITORIES:
            continue
        for attr in ("name", "official_name", "common_name"):
            english = getattr(entry, attr, None)
            if not english:
                continue
            russian = ru.gettext(english)
            if russian != english:  # untranslated: an English name is not how staff write
                names.setdefault(normalize_name(russian), code)
    for code, variants in VARIANTS.items():
        for variant in variants:
            names[normalize_name(variant)] = code  # the committee's word wins
    return names


@lru_cache(maxsize=1)
def _written() -> dict[str, str]:
    """Every known form of a country's name (normalized) → that form as it is written."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    forms: dict[str, str] = {}
    for entry in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(entry, attr, None)
            if english and (russian := ru.gettext(english)) != english:
                forms.setdefault(normalize_name(russian), russian)
    for variants in VARIANTS.values():
        for variant in variants:
            forms[normalize_name(variant)] = variant
    return forms


def written_form(name: str) -> str | None:
    """How the country list writes the country ``name`` names («ВЕНГРИЯ» → «Венгрия»;
    «КНДР» stays), or None for a name that is no country."""
    if country_code(name) is None:
        return None
    return _written().get(normalize_name(name))


@lru_cache(maxsize=4096)  # asked for every row that names a country
def country_code(name: str) -> str | None:
    """The ISO 3166 code of a country written ``name`` in any of its forms, or None."""
    return _names().get(normalize_name(name))


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name in one of the forms staff use."""
    return country_code(name) is not None


def known_names() -> dict[str, str]:
    """A copy of the table of names (normalized) → code, for tests and diagnostics."""
    return dict(_names())

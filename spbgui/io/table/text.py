"""Small text rules of the committee's table: names, region rows, cells split by a page break.

Pure string functions used by the row reader (see docs/TABLE_RULES.md, «Rows»).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from spbgui.io.table.records import PartnerKind


def fold(text: str) -> str:
    """Runs of white space (line breaks and no-break spaces too) folded to one space."""
    return " ".join(text.split())


_TAGS = re.compile(r"</?(?:p|br)\b[^>]*>", re.IGNORECASE)


def plain(text: str) -> str:
    """A name or title as one line: paragraph tags from a web page dropped, spaces folded."""
    return fold(_TAGS.sub(" ", text) if "<" in text else text)


def cell_text(value: object) -> str:
    """A cell's value as text, for columns that hold text (a number typed as a title, say)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


# --- partners ------------------------------------------------------------------------------

_CITY_PREFIX = re.compile(r"^г\.\s*")


@lru_cache(maxsize=4096)  # the same names come row after row
def partner_name(text: str) -> str:
    """«г. Ош» → «Ош»: the prefix is not part of the name (only at the start of the cell)."""
    return _CITY_PREFIX.sub("", plain(text))


_KIND_WORDS = (
    (re.compile(r"\bпровинци", re.IGNORECASE), PartnerKind.PROVINCE),
    (
        re.compile(
            r"\b(?:област|кра[йяюе]\b|республик|штат|префектур|автономи|федеральн\w* земл)",
            re.IGNORECASE,
        ),
        PartnerKind.REGION,
    ),
    (re.compile(r"\b(?:район|округ)", re.IGNORECASE), PartnerKind.DISTRICT),
)


@lru_cache(maxsize=4096)
def partner_kind(name: str) -> str:
    """Guess the kind from the words of the name; the earliest such word decides.

    «Хайфон и провинция Кханьхоа» is a province by this rule: the record is
    about the pair, and the kind is only a hint that staff can correct.
    """
    best: tuple[int, str] | None = None
    for pattern, kind in _KIND_WORDS:
        m = pattern.search(name)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else PartnerKind.CITY


# --- regions -------------------------------------------------------------------------------

KNOWN_REGIONS = {
    "европа": "Европа",
    "азия": "Азия",
    "снг": "СНГ",
    "африка": "Африка",
    "латинская америка": "Латинская Америка",
    "северная америка": "Северная Америка",
    "америка": "Америка",
    "ближний восток": "Ближний Восток",
    "австралия и океания": "Австралия и Океания",
    "океания": "Океания",
}
_ACRONYMS = {"СНГ", "ЕАЭС", "АТР", "ШОС", "БРИКС", "ЕС", "АСЕАН", "ОДКБ"}
_SMALL_WORDS = {"И", "В", "НА", "С", "СО", "ДЛЯ", "ПО"}
_VOWELS = set("АЕЁИОУЫЭЮЯ")


def is_capitals(text: str) -> bool:
    """Written in capitals, as region rows are: at least two letters, none lower-case."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# What staff put around a region's name: «I. ЕВРОПА», «2) Азия», «Раздел III. СНГ», «Регион:
# Африка», «ЕВРОПА:». Roman numerals are Latin letters, never the Cyrillic «С» of «СНГ».
_REGION_PREFIX = re.compile(
    r"^(?:(?:раздел|регион)\s*[.:]?\s*)?(?:(?:\d{1,2}|(?-i:[IVXLC]{1,6}))(?:\s*[.)]\s*|\s+))?",
    re.IGNORECASE,
)
_REGION_SUFFIX = re.compile(r"[\s.:]+$")


def region_label(text: str) -> str:
    """The region's name without the numbering or the colon around it."""
    folded = fold(text)
    label = _REGION_SUFFIX.sub("", _REGION_PREFIX.sub("", folded, count=1))
    return label if any(ch.isalpha() for ch in label) else folded


def is_known_region(text: str) -> bool:
    return region_label(text).lower().replace("ё", "е") in KNOWN_REGIONS


def region_name(text: str) -> str:
    """«ЛАТИНСКАЯ АМЕРИКА» → «Латинская Америка»; «СНГ» stays; unknown names are title-cased;
    «I. ЕВРОПА» and «ЕВРОПА:» are «Европа»."""
    folded = region_label(text)
    known = KNOWN_REGIONS.get(folded.lower().replace("ё", "е"))
    if known:
        return known
    words = []
    for i, word in enumerate(folded.split(" ")):
        upper = word.upper()
        if upper in _ACRONYMS or (word.isupper() and not _VOWELS & set(upper)):
            words.append(word)  # an abbreviation such as СНГ: no vowels, keep capitals
        elif i > 0 and upper in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


# --- continuation rows ---------------------------------------------------------------------

_BROKEN_WORD = re.compile(r"[^\W\d_]-$")  # «научно-» at the end of a line broken by a page


def _glue(before: str, after: str) -> str:
    return "" if _BROKEN_WORD.search(before) and after[:1].islower() else " "


def join_text(above: str, cont: str) -> str:
    """A title (or note) cell continued on the next row after a page break."""
    above, cont = above.rstrip(), cont.strip()
    if not above:
        return cont
    if not cont:
        return above
    return above + _glue(above, cont) + cont


_P_TAG = re.compile(r"</?p\b[^>]*>|<br\s*/?>", re.IGNORECASE)
_ENDS_SENTENCE = tuple('.!?…»")')


def raw_paragraphs(text: str) -> tuple[list[str], bool]:
    """The paragraphs of an events cell as written, and whether it used <p> (or <br>) tags."""
    if _P_TAG.search(text):
        return [p.strip() for p in _P_TAG.split(text) if p.strip()], True
    return [line.strip() for line in text.split("\n") if line.strip()], False


def join_events(above: str, cont: str, starts_with_event: Callable[[str], bool]) -> str:
    """An events cell continued on the next row after a page break.

    The first paragraph of the continuation goes on with the last paragraph of
    the cell above when that paragraph was left open: it does not end a
    sentence («…центра по» + «продаже…»), or the continuation starts in lower
    case. A continuation that starts with a new dated event, or follows a
    finished sentence, begins its own paragraph. The result is written in one
    style (all <p> or all line breaks) so the event splitter need not guess
    how a mixture was meant.
    """
    a_paras, a_tagged = raw_paragraphs(above)
    c_paras, c_tagged = raw_paragraphs(cont)
    if not a_paras:
        return cont
    if not c_paras:
        return above
    last, first = a_paras[-1], c_paras[0]
    is_open = not last.endswith(_ENDS_SENTENCE)
    if first[:1].islower() or (is_open and not starts_with_event(first)):
        a_paras[-1] = last + _glue(last, first) + first
        c_paras = c_paras[1:]
    paras = a_paras + c_paras
    if a_tagged or c_tagged:
        return " ".join(f"<p>{p}</p>" for p in paras)
    return "\n".join(paras)

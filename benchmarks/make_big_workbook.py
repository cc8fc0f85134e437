"""Generate a large workbook in the committee's table layout, for the import benchmark.

    python benchmarks/make_big_workbook.py [--rows 20000] [--year 2024] [--seed 1]
        [--inline-strings] OUT.xlsx

The sheet looks like the staff spreadsheet: a title row, the header, region
rows merged across, country cells merged down over their rows, several
agreements per partner, dates as real dates, years and text, and events
cells of one to six events written with line breaks or <p> paragraphs. About
one row in a hundred is a page-break continuation, as in the real table.
Texts go into a shared-strings table as Excel writes them (openpyxl itself
writes every text inline in the sheet; --inline-strings keeps that).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import openpyxl

REGIONS = {
    "ЕВРОПА": ["Сербия", "Венгрия", "Италия", "Франция", "Германия", "Испания", "Греция"],
    "АЗИЯ": ["Китай", "Вьетнам", "Индия", "Монголия", "Таиланд", "Турция", "Южная Корея"],
    "СНГ": ["Белоруссия", "Казахстан", "Киргизия", "Армения", "Узбекистан", "Таджикистан"],
    "АФРИКА": ["ЮАР", "Египет", "Танзания", "Марокко"],
    "ЛАТИНСКАЯ АМЕРИКА": ["Куба", "Аргентина", "Бразилия", "Мексика"],
}
MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_NOM = ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август")
CITY_KINDS = ("", "", "", "Провинция ", "область ", "Муниципальный район ")
TITLES = (
    "Соглашение о партнёрстве",
    "Соглашение о партнёрстве между Правительством Санкт-Петербурга и мэрией города {city}",
    "Соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве",
    "Договор об установлении побратимских связей между Санкт-Петербургом и городом {city}",
    "«Дорожная карта» мероприятий по реализации перечня приоритетных направлений "
    "сотрудничества на 2024-2026 гг.",
)
WHAT = (
    "визит делегации {city} в Санкт-Петербург",
    "визит делегации Санкт-Петербурга в {city} для участия в экономическом форуме",
    "состоялся визит делегации министерства культуры для участия в Главном военно-морском параде",
    "в Государственном мемориальном музее обороны и блокады Ленинграда прошёл "
    "международный «круглый стол»",
    "Дни Санкт-Петербурга в {city} (подписан план мероприятий на 2024-2026 годы)",
    "рабочая встреча с представителями органов государственной власти, обсуждение "
    "направлений долгосрочного сотрудничества",
)
UNDATED = (
    "Ведется работа по установке памятника в знак благодарности жителям города.",
    "Прорабатывается вопрос реализации совместного образовательного проекта.",
)


def _event(rng: random.Random, city: str) -> str:
    what = rng.choice(WHAT).format(city=city)
    month = rng.randrange(12)
    day = rng.randint(1, 25)
    form = rng.random()
    if form < 0.45:
        when = f"{day}-{day + rng.randint(1, 3)} {MONTHS[month]}"
    elif form < 0.85:
        when = f"{day} {MONTHS[month]}"
    elif form < 0.95 and month < 11:
        when = f"{day} {MONTHS[month]} – {rng.randint(1, 20)} {MONTHS[month + 1]}"
    else:
        when = MONTHS_NOM[rng.randrange(len(MONTHS_NOM))]
    return f"{when} – {what}."


def _events_cell(rng: random.Random, city: str) -> str | None:
    n = rng.choice((0, 1, 1, 2, 2, 3, 4, 6))
    if n == 0:
        return None
    lines = [_event(rng, city) for _ in range(n)]
    if rng.random() < 0.15:
        lines.append(rng.choice(UNDATED))
    if rng.random() < 0.3:
        return " ".join(f"<p>{line}</p>" for line in lines)
    return "\n".join(lines) if rng.random() < 0.6 else " ".join(lines)


def _dates_cell(rng: random.Random) -> object:
    form = rng.random()
    year = rng.randint(1967, 2024)
    if form < 0.4:
        return dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28))
    if form < 0.8:
        return year
    if form < 0.9:
        return f"{MONTHS_NOM[rng.randrange(len(MONTHS_NOM))].lower()} {year} г."
    return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}, {rng.randint(year, 2024)}"


_INLINE = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>'
    rb"(.*?)</t></is></c>",
    re.DOTALL,
)
_SST_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_SST_REL = (
    b'<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    b"</Relationships>"
)


def share_strings(path: Path) -> None:
    """Move the sheet's inline texts into xl/sharedStrings.xml, as Excel stores them."""
    strings: dict[bytes, int] = {}

    def shared(m: re.Match[bytes]) -> bytes:
        index = strings.setdefault(m.group(3), len(strings))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2), index)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / path.name
        with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename.startswith("xl/worksheets/"):
                    data = _INLINE.sub(shared, data)
                elif info.filename == "[Content_Types].xml":
                    data = data.replace(b"</Types>", _SST_TYPE)
                elif info.filename == "xl/_rels/workbook.xml.rels":
                    data = data.replace(b"</Relationships>", _SST_REL)
                zout.writestr(info.filename, data)
            items = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % s for s in strings)
            zout.writestr(
                "xl/sharedStrings.xml",
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                b'count="%d" uniqueCount="%d">%s</sst>' % (len(strings), len(strings), items),
            )
        shutil.move(out, path)


def make_workbook(
    path: Path, rows: int = 20_000, year: int = 2024, seed: int = 1, shared: bool = True
) -> Path:
    """Write about ``rows`` data rows in the committee's layout to ``path``."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws.append(["СОТРУДНИЧЕСТВО САНКТ-ПЕТЕРБУРГА С ГОРОДАМИ – ПАРТНЕРАМИ"])
    ws.merge_cells("A1:E1")
    ws.append([])
    ws.append(
        [
            "Страна",
            "Город",
            "Основание для сотрудничества",
            "Год установления связей/ подписания документа",
            f"Основные мероприятия в {year} году",
        ]
    )
    per_region = max(rows // len(REGIONS), 1)
    city_no = 0
    row_no = 3  # rows written so far; ws.max_row would rescan the sheet every time
    merges: list[tuple[int, int, int, int]] = []

    def append(cells: list[object]) -> None:
        nonlocal row_no
        ws.append(cells)
        row_no += 1

    for region, countries in REGIONS.items():
        append([region])
        merges.append((row_no, 1, row_no, 5))
        written = 0
        while written < per_region:
            country = rng.choice(countries)
            first = row_no + 1
            for p in range(rng.randint(1, 8)):
                city_no += 1
                city = f"{rng.choice(CITY_KINDS)}Город-{city_no}"
                for _a in range(rng.randint(1, 3)):
                    title = rng.choice(TITLES).format(city=city)
                    cells = [None, city if p or rng.random() > 0.1 else None]
                    cells += [title, _dates_cell(rng), _events_cell(rng, city)]
                    if row_no + 1 == first:
                        cells[0] = country
                    words = title.split(" ")
                    lower = [i for i, w in enumerate(words) if i and w[:1].islower()]
                    if rng.random() < 0.01 and lower:
                        # A page break: the rest of the title and events on a row of their
                        # own, inside the merged country cell, as in the real table.
                        cut = rng.choice(lower)
                        cells[2] = " ".join(words[:cut])
                        append(cells)
                        append([None, None, " ".join(words[cut:]), None, "продолжение текста."])
                        written += 2
                    else:
                        append(cells)
                        written += 1
            if row_no > first:
                merges.append((first, 1, row_no, 1))
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for row in ws.iter_rows(min_row=4, min_col=4, max_col=4):
        if isinstance(row[0].value, dt.datetime):
            row[0].number_format = "DD.MM.YYYY"
    wb.save(path)
    if shared:
        share_strings(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--inline-strings", action="store_true", help="texts inline, as openpyxl")
    args = parser.parse_args()
    make_workbook(args.out, args.rows, args.year, args.seed, shared=not args.inline_strings)
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

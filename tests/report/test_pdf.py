"""The yearly report as a PDF, read back with pypdf as a reader of the archive would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.domain.events_text import join_events
from spbgui.report import ReportOptions, save_pdf
from spbgui.report.content import SelectionError
from spbgui.report.files import ReportError, report_content
from spbgui.services.table_data import load_table
from spbgui.store.database import Database, open_database

from .conftest import flow_text, pdf_pages, squeeze

A4 = (595.3, 841.9)


def _names(expected: dict) -> list[str]:
    names = list(expected["regions"])
    names += [c["name"] for c in expected["countries"]]
    names += [p["name"] for p in expected["partners"] if p["name"]]
    return names


def _flow(path: Path, expected: dict, db: Database, options: ReportOptions) -> str:
    names = [c["name"] for c in expected["countries"]]
    names += [p["name"] for p in expected["partners"] if p["name"]]
    content = report_content(db=db, options=options)
    return flow_text(path, options.year, names, content, options.landscape)


def test_every_region_country_partner_and_event_is_there(report_pdf: Path, expected_2024, db_2024):  # type: ignore[no-untyped-def]
    text = _flow(report_pdf, expected_2024, db_2024, ReportOptions(2024)).casefold()
    missing = [n for n in _names(expected_2024) if squeeze(n).casefold() not in text]
    assert not missing
    events = [e for a in expected_2024["agreements"] for e in a["events"]]
    assert len(events) == 96
    missing = [e["text"] for e in events if squeeze(e["text"]).casefold() not in text]
    assert not missing
    for a in expected_2024["agreements"]:
        assert squeeze(a["title"]).casefold() in text


def test_each_event_is_written_date_dash_text_as_staff_write_them(  # type: ignore[no-untyped-def]
    report_pdf: Path, expected_2024, db_2024: Database
) -> None:
    """Each event as «date – text», the date as the table wrote it (issue 15)."""
    text = _flow(report_pdf, expected_2024, db_2024, ReportOptions(2024))
    table = load_table(db=db_2024, year=2024)
    events = [
        e for r in table.regions for c in r.countries for p in c.partners
        for a in p.agreements for e in a.events
    ]  # fmt: skip
    assert len(events) == 96
    for e in events:
        line = join_events([e])
        assert squeeze(line) in text, line
    assert squeeze("3-6 июля – визит делегации Научно-технологического парка") in text
    # written with a hyphen in the 2024 table, printed so (not rewritten to «28 ноября – 1 декабря»)
    assert squeeze("28 ноября - 1 декабря – визит делегации пров. Дьенбьен") in text


def test_pages_are_a4_landscape_with_fonts_embedded(report_pdf: Path) -> None:
    reader = PdfReader(report_pdf)
    fonts = set()
    for page in reader.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(A4[1], abs=1)
        assert float(box.height) == pytest.approx(A4[0], abs=1)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
            fonts.add(str(font["/BaseFont"]))
    assert any("PTSerif" in f for f in fonts), fonts


def test_every_page_is_numbered_and_none_is_empty(report_pdf: Path) -> None:
    pages = pdf_pages(report_pdf)
    total = len(pages)
    assert total > 3
    for n, page in enumerate(pages, 1):
        flat = squeeze(page)
        number = f"стр.{n}из{total}"
        assert number in flat
        body = flat.replace(number, "").replace(squeeze("Сотрудничество Санкт-Петербурга"), "")
        assert len(body) > 100, f"page {n} is nearly empty: {page!r}"


def test_column_headers_repeat_on_every_table_page(report_pdf: Path) -> None:
    pages = pdf_pages(report_pdf)
    table_pages = [p for p in pages if "Итоги2024года" not in squeeze(p)]
    assert len(table_pages) == len(pages) - 1
    for page in table_pages:
        flat = squeeze(page)
        for header in ("Страна", "Город", "Основаниедлясотрудничества", "мероприятияв2024году"):
            assert header.casefold() in flat.casefold()


def test_heading_and_summary(report_pdf: Path) -> None:
    pages = pdf_pages(report_pdf)
    first = squeeze(pages[0])
    assert squeeze("Сотрудничество Санкт-Петербурга с городами-партнёрами") in first
    assert squeeze("Основные мероприятия 2024 года") in first
    assert "Датаподготовки:" in first
    last = squeeze(pages[-1])
    assert "Итоги2024года" in last
    assert squeeze("Мероприятия 2024 года по месяцам и регионам") in last
    # The totals row: 26 countries, 37 partners, 41 agreements, 96 events.
    assert "Всего26374196" in last
    assert "бездаты(вдиаграммуневошли):7" in last


def test_portrait_without_summary(db_2024: Database, tmp_path: Path, expected_2024) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "portrait.pdf"
    options = ReportOptions(year=2024, summary=False, landscape=False)
    pages = save_pdf(db=db_2024, options=options, path=path)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=1)
    text = pdf_pages(path)
    assert not any("Итоги" in t for t in text)
    flat = _flow(path, expected_2024, db_2024, options).casefold()
    assert all(squeeze(n).casefold() in flat for n in _names(expected_2024))


def test_a_selection_prints_only_what_was_chosen(db_2024: Database, tmp_path: Path) -> None:
    path = tmp_path / "cis.pdf"
    options = ReportOptions(year=2024, regions=("СНГ",), countries=("Китай",))
    save_pdf(db=db_2024, options=options, path=path)
    flat = squeeze("".join(pdf_pages(path)))
    assert "Ташкент" in flat and "Пекин" in flat and "Минск" in flat
    assert "Хошимин" not in flat and "Будапешт" not in flat
    assert squeeze("Выборка — регионы: СНГ; страны: Китай.") in flat
    # The summary counts what was chosen: СНГ's 9 countries and China.
    assert "Всего10" in flat


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (ReportOptions(year=2024, regions=("Антарктида",)), "Региона «Антарктида» нет"),
        (ReportOptions(year=2024, countries=("Марс",)), "Страны «Марс» нет"),
    ],
)
def test_unknown_names_are_refused(db_2024: Database, options: ReportOptions, words: str) -> None:
    with pytest.raises(SelectionError, match=words):
        report_content(db=db_2024, options=options)


def test_an_empty_database_is_refused(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="нет ни одного партнёра"):
        save_pdf(db=db, options=ReportOptions(year=2024), path=tmp_path / "x.pdf")
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*"))


def test_a_year_without_events_still_lists_every_partner(
    db_2024: Database, tmp_path: Path, expected_2024
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "2025.pdf"
    save_pdf(db=db_2024, options=ReportOptions(year=2025), path=path)
    flat = _flow(path, expected_2024, db_2024, ReportOptions(year=2025)).casefold()
    assert all(squeeze(n).casefold() in flat for n in _names(expected_2024))
    assert "визит" not in flat
    assert "всего2637410" in squeeze("".join(pdf_pages(path))).casefold()  # the summary


def test_the_prepared_date_is_the_one_asked_for(db_2024: Database, tmp_path: Path) -> None:
    path = tmp_path / "dated.pdf"
    options = ReportOptions(year=2024, prepared=dt.date(2025, 1, 15), summary=False)
    save_pdf(db=db_2024, options=options, path=path)
    assert squeeze("Дата подготовки: 15 января 2025 г.") in squeeze(pdf_pages(path)[0])


def test_a_file_that_cannot_be_written_is_refused_and_the_old_one_kept(
    db_2024: Database, tmp_path: Path
) -> None:
    with pytest.raises(ReportError, match="такой папки нет"):
        save_pdf(db=db_2024, options=ReportOptions(2024), path=tmp_path / "no" / "r.pdf")


def test_a_partner_with_hundreds_of_events_breaks_between_lines(tmp_path: Path) -> None:
    """One row longer than several pages: split only between lines, header on each page."""
    from spbgui.services import edit

    db = open_database(tmp_path / "long.sqlite")
    try:
        region = edit.add_region(db=db, name="Европа").id
        country = edit.add_country(db=db, region_id=region, name="Сербия").id
        partner = edit.add_partner(db=db, country_id=country, name="Белград", kind="city").id
        edit.add_agreement(db=db, partner_id=partner, title="Соглашение о партнёрстве", dates=[])
        texts = [f"визит делегации номер {n} по важному вопросу сотрудничества" for n in range(150)]
        for n, t in enumerate(texts):
            when = EventDate(PartialDate(2024, n % 12 + 1, n % 28 + 1))
            edit.add_event(db=db, partner_id=partner, year=2024, date=when, text=t)
        path = tmp_path / "long.pdf"
        options = ReportOptions(year=2024, summary=False)
        save_pdf(db=db, options=options, path=path)
        content = report_content(db=db, options=options)
    finally:
        db.close()
    pages = pdf_pages(path)
    assert len(pages) >= 3
    flat = flow_text(path, 2024, ["Сербия", "Белград"], content)
    assert all(squeeze(t) in flat for t in texts)
    for page in pages:
        assert "Основаниедлясотрудничества" in squeeze(page)
    assert all(squeeze("Сербия (продолжение)") in squeeze(p) for p in pages[1:])

"""The clipboard's cells without the window: what Excel, LibreOffice and Word put there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from spbgui.io.clipboard import events_as_html, events_as_text, read_clipboard
from spbgui.io.html import html_grids
from spbgui.io.table.as_json import parsed_to_records
from spbgui.io.text.tsv import split_rows

cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"))


@given(st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=5))
def test_copied_cells_paste_back_as_the_same_cells(rows: list[list[str]]) -> None:
    """What events_as_text writes, the reader of pasted text splits into the same cells."""
    text = events_as_text(rows)
    assert split_rows(text.removesuffix("\r\n")) == rows


@given(st.lists(st.lists(cell_text, min_size=1, max_size=3), min_size=1, max_size=4))
def test_the_html_copy_reads_back_as_the_same_cells(rows: list[list[str]]) -> None:
    (grid,) = html_grids(events_as_html(rows), "t", 10_000)
    # The cells come back with white space folded and without the invisible characters
    # that are no part of a word (soft hyphen, zero-width spaces, BOM): see grid.normalize.
    invisible = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
    folded = [[" ".join(v.translate(invisible).split()) or None for v in row] for row in rows]
    for row in folded:
        while row and row[-1] is None:
            row.pop()
    got = [[" ".join(str(v).split()) if v is not None else None for v in row] for row in grid.rows]
    assert got == folded


@given(st.text(max_size=300))
def test_any_html_is_read_without_an_error(html: str) -> None:
    html_grids("<table><tr><td>" + html, "t", 10_000)


def test_rows_from_libreoffice_with_a_region_row_and_merges() -> None:
    html = (
        "<table><tr><td colspan=5>ЕВРОПА</td></tr>"
        "<tr><td rowspan=2>Сербия</td><td>Белград</td><td>Соглашение о партнёрстве</td>"
        "<td>сентябрь 2021 г.</td><td>2 июля – визит<br>8 июля – концерт</td></tr>"
        "<tr><td>Ниш</td><td>Соглашение о дружбе</td><td>2010</td><td></td></tr></table>"
    )
    pasted = read_clipboard(html, None, year=2025)
    records = parsed_to_records(pasted.table)
    assert records["regions"] == ["Европа"]
    assert [(p["country"], p["name"]) for p in records["partners"]] == [
        ("Сербия", "Белград"),
        ("Сербия", "Ниш"),
    ]
    assert records["agreements"][0]["dates"] == ["2021-09"]
    assert [e["start"] for e in records["agreements"][0]["events"]] == ["2025-07-02", "2025-07-08"]
    assert pasted.table.warnings == []


def test_rows_with_their_header_take_the_headers_year() -> None:
    text = (
        "Страна\tГород\tОснование для сотрудничества\tГод подписания\t"
        "Основные мероприятия в 2023 году\n"
        "СНГ\n"
        "Армения\tЕреван\tСоглашение\t1997\t28 марта – визит\n"
    )
    pasted = read_clipboard(None, text, year=2025)
    assert pasted.table.year == 2023
    (agreement,) = parsed_to_records(pasted.table)["agreements"]
    assert agreement["events"][0]["start"] == "2023-03-28"


def test_a_word_paragraph_list_of_events() -> None:
    html = (
        "<html><body><p class=MsoNormal>15 мая – визит делегации</p>"
        "<p class=MsoNormal>в рамках форума</p><p>Июнь – выставка</p></body></html>"
    )
    text = "15 мая – визит делегации\nв рамках форума\nИюнь – выставка\n"
    pasted = read_clipboard(html, text, year=2024)  # no table in the HTML: the text is read
    assert [(e.date.start_iso(), e.text) for e in pasted.events] == [
        ("2024-05-15", "визит делегации в рамках форума"),
        ("2024-06", "выставка"),
    ]


def test_an_impossible_date_is_kept_as_written_and_said() -> None:
    pasted = read_clipboard(None, "31 июня – визит\n2 июля – концерт", year=2024)
    assert [(e.date.written, e.date.not_understood, e.text) for e in pasted.events] == [
        ("31 июня", True, "визит"),
        ("", False, "концерт"),
    ]
    assert pasted.notes == [
        "дата «31 июня» не распознана (Нет такой даты: 31 июня.) — сохранена как написана, "
        "мероприятие пока без даты: «визит»"
    ]


def test_pasted_dates_in_every_form_kept_as_written() -> None:
    """Issue 15: the clipboard reads dates by the same grammar as the window and the import."""
    text = (
        "1 и 3 октября – форум\nIII квартал – выставка\n09.12.2023 – итоги\n"
        "конец марта\tвизит\n31.02\tприём"
    )
    pasted = read_clipboard(None, text, year=2024)
    assert [
        (e.date.start_iso(), e.date.end_iso(), e.date.written, e.text) for e in pasted.events
    ] == [
        ("2024-10-01", "2024-10-03", "1 и 3 октября", "форум"),
        ("2024-07", "2024-09", "III квартал", "выставка"),
        ("2023-12-09", "2023-12-09", "09.12.2023", "итоги"),
        ("2024-03", "2024-03", "конец марта", "визит"),
        (None, None, "31.02", "приём"),
    ]
    assert any("«09.12.2023» — 2023 год" in n for n in pasted.notes)
    assert any("«31.02» не распознана (Нет такой даты: 31 февраля.)" in n for n in pasted.notes)

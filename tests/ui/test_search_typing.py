"""Typing into the search field: the window keeps taking keys while a search runs, and
what stays on screen is the answer to what was typed last (issue 17, goal 3)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from spbgui.services import search
from spbgui.ui.actions import ActionId
from tests.ui import gestures


def _type(window, text: str) -> None:
    window.actions_[ActionId.FIND].trigger()
    gestures.type_text(window.search_field, text)


def test_fast_typing_ends_with_the_answer_to_the_last_text(window, qtbot) -> None:
    shown: list[str | None] = []
    window.search.resultReady.connect(lambda r: shown.append(None if r is None else r.query))
    _type(window, "ташкент")
    qtbot.waitUntil(lambda: window.search.answered("ташкент"))
    assert window.search_field.text() == "ташкент"
    assert gestures.tree_names(window.model) == ["СНГ", "Узбекистан", "Ташкент"]
    expected = search.search(db=window.db, query="ташкент", year=window.editor.year)
    assert [h.id for h in window.search.model.hits] == [h.id for h in expected.events]
    assert shown == ["ташкент"]  # one search for the whole word, not one per key
    # Backspace down to other words and on: the tree follows the text in the field.
    for _ in range(len("ент")):
        QTest.keyClick(window.search_field, Qt.Key.Key_Backspace)
    gestures.type_text(window.search_field, " этнографическом")
    assert window.search_field.text() == "ташк этнографическом"
    qtbot.waitUntil(lambda: window.search.answered("ташк этнографическом"))
    expected = search.search(db=window.db, query="ташк этнографическом", year=window.editor.year)
    assert [h.id for h in window.search.model.hits] == [h.id for h in expected.events]
    assert window.search.result is not None
    assert window.search.result.query == "ташк этнографическом"


def test_typing_goes_on_while_a_search_runs_and_its_stale_answer_is_dropped(
    window, qtbot, monkeypatch
) -> None:
    release = threading.Event()
    started = threading.Event()
    real = search.search

    def slow(**kwargs):
        if kwargs["query"] == "узб":
            started.set()
            assert release.wait(10), "the test never let the search finish"
        return real(**kwargs)

    monkeypatch.setattr(search, "search", slow)
    shown: list[str | None] = []
    window.search.resultReady.connect(lambda r: shown.append(None if r is None else r.query))
    _type(window, "узб")
    qtbot.waitUntil(started.is_set)  # the search of «узб» is under way on the worker
    # The window still takes keys and paints while that search holds the worker.
    gestures.type_text(window.search_field, "екистан")
    qtbot.wait(300)  # longer than the pause that starts a search
    assert window.search_field.text() == "узбекистан"
    assert not window.search.answered("узбекистан")
    release.set()
    qtbot.waitUntil(lambda: window.search.answered("узбекистан"))
    assert shown == ["узбекистан"]  # «узб»'s answer came too late and was never shown
    assert gestures.tree_names(window.model)[:2] == ["СНГ", "Узбекистан"]


def test_one_letter_is_answered_at_once_while_the_worker_is_busy(
    window, qtbot, monkeypatch
) -> None:
    """«Type at least two letters» needs no database: it is not queued behind a search or
    the reading ahead that Ctrl+F starts on the worker (it waited 180 ms in make bench)."""
    release = threading.Event()
    started = threading.Event()
    real = search.search

    def slow(**kwargs):
        started.set()
        assert release.wait(10), "the test never let the search finish"
        return real(**kwargs)

    monkeypatch.setattr(search, "search", slow)
    _type(window, "узб")
    qtbot.waitUntil(started.is_set)  # the worker is held
    window.search_field.clear()
    gestures.type_text(window.search_field, "т")
    said = window.search.tr("Type at least two letters.")
    qtbot.waitUntil(lambda: window.search.summary.text() == said, timeout=2000)
    assert not release.is_set()  # said while the worker was still held
    release.set()
    gestures.type_text(window.search_field, "аш")
    qtbot.waitUntil(lambda: window.search.answered("таш"))
    assert window.search.result is not None and window.search.result.query == "таш"


def test_escape_while_a_search_runs_leaves_the_whole_tree(window, qtbot, monkeypatch) -> None:
    release = threading.Event()
    real = search.search

    def slow(**kwargs):
        assert release.wait(10)
        return real(**kwargs)

    monkeypatch.setattr(search, "search", slow)
    _type(window, "ташк")
    qtbot.waitUntil(lambda: window.search._running is not None)
    QTest.keyClick(window.search_field, Qt.Key.Key_Escape)
    release.set()
    qtbot.waitUntil(lambda: window.search.answered(""))
    qtbot.wait(50)
    assert window.search.result is None and not window.search.isVisible()
    assert len(gestures.tree_names(window.model, depth=1)) == 5


def test_a_search_after_an_edit_shows_the_new_counts(window, qtbot, select_partner) -> None:
    """The levels read for earlier searches are forgotten when the records change."""

    def tashkent_count() -> str:
        model = window.model
        for r in range(model.rowCount()):
            region = model.index(r, 0)
            model.fetch(region)
            for c in range(model.rowCount(region)):
                country = model.index(c, 0, region)
                model.fetch(country)
                for p in range(model.rowCount(country)):
                    if model.index(p, 0, country).data() == "Ташкент":
                        return model.index(p, 1, country).data()
        raise AssertionError("Ташкент is not shown")

    _type(window, "ташк")
    qtbot.waitUntil(lambda: window.search.answered("ташк"))
    before = int(tashkent_count() or 0)
    window.search_field.clear()
    qtbot.waitUntil(lambda: window.search.answered(""))
    select_partner("Ташкент")
    events = window.details.partner.events
    events.new_date.setText("15-17 января")
    events.new_text.setText("ещё один визит")
    events.new_button.click()
    _type(window, "узб")
    qtbot.waitUntil(lambda: window.search.answered("узб"))
    assert int(tashkent_count()) == before + 1


def test_typing_on_stops_the_search_under_way(window, qtbot, monkeypatch) -> None:
    """A search whose text is gone is stopped, not waited for: the next answers at once."""
    real = search.search
    stopped: list[str] = []

    def stuck(**kwargs):
        cancel = kwargs["cancel"]
        if kwargs["query"] == "узб":
            for _ in range(1000):  # a statement running until it is told to stop
                if cancel.cancelled:
                    stopped.append(kwargs["query"])
                    raise search.Cancelled
                threading.Event().wait(0.01)
            raise AssertionError("the search of «узб» was never stopped")
        return real(**kwargs)

    monkeypatch.setattr(search, "search", stuck)
    shown: list[str | None] = []
    window.search.resultReady.connect(lambda r: shown.append(None if r is None else r.query))
    _type(window, "узб")
    qtbot.waitUntil(lambda: window.search._running is not None)
    gestures.type_text(window.search_field, "екистан")
    qtbot.waitUntil(lambda: window.search.answered("узбекистан"), timeout=3000)
    assert stopped == ["узб"]
    assert shown == ["узбекистан"]
    assert gestures.tree_names(window.model)[:2] == ["СНГ", "Узбекистан"]


def test_the_tree_levels_are_read_ahead_when_the_field_takes_focus(window, qtbot) -> None:
    """Ctrl+F starts reading what the filtered tree is cut from, before the first key."""
    db, year = window.db, window.editor.year
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    assert not window.search._levels.has(db, year)
    window.actions_[ActionId.FIND].trigger()
    qtbot.waitUntil(lambda: window.search._levels.has(db, year))
    assert window.search_field.text() == ""  # nothing searched yet
    window.search.forget_tree()  # the records changed: read again before the next search
    assert not window.search._levels.has(db, year)


def test_a_big_years_map_is_read_ahead_when_the_field_takes_focus(
    window, qtbot, monkeypatch
) -> None:
    """Ctrl+F also reads the year's event → partner map a search of a big year keeps, so
    that the first common prefix typed does not wait for it."""
    monkeypatch.setattr(search, "OWNERS_FROM", 1)  # the 2024 table counts as big here
    read: list[int] = []
    made = search._YearOwners
    monkeypatch.setattr(search, "_YearOwners", lambda *a: read.append(a[2]) or made(*a))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.actions_[ActionId.FIND].trigger()
    qtbot.waitUntil(lambda: read == [window.editor.year])
    gestures.type_text(window.search_field, "виз")
    qtbot.waitUntil(lambda: window.search.answered("виз"))
    assert read == [window.editor.year]  # the search used the map read ahead


def test_the_selection_kept_through_a_search_is_found_without_reading_the_database(
    window, qtbot, select_partner, monkeypatch
) -> None:
    """The partner selected stays selected, its country opened from the rows the worker
    read ahead: the GUI thread does not look its path up in the database."""
    select_partner("Ташкент")
    from spbgui.ui import navigation

    def no_reading(**_kwargs):
        raise AssertionError("the path was read on the GUI thread")

    monkeypatch.setattr(navigation.tree, "path", no_reading)
    monkeypatch.setattr(navigation, "EXPAND_ALL_LIMIT", -1)  # as if thousands were found:
    _type(window, "узбекистан")  # only the regions are opened by the search
    qtbot.waitUntil(lambda: window.search.answered("узбекистан"))
    assert window.tree.current_ref() is not None
    assert window.model.row_of(window.tree.currentIndex()).name == "Ташкент"

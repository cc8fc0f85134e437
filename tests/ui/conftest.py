"""Fixtures of the window tests: the 2024 table written through the editing services.

The records come from ``tests/data/cooperation_2024.expected.json`` (what
an import of the 2024 workbook must give), written with the same services the
window uses, so these tests do not depend on the importer.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from spbgui.domain.dates import EventDate, PartialDate
from spbgui.services import edit
from spbgui.store.database import Database, open_database
from tests.ui.windows import shown_window


def fill_from_expected(db: Database, expected: dict[str, Any]) -> None:
    regions = {name: edit.add_region(db=db, name=name).id for name in expected["regions"]}
    countries = {
        c["name"]: edit.add_country(db=db, region_id=regions[c["region"]], name=c["name"]).id
        for c in expected["countries"]
    }
    partners: dict[tuple[str, str | None], int] = {}
    for p in expected["partners"]:
        kind = "country" if p["name"] is None else "city"
        partners[(p["country"], p["name"])] = edit.add_partner(
            db=db, country_id=countries[p["country"]], name=p["name"], kind=kind
        ).id
    year = expected["year"]
    for a in expected["agreements"]:
        pid = partners[(a["country"], a["partner"])]
        aid = edit.add_agreement(
            db=db,
            partner_id=pid,
            title=a["title"],
            dates=[PartialDate.from_iso(d) for d in a["dates"]],
        ).id
        for e in a["events"]:
            date = (
                EventDate(PartialDate.from_iso(e["start"]), PartialDate.from_iso(e["end"]))
                if e["start"]
                else EventDate()
            )
            edit.add_event(
                db=db, partner_id=pid, year=year, date=date, text=e["text"], agreement_id=aid
            )


@pytest.fixture(scope="session")
def _sample_file(tmp_path_factory: pytest.TempPathFactory, expected_2024: dict[str, Any]) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.sqlite"
    database = open_database(path)
    fill_from_expected(database, expected_2024)
    database.close()  # the last connection to close folds the WAL into the file
    return path


@pytest.fixture
def sample_db(db_path: Path, _sample_file: Path) -> Database:
    """A fresh copy of the 2024 records for each test, in its own file."""
    shutil.copyfile(_sample_file, db_path)
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture(autouse=True)
def _app_names(qapp):
    """QSettings of the tests go to the private home of tests/conftest.py, under our names."""
    qapp.setOrganizationName("spbgui-tests")
    qapp.setApplicationName("spbgui-tests")
    from PySide6.QtCore import QSettings

    QSettings().clear()


@pytest.fixture
def window(qtbot, sample_db: Database):
    return shown_window(qtbot, sample_db)


@pytest.fixture
def empty_window(qtbot, db: Database):
    """The window on an empty database (no first-start question: it is asked by app.main)."""
    return shown_window(qtbot, db)


@pytest.fixture
def select_partner(window):
    """A function that selects a partner of the tree by name, as a click would; returns its id."""
    from spbgui.services import details, search
    from spbgui.services.changes import NodeRef

    def select(name: str) -> int:
        found = search.search(db=window.db, query=name, year=None).partners
        ids = [p for p in found if details.partner(db=window.db, partner_id=p).name == name]
        assert len(ids) == 1, (name, found)
        assert window.tree.select_ref(window.db, NodeRef.partner(ids[0]))
        assert window.details.currentWidget() is window.details.partner
        return ids[0]

    return select


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Messages the window would show in a modal box, collected instead of blocking the test."""
    from spbgui.ui.dialogs import MessageDialog
    from spbgui.ui.error_dialog import ErrorDialog

    shown: list[str] = []

    def record(cls, parent, *texts):
        shown.append(" | ".join(str(t) for t in texts))

    monkeypatch.setattr(MessageDialog, "warn", classmethod(record))
    monkeypatch.setattr(MessageDialog, "inform", classmethod(record))
    monkeypatch.setattr(ErrorDialog, "show_unexpected", classmethod(record))
    monkeypatch.setattr(ErrorDialog, "show_user_error", classmethod(record))
    return shown


@pytest.fixture(autouse=True)
def pending_questions(monkeypatch):
    """«What you typed is not saved» questions, answered «discard» and collected, so that
    a window closed at the end of a test never waits on a modal box. Tests of the
    question itself patch it again with their own answer."""
    from spbgui.ui.dialogs import PendingDialog

    asked: list[tuple[str, list[str]]] = []

    def record(cls, parent, leaving, pending):
        asked.append((leaving, list(pending)))
        return True

    monkeypatch.setattr(PendingDialog, "ask", classmethod(record))
    return asked


@pytest.fixture
def russian(qapp):
    """The program's translations (Qt's own and ours) installed, as the program starts."""
    from spbgui.app import install_translations

    translators = install_translations(qapp)
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


class DateAnswers:
    """The clerk's answers to the questions about a typed date, and the questions asked."""

    def __init__(self) -> None:
        from spbgui.ui.date_questions import YearChoice

        self.keep_as_written = False  # «Correct the Date» unless a test says otherwise
        self.year_choice = YearChoice.CANCEL
        self.asked: list[tuple[str, ...]] = []


@pytest.fixture(autouse=True)
def date_answers(monkeypatch):
    """Answers the date questions (keep as written? put in another year?) without a modal box."""
    from spbgui.ui.date_questions import KeepAsWritten, OtherYear

    answers = DateAnswers()

    def keep(cls, parent, text, why):
        answers.asked.append(("keep", text, why))
        return answers.keep_as_written

    def other(cls, parent, written, year, table_year):
        answers.asked.append(("year", written, str(year), str(table_year)))
        return answers.year_choice

    monkeypatch.setattr(KeepAsWritten, "ask", classmethod(keep))
    monkeypatch.setattr(OtherYear, "ask", classmethod(other))
    return answers


@pytest.fixture(scope="session", autouse=True)
def _clipboard_emptied_at_the_end(qapp):
    """Data left on the clipboard by a copy crashed the interpreter at exit (offscreen
    platform, the clipboard's data freed after the application): emptied first."""
    yield
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()

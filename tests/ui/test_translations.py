"""The Russian translation is complete, matches the sources, and the .qm says what the .ts says.

Fails on any unfinished message, on a string in the code that is missing from
the .ts (run ``packaging/i18n.py update``), on a placeholder lost in
translation, and on a .qm that was not rebuilt after the .ts changed (run
``packaging/i18n.py release``).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"%n|%\d|\{\w*\}")
RUSSIAN_PLURAL_FORMS = 3


def _messages(ts: Path):  # type: ignore[no-untyped-def]
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def _key(name: str, message: ET.Element) -> tuple[str, str, str]:
    return name, message.findtext("source") or "", message.findtext("comment") or ""


def test_every_message_is_finished() -> None:
    lang = "ru"
    ts = TS_DIR / f"spbgui_{lang}.ts"
    unfinished = []
    for name, message in _messages(ts):
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if lang == "ru" and len(forms) != RUSSIAN_PLURAL_FORMS:
                unfinished.append((name, message.findtext("source"), "plural forms"))
            texts = forms
        else:
            texts = [translation.text or ""]
        if kind in ("unfinished", "vanished", "obsolete") or not all(t.strip() for t in texts):
            unfinished.append((name, message.findtext("source"), kind))
    assert unfinished == [], f"unfinished messages in {ts.name}: {unfinished}"


def test_russian_keeps_every_placeholder() -> None:
    wrong = []
    for name, message in _messages(TS_DIR / "spbgui_ru.ts"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                wrong.append((name, source, form))
    assert wrong == []


def test_the_ts_file_has_every_string_of_the_code(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            _lupdate(i18n),
            *i18n.sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    in_code = {_key(n, m) for n, m in _messages(fresh)}
    in_ts = {_key(n, m) for n, m in _messages(TS_DIR / "spbgui_ru.ts")}
    assert in_code - in_ts == set(), "run `python packaging/i18n.py update` and translate"
    assert in_ts - in_code == set(), "the .ts holds strings the code no longer has: update"


def _lupdate(i18n) -> str:  # type: ignore[no-untyped-def]
    """Qt's lupdate beside the Qt libraries; the pyside6-lupdate wrapper as a fallback."""
    import PySide6.QtCore

    binary = Path(PySide6.QtCore.__file__).parent / "lupdate"
    return str(binary) if binary.exists() else i18n.tool("pyside6-lupdate")


def test_the_qm_is_built_from_the_ts(qapp) -> None:  # type: ignore[no-untyped-def]
    ts = TS_DIR / "spbgui_ru.ts"
    qm = ts.with_suffix(".qm")
    assert qm.exists(), "run `python packaging/i18n.py release`"
    translator = QTranslator()
    assert translator.load(str(qm))
    stale = []
    for name, message in _messages(ts):
        source = message.findtext("source") or ""
        comment = message.findtext("comment")
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            # 1 and 5 pick the first and the last form
            for n, form in ((1, forms[0]), (5, forms[-1])):
                if translator.translate(name, source, comment, n) != form:
                    stale.append((name, source, n))
        elif translator.translate(name, source, comment) != (translation.text or ""):
            stale.append((name, source))
    assert stale == [], f"{qm.name} is older than {ts.name}: run `python packaging/i18n.py release`"


def test_the_window_speaks_russian(qtbot, qapp, sample_db) -> None:  # type: ignore[no-untyped-def]
    from spbgui.app import install_translations
    from spbgui.ui.actions import ActionId
    from spbgui.ui.main_window import MainWindow

    translators = install_translations(qapp)
    try:
        assert len(translators) == 3  # qtbase, what qtbase leaves in English, and ours
        window = MainWindow(sample_db)
        qtbot.addWidget(window)
        assert window.actions_[ActionId.UNDO].text() == "&Отменить"
        assert "Партнёров: 37" in window.counts_label.text()
        assert window.menuBar().actions()[0].text() == "&Файл"
        assert window.details.partner.events.new_button.text() == "Добавить"
    finally:
        for tr in translators:
            qapp.removeTranslator(tr)

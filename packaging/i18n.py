"""Keep the translations up to date: extract, fill, compile.

    python packaging/i18n.py update            # pyside6-lupdate over the UI sources
    python packaging/i18n.py fill ru FILE.json # set translations from {source: text or [forms]}
    python packaging/i18n.py release           # pyside6-lrelease → .qm beside each .ts

The .qm files are committed: the installed program needs them and a wheel build
has no Qt tools. tests/ui/test_translations.py fails on an unfinished message or
a .qm that is older than its .ts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("ru",)


def sources() -> list[str]:
    files = [ROOT / "spbgui" / "app.py"]
    for sub in ("ui", "report"):
        files += sorted((ROOT / "spbgui" / sub).rglob("*.py"))
    return [str(f) for f in files]


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def update() -> None:
    for lang in LANGS:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                lang,
                "-ts",
                str(TS_DIR / f"spbgui_{lang}.ts"),
            ],
            check=True,
        )


def fill(lang: str, mapping_file: str | None) -> None:
    path = TS_DIR / f"spbgui_{lang}.ts"
    mapping = json.loads(Path(mapping_file).read_text("utf-8")) if mapping_file else {}
    tree = ET.parse(path)
    for msg in tree.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if tr.get("type") != "unfinished":
            continue  # finished by hand: a fill never overwrites (one source, many contexts)
        value = mapping.get(src)
        if value is None and lang == "en":
            # English is the source language: a new message translates to itself
            # (plural forms are then written by hand: "%n event" / "%n events").
            value = [src, src] if msg.get("numerus") == "yes" else src
        if value is None:
            continue
        if msg.get("numerus") == "yes":
            forms = value if isinstance(value, list) else [value]
            for child in list(tr):
                tr.remove(child)
            for f in forms:
                ET.SubElement(tr, "numerusform").text = f
        else:
            tr.text = value
        tr.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    text = path.read_text("utf-8").replace("<TS ", "<!DOCTYPE TS>\n<TS ", 1)
    path.write_text(text, "utf-8")


def release() -> None:
    for lang in LANGS:
        # Ours, and the few Qt strings qtbase leaves in English (written by hand).
        for ts in (TS_DIR / f"spbgui_{lang}.ts", TS_DIR / f"qtbase_extra_{lang}.ts"):
            _release(ts)


def _release(ts: Path) -> None:
    if ts.exists():
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "update"
    if cmd == "update":
        update()
    elif cmd == "fill":
        fill(sys.argv[2], sys.argv[3])
    elif cmd == "release":
        release()
    else:
        sys.exit(f"unknown command {cmd}")

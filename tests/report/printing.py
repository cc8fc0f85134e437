"""Printed pages as a reader sees them: each output rendered, its words and ruled lines found.

The Word and Excel files go through LibreOffice headless (``soffice --convert-to pdf``),
as a secretary opening them would print them; every PDF is then read with poppler:
``pdftotext -bbox`` gives each word's box on the page, ``pdftoppm`` a grey image
without antialiasing in which the table's ruled lines are long runs of dark pixels.
A word crossed by a ruled line has run out of its cell; two words that overlap have
run into each other.

The pages are also kept as PNG files in ``artifacts/printed/<name>/`` (ignored by
git) for a person to look at; the slow tests print where.

The tools come from the apt packages ``libreoffice-calc libreoffice-writer
poppler-utils``. Without them the tests are skipped on a workstation and fail under
CI (``CI=true``), where a missing tool must not pass for a green run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "printed"
APT = "libreoffice-calc libreoffice-writer poppler-utils"
DPI = 100  # the analysis images: a 0.5 pt line is one pixel, a letter ten
RULE_PX = 30  # a ruled line is at least this long (about 8 mm); letters are shorter
kept: list[Path] = []  # folders of rendered pages, for the end-of-run summary


def tool(name: str, *alternatives: str) -> str:
    """The path of a command-line tool; skipped without it, or failed under CI."""
    for candidate in (name, *alternatives):
        if found := shutil.which(candidate):
            return found
    message = f"«{name}» is not installed (apt-get install {APT})"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(message + ": the printed-output checks cannot be left out under CI")
    pytest.skip(message)


def soffice_pdf(source: Path, folder: Path) -> Path:
    """``source`` (.xlsx, .docx) printed to PDF by LibreOffice, with a private profile."""
    soffice = tool("soffice", "libreoffice")
    profile = (folder / "lo-profile").as_uri()
    run = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    pdf = folder / (source.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not print {source.name}: {run.stdout}{run.stderr}"
    return pdf


def keep_pages(pdf: Path, name: str) -> Path:
    """The PDF's pages as PNG files in artifacts/printed/<name>/ (the old ones replaced)."""
    folder = ARTIFACTS / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy(pdf, folder / pdf.name)
    subprocess.run(
        [tool("pdftoppm"), "-png", "-r", "60", str(pdf), str(folder / "page")], check=True
    )
    kept.append(folder)
    return folder


@dataclass(frozen=True)
class Word:
    text: str
    x0: float  # points from the page's left and top
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int
    width: float  # points
    height: float
    words: list[Word]
    vertical: list[tuple[float, float, float]]  # ruled lines: x, y from, y to (points)
    horizontal: list[tuple[float, float, float]]  # y, x from, x to

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def find(self, phrase: str) -> list[Word]:
        """The first word of each place where the words of ``phrase`` follow each other."""
        parts = phrase.split()
        texts = [w.text for w in self.words]
        return [
            self.words[i]
            for i in range(len(texts) - len(parts) + 1)
            if texts[i : i + len(parts)] == parts
        ]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def read_pages(pdf: Path) -> list[Page]:
    """Every page's words and ruled lines."""
    out = subprocess.run(
        [tool("pdftotext"), "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for n, m in enumerate(_PAGE.finditer(out), 1):
        words = [
            Word(unescape(w[5]), float(w[1]), float(w[2]), float(w[3]), float(w[4]))
            for w in _WORD.finditer(m[3])
        ]
        vertical, horizontal = _rules(pdf, n)
        pages.append(Page(n, float(m[1]), float(m[2]), words, vertical, horizontal))
    return pages


def _rules(pdf: Path, n: int) -> tuple[list, list]:  # type: ignore[type-arg]
    """The ruled lines of page ``n``: thin straight runs of dark pixels, in points."""
    grey = subprocess.run(
        [tool("pdftoppm"), "-gray", "-aaVector", "no", "-aa", "no", "-r", str(DPI),
         "-f", str(n), "-l", str(n), str(pdf)],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", grey)
    assert header, "pdftoppm gave no greyscale image"
    width, height = int(header[1]), int(header[2])
    pixels = grey[header.end() : header.end() + width * height]
    scale = 72 / DPI
    dark = re.compile(rb"[\x00-\x8f]{%d,}" % RULE_PX)
    columns = [pixels[x::width] for x in range(width)]
    rows = [pixels[y * width : (y + 1) * width] for y in range(height)]
    return (
        [(x * scale, a * scale, b * scale) for x, a, b in _thin(columns, dark)],
        [(y * scale, a * scale, b * scale) for y, a, b in _thin(rows, dark)],
    )


def _thin(lines: list[bytes], dark: re.Pattern[bytes]) -> list[tuple[int, int, int]]:
    """Runs of dark pixels along each line that the lines beside do not share: a rule
    is one to three pixels thick; a filled area (a bar of the chart, a shaded cell's
    edge) is wider."""
    runs = {i: [(m.start(), m.end()) for m in dark.finditer(line)] for i, line in enumerate(lines)}
    found = []
    beside = (-4, -3, 3, 4)
    for i, spans in runs.items():
        for a, b in spans:
            points = [a + (b - a) * k // 4 for k in (1, 2, 3)]
            filled = sum(
                any(0 <= i + d < len(lines) and lines[i + d][x] < 0x90 for d in beside)
                for x in points
            )
            if filled < 2:  # dark beside it at most once: a line, not a filled area
                found.append((i, a, b))
    return found


def crossings(page: Page, margin: float = 1.0) -> list[str]:
    """Words that a ruled line runs through: text out of its cell."""
    found = []
    for w in page.words:
        for x, a, b in page.vertical:
            if w.x0 + margin < x < w.x1 - margin and a < w.y0 + margin and w.y1 - margin < b:
                found.append(f"«{w.text}» crosses a vertical rule at x={x:.0f}")
        for y, a, b in page.horizontal:
            if w.y0 + margin < y < w.y1 - margin and a < w.x0 and w.x1 < b:
                found.append(f"«{w.text}» crosses a horizontal rule at y={y:.0f}")
    return found


def overlaps(page: Page, share: float = 0.3) -> list[str]:
    """Pairs of words that cover each other: text run into text."""
    found = []
    words = sorted(page.words, key=lambda w: w.x0)
    for i, a in enumerate(words):
        for b in words[i + 1 :]:
            if b.x0 >= a.x1:
                break
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            smaller = min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0))
            if dx > 0 and dy > 0 and dx * dy > share * smaller:
                found.append(f"«{a.text}» and «{b.text}» overlap")
    return found


def page_number_problems(pages: list[Page], word: str) -> list[str]:
    """Pages without «<word> N из M» at their foot."""
    total = len(pages)
    problems = []
    for p in pages:
        hits = [w for w in p.find(f"{word} {p.number} из {total}") if w.y0 > 0.85 * p.height]
        if not hits:
            problems.append(f"page {p.number} has no «{word} {p.number} из {total}» at its foot")
    return problems

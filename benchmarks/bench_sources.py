"""How long each source takes to read a table: the files given, or the 2024 table's copies.

    python benchmarks/bench_sources.py [--repeat 5] [FILE ...]

Without files: the 2024 workbook and published text of tests/data, .ods and
.xls copies of the workbook and a Word copy of the text (paragraphs with
tabs) made by LibreOffice (when installed) in a temporary folder. Prints, per
file, the kind io.sources chose, the events read and the best of ``--repeat``
reads through io.sources.read_file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spbgui.io.sources import read_file, sniff  # noqa: E402

DATA = ROOT / "tests" / "data"


def _copies(folder: Path) -> list[Path]:
    files = [DATA / "cooperation_2024.xlsx", DATA / "cooperation_2024.txt"]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return files
    for fmt in ("xls:MS Excel 97", "ods"):
        subprocess.run(
            [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
             "--convert-to", fmt, "--outdir", str(folder), str(files[0])],
            capture_output=True, timeout=300, check=False,
        )  # fmt: skip
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML",
         "--outdir", str(folder), str(DATA / "cooperation_2024.txt")],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    return files + sorted(p for p in folder.iterdir() if p.suffix in (".xls", ".ods", ".docx"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files or _copies(Path(tmp))
        for path in files:
            best, table = float("inf"), None
            for _ in range(args.repeat):
                start = time.perf_counter()
                table = read_file(path)
                best = min(best, time.perf_counter() - start)
            assert table is not None
            print(
                f"{path.name:32s} {sniff(path).key:5s} events {table.counts()['events']:5d} "
                f"{best * 1000:8.1f} ms"
            )


if __name__ == "__main__":
    main()

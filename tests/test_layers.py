"""The layers of ARCHITECTURE.md hold: a wrong import arrow fails the suite.

The directions are written once, as import-linter contracts in pyproject.toml
([tool.importlinter]); this test runs them. import-linter sees an external
package only as a whole (PySide6), so the one rule about a Qt submodule is
checked here from the source: outside the window, only the report's chart may
use QtWidgets (QtCharts draws on a QGraphicsScene).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "spbgui"
WIDGETS_ALLOWED = {"ui", "app.py", "report/chart.py"}


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    # the contracts were read and checked: an empty config would also exit 0
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    n = len(contracts["contracts"])
    assert n >= 5
    assert f"Contracts: {n} kept, 0 broken." in result.stdout, result.stdout[-2000:]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_window_uses_qtwidgets() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.split("/")[0] in WIDGETS_ALLOWED or rel in WIDGETS_ALLOWED:
            continue
        if any(name.startswith("PySide6.QtWidgets") for name in _imports(path)):
            offenders.append(rel)
    assert offenders == []

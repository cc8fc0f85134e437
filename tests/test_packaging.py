"""The installable program: the icon files, and (slow) the PyInstaller folder and the .deb.

The slow test builds with the same script as ``make package`` (packaging/build.py)
into a temporary folder and then uses the built program as staff would: its
``spbgui-cli`` from outside the source tree, on a new database, with the 2024
table. ``make test`` leaves it out; ``make test-slow`` (and so CI) runs it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from spbgui import __version__

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "data"
ICON_DIR = ROOT / "resources" / "icons" / "app"
EXE = ".exe" if sys.platform == "win32" else ""


def _load(name: str) -> ModuleType:
    """A script from packaging/ (a folder of scripts, not a package) as a module."""
    spec = importlib.util.spec_from_file_location(f"_pkg_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the icon: quick, part of `make test` -------------------------------------------


def test_icon_pngs_have_their_sizes() -> None:
    make_icons = _load("make_icons")
    for size in make_icons.PNG_SIZES:
        image = QImage(str(ICON_DIR / make_icons.png_name(size)))
        assert not image.isNull(), size
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        corner = image.pixelColor(0, 0)
        assert corner.alpha() == 0, "the rounded corners are transparent"


def test_ico_holds_every_size_windows_asks_for() -> None:
    make_icons = _load("make_icons")
    data = (ICON_DIR / "spbgui.ico").read_bytes()
    assert make_icons.read_ico_sizes(data) == [16, 24, 32, 48, 64, 128, 256]
    # the 256 entry is PNG-compressed, the others are DIBs with a 40-byte header
    count = struct.unpack_from("<H", data, 4)[0]
    for i in range(count):
        width, _h, _c, _r, _p, _bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        blob = data[offset : offset + length]
        if width == 0:
            assert blob.startswith(b"\x89PNG")
        else:
            assert struct.unpack_from("<I", blob)[0] == 40
            assert length == 40 + width * width * 4 + ((width + 31) // 32) * 4 * width


def test_committed_icons_match_the_svg(qapp) -> None:
    """Someone who edits spbgui.svg must run packaging/make_icons.py as well.

    (``qapp`` first: the script would otherwise make a QGuiApplication of its own.)
    """
    assert _load("make_icons").main(["--check"]) == 0


def test_app_icon_offers_every_size(qapp) -> None:
    from spbgui.ui.icon import SIZES, app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert [s.width() for s in icon.availableSizes()] == list(SIZES)
    assert icon.pixmap(QSize(32, 32)).width() == 32


# --- the built program: slow, `make test-slow` ----------------------------------------


def slow(test):
    """Marked slow, and allowed more than the suite's 600 s: the first one to run also
    builds (about two minutes here; pytest-timeout counts fixture set-up)."""
    return pytest.mark.slow(pytest.mark.timeout(1800)(test))


def _run(*args: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ of `make package`, built into a temporary folder by the same script."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is not installed: run `make test-slow` (installs '.[package]')")
    tmp = tmp_path_factory.mktemp("package")
    what = "all" if shutil.which("dpkg-deb") else "folder"
    started = time.monotonic()
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            what,
            "--dist",
            str(tmp / "dist"),
            "--work",
            str(tmp / "build"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-5000:]
    print(f"\n{r.stdout.strip()}\nbuild.py {what}: {time.monotonic() - started:.0f} s")
    return tmp / "dist"


@slow
def test_built_cli_reports_its_version(built: Path, tmp_path: Path) -> None:
    r = _run(built / "spbgui" / f"spbgui-cli{EXE}", "--version", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"spbgui {__version__}"


@slow
def test_built_cli_imports_the_2024_table(built: Path, tmp_path: Path) -> None:
    cli = built / "spbgui" / f"spbgui-cli{EXE}"
    db = tmp_path / "records.sqlite"
    table = FIXTURES / "cooperation_2024.xlsx"
    assert table.exists(), f"the test data is missing: {table}"

    r = _run(cli, "import", table, "--db", db, "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    expected = {"regions": 5, "countries": 26, "partners": 37, "agreements": 41, "events": 96}
    counts = json.loads(r.stdout)["counts"]
    assert {k: counts[k] for k in expected} == expected

    info = _run(cli, "info", "--db", db, cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    stored = json.loads(info.stdout)
    assert {k: stored["counts"][k] for k in expected} == expected
    assert 2024 in stored["years"]


@slow
def test_built_cli_writes_the_report(built: Path, tmp_path: Path) -> None:
    """PDF through QtGui and Word through python-docx's bundled template, frozen."""
    cli = built / "spbgui" / f"spbgui-cli{EXE}"
    db = tmp_path / "records.sqlite"
    imported = _run(cli, "import", FIXTURES / "cooperation_2024.xlsx", "--db", db, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    for name, magic in (("report.pdf", b"%PDF"), ("report.docx", b"PK")):
        r = _run(cli, "report", "--db", db, "-o", tmp_path / name, cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).read_bytes().startswith(magic), name
    with zipfile.ZipFile(tmp_path / "report.docx") as z:
        assert "word/document.xml" in z.namelist()


@slow
def test_built_window_starts(built: Path, tmp_path: Path) -> None:
    """The window program imports all it needs and keeps running (offscreen, no screen)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.Popen(
        [str(built / "spbgui" / f"spbgui{EXE}"), "--db", str(tmp_path / "w.sqlite")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(10)
        alive = proc.poll() is None
    finally:
        proc.kill()
        _out, err = proc.communicate(timeout=30)
    assert alive, f"the window program exited with {proc.returncode}: {err[-3000:]}"
    assert "Traceback" not in err, err[-3000:]


@slow
def test_bundle_layout(built: Path) -> None:
    internal = built / "spbgui" / "_internal"
    versions = internal / "spbgui" / "_db" / "versions"
    assert (internal / "spbgui" / "_db" / "env.py").is_file()
    assert sorted(p.name for p in versions.glob("*.py")) == sorted(
        p.name for p in (ROOT / "db" / "versions").glob("*.py")
    ), "Alembic loads the revisions by path: every one must be there as source"
    assert (internal / "spbgui" / "_resources" / "translations" / "spbgui_ru.qm").is_file()
    assert (internal / "spbgui" / "_resources" / "icons" / "app" / "spbgui-256.png").is_file()
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ru.qm").is_file()
    names = {p.name for p in internal.rglob("*")}
    for heavy in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6"):
        assert heavy not in names, f"{heavy} should not be in the build"
    assert not list(internal.rglob("__pycache__"))


@slow
@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="the .deb is built on Debian only")
def test_deb_installs_menu_entry_icons_and_commands(built: Path) -> None:
    deb = built / f"spbgui_{__version__}_{_arch()}.deb"
    assert deb.is_file()
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    for needed in (
        "./opt/spbgui/spbgui",
        "./opt/spbgui/spbgui-cli",
        "./usr/bin/spbgui -> /opt/spbgui/spbgui",
        "./usr/bin/spbgui-cli -> /opt/spbgui/spbgui-cli",
        "./usr/share/applications/spbgui.desktop",
        "./usr/share/icons/hicolor/48x48/apps/spbgui.png",
        "./usr/share/icons/hicolor/scalable/apps/spbgui.svg",
        "./opt/spbgui/_internal/spbgui/_db/versions/0001_initial.py",
    ):
        assert needed in listing, needed

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == "spbgui"
    assert field("Version") == __version__
    depends = field("Depends")
    for lib in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "fontconfig", "libc6 (>="):
        assert lib in depends


def _arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()

"""Build the installable program: the PyInstaller folder, then (on Linux) the .deb.

    python packaging/build.py folder   # dist/spbgui/ from packaging/spbgui.spec
    python packaging/build.py deb      # dist/spbgui_<version>_<arch>.deb from dist/spbgui/
    python packaging/build.py all      # both (what `make package` runs)

``--dist`` and ``--work`` move the output and PyInstaller's work folder (the
slow test builds into a temporary folder). Run with the Python of the
environment that has the program and the ``package`` extra installed
(``make package`` sets that up). Windows: ``folder`` only, then Inno Setup
(packaging/windows/spbgui.iss); see packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DEB_FILES = PACKAGING / "deb"
ICONS = ROOT / "resources" / "icons"
APP = "spbgui"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""

# What Qt's xcb platform plugin and its fonts need from the system on Debian and
# Astra Linux. The build also carries copies of most of these, but X11, OpenGL and
# fontconfig must match the machine's own display server, drivers and fonts.
DEB_DEPENDS = [
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libegl1",
    "libgl1",
    "fontconfig",
]
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def version() -> str:
    """The program's version, from pyproject.toml (no import of the program needed)."""
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def folder_size(path: Path) -> int:
    """Bytes in the files under ``path`` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def build_folder(dist: Path, work: Path) -> Path:
    """Run PyInstaller on packaging/spbgui.spec; check the CLI it built starts."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / "spbgui.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    app = dist / APP
    out = subprocess.run(
        [str(app / f"{APP}-cli{EXE_SUFFIX}"), "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.strip()
    if out != f"spbgui {version()}":
        raise SystemExit(f"the built spbgui-cli says {out!r}, expected 'spbgui {version()}'")
    took = time.monotonic() - started
    print(f"built {app}: {_mb(folder_size(app))} in {took:.0f} s; spbgui-cli --version: {out}")
    return app


def glibc_needed(app: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any bundled binary asks for.

    The build carries its own libraries except the C library, so this is the
    oldest system it can run on; it becomes the .deb's ``libc6 (>= …)``.
    """
    newest: tuple[int, int] | None = None
    for path in app.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
            data = fh.read()
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", data):
            v = (int(major), int(minor))
            newest = v if newest is None or v > newest else newest
    return f"{newest[0]}.{newest[1]}" if newest else None


def _copy_tree(src: Path, dst: Path) -> None:
    """Copy keeping symbolic links; modes normalised to 0755/0644 for the package."""
    shutil.copytree(src, dst, symlinks=True)
    for path in [dst, *dst.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        executable = path.is_dir() or mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        path.chmod(0o755 if executable else 0o644)


def _install(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    dst.chmod(mode)


def build_deb(dist: Path, work: Path) -> Path:
    """Lay out /opt/spbgui, the commands, the menu entry and the icons; dpkg-deb --build."""
    app = dist / APP
    if not (app / f"{APP}-cli").is_file():
        raise SystemExit(f"{app} has no spbgui-cli: build the folder first (build.py folder)")
    started = time.monotonic()
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    ver = version()
    stage = work / "deb" / f"{APP}_{ver}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    os.umask(0o022)

    _copy_tree(app, stage / "opt" / APP)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in (APP, f"{APP}-cli"):
        (bin_dir / name).symlink_to(f"/opt/{APP}/{name}")
    share = stage / "usr" / "share"
    _install(DEB_FILES / "spbgui.desktop", share / "applications" / f"{APP}.desktop")
    for size in HICOLOR_SIZES:
        _install(
            ICONS / "app" / f"spbgui-{size}.png",
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP}.png",
        )
    _install(ICONS / "spbgui.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP}.svg")
    _install(DEB_FILES / "copyright", share / "doc" / APP / "copyright")
    for path in [stage, *stage.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)

    depends = list(DEB_DEPENDS)
    glibc = glibc_needed(app)
    if glibc:
        depends.insert(0, f"libc6 (>= {glibc})")
    installed_kb = (folder_size(stage) + 1023) // 1024
    control = (
        (DEB_FILES / "control.in")
        .read_text(encoding="utf-8")
        .replace("@VERSION@", ver)
        .replace("@ARCH@", arch)
        .replace("@INSTALLED_SIZE@", str(installed_kb))
        .replace("@DEPENDS@", ", ".join(depends))
    )
    meta = stage / "DEBIAN"
    meta.mkdir(mode=0o755)
    (meta / "control").write_text(control, encoding="utf-8")
    (meta / "control").chmod(0o644)
    for script in ("postinst", "prerm", "postrm"):
        _install(DEB_FILES / script, meta / script, 0o755)

    deb = dist / f"{APP}_{ver}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    took = time.monotonic() - started
    print(
        f"built {deb}: {_mb(deb.stat().st_size)} (installed {installed_kb // 1024} MiB) "
        f"in {took:.0f} s; needs glibc >= {glibc}"
    )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["folder", "deb", "all"])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="work folder")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    if args.what in ("folder", "all"):
        build_folder(dist, work)
    if args.what in ("deb", "all"):
        if shutil.which("dpkg-deb") is None:
            raise SystemExit("dpkg-deb is not on this system: the .deb is built on Debian/Astra")
        build_deb(dist, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Render the application icon from its SVG source into PNG sizes and a Windows .ico.

    python packaging/make_icons.py            # write resources/icons/app/*
    python packaging/make_icons.py --check    # exit 1 if the committed files are stale

The source is ``resources/icons/spbgui.svg``. The outputs are committed (the
wheel, the window, the .deb and the Windows build all need them at install
time, and none of those should need a renderer): PNGs for the sizes freedesktop
menus and Qt ask for, and one multi-size ``spbgui.ico`` for the PyInstaller
executables and the Inno Setup installer.

The ICO container is written here rather than with Pillow: it is a small
header and a directory of images. Sizes below 256 are stored as 32-bit DIBs
(what every Windows tool, old resource compilers included, reads); 256 is
stored PNG-compressed, as Windows Vista and later expect for that size.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "icons" / "spbgui.svg"
OUT_DIR = ROOT / "resources" / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"spbgui-{size}.png"


def _qt():  # type: ignore[no-untyped-def]
    """Import Qt only when rendering, with no screen needed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    return app


def render(size: int, source: Path = SOURCE):  # type: ignore[no-untyped-def]
    """The SVG drawn into a transparent ``size``×``size`` QImage (ARGB32)."""
    _qt()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the SVG: {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise SystemExit("Qt could not encode a PNG")
    buf.close()
    return bytes(data.data())


def dib_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    """One ICO image as a DIB: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask.

    The header's height is twice the image's (colour rows plus mask rows), as the
    ICO format requires. With 32-bit colour the alpha channel decides; the mask is
    still written (all zeros: opaque) for readers that insist on it.
    """
    w, h = image.width(), image.height()
    header = struct.pack("<IiiHHIIiiII", 40, w, h * 2, 1, 32, 0, w * h * 4, 0, 0, 0, 0)
    rows = []
    for y in range(h - 1, -1, -1):
        row = bytearray()
        for x in range(w):
            argb = image.pixel(x, y)  # 0xAARRGGBB, not premultiplied (Format_ARGB32)
            row += struct.pack("<I", argb)  # little-endian: B, G, R, A
        rows.append(bytes(row))
    mask_stride = ((w + 31) // 32) * 4
    mask = b"\0" * (mask_stride * h)
    return header + b"".join(rows) + mask


def ico_bytes(images: dict[int, object]) -> bytes:
    """An ICO file holding each image: ICONDIR, one ICONDIRENTRY each, then the data."""
    sizes = sorted(images)
    blobs = [png_bytes(images[s]) if s >= 256 else dib_bytes(images[s]) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for size, blob in zip(sizes, blobs, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blobs)


def read_ico_sizes(data: bytes) -> list[int]:
    """The image sizes listed in an ICO file's directory (used by the tests and --check)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if reserved != 0 or kind != 1:
        raise ValueError("not an ICO file")
    sizes = []
    for i in range(count):
        w = struct.unpack_from("<B", data, 6 + 16 * i)[0]
        sizes.append(w or 256)
    return sizes


def outputs() -> dict[Path, bytes]:
    """Every generated file and its content."""
    images = {size: render(size) for size in PNG_SIZES}
    files = {OUT_DIR / png_name(size): png_bytes(images[size]) for size in PNG_SIZES}
    files[OUT_DIR / "spbgui.ico"] = ico_bytes({s: images[s] for s in ICO_SIZES})
    return files


def ico_images(data: bytes):  # type: ignore[no-untyped-def]
    """Each image of an ICO file as a QImage, by size (DIB and PNG entries)."""
    from PySide6.QtGui import QImage

    out = {}
    for i, size in enumerate(read_ico_sizes(data)):
        length, offset = struct.unpack_from("<II", data, 6 + 16 * i + 8)
        blob = data[offset : offset + length]
        if blob.startswith(b"\x89PNG"):
            out[size] = QImage.fromData(blob)
            continue
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        pixels = blob[40 : 40 + size * size * 4]
        for row in range(size):
            y = size - 1 - row  # DIB rows run bottom-up
            for x in range(size):
                image.setPixel(x, y, struct.unpack_from("<I", pixels, (row * size + x) * 4)[0])
        out[size] = image
    return out


def _close(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Same size and, pixel by pixel, nearly the same colours.

    Not byte equality: another Qt release may anti-alias an edge a shade
    differently, and that is not a stale icon. A changed drawing moves many
    pixels far.
    """
    from PySide6.QtGui import QImage

    fmt = QImage.Format.Format_ARGB32
    a, b = a.convertToFormat(fmt), b.convertToFormat(fmt)
    if a.isNull() or a.size() != b.size():
        return False
    total = worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            for shift in (0, 8, 16, 24):
                d = abs(((pa >> shift) & 0xFF) - ((pb >> shift) & 0xFF))
                total += d
                worst = max(worst, d)
    mean = total / (a.width() * a.height() * 4)
    return mean < 1.0 and worst < 96


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        from PySide6.QtGui import QImage

        stale = []
        for path, data in files.items():
            if not path.exists():
                stale.append(path)
            elif path.suffix == ".png":
                if not _close(QImage.fromData(path.read_bytes()), QImage.fromData(data)):
                    stale.append(path)
            else:
                have, want = ico_images(path.read_bytes()), ico_images(data)
                if have.keys() != want.keys() or not all(_close(have[s], want[s]) for s in want):
                    stale.append(path)
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        if stale:
            print("run: python packaging/make_icons.py", file=sys.stderr)
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT)}  {len(data):>7} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

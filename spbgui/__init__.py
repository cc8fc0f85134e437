"""spbgui: the committee's partner-cities table as a desktop records editor."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spbgui")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.1.0"

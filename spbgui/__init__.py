"""spbgui: the committee's partner-cities table as a desktop records editor."""

from __future__ import annotations

# The same as [project] version in pyproject.toml (tests/test_startup.py holds the two
# together): written here rather than read with importlib.metadata, whose import and
# search of the installed packages cost a tenth of the window's start-up (issue 17).
__version__ = "0.1.0"

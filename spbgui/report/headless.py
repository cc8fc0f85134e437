"""Drawing without a screen: the one place that tells Qt to go offscreen.

``spbgui-cli report`` and the report's chart may run where there is no display
(a server, CI, a cron job). Qt then needs the offscreen platform, chosen before
the first QGuiApplication exists; a platform the user chose is left alone.
"""

from __future__ import annotations

import os
import sys


def go_headless_without_display() -> None:
    """Choose the offscreen platform when there is no display and no platform was chosen."""
    no_display = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if no_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

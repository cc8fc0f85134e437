"""PyInstaller's entry script for ``spbgui-cli``; the same as the ``spbgui-cli`` entry point."""

import multiprocessing

from spbgui.cli import run

if __name__ == "__main__":
    # The frozen program is also the reading child process (spbgui.io.isolated).
    multiprocessing.freeze_support()
    run()

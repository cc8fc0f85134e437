"""PyInstaller's entry script for the window: the same as the ``spbgui`` entry point."""

import multiprocessing
import sys

from spbgui.app import main

if __name__ == "__main__":
    # The frozen program is also the reading child process (spbgui.io.isolated).
    multiprocessing.freeze_support()
    sys.exit(main())

"""PyInstaller's entry script for the window: the same as the ``spbgui`` entry point."""

import sys

from spbgui.app import main

if __name__ == "__main__":
    sys.exit(main())

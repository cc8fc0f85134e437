"""PyInstaller's entry script for ``spbgui-cli``; the same as the ``spbgui-cli`` entry point."""

import sys

from spbgui.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""A bare PySide6 window with a tree and a table: the start-up benchmark's yardstick.

    python benchmarks/procs/bare_window.py

The same shape as the program's first screen (a tree beside a table in a
splitter, a menu bar, a status bar), with nothing of the program in it: no
database, no translations. Shows the window, lets the event loop run once and
quits, as ``spbgui`` does under SPBGUI_QUIT_AFTER_SHOW.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTableView, QTreeView


def main() -> None:
    app = QApplication(sys.argv)
    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    tree = QTreeView()
    tree.setModel(QStandardItemModel(0, 1, tree))
    table = QTableView()
    table.setModel(QStandardItemModel(0, 4, table))
    splitter.addWidget(tree)
    splitter.addWidget(table)
    window.setCentralWidget(splitter)
    window.menuBar().addMenu("Файл")
    window.statusBar().showMessage("")
    window.resize(1200, 800)
    window.show()
    QTimer.singleShot(0, app.quit)
    app.exec()
    os._exit(0)  # as spbgui under SPBGUI_QUIT_AFTER_SHOW: the tear-down is not start-up


if __name__ == "__main__":
    main()

"""The small dialogs of the window, each answerable in tests through a classmethod.

Every question the window asks goes through an ``ask()`` (or ``show_*``)
classmethod, so a test replaces that one method with its answer
(``monkeypatch.setattr(ConfirmDialog, "ask", ...)``) and drives the real window
without a modal loop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.domain.dates import DateError, parse_agreement_dates
from spbgui.services.errors import PARTNER_KINDS
from spbgui.ui.fields import mark_error
from spbgui.ui.lazy import lazy_module
from spbgui.ui.record_fields import spec

if TYPE_CHECKING:
    from spbgui.services import edit
    from spbgui.services.edit import AgreementFields
else:
    edit = lazy_module("spbgui.services.edit")


def fit_title(dialog: QWidget) -> None:
    """Wide enough for its title: «Новый партнёр в стране Венгрия», not «Новый п… Венгрия»."""
    width = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 160
    dialog.setMinimumWidth(max(dialog.minimumWidth(), min(width, 900)))


def kind_label(kind: str) -> str:
    labels = {
        "city": QCoreApplication.translate("Kinds", "city"),
        "province": QCoreApplication.translate("Kinds", "province"),
        "region": QCoreApplication.translate("Kinds", "region (oblast)"),
        "district": QCoreApplication.translate("Kinds", "district"),
        "country": QCoreApplication.translate("Kinds", "country as a whole"),
    }
    return labels.get(kind, kind)


class ConfirmDialog:
    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, text: str, informative: str = "", accept: str = ""
    ) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setObjectName("confirmDialog")
        if informative:
            box.setInformativeText(informative)
        ok = box.addButton(
            accept or QCoreApplication.translate("ConfirmDialog", "OK"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok


class ConflictDialog(QDialog):
    """Someone saved the same record meanwhile: theirs and yours side by side; keep one."""

    def __init__(self, parent: QWidget | None, error: Any) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(QCoreApplication.translate("ConflictDialog", "Changed by someone else"))
        self.resize(760, 300)
        intro = QLabel(str(error), wordWrap=True)
        table = QTableWidget(0, 3, objectName="conflictTable")
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ConflictDialog", "Field"),
                QCoreApplication.translate("ConflictDialog", "Saved by them"),
                QCoreApplication.translate("ConflictDialog", "Yours"),
            ]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        theirs = error.theirs or {}
        for key, mine in error.yours.items():
            row = table.rowCount()
            table.insertRow(row)
            field = spec(str(getattr(error, "table", "")), key)
            values = (field.title(), field.value_text(theirs.get(key)), field.value_text(mine))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, col, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        self.mine = buttons.addButton(
            QCoreApplication.translate("ConflictDialog", "Keep Mine"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.mine.setObjectName("keepMineButton")
        theirs_button = buttons.addButton(
            QCoreApplication.translate("ConflictDialog", "Keep Theirs"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        theirs_button.setObjectName("keepTheirsButton")
        theirs_button.setDefault(True)  # the safe choice: nothing of anyone's is overwritten
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(table, 1)
        lay.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, error: Any) -> bool:
        """True: write mine over theirs; False: keep what they saved (tests patch this)."""
        return cls(parent, error).exec() == QDialog.DialogCode.Accepted


class RetryDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> bool:
        """The database is locked by another program: try the same change again?"""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("RetryDialog", "The database is busy"),
            text,
            parent=parent,
        )
        box.setObjectName("retryDialog")
        box.setInformativeText(
            QCoreApplication.translate("RetryDialog", "Your change is kept. Try to save it again?")
        )
        retry = box.addButton(
            QCoreApplication.translate("RetryDialog", "Try Again"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QCoreApplication.translate("RetryDialog", "Discard the Change"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(retry)
        box.exec()
        return box.clickedButton() is retry


class MessageDialog:
    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @classmethod
    def inform(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class NameDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        value = value.strip()
        return value if ok and value else None


class PartnerDialog(QDialog):
    """A new partner: its name and kind (a city, a province, ..., or the country as a whole)."""

    def __init__(self, parent: QWidget | None, country: str, can_be_whole: bool) -> None:
        super().__init__(parent)
        self.setObjectName("partnerDialog")
        self.setWindowTitle(self.tr("New partner in %1").replace("%1", country))
        fit_title(self)
        self.name = QLineEdit(objectName="partnerNameEdit")
        self.kind = QComboBox(objectName="partnerKindCombo")
        for kind in PARTNER_KINDS:
            if kind != "country" or can_be_whole:
                self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        whole = self.kind.currentData() == "country"
        self.name.setEnabled(not whole)
        self._ok.setEnabled(whole or bool(self.name.text().strip()))

    def value(self) -> tuple[str | None, str]:
        kind = self.kind.currentData()
        return (None if kind == "country" else self.name.text().strip()), kind

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        country: str,
        can_be_whole: bool,
        answer: tuple[str | None, str] | None = None,
    ) -> tuple[str | None, str] | None:
        """The name and kind of a new partner; ``answer``: what was typed before and refused."""
        dialog = cls(parent, country, can_be_whole)
        if answer is not None:
            dialog.name.setText(answer[0] or "")
            dialog.kind.setCurrentIndex(max(dialog.kind.findData(answer[1]), 0))
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AgreementDialog(QDialog):
    """A new agreement: its title (the basis of cooperation), dates as staff write them, note."""

    def __init__(self, parent: QWidget | None, partner: str) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(self.tr("New agreement of %1").replace("%1", partner))
        fit_title(self)
        self.resize(560, 300)
        self.title = QPlainTextEdit(objectName="agreementTitleEdit")
        self.title.setTabChangesFocus(True)
        self.dates = QLineEdit(objectName="agreementDatesEdit")
        self.dates.setPlaceholderText(self.tr("e.g. 09.12.2005, июнь 2017 г., 2009, 2024"))
        self.error = QLabel(objectName="agreementDatesError", wordWrap=True)
        self.error.setStyleSheet("color: #9b1c1c")
        self.error.hide()
        self.note = QLineEdit(objectName="agreementNoteEdit")
        form = QFormLayout(self)
        form.addRow(self.tr("&Basis of cooperation:"), self.title)
        form.addRow(self.tr("&Dates:"), self.dates)
        form.addRow("", self.error)
        form.addRow(self.tr("N&ote:"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.title.textChanged.connect(self._check)
        self.dates.textChanged.connect(self._check)
        self._check()

    def _check(self) -> bool:
        why = ""
        try:
            parse_agreement_dates(self.dates.text())
        except DateError as exc:
            why = str(exc)
        mark_error(self.dates, why)
        self.error.setText(why)
        self.error.setVisible(bool(why))
        ok = not why and bool(self.title.toPlainText().strip())
        self._ok.setEnabled(ok)
        return ok

    def accept(self) -> None:
        if self._check():
            super().accept()

    def value(self) -> AgreementFields:
        return edit.AgreementFields(
            " ".join(self.title.toPlainText().split()),
            tuple(parse_agreement_dates(self.dates.text())),
            self.note.text().strip(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, partner: str) -> AgreementFields | None:
        dialog = cls(parent, partner)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MoveDialog(QDialog):
    """Choose where to move a node: a country (grouped by region) or a region."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        groups: list[tuple[str, list[tuple[int, str]]]],
        current: int | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(title)
        fit_title(self)
        self.resize(420, 480)
        self.tree = QTreeWidget(objectName="moveTargets")
        self.tree.setHeaderHidden(True)
        for group, items in groups:
            parent_item = self.tree.invisibleRootItem()
            if group:
                parent_item = QTreeWidgetItem(self.tree, [group])
                parent_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for target_id, label in items:
                item = QTreeWidgetItem(parent_item, [label])
                item.setData(0, Qt.ItemDataRole.UserRole, target_id)
                if target_id == current:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.tree.expandAll()
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def value(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        groups: list[tuple[str, list[tuple[int, str]]]],
        current: int | None,
    ) -> int | None:
        dialog = cls(parent, title, groups, current)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PendingDialog:
    """Values typed and refused are still on screen, and the clerk is leaving them."""

    @classmethod
    def ask(cls, parent: QWidget | None, leaving: str, pending: list[str]) -> bool:
        """True: discard them and go on; False: go back and correct them."""
        title = QCoreApplication.translate("PendingDialog", "Not saved")
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
        box.setObjectName("pendingDialog")
        intro = QCoreApplication.translate("PendingDialog", "What you typed here is not saved:")
        box.setText(f"{leaving} {intro}")
        box.setInformativeText("\n".join(f"• {p}" for p in pending))
        back = box.addButton(
            QCoreApplication.translate("PendingDialog", "Go Back and Correct"),
            QMessageBox.ButtonRole.RejectRole,
        )
        back.setObjectName("pendingBackButton")
        drop = box.addButton(
            QCoreApplication.translate("PendingDialog", "Discard It"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        drop.setObjectName("pendingDiscardButton")
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is drop


class YearDialog(QDialog):
    """Year → Start a New Year…: which year, and what the new year starts with."""

    def __init__(self, parent: QWidget | None, suggested: int, known: list[int]) -> None:
        super().__init__(parent)
        self.setObjectName("yearDialog")
        self.setWindowTitle(self.tr("New year"))
        self.known = set(known)
        self.year = QSpinBox(objectName="yearSpin")
        self.year.setRange(1990, 2100)
        self.year.setValue(suggested)
        self.year.setGroupSeparatorShown(False)
        self.year.setAccessibleName(self.tr("Year to start"))
        self.about = QLabel(objectName="yearAbout", wordWrap=True)
        self.about.setMinimumWidth(420)
        form = QFormLayout(self)
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.about)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setObjectName("yearStartButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.year.valueChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        year = self.year.value()
        taken = year in self.known
        if taken:
            text = self.tr("The table of %1 is already there: choose it in the year selector.")
        else:
            text = self.tr(
                "Partners and agreements stay as they are; %1 starts with no events. The events "
                "of the other years stay in the database."
            )
        self.about.setText(text.replace("%1", str(year)))
        mark_error(self.year, text.replace("%1", str(year)) if taken else "")
        self._ok.setText(self.tr("Start %1").replace("%1", str(year)))
        self._ok.setEnabled(not taken)

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: int, known: list[int]) -> int | None:
        dialog = cls(parent, suggested, known)
        return dialog.year.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class FirstStartDialog:
    """On an empty database: import a spreadsheet, open the 2024 sample, or start empty."""

    IMPORT, SAMPLE, EMPTY = "import", "sample", "empty"

    @classmethod
    def ask(cls, parent: QWidget | None, can_import: bool) -> str:
        box = QMessageBox(parent)
        box.setObjectName("firstStartDialog")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(QCoreApplication.translate("FirstStartDialog", "Welcome"))
        box.setText(QCoreApplication.translate("FirstStartDialog", "The database is empty."))
        box.setInformativeText(
            QCoreApplication.translate(
                "FirstStartDialog",
                "Import last year's table from an Excel workbook, or open the 2024 table "
                "that comes with the program to look around first.",
            )
        )
        imp = box.addButton(
            QCoreApplication.translate("FirstStartDialog", "Import a Table…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        sample = box.addButton(
            QCoreApplication.translate("FirstStartDialog", "Open the 2024 Sample"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.addButton(
            QCoreApplication.translate("FirstStartDialog", "Start Empty"),
            QMessageBox.ButtonRole.RejectRole,
        )
        imp.setEnabled(can_import)
        sample.setEnabled(can_import)
        # PySide6's stub takes no None, which Qt accepts (no default button)
        box.setDefaultButton(imp if can_import else None)  # type: ignore[arg-type]
        box.exec()
        if box.clickedButton() is imp:
            return cls.IMPORT
        if box.clickedButton() is sample:
            return cls.SAMPLE
        return cls.EMPTY


class FileDialogs:
    @classmethod
    def open_database(cls, parent: QWidget | None, folder: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("FileDialogs", "Open a database"),
            folder,
            QCoreApplication.translate("FileDialogs", "spbgui databases (*.sqlite *.db)")
            + ";;"
            + QCoreApplication.translate("FileDialogs", "All files (*)"),
        )
        return Path(name) if name else None

    @classmethod
    def new_database(cls, parent: QWidget | None, folder: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("FileDialogs", "Create a new database"),
            folder,
            QCoreApplication.translate("FileDialogs", "spbgui databases (*.sqlite *.db)"),
        )
        if not name:
            return None
        path = Path(name)
        # Only a name File → Open lists (*.sqlite *.db): «Партнёры 2024.03» has a «suffix»
        # too, and the database made under it could then not be found there.
        if path.suffix.lower() in (".sqlite", ".db"):
            return path
        return path.with_name(path.name + ".sqlite")


class AboutDialog:
    @classmethod
    def show_about(cls, parent: QWidget | None, database: str) -> None:
        from spbgui import __version__
        from spbgui.errors import log_file

        QMessageBox.about(
            parent,
            QCoreApplication.translate("AboutDialog", "About spbgui"),
            QCoreApplication.translate(
                "AboutDialog",
                "<h3>St Petersburg's partner cities</h3><p>Version %1</p>"
                "<p>The table of the committee for external relations: partners, agreements "
                "and the events of each year.</p><p>Database: %2<br>Log: %3</p>",
            )
            .replace("%1", __version__)
            .replace("%2", database)
            .replace("%3", str(log_file())),
        )

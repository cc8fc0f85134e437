"""Report options: the year, which regions and countries, the summary, the orientation.

A tree of regions with their countries, all ticked to begin with; unticking a region
unticks its countries. The dialog answers with a :class:`ReportOptions`, and
:meth:`ReportOptionsDialog.ask` lets a test answer in its place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.report.options import ReportOptions
from spbgui.services import years
from spbgui.services.databases import Database
from spbgui.services.table_data import load_table
from spbgui.ui.screen_size import fit_to_screen

_CHECKED = Qt.CheckState.Checked
_UNCHECKED = Qt.CheckState.Unchecked


class ReportOptionsDialog(QDialog):
    def __init__(
        self,
        db: Database,
        options: ReportOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        options = options or ReportOptions(year=years.current(db=db))
        self._prepared = options.prepared
        self.setObjectName("reportOptionsDialog")
        self.setWindowTitle(self.tr("Report options"))
        fit_to_screen(self, 480, 560)

        self.yearCombo = QComboBox(objectName="reportYearCombo")
        known = years.choices(db=db)
        if options.year not in known:
            known = sorted({*known, options.year})
        for y in known:
            self.yearCombo.addItem(str(y), y)
        self.yearCombo.setCurrentIndex(known.index(options.year))

        self.tree = QTreeWidget(objectName="reportSelectionTree")
        self.tree.setHeaderHidden(True)
        self.tree.itemChanged.connect(self._update_ok)
        all_on = QPushButton(self.tr("Select all"), objectName="reportSelectAll")
        all_off = QPushButton(self.tr("Clear"), objectName="reportSelectNone")
        all_on.clicked.connect(lambda: self._set_all(_CHECKED))
        all_off.clicked.connect(lambda: self._set_all(_UNCHECKED))
        self._fill_tree(options)

        self.summaryCheck = QCheckBox(
            self.tr("Summary at the end: counts and a chart of the year's events"),
            objectName="reportSummaryCheck",
        )
        self.summaryCheck.setChecked(options.summary)
        self.landscapeRadio = QRadioButton(self.tr("Landscape"), objectName="reportLandscape")
        self.portraitRadio = QRadioButton(self.tr("Portrait"), objectName="reportPortrait")
        (self.landscapeRadio if options.landscape else self.portraitRadio).setChecked(True)
        orientation = QHBoxLayout()
        orientation.addWidget(self.landscapeRadio)
        orientation.addWidget(self.portraitRadio)
        orientation.addStretch(1)

        self.hint = QLabel(objectName="reportSelectionHint")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            objectName="reportOptionsButtons",
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Year of the events:"), self.yearCombo)
        form.addRow(self.tr("Pages:"), orientation)
        select = QHBoxLayout()
        select.addWidget(QLabel(self.tr("Regions and countries to include:")), 1)
        select.addWidget(all_on)
        select.addWidget(all_off)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(select)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.hint)
        lay.addWidget(self.summaryCheck)
        lay.addWidget(self.buttons)
        self._update_ok()

    def _fill_tree(self, options: ReportOptions) -> None:
        table = load_table(db=self.db, year=options.year)
        regions, countries = set(options.regions or ()), set(options.countries or ())
        everything = not regions and not countries
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
        self.tree.blockSignals(True)
        for r in table.regions:
            region = QTreeWidgetItem(self.tree, [r.name])
            region.setFlags(flags | Qt.ItemFlag.ItemIsAutoTristate)
            region.setData(0, Qt.ItemDataRole.UserRole, ("region", r.name))
            for c in r.countries:
                item = QTreeWidgetItem(region, [c.name])
                item.setFlags(flags)
                item.setData(0, Qt.ItemDataRole.UserRole, ("country", c.name))
                on = everything or r.name in regions or c.name in countries
                item.setCheckState(0, _CHECKED if on else _UNCHECKED)
            if not r.countries:  # a region with no country yet: ticked like the rest
                region.setCheckState(0, _CHECKED if everything or r.name in regions else _UNCHECKED)
        self.tree.blockSignals(False)

    def _regions(self) -> list[QTreeWidgetItem]:
        """The tree's region items (every index in range has one)."""
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _set_all(self, state: Qt.CheckState) -> None:
        for region in self._regions():
            region.setCheckState(0, state)

    def _chosen(self) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
        """(regions, countries) for the options; (None, None) when everything is ticked."""
        regions: list[str] = []
        countries: list[str] = []
        partial = False
        for region in self._regions():
            state = region.checkState(0)
            if state == _CHECKED:
                regions.append(region.text(0))
                continue
            partial = True
            for j in range(region.childCount()):
                country = region.child(j)
                if country is not None and country.checkState(0) == _CHECKED:
                    countries.append(country.text(0))
        if not partial:
            return None, None
        return tuple(regions) or None, tuple(countries) or None

    def _update_ok(self) -> None:
        empty = self.tree.topLevelItemCount() > 0 and self._nothing_ticked()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not empty)
        self.hint.setText(self.tr("Tick at least one country.") if empty else "")

    def _nothing_ticked(self) -> bool:
        return all(region.checkState(0) == _UNCHECKED for region in self._regions())

    def options(self) -> ReportOptions:
        regions, countries = self._chosen()
        return ReportOptions(
            year=int(self.yearCombo.currentData()),
            regions=regions,
            countries=countries,
            summary=self.summaryCheck.isChecked(),
            landscape=self.landscapeRadio.isChecked(),
            prepared=self._prepared,
        )

    @classmethod
    def ask(
        cls, db: Database, options: ReportOptions | None = None, parent: QWidget | None = None
    ) -> ReportOptions | None:
        """The options the user chose, or None if they cancelled."""
        dialog = cls(db, options, parent)
        try:
            return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

"""The details pane: what the selected node of the tree is and holds.

A partner shows its fields, its agreements and its events of the selected year
(:class:`PartnerPage`); a region or a country its own fields and a summary of
what is under it (:class:`SummaryPage`); nothing selected, a hint. Each page
reads through the services and edits through the :class:`Editor`; the pane
refreshes the page from the change sets the editor sends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spbgui.services import details, tree
from spbgui.services.changes import ChangeSet, NodeKind, NodeRef
from spbgui.services.errors import PARTNER_KINDS
from spbgui.ui.agreements_section import AgreementsSection
from spbgui.ui.dialogs import kind_label
from spbgui.ui.editor import Editor
from spbgui.ui.events_section import EventsSection
from spbgui.ui.fields import CommitLineEdit, CommitTextEdit, mark_error
from spbgui.ui.focus import RecordFocus, RecordKind
from spbgui.ui.icons import node_icon
from spbgui.ui.partner_answers import PartnerAnswers


class RecordsSection(Protocol):
    """A table of the partner's records (agreements or events) the record actions act on."""

    def delete_selected(self) -> None: ...

    def move_selected(self, step: int) -> None: ...

    def edit_current(self) -> None: ...


def _heading(parent: QWidget, name: str) -> QLabel:
    label: QLabel = QLabel(parent, objectName=name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _note_edit(parent: QWidget, name: str) -> CommitTextEdit:
    note = CommitTextEdit(parent)
    note.setObjectName(name)
    note.setMaximumHeight(56)
    return note


def _edit_keeping_typed_name(
    editor: Editor, field: CommitLineEdit, edit: Callable[[], bool], typed: object
) -> bool:
    """Run ``edit``; a name it refuses (a duplicate) is put back in ``field``, marked with
    the reason, once the page has shown what is stored: the clerk corrects it, not retypes."""
    refused: list[str] = []
    editor.failed.connect(refused.append)
    try:
        done = edit()
    finally:
        editor.failed.disconnect(refused.append)
    if not done and isinstance(typed, str) and refused:
        field.setText(typed)
        mark_error(field, refused[0])
    return done


def _typed_name(field: CommitLineEdit) -> list[str]:
    """A name typed and refused, still in its field, for the «not saved» question."""
    why = field.property("error")
    if why and field.is_typed():
        text = QCoreApplication.translate("DetailsPane", "the name «%1»: %2")
        return [text.replace("%1", field.text()).replace("%2", why)]
    return []


class PartnerPage(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.info: details.PartnerInfo | None = None
        self.setObjectName("partnerPage")
        self.heading = _heading(self, "partnerHeading")
        self.path = QLabel(self, objectName="partnerPath")
        self.name = CommitLineEdit(self)
        self.name.setObjectName("partnerNameField")
        self.kind = QComboBox(self, objectName="partnerKindField")
        for kind in PARTNER_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.note = _note_edit(self, "partnerNoteField")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("K&ind:"), self.kind)
        form.addRow(self.tr("No&te:"), self.note)
        self.name.committed.connect(lambda text: self._edit(name=text))
        self.kind.activated.connect(lambda _i: self._edit(kind=self.kind.currentData()))
        self.note.committed.connect(lambda text: self._edit(note=text))

        self.agreements = AgreementsSection(editor, self)
        self.events = EventsSection(editor, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.path)
        top_layout.addLayout(form)
        self.answers = PartnerAnswers(editor, self.agreements.selected_ids, self)
        top_layout.addWidget(self.answers)
        top_layout.addWidget(self.agreements, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self, objectName="partnerSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.events)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def tab_chain(self) -> list[QWidget]:
        """The page's fields and tables in reading order, for Tab and Shift+Tab."""
        return [
            self.name,
            self.kind,
            self.note,
            *self.agreements.tab_chain(),
            *self.events.tab_chain(),
        ]

    def show_partner(self, partner_id: int) -> bool:
        info = details.partner(db=self.editor.db, partner_id=partner_id)
        if info is None:
            return False
        self.info = info
        self._show_fields()
        self.agreements.show_partner(info.id, info.title)
        self.events.show_partner(info.id, self.agreements.titles())
        self.answers.show_partner(info.id)
        writable = not self.editor.db.readonly
        self.agreements.set_enabled_for(writable)
        self.events.set_enabled_for(writable)
        return True

    def _show_fields(self) -> None:
        info = self.info
        assert info is not None
        whole = info.kind == "country"
        self.heading.setText(
            self.tr("%1 (country as a whole)").replace("%1", info.title) if whole else info.title
        )
        self.path.setText(f"{info.region} › {info.country} · {kind_label(info.kind)}")
        self.name.set_stored(info.name or "")
        self.name.setReadOnly(whole or self.editor.db.readonly)
        self.name.setPlaceholderText(self.tr("the country itself") if whole else "")
        self.kind.setCurrentIndex(self.kind.findData(info.kind))
        self.kind.setEnabled(not whole and not self.editor.db.readonly)
        self.note.set_stored(info.note)
        self.note.setReadOnly(self.editor.db.readonly)

    def _edit(self, **fields: object) -> None:
        if self.info is None:
            return
        if fields.get("kind") == "country":
            self.kind.setCurrentIndex(self.kind.findData(self.info.kind))
            return  # a country as a whole is added under the country, not made from a city
        label = self.tr("edit partner “%1”").replace("%1", self.info.title)
        ref = NodeRef.partner(self.info.id)
        version = self.info.version

        def edit() -> bool:
            if self.editor.update_node(ref, label, version, **fields):
                return True
            self._show_fields()  # refused: show what is stored
            return False

        _edit_keeping_typed_name(self.editor, self.name, edit, fields.get("name"))

    def pending(self) -> list[str]:
        """A name typed here and refused, still in its field."""
        return _typed_name(self.name)

    def refresh(self, changes: ChangeSet) -> bool:
        """Follow an edit; False if the partner is gone."""
        if self.info is None:
            return False
        pid = self.info.id
        if NodeRef.partner(pid) in changes.removed or changes.reload:
            return self.show_partner(pid)
        if changes.touches_partner(pid) or self.info.country_id in {
            r.id for r in changes.nodes if r.kind is NodeKind.COUNTRY
        }:
            info = details.partner(db=self.editor.db, partner_id=pid)
            if info is None:
                return False
            self.info = info
            self._show_fields()
            if pid in changes.agreements:
                self.agreements.show_partner(pid, info.title)
            if pid in changes.events or pid in changes.agreements:
                self.events.reload(self.agreements.titles())
                self.answers.show_partner(pid)
        return True


class SummaryPage(QWidget):
    """A region or a country: its name and note, and what is under it."""

    childActivated = Signal(object)  # NodeRef of a row of the children's list

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.ref: NodeRef | None = None
        self.version: int | None = None  # of the region or country as shown
        self.setObjectName("summaryPage")
        self.heading = _heading(self, "summaryHeading")
        self.path = QLabel(self, objectName="summaryPath")
        self.name = CommitLineEdit(self)
        self.name.setObjectName("summaryNameField")
        self.note = _note_edit(self, "summaryNoteField")
        self.counts = QLabel(self, objectName="summaryCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("No&te:"), self.note)
        self.name.committed.connect(lambda text: self._edit(name=text))
        self.note.committed.connect(lambda text: self._edit(note=text))
        self.children_list = QTreeWidget(self, objectName="summaryChildren")
        self.children_list.setRootIsDecorated(False)
        self.children_list.setUniformRowHeights(True)
        self.children_list.setAlternatingRowColors(True)
        self.children_list.itemActivated.connect(self._activated)
        self.children_list.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.path)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.counts)
        layout.addWidget(self.children_list, 1)

    def tab_chain(self) -> list[QWidget]:
        return [self.name, self.note, self.children_list]

    def show_node(self, ref: NodeRef) -> bool:
        summary = details.summary(db=self.editor.db, ref=ref, year=self.editor.year)
        if summary is None:
            return False
        self.ref, self.version = ref, summary.version
        self.heading.setText(summary.name)
        region = ref.kind is NodeKind.REGION
        self.path.setText(
            self.tr("Region") if region else self.tr("Country in %1").replace("%1", summary.parent)
        )
        self.name.set_stored(summary.name)
        self.name.setReadOnly(self.editor.db.readonly)
        self.note.set_stored(summary.note)
        self.note.setReadOnly(self.editor.db.readonly)
        year = self.editor.year
        rows = []
        if region:
            rows.append((self.tr("Countries"), str(summary.countries)))
        rows += [
            (self.tr("Partners"), str(summary.partners)),
            (self.tr("Agreements"), str(summary.agreements)),
            (self.tr("Events in %1").replace("%1", str(year)), str(summary.events)),
            (self.tr("Events in %1").replace("%1", str(year - 1)), str(summary.events_before)),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:24px'>{k}</td><td align='right'><b>{v}</b></td></tr>"
            for k, v in rows
        )
        self.counts.setText(f"<table>{cells}</table>")
        self._fill_children(ref, region)
        return True

    def _fill_children(self, ref: NodeRef, region: bool) -> None:
        """Countries of a region or partners of a country, with their events of the year."""
        year = self.editor.year
        rows = tree.children(db=self.editor.db, parent=ref, year=year)
        self.children_list.clear()
        self.children_list.setHeaderLabels(
            [
                self.tr("Country") if region else self.tr("Partner"),
                self.tr("Partners") if region else "",
                self.tr("Events in %1").replace("%1", str(year)),
            ]
        )
        self.children_list.setColumnHidden(1, not region)
        for row in rows:
            name = row.name
            if row.is_country_as_whole:
                name = self.tr("%1 (country as a whole)").replace("%1", row.name)
            item = QTreeWidgetItem(self.children_list, [name, str(row.children), str(row.events)])
            item.setData(0, Qt.ItemDataRole.UserRole, row.ref)
            item.setIcon(0, node_icon(row.ref.kind, row.kind))
            for col in (1, 2):
                item.setTextAlignment(
                    col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
        self.children_list.header().setStretchLastSection(False)
        self.children_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):  # «Мероприятия 2024» whole, not «Мероприятия 2…»
            self.children_list.header().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        self.children_list.setVisible(bool(rows))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.childActivated.emit(item.data(0, Qt.ItemDataRole.UserRole))

    def _edit(self, **fields: object) -> None:
        if self.ref is None:
            return
        label = self.tr("edit “%1”").replace("%1", self.heading.text())
        ref, version = self.ref, self.version

        def edit() -> bool:
            if self.editor.update_node(ref, label, version, **fields):
                return True
            self.show_node(ref)  # refused: show what is stored
            return False

        _edit_keeping_typed_name(self.editor, self.name, edit, fields.get("name"))

    def pending(self) -> list[str]:
        """A name typed here and refused, still in its field."""
        return _typed_name(self.name)

    def refresh(self, changes: ChangeSet) -> bool:
        if self.ref is None:
            return False
        if self.ref in changes.removed:
            return False
        return self.show_node(self.ref)


class DetailsPane(QStackedWidget):
    """Pages for nothing, a region or country, and a partner; ``show_node`` picks one.

    The window's record actions ask the pane, not its pages' widgets: which table has the
    focus, add an agreement or an event, values typed and refused that are not saved.
    """

    invalidInput = Signal(str)  # why a typed value was refused, for the status bar

    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName("detailsPane")
        self.setAccessibleName(self.tr("Details of the selected item"))
        self.ref: NodeRef | None = None
        self.empty = QLabel(self, objectName="emptyPage")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setText(
            self.tr(
                "Choose a partner in the tree on the left, or find it: Ctrl+F and a few letters "
                "of the city, the country or an event."
            )
        )
        self.summary = SummaryPage(editor, self)
        self.nodeActivated = self.summary.childActivated
        self.partner = PartnerPage(editor, self)
        for page in (self.empty, self.summary, self.partner):
            self.addWidget(page)
        self.partner.agreements.invalidInput.connect(self.invalidInput)
        self.partner.events.invalidInput.connect(self.invalidInput)

    def tab_chain(self) -> list[QWidget]:
        """Every page's widgets in reading order (Qt skips those of the hidden pages)."""
        return [*self.summary.tab_chain(), *self.partner.tab_chain()]

    def focus_first(self) -> None:
        """The keyboard to the first field of the page shown (Enter in the tree)."""
        page = self.currentWidget()
        chain = page.tab_chain() if isinstance(page, SummaryPage | PartnerPage) else []
        for widget in chain:
            if widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    # -- what the record actions reach -----------------------------------------------------------

    def showing_partner(self) -> bool:
        return self.currentWidget() is self.partner

    def focused_records(self) -> RecordsSection | None:
        """The agreements or events table when it has the keyboard focus, else None."""
        if not self.showing_partner():
            return None
        for section in (self.partner.agreements, self.partner.events):
            if section.has_focus():
                return section
        return None

    def add_agreement(self) -> None:
        if self.showing_partner():
            self.partner.agreements.add()

    def add_event(self) -> None:
        if self.showing_partner():
            self.partner.events.focus_new_event()

    def sort_events(self) -> None:
        if self.showing_partner():
            self.partner.events.sort_by_date()

    def focus_record(self, target: RecordFocus) -> None:
        if target.kind is RecordKind.EVENT:
            self.partner.events.focus_event(target.id)
        else:
            self.partner.agreements.focus_agreement(target.id)

    # -- values typed and refused -----------------------------------------------------------------

    def pending(self) -> list[str]:
        """Values typed on the shown partner that are not saved (each with its reason)."""
        if self.currentWidget() is self.summary:
            return self.summary.pending()
        if not self.showing_partner():
            return []
        return (
            self.partner.pending()
            + self.partner.agreements.pending()
            + self.partner.events.pending()
        )

    def typed(self) -> list[str]:
        """What :meth:`pending` describes, as it was typed (each value whole, not cut short):
        what the clerk would have to type again if it went."""
        out: list[str] = []
        for name in (self.summary.name, self.partner.name):
            if name.property("error") and name.is_typed():
                out.append(name.text())
        for section in (self.partner.agreements, self.partner.events):
            out += [text for _row, _col, text, _why in section.model.drafts()]
        entry = self.partner.events
        new_event = " ".join(t.strip() for t in (entry.new_date.text(), entry.new_text.text()))
        if new_event.strip():
            out.append(new_event.strip())
        return out

    def focus_pending(self) -> None:
        if self.currentWidget() is self.summary:
            self.summary.name.setFocus()
        elif self.partner.pending():
            self.partner.name.setFocus()
        elif self.partner.agreements.pending():
            self.partner.agreements.focus_pending()
        else:
            self.partner.events.focus_pending()

    def discard_pending(self) -> None:
        for name in (self.summary.name, self.partner.name):
            if name.property("error"):
                name.set_stored(name.stored())
        self.partner.agreements.discard_pending()
        self.partner.events.discard_pending()

    def version_of(self, ref: NodeRef) -> int | None:
        """The version of the node shown, as shown: what a rename of it in the tree (F2)
        sends back, so that it never silently overwrites a colleague's change."""
        if ref != self.ref:
            return None
        if self.currentWidget() is self.partner and self.partner.info is not None:
            return self.partner.info.version
        if self.currentWidget() is self.summary:
            return self.summary.version
        return None

    def show_node(self, ref: NodeRef | None) -> None:
        self.ref = ref
        shown = False
        if ref is not None and ref.kind is NodeKind.PARTNER:
            shown = self.partner.show_partner(ref.id)
            if shown:
                self.setCurrentWidget(self.partner)
        elif ref is not None:
            shown = self.summary.show_node(ref)
            if shown:
                self.setCurrentWidget(self.summary)
        if not shown:
            self.ref = None
            self.setCurrentWidget(self.empty)

    def refresh(self, changes: ChangeSet) -> None:
        page = self.currentWidget()
        if page is self.partner and not self.partner.refresh(changes):
            self.show_node(None)
        elif page is self.summary and not self.summary.refresh(changes):
            self.show_node(None)

    def year_changed(self) -> None:
        self.show_node(self.ref)

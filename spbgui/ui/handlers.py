"""What the record actions do: ask what is needed, then hand the edit to the editor.

Add, rename, delete, move and reorder act on the focused part of the window: the
tree, the agreements table or the events table. Deleting a node first says what
goes with it (so many partners, agreements and events) and that it can be undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from spbgui.services import details, tree, years
from spbgui.services.changes import NodeKind, NodeRef
from spbgui.ui.details_pane import DetailsPane
from spbgui.ui.dialogs import ConfirmDialog, MoveDialog, NameDialog, PartnerDialog, YearDialog
from spbgui.ui.editor import Editor
from spbgui.ui.navigation import NavigationTree


class RecordActions(QObject):
    def __init__(
        self, window: QWidget, editor: Editor, tree_view: NavigationTree, details_pane: DetailsPane
    ) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.tree = tree_view
        self.details = details_pane

    # -- helpers -------------------------------------------------------------------------------

    def _current(self) -> tuple[NodeRef | None, tree.NodeRow | None]:
        return self.tree.current_ref(), self.tree.current_row()

    def _label(self, row: tree.NodeRow) -> str:
        if row.is_country_as_whole:
            return self.tr("%1 (country as a whole)").replace("%1", row.name)
        return row.name

    def _ancestor(self, kind: NodeKind) -> NodeRef | None:
        ref = self.tree.current_ref()
        if ref is None:
            return None
        for above in tree.path(db=self.editor.db, ref=ref):
            if above.kind is kind:
                return above
        return None

    # -- adding --------------------------------------------------------------------------------

    def _add_named(self, title: str, label: str, add: Callable[[str], int | None]) -> None:
        """Ask for a name and add the record; a name refused (a duplicate, too long) is
        asked for again with what was typed, once its message is read, until it is
        accepted or the clerk cancels."""
        name: str | None = ""
        while True:
            name = NameDialog.ask(self.window, title, label, name or "")
            if not name or add(name) is not None:
                return

    def add_region(self) -> None:
        self._add_named(
            self.tr("New region"), self.tr("Name of the region:"), self.editor.add_region
        )

    def add_country(self) -> None:
        region = self._ancestor(NodeKind.REGION)
        if region is None:
            return
        self._add_named(
            self.tr("New country"),
            self.tr("Name of the country:"),
            lambda name: self.editor.add_country(region.id, name),
        )

    def add_partner(self) -> None:
        country = self._ancestor(NodeKind.COUNTRY)
        if country is None:
            return
        rows = tree.partners(db=self.editor.db, country_id=country.id, year=self.editor.year)
        summary = details.summary(db=self.editor.db, ref=country, year=self.editor.year)
        name = summary.name if summary else ""
        has_whole = any(r.is_country_as_whole for r in rows)
        answer: tuple[str | None, str] | None = None
        while True:  # a name refused (a duplicate) is asked for again, as typed
            answer = PartnerDialog.ask(self.window, name, not has_whole, answer)
            if answer is None or self.editor.add_partner(country.id, *answer) is not None:
                return

    def add_agreement(self) -> None:
        self.details.add_agreement()

    def add_event(self) -> None:
        self.details.add_event()

    # -- rename, delete ------------------------------------------------------------------------

    def rename(self) -> None:
        section = self.details.focused_records()
        if section is not None:
            section.edit_current()
        else:
            index = self.tree.currentIndex()
            if index.isValid():
                self.tree.edit(index.siblingAtColumn(0))

    def delete(self) -> None:
        section = self.details.focused_records()
        if section is not None:
            section.delete_selected()
        elif self.tree.hasFocus() or self.tree.currentIndex().isValid():
            self.delete_node()

    def delete_node(self) -> None:
        ref, row = self._current()
        if ref is None or row is None:
            return
        label = self._label(row)
        contents = tree.contents(db=self.editor.db, ref=ref)
        question = {
            NodeKind.REGION: self.tr("Delete the region “%1”?"),
            NodeKind.COUNTRY: self.tr("Delete the country “%1”?"),
            NodeKind.PARTNER: self.tr("Delete the partner “%1”?"),
        }[ref.kind].replace("%1", label)
        parts = []
        if contents.countries:
            parts.append(self.tr("%n country(ies)", "", contents.countries))
        if contents.partners:
            parts.append(self.tr("%n partner(s)", "", contents.partners))
        if contents.agreements:
            parts.append(self.tr("%n agreement(s)", "", contents.agreements))
        if contents.events:
            parts.append(self.tr("%n event(s) of all years", "", contents.events))
        more = self.tr("Nothing else is deleted with it.")
        if parts:
            more = self.tr("With it go: %1.").replace("%1", ", ".join(parts))
        more += " " + self.tr("You can undo this with Ctrl+Z.")
        if not ConfirmDialog.ask(self.window, self.tr("Delete"), question, more, self.tr("Delete")):
            return
        # Select a neighbour afterwards, so the keyboard user can go on.
        index = self.tree.currentIndex()
        neighbour = index.sibling(index.row() + 1, 0)
        if not neighbour.isValid():
            neighbour = index.sibling(index.row() - 1, 0)
        if not neighbour.isValid():
            neighbour = index.parent()
        after = self.tree.navigation_model().ref(neighbour)
        self.editor.delete_node(ref, label, after)

    # -- moving --------------------------------------------------------------------------------

    def move_to(self) -> None:
        ref, row = self._current()
        if ref is None or row is None or ref.kind is NodeKind.REGION:
            return
        groups = details.regions_and_countries(db=self.editor.db)
        path = tree.path(db=self.editor.db, ref=ref)
        current_parent = path[-2].id if len(path) >= 2 else None
        label = self._label(row)
        if ref.kind is NodeKind.COUNTRY:
            choices = [("", [(rid, rname) for rid, rname, _c in groups])]
            title = self.tr("Move “%1” to the region").replace("%1", label)
        else:
            choices = [(rname, countries) for _rid, rname, countries in groups if countries]
            title = self.tr("Move “%1” to the country").replace("%1", label)
        target = MoveDialog.ask(self.window, title, choices, current_parent)
        if target is None or target == current_parent:
            return
        parent_kind = NodeKind.REGION if ref.kind is NodeKind.COUNTRY else NodeKind.COUNTRY
        self.editor.move_node(ref, NodeRef(parent_kind, target), 1 << 30, label)

    def move(self, step: int) -> None:
        section = self.details.focused_records()
        if section is not None:
            section.move_selected(step)
            return
        ref, row = self._current()
        index = self.tree.currentIndex()
        if ref is None or row is None or not index.isValid():
            return
        target = index.row() + step
        if not 0 <= target < self.tree.model().rowCount(index.parent()):
            return
        parent = self.tree.navigation_model().ref(index.parent())
        self.editor.move_node(ref, parent, target, self._label(row))

    def move_dropped(self, ref: NodeRef, parent: NodeRef | None, index: int) -> None:
        row = self.tree.navigation_model().row_of(self.tree.navigation_model().index_of(ref))
        label = self._label(row) if row is not None else ""
        self.editor.move_node(ref, parent, index, label)

    def events_dropped(self, event_ids: list[int], partner_id: int) -> None:
        # Dropped back onto their own partner: they stay where they are (a move there would
        # only put them last, and leave an empty-looking step in the history).
        db = self.editor.db
        event_ids = [
            i for i in event_ids if details.owner(db=db, kind="event", record_id=i) != partner_id
        ]
        if not event_ids:
            return
        model = self.tree.navigation_model()
        row = model.row_of(model.index_of(NodeRef.partner(partner_id)))
        label = self._label(row) if row is not None else ""
        self.editor.move_events_to(event_ids, partner_id, label)

    def sort_events(self) -> None:
        self.details.sort_events()

    # -- years ---------------------------------------------------------------------------------

    def start_new_year(self) -> None:
        """Year → Start a New Year…: the clerk chooses the year (the next one is offered;
        a gap year too); partners and agreements stay, the year starts with no events."""
        known = years.years(db=self.editor.db)
        year = YearDialog.ask(self.window, years.next_year(db=self.editor.db), known)
        if year is not None:
            self.editor.start_new_year(year)

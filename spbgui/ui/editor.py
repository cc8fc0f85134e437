"""The editor: the open database, the selected year and the undo stack, and every edit as
a method that builds an undo command, does it once and pushes it.

The window's handlers ask what an edit needs, then call in; the editor itself asks
only when a write cannot go through as it stands: another person changed the record
meanwhile (:class:`ConflictDialog`: theirs or yours) or another program holds the
file locked (:class:`RetryDialog`: try again or drop the change). It touches no
other widget. What changed goes out through :attr:`changed` for the window to
refresh; where to look afterwards through :attr:`focusRequested` (a
:data:`~spbgui.ui.focus.FocusTarget`); a refused edit through :attr:`failed` as the
service's Russian message; an error nobody expected through :attr:`crashed`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QWidget

from spbgui.domain.dates import EventDate
from spbgui.errors import UserError
from spbgui.services import years
from spbgui.services.changes import ChangeSet, NodeKind, NodeRef
from spbgui.services.databases import Database, DatabaseBusy
from spbgui.services.errors import ConflictError
from spbgui.ui.commands import (
    AddCommand,
    Command,
    DeleteCommand,
    EditCommand,
    MoveEventsCommand,
    MoveNodeCommand,
    MoveRecordCommand,
    ReorderEventsCommand,
    StartYearCommand,
)
from spbgui.ui.dialogs import ConflictDialog, RetryDialog
from spbgui.ui.focus import FocusTarget, RecordFocus
from spbgui.ui.lazy import lazy_module
from spbgui.ui.record_fields import undo_text

if TYPE_CHECKING:
    from spbgui.services import edit, order
    from spbgui.services.edit import AgreementFields
else:
    edit = lazy_module("spbgui.services.edit")
    order = lazy_module("spbgui.services.order")


class Editor(QObject):
    changed = Signal(object)  # ChangeSet
    focusRequested = Signal(object)  # FocusTarget
    failed = Signal(str)  # a message for the user
    crashed = Signal(object)  # an unexpected exception
    yearChanged = Signal(int)

    def __init__(self, db: Database, year: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = year
        self.stack = QUndoStack(self)
        self.stack.setObjectName("undoStack")

    # -- the database and the year -------------------------------------------------------------

    def set_database(self, db: Database, year: int) -> None:
        self.stack.clear()  # commands refer to records of the old database by id
        self.db = db
        self.year = year
        self.yearChanged.emit(year)
        self.changed.emit(ChangeSet.everything())

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.yearChanged.emit(year)

    # -- running commands ----------------------------------------------------------------------

    def run(self, command: Command) -> bool:
        """Do ``command`` once; if the service accepts it, push it onto the undo stack."""
        while True:
            try:
                changes = command.first()
                break
            except ConflictError as exc:
                # Someone changed (or deleted) the record since this window read it: show
                # theirs and yours, and write ours only if the user says so.
                keep_mine = not exc.deleted and ConflictDialog.ask(self._owner(), exc)
                if not keep_mine:
                    if exc.deleted:
                        self.failed.emit(self._typing_kept(str(exc), exc.yours))
                    self.changed.emit(ChangeSet.everything())  # show what is stored now
                    return False
                command.expected_version = exc.their_version
                if isinstance(command, EditCommand):
                    command.shown = None  # theirs was shown now, and ours chosen over it
            except DatabaseBusy as exc:
                # Another program holds the file locked: the edit stays in this command,
                # and the user chooses to try again (the lock is usually gone) or to drop it.
                if not RetryDialog.ask(self._owner(), str(exc)):
                    self.failed.emit(
                        self.tr("The change was not saved: the database stayed locked.")
                    )
                    return False
            except UserError as exc:
                self.failed.emit(str(exc))
                return False
        if not command.isObsolete():  # (obsolete: it changed nothing, there is no undo)
            self.stack.push(command)
        self.command_done(changes, command.focus_after_do)
        return True

    def _typing_kept(self, message: str, yours: dict[str, Any]) -> str:
        """The record was deleted under the edit: what was typed goes to the clipboard,
        and the message shows it, so that it can be pasted where the record is put again."""
        typed = [
            value.strip()
            for key in ("name", "title", "text", "note")
            if isinstance(value := yours.get(key), str) and value.strip()
        ]
        if not typed:
            return message
        QGuiApplication.clipboard().setText("\n".join(typed))
        return (
            message
            + " "
            + self.tr(
                "What you typed is on the clipboard: “%1”. Paste it (Ctrl+V) where "
                "the record is added again."
            ).replace("%1", " / ".join(typed))
        )

    def _owner(self) -> QWidget | None:
        owner = self.parent()
        return owner if isinstance(owner, QWidget) else None

    def command_done(self, changes: ChangeSet, focus: FocusTarget | None = None) -> None:
        self.changed.emit(changes)
        if focus is not None:
            self.focusRequested.emit(focus)

    def command_crashed(self, error: Exception) -> None:
        """Refreshing the window after an undo or redo failed: a bug, for the error dialog."""
        self.crashed.emit(error)

    def command_failed(self, error: Exception) -> None:
        """An undo or redo was refused (someone else changed the records meanwhile)."""
        # The stack no longer matches the database: start a fresh history, once QUndoStack
        # has returned from the undo() or redo() that failed (clearing inside it would
        # delete the running command).
        QTimer.singleShot(0, self.stack.clear)
        self.changed.emit(ChangeSet.everything())
        if isinstance(error, UserError):
            self.failed.emit(
                self.tr(
                    "The change could not be undone or redone: %1 "
                    "The history of changes was cleared."
                ).replace("%1", str(error))
            )
        else:
            self.crashed.emit(error)

    # -- regions, countries, partners ----------------------------------------------------------

    def add_region(self, name: str) -> int | None:
        add = partial(_add_region, self.db, name)
        cmd = AddCommand(
            self, self.tr("add region “%1”").replace("%1", name), add, "region", NodeRef.region
        )
        return cmd.record_id if self.run(cmd) else None

    def add_country(self, region_id: int, name: str) -> int | None:
        add = partial(_add_country, self.db, region_id, name)
        text = self.tr("add country “%1”").replace("%1", name)
        cmd = AddCommand(self, text, add, "country", NodeRef.country, NodeRef.region(region_id))
        return cmd.record_id if self.run(cmd) else None

    def add_partner(self, country_id: int, name: str | None, kind: str) -> int | None:
        add = partial(_add_partner, self.db, country_id, name, kind)
        label = name or self.tr("country as a whole")
        text = self.tr("add partner “%1”").replace("%1", label)
        cmd = AddCommand(self, text, add, "partner", NodeRef.partner, NodeRef.country(country_id))
        return cmd.record_id if self.run(cmd) else None

    def rename(self, ref: NodeRef, name: str, version: int | None = None) -> bool:
        text = self.tr("rename to “%1”").replace("%1", name)
        return self.update_node(ref, text, version, name=name)

    def update_node(
        self, ref: NodeRef, text: str, version: int | None = None, **fields: Any
    ) -> bool:
        updates: dict[NodeKind, Callable[..., edit.Edited[Any]]] = {
            NodeKind.REGION: partial(edit.update_region, db=self.db, region_id=ref.id),
            NodeKind.COUNTRY: partial(edit.update_country, db=self.db, country_id=ref.id),
            NodeKind.PARTNER: partial(edit.update_partner, db=self.db, partner_id=ref.id),
        }
        cmd = EditCommand(self, text, updates[ref.kind], focus=ref).set_changes(**fields)
        cmd.expected_version = version
        return self.run(cmd)

    def delete_node(self, ref: NodeRef, label: str, focus_after: FocusTarget | None = None) -> bool:
        text = self.tr("delete “%1”").replace("%1", label)
        cmd = DeleteCommand(self, text, ref.kind.value, [ref.id], focus_after)
        cmd.focus_after_undo = ref
        return self.run(cmd)

    def move_node(self, ref: NodeRef, parent: NodeRef | None, index: int, label: str) -> bool:
        text = self.tr("move “%1”").replace("%1", label)
        parent_id = parent.id if parent is not None else None
        return self.run(MoveNodeCommand(self, text, ref, parent_id, index))

    # -- agreements ----------------------------------------------------------------------------

    def add_agreement(self, partner_id: int, fields: AgreementFields) -> int | None:
        add = partial(_add_agreement, self.db, partner_id, fields)
        cmd = AddCommand(self, self.tr("add agreement"), add, "agreement", _agreement_focus)
        return cmd.record_id if self.run(cmd) else None

    def update_agreement(
        self, agreement_id: int, field: str, value: object, version: int | None = None
    ) -> bool:
        update = partial(edit.update_agreement, db=self.db, agreement_id=agreement_id)
        cmd = EditCommand(
            self, undo_text("agreement", field), update, RecordFocus.agreement(agreement_id)
        )
        cmd.expected_version = version
        return self.run(cmd.set_changes(**{field: value}))

    def delete_agreements(self, ids: Sequence[int]) -> bool:
        text = self.tr("delete %n agreement(s)", "", len(ids))
        return self.run(DeleteCommand(self, text, "agreement", list(ids)))

    def move_agreement(self, agreement_id: int, index: int) -> bool:
        db = self.db
        move = partial(order.move_agreement, db=db, agreement_id=agreement_id, index=index)

        def back(moved: order.Moved) -> order.Moved:
            return order.move_agreement(db=db, agreement_id=agreement_id, index=moved.before.index)

        cmd = MoveRecordCommand(self, self.tr("move agreement"), move, back)
        cmd.focus_after_do = cmd.focus_after_undo = RecordFocus.agreement(agreement_id)
        return self.run(cmd)

    # -- events --------------------------------------------------------------------------------

    def add_event(
        self,
        partner_id: int,
        date: EventDate,
        text: str,
        agreement_id: int | None,
        year: int | None = None,
    ) -> int | None:
        """Add an event to the selected year, or to ``year`` (a date of another year)."""
        year = self.year if year is None else year
        add = partial(_add_event, self.db, partner_id, year, date, text, agreement_id)
        cmd = AddCommand(self, self.tr("add event"), add, "event", _event_focus)
        return cmd.record_id if self.run(cmd) else None

    def update_event(
        self,
        event_id: int,
        field: str,
        value: object,
        version: int | None = None,
        shown: dict[str, Any] | None = None,
    ) -> bool:
        """Change a field of an event; ``version`` and ``shown``: the event as the window
        showed it, refused as a conflict if someone changed or replaced it meanwhile."""
        update = partial(edit.update_event, db=self.db, event_id=event_id)
        cmd = EditCommand(self, undo_text("event", field), update, RecordFocus.event(event_id))
        cmd.expected_version = version
        cmd.shown = shown
        return self.run(cmd.set_changes(**{field: value}))

    def move_event_to_year(
        self, event_id: int, date: EventDate, year: int, version: int | None = None
    ) -> bool:
        """Give an event a date of another year and put it in that year's table."""
        update = partial(edit.update_event, db=self.db, event_id=event_id)
        text = self.tr("move event to %1").replace("%1", str(year))
        cmd = EditCommand(self, text, update, RecordFocus.event(event_id))
        cmd.expected_version = version
        # index: last in that year; its undo puts it back where it stood in this one.
        return self.run(cmd.set_changes(date=date, year=year, index=None))

    def delete_events(self, ids: Sequence[int]) -> bool:
        text = self.tr("delete %n event(s)", "", len(ids))
        return self.run(DeleteCommand(self, text, "event", list(ids)))

    def move_event(self, event_id: int, index: int) -> bool:
        db = self.db
        move = partial(order.move_event, db=db, event_id=event_id, index=index)

        def back(moved: order.Moved) -> order.Moved:
            return order.move_event(db=db, event_id=event_id, index=moved.before.index)

        cmd = MoveRecordCommand(self, self.tr("move event"), move, back)
        cmd.focus_after_do = cmd.focus_after_undo = RecordFocus.event(event_id)
        return self.run(cmd)

    def move_events_to(self, ids: Sequence[int], partner_id: int, label: str) -> bool:
        text = self.tr("move %n event(s) to “%1”", "", len(ids)).replace("%1", label)
        cmd = MoveEventsCommand(self, text, list(ids), partner_id)
        cmd.focus_after_do = NodeRef.partner(partner_id)
        return self.run(cmd)

    def sort_events(self, partner_id: int) -> bool:
        reorder = partial(
            order.sort_events_by_date, db=self.db, partner_id=partner_id, year=self.year
        )
        cmd = ReorderEventsCommand(self, self.tr("sort events by date"), reorder)
        return self.run(cmd.set_where(partner_id, self.year))

    # -- years ---------------------------------------------------------------------------------

    def start_new_year(self, year: int | None = None) -> int | None:
        """Start the table of ``year`` (by default the one after the latest)."""
        year = years.next_year(db=self.db) if year is None else year
        text = self.tr("start the year %1").replace("%1", str(year))
        cmd = StartYearCommand(self, text, year, self.year)
        return year if self.run(cmd) else None


# Services take keyword arguments; AddCommand passes the id to reuse (None the first time).
def _add_region(db: Database, name: str, id: int | None) -> edit.Added:
    return edit.add_region(db=db, name=name, id=id)


def _add_country(db: Database, region_id: int, name: str, id: int | None) -> edit.Added:
    return edit.add_country(db=db, region_id=region_id, name=name, id=id)


def _add_partner(
    db: Database, country_id: int, name: str | None, kind: str, id: int | None
) -> edit.Added:
    return edit.add_partner(db=db, country_id=country_id, name=name, kind=kind, id=id)


def _add_agreement(
    db: Database, partner_id: int, fields: AgreementFields, id: int | None
) -> edit.Added:
    return edit.add_agreement(
        db=db,
        partner_id=partner_id,
        title=fields.title,
        dates=fields.dates,
        note=fields.note,
        id=id,
    )


def _add_event(
    db: Database,
    partner_id: int,
    year: int,
    date: EventDate,
    text: str,
    agreement_id: int | None,
    id: int | None,
) -> edit.Added:
    return edit.add_event(
        db=db,
        partner_id=partner_id,
        year=year,
        date=date,
        text=text,
        agreement_id=agreement_id,
        id=id,
    )


def _agreement_focus(agreement_id: int) -> FocusTarget:
    return RecordFocus.agreement(agreement_id)


def _event_focus(event_id: int) -> FocusTarget:
    return RecordFocus.event(event_id)

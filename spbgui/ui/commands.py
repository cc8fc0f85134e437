"""Undo commands: one per user action, each calling services only.

A command is done once before it is pushed (so a refused edit never enters the
stack) and remembers what the service returned: the id an addition got, the
fields before an update, the snapshot of a delete. ``undo()`` and later
``redo()`` replay exactly that and report their change set to the
:class:`~spbgui.ui.editor.Editor`, which refreshes the window from it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from spbgui.services import years
from spbgui.services.changes import ChangeSet, NodeKind, NodeRef
from spbgui.services.databases import Database
from spbgui.services.errors import ConflictError
from spbgui.ui.focus import FocusTarget, YearFocus
from spbgui.ui.lazy import lazy_module

if TYPE_CHECKING:
    from spbgui.services import order, removal
    from spbgui.services.edit import Added, Edited
    from spbgui.services.order import Moved, Reordered
else:
    order = lazy_module("spbgui.services.order")
    removal = lazy_module("spbgui.services.removal")


class Host(Protocol):
    """What a command needs from the editor: the database and where to report."""

    db: Database

    def command_done(self, changes: ChangeSet, focus: FocusTarget | None = None) -> None: ...

    def command_failed(self, error: Exception) -> None: ...

    def command_crashed(self, error: Exception) -> None: ...


def versions(host: Host) -> dict[tuple[str, int], int]:
    """The version each record had when this window's undo history last wrote it.

    Every undo and redo passes it to the service as the version it expects, so that
    one that would overwrite (or delete) a colleague's change is refused inside the
    write transaction instead of silently undoing their work.
    """
    found: dict[tuple[str, int], int] | None = getattr(host, "_undo_versions", None)
    if found is None:
        found = {}
        setattr(host, "_undo_versions", found)  # noqa: B010 - kept beside the stack
    return found


class Command(QUndoCommand):
    """Base: :meth:`do` and :meth:`revert` call services and return a change set."""

    def __init__(self, host: Host, text: str) -> None:
        super().__init__(text)
        self.host = host
        self._pushed = False
        self._skip = False  # the next redo()/undo() only puts the stack back (a cancel)
        self.force = False  # «Undo Anyway»: no version check on this run
        self.focus_after_do: FocusTarget | None = None
        self.focus_after_undo: FocusTarget | None = None
        # After a conflict the user overrode: the version to expect (see EditCommand).
        self.expected_version: int | None = None

    def first(self) -> ChangeSet:
        """Do it the first time, before it is pushed; errors reach the caller."""
        return self.do()

    def do(self) -> ChangeSet:
        raise NotImplementedError

    def revert(self) -> ChangeSet:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # QUndoStack.push() calls redo(): it was done already
            return
        if self._skip:
            self._skip = False
            return
        self._run(self.do, self.focus_after_do, undoing=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(self.revert, self.focus_after_undo, undoing=True)

    def expected(self, table: str, record_id: int) -> int | None:
        """The version to expect of a record (None: no check, after «Undo Anyway»)."""
        return None if self.force else versions(self.host).get((table, record_id))

    def wrote(self, table: str, record_id: int, version: int | None) -> None:
        if version is not None:
            versions(self.host)[(table, record_id)] = version

    def _run(
        self, fn: Callable[[], ChangeSet], focus: FocusTarget | None, *, undoing: bool = True
    ) -> None:
        # Nothing may escape undo() or redo(): they are called from C++ (QUndoStack), and an
        # exception there would take the program down instead of reaching the error dialog.
        try:
            try:
                changes = fn()
            except ConflictError as exc:
                if exc.deleted:
                    raise  # gone meanwhile: nothing to choose between, said as a failure
                resolved = self._resolve(fn, exc, undoing)
                if resolved is None:
                    return
                changes = resolved
        except Exception as exc:
            self._report(self.host.command_failed, exc)
            return
        try:
            self.host.command_done(changes, focus)
        except Exception as exc:
            self._report(self.host.command_crashed, exc)

    def _resolve(
        self, fn: Callable[[], ChangeSet], exc: ConflictError, undoing: bool
    ) -> ChangeSet | None:
        """A colleague's change is in the way: theirs, mine, or leave everything as it is."""
        from spbgui.ui.undo_conflict import CANCEL, MINE, UndoConflictDialog

        owner = getattr(self.host, "parent", lambda: None)()
        choice = UndoConflictDialog.choose(owner, exc)
        if choice == MINE:
            self.force = True
            try:
                return fn()
            finally:
                self.force = False
        stack = getattr(self.host, "stack", None)
        if choice == CANCEL and stack is not None:
            # QUndoStack already moved past this command: move it back without running it.
            self._skip = True
            QTimer.singleShot(0, stack.redo if undoing else stack.undo)
        else:
            # Theirs: their change stays, and this step leaves the history (QUndoStack drops
            # an obsolete command once its undo() or redo() returns).
            self.setObsolete(True)
        self.host.command_done(ChangeSet.everything(), None)
        return None

    @staticmethod
    def _report(report: Callable[[Exception], None], error: Exception) -> None:
        try:
            report(error)
        except Exception:  # pragma: no cover - the last line of defence
            import traceback

            traceback.print_exc()


class AddCommand(Command):
    """Add a record; undo deletes it; redo adds it again with the same id."""

    def __init__(
        self,
        host: Host,
        text: str,
        add: Callable[[int | None], Added],
        kind: str,
        focus: Callable[[int], FocusTarget] | None = None,
        focus_after_undo: FocusTarget | None = None,
    ) -> None:
        super().__init__(host, text)
        self._add, self._kind, self._focus = add, kind, focus
        self.record_id: int | None = None
        self.focus_after_undo = focus_after_undo

    def do(self) -> ChangeSet:
        added = self._add(self.record_id)
        self.record_id = added.id
        self.wrote(self._kind, added.id, added.version)
        if self._focus is not None:
            self.focus_after_do = self._focus(added.id)
        return added.changes

    def revert(self) -> ChangeSet:
        # Undoing an addition deletes the record only as we left it, and only with nothing
        # under it: whatever a colleague changed in it or put under it since is theirs.
        assert self.record_id is not None
        expected = self.expected(self._kind, self.record_id)
        return removal.delete_records(
            db=self.host.db,
            kind=self._kind,
            ids=[self.record_id],
            expected_versions=None if expected is None else {self.record_id: expected},
            alone=not self.force,
        ).changes


class EditCommand(Command):
    """Change some fields of a record; undo sets the fields it had before."""

    def __init__(
        self,
        host: Host,
        text: str,
        update: Callable[..., Edited[Any]],
        focus: FocusTarget | None = None,
        record: tuple[str, int] | None = None,
    ) -> None:
        super().__init__(host, text)
        self._update = update
        # (table, id) of the record: undo and redo then check its version
        self.record = record or _record_of(update)
        self._after: dict[str, Any] = {}
        self._before: dict[str, Any] = {}
        self.focus_after_do = self.focus_after_undo = focus

    def set_changes(self, **fields: Any) -> EditCommand:
        self._after = fields
        return self

    # The version of the record the window showed; checked on the first do() only (a redo
    # re-applies our own change). None: no check beyond the ORM's own.
    expected_version: int | None = None
    # The record as the window showed it (fields by name), sent with the first do() to a
    # service that takes it: equal versions do not prove it is the same record (see
    # services.conflicts.check_shown). None once the user chose to write over theirs.
    shown: dict[str, Any] | None = None

    def do(self) -> ChangeSet:
        if not self._before and self.expected_version is not None:
            seen = {} if self.shown is None else {"shown": self.shown}
            edited = self._update(**self._after, expected_version=self.expected_version, **seen)
        elif self._before:  # a redo: the record must still be as our undo left it
            edited = self._update(**self._after, **self._expect())
        else:
            edited = self._update(**self._after)
        if not self._before:
            # getattr, not dataclasses.asdict: that would turn an EventDate into a dict.
            self._before = {k: getattr(edited.before, k) for k in self._after}
        self._wrote(edited)
        return edited.changes

    def revert(self) -> ChangeSet:
        edited = self._update(**self._before, **self._expect())
        self._wrote(edited)
        return edited.changes

    def _expect(self) -> dict[str, Any]:
        if self.record is None:
            return {}
        expected = self.expected(*self.record)
        return {} if expected is None else {"expected_version": expected}

    def _wrote(self, edited: Edited[Any]) -> None:
        if self.record is not None:
            self.wrote(*self.record, edited.version)


def _record_of(update: Callable[..., Any]) -> tuple[str, int] | None:
    """(table, id) of the record an ``update_*`` partial changes, from its keyword."""
    keywords = getattr(update, "keywords", None) or {}
    for table in ("region", "country", "partner", "agreement", "event"):
        if f"{table}_id" in keywords:
            return table, int(keywords[f"{table}_id"])
    return None


class DeleteCommand(Command):
    """Delete records; undo restores them with their ids, places and everything under them."""

    def __init__(
        self,
        host: Host,
        text: str,
        kind: str,
        ids: list[int],
        focus_after_do: FocusTarget | None = None,
    ) -> None:
        super().__init__(host, text)
        self._kind, self._ids = kind, ids
        self._snapshot: removal.Snapshot | None = None
        self.focus_after_do = focus_after_do

    @property
    def snapshot(self) -> removal.Snapshot | None:
        return self._snapshot

    def do(self) -> ChangeSet:
        expected = None
        if self._snapshot is not None and not self.force:
            # A redo: delete them only as this history left them (nobody edited them since):
            # as the undo put them back, or as a later step of ours wrote them.
            table = self._snapshot.top.__tablename__
            mine = versions(self.host)
            expected = {
                r["id"]: mine.get((table, r["id"]), r["version"])
                for r in self._snapshot.rows[table]
                if "version" in r
            }
        deleted = removal.delete_records(
            db=self.host.db, kind=self._kind, ids=self._ids, expected_versions=expected
        )
        self._snapshot = deleted.snapshot
        return deleted.changes

    def revert(self) -> ChangeSet:
        assert self._snapshot is not None
        changes = removal.restore(db=self.host.db, snapshot=self._snapshot)
        table = self._snapshot.top.__tablename__
        for row in self._snapshot.rows[table]:
            self.wrote(table, row["id"], row.get("version"))  # restored as they were
        return changes


class MoveNodeCommand(Command):
    """Move a region, country or partner to a parent and an index; undo moves it back."""

    def __init__(self, host: Host, text: str, ref: NodeRef, parent_id: int | None, index: int):
        super().__init__(host, text)
        self._ref, self._parent_id, self._index = ref, parent_id, index
        self._moved: Moved | None = None
        self.focus_after_do = self.focus_after_undo = ref

    def _move(
        self, parent_id: int | None, index: int, agreements: dict[int, int] | None = None
    ) -> Moved:
        db, ref = self.host.db, self._ref
        if ref.kind is NodeKind.REGION:
            return order.move_region(db=db, region_id=ref.id, index=index)
        assert parent_id is not None
        # The first move checks nothing; its undo and redo expect the version it left.
        expected = None if self._moved is None else self.expected(ref.kind.value, ref.id)
        if ref.kind is NodeKind.COUNTRY:
            moved = order.move_country(
                db=db, country_id=ref.id, region_id=parent_id, index=index,
                expected_version=expected,
            )  # fmt: skip
        else:
            moved = order.move_partner(
                db=db, partner_id=ref.id, country_id=parent_id, index=index,
                expected_version=expected, agreement_positions=agreements,
            )  # fmt: skip
        self.wrote(ref.kind.value, ref.id, moved.version)
        return moved

    def do(self) -> ChangeSet:
        moved = self._move(self._parent_id, self._index)
        if self._moved is None:
            self._moved = moved
        return moved.changes

    def revert(self) -> ChangeSet:
        assert self._moved is not None
        before = self._moved.before
        # (a partner's agreements go back to their rows of the table, not after the rest)
        agreements = dict(self._moved.agreement_positions) or None
        return self._move(before.parent_id, before.index, agreements).changes


class MoveRecordCommand(Command):
    """Move an agreement within its partner, or events within the year or to another partner."""

    def __init__(
        self, host: Host, text: str, move: Callable[[], Moved], back: Callable[[Moved], Moved]
    ):
        super().__init__(host, text)
        self._move, self._back = move, back
        self._moved: Moved | None = None

    def do(self) -> ChangeSet:
        moved = self._move()
        if self._moved is None:
            self._moved = moved
        return moved.changes

    def revert(self) -> ChangeSet:
        assert self._moved is not None
        return self._back(self._moved).changes


class MoveEventsCommand(Command):
    """Move several events to another partner; undo puts each back where it was."""

    def __init__(self, host: Host, text: str, event_ids: list[int], partner_id: int) -> None:
        super().__init__(host, text)
        self._ids, self._partner_id = event_ids, partner_id
        self._moves: list[tuple[int, Moved]] = []

    def do(self) -> ChangeSet:
        changes, moves = ChangeSet(), []
        redo = bool(self._moves)
        try:
            for event_id in self._ids:
                moved = order.move_event(
                    db=self.host.db,
                    event_id=event_id,
                    index=None,
                    partner_id=self._partner_id,
                    expected_version=self.expected("event", event_id) if redo else None,
                )
                self.wrote("event", event_id, moved.version)
                moves.append((event_id, moved))
                changes = changes | moved.changes
        except Exception:
            # One event could not go (deleted or changed meanwhile): the ones moved already
            # go back, so that the step is all or nothing, as the history records it.
            self._put_back(moves)
            raise
        self._moves = moves
        return changes

    def revert(self) -> ChangeSet:
        return self._put_back(self._moves)

    def _put_back(self, moves: list[tuple[int, Moved]]) -> ChangeSet:
        changes = ChangeSet()
        for event_id, moved in reversed(moves):
            back = order.move_event(
                db=self.host.db,
                event_id=event_id,
                index=moved.before.index,
                partner_id=moved.before.parent_id,
                agreement_id=moved.agreement_id,
                expected_version=self.expected("event", event_id),
            )
            self.wrote("event", event_id, back.version)
            changes = changes | back.changes
        return changes


class ReorderEventsCommand(Command):
    """Give a partner's events of a year a new order (sorting by date, moving up or down)."""

    def __init__(self, host: Host, text: str, reorder: Callable[[], Reordered]) -> None:
        super().__init__(host, text)
        self._reorder = reorder
        self._done: Reordered | None = None
        self._where: tuple[int, int] | None = None

    def set_where(self, partner_id: int, year: int) -> ReorderEventsCommand:
        self._where = (partner_id, year)
        return self

    def do(self) -> ChangeSet:
        if self._done is None:
            self._done = self._reorder()
            # Already in that order (sorted twice): nothing to undo, no step in the history.
            self.setObsolete(self._done.before == self._done.after)
            return self._done.changes
        assert self._where is not None
        partner_id, year = self._where
        return order.order_events(
            db=self.host.db, partner_id=partner_id, year=year, ids=self._done.after
        ).changes

    def revert(self) -> ChangeSet:
        assert self._done is not None and self._where is not None
        partner_id, year = self._where
        return order.order_events(
            db=self.host.db, partner_id=partner_id, year=year, ids=self._done.before
        ).changes


class StartYearCommand(Command):
    """Start the table of a new year; undo forgets it (while it still has no events)."""

    def __init__(self, host: Host, text: str, year: int, year_before: int) -> None:
        super().__init__(host, text)
        self.year = year
        self.focus_after_do = YearFocus(year)
        self.focus_after_undo = YearFocus(year_before)

    def do(self) -> ChangeSet:
        return years.start_year(db=self.host.db, year=self.year).changes

    def revert(self) -> ChangeSet:
        return years.forget_year(db=self.host.db, year=self.year)

"""The change history of the records: who changed what and when; a deleted record brought back.

The entries are written by the store with each change (:mod:`spbgui.store.changelog`);
this module reads them for the window («История изменений») and the CLI, writes
them out as a CSV file, and recreates a deleted record, with everything that
was deleted with it, from its delete entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from spbgui.errors import UserError
from spbgui.io.atomic_file import WriteFailed, write_in_place
from spbgui.io.file_names import write_reason
from spbgui.services.changes import ChangeSet
from spbgui.services.positions import EditError
from spbgui.services.removal import KINDS, Snapshot, _changes, restore
from spbgui.store.database import Database
from spbgui.store.models import ChangeLog

ACTIONS_RU = {
    "insert": "добавление",
    "update": "изменение",
    "delete": "удаление",
    "import": "импорт",
}


@dataclass(frozen=True)
class Change:
    id: int
    at: dt.datetime  # UTC
    who: str
    table: str
    record_id: int | None
    action: str  # insert, update, delete, import
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    detail: dict[str, Any] | None = None

    @property
    def changed_fields(self) -> dict[str, tuple[Any, Any]]:
        """For an update, the fields that changed: name → (before, after); versions left out."""
        if self.before is None or self.after is None:
            return {}
        return {
            k: (self.before.get(k), v)
            for k, v in self.after.items()
            if k != "version" and self.before.get(k) != v
        }


def _load(text: str | None) -> dict[str, Any] | None:
    return None if text is None else json.loads(text)


def _change(row: ChangeLog) -> Change:
    return Change(
        id=row.id,
        at=row.at,
        who=row.who,
        table=row.table_name,
        record_id=row.record_id,
        action=row.action,
        before=_load(row.before),
        after=_load(row.after),
        detail=_load(row.detail),
    )


def history(
    *, db: Database, table: str | None = None, record_id: int | None = None
) -> list[Change]:
    """The changes, oldest first: of one record, of one table, or all of them."""
    query = select(ChangeLog).order_by(ChangeLog.id)
    if table is not None:
        query = query.where(ChangeLog.table_name == table)
    if record_id is not None:
        query = query.where(ChangeLog.record_id == record_id)
    with db.read() as s:
        return [_change(r) for r in s.scalars(query)]


def last_import(*, db: Database) -> int:
    """A number that changes with every import into the database, by anyone (the id of
    the newest import entry; 0 before the first): an undo history made before it refers
    to records the import may have replaced."""
    with db.read() as s:
        newest = s.scalar(select(func.max(ChangeLog.id)).where(ChangeLog.table_name == "import"))
    return int(newest or 0)


def export_history(
    *,
    db: Database,
    path: str | os.PathLike[str],
    table: str | None = None,
    record_id: int | None = None,
) -> int:
    """Write the history as a CSV file (UTF-8 with BOM, so Excel reads the Cyrillic); the count.

    The file is made beside the target and moved over it whole: an earlier file open in
    Excel, a full disk, or a folder without write access leaves the earlier file as it
    was, and the refusal (:class:`HistoryFileError`) says so in Russian.
    """
    changes = history(db=db, table=table, record_id=record_id)
    text = io.StringIO(newline="")
    _write_csv(text, changes)
    _put(Path(path), text.getvalue().encode("utf-8-sig"))
    return len(changes)


class HistoryFileError(UserError):
    """The history could not be saved; the message is one Russian line."""


def _put(target: Path, data: bytes) -> None:
    try:
        write_in_place(target, lambda fh: fh.write(data))
    except WriteFailed as failed:
        exc = failed.error
        if isinstance(exc, PermissionError):
            why = (
                f"нет прав на запись в папку «{target.parent}». Выберите другую папку"
                if failed.stage == "create"
                else "он открыт в другой программе (например, в Excel) или защищён от записи. "
                "Закройте его и сохраните ещё раз"
            )
        elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
            why = "на диске не хватает места. Освободите место или выберите другую папку"
        else:
            why = write_reason(exc)
        raise HistoryFileError(
            f"История не сохранена в файл «{target.name}»: {why}. "
            "Прежний файл с этим именем не изменён."
        ) from exc


def _write_csv(fh: IO[str], changes: list[Change]) -> None:
    out = csv.writer(fh)
    out.writerow(["№", "когда (UTC)", "кто", "таблица", "запись", "действие", "было", "стало"])
    for c in changes:
        out.writerow(
            [
                c.id,
                c.at.isoformat(sep=" ", timespec="seconds"),
                c.who,
                c.table,
                "" if c.record_id is None else c.record_id,
                ACTIONS_RU.get(c.action, c.action),
                "" if c.before is None else json.dumps(c.before, ensure_ascii=False),
                "" if c.after is None else json.dumps(c.after, ensure_ascii=False),
            ]
        )


def restore_deleted(*, db: Database, change_id: int) -> ChangeSet:
    """Recreate the record a delete entry names, with its children and links, at its place."""
    with db.read() as s:
        row = s.get(ChangeLog, change_id)
        if row is None or row.action != "delete" or row.table_name not in KINDS:
            raise EditError(f"В истории нет удаления записи под номером {change_id}.")
        change = _change(row)
        model = KINDS[change.table]
        if s.get(model, change.record_id) is not None:
            raise EditError("Эта запись уже есть в базе: восстанавливать нечего.")
    assert change.before is not None
    detail = change.detail or {}
    rows: dict[str, list[dict[str, Any]]] = {change.table: [change.before]}
    rows.update(detail.get("children", {}))
    snapshot = Snapshot(
        top=model,
        top_ids=(change.before["id"],),
        indexes=(int(detail.get("index", 1 << 30)),),
        rows=rows,
        links=tuple((int(e), int(a)) for e, a in detail.get("links", ())),
    )
    snapshot = Snapshot(
        snapshot.top,
        snapshot.top_ids,
        snapshot.indexes,
        snapshot.rows,
        snapshot.links,
        _changes(snapshot),
    )
    try:
        return restore(db=db, snapshot=snapshot)
    except IntegrityError as exc:
        raise EditError(
            "Запись не восстановить: того, к чему она относилась, больше нет в базе "
            "(или такое название уже занято). Сначала восстановите родительскую запись."
        ) from exc

"""The change history of the records: who changed what and when; a deleted record brought back.

The entries are written by the store with each change (:mod:`spbgui.store.changelog`);
this module reads them for the window («История изменений») and the CLI, writes
them out as a CSV file, and recreates a deleted record, with everything that
was deleted with it, from its delete entry.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

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


def export_history(
    *,
    db: Database,
    path: str | os.PathLike[str],
    table: str | None = None,
    record_id: int | None = None,
) -> int:
    """Write the history as a CSV file (UTF-8 with BOM, so Excel reads the Cyrillic); the count."""
    changes = history(db=db, table=table, record_id=record_id)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
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
    return len(changes)


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

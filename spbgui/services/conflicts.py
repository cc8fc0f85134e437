"""No lost update: an edit of a record that someone else changed or deleted meanwhile is refused.

Each record carries a version (revision 0006, the ORM's ``version_id_col``). A
caller that shows a record remembers the version it showed and passes it as
``expected_version`` to an ``update_*`` service; if the stored version differs,
or the record is gone, the service raises :class:`ConflictError` with both
sides, and nothing is written. The window can then show theirs and yours side
by side and let the user keep one (saving again with the version in ``theirs``).

Without an expected version the ORM still refuses an UPDATE whose row changed
between the read and the write (a race between two transactions on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from spbgui.services.errors import ConflictError as ConflictError  # (its home before)
from spbgui.store.database import Database

_WHAT = {  # the record in the accusative, and the pronoun that refers back to it
    "region": ("Регион", "его"),
    "country": ("Страну", "её"),
    "partner": ("Партнёра", "его"),
    "agreement": ("Соглашение", "его"),
    "event": ("Мероприятие", "его"),
}


def stored_fields(obj: Any) -> dict[str, Any]:
    """Every column of a record as plain values."""
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs}


def last_change(s: Session, table: str, record_id: int) -> tuple[str, str] | None:
    """Who last changed a record and when (local time, «ЧЧ:ММ» or a date), from the history."""
    from spbgui.store.models import ChangeLog

    row = s.execute(
        select(ChangeLog.who, ChangeLog.at)
        .where(ChangeLog.table_name == table, ChangeLog.record_id == record_id)
        .order_by(ChangeLog.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    who, at = row
    local = at.replace(tzinfo=dt.UTC).astimezone()
    when = (
        local.strftime("%H:%M")
        if local.date() == dt.date.today()
        else local.strftime("%d.%m.%Y %H:%M")
    )
    return who, when


def by_whom(s: Session, table: str, record_id: int) -> tuple[str | None, str]:
    """Who changed the record last, and words saying so for a conflict message (None, "")."""
    last = last_change(s, table, record_id)
    if last is None:
        return None, ""
    return last[0], f" (последнее изменение: «{last[0]}», {last[1]})"


def check_version(
    s: Session,
    model: Any,
    record_id: int,
    expected_version: int | None,
    yours: dict[str, Any],
) -> Any:
    """The record, locked for this transaction, if it is still the version the caller saw.

    With ``expected_version`` None there is nothing to compare: returns the record
    (or None) as ``Session.get`` does. The row is read ``FOR UPDATE`` (a no-op on
    SQLite, whose writer already holds the database) so that nobody changes it
    between this check and the write.
    """
    if expected_version is None:
        return s.get(model, record_id)
    obj = s.get(model, record_id, with_for_update=True, populate_existing=True)
    table = model.__tablename__
    what, it = _WHAT.get(table, ("Запись", "её"))
    if obj is None:
        raise ConflictError(
            f"{what} (№{record_id}) удалили, пока вы {it} правили: ваши изменения не сохранены.",
            table=table,
            record_id=record_id,
            theirs=None,
            yours=dict(yours),
            expected_version=expected_version,
        )
    if obj.version != expected_version:
        who, said = by_whom(s, table, record_id)
        raise ConflictError(
            f"{what} (№{record_id}) изменили{said}, пока вы {it} правили: ваши изменения "
            "не сохранены. Сравните свою и чужую версию и выберите, какую оставить.",
            table=table,
            record_id=record_id,
            theirs=stored_fields(obj),
            yours=dict(yours),
            expected_version=expected_version,
            who=who,
        )
    return obj


def check_shown(
    obj: Any,
    table: str,
    stored: dict[str, Any],
    shown: dict[str, Any] | None,
    yours: dict[str, Any],
    expected_version: int | None,
) -> None:
    """Refuse (:class:`ConflictError`) when the record under this id is not the one shown.

    The version alone cannot tell: SQLite gives a new row ``max(id) + 1``, so when the
    record shown was deleted (a year re-imported with its events replaced, a delete and
    an add in another window), the next row added takes its id and starts again at
    version 1, the version most records shown have. ``shown`` is what the window showed
    of the record; ``stored`` the same fields as stored now. Equal versions with other
    values mean another record, and the edit would land on it unasked.
    """
    if not shown or all(stored.get(k) == v for k, v in shown.items()):
        return
    what, it = _WHAT.get(table, ("Запись", "её"))
    raise ConflictError(
        f"{what} (№{obj.id}) заменили другой записью, пока вы {it} правили (например, год "
        "загрузили из таблицы заново): ваши изменения не сохранены. Сравните свою и чужую "
        "версию и выберите, какую оставить.",
        table=table,
        record_id=obj.id,
        theirs=stored_fields(obj),
        yours=dict(yours),
        expected_version=expected_version,
    )


def current_version(*, db: Database, table: str, record_id: int) -> int | None:
    """The stored version of a record (None if there is none): what a caller shows and keeps."""
    from spbgui.services.removal import KINDS

    model = KINDS[table]
    with db.read() as s:
        return s.scalar(select(model.version).where(model.id == record_id))


def written_version(s: Session, obj: Any) -> int:
    """The version the record has once this transaction's changes are written."""
    s.flush()
    return int(obj.version)

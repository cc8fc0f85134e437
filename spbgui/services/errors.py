"""What the services refuse with, and the values the window needs before any of them runs.

A module of its own, without SQLAlchemy: the window's first screen imports these
(its partner-kind choices, the errors its undo commands catch) while the services
that raise them are loaded only when the first edit needs them (issue 17).
"""

from __future__ import annotations

from typing import Any

from spbgui.errors import UserError

PARTNER_KINDS = ("city", "province", "region", "district", "country")


class EditError(UserError):
    """An edit the records cannot take (an empty or duplicate name, a missing record)."""


class ConflictError(UserError):
    """The record changed (or was deleted) since the caller read it; nothing was written.

    ``theirs`` is the record as stored now (every column, ``version`` included), or
    None when it was deleted; ``yours`` is what the caller asked to write (only
    the fields it gave).
    """

    def __init__(
        self,
        message: str,
        *,
        table: str,
        record_id: int,
        theirs: dict[str, Any] | None,
        yours: dict[str, Any],
        expected_version: int | None,
        who: str | None = None,
    ) -> None:
        super().__init__(message)
        self.who = who  # whose change is in the way (the history's last entry), if known
        self.table = table
        self.record_id = record_id
        self.theirs = theirs
        self.yours = yours
        self.expected_version = expected_version

    @property
    def deleted(self) -> bool:
        return self.theirs is None

    @property
    def their_version(self) -> int | None:
        return None if self.theirs is None else self.theirs.get("version")

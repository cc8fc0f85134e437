"""What an edit changed, so the window refreshes only the parts it names.

Every editing service returns a :class:`ChangeSet`; the window hands it to its
models from one signal (Anki's ``OpChanges`` and ``operation_did_execute`` are
the model). Nodes of the navigation tree are named by :class:`NodeRef`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class NodeKind(enum.Enum):
    REGION = "region"
    COUNTRY = "country"
    PARTNER = "partner"


@dataclass(frozen=True, order=True)
class NodeRef:
    """A region, country or partner of the navigation tree, by id."""

    kind: NodeKind
    id: int

    @classmethod
    def region(cls, id: int) -> NodeRef:
        return cls(NodeKind.REGION, id)

    @classmethod
    def country(cls, id: int) -> NodeRef:
        return cls(NodeKind.COUNTRY, id)

    @classmethod
    def partner(cls, id: int) -> NodeRef:
        return cls(NodeKind.PARTNER, id)


ROOT: NodeRef | None = None
"""The parent of the regions in :attr:`ChangeSet.children`."""


@dataclass
class ChangeSet:
    """The parts of the records an edit touched; merge several with ``|``."""

    # parents whose list of children changed (added, removed, moved, reordered); None: the roots
    children: set[NodeRef | None] = field(default_factory=set)
    # nodes whose own fields changed (name, kind, note)
    nodes: set[NodeRef] = field(default_factory=set)
    # nodes that no longer exist
    removed: set[NodeRef] = field(default_factory=set)
    # partners whose events changed: their event counts and those of their country and region
    counts: set[int] = field(default_factory=set)
    # partners whose agreements changed
    agreements: set[int] = field(default_factory=set)
    # partners whose events changed
    events: set[int] = field(default_factory=set)
    # the list of years changed
    years: bool = False
    # anything may have changed (an import, a reopened file): refresh all that is shown
    reload: bool = False

    def __or__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            children=self.children | other.children,
            nodes=self.nodes | other.nodes,
            removed=self.removed | other.removed,
            counts=self.counts | other.counts,
            agreements=self.agreements | other.agreements,
            events=self.events | other.events,
            years=self.years or other.years,
            reload=self.reload or other.reload,
        )

    def __bool__(self) -> bool:
        return bool(
            self.children
            or self.nodes
            or self.removed
            or self.counts
            or self.agreements
            or self.events
            or self.years
            or self.reload
        )

    @classmethod
    def everything(cls) -> ChangeSet:
        """After an import or a change from outside: refresh all that is shown."""
        return cls(reload=True, years=True)

    def touches_partner(self, partner_id: int) -> bool:
        return (
            partner_id in self.agreements
            or partner_id in self.events
            or NodeRef.partner(partner_id) in self.nodes
        )

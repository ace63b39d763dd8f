"""What resolving the sequence gives: each shown phase placed, the orders, the problems."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from typing import NamedTuple

from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.problems import Problem


class ResolvedPhase(NamedTuple):
    """Where one phase stands: its neighbours in navigation, its family and its loops.

    A named tuple rather than a dataclass: one is built per phase on every build, and a
    frozen dataclass costs several times more to create.
    """

    id: str
    docname: str
    position: int  # in the depth-first order of all phases
    parent: str | None = None
    children: tuple[str, ...] = ()
    previous: str | None = None
    next: str | None = None
    loops_to: tuple[str, ...] = ()
    first: bool = False
    last: bool = False


@dc.dataclass(frozen=True)
class Resolution:
    phases: Mapping[str, ResolvedPhase]  # every shown phase (hidden ones are left out)
    decls: Mapping[str, PhaseDecl]  # the declaration that won each id, hidden ones too
    order: tuple[str, ...]  # top-level phases in order
    flat: tuple[str, ...]  # every shown phase, depth-first
    problems: tuple[Problem, ...]
    pages: Mapping[str, str] = dc.field(default_factory=dict)  # docname -> shown phase id
    # The problems (also in *problems*) that explain others: reported before the rest.
    causes: tuple[Problem, ...] = ()
    hidden: frozenset[str] = frozenset()  # ids declared but left out (hidden drafts)
    # Declarations reported as the typo of an id that references name: meant -> declared.
    misspelt: Mapping[str, str] = dc.field(default_factory=dict)
    # Phases whose parent (their page's or the configured one) no page declares: the
    # parent id they name. They are sub-phases to their author, placed at the top level.
    lost_parent: Mapping[str, str] = dc.field(default_factory=dict)

    def top_of(self, phase_id: str) -> str:
        """The top-level phase *phase_id* belongs to (itself, when it is one)."""
        parent = self.phases[phase_id].parent
        while parent is not None:
            phase_id, parent = parent, self.phases[parent].parent
        return phase_id


@dc.dataclass
class Links:
    """The chains of phases, and each page's own usable links (which win in its navigation)."""

    succ: dict[str, str] = dc.field(default_factory=dict)
    pred: dict[str, str] = dc.field(default_factory=dict)
    own_next: dict[str, str] = dc.field(default_factory=dict)
    own_previous: dict[str, str] = dc.field(default_factory=dict)
    # Phases with a link already reported as wrong: their being unreached is the same
    # problem, so it is not reported a second time as an orphan.
    refused: set[str] = dc.field(default_factory=set)
    # Which declaration (phase id, field) made each link in succ, keyed by its source;
    # None for a link of the configured sequence.
    origin: dict[str, tuple[str, str] | None] = dc.field(default_factory=dict)

"""Every shown phase's short facts, gathered once per build for overviews and the export.

Only what cross-page work needs is kept here: ids, titles, links and short facts. The
phase's own words (summary, items, answers) stay in the doctrees and are read where
they are shown (:mod:`sphinx_phases.sphinx_ext.content`); ``content`` is a digest of
them, so a page that shows them is rewritten when they change.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Iterable, Mapping

from sphinx_phases.core.gates import Criterion, GateDecl, Gates
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.stages import Stages


@dc.dataclass(frozen=True)
class PhaseEntry:
    """One phase as overviews and phases.json show it: its facts and its position."""

    id: str
    title: str
    docname: str
    status: str
    position: int
    parent: str | None
    children: tuple[str, ...]
    previous: str | None
    next: str | None
    loops_to: tuple[str, ...]
    subtitle: str | None
    pictogram: str | None
    color: str | None
    duration: str | None
    team: str | None
    # Pages holding the phase's words: its own first, then pages listing items for it.
    pages: tuple[str, ...]
    content: tuple[str, ...]  # the digest of those words on each of those pages
    questions: tuple[str, ...]  # the question keys its page answers, in page order
    stage: str | None = None  # the id of its stage (a sub-phase: its parent's)
    gate_before: str | None = None  # the id of the gate that opens it
    gate_after: str | None = None  # the id of the gate that closes it (the first)
    # Every gate after it, in reading order: a parent may have two, one into its first
    # sub-phase and one after its whole family (docs/reference/gates.md).
    gates_after: tuple[str, ...] = ()


@dc.dataclass(frozen=True)
class GateEntry:
    """One placed gate as overviews and phases.json show it."""

    id: str
    title: str
    docname: str
    after: str
    before: str | None
    authority: str | None
    points: tuple[tuple[str, str], ...]  # (standard id, point id) assessed
    outcome: str | None
    date: str | None
    ratings: tuple[tuple[str, str], ...]
    criteria: tuple[Criterion, ...]
    decisions: tuple[str, ...] | None = None  # its :decisions:; None: the profile's default
    returns_to: str | None = None  # where a "return" decision sends the work


@dc.dataclass(frozen=True)
class FamilyGates:
    """Where an overview draws the gates after a phase, in the order readers pass them
    (docs/reference/gates.md): a gate into its first sub-phase comes before the sub-phases,
    one after the whole family after them."""

    after: tuple[GateEntry, ...] = ()  # every gate after the phase itself
    before_children: tuple[GateEntry, ...] = ()  # into its first sub-phase
    after_family: tuple[GateEntry, ...] = ()  # after it (a parent: after its whole family)
    # Every gate after it or one of its own sub-phases: a card names its sub-phases instead
    # of drawing them, and lists these gates under them.
    in_family: tuple[GateEntry, ...] = ()


def place_family_gates(
    phases: Mapping[str, PhaseEntry], gates: Mapping[str, GateEntry]
) -> dict[str, FamilyGates]:
    """Where the gates after each phase stand (*gates* in reading order); a phase with no
    gate after it or its sub-phases is left out."""

    def after(entry: PhaseEntry) -> tuple[GateEntry, ...]:
        return tuple(gates[g] for g in entry.gates_after if g in gates)

    order = {gate_id: i for i, gate_id in enumerate(gates)}
    found: dict[str, FamilyGates] = {}
    for entry in phases.values():
        own = after(entry)
        children = [phases[c] for c in entry.children if c in phases]
        family = [*own, *(gate for child in children for gate in after(child))]
        if family:
            found[entry.id] = FamilyGates(
                after=own,
                before_children=tuple(g for g in own if g.before in entry.children),
                after_family=tuple(g for g in own if g.before not in entry.children),
                in_family=tuple(sorted(family, key=lambda g: order[g.id])),
            )
    return found


def build_gate_entries(
    gates: Gates,
    points: Callable[[GateDecl], tuple[tuple[str, str], ...]],
    cited: Callable[[str], str],
) -> dict[str, GateEntry]:
    """Every placed gate; *points* reads the standard points a gate assesses, *cited*
    turns a point as written (a criterion's citation, a rating's key) into
    ``standard:point`` (as written when unknown)."""
    found: dict[str, GateEntry] = {}
    for gate_id, gate in gates.gates.items():
        decl = gate.decl
        found[gate_id] = GateEntry(
            id=gate_id,
            title=decl.title,
            docname=decl.docname,
            after=gate.after,
            before=gate.before,
            authority=decl.authority,
            points=points(decl),
            outcome=decl.outcome,
            date=decl.date,
            ratings=tuple((cited(point), rating) for point, rating in decl.ratings),
            criteria=tuple(
                dc.replace(c, cites=tuple(cited(point) for point in c.cites))
                for c in decl.criteria
            ),
            decisions=decl.decisions,
            returns_to=gate.returns_to or gate.after,
        )
    return found


# What a catalogue entry takes from where the sequence placed the phase (ResolvedPhase)
# and from its declaration as its page wrote it; the rest comes from other pages.
_PLACED = ("id", "docname", "position", "parent", "children", "previous", "next", "loops_to")
_DECLARED = ("title", "status", "subtitle", "color", "duration", "team")


def build_catalog(
    resolution: Resolution,
    item_lists: Mapping[str, Iterable[tuple[str, str | None]]],
    questions: Mapping[str, Iterable[tuple[str, ...]]],
    content: Mapping[str, str],
    standard_pictograms: frozenset[str] = frozenset(),
    gates: Gates | None = None,
    stages: Stages | None = None,
) -> dict[str, PhaseEntry]:
    """The shown phases in depth-first order.

    *item_lists* maps a page to the (kind, phase) of each item list on it (phase None: the
    page's own); *questions* a page to its answers, key first; *content* a page to the
    digest of its phase words. A phase without a pictogram of its own gets the built-in
    one named like its id, when there is one (discovery, alpha...).
    """
    elsewhere: dict[str, list[str]] = {}
    for docname, lists in item_lists.items():
        for _kind, phase_id in lists:
            if phase_id is not None and resolution.pages.get(docname) != phase_id:
                targets = elsewhere.setdefault(phase_id, [])
                if docname not in targets:
                    targets.append(docname)
    gates = gates or Gates()
    stages = stages or Stages()
    catalog: dict[str, PhaseEntry] = {}
    for phase_id in resolution.flat:
        phase, decl = resolution.phases[phase_id], resolution.decls[phase_id]
        pages = (decl.docname, *sorted(elsewhere.get(phase_id, ())))
        keys = dict.fromkeys(answer[0] for answer in questions.get(decl.docname, ()))
        pictogram = decl.pictogram or (phase_id if phase_id in standard_pictograms else None)
        catalog[phase_id] = PhaseEntry(
            **{name: getattr(phase, name) for name in _PLACED},
            **{name: getattr(decl, name) for name in _DECLARED},
            pictogram=pictogram,
            pages=pages,
            content=tuple(content.get(page, "") for page in pages),
            questions=tuple(keys),
            stage=stages.of.get(resolution.top_of(phase_id)),
            gate_before=gates.opening.get(phase_id),
            gate_after=gates.closing.get(phase_id),
            gates_after=tuple(gates.ends.get(phase_id, ())),
        )
    return catalog

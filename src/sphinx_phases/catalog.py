"""Everything shown about each phase, gathered once per build for overviews and the export."""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping

from sphinx_phases.model import Item, ItemList
from sphinx_phases.sequence import Resolution


@dc.dataclass(frozen=True)
class PhaseEntry:
    """One phase as overviews and phases.json show it: raw facts plus its position."""

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
    summary: str | None
    duration: str | None
    team: str | None
    activities: tuple[Item, ...]
    outputs: tuple[Item, ...]
    answers: tuple[tuple[str, str], ...]  # (question key, first paragraph), page order


def build_catalog(
    resolution: Resolution,
    items: Mapping[str, list[ItemList]],
    questions: Mapping[str, list[tuple[str, str, int]]],
    standard_pictograms: frozenset[str] = frozenset(),
) -> dict[str, PhaseEntry]:
    """The shown phases in depth-first order. A phase without a pictogram of its own gets
    the built-in one named like its id, when there is one (discovery, alpha...)."""
    lists: dict[str, dict[str, list[Item]]] = {}
    for docname, item_lists in items.items():
        page_phase = resolution.pages.get(docname)
        for item_list in item_lists:
            phase_id = item_list.phase or page_phase
            if phase_id is not None:
                kinds = lists.setdefault(phase_id, {})
                kinds.setdefault(item_list.kind, []).extend(item_list.items)
    catalog: dict[str, PhaseEntry] = {}
    for phase_id in resolution.flat:
        phase, decl = resolution.phases[phase_id], resolution.decls[phase_id]
        answers: dict[str, str] = {}
        for key, answer, _line in questions.get(decl.docname, ()):
            answers.setdefault(key, answer)
        own = lists.get(phase_id, {})
        pictogram = decl.pictogram or (phase_id if phase_id in standard_pictograms else None)
        catalog[phase_id] = PhaseEntry(
            id=phase_id,
            title=decl.title,
            docname=decl.docname,
            status=decl.status,
            position=phase.position,
            parent=phase.parent,
            children=phase.children,
            previous=phase.previous,
            next=phase.next,
            loops_to=phase.loops_to,
            subtitle=decl.subtitle,
            pictogram=pictogram,
            color=decl.color,
            summary=decl.summary,
            duration=decl.duration,
            team=decl.team,
            activities=tuple(own.get("activities", ())),
            outputs=tuple(own.get("outputs", ())),
            answers=tuple(answers.items()),
        )
    return catalog

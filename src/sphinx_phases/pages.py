"""What each page shows of the sequence, computed once per build (no Sphinx import).

:func:`build_pages` turns the resolved sequence into one :class:`PageView` per page that
shows something of it: a phase page's navigation, the phases its ``{phase}`` roles name,
an overview page's rows. The write-time transform renders a page from its view, the theme
context reads it, and :func:`digest` of the same value decides which pages an incremental
build rewrites; nothing restates by hand what the renderer reads.
"""

from __future__ import annotations

import dataclasses as dc
import hashlib
from collections.abc import Iterable, Mapping

from sphinx_phases.catalog import PhaseEntry
from sphinx_phases.colors import phase_color
from sphinx_phases.sequence import Resolution

#: The words a page shows, by key; the caller translates them. Templates take
#: ``{n}``, ``{total}`` and ``{parent}``.
WORDS = (
    "prev",  # to a top-level phase
    "prev-sub",  # to a sub-phase
    "first",
    "next",
    "next-sub",
    "final-next",  # to the last top-level phase
    "final",
    "up",
    "child",
    "loop",
    "part-of",  # a sub-phase's note: "part of {parent}"
    "position",
    "position-top",  # "Phase {n} of {total}"
    "position-sub",  # "Part {n} of {total} of {parent}"
    "duration",
    "team",
)


@dc.dataclass(frozen=True)
class NavLink:
    """One entry of a page's navigation: a link to a phase, or a marker (no target)."""

    kind: str  # prev, next, up, child, loop; first and final for markers
    label: str
    target: str | None = None
    title: str | None = None
    docname: str | None = None
    note: str | None = None  # what the target is part of, for a sub-phase


@dc.dataclass(frozen=True)
class RefView:
    """What a ``{phase}`` role shows of its target."""

    title: str
    docname: str
    hidden: bool


@dc.dataclass(frozen=True)
class PageView:
    """Everything a page shows of other pages' phases."""

    phase: str | None = None
    title: str | None = None
    status: str | None = None
    color: str | None = None
    nav: tuple[NavLink, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()  # (label, value), in reading order
    refs: tuple[tuple[str, RefView | None], ...] = ()
    # Overview rows: every shown phase. Compared through rows_digest, computed once per
    # build for all overview pages, rather than through the rows themselves.
    rows: Mapping[str, PhaseEntry] | None = dc.field(default=None, compare=False, repr=False)
    rows_digest: str | None = None


def ref_view(resolution: Resolution, target: str) -> RefView | None:
    decl = resolution.decls.get(target)
    if decl is None:
        return None
    return RefView(decl.title, decl.docname, target in resolution.hidden)


def build_pages(
    resolution: Resolution,
    catalog: Mapping[str, PhaseEntry],
    refs: Mapping[str, Iterable[tuple[str, int]]],
    overview_pages: Iterable[str],
    labels: Mapping[str, str],
) -> dict[str, PageView]:
    """The view of every page that shows a phase, a reference or an overview."""
    views: dict[str, PageView] = {}
    place = {p: i for i, p in enumerate(resolution.order)}
    for phase in resolution.phases.values():
        place.update((p, i) for i, p in enumerate(phase.children))
    for phase_id in resolution.flat:
        phase = resolution.phases[phase_id]
        decl = resolution.decls[phase_id]
        views[phase.docname] = PageView(
            phase=phase_id,
            title=decl.title,
            status=decl.status,
            color=phase_color(phase_id, decl.color),
            nav=nav_links(resolution, phase_id, labels),
            facts=facts(resolution, phase_id, labels, place),
        )
    for docname, targets in refs.items():
        shown = tuple(dict.fromkeys(t for t, _line in targets))
        view = views.get(docname, PageView())
        views[docname] = dc.replace(view, refs=tuple((t, ref_view(resolution, t)) for t in shown))
    overview_pages = list(overview_pages)
    if overview_pages:
        rows_digest = _hash(repr(tuple(catalog.values())))
        for docname in overview_pages:
            view = views.get(docname, PageView())
            views[docname] = dc.replace(view, rows=catalog, rows_digest=rows_digest)
    return views


def reading_neighbours(resolution: Resolution, phase_id: str) -> tuple[str | None, str | None]:
    """The phases before and after *phase_id* in reading order: depth-first, so a parent
    leads into its sub-phases and the last sub-phase on to the parent's next phase.

    Each family's own links (explicit ones included) decide the order within it.
    """
    phases = resolution.phases
    phase = phases[phase_id]
    following: str | None = None
    if phase.children:
        following = phase.children[0]
    else:
        climber: str | None = phase_id
        while climber is not None and following is None:
            following = phases[climber].next
            climber = phases[climber].parent
    previous = phase.previous
    if previous is not None:
        while phases[previous].children:
            previous = phases[previous].children[-1]
    else:
        previous = phase.parent
    return previous, following


def nav_links(
    resolution: Resolution, phase_id: str, labels: Mapping[str, str]
) -> tuple[NavLink, ...]:
    """Previous and next in reading order first (as readers tab), then family and loops."""
    phase = resolution.phases[phase_id]
    last_top = resolution.order[-1] if resolution.order else None
    previous, following = reading_neighbours(resolution, phase_id)
    links: list[NavLink] = []

    def link(kind: str, label: str, target: str) -> None:
        decl = resolution.decls[target]
        parent = resolution.phases[target].parent
        note = None
        if parent is not None and kind in ("prev", "next"):
            note = labels["part-of"].format(parent=resolution.decls[parent].title)
        links.append(NavLink(kind, labels[label], target, decl.title, decl.docname, note))

    def sub(target: str) -> bool:
        return resolution.phases[target].parent is not None

    if previous is not None:
        link("prev", "prev-sub" if sub(previous) else "prev", previous)
    else:
        links.append(NavLink("first", labels["first"]))
    if following == last_top and following is not None:
        link("next", "final-next", following)
    elif following is not None:
        link("next", "next-sub" if sub(following) else "next", following)
    else:
        links.append(NavLink("final", labels["final"]))
    if phase.parent:
        link("up", "up", phase.parent)
    for child in phase.children:
        link("child", "child", child)
    for target in phase.loops_to:
        link("loop", "loop", target)
    return tuple(links)


def facts(
    resolution: Resolution,
    phase_id: str,
    labels: Mapping[str, str],
    place: Mapping[str, int],
) -> tuple[tuple[str, str], ...]:
    """What a phase page states near its top: its position, duration and team.

    *place* is each phase's index among its siblings.
    """
    phase = resolution.phases[phase_id]
    decl = resolution.decls[phase_id]
    n = place[phase_id] + 1
    if phase.parent is None:
        position = labels["position-top"].format(n=n, total=len(resolution.order))
    else:
        position = labels["position-sub"].format(
            n=n,
            total=len(resolution.phases[phase.parent].children),
            parent=resolution.decls[phase.parent].title,
        )
    found = [(labels["position"], position)]
    if decl.duration:
        found.append((labels["duration"], decl.duration))
    if decl.team:
        found.append((labels["team"], decl.team))
    return tuple(found)


def digest(view: PageView) -> str:
    """A stable fingerprint of what *view* shows (``repr`` is stable across processes)."""
    return _hash(repr(view))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()

"""What each page shows of the sequence, computed once per build (no Sphinx import).

:func:`build_pages` turns the resolved sequence into one :class:`PageView` per page that
shows something of it: a phase page's navigation, the phases its ``{phase}`` roles name,
an overview page's rows. The write-time transform renders a page from its view, the theme
context reads it, and :func:`digest` of the same value decides which pages an incremental
build rewrites; nothing restates by hand what the renderer reads.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import hashlib
from collections.abc import Collection, Iterable, Mapping

from sphinx_phases.core.catalog import FamilyGates, GateEntry, PhaseEntry, place_family_gates
from sphinx_phases.core.colors import family_color
from sphinx_phases.core.gates import OUTCOMES, RATINGS, Gates, ResolvedGate, gate_anchor
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.stages import Stage, Stages
from sphinx_phases.core.standards import Standard, find_point, point_anchor, point_text

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
    "stage",
    "starts-after",  # the gate before the phase
    "ends-with",  # the gate after it
    "after-gate",  # a next link's note: "after the {gate}"
    "after-gate-noun",  # the same for a gate with a noun: "after {gate}"
    "gate-position",  # a gate's facts: "Gate {n} of {total}", among the placed gates
    "between",  # a gate's facts: the phases it stands between
    "between-value",  # "{after} and {before}"
    "closes",  # a final gate: the phase it closes
    "authority",
    "assesses",
    "decisions",  # the decisions a gate can take
    "outcome",
    "returns-to",  # where a "return" decision sends the work
    "date",
    "ratings",
    *(f"outcome-{outcome}" for outcome in OUTCOMES),
    *(f"rating-{rating}" for rating in RATINGS),
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
    gate: GateLink | None = None  # the gate a reader passes to reach the target


@dc.dataclass(frozen=True)
class GateLink:
    """A gate as another page names it: its title and where it is."""

    id: str
    title: str
    docname: str
    noun: str | None = None  # how a sentence names it, when not "the TITLE"


@dc.dataclass(frozen=True)
class GateView:
    """What a gate's own page shows around its words: its place and its decision."""

    id: str
    after: NavLink  # kind "after"; label unused
    before: NavLink | None
    # position, authority, points, decisions, outcome, returns-to (a link), date, ratings
    facts: tuple[tuple[str, str | NavLink], ...]


@dc.dataclass(frozen=True)
class Rows:
    """What overviews show: every shown phase, gate and stage."""

    phases: Mapping[str, PhaseEntry]
    gates: Mapping[str, GateEntry]
    stages: Mapping[str, Stage]

    def family_gates(self, phase_id: str) -> FamilyGates:
        """Where the gates after *phase_id* stand, worked out once for every style."""
        return self._family_gates.get(phase_id, FamilyGates())

    @functools.cached_property
    def _family_gates(self) -> dict[str, FamilyGates]:
        return place_family_gates(self.phases, self.gates)


@dc.dataclass(frozen=True)
class RefView:
    """What a ``{phase}``, ``{gate}`` or ``{standard}`` role shows of its target: a title,
    and where it links (a page's *anchor*, or a *url*); *hidden* ones show their title only."""

    title: str
    docname: str
    hidden: bool
    anchor: str | None = None
    url: str | None = None


@dc.dataclass(frozen=True)
class Targets:
    """Everything a role can name: phases, gates and standard points."""

    resolution: Resolution
    gates: Gates = dc.field(default_factory=Gates)
    standards: Mapping[str, Standard] = dc.field(default_factory=dict)
    listed: Mapping[str, str] = dc.field(default_factory=dict)  # standard -> its listing page


@dc.dataclass(frozen=True)
class StandardView:
    """A ``phase-standard`` listing: the standard as written and as read, and with
    ``:coverage:`` the gates of its matrix."""

    written: str
    standard: Standard | None
    gates: tuple[GateEntry, ...] | None


@dc.dataclass(frozen=True)
class PageView:
    """Everything a page shows of other pages' phases."""

    phase: str | None = None
    title: str | None = None
    status: str | None = None
    color: str | None = None
    nav: tuple[NavLink, ...] = ()
    facts: tuple[tuple[str, str | GateLink], ...] = ()  # (label, value); a gate is linked
    refs: tuple[tuple[tuple[str, str], RefView | None], ...] = ()  # ((kind, id), view)
    gates: tuple[GateView, ...] = ()  # the gates declared on the page
    standards: tuple[StandardView, ...] = ()  # the standards listed on the page
    # Overview rows: every shown phase. Compared through rows_digest, computed once per
    # build for all overview pages, rather than through the rows themselves.
    rows: Rows | None = dc.field(default=None, compare=False, repr=False)
    rows_digest: str | None = None

    @functools.cached_property
    def ref_map(self) -> dict[tuple[str, str], RefView | None]:
        """``refs`` as a mapping, made once: a page resolves each of its references
        through it, and copying it per reference made a page of many citations cost the
        square of their number."""
        return dict(self.refs)


def ref_view(targets: Targets, kind: str, target: str) -> RefView | None:
    """What a ``{phase}``, ``{gate}`` or ``{standard}`` (*kind*) role naming *target* shows."""
    if kind == "gate":
        gate = targets.gates.declared.get(target)
        if gate is None:
            return None
        # A gate of a hidden draft is left out with its phase: its title as plain text.
        hidden = target not in targets.gates.gates and gate.docname not in targets.resolution.pages
        return RefView(gate.title, gate.docname, hidden, gate_anchor(target))
    if kind == "point":
        found = find_point(targets.standards, target)
        if found is None:
            return None
        standard, point = found
        docname = targets.listed.get(standard.id)
        text = point_text(standard, point)
        if docname is not None:
            return RefView(text, docname, False, point_anchor(standard.id, point.id))
        return RefView(text, "", point.url is None, url=point.url)
    resolution = targets.resolution
    decl = resolution.decls.get(target)
    if decl is None:
        return None
    return RefView(decl.title, decl.docname, target in resolution.hidden)


def standard_view(
    targets: Targets, written: str, coverage: bool, gates: Iterable[GateEntry]
) -> StandardView:
    standards = targets.standards
    if written:
        standard = standards.get(written)
    else:
        standard = next(iter(standards.values())) if len(standards) == 1 else None
    shown = tuple(gates) if coverage else None
    return StandardView(written, standard, shown)


def build_pages(
    targets: Targets,
    stages: Stages,
    rows: Rows,
    refs: Mapping[str, Iterable[tuple[str, int, str, str | None]]],
    listings: Mapping[str, Iterable[tuple[str, bool, int]]],
    overview_pages: Iterable[str],
    labels: Mapping[str, str],
    returning: Collection[str] = (),
) -> dict[str, PageView]:
    """The view of every page that shows a phase, a gate, a reference, a standard or an
    overview. *listings* maps a page to its ``phase-standard`` directives (standard id as
    written, coverage, line); *returning* are the decisions that mean ``return``."""
    resolution, gates = targets.resolution, targets.gates
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
            color=family_color(resolution, phase_id),
            nav=nav_links(resolution, gates, phase_id, labels),
            facts=facts(resolution, gates, stages, phase_id, labels, place),
        )
    for n, (gate_id, gate) in enumerate(gates.gates.items(), 1):  # in reading order
        docname = gate.decl.docname
        view = views.get(docname, PageView())
        assessed = _assessed(rows.gates[gate_id].points, targets.standards)
        placed = gate_view(resolution, gate, labels, assessed, returning, (n, len(gates.gates)))
        views[docname] = dc.replace(view, gates=(*view.gates, placed))
    for docname, named in refs.items():
        shown = tuple(dict.fromkeys((kind, t) for t, _line, kind, _path in named))
        view = views.get(docname, PageView())
        found = tuple((key, ref_view(targets, *key)) for key in shown)
        views[docname] = dc.replace(view, refs=found)
    for docname, listed in listings.items():
        view = views.get(docname, PageView())
        shown_standards = tuple(
            standard_view(targets, written, coverage, rows.gates.values())
            for written, coverage, _line in listed
        )
        views[docname] = dc.replace(view, standards=shown_standards)
    overview_pages = list(overview_pages)
    if overview_pages:
        rows_digest = _hash(repr((tuple(rows.phases.values()), rows.gates, rows.stages)))
        for docname in overview_pages:
            view = views.get(docname, PageView())
            views[docname] = dc.replace(view, rows=rows, rows_digest=rows_digest)
    return views


def _assessed(points: Iterable[tuple[str, str]], standards: Mapping[str, Standard]) -> str | None:
    """ "Service Standard: 1, 2, 5" for each standard a gate assesses points of."""
    by_standard: dict[str, list[str]] = {}
    for standard_id, point_id in points:
        by_standard.setdefault(standard_id, []).append(point_id)
    parts = [f"{standards[s].title}: {', '.join(ids)}" for s, ids in by_standard.items()]
    return "; ".join(parts) or None


def gate_view(
    resolution: Resolution,
    gate: ResolvedGate,
    labels: Mapping[str, str],
    assessed: str | None,
    returning: Collection[str] = (),
    position: tuple[int, int] | None = None,
) -> GateView:
    """A gate's facts (docs/reference/gates.md): its *position* (n, total) among the
    placed gates in reading order, its decisions when ``:decisions:`` names them, and where
    the work returns to when the outcome is a decision in *returning*."""

    def phase_link(phase_id: str) -> NavLink:
        decl = resolution.decls[phase_id]
        return NavLink("phase", "", phase_id, decl.title, decl.docname)

    decl = gate.decl
    found: list[tuple[str, str | NavLink]] = []
    if position is not None:
        n, total = position
        found.append((labels["position"], labels["gate-position"].format(n=n, total=total)))
    if decl.authority:
        found.append((labels["authority"], decl.authority))
    if assessed:
        found.append((labels["assesses"], assessed))
    if decl.decisions:
        taken = ", ".join(labels.get(f"outcome-{d}", d) for d in decl.decisions)
        found.append((labels["decisions"], taken))
    if decl.outcome:
        outcome = labels.get(f"outcome-{decl.outcome}", decl.outcome)
        found.append((labels["outcome"], outcome))
        if decl.outcome in returning:
            found.append((labels["returns-to"], phase_link(gate.returns_to or gate.after)))
    if decl.date:
        found.append((labels["date"], decl.date))
    if decl.ratings:
        rated = ", ".join(f"{point}: {labels[f'rating-{r}']}" for point, r in decl.ratings)
        found.append((labels["ratings"], rated))
    before = phase_link(gate.before) if gate.before is not None else None
    return GateView(decl.id, phase_link(gate.after), before, tuple(found))


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
    resolution: Resolution, gates: Gates, phase_id: str, labels: Mapping[str, str]
) -> tuple[NavLink, ...]:
    """Previous and next in reading order first (as readers tab), then family and loops.

    The next link names the gate a reader passes on the way: one that opens the next
    phase and closes this phase or one it is part of.
    """
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
        passed = _gate_between(resolution, gates, phase_id, target) if kind == "next" else None
        links.append(NavLink(kind, labels[label], target, decl.title, decl.docname, note, passed))

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


def _gate_between(
    resolution: Resolution, gates: Gates, source: str, target: str
) -> GateLink | None:
    gate_id = gates.opening.get(target)
    if gate_id is None:
        return None
    gate = gates.gates[gate_id]
    climber: str | None = source
    while climber is not None and climber != gate.after:
        climber = resolution.phases[climber].parent
    if climber is None:
        return None
    return _gate_link(gates, gate_id, noun=True)


def _gate_link(gates: Gates, gate_id: str, *, noun: bool = False) -> GateLink:
    decl = gates.gates[gate_id].decl  # facts never use the noun: a new one rewrites no page
    return GateLink(gate_id, decl.title, decl.docname, decl.noun if noun else None)


def facts(
    resolution: Resolution,
    gates: Gates,
    stages: Stages,
    phase_id: str,
    labels: Mapping[str, str],
    place: Mapping[str, int],
) -> tuple[tuple[str, str | GateLink], ...]:
    """What a phase page states near its top: its position, stage, the gates around it
    (linked: docs/reference/gates.md), duration and team. *place*: its index among siblings.
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
    found: list[tuple[str, str | GateLink]] = [(labels["position"], position)]
    stage = stages.of.get(resolution.top_of(phase_id))
    if stage is not None:
        found.append((labels["stage"], stages.stages[stage].title))
    if phase_id in gates.opening:
        found.append((labels["starts-after"], _gate_link(gates, gates.opening[phase_id])))
    for gate_id in gates.ends.get(phase_id, ()):  # a parent's first, then its family's
        found.append((labels["ends-with"], _gate_link(gates, gate_id)))
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

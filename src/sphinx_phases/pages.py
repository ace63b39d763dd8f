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

#: The navigation labels, by kind of link; the caller translates them.
NAV_LABELS = ("prev", "first", "next", "final-next", "final", "up", "child", "loop")


@dc.dataclass(frozen=True)
class NavLink:
    """One entry of a page's navigation: a link to a phase, or a marker (no target)."""

    kind: str  # prev, next, up, child, loop; first and final for markers
    label: str
    target: str | None = None
    title: str | None = None
    docname: str | None = None


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
    for phase_id in resolution.flat:
        phase = resolution.phases[phase_id]
        decl = resolution.decls[phase_id]
        views[phase.docname] = PageView(
            phase=phase_id,
            title=decl.title,
            status=decl.status,
            color=phase_color(phase_id, decl.color),
            nav=nav_links(resolution, phase_id, labels),
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


def nav_links(
    resolution: Resolution, phase_id: str, labels: Mapping[str, str]
) -> tuple[NavLink, ...]:
    """Previous and next first, in reading and tabbing order; then family and loops."""
    phase = resolution.phases[phase_id]
    last_top = resolution.order[-1] if resolution.order else None
    links: list[NavLink] = []

    def link(kind: str, label: str, target: str) -> None:
        decl = resolution.decls[target]
        links.append(NavLink(kind, labels[label], target, decl.title, decl.docname))

    if phase.previous:
        link("prev", "prev", phase.previous)
    elif phase.first:
        links.append(NavLink("first", labels["first"]))
    if phase.next:
        link("next", "final-next" if phase.next == last_top else "next", phase.next)
    elif phase.last:
        links.append(NavLink("final", labels["final"]))
    if phase.parent:
        link("up", "up", phase.parent)
    for child in phase.children:
        link("child", "child", child)
    for target in phase.loops_to:
        link("loop", "loop", target)
    return tuple(links)


def digest(view: PageView) -> str:
    """A stable fingerprint of what *view* shows (``repr`` is stable across processes)."""
    return _hash(repr(view))


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()

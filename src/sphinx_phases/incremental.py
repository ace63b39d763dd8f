"""Which pages to rewrite because a phase they show has changed.

Each page's *view* is the part of the resolved sequence it renders: its own position
(neighbours, parent, children, loops) and the title, page and status of every phase it
names. Sphinx re-reads the pages whose sources changed; this module adds the pages whose
view changed, so neighbours and referring pages are never stale, and an unchanged
rebuild rewrites nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.domain import PhasesDomain
    from sphinx_phases.sequence import Resolution


def pages_to_rewrite(env: BuildEnvironment, resolution: Resolution) -> list[str]:
    domain: PhasesDomain = env.get_domain("phases")  # type: ignore[assignment]
    views = compute_views(resolution, domain.data["refs"])
    if domain.data["overviews"]:
        # Overviews show every fact of every phase: one digest of the whole catalogue
        # (repr is stable across processes, unlike hash()).
        everything = repr(tuple(domain.catalog.values())).encode()
        digest = hashlib.sha256(everything).hexdigest()
        for docname in domain.data["overviews"]:
            views[docname] = (views.get(docname), digest)
    old: dict[str, Hashable] = domain.data["views"]
    domain.data["views"] = views
    existing = env.all_docs
    changed = {d for d in views.keys() | old.keys() if views.get(d) != old.get(d)}
    return sorted(d for d in changed if d in existing)


def compute_views(
    resolution: Resolution, refs: dict[str, list[tuple[str, int]]]
) -> dict[str, Hashable]:
    decls = resolution.decls

    def brief(phase_id: str) -> Hashable:
        decl = decls.get(phase_id)
        if decl is None:
            return (phase_id,)
        # Whether it is the last phase shows on its neighbours ("Final phase: ...").
        shown = resolution.phases.get(phase_id)
        return (phase_id, decl.title, decl.docname, decl.status, shown and shown.last)

    views: dict[str, Hashable] = {}
    for phase in resolution.phases.values():
        named = (phase.previous, phase.next, phase.parent, *phase.children, *phase.loops_to)
        views[phase.docname] = (
            phase.id,
            phase.first,
            phase.last,
            phase.previous,
            phase.next,
            phase.parent,
            phase.children,
            phase.loops_to,
            tuple(brief(p) for p in named if p is not None),
        )
    for docname, targets in refs.items():
        views[docname] = (views.get(docname), tuple(brief(t) for t, _line in targets))
    return views

"""Which pages to rewrite because what they show of other pages has changed.

Sphinx re-reads the pages whose sources changed; this adds the pages whose view
(:class:`sphinx_phases.pages.PageView`: the value they are rendered from) changed, by
comparing its digest with the one recorded when the page was last written. Neighbours,
referring pages and overviews are never stale, and an unchanged rebuild rewrites nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sphinx_phases.access import phases_domain
from sphinx_phases.pages import PageView, digest

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def pages_to_rewrite(env: BuildEnvironment, views: Mapping[str, PageView]) -> list[str]:
    domain = phases_domain(env)
    digests = {docname: digest(view) for docname, view in views.items()}
    old: dict[str, str] = domain.data["views"]
    domain.data["views"] = digests
    changed = {d for d in digests.keys() | old.keys() if digests.get(d) != old.get(d)}
    return sorted(d for d in changed if d in env.all_docs)

"""The page context for themes: the phase of the page, and its neighbours.

Runs in ``html-page-context``, inside write workers when building with ``-j``: it reads
the resolved sequence and changes nothing but the context it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import escape
from sphinx.errors import NoUri
from sphinx.locale import _ as sphinx_

from sphinx_phases.core.config import get_config
from sphinx_phases.core.views import GateLink
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import lifecycles

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def add_phase_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    domain = phases_domain(app.env)
    lifecycle = lifecycles().of(pagename)
    view = domain.view(lifecycle, pagename)
    if view is None:
        return

    def entry(target: str, title: str, docname: str) -> dict[str, str] | None:
        try:
            link = app.builder.get_relative_uri(pagename, docname)
        except NoUri:
            return None
        # Escaped, as Sphinx escapes its own prev/next titles: themes print them raw.
        return {"id": target, "title": str(escape(title)), "link": link}

    def gate_page(gate: GateLink | None) -> GateLink | None:
        """*gate*, when it is declared on a page of its own (one without a phase), which
        the reading order passes through (docs/reference/gates.md)."""
        if gate is None or gate.docname == pagename:
            return None
        shown = domain.view(lifecycle, gate.docname)
        return gate if shown is not None and shown.phase is None else None

    if view.phase is None or view.title is None:
        # A gate's own page: between the phase it closes and the one it opens.
        placed = [(g.after, g.before) for g in view.gates if g.before is not None]
        if len(placed) == 1 and get_config(app.config).theme_nav:
            after, before = placed[0]
            if before is None or not (after.docname and before.docname):
                return
            previous = entry(after.target or "", after.title or "", after.docname)
            following = entry(before.target or "", before.title or "", before.docname)
            context["phase_prev"], context["phase_next"] = previous, following
            _override_theme_links(context, previous, after.docname, following, before.docname)
        return

    links = {link.kind: link for link in view.nav if link.target is not None}

    def neighbour(kind: str) -> tuple[dict[str, str] | None, str | None]:
        link = links.get(kind)
        if link is None or link.target is None or link.title is None or link.docname is None:
            return None, None
        return entry(link.target, link.title, link.docname), link.docname

    context["phase"] = {**(entry(view.phase, view.title, pagename) or {}), "status": view.status}
    context["phase_prev"], previous_doc = neighbour("prev")
    context["phase_next"], next_doc = neighbour("next")
    if not get_config(app.config).theme_nav:
        return
    previous, following = context["phase_prev"], context["phase_next"]
    # The theme's links pass through a gate's own page, as a reader does: the gate this
    # page's next link passes, and the one the previous page's next link passes to here.
    ahead = gate_page(links["next"].gate if "next" in links else None)
    behind = None
    if previous_doc is not None:
        earlier = domain.view(lifecycle, previous_doc)
        back = next((k for k in earlier.nav if k.kind == "next"), None) if earlier else None
        if back is not None and back.docname == pagename:
            behind = gate_page(back.gate)
    if ahead is not None:
        following, next_doc = entry(ahead.id, ahead.title, ahead.docname), ahead.docname
    if behind is not None:
        previous, previous_doc = entry(behind.id, behind.title, behind.docname), behind.docname
    _override_theme_links(context, previous, previous_doc, following, next_doc)


def _override_theme_links(
    context: dict[str, Any],
    previous: dict[str, str] | None,
    previous_doc: str | None,
    following: dict[str, str] | None,
    next_doc: str | None,
) -> None:
    """Make the theme's own prev/next (and basic's relbar) follow the reading order."""
    context["prev"] = {"link": previous["link"], "title": previous["title"]} if previous else None
    context["next"] = (
        {"link": following["link"], "title": following["title"]} if following else None
    )
    # rellinks name documents; the relbar template builds each URL with pathto().
    rellinks = [link for link in context.get("rellinks", []) if link[2] not in ("N", "P")]
    extra = []
    if following and next_doc:
        extra.append((next_doc, following["title"], "N", sphinx_("next")))
    if previous and previous_doc:
        extra.append((previous_doc, previous["title"], "P", sphinx_("previous")))
    context["rellinks"] = extra + rellinks

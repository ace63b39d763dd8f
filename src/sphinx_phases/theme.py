"""The page context for themes: the phase of the page, and its neighbours.

Runs in ``html-page-context``, inside write workers when building with ``-j``: it reads
the resolved sequence and changes nothing but the context it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import escape
from sphinx.errors import NoUri
from sphinx.locale import _ as sphinx_

from sphinx_phases.config import get_config

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

    from sphinx_phases.domain import PhasesDomain


def add_phase_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    domain: PhasesDomain = app.env.get_domain("phases")  # type: ignore[assignment]
    resolution = domain.resolution
    phase_id = resolution.pages.get(pagename)
    if phase_id is None:
        return
    phase = resolution.phases[phase_id]

    def entry(target: str | None) -> dict[str, str] | None:
        if target is None:
            return None
        decl = resolution.decls[target]
        try:
            link = app.builder.get_relative_uri(pagename, decl.docname)
        except NoUri:
            return None
        # Escaped, as Sphinx escapes its own prev/next titles: themes print them raw.
        return {"id": target, "title": str(escape(decl.title)), "link": link}

    decl = resolution.decls[phase_id]
    context["phase"] = {**(entry(phase_id) or {}), "status": decl.status}
    context["phase_prev"] = entry(phase.previous)
    context["phase_next"] = entry(phase.next)
    if get_config(app.config).theme_nav:
        docname = {p: resolution.decls[p].docname for p in (phase.previous, phase.next) if p}
        _override_theme_links(
            context, docname.get(phase.previous or ""), docname.get(phase.next or "")
        )


def _override_theme_links(
    context: dict[str, Any], previous_doc: str | None, next_doc: str | None
) -> None:
    """Make the theme's own prev/next (and basic's relbar) follow the phase sequence."""
    previous, following = context["phase_prev"], context["phase_next"]
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

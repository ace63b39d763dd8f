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
    view = phases_domain(app.env).view(lifecycles().of(pagename), pagename)
    if view is None or view.phase is None or view.title is None:
        return

    def entry(target: str, title: str, docname: str) -> dict[str, str] | None:
        try:
            link = app.builder.get_relative_uri(pagename, docname)
        except NoUri:
            return None
        # Escaped, as Sphinx escapes its own prev/next titles: themes print them raw.
        return {"id": target, "title": str(escape(title)), "link": link}

    links = {link.kind: link for link in view.nav if link.target is not None}

    def neighbour(kind: str) -> tuple[dict[str, str] | None, str | None]:
        link = links.get(kind)
        if link is None or link.target is None or link.title is None or link.docname is None:
            return None, None
        return entry(link.target, link.title, link.docname), link.docname

    context["phase"] = {**(entry(view.phase, view.title, pagename) or {}), "status": view.status}
    context["phase_prev"], previous_doc = neighbour("prev")
    context["phase_next"], next_doc = neighbour("next")
    if get_config(app.config).theme_nav:
        _override_theme_links(context, previous_doc, next_doc)


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

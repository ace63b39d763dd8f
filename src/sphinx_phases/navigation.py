"""A page's previous/next navigation as docutils nodes, rendered from its view.

The words are real text (a label, a separator, the neighbour's title), so every builder
writes them, one the extension has no handler for included: the navigation is a
container of paragraphs. HTML turns it into a labelled ``nav`` landmark with ``rel``
links; the ``no-search`` class keeps its words out of the search index.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.declare import phase_reference
from sphinx_phases.locale import _
from sphinx_phases.nodes import phases_nav_link

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinx_phases.nodes import phases_nav
    from sphinx_phases.pages import NavLink, PageView


def nav_labels() -> dict[str, str]:
    """The navigation's words in the build's language (see pages.NAV_LABELS)."""
    return {
        "prev": _("Previous phase"),
        "first": _("This is the first phase"),
        "next": _("Next phase"),
        "final-next": _("Final phase"),
        "final": _("This is the final phase"),
        "up": _("Part of"),
        "child": _("Sub-phase"),
        "loop": _("Go back to"),
    }


def fill_nav(nav: phases_nav, view: PageView, builder: Builder) -> None:
    """Fill the placeholder *nav* with *view*'s links, or remove it when there are none."""
    if not view.nav:
        nav.parent.remove(nav)
        return
    if view.color:
        nav["color"] = view.color
    for link in view.nav:
        nav += _entry(link, nav["docname"], builder)


def _entry(link: NavLink, docname: str, builder: Builder) -> phases_nav_link:
    entry = phases_nav_link(kind=link.kind)
    words: list[nodes.Node] = [nodes.inline(link.label, link.label, classes=["phases-nav__label"])]
    if link.target is None or link.docname is None or link.title is None:
        entry.extend(words)
        return entry
    words.append(nodes.inline(": ", ": ", classes=["phases-nav__sep"]))
    words.append(nodes.inline(link.title, link.title, classes=["phases-nav__title"]))
    entry += phase_reference(builder, docname, link.docname, link.target, words)
    return entry

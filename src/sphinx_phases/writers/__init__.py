"""Visitors for every node class, per output format, in one table that a test checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sphinx_phases import nodes as phase_nodes
from sphinx_phases.writers import html, other

Handlers = tuple[Callable[..., Any], Callable[..., Any]]

# The writers Sphinx ships; epub, singlehtml and dirhtml share "html".
FORMATS = ("html", "latex", "text", "man", "texinfo")

HANDLERS: dict[type, dict[str, Handlers]] = {
    # Other formats write the navigation's words as the container and paragraphs it is;
    # LaTeX sets it off between rules, with page numbers (see writers.other).
    phase_nodes.phases_nav: {
        "html": (html.visit_nav, html.depart_nav),
        "latex": (other.visit_nav_latex, other.depart_nav_latex),
        "text": (other.visit_container, other.depart_container),
        "man": (other.visit_container, other.depart_container),
        "texinfo": (other.visit_container, other.depart_container),
    },
    phase_nodes.phases_nav_link: {
        "html": (html.visit_nav_link, html.depart_nothing),
        "latex": (other.visit_paragraph, other.depart_nav_link_latex),
        "text": (other.visit_paragraph, other.depart_paragraph),
        "man": (other.visit_paragraph, other.depart_paragraph),
        "texinfo": (other.visit_paragraph, other.depart_paragraph),
    },
    phase_nodes.phases_banner: {
        "html": (html.visit_banner, html.depart_banner),
        "latex": (other.visit_banner_latex, other.depart_nothing),
        "text": (other.visit_container, other.depart_container),
        "man": (other.visit_container, other.depart_container),
        "texinfo": (other.visit_container, other.depart_container),
    },
    phase_nodes.phases_region: {
        "html": (html.visit_region, html.depart_region),
        "latex": (other.visit_container, other.depart_container),
        "text": (other.visit_container, other.depart_container),
        "man": (other.visit_container, other.depart_container),
        "texinfo": (other.visit_container, other.depart_container),
    },
    phase_nodes.phases_step: {
        "html": (html.visit_step, html.depart_step),
        "latex": (other.visit_step_latex, other.depart_nothing),
        "text": (other.visit_list_item, other.depart_list_item),
        "man": (other.visit_list_item, other.depart_list_item),
        "texinfo": (other.visit_list_item, other.depart_list_item),
    },
    # Replaced before writing; should one survive (a builder without post-transforms),
    # it renders nothing rather than failing.
    phase_nodes.phases_facts: {
        "html": (other.skip, other.skip),
        "latex": (other.skip, other.skip),
        "text": (other.skip, other.skip),
        "man": (other.skip, other.skip),
        "texinfo": (other.skip, other.skip),
    },
    phase_nodes.phases_overview: {
        "html": (other.skip, other.skip),
        "latex": (other.skip, other.skip),
        "text": (other.skip, other.skip),
        "man": (other.skip, other.skip),
        "texinfo": (other.skip, other.skip),
    },
    phase_nodes.phases_pictogram: {
        "html": (html.visit_pictogram, html.depart_nothing),
        "latex": (other.visit_pictogram_latex, other.depart_nothing),
        "text": (other.visit_pictogram_text, other.depart_nothing),
        "man": (other.visit_pictogram_text, other.depart_nothing),
        "texinfo": (other.visit_pictogram_text, other.depart_nothing),
    },
}

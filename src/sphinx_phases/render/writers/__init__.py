"""Visitors for every node class, per output format, in one table that a test checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sphinx_phases.render import nodes as phase_nodes
from sphinx_phases.render.writers import html, other

Handlers = tuple[Callable[..., Any], Callable[..., Any]]

# The writers Sphinx ships; epub, singlehtml and dirhtml share "html".
FORMATS = ("html", "latex", "text", "man", "texinfo")


def _as(
    visit: Callable[..., Any], depart: Callable[..., Any], *formats: str
) -> dict[str, Handlers]:
    return {name: (visit, depart) for name in formats}


# Text, man and Texinfo render each node as the docutils node it subclasses.
_PLAIN = ("text", "man", "texinfo")
_CONTAINER = _as(other.visit_container, other.depart_container, *_PLAIN)

HANDLERS: dict[type, dict[str, Handlers]] = {
    # LaTeX sets the navigation off between rules, with page numbers (see writers.other).
    phase_nodes.phases_nav: {
        "html": (html.visit_nav, html.depart_nav),
        "latex": (other.visit_nav_latex, other.depart_nav_latex),
        **_CONTAINER,
    },
    phase_nodes.phases_nav_link: {
        "html": (html.visit_nav_link, html.depart_nothing),
        "latex": (other.visit_paragraph, other.depart_nav_link_latex),
        **_as(other.visit_paragraph, other.depart_paragraph, *_PLAIN),
    },
    phase_nodes.phases_banner: {
        "html": (html.visit_banner, html.depart_banner),
        "latex": (other.visit_banner_latex, other.depart_nothing),
        **_CONTAINER,
    },
    phase_nodes.phases_card: {
        "html": (html.visit_card, html.depart_card),
        **_as(other.visit_container, other.depart_container, "latex", *_PLAIN),
    },
    phase_nodes.phases_region: {
        "html": (html.visit_region, html.depart_region),
        **_as(other.visit_container, other.depart_container, "latex", *_PLAIN),
    },
    phase_nodes.phases_step: {
        "html": (html.visit_step, html.depart_step),
        "latex": (other.visit_step_latex, other.depart_nothing),
        **_as(other.visit_list_item, other.depart_list_item, *_PLAIN),
    },
    phase_nodes.phases_strip_phase: {
        "html": (html.visit_strip_phase, html.depart_strip_phase),
        **_as(other.visit_inline, other.depart_inline, "latex", *_PLAIN),
    },
    # Replaced before writing; should one survive (a builder without post-transforms),
    # it renders nothing rather than failing.
    phase_nodes.phases_gate: {
        "html": (html.visit_gate, html.depart_gate),
        "latex": (other.visit_gate_latex, other.depart_container),
        "texinfo": (other.visit_gate_texinfo, other.depart_container),
        **_as(other.visit_container, other.depart_container, "text", "man"),
    },
    phase_nodes.phases_caption: {
        "html": (html.visit_caption, html.depart_nothing),
        **_as(other.visit_rubric, other.depart_rubric, "latex", *_PLAIN),
    },
    phase_nodes.phases_tag: {
        "html": (html.visit_tag, html.depart_tag),
        **_as(other.visit_tag, other.depart_tag, "latex", *_PLAIN),
    },
    # Words for one way of reading only: HTML says them (hidden) or shows them (unspoken);
    # every other format is read as it looks, and numbers its lists itself.
    phase_nodes.phases_hidden: {
        "html": (html.visit_hidden, html.depart_span),
        **_as(other.skip, other.skip, "latex", *_PLAIN),
    },
    phase_nodes.phases_unspoken: {
        "html": (html.visit_unspoken, html.depart_span),
        **_as(other.skip, other.skip, "latex", *_PLAIN),
    },
    phase_nodes.phases_row_header: {
        "html": (html.visit_row_header, html.depart_row_header),
        **_as(other.visit_entry, other.depart_entry, "latex", *_PLAIN),
    },
    phase_nodes.phases_facts: _as(other.skip, other.skip, *FORMATS),
    phase_nodes.phases_gate_facts: _as(other.skip, other.skip, *FORMATS),
    phase_nodes.phases_standard: _as(other.skip, other.skip, *FORMATS),
    # Words for translation, read while reading; never shown.
    phase_nodes.phases_words: _as(other.skip, other.skip, *FORMATS),
    phase_nodes.phases_overview: _as(other.skip, other.skip, *FORMATS),
    phase_nodes.phases_pictogram: {
        "html": (html.visit_pictogram, html.depart_nothing),
        "latex": (other.visit_pictogram_latex, other.depart_nothing),
        **_as(other.visit_pictogram_text, other.depart_nothing, *_PLAIN),
    },
}

"""``:style: cards``: a card per top-level phase in sphinx-design's grid and card markup, so
its stylesheet draws them (the style needs ``sphinx_design`` loaded; see ``NEEDS``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.core.colors import phase_color
from sphinx_phases.locale import _
from sphinx_phases.render.links import pictogram_node
from sphinx_phases.render.nodes import phases_card, phases_unspoken
from sphinx_phases.render.overviews.common import (
    Show,
    gate_step,
    loop_links,
    status_tag,
    text,
    words,
)

if TYPE_CHECKING:
    from sphinx_phases.core.catalog import PhaseEntry
    from sphinx_phases.core.views import Rows

#: The extension whose stylesheet draws the cards.
NEEDS = "sphinx_design"


def draw(
    rows: Rows, entries: list[PhaseEntry], current: str | None, show: Show, first: int = 1
) -> nodes.container:
    outer = nodes.container(
        classes=[
            "phases-sequence",
            "phases-sequence--cards",
            "sd-container-fluid",
            "sd-sphinx-override",
            "sd-mb-4",
        ]
    )
    # The grid's row is a numbered list, each column an item: a reader hears "list, 5
    # items" and each card's place, as with the steps.
    row = nodes.enumerated_list(
        classes=["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-lg-3", "sd-g-3"],
        enumtype="arabic",
        prefix="",
        suffix=".",
    )
    if first != 1:
        row["start"] = first
    outer += row
    for number, entry in enumerate(entries, start=first):
        column = nodes.list_item(classes=["sd-col", "sd-d-flex-row"])
        column += _card(rows, entry, number, entry.id == current, show)
        row += column
    return outer


def _card(
    rows: Rows, entry: PhaseEntry, number: int, current: bool, show: Show
) -> nodes.container:
    catalog = rows.phases
    card_classes = ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "phases-card"]
    if current:
        card_classes.append("phases-card--current")
    card = phases_card(classes=card_classes)
    color = phase_color(entry.id, entry.color)
    if color:
        card["color"] = color
    body = nodes.container(classes=["sd-card-body"])
    title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
    # The number for the eye (the list item says it to a screen reader; other formats
    # number the list themselves).
    title += phases_unspoken("", f"{number}. ", classes=["phases-card__number"])
    if entry.pictogram:
        title += pictogram_node(entry.pictogram, decorative=True)
    title += show.link(entry)
    body += title
    if entry.status != "published":
        body += nodes.paragraph("", "", status_tag(entry))
    if entry.subtitle:
        body += text(entry.subtitle, "sd-card-text", "phases-card__subtitle")
    summary = show.words.summary(entry.docname, entry.id, show.placement) if show.summaries else []
    for part in summary:
        if isinstance(part, nodes.paragraph):
            part["classes"].append("sd-card-text")
        body += part
    children = [catalog[c] for c in entry.children if c in catalog]
    if children:
        sub = nodes.paragraph(classes=["sd-card-text", "phases-card__children"])
        links: list[nodes.Node] = []
        for i, child in enumerate(children):
            if i:
                links.append(nodes.Text(", "))
            links.append(show.link(child))
        sub += words(_("Sub-phases: {phases}"), phases=links)
        body += sub
    body.extend(loop_links(catalog, entry, show, "sd-card-text"))
    # Every gate after the phase or its sub-phases, in the order readers pass them.
    for gate in rows.family_gates(entry.id).in_family:
        mark = gate_step(gate, show)
        if mark is not None:
            mark["classes"].append("sd-card-text")
            body += mark
    card += body
    return card

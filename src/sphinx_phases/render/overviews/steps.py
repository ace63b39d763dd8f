"""``:style: steps`` (the default): a numbered list, sub-phases nested, gates where a reader
passes them. The line and compact styles are this list with a class of their own and, for
compact, less in each step."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.core.catalog import PhaseEntry
from sphinx_phases.core.colors import phase_color
from sphinx_phases.render.links import pictogram_node
from sphinx_phases.render.nodes import phases_step
from sphinx_phases.render.overviews.common import (
    MAX_NESTING,
    Show,
    gate_steps,
    loop_links,
    status_tag,
    text,
)

if TYPE_CHECKING:
    from sphinx_phases.core.views import Rows

#: What a step shows of its phase above its gates and sub-phases.
Body = Callable[["Rows", PhaseEntry, Show], list[nodes.Node]]


def draw(
    rows: Rows, entries: list[PhaseEntry], current: str | None, show: Show, first: int = 1
) -> nodes.enumerated_list:
    return listing(rows, entries, current, show, ["phases-sequence"], first)


def details(rows: Rows, entry: PhaseEntry, show: Show) -> list[nodes.Node]:
    """Pictogram, linked title and status, then subtitle, summary (unless
    ``:summaries: false``) and loops."""
    found: list[nodes.Node] = [title(entry, show, pictogram=True)]
    if entry.subtitle:
        found.append(text(entry.subtitle, "phases-sequence__subtitle"))
    summary = show.words.summary(entry.docname, entry.id, show.placement) if show.summaries else []
    if summary:
        found.append(nodes.container("", *summary, classes=["phases-sequence__summary"]))
    found.extend(loop_links(rows.phases, entry, show))
    return found


def title(entry: PhaseEntry, show: Show, pictogram: bool) -> nodes.paragraph:
    """The step's heading: the linked title, then the status unless published."""
    heading = nodes.paragraph(classes=["phases-sequence__title"])
    if pictogram and entry.pictogram:
        heading += pictogram_node(entry.pictogram, decorative=True)
    heading += show.link(entry)
    if entry.status != "published":
        heading += nodes.Text(" ")
        heading += status_tag(entry)
    return heading


def listing(
    rows: Rows,
    entries: list[PhaseEntry],
    current: str | None,
    show: Show,
    classes: list[str],
    first: int = 1,
    level: int = 1,
    body: Body = details,
) -> nodes.enumerated_list:
    """*entries* as a numbered list from *first*; each step holds *body*, the gate into its
    first sub-phase, its sub-phases (a list of their own) and the gates after its family."""
    catalog = rows.phases
    found = nodes.enumerated_list(classes=classes, enumtype="arabic", prefix="", suffix=".")
    if first != 1:
        found["start"] = first
    for entry in entries:
        step = phases_step(classes=["phases-sequence__step"])
        color = phase_color(entry.id, entry.color)
        if color:
            step["color"] = color
        if entry.id == current:
            step["current"] = True
        step.extend(body(rows, entry, show))
        children = [catalog[c] for c in entry.children if c in catalog]
        gates = rows.family_gates(entry.id)
        step.extend(gate_steps(gates.before_children, show))
        if children and level < MAX_NESTING:
            sub = [*classes, "phases-sequence--sub"]
            step += listing(rows, children, current, show, sub, level=level + 1, body=body)
        step.extend(gate_steps(gates.after_family, show))
        found += step
        if children and level == MAX_NESTING:  # too deep (reported): listed at this level
            deeper = _descendants(catalog, children)
            more = listing(rows, deeper, current, show, classes, level=level + 1, body=body)
            found.extend(more.children)
    return found


def _descendants(catalog: Mapping[str, PhaseEntry], entries: list[PhaseEntry]) -> list[PhaseEntry]:
    """*entries* and every sub-phase under them, depth-first, without recursing."""
    found: list[PhaseEntry] = []
    stack = list(reversed(entries))
    while stack:
        entry = stack.pop()
        found.append(entry)
        stack.extend(reversed([catalog[c] for c in entry.children if c in catalog]))
    return found

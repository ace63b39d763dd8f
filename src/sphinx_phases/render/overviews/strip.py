"""``:style: strip``: the phases' titles in one line, left to right, a diamond for each gate
between the phases it separates, each stage's title over its phases (a bracket), the
page's own phase bold. Sub-phases follow their parent, in brackets and smaller.

It is a single paragraph, so text and LaTeX read it as one line of words: "Stage: Explore
— Discovery, Alpha, Gate: Alpha assessment [Met]; Stage: Deliver — Beta (Private beta,
Public beta), Live". In HTML the stylesheet lays it out (a flex row that wraps, never
scrolls) and hides the punctuation and the gates' words, which stay for screen readers
and hover (docs/reference/overviews.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.core.catalog import GateEntry, PhaseEntry
from sphinx_phases.core.colors import phase_color
from sphinx_phases.locale import _
from sphinx_phases.render.nodes import phases_strip_phase
from sphinx_phases.render.overviews.common import (
    Show,
    outcome_label,
    outcome_tag,
    runs,
    words,
)

if TYPE_CHECKING:
    from sphinx_phases.core.views import Rows


def draw(
    rows: Rows, entries: list[PhaseEntry], current: str | None, show: Show, first: int = 1
) -> nodes.paragraph:
    """Every top-level phase in *entries* (the style draws the stages itself)."""
    strip = nodes.paragraph(classes=["phases-sequence", "phases-sequence--strip"])
    for i, (stage, members) in enumerate(runs(entries, rows.stages)):
        if i:
            strip += _hidden("; ")
        group = nodes.inline(
            classes=["phases-strip__stage"] + ([] if stage else ["phases-strip__stage--none"])
        )
        if stage is not None:
            title = nodes.inline(classes=["phases-strip__stage-title"])
            for part in words(_("Stage: {stage}"), stage=nodes.strong(stage.title, stage.title)):
                title += _hidden(part.astext()) if isinstance(part, nodes.Text) else part
            group += title
            group += _hidden(" \N{EM DASH} ")
        group += _row(rows, members, current, show)
        strip += group
    return strip


def _row(rows: Rows, members: list[PhaseEntry], current: str | None, show: Show) -> nodes.inline:
    """A run of top-level phases, each followed by its sub-phases and its gates."""
    row = nodes.inline(classes=["phases-strip__phases"])
    items: list[nodes.Node | list[nodes.Node]] = []
    for entry in members:
        phase: list[nodes.Node] = [_phase(entry, current, show)]
        within = _within(rows, entry, current, show)
        if within:
            sub = nodes.inline(classes=["phases-strip__sub"])
            sub += _hidden(" (")
            sub.extend(_joined(within))
            sub += _hidden(")")
            phase.append(sub)
        items.append(phase)
        items.extend(_gates(rows.family_gates(entry.id).after_family, show))
    for part in _joined(items):
        row += part
    return row


def _within(rows: Rows, entry: PhaseEntry, current: str | None, show: Show) -> list[nodes.Node]:
    """*entry*'s sub-phases and their own, depth-first, with the gates between them: one
    flat run, walked without recursing (a chain of sub-phases may be deep)."""
    catalog = rows.phases
    found: list[nodes.Node] = []
    gates = rows.family_gates(entry.id)
    stack: list[PhaseEntry | GateEntry] = list(
        reversed([*gates.before_children, *(catalog[c] for c in entry.children if c in catalog)])
    )
    while stack:
        item = stack.pop()
        if isinstance(item, GateEntry):
            found.extend(_gates((item,), show))
            continue
        found.append(_phase(item, current, show, sub=True))
        own = rows.family_gates(item.id)
        children = [catalog[c] for c in item.children if c in catalog]
        stack.extend(reversed([*own.before_children, *children, *own.after_family]))
    return found


def _phase(
    entry: PhaseEntry, current: str | None, show: Show, sub: bool = False
) -> phases_strip_phase:
    phase = phases_strip_phase(classes=["phases-strip__phase"], sub=sub)
    color = phase_color(entry.id, entry.color)
    if color:
        phase["color"] = color
    link = show.link(entry)
    if entry.id == current:
        phase["current"] = True
        phase += nodes.strong("", "", link)
    else:
        phase += link
    return phase


def _gates(gates: tuple[GateEntry, ...], show: Show) -> list[nodes.Node]:
    """Each gate as a diamond (drawn by the stylesheet) that links to it; its words,
    "Gate: Alpha assessment [Met]", are what text, LaTeX and screen readers get."""
    if show.gate_link is None:
        return []
    found: list[nodes.Node] = []
    for gate in gates:
        link = show.gate_link(gate)
        title = list(link.children)
        del link[:]
        said = nodes.inline(classes=["phases-strip__gate-words"])
        said += words(_("{label} {gate}"), label=nodes.Text(_("Gate:")), gate=title)
        hover = _("{label} {gate}").format(label=_("Gate:"), gate=gate.title)
        if gate.outcome:
            said += nodes.Text(" ")
            said += outcome_tag(gate.outcome, show)
            hover += f" [{outcome_label(gate.outcome, show)}]"
        link += said
        link["reftitle"] = hover
        found.append(nodes.inline("", "", link, classes=["phases-strip__gate"]))
    return found


def _joined(items: Sequence[nodes.Node | list[nodes.Node]]) -> list[nodes.Node]:
    """*items* with a comma between each (hidden in HTML, where the layout parts them)."""
    found: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            found.append(_hidden(", "))
        found.extend(item if isinstance(item, list) else [item])
    return found


def _hidden(text: str) -> nodes.inline:
    """Words every format but HTML shows; HTML keeps them for screen readers only."""
    return nodes.inline(text, text, classes=["phases-strip__hidden"])

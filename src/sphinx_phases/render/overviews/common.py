"""What every overview style and the table share: how a phase is shown, and the words
and tags they draw alike."""

from __future__ import annotations

import dataclasses as dc
import string
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.core.catalog import GateEntry, PhaseEntry
from sphinx_phases.core.profile import Decision
from sphinx_phases.locale import _
from sphinx_phases.render.nodes import phases_hidden, phases_tag

if TYPE_CHECKING:
    from sphinx_phases.core.stages import Stage
    from sphinx_phases.sphinx_ext.content import ContentReader
    from sphinx_phases.sphinx_ext.shown import Placement

#: Levels of nested lists an overview draws at most: each level costs a few frames of
#: every recursive tree walk (Sphinx's, docutils'), and 600 levels exceeded Python's limit.
MAX_NESTING = 50


@dc.dataclass(frozen=True)
class Show:
    """How an overview shows a phase on the page it is written on: *link* makes the link
    to the phase's page, *words* reads its own words; *excerpt* shortens answers to their
    first paragraph (``phase-table :excerpt:``)."""

    link: Callable[[PhaseEntry], nodes.Element]
    words: ContentReader
    excerpt: bool = False
    gate_link: Callable[[GateEntry], nodes.Element] | None = None
    placement: Placement | None = None  # the page shown on, for links and footnotes
    # The profile's decisions, for a gate's outcome (docs/reference/profiles.md).
    decisions: tuple[Decision, ...] = ()
    # ``phase-sequence :summaries: false`` leaves each phase's summary out.
    summaries: bool = True


def status_label(status: str) -> str:
    return {"draft": _("Draft"), "review": _("In review"), "published": _("Published")}[status]


def outcome_label(outcome: str, show: Show) -> str:
    """A recorded outcome in the profile's words."""
    found = next((d for d in show.decisions if d.id == outcome), None)
    return _(found.label) if found is not None else outcome


def outcome_tag(outcome: str, show: Show, *, said: bool = True) -> phases_tag:
    """An outcome as a tag: its words first; its class by id and by what it ``means``,
    which the stylesheet colours (docs/reference/profiles.md). Unless *said* is false
    (a table's Outcome column, whose heading says it), read as "Outcome: Met"."""
    found = next((d for d in show.decisions if d.id == outcome), None)
    classes = ["phases-tag", f"phases-tag--{outcome}"]
    if found is not None:
        classes.append(f"phases-tag--means-{found.means}")
    return _tag(_("Outcome:") if said else "", outcome_label(outcome, show), classes)


def status_tag(entry: PhaseEntry) -> phases_tag:
    """*entry*'s status as a tag ("Draft", "In review")."""
    return _tag(
        _("Status:"), status_label(entry.status), ["phases-tag", f"phases-tag--{entry.status}"]
    )


def _tag(context: str, label: str, classes: list[str]) -> phases_tag:
    """A tag's words, after what they are (hidden, for assistive technology: "Outcome:
    Met", "Status: In review"), so that a phase's status never reads as a gate's
    outcome."""
    tag = phases_tag("", "", classes=classes)
    if context:
        tag += phases_hidden("", f"{context} ")
    tag += nodes.Text(label)
    return tag


def gate_steps(gates: tuple[GateEntry, ...], show: Show) -> list[nodes.paragraph]:
    return [step for gate in gates if (step := gate_step(gate, show)) is not None]


def gate_step(gate: GateEntry, show: Show) -> nodes.paragraph | None:
    """*gate*, marked where the sequence passes it."""
    if show.gate_link is None:
        return None
    step = nodes.paragraph(classes=["phases-sequence__gate"])
    # The diamond is drawn by the stylesheet: the word "Gate" says it for every builder
    # (and a diamond character is not in every LaTeX font).
    step += words(
        _("{label} {gate}"),
        label=nodes.inline("", _("Gate:"), classes=["phases-sequence__gate-label"]),
        gate=show.gate_link(gate),
    )
    if gate.outcome:
        step += nodes.Text(" ")
        step += outcome_tag(gate.outcome, show)
    return step


def loop_links(
    catalog: Mapping[str, PhaseEntry], entry: PhaseEntry, show: Show, *classes: str
) -> list[nodes.paragraph]:
    """A "Go back to" line for each phase *entry* loops back to."""
    found = []
    for target in entry.loops_to:
        if target in catalog:
            loop = nodes.paragraph(classes=[*classes, "phases-sequence__loop"])
            loop += words(_("Go back to: {phase}"), phase=show.link(catalog[target]))
            found.append(loop)
    return found


def runs(
    top: list[PhaseEntry], stages: Mapping[str, Stage]
) -> list[tuple[Stage | None, list[PhaseEntry]]]:
    """Consecutive phases grouped by stage (None: phases in no stage)."""
    found: list[tuple[Stage | None, list[PhaseEntry]]] = []
    for entry in top:
        stage = stages.get(entry.stage) if entry.stage else None
        if found and found[-1][0] is stage:
            found[-1][1].append(entry)
        else:
            found.append((stage, [entry]))
    return found or [(None, [])]


def words(template: str, **parts: nodes.Node | list[nodes.Node]) -> list[nodes.Node]:
    """*template*'s words with a node for each ``{name}`` in it: a translated sentence
    that holds links ("Go back to: {phase}"), in the order its language puts them."""
    found: list[nodes.Node] = []
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        if text:
            found.append(nodes.Text(text))
        if name is not None:
            part = parts[name]
            found.extend(part if isinstance(part, list) else [part])
    return found


def text(value: str, *classes: str) -> nodes.paragraph:
    return nodes.paragraph(value, value, classes=list(classes))

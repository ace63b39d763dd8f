"""Build the overview nodes (sequence styles and the table) from the build's catalogue.

Only portable docutils nodes come out: ordered lists, paragraphs, tables and references
(made by the caller, with the builder's own URIs). Every builder can render them; CSS
gives HTML its look.
"""

from __future__ import annotations

import dataclasses as dc
import string
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_phases.core.catalog import GateEntry, PhaseEntry
from sphinx_phases.core.colors import phase_color
from sphinx_phases.locale import _
from sphinx_phases.render.links import pictogram_node
from sphinx_phases.render.nodes import phases_card, phases_step, phases_tag

if TYPE_CHECKING:
    from sphinx_phases.core.stages import Stage
    from sphinx_phases.core.views import Rows
    from sphinx_phases.sphinx_ext.content import ContentReader
    from sphinx_phases.sphinx_ext.shown import Placement


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


#: The table's own columns; any other column is a question key.
FIXED_COLUMNS = (
    "id",
    "title",
    "subtitle",
    "status",
    "duration",
    "team",
    "summary",
    "activities",
    "outputs",
    "previous",
    "next",
    "stage",
    "gate",
)
DEFAULT_COLUMNS = ("title", "status", "summary")
#: Levels of nested lists an overview draws at most: each level costs a few frames of
#: every recursive tree walk (Sphinx's, docutils'), and 600 levels exceeded Python's limit.
MAX_NESTING = 50


def status_label(status: str) -> str:
    return {"draft": _("Draft"), "review": _("In review"), "published": _("Published")}[status]


# -- phase-sequence ----------------------------------------------------------------------


def sequence(rows: Rows, style: str, current: str | None, show: Show) -> nodes.Element:
    """The phases in order; with stages, one labelled group per run of phases, numbered on."""
    catalog = rows.phases
    top = [entry for entry in catalog.values() if entry.parent is None]
    classes = ["phases-sequence"] + (["phases-sequence--line"] if style == "line" else [])
    runs = _runs(top, rows.stages)
    if len(runs) == 1 and runs[0][0] is None:
        if style == "cards":
            return _cards(rows, top, current, show)
        return _steps(rows, top, current, show, classes)
    outer = nodes.container(classes=["phases-stages", f"phases-stages--{style}"])
    first = 1
    for stage, members in runs:
        group = nodes.container(
            classes=["phases-stage"] + ([] if stage else ["phases-stage--none"])
        )
        if stage is not None:
            label = nodes.paragraph(classes=["phases-stage__title"])
            label += _words(_("Stage: {stage}"), stage=nodes.strong(stage.title, stage.title))
            group += label
        if style == "cards":
            group += _cards(rows, members, current, show, first)
        else:
            group += _steps(rows, members, current, show, classes, first)
        first += len(members)
        outer += group
    return outer


def _runs(
    top: list[PhaseEntry], stages: Mapping[str, Stage]
) -> list[tuple[Stage | None, list[PhaseEntry]]]:
    """Consecutive phases grouped by stage (None: phases in no stage)."""
    runs: list[tuple[Stage | None, list[PhaseEntry]]] = []
    for entry in top:
        stage = stages.get(entry.stage) if entry.stage else None
        if runs and runs[-1][0] is stage:
            runs[-1][1].append(entry)
        else:
            runs.append((stage, [entry]))
    return runs or [(None, [])]


def _gates_after(rows: Rows, entry: PhaseEntry) -> list[GateEntry]:
    """Every gate after *entry*, in reading order: a parent's into its first sub-phase, then
    the one after its whole family (docs/reference/gates.md)."""
    return [rows.gates[gate_id] for gate_id in entry.gates_after if gate_id in rows.gates]


def _gate_steps(gates: list[GateEntry], show: Show) -> list[nodes.paragraph]:
    return [step for gate in gates if (step := _gate_step(gate, show)) is not None]


def _gate_step(gate: GateEntry, show: Show) -> nodes.paragraph | None:
    """*gate*, marked where the sequence passes it."""
    if show.gate_link is None:
        return None
    step = nodes.paragraph(classes=["phases-sequence__gate"])
    # The diamond is drawn by the stylesheet: the word "Gate" says it for every builder
    # (and a diamond character is not in every LaTeX font).
    step += _words(
        _("{label} {gate}"),
        label=nodes.inline("", _("Gate:"), classes=["phases-sequence__gate-label"]),
        gate=show.gate_link(gate),
    )
    if gate.outcome:
        step += nodes.Text(" ")
        step += phases_tag(
            "", outcome_label(gate.outcome), classes=["phases-tag", f"phases-tag--{gate.outcome}"]
        )
    return step


def outcome_label(outcome: str) -> str:
    return {
        "pending": _("Pending"),
        "met": _("Met"),
        "met-with-conditions": _("Met with conditions"),
        "not-met": _("Not met"),
    }[outcome]


def _steps(
    rows: Rows,
    entries: list[PhaseEntry],
    current: str | None,
    show: Show,
    classes: list[str],
    first: int = 1,
    level: int = 1,
) -> nodes.enumerated_list:
    catalog = rows.phases
    listing = nodes.enumerated_list(classes=classes, enumtype="arabic", prefix="", suffix=".")
    if first != 1:
        listing["start"] = first
    for entry in entries:
        step = phases_step(classes=["phases-sequence__step"])
        color = phase_color(entry.id, entry.color)
        if color:
            step["color"] = color
        if entry.id == current:
            step["current"] = True
        heading = nodes.paragraph(classes=["phases-sequence__title"])
        if entry.pictogram:
            heading += pictogram_node(entry.pictogram, decorative=True)
        heading += show.link(entry)
        if entry.status != "published":
            heading += nodes.Text(" ")
            heading += phases_tag(
                "",
                status_label(entry.status),
                classes=["phases-tag", f"phases-tag--{entry.status}"],
            )
        step += heading
        if entry.subtitle:
            step += _text(entry.subtitle, "phases-sequence__subtitle")
        summary = show.words.summary(entry.docname, entry.id, show.placement)
        if summary:
            step += nodes.container("", *summary, classes=["phases-sequence__summary"])
        for target in entry.loops_to:
            if target in catalog:
                loop = nodes.paragraph(classes=["phases-sequence__loop"])
                loop += _words(_("Go back to: {phase}"), phase=show.link(catalog[target]))
                step += loop
        children = [catalog[c] for c in entry.children if c in catalog]
        # A gate into the first sub-phase comes before the sub-phases, one after the whole
        # family after them: where a reader passes each.
        gates = _gates_after(rows, entry)
        step.extend(_gate_steps([g for g in gates if g.before in entry.children], show))
        if children and level < MAX_NESTING:
            sub = [*classes, "phases-sequence--sub"]
            step += _steps(rows, children, current, show, sub, level=level + 1)
        step.extend(_gate_steps([g for g in gates if g.before not in entry.children], show))
        listing += step
        if children and level == MAX_NESTING:  # too deep (reported): listed at this level
            deeper = _descendants(catalog, children)
            listing.extend(_steps(rows, deeper, current, show, classes, level=level + 1).children)
    return listing


def _descendants(catalog: Mapping[str, PhaseEntry], entries: list[PhaseEntry]) -> list[PhaseEntry]:
    """*entries* and every sub-phase under them, depth-first, without recursing."""
    found: list[PhaseEntry] = []
    stack = list(reversed(entries))
    while stack:
        entry = stack.pop()
        found.append(entry)
        stack.extend(reversed([catalog[c] for c in entry.children if c in catalog]))
    return found


def _cards(
    rows: Rows,
    entries: list[PhaseEntry],
    current: str | None,
    show: Show,
    first: int = 1,
) -> nodes.container:
    """sphinx-design's grid and card markup, so its stylesheet draws them."""
    catalog = rows.phases
    outer = nodes.container(
        classes=[
            "phases-sequence",
            "phases-sequence--cards",
            "sd-container-fluid",
            "sd-sphinx-override",
            "sd-mb-4",
        ]
    )
    row = nodes.container(
        classes=["sd-row", "sd-row-cols-1", "sd-row-cols-sm-2", "sd-row-cols-lg-3", "sd-g-3"]
    )
    outer += row
    for number, entry in enumerate(entries, start=first):
        column = nodes.container(classes=["sd-col", "sd-d-flex-row"])
        card_classes = ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "phases-card"]
        if entry.id == current:
            card_classes.append("phases-card--current")
        card = phases_card(classes=card_classes)
        color = phase_color(entry.id, entry.color)
        if color:
            card["color"] = color
        body = nodes.container(classes=["sd-card-body"])
        title = nodes.paragraph(classes=["sd-card-title", "sd-font-weight-bold"])
        title += nodes.inline("", f"{number}. ", classes=["phases-card__number"])
        if entry.pictogram:
            title += pictogram_node(entry.pictogram, decorative=True)
        title += show.link(entry)
        body += title
        if entry.status != "published":
            body += nodes.paragraph(
                "",
                "",
                phases_tag(
                    "",
                    status_label(entry.status),
                    classes=["phases-tag", f"phases-tag--{entry.status}"],
                ),
            )
        if entry.subtitle:
            body += _text(entry.subtitle, "sd-card-text", "phases-card__subtitle")
        for part in show.words.summary(entry.docname, entry.id, show.placement):
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
            sub += _words(_("Sub-phases: {phases}"), phases=links)
            body += sub
        for target in entry.loops_to:
            if target in catalog:
                loop = nodes.paragraph(classes=["sd-card-text", "phases-sequence__loop"])
                loop += _words(_("Go back to: {phase}"), phase=show.link(catalog[target]))
                body += loop
        # Every gate after the phase or its family, in the order readers pass them.
        order = {gate_id: i for i, gate_id in enumerate(rows.gates)}
        closing = [gate for member in [entry, *children] for gate in _gates_after(rows, member)]
        for gate in sorted(closing, key=lambda g: order[g.id]):
            mark = _gate_step(gate, show)
            if mark is not None:
                mark["classes"].append("sd-card-text")
                body += mark
        card += body
        column += card
        row += column
    return outer


def _words(template: str, **parts: nodes.Node | list[nodes.Node]) -> list[nodes.Node]:
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


def _text(text: str, *classes: str) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=list(classes))


# -- phase-table --------------------------------------------------------------------------


_COLUMN_WIDTHS = {
    "id": 14,
    "title": 18,
    "status": 11,
    "previous": 16,
    "next": 16,
    "duration": 14,
    "team": 24,
}


def column_spec(columns: list[str]) -> addnodes.tabular_col_spec:
    """LaTeX column widths in the table's proportions: without them LaTeX squeezes the
    short columns (title, status) until their words break."""
    widths = [_COLUMN_WIDTHS.get(column, 30) for column in columns]
    total = sum(widths)
    return addnodes.tabular_col_spec(spec="".join(rf"\X{{{w}}}{{{total}}}" for w in widths))


def column_title(column: str) -> str:
    titles = {
        "id": _("Id"),
        "title": _("Phase"),
        "subtitle": _("In short"),
        "status": _("Status"),
        "duration": _("Duration"),
        "team": _("Team"),
        "summary": _("Summary"),
        "activities": _("Activities"),
        "outputs": _("Outputs"),
        "previous": _("Previous"),
        "next": _("Next"),
        "stage": _("Stage"),
        "gate": _("Gate after"),
        # The default questions' keys (config.DEFAULT_QUESTIONS); a manual's own keys
        # are its author's words.
        "objective": _("Objective"),
        "contents": _("Contents"),
    }
    return titles.get(column) or column.replace("-", " ").capitalize()


def table(rows: Rows, columns: list[str], show: Show) -> nodes.table:
    catalog = rows.phases
    node = nodes.table(classes=["phases-table"])
    group = nodes.tgroup(cols=len(columns))
    node += group
    for column in columns:
        # Text builders read colwidth as characters; HTML and LaTeX as proportions.
        group += nodes.colspec(colwidth=_COLUMN_WIDTHS.get(column, 30))
    head = nodes.thead()
    group += head
    head += _row([[nodes.paragraph(text=column_title(c))] for c in columns])
    body = nodes.tbody()
    group += body
    for entry in catalog.values():
        body += _row([_cell(rows, entry, column, show) for column in columns])
    return node


def _row(cells: list[list[nodes.Node]]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry.extend(cell)
        row += entry
    return row


def _cell(rows: Rows, entry: PhaseEntry, column: str, show: Show) -> list[nodes.Node]:
    """A cell's content: a paragraph, or the phase's own words as they are written."""
    catalog = rows.phases
    if column == "summary":
        return show.words.summary(entry.docname, entry.id, show.placement)
    if column not in FIXED_COLUMNS:  # a question key: the whole answer, or its excerpt
        return show.words.answer(
            entry.docname, column, excerpt=show.excerpt, placement=show.placement
        )
    paragraph = nodes.paragraph()
    if column == "id":
        paragraph += nodes.literal(entry.id, entry.id)
    elif column == "title":
        paragraph += show.link(entry)
    elif column == "status":
        paragraph += nodes.Text(status_label(entry.status))
    elif column in ("previous", "next"):
        target = getattr(entry, column)
        if target in catalog:
            paragraph += show.link(catalog[target])
    elif column == "stage":
        stage = rows.stages.get(entry.stage) if entry.stage else None
        paragraph += nodes.Text(stage.title if stage else "")
    elif column == "gate":
        # Every gate after the phase, in reading order, separated by commas.
        link = show.gate_link
        for i, gate in enumerate(_gates_after(rows, entry)):
            if link is None:
                break
            if i:
                paragraph += nodes.Text(", ")
            if gate.outcome:
                paragraph += _words(
                    _("{gate} ({outcome})"),
                    gate=link(gate),
                    outcome=nodes.Text(outcome_label(gate.outcome)),
                )
            else:
                paragraph += link(gate)
    elif column in ("activities", "outputs"):
        items = show.words.items(entry.pages, entry.id, column)
        paragraph += nodes.Text(", ".join(item.label for item in items))
    else:  # subtitle, duration, team
        paragraph += nodes.Text(getattr(entry, column) or "")
    return [paragraph]

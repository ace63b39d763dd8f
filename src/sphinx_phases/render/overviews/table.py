"""``phase-table``: a row per phase, with the columns the directive names (fixed columns,
or question keys whose answers it shows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_phases.locale import _
from sphinx_phases.render.nodes import phases_hidden, phases_row_header
from sphinx_phases.render.overviews.common import Show, outcome_label, status_label, words

if TYPE_CHECKING:
    from sphinx_phases.core.catalog import PhaseEntry
    from sphinx_phases.core.views import Rows

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
    # The phase's title names its row (a row header in HTML).
    header = columns.index("title") if "title" in columns else None
    for entry in catalog.values():
        body += _row([_cell(rows, entry, column, show) for column in columns], header)
    return node


def _row(cells: list[list[nodes.Node]], header: int | None = None) -> nodes.row:
    row = nodes.row()
    for i, cell in enumerate(cells):
        entry = phases_row_header() if i == header else nodes.entry()
        entry.extend(cell)
        row += entry
    return row


def _cell(rows: Rows, entry: PhaseEntry, column: str, show: Show) -> list[nodes.Node]:
    """A cell's content: a paragraph, or the phase's own words as they are written."""
    catalog = rows.phases
    if column == "summary":
        return show.words.summary(entry.docname, entry.id, show.placement)
    if column not in FIXED_COLUMNS:  # a question key: the whole answer, or its excerpt
        answer = show.words.answer(
            entry.docname, column, excerpt=show.excerpt, placement=show.placement
        )
        # An empty cell is announced as blank: say why it is (HTML, for screen readers).
        return answer or [nodes.paragraph("", "", phases_hidden("", _("No answer yet")))]
    paragraph = nodes.paragraph()
    if column == "id":
        paragraph += nodes.literal(entry.id, entry.id)
    elif column == "title":
        paragraph += show.link(entry)
        parent = catalog.get(entry.parent) if entry.parent else None
        if parent is not None:  # a sub-phase: "Private beta, part of Beta"
            note = _("part of {parent}").format(parent=parent.title)
            paragraph += nodes.inline(", ", ", ", classes=["phases-table__sep"])
            paragraph += nodes.inline(note, note, classes=["phases-table__part-of"])
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
        for i, gate in enumerate(rows.family_gates(entry.id).after):
            if link is None:
                break
            if i:
                paragraph += nodes.Text(", ")
            if gate.outcome:
                paragraph += words(
                    _("{gate} ({outcome})"),
                    gate=link(gate),
                    outcome=nodes.Text(outcome_label(gate.outcome, show)),
                )
            else:
                paragraph += link(gate)
    elif column in ("activities", "outputs"):
        items = show.words.items(entry.pages, entry.id, column)
        paragraph += nodes.Text(", ".join(item.label for item in items))
    else:  # subtitle, duration, team
        paragraph += nodes.Text(getattr(entry, column) or "")
    return [paragraph]

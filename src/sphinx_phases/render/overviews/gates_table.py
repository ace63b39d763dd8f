"""``phase-gates``: a row per placed gate, in reading order, with the columns the directive
names (docs/reference/gates.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_phases.locale import _
from sphinx_phases.render.nodes import phases_row_header
from sphinx_phases.render.overviews.common import Show, outcome_label, outcome_tag, words

if TYPE_CHECKING:
    from sphinx_phases.core.catalog import GateEntry
    from sphinx_phases.core.views import Rows

#: Every column a ``phase-gates`` table can show, in the order the docs list them.
GATE_COLUMNS = ("title", "between", "authority", "assesses", "decisions", "outcome", "date")
DEFAULT_GATE_COLUMNS = ("title", "between", "outcome", "date")
_WIDTHS = {"title": 18, "between": 24, "outcome": 12, "date": 11}


def gate_column_title(column: str) -> str:
    return {
        "title": _("Gate"),
        "between": _("Between"),
        "authority": _("Decided by"),
        "assesses": _("Assesses"),
        "decisions": _("Decisions"),
        "outcome": _("Outcome"),
        "date": _("Date"),
    }[column]


def gate_widths(columns: list[str]) -> list[int]:
    """Each column's width: characters for text builders, proportions for HTML and LaTeX."""
    return [_WIDTHS.get(column, 24) for column in columns]


def gate_column_spec(columns: list[str]) -> addnodes.tabular_col_spec:
    """LaTeX column widths in the table's proportions, as ``phase-table`` has."""
    widths = gate_widths(columns)
    total = sum(widths)
    return addnodes.tabular_col_spec(spec="".join(rf"\X{{{w}}}{{{total}}}" for w in widths))


def gates_table(rows: Rows, columns: list[str], show: Show) -> nodes.table:
    """Every placed gate of *rows* (in reading order) as a row of *columns*."""
    node = nodes.table(classes=["phases-table", "phases-gates-table"])
    group = nodes.tgroup(cols=len(columns))
    node += group
    for width in gate_widths(columns):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += _row([nodes.paragraph(text=gate_column_title(c)) for c in columns])
    body = nodes.tbody()
    group += body
    # The gate's title names its row (a row header in HTML).
    header = columns.index("title") if "title" in columns else None
    for gate in rows.gates.values():
        body += _row([_cell(rows, gate, column, show) for column in columns], header)
    return node


def _row(cells: list[nodes.paragraph], header: int | None = None) -> nodes.row:
    row = nodes.row()
    for i, cell in enumerate(cells):
        row += (phases_row_header if i == header else nodes.entry)("", cell)
    return row


def _cell(rows: Rows, gate: GateEntry, column: str, show: Show) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    if column == "title":
        if show.gate_link is not None:
            paragraph += show.gate_link(gate)
        else:
            paragraph += nodes.Text(gate.title)
    elif column == "between":
        paragraph += _between(rows, gate, show)
    elif column == "authority":
        paragraph += nodes.Text(gate.authority or "")
    elif column == "assesses":
        paragraph += nodes.Text(_points(gate.points))
    elif column == "decisions":
        taken = gate.decisions
        if taken is None:  # the profile's, but pending (docs/reference/gates.md)
            taken = tuple(d.id for d in show.decisions if d.means != "pending")
        paragraph += nodes.Text(", ".join(outcome_label(d, show) for d in taken))
    elif column == "outcome":
        if gate.outcome:
            paragraph += outcome_tag(gate.outcome, show, said=False)  # the column says it
    else:  # date
        paragraph += nodes.Text(gate.date or "")
    return paragraph


def _between(rows: Rows, gate: GateEntry, show: Show) -> list[nodes.Node]:
    """ "Alpha and Beta", both linked; "Closes Retirement" after the final phase."""

    def link(phase_id: str) -> nodes.Node:
        entry = rows.phases.get(phase_id)
        return show.link(entry) if entry is not None else nodes.Text(phase_id)

    if gate.before is None:
        return words(_("Closes {phase}"), phase=link(gate.after))
    return words(_("{after} and {before}"), after=link(gate.after), before=link(gate.before))


def _points(points: tuple[tuple[str, str], ...]) -> str:
    """ "1, 2, 5"; with points of several standards, each after its standard's id
    ("tcop: 3; service-standard: 1")."""
    by_standard: dict[str, list[str]] = {}
    for standard_id, point_id in points:
        by_standard.setdefault(standard_id, []).append(point_id)
    if len(by_standard) == 1:
        return ", ".join(next(iter(by_standard.values())))
    return "; ".join(f"{s}: {', '.join(ids)}" for s, ids in by_standard.items())

"""A standard's listing and its coverage matrix, as portable docutils nodes (no env access).

The listing is what ``phase-standard`` shows: the points under their sections, each with
the anchor citations link to. The matrix (``:coverage:``) has a row per point and a
column per gate assessing the standard, each cell a mark in words (a symbol too, but never
the symbol or a colour alone), so every builder and every reader gets the same facts.
"""

from __future__ import annotations

import dataclasses as dc
import itertools
from collections.abc import Callable, Sequence

from docutils import nodes

from sphinx_phases.core.standards import Point, Standard, point_anchor, point_text, standard_anchor
from sphinx_phases.locale import _
from sphinx_phases.render.nodes import phases_region

__all__ = ["GateColumn", "point_text", "standard_listing"]


@dc.dataclass(frozen=True)
class GateColumn:
    """A gate in the coverage matrix: its id and title, a *link* factory making the node
    that links to it (the column's header), and the (standard id, point id) pairs it
    assesses."""

    id: str
    title: str
    link: Callable[[], nodes.Node]
    points: frozenset[tuple[str, str]]


def standard_listing(
    standard: Standard, *, gates: Sequence[GateColumn] | None = None
) -> list[nodes.Node]:
    """The points of *standard*, grouped under a rubric per section, each with its anchor.

    With *gates* (``:coverage:``), a matrix follows with a column for each of them that
    assesses a point of *standard*, in the order given.
    """
    listing = nodes.container(classes=["phases-standard"], ids=[standard_anchor(standard.id)])
    if standard.url:
        source = nodes.paragraph(classes=["phases-standard__source"])
        source += nodes.reference(standard.title, standard.title, refuri=standard.url)
        listing += source
    for section, group in itertools.groupby(standard.points, key=lambda p: p.section):
        if section:
            listing += nodes.rubric(section, section, classes=["phases-standard__section"])
        points = nodes.definition_list(classes=["phases-standard__points"])
        for point in group:
            points += _point_item(standard, point)
        listing += points
    result: list[nodes.Node] = [listing]
    if gates is not None:
        result.extend(_coverage(standard, gates))
    return result


def _point_item(standard: Standard, point: Point) -> nodes.definition_list_item:
    term = nodes.term(point.id, point.id, ids=[point_anchor(standard.id, point.id)])
    title = nodes.paragraph()
    if point.url:
        title += nodes.reference(point.title, point.title, refuri=point.url)
    else:
        title += nodes.Text(point.title)
    item = nodes.definition_list_item(classes=["phases-standard__point"])
    item += term
    item += nodes.definition("", title)
    return item


def _coverage(standard: Standard, gates: Sequence[GateColumn]) -> list[nodes.Element]:
    pairs = [(standard.id, point.id) for point in standard.points]
    columns = [gate for gate in gates if any(pair in gate.points for pair in pairs)]
    if not columns:
        none = _("No gate assesses a point of this standard yet.")
        return [nodes.paragraph("", none, classes=["phases-standard-coverage"])]
    # Captioned by a paragraph, not a table title: a titled table wants an id, which some
    # themes copy onto their own wrapper, giving the page two elements with one id.
    table = nodes.table(classes=["phases-standard-coverage"])
    group = nodes.tgroup(cols=len(columns) + 1)
    table += group
    # The point column heads each row (<th> in HTML); text builders read colwidth as
    # characters, HTML and LaTeX as proportions.
    group += nodes.colspec(colwidth=30, stub=1)
    for _gate in columns:
        group += nodes.colspec(colwidth=16)
    head = nodes.thead()
    group += head
    head += _row(
        [nodes.paragraph("", _("Point"))],
        *([nodes.paragraph("", "", gate.link())] for gate in columns),
    )
    body = nodes.tbody()
    group += body
    for point in standard.points:
        name = nodes.paragraph()
        name += nodes.reference(
            "",
            point_text(standard, point),
            refid=point_anchor(standard.id, point.id),
            internal=True,
        )
        marks = [_mark((standard.id, point.id) in gate.points) for gate in columns]
        body += _row([name], *marks)
    caption = _("Which gates assess each point")
    region = phases_region(label=caption)
    region += table
    return [
        nodes.paragraph(caption, caption, classes=["phases-standard-coverage__caption"]),
        region,
    ]


def _row(*cells: Sequence[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry.extend(cell)
        row += entry
    return row


def _mark(assessed: bool) -> list[nodes.Node]:
    """A cell's mark: a symbol for the eye, then the same fact in words for everyone."""
    symbol, words, kind = (
        ("✓", str(_("Assessed")), "assessed")
        if assessed
        else ("—", str(_("Not assessed")), "not-assessed")
    )
    mark = nodes.paragraph(classes=["phases-mark", f"phases-mark--{kind}"])
    mark += nodes.inline(symbol, symbol, classes=["phases-mark__symbol"])
    mark += nodes.Text(" ")
    mark += nodes.inline(words, words, classes=["phases-mark__label"])
    return [mark]

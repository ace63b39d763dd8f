"""Build the overview nodes (sequence styles and the table) from the build's rows.

Only portable docutils nodes come out: ordered lists, paragraphs, tables and references
(made by the caller, with the builder's own URIs). Every builder can render them; CSS
gives HTML its look.

Each ``phase-sequence`` style is a module with a ``draw`` function and an entry in
:data:`STYLES`, which also gives the directive its ``:style:`` names. A new style is that
module and entry, its CSS in ``static/phases.css``, a snippet in ``docs/snippets/`` shown
in docs/reference/overviews.md, and a test in tests/test_overviews.py.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_phases.locale import _
from sphinx_phases.render.overviews import cards, compact, line, steps, strip
from sphinx_phases.render.overviews.common import (
    MAX_NESTING,
    Show,
    outcome_label,
    runs,
    status_label,
    words,
)
from sphinx_phases.render.overviews.gates_table import (
    DEFAULT_GATE_COLUMNS,
    GATE_COLUMNS,
    gate_column_spec,
    gates_table,
)
from sphinx_phases.render.overviews.table import (
    DEFAULT_COLUMNS,
    FIXED_COLUMNS,
    column_spec,
    column_title,
    table,
)

if TYPE_CHECKING:
    from sphinx_phases.core.catalog import PhaseEntry
    from sphinx_phases.core.views import Rows

__all__ = [
    "DEFAULT_COLUMNS",
    "DEFAULT_GATE_COLUMNS",
    "DEFAULT_STYLE",
    "FIXED_COLUMNS",
    "GATE_COLUMNS",
    "MAX_NESTING",
    "STYLES",
    "Show",
    "Style",
    "column_spec",
    "column_title",
    "gate_column_spec",
    "gates_table",
    "outcome_label",
    "sequence",
    "status_label",
    "table",
]


@dc.dataclass(frozen=True)
class Style:
    """A ``phase-sequence`` style: *draw* turns a run of top-level phases, numbered from
    *first*, into one node; *needs* names the Sphinx extension it needs loaded, if any;
    *stages*: it draws the stages itself, so it is given every top-level phase at once."""

    draw: Callable[[Rows, list[PhaseEntry], str | None, Show, int], nodes.Element]
    needs: str | None = None
    stages: bool = False


#: Every ``phase-sequence`` style by name, in the order the docs and warnings list them.
STYLES: Mapping[str, Style] = {
    "steps": Style(steps.draw),
    "line": Style(line.draw),
    "cards": Style(cards.draw, needs=cards.NEEDS),
    "compact": Style(compact.draw),
    "strip": Style(strip.draw, stages=True),
}
DEFAULT_STYLE = "steps"


def sequence(rows: Rows, style: str, current: str | None, show: Show) -> nodes.Element:
    """The phases in order; with stages, one labelled group per run of phases, numbered on."""
    draw = STYLES[style].draw
    top = [entry for entry in rows.phases.values() if entry.parent is None]
    found = runs(top, rows.stages)
    if STYLES[style].stages or (len(found) == 1 and found[0][0] is None):
        return draw(rows, top, current, show, 1)
    outer = nodes.container(classes=["phases-stages", f"phases-stages--{style}"])
    first = 1
    for stage, members in found:
        group = nodes.container(
            classes=["phases-stage"] + ([] if stage else ["phases-stage--none"])
        )
        if stage is not None:
            label = nodes.paragraph(classes=["phases-stage__title"])
            label += words(_("Stage: {stage}"), stage=nodes.strong(stage.title, stage.title))
            group += label
        group += draw(rows, members, current, show, first)
        first += len(members)
        outer += group
    return outer

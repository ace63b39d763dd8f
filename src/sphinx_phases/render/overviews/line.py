"""``:style: line``: the legacy manual's "tube line", drawn by the stylesheet over the steps'
numbered list (its ``phases-sequence--line`` class)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_phases.render.overviews import steps

if TYPE_CHECKING:
    from docutils import nodes

    from sphinx_phases.core.catalog import PhaseEntry
    from sphinx_phases.core.views import Rows
    from sphinx_phases.render.overviews.common import Show


def draw(
    rows: Rows, entries: list[PhaseEntry], current: str | None, show: Show, first: int = 1
) -> nodes.enumerated_list:
    classes = ["phases-sequence", "phases-sequence--line"]
    return steps.listing(rows, entries, current, show, classes, first)

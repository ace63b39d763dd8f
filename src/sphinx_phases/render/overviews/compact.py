"""``:style: compact``: one line per phase, its number, linked title and status only (no
pictogram, subtitle, summary or loops), so a long sequence fits on a screen. Sub-phases,
gates and stages show as in the steps style (docs/reference/overviews.md)."""

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
    classes = ["phases-sequence", "phases-sequence--compact"]
    return steps.listing(rows, entries, current, show, classes, first, body=_title)


def _title(rows: Rows, entry: PhaseEntry, show: Show) -> list[nodes.Node]:
    return [steps.title(entry, show, pictogram=False)]

"""``phase-sequence`` and ``phase-table``: placeholders for overviews of every phase.

What they show depends on every page, so they are filled at write time from the sequence
resolved for the build (see :class:`sphinx_phases.sphinx_ext.transforms.FillPlaceholders`).
"""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.core.config import get_config
from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.render.nodes import phases_overview
from sphinx_phases.render.overviews import DEFAULT_COLUMNS, FIXED_COLUMNS
from sphinx_phases.sphinx_ext.domain import phases_domain

STYLES = ("steps", "line", "cards")


class PhaseSequenceDirective(SphinxDirective):
    """Every phase in order. MyST: ```` ```{phase-sequence} ```` with ``:style: steps``
    (default), ``line`` or ``cards`` (which needs ``sphinx_design`` in ``extensions``)."""

    option_spec: ClassVar[OptionSpec] = {"style": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        problems: list[Problem] = []
        style = self.options.get("style", "steps").strip() or "steps"
        if style not in STYLES:
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"phase-sequence: style {excerpt(style)} is not valid: "
                    f"expected one of {', '.join(STYLES)}; using steps",
                    self.lineno,
                )
            )
            style = "steps"
        elif style == "cards" and "sphinx_design" not in self.config.extensions:
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    "phase-sequence: style 'cards' needs "
                    "'sphinx_design' in extensions; using steps",
                    self.lineno,
                )
            )
            style = "steps"
        node = phases_overview(kind="sequence", style=style, docname=self.env.docname)
        self.set_source_info(node)
        domain = phases_domain(self.env)
        domain.note_overview(self.env.docname, problems)
        return [node]


class PhaseTableDirective(SphinxDirective):
    """A table with a row per phase. MyST: ```` ```{phase-table} ```` with
    ``:columns: title, status, duration, objective`` (fixed columns or question keys);
    without it, :data:`~sphinx_phases.render.overviews.DEFAULT_COLUMNS`. A question column shows
    the whole answer; ``:excerpt:`` shortens it to its first paragraph."""

    option_spec: ClassVar[OptionSpec] = {
        "columns": directives.unchanged,
        "excerpt": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        problems: list[Problem] = []
        questions = get_config(self.config).questions
        wanted = [c for c in re.split(r"[\s,]+", self.options.get("columns", "")) if c]
        columns = []
        for column in wanted:
            if column in FIXED_COLUMNS or column in questions:
                columns.append(column)
            else:
                known = ", ".join(
                    [*FIXED_COLUMNS, *(q for q in questions if q not in FIXED_COLUMNS)]
                )
                problems.append(
                    Problem(
                        PhaseWarning.OPTION,
                        f"phase-table: column {excerpt(column)} is not known; "
                        f"expected one of {known}",
                        self.lineno,
                    )
                )
        if not columns:  # none given, or none known (each reported above)
            columns = list(DEFAULT_COLUMNS)
        node = phases_overview(
            kind="table",
            columns=columns,
            excerpt="excerpt" in self.options,
            docname=self.env.docname,
        )
        self.set_source_info(node)
        domain = phases_domain(self.env)
        domain.note_overview(self.env.docname, problems)
        return [node]

"""``phase-sequence``, ``phase-table`` and ``phase-gates``: placeholders for overviews of
every phase (or gate).

What they show depends on every page, so they are filled at write time from the sequence
resolved for the build (see :class:`sphinx_phases.sphinx_ext.transforms.FillPlaceholders`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.render.nodes import phases_overview
from sphinx_phases.render.overviews import (
    DEFAULT_COLUMNS,
    DEFAULT_GATE_COLUMNS,
    DEFAULT_STYLE,
    FIXED_COLUMNS,
    GATE_COLUMNS,
    STYLES,
)
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import lifecycles, page_settings, speaker

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def _loaded(env: BuildEnvironment, name: str) -> bool:
    """Whether the build loaded the extension *name*. ``app.extensions`` holds those that
    other extensions set up (``app.setup_extension``) as well as those conf.py lists, which
    are all ``config.extensions`` holds. ``env.app`` is deprecated from Sphinx 9, whose own
    transforms read ``env._app``."""
    app = getattr(env, "_app", None) or env.app
    return name in app.extensions


def _lifecycle(directive: SphinxDirective, problems: list[Problem]) -> str | None:
    """The life cycle ``:lifecycle: NAME`` names (docs/reference/lifecycles.md); None for
    the page's own. An unknown name is reported, and the page's own is shown."""
    given: str = directive.options.get("lifecycle", "").strip()
    names = lifecycles().names if lifecycles().configured else ()
    if not given:
        if names and lifecycles().of(directive.env.docname) is None:
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"{directive.name} on a page outside every life cycle's root names no "
                    f"life cycle; expected :lifecycle: with one of {', '.join(names)}",
                    directive.lineno,
                    key="lifecycle",
                )
            )
        return None
    if given in names:
        return given
    expected = (
        "one of " + ", ".join(names)
        if names
        else "no value: the project has one life cycle (phases_lifecycles is not set)"
    )
    problems.append(
        Problem(
            PhaseWarning.OPTION,
            f"{directive.name}: lifecycle {excerpt(given)} is not a life cycle of the "
            f"project; expected {expected}",
            directive.lineno,
            key="lifecycle",
        )
    )
    return None


class PhaseSequenceDirective(SphinxDirective):
    """Every phase in order. MyST: ```` ```{phase-sequence} ```` with ``:style:`` one of
    :data:`~sphinx_phases.render.overviews.STYLES` (``steps`` by default); a style that
    needs an extension the build has not loaded (``cards``: ``sphinx_design``) falls back
    to steps, with a warning. ``:summaries: false`` leaves the phases' summaries out."""

    option_spec: ClassVar[OptionSpec] = {
        "style": directives.unchanged,
        "summaries": directives.unchanged,
        "lifecycle": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        problems: list[Problem] = []
        lifecycle = _lifecycle(self, problems)
        style = self.options.get("style", DEFAULT_STYLE).strip() or DEFAULT_STYLE
        if style not in STYLES:
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"phase-sequence: style {excerpt(style)} is not valid: "
                    f"expected one of {', '.join(STYLES)}; using {DEFAULT_STYLE}",
                    self.lineno,
                )
            )
            style = DEFAULT_STYLE
        needs = STYLES[style].needs
        if needs is not None and not _loaded(self.env, needs):
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"phase-sequence: style {excerpt(style)} needs "
                    f"{excerpt(needs)} in extensions; using {DEFAULT_STYLE}",
                    self.lineno,
                )
            )
            style = DEFAULT_STYLE
        summaries = self.options.get("summaries", "true").strip().lower() or "true"
        if summaries not in ("true", "false"):
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"phase-sequence: summaries {excerpt(summaries)} is not valid: "
                    "expected true or false; using true",
                    self.lineno,
                )
            )
            summaries = "true"
        node = phases_overview(
            kind="sequence",
            style=style,
            summaries=summaries == "true",
            docname=self.env.docname,
            lifecycle=lifecycle,
        )
        self.set_source_info(node)
        domain = phases_domain(self.env)
        domain.note_overview(self.env.docname, problems, lifecycle)
        return [node]


class PhaseTableDirective(SphinxDirective):
    """A table with a row per phase. MyST: ```` ```{phase-table} ```` with
    ``:columns: title, status, duration, objective`` (fixed columns or question keys);
    without it, :data:`~sphinx_phases.render.overviews.DEFAULT_COLUMNS`. A question column shows
    the whole answer; ``:excerpt:`` shortens it to its first paragraph."""

    option_spec: ClassVar[OptionSpec] = {
        "columns": directives.unchanged,
        "excerpt": directives.flag,
        "lifecycle": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        problems: list[Problem] = []
        lifecycle = _lifecycle(self, problems)
        shown = speaker(lifecycle).settings if lifecycle else page_settings(self.env)
        questions = shown.questions
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
            lifecycle=lifecycle,
        )
        self.set_source_info(node)
        domain = phases_domain(self.env)
        domain.note_overview(self.env.docname, problems, lifecycle)
        return [node]


class PhaseGatesDirective(SphinxDirective):
    """A table with a row per placed gate, in reading order (docs/reference/gates.md).
    MyST: ```` ```{phase-gates} ```` with ``:columns:`` among
    :data:`~sphinx_phases.render.overviews.GATE_COLUMNS`; without it (or with none known),
    :data:`~sphinx_phases.render.overviews.DEFAULT_GATE_COLUMNS`."""

    option_spec: ClassVar[OptionSpec] = {
        "columns": directives.unchanged,
        "lifecycle": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        problems: list[Problem] = []
        lifecycle = _lifecycle(self, problems)
        columns = []
        for column in (c for c in re.split(r"[\s,]+", self.options.get("columns", "")) if c):
            if column in GATE_COLUMNS:
                columns.append(column)
            else:
                problems.append(
                    Problem(
                        PhaseWarning.OPTION,
                        f"phase-gates: column {excerpt(column)} is not known; "
                        f"expected one of {', '.join(GATE_COLUMNS)}",
                        self.lineno,
                    )
                )
        node = phases_overview(
            kind="gates",
            columns=columns or list(DEFAULT_GATE_COLUMNS),
            docname=self.env.docname,
            lifecycle=lifecycle,
        )
        self.set_source_info(node)
        phases_domain(self.env).note_overview(self.env.docname, problems, lifecycle)
        return [node]

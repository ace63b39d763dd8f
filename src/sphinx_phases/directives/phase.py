"""The ``phase`` directive: declare the page's phase; its body is the phase summary."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.declare import anchor_nodes, page_title, record, summary_node
from sphinx_phases.model import OPTION_NAMES, parse_declaration


class PhaseDirective(SphinxDirective):
    """Declare the page's phase.

    MyST::

        ```{phase} live
        :previous: beta
        :status: draft

        Provide the service to all users, then keep improving it.
        ```

    Produces an index entry, a ``phase-live`` target and a ``container`` with class
    ``phases-summary`` holding the parsed body.
    """

    optional_arguments = 1
    # An id with spaces is a value problem we explain ourselves, not a docutils error.
    final_argument_whitespace = True
    has_content = True
    # Values are checked by model.parse_declaration, so a bad value is a located
    # ``phases.option`` warning and the page still renders.
    option_spec: ClassVar[OptionSpec] = {
        name: directives.unchanged for name in OPTION_NAMES if name not in ("id", "summary")
    }

    def run(self) -> list[nodes.Node]:
        raw: dict[str, object] = dict(self.options)
        if self.arguments:
            raw["id"] = self.arguments[0]
        summary = summary_node(None)
        self.set_source_info(summary)
        summary += self.parse_content_to_nodes()
        if summary.children:
            raw["summary"] = summary.astext()
        decl, problems = parse_declaration(
            raw,
            docname=self.env.docname,
            line=self.lineno,
            page_title=page_title(self.state.document),
            lines=self.option_lines(),
            origin="phase directive",
        )
        record(self.env, decl, problems)
        if decl is None:
            return [summary] if summary.children else []
        summary["phase"] = decl.id
        result = anchor_nodes(self.state.document, decl)
        if summary.children:
            result.append(summary)
        return result

    def option_lines(self) -> dict[str, int]:
        """The line of each option, so a bad value is reported where it is written."""
        lines: dict[str, int] = {}
        for offset, text in enumerate(self.block_text.splitlines()):
            stripped = text.lstrip()
            if stripped.startswith(":") and ":" in stripped[1:]:
                lines.setdefault(stripped[1:].split(":", 1)[0], self.lineno + offset)
        return lines

"""The ``phase`` directive: declare the page's phase; its body is the phase summary."""

from __future__ import annotations

import dataclasses as dc
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.core.model import LINK_OPTIONS, OPTION_NAMES, parse_declaration
from sphinx_phases.markup.declare import anchor_nodes, page_title, record, summary_node
from sphinx_phases.markup.written import directive_written, option_lines
from sphinx_phases.sphinx_ext.content import remember
from sphinx_phases.sphinx_ext.translation import TRANSLATABLE_OPTIONS, words_node


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
        # Where the text is: the page, or a file it includes (whose own line is used).
        where = directive_written(self)
        source, included, line = where.source, where.included, where.line
        # Links keep their lines, for the sequence's problems with them; other options'
        # lines are only looked for when a value is wrong.
        has_links = any(name in self.options for name in LINK_OPTIONS)
        lines = option_lines(self, source, line) if has_links else {}
        decl, problems = parse_declaration(
            raw,
            docname=self.env.docname,
            line=line,
            page_title=page_title(self.state.document),
            lines=lines,
            origin="phase directive",
            source=included,
        )
        if problems:
            if not has_links and any(p.key for p in problems):
                lines = option_lines(self, source, line)
            problems = [
                dc.replace(p, line=lines.get(p.key or "", p.line), path=included) for p in problems
            ]
        record(self.env, decl, problems)
        if decl is not None:
            self.env.current_document.setdefault("phases_decl", decl)
        if decl is None:
            return [summary] if summary.children else []
        summary["phase"] = decl.id
        result = anchor_nodes(self.state.document, decl)
        words = words_node(self, decl.id, "phase", TRANSLATABLE_OPTIONS)
        if words is not None:
            result.append(words)
        if summary.children:
            result.append(summary)
            remember(self.env, summary)
        return result

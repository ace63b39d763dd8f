"""The ``phase`` directive: declare the page's phase; its body is the phase summary."""

from __future__ import annotations

import dataclasses as dc
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
        # Where the text is: the page, or a file it includes (whose own line is used).
        source, source_line = self.get_source_info()
        included = source if source != str(self.env.doc2path(self.env.docname)) else None
        line = (source_line or self.lineno) if included else self.lineno
        decl, problems = parse_declaration(
            raw,
            docname=self.env.docname,
            line=line,
            page_title=page_title(self.state.document),
            origin="phase directive",
            source=included,
        )
        if problems:
            lines = self.option_lines(source, line) if any(p.key for p in problems) else {}
            problems = [
                dc.replace(p, line=lines.get(p.key or "", p.line), path=included) for p in problems
            ]
        record(self.env, decl, problems)
        if decl is not None:
            self.env.temp_data.setdefault("phases_decl", decl)
        if decl is None:
            return [summary] if summary.children else []
        summary["phase"] = decl.id
        result = anchor_nodes(self.state.document, decl)
        if summary.children:
            result.append(summary)
        return result

    def option_lines(self, source: str, first: int) -> dict[str, int]:
        """The line of each option, so a bad value is reported where it is written.

        Only called when a value is wrong. MyST before 5 leaves the options out of
        ``block_text``, so the *source* file (the page, or the file it includes) is read
        instead, from the directive's line in it, *first*.
        """
        text = self.block_text
        if "\n:" not in text and "\n   :" not in text:
            try:
                with open(source, encoding="utf-8") as handle:
                    text = "".join(handle.readlines()[first - 1 : first + 40])
            except (OSError, UnicodeDecodeError):
                return {}
        lines: dict[str, int] = {}
        for offset, line in enumerate(text.splitlines()[1:], start=1):
            stripped = line.strip()
            if not stripped.startswith(":"):
                break
            lines.setdefault(stripped[1:].split(":", 1)[0], first + offset)
        return lines

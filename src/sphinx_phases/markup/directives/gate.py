"""The ``phase-gate`` directive: a decision point between two phases, where it is declared."""

from __future__ import annotations

import dataclasses as dc
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.core.gates import OPTION_NAMES, GateDecl, gate_anchor, parse_gate
from sphinx_phases.locale import _
from sphinx_phases.markup.anchors import Owner, claim
from sphinx_phases.markup.written import directive_written, option_lines
from sphinx_phases.render.nodes import phases_gate, phases_gate_facts
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.labels import current_profile
from sphinx_phases.sphinx_ext.translation import criterion_of, read_later, words_node


class PhaseGateDirective(SphinxDirective):
    """Declare a gate. MyST::

        ```{phase-gate} alpha-assessment
        :title: Alpha assessment
        :standard: all

        A panel decides whether the service may move to beta.

        - The team understands its users {standard}`1`
        ```

    Produces a :class:`~sphinx_phases.render.nodes.phases_gate` holding the title, a facts
    placeholder (filled when the sequence is known), the description and the criteria.
    """

    required_arguments = 1
    final_argument_whitespace = True  # an id with spaces is our located warning
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        name: directives.unchanged for name in OPTION_NAMES if name != "id"
    }

    def run(self) -> list[nodes.Node]:
        body = nodes.container()
        self.set_source_info(body)
        body += self.parse_content_to_nodes()
        lists = [n for n in body.children if isinstance(n, nodes.bullet_list)]
        criteria = tuple(criterion_of(item) for item in lists[0].children) if lists else ()
        # Where the text is: the page, or a file it includes (whose own line is used).
        where = directive_written(self)
        decl, problems = parse_gate(
            {"id": self.arguments[0], **self.options},
            docname=self.env.docname,
            line=where.line,
            criteria=criteria,
            source=where.included,
            decisions=[decision.id for decision in current_profile().decisions],
        )
        if any(p.key for p in problems):
            lines = option_lines(self, where.source, where.line)
            problems = [
                dc.replace(p, line=lines.get(p.key or "", p.line), path=where.included)
                for p in problems
            ]
        elif where.included:
            problems = [dc.replace(p, path=where.included) for p in problems]
        phases_domain(self.env).note_gate(self.env.docname, decl, problems)
        if decl is None:
            return list(body.children)
        return self._render(decl, body, lists[0] if lists else None)

    def _render(
        self, decl: GateDecl, body: nodes.container, criteria: nodes.bullet_list | None
    ) -> list[nodes.Node]:
        anchor = gate_anchor(decl.id)
        # A gate declared again on its page (reported) is shown as written, without the
        # anchor, the facts and the words, which belong to the first declaration
        # (docs/reference/gates.md, "Warnings").
        # A heading or label with the gate's id gives it up (docs/reference/warnings.md).
        document = self.state.document
        again = isinstance(document.ids.get(anchor), phases_gate)
        gate = phases_gate(gate=decl.id)
        self.set_source_info(gate)
        title = nodes.rubric(decl.title, decl.title, classes=["phases-gate__title"])
        gate += title
        if not again:
            owner = Owner("gate", f"gate '{decl.id}'", decl.line, decl.source)
            claim(self.env, document, gate, anchor, owner)
            claim(self.env, document, title, f"{anchor}-title", owner)
            gate += phases_gate_facts(gate=decl.id, docname=self.env.docname)
            words = words_node(self, decl.id, "gate", ("title", "noun", "authority"))
            if words is not None:
                gate += words
            # Its criteria are read again once the page is translated.
            read_later(self.env, "phases_gates").append(gate)
        # The words before the criteria say what the gate decides; any after follow them.
        description = nodes.container(classes=["phases-gate__description"])
        for child in list(body.children):
            if child is not criteria:
                description += child
                continue
            if description.children:
                gate += description
            description = nodes.container(classes=["phases-gate__more"])
            label = _("Criteria")
            gate += nodes.paragraph(label, label, classes=["phases-gate__criteria-label"])
            child["classes"].append("phases-gate__criteria")
            gate += child
        if description.children:
            gate += description
        if again:
            return [gate]
        index = addnodes.index(
            entries=[("single", _("{title} (gate)").format(title=decl.title), anchor, "", None)]
        )
        return [index, gate]

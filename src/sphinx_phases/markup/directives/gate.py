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
from sphinx_phases.core.messages import did_you_mean, excerpt
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.profile import CriteriaKind
from sphinx_phases.locale import _
from sphinx_phases.markup.anchors import Owner, claim
from sphinx_phases.markup.written import directive_written, option_lines
from sphinx_phases.render.nodes import phases_gate, phases_gate_facts
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import current_profile
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
        # A phase-criteria directive in the body knows it is in a gate.
        depth = int(self.env.current_document.get(IN_GATE) or 0)
        self.env.current_document[IN_GATE] = depth + 1
        try:
            body += self.parse_content_to_nodes()
        finally:
            self.env.current_document[IN_GATE] = depth
        kinds = current_profile().criteria
        groups = _criteria_lists(body, kinds)
        criteria = tuple(
            criterion_of(item, kind) for kind, listing in groups for item in listing.children
        )
        # Where the text is: the page, or a file it includes (whose own line is used).
        where = directive_written(self)
        decisions = current_profile().decisions
        decl, problems = parse_gate(
            {"id": self.arguments[0], **self.options},
            docname=self.env.docname,
            line=where.line,
            criteria=criteria,
            source=where.included,
            decisions=[decision.id for decision in decisions],
            undecided=[decision.id for decision in decisions if decision.means == "pending"],
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
        return self._render(decl, body, groups)

    def _render(
        self,
        decl: GateDecl,
        body: nodes.container,
        groups: list[tuple[str, nodes.bullet_list]],
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
        # The criteria stand where the first list of them is written, each kind under its
        # label, in the profile's order (docs/reference/gates.md, "Kinds of criteria").
        kinds = current_profile().criteria
        labels = {kind.id: kind.label for kind in kinds}
        heads = {id(listing) for _kind, listing in groups}
        shown = False
        description = nodes.container(classes=["phases-gate__description"])
        for child in list(body.children):
            if id(child) not in heads and not _is_criteria(child):
                description += child
                continue
            if not shown and groups:
                shown = True
                if description.children:
                    gate += description
                description = nodes.container(classes=["phases-gate__more"])
                for kind, listing in groups:
                    label = _kind_label(kind, labels)
                    gate += nodes.paragraph(label, label, classes=["phases-gate__criteria-label"])
                    listing["classes"].append("phases-gate__criteria")
                    if len(kinds) > 1:
                        listing["classes"].append(f"phases-gate__criteria--{kind}")
                    listing["kind"] = kind
                    gate += listing
            if _is_criteria(child) and child.children:
                description += child  # what a phase-criteria holds besides its lists
        if description.children:
            gate += description
        if again:
            return [gate]
        index = addnodes.index(
            entries=[("single", _("{title} (gate)").format(title=decl.title), anchor, "", None)]
        )
        return [index, gate]


#: Set while a gate's body is read (``env.current_document``), for phase-criteria.
IN_GATE = "phases_in_gate"


def _kind_label(kind: str, labels: dict[str, str]) -> str:
    """The label a kind of criteria shows under, in the build's words (gov-uk's one kind
    is the catalogue's own "Criteria")."""
    label = labels.get(kind)
    return _(label) if label else _("Criteria")


def _is_criteria(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and "phases-criteria" in node["classes"]


def _criteria_lists(
    body: nodes.container, kinds: tuple[CriteriaKind, ...]
) -> list[tuple[str, nodes.bullet_list]]:
    """The gate's criteria as one bullet list per kind, in the profile's order: its first
    bare bullet list (the first kind) and every phase-criteria directive's lists. The lists
    of one kind are one list, the first written, holding the others' items; the
    phase-criteria containers are left holding whatever else they hold."""
    default = kinds[0].id if kinds else "criteria"
    found: dict[str, nodes.bullet_list] = {}

    def take(kind: str, listing: nodes.bullet_list) -> None:
        if kind not in found:
            found[kind] = listing
            return
        items = list(listing.children)
        del listing[:]
        found[kind].extend(items)
        if listing.parent is body:
            body.remove(listing)

    bare = True
    for child in list(body.children):
        if isinstance(child, nodes.bullet_list) and bare:
            bare = False
            take(default, child)
        elif isinstance(child, nodes.container) and _is_criteria(child):
            for listing in [n for n in child.children if isinstance(n, nodes.bullet_list)]:
                child.remove(listing)
                take(child["kind"], listing)
    order = [kind.id for kind in kinds]
    return sorted(found.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else 0)


class PhaseCriteriaDirective(SphinxDirective):
    """Criteria of one kind of the profile, in a ``phase-gate`` body. MyST::

        ````{phase-gate} gate-3
        ```{phase-criteria} must
        - The business case is approved
        ```
        ````

    Produces a container (class ``phases-criteria``, attribute ``kind``) whose bullet
    lists the gate directive shows under the kind's label (docs/reference/gates.md).
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        kinds = current_profile().criteria
        ids = [kind.id for kind in kinds]
        written = self.arguments[0].strip()
        kind = written
        where = directive_written(self)
        problems: list[Problem] = []
        if written not in ids:
            kind = ids[0] if ids else "criteria"
            message = (
                f"phase-criteria: kind {excerpt(written)} is not valid: expected one of the "
                "profile's kinds of criteria: " + ", ".join(ids) + did_you_mean(written, ids)
            )
            problems.append(Problem(PhaseWarning.OPTION, message, where.line, path=where.included))
        if not self.env.current_document.get(IN_GATE):
            message = (
                f"phase-criteria '{kind}' is outside a phase-gate; expected it in the body of "
                "the gate whose criteria it lists"
            )
            problems.append(Problem(PhaseWarning.GATE, message, where.line, path=where.included))
        if problems:
            phases_domain(self.env).note_gate(self.env.docname, None, problems)
        node = nodes.container(classes=["phases-criteria"], kind=kind)
        self.set_source_info(node)
        node += self.parse_content_to_nodes()
        return [node]

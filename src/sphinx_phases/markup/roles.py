"""The ``{phase}`` role: a cross-reference to a phase page, with its title as text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.roles import XRefRole
from sphinx.util.docutils import SphinxRole

from sphinx_phases.markup.written import role_written
from sphinx_phases.render.links import pictogram_node
from sphinx_phases.sphinx_ext.domain import phases_domain

if TYPE_CHECKING:
    from docutils import nodes
    from docutils.nodes import Node, system_message
    from sphinx.environment import BuildEnvironment


class PhasesRefRole(XRefRole):
    """A cross-reference in the ``phases`` domain, recorded with where it is written (the
    page, or a file it includes) so that an unknown target is reported there.

    Subclasses name the reference type (``phase``, ``gate``, ``point``) and its class.
    """

    reftype_name = ""
    css_class = ""

    def create_xref_node(self) -> tuple[list[Node], list[system_message]]:
        # XRefRole takes the domain from the role's name, and a bare "phase" has none.
        self.refdomain, self.reftype = "phases", self.reftype_name
        self.classes = ["xref", "phases", self.css_class]
        return super().create_xref_node()

    def result_nodes(
        self,
        document: nodes.document,
        env: BuildEnvironment,
        node: nodes.Element,
        is_ref: bool,
    ) -> tuple[list[Node], list[system_message]]:
        where = role_written(self)
        phases_domain(env).note_reference(
            env.docname, node["reftarget"], where.line, self.reftype_name, where.included
        )
        return [node], []


class PhaseRole(PhasesRefRole):
    """``{phase}`live``` links to the live phase page; ``{phase}`text <live>``` sets the text.

    Registered both as ``phase`` and as the domain's ``phases:phase``; either way the
    reference belongs to the ``phases`` domain.
    """

    reftype_name = "phase"
    css_class = "phases-phase"


class GateRole(PhasesRefRole):
    """``{gate}`alpha-assessment``` links to a gate, with its title as text."""

    reftype_name = "gate"
    css_class = "phases-gate-ref"


class PictogramRole(SphinxRole):
    """``{pictogram}`website``` shows the named pictogram inline.

    At the start of a ``phase-outputs`` item it is decorative (the label beside it says
    it all); elsewhere its name, in words, is its text alternative.
    """

    def run(self) -> tuple[list[Node], list[system_message]]:
        name = self.text.strip()
        where = role_written(self)
        domain = phases_domain(self.env)
        domain.note_pictogram(self.env.docname, name, where.line, where.included)
        node = pictogram_node(name)
        self.set_source_info(node)
        return [node], []

"""``phase-standard`` lists a configured standard; ``{standard}`` cites one of its points.

What they show depends on the standards read for the build, which pages are not re-read
for, so both leave placeholders: the directive a :class:`phases_standard` node filled at
write time, the role a ``pending_xref`` of type ``point`` that the ``phases`` domain
resolves to the point's id and title, linking to where the standard is listed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from sphinx_phases.markup.roles import PhasesRefRole
from sphinx_phases.render.nodes import phases_standard
from sphinx_phases.sphinx_ext.domain import phases_domain

if TYPE_CHECKING:
    pass

__all__ = ["PhaseStandardDirective", "StandardRole"]


class PhaseStandardDirective(SphinxDirective):
    """A standard's points, with anchors. MyST: ```` ```{phase-standard} tcop ```` (the id
    may be left out when one standard is configured), with ``:coverage:`` for a matrix of
    the gates that assess each point."""

    optional_arguments = 1
    final_argument_whitespace = False
    has_content = False
    option_spec: ClassVar[OptionSpec] = {"coverage": directives.flag}

    def run(self) -> list[nodes.Node]:
        standard_id = self.arguments[0].strip() if self.arguments else ""
        node = phases_standard(
            standard=standard_id,
            coverage="coverage" in self.options,
            docname=self.env.docname,
        )
        self.set_source_info(node)
        # Whether the standard exists is checked once the standards are read for the build.
        phases_domain(self.env).note_standard_page(
            self.env.docname, standard_id, self.lineno, "coverage" in self.options
        )
        return [node]


class StandardRole(PhasesRefRole):
    """``{standard}`5``` cites point 5 of the only standard, ``{standard}`tcop:3``` point
    3 of ``tcop``; ``{standard}`text <tcop:3>``` sets the text. The reference belongs to
    the ``phases`` domain (type ``point``), whichever name the role is registered under.
    """

    reftype_name = "point"
    css_class = "phases-point"

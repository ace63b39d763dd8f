"""``phase-facts``: put the page's facts (position, duration, team) where the author wants."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_phases.render.nodes import phases_facts


class PhaseFactsDirective(SphinxDirective):
    """Place the facts by hand; the automatic ones are then left out of the page.

    MyST: ```` ```{phase-facts} ```` with no options. On a page without a phase it
    renders nothing.
    """

    def run(self) -> list[nodes.Node]:
        self.env.current_document["phases_manual_facts"] = True
        node = phases_facts(docname=self.env.docname)
        self.set_source_info(node)
        return [node]

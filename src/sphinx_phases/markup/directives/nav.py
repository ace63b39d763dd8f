"""``phase-nav``: put the page's previous/next navigation where the author wants it."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_phases.render.nodes import phases_nav


class PhaseNavDirective(SphinxDirective):
    """Place the navigation by hand; the automatic one is then left out of the page.

    MyST: ```` ```{phase-nav} ```` with no options. On a page without a phase it renders
    nothing.
    """

    def run(self) -> list[nodes.Node]:
        self.env.current_document["phases_manual_nav"] = True
        node = phases_nav(classes=["phases-nav", "no-search"], docname=self.env.docname)
        self.set_source_info(node)
        return [node]

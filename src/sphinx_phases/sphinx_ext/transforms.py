"""Fill each page's navigation, facts and overview placeholders when it is written."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_phases.core.gates import gate_anchor
from sphinx_phases.core.views import Rows
from sphinx_phases.locale import _, speak
from sphinx_phases.render import overviews
from sphinx_phases.render.links import phase_reference
from sphinx_phases.render.navigation import facts_list, fill_nav, gate_facts, page_words
from sphinx_phases.render.nodes import (
    phases_facts,
    phases_gate_facts,
    phases_nav,
    phases_overview,
    phases_region,
    phases_standard,
    phases_words,
)
from sphinx_phases.render.standard_listing import GateColumn, standard_listing
from sphinx_phases.sphinx_ext import content
from sphinx_phases.sphinx_ext.domain import current_builder, phases_domain
from sphinx_phases.sphinx_ext.lifecycles import current_profile, lifecycles
from sphinx_phases.sphinx_ext.shown import Placement

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinx_phases.core.catalog import GateEntry, PhaseEntry
    from sphinx_phases.core.views import PageView


class FillPlaceholders(SphinxPostTransform):
    """Render the navigation and overview placeholders of a page from its view.

    Placeholders carry the document they were written in, since singlehtml, latex,
    texinfo and man run this on one tree assembled from every document.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = phases_domain(self.env)
        if not domain.cycles:
            return
        found = lifecycles()
        for node in list(self.document.findall(_is_placeholder)):
            assert isinstance(node, _PLACEHOLDERS)
            if isinstance(node, phases_words):
                # Read by the gettext builder; nothing for any other to write.
                if current_builder(self.env).name != "gettext":
                    node.parent.remove(node)
                continue
            # In the words of the life cycle shown: the page's own, or the one an overview
            # names (docs/reference/lifecycles.md).
            lifecycle = node.get("lifecycle") or found.of(node["docname"])
            speak(lifecycle)
            view = domain.view(lifecycle, node["docname"])
            if isinstance(node, phases_overview) and lifecycle is None:
                node.parent.remove(node)  # outside every root, naming none: reported
            elif isinstance(node, phases_overview):
                rows = view.rows if view is not None else None
                with content.gc_paused():  # a row per phase: many nodes at once
                    node.replace_self(self._overview(node, rows or Rows({}, {}, {}), view))
            elif isinstance(node, phases_gate_facts):
                self._gate(node, view)
            elif isinstance(node, phases_standard):
                self._standard(node, view)
            elif view is None or view.phase is None:
                node.parent.remove(node)
            elif isinstance(node, phases_facts):
                node.replace_self(facts_list(view, node["docname"], current_builder(self.env)))
            else:
                fill_nav(node, view, current_builder(self.env))
                node["label"] = _("Phase navigation")
        # The page is written in its own life cycle's words.
        speak(found.of(self.env.docname))

    def _gate(self, node: phases_gate_facts, view: PageView | None) -> None:
        """A placed gate's facts; an unplaced one (reported) shows its words alone."""
        shown = [gate for gate in view.gates if gate.id == node["gate"]] if view else []
        if not shown:
            node.parent.remove(node)
            return
        builder = current_builder(self.env)
        node.replace_self(
            gate_facts(shown[0], page_words(current_profile().decisions), node["docname"], builder)
        )

    def _standard(self, node: phases_standard, view: PageView | None) -> None:
        """A standard's points, and with ``:coverage:`` the gates that assess each."""
        wanted = (node["standard"], node["coverage"])
        shown = [
            listing
            for listing in (view.standards if view else ())
            if (listing.written, listing.gates is not None) == wanted
        ]
        if not shown or shown[0].standard is None:  # reported by the checks
            node.parent.remove(node)
            return
        builder = current_builder(self.env)
        columns = None
        if shown[0].gates is not None:
            columns = [
                GateColumn(
                    gate.id,
                    gate.title,
                    partial(_gate_link, builder, node["docname"], gate),
                    frozenset(gate.points),
                )
                for gate in shown[0].gates
            ]
        node.replace_self(standard_listing(shown[0].standard, gates=columns))

    def _overview(
        self, node: phases_overview, rows: Rows, view: PageView | None
    ) -> list[nodes.Node]:
        builder = current_builder(self.env)
        show = overviews.Show(
            link=partial(_link, builder, node["docname"]),
            gate_link=partial(_gate_link, builder, node["docname"]),
            words=content.words_reader(self.env, builder),
            excerpt=bool(node.get("excerpt")),
            placement=Placement(self.document, node["docname"], builder),
            decisions=current_profile().decisions,
            summaries=node.get("summaries", True),
        )
        if node["kind"] in ("table", "gates"):
            if node["kind"] == "table":
                region = phases_region(label=_("Phases, as a table"))
                region += overviews.table(rows, node["columns"], show)
                spec = overviews.column_spec(node["columns"])
            else:  # every placed gate (docs/reference/gates.md)
                region = phases_region(label=_("Gates, as a table"))
                region += overviews.gates_table(rows, node["columns"], show)
                spec = overviews.gate_column_spec(node["columns"])
            before = node.previous_sibling()
            if isinstance(before, addnodes.tabular_col_spec):  # the author's tabularcolumns
                return [region]
            return [spec, region]
        current = view.phase if view is not None else None
        return [overviews.sequence(rows, node["style"], current, show)]


def _link(builder: Builder, docname: str, entry: PhaseEntry) -> nodes.reference:
    title = nodes.inline(entry.title, entry.title)
    return phase_reference(builder, docname, entry.docname, entry.id, title, entry.title)


def _gate_link(builder: Builder, docname: str, gate: GateEntry) -> nodes.reference:
    title = nodes.inline(gate.title, gate.title)
    return phase_reference(
        builder, docname, gate.docname, gate.id, title, gate.title, anchor=gate_anchor(gate.id)
    )


_PLACEHOLDERS = (
    phases_nav,
    phases_overview,
    phases_facts,
    phases_gate_facts,
    phases_standard,
    phases_words,
)


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, _PLACEHOLDERS)

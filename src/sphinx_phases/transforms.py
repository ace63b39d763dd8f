"""Transforms: finish each phase page while reading, fill its navigation when writing."""

from __future__ import annotations

import dataclasses as dc
from functools import partial
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_phases import content, overviews
from sphinx_phases.access import current_builder, phases_domain
from sphinx_phases.anchors import Owner, free_prefix, settle, written_at
from sphinx_phases.colors import phase_color
from sphinx_phases.config import DEFAULT_QUESTIONS, get_config
from sphinx_phases.declare import anchor_id, anchor_text, page_title, phase_reference
from sphinx_phases.frontmatter import (
    declare_from_front_matter,
    insert_after_title,
    report_second_declaration,
)
from sphinx_phases.gates import gate_anchor
from sphinx_phases.locale import _
from sphinx_phases.model import PhaseDecl
from sphinx_phases.navigation import facts_list, fill_nav, gate_facts, page_words
from sphinx_phases.nodes import (
    phases_banner,
    phases_facts,
    phases_gate_facts,
    phases_nav,
    phases_overview,
    phases_region,
    phases_standard,
    phases_words,
)
from sphinx_phases.pages import Rows
from sphinx_phases.problems import PhaseWarning, Problem
from sphinx_phases.shown import Placement
from sphinx_phases.standard_render import GateColumn, standard_listing
from sphinx_phases.standards import standard_anchor
from sphinx_phases.translation import replace_decl, translate_page

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinx_phases.catalog import GateEntry, PhaseEntry
    from sphinx_phases.pages import PageView


def _status_message(status: str) -> str:
    if status == "draft":
        return _("This page is a draft: it may be incomplete or change completely.")
    return _("This page is being reviewed: it may still change.")


class PhasePage(SphinxTransform):
    """Declare a front-matter phase; put the lead, banner, facts and navigation in place.

    One pass per document, touching only the page's first section and its end, never
    walking the whole tree. Under the title come the subtitle as the page's lead, the
    status banner, the facts and (``phases_navigation = "top"``) the navigation.
    """

    # After docutils' DocInfo transform (340) has built the docinfo; before Sphinx emits
    # doctree-read (880), whose collectors must see the index entries and headings.
    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        self._phase_page()
        self._settle_anchors()

    def _phase_page(self) -> None:
        temp = self.env.temp_data
        decl: PhaseDecl | None = temp.get("phases_decl")
        if decl is None:
            decl = declare_from_front_matter(self.document, self.env)
        else:
            report_second_declaration(self.document, self.env)
        domain = phases_domain(self.env)
        # Sphinx's Locale transform has translated the page: its words replace the
        # declarations' (docs/how-to/translate.md).
        decl = translate_page(self.env, decl)
        if decl is not None and decl.title_from_page:
            decl = self._title_from_page(decl)
        self._fill_questions(decl)
        if decl is None:
            return
        self._anchor_on_top(decl)
        if decl.pictogram:
            domain.note_pictogram(self.env.docname, decl.pictogram, decl.line, decl.source)
        settings = get_config(self.config)
        top: list[nodes.Node] = []
        if decl.subtitle:
            top.append(nodes.paragraph(decl.subtitle, decl.subtitle, classes=["phases-lead"]))
        if decl.status != "published":
            banner = self._banner(decl.status)
            color = phase_color(decl.id, decl.color)
            if color:
                banner["color"] = color
            top.append(banner)
        if settings.facts == "top" and not temp.get("phases_manual_facts"):
            top.append(phases_facts(docname=self.env.docname))
        where = "none" if temp.get("phases_manual_nav") else settings.navigation
        if where in ("top", "both"):
            top.append(self._placeholder())
        if top:
            insert_after_title(self.document, top)
        if where in ("bottom", "both"):
            sections = [n for n in self.document.children if isinstance(n, nodes.section)]
            (sections[-1] if sections else self.document).append(self._placeholder())

    def _settle_anchors(self) -> None:
        """Keep the ids of the page's standard listings free, and report a label that
        asked for an anchor of the extension (docs/reference/warnings.md, "Anchors").

        A phase or gate took its anchors from any heading or label as it was declared, and
        docutils gave a later one another id. A listing's points are known only when the
        page is written, so every id its points could take is freed now.
        """
        domain = phases_domain(self.env)
        if domain.data["standard_pages"].get(self.env.docname):
            configured = list(get_config(self.config).standards)
            for node in self.document.findall(phases_standard):
                written = node["standard"]
                standard_id = written or (configured[0] if len(configured) == 1 else "")
                if standard_id:
                    what = f"the listing of standard '{standard_id}'"
                    owner = Owner("listing", what, *written_at(self.env, node))
                    free_prefix(self.env, self.document, standard_anchor(standard_id), owner, node)
        problems = settle(self.env, self.document)
        if problems:
            domain.note_declaration(self.env.docname, None, problems)

    def _title_from_page(self, decl: PhaseDecl) -> PhaseDecl:
        """The phase's title is its page's, as a reader sees it: translated by now (Sphinx's
        Locale transform runs first), and found even when the declaration comes before
        the heading, where the directive could not see it yet."""
        title = page_title(self.document)
        domain = phases_domain(self.env)
        docname = self.env.docname
        if not title:
            message = (
                f"phase '{decl.id}' has no title: its page has no heading; expected a "
                "heading on the page, or a title option"
            )
            problem = Problem(PhaseWarning.OPTION, message, decl.line, path=decl.source)
            domain.note_declaration(docname, None, [problem])
            return decl
        if title == decl.title:
            return decl
        found = dc.replace(decl, title=title)
        replace_decl(self.env, "decls", decl, found)
        # Its general-index entry, written with the title the directive saw.
        anchor = anchor_id(decl.id)
        for index in self.document.findall(addnodes.index):
            index["entries"] = [
                (kind, anchor_text(found) if target == anchor else text, target, *rest)
                for kind, text, target, *rest in index["entries"]
            ]
        return found

    def _anchor_on_top(self, decl: PhaseDecl) -> None:
        """Move the phase's anchor onto the page's top section, so a link to it (and the
        ``objects.inv`` entry) shows the page from its title.

        Docutils has by now moved a target's id onto the element after it (the summary),
        or left it on the target when nothing follows.
        """
        anchor = anchor_id(decl.id)
        holder = self.document.ids.get(anchor)
        section = self.document.next_node(nodes.section)
        if not isinstance(holder, nodes.Element) or section is None or holder is section:
            return
        holder["ids"].remove(anchor)
        parent = holder.parent
        if parent is not None:
            # The target itself, or what is left of it once its id moved on.
            for sibling in list(parent.children):
                if (
                    isinstance(sibling, nodes.target)
                    and not sibling["ids"]
                    and (sibling is holder or sibling.get("refid") == anchor)
                ):
                    parent.remove(sibling)
        section["ids"].append(anchor)
        self.document.ids[anchor] = section

    def _fill_questions(self, decl: PhaseDecl | None) -> None:
        """Title each question section for this page's phase ("... of an alpha?")."""
        templates = get_config(self.config).questions
        if decl is None:
            noun = _("this phase")
        else:
            noun = decl.noun or _("the {title} phase").format(title=decl.title.lower())
        for section, key in self.env.temp_data.get("phases_questions") or ():
            template = templates.get(key, key)
            if DEFAULT_QUESTIONS.get(key) == template:
                template = _(template)  # the built-in wording has translations
            text = template.replace("{noun}", noun)
            section[0].replace_self(nodes.title(text, text))
            section["names"].append(nodes.fully_normalize_name(text))
            self.document.note_implicit_target(section, section)

    def _placeholder(self) -> phases_nav:
        return phases_nav(classes=["phases-nav", "no-search"], docname=self.env.docname)

    def _banner(self, status: str) -> phases_banner:
        banner = phases_banner(status=status, classes=["no-search"])
        paragraph = nodes.paragraph(classes=["phases-banner__content"])
        paragraph += nodes.strong(
            "", overviews.status_label(status), classes=["phases-banner__tag"]
        )
        paragraph += nodes.Text(" ")
        paragraph += nodes.inline("", _status_message(status), classes=["phases-banner__text"])
        banner += paragraph
        return banner


class FillPlaceholders(SphinxPostTransform):
    """Render the navigation and overview placeholders of a page from its view.

    Placeholders carry the document they were written in, since singlehtml, latex,
    texinfo and man run this on one tree assembled from every document.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = phases_domain(self.env)
        pages = domain.pages
        if not pages:
            return
        for node in list(self.document.findall(_is_placeholder)):
            assert isinstance(node, _PLACEHOLDERS)
            if isinstance(node, phases_words):
                # Read by the gettext builder; nothing for any other to write.
                if current_builder(self.env).name != "gettext":
                    node.parent.remove(node)
                continue
            view = pages.get(node["docname"])
            if isinstance(node, phases_overview):
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
                node.replace_self(facts_list(view))
            else:
                fill_nav(node, view, current_builder(self.env))

    def _gate(self, node: phases_gate_facts, view: PageView | None) -> None:
        """A placed gate's facts; an unplaced one (reported) shows its words alone."""
        shown = [gate for gate in view.gates if gate.id == node["gate"]] if view else []
        if not shown:
            node.parent.remove(node)
            return
        builder = current_builder(self.env)
        node.replace_self(gate_facts(shown[0], page_words(), node["docname"], builder))

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
            words=phases_domain(self.env).reader(builder),
            excerpt=bool(node.get("excerpt")),
            placement=Placement(self.document, node["docname"], builder),
        )
        if node["kind"] == "table":
            region = phases_region(label=_("Phases, as a table"))
            region += overviews.table(rows, node["columns"], show)
            before = node.previous_sibling()
            if isinstance(before, addnodes.tabular_col_spec):  # the author's tabularcolumns
                return [region]
            return [overviews.column_spec(node["columns"]), region]
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

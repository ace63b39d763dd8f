"""Finish each phase page while it is read: declare a front-matter phase, settle anchors,
and put the lead, banner, facts and navigation placeholders in place."""

from __future__ import annotations

import dataclasses as dc
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from sphinx_phases.core.colors import phase_color
from sphinx_phases.core.config import DEFAULT_QUESTIONS
from sphinx_phases.core.model import PhaseDecl, anchor_id
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.standards import standard_anchor
from sphinx_phases.locale import _
from sphinx_phases.markup.anchors import Owner, free_prefix, settle, written_at
from sphinx_phases.markup.declare import anchor_text, page_title
from sphinx_phases.markup.frontmatter import (
    declare_from_front_matter,
    insert_after_title,
    report_second_declaration,
)
from sphinx_phases.render import overviews
from sphinx_phases.render.nodes import (
    phases_banner,
    phases_facts,
    phases_nav,
    phases_standard,
)
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import page_settings
from sphinx_phases.sphinx_ext.translation import replace_decl, translate_page

if TYPE_CHECKING:
    pass


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
        temp = self.env.current_document
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
        settings = page_settings(self.env)
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
            configured = list(page_settings(self.env).standards)
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
        templates = page_settings(self.env).questions
        if decl is None:
            noun = _("this phase")
        else:
            noun = decl.noun or _("the {title} phase").format(title=decl.title.lower())
        for section, key in self.env.current_document.get("phases_questions") or ():
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

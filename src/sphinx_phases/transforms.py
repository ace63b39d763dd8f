"""Transforms: finish each phase page while reading, fill its navigation when writing."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_phases import overviews
from sphinx_phases.colors import phase_color
from sphinx_phases.config import DEFAULT_QUESTIONS, get_config
from sphinx_phases.domain import PhasesDomain
from sphinx_phases.frontmatter import declare_from_front_matter, insert_after_title
from sphinx_phases.locale import _
from sphinx_phases.model import PhaseDecl
from sphinx_phases.nodes import phases_banner, phases_nav, phases_nav_link, phases_overview
from sphinx_phases.sequence import Resolution


def _status_message(status: str) -> str:
    if status == "draft":
        return _("This page is a draft: it may be incomplete or change completely.")
    return _("This page is being reviewed: it may still change.")


class PhasePage(SphinxTransform):
    """Declare a front-matter phase, add the status banner and the navigation placeholders.

    One pass per document, touching only the page's first section and its end, never
    walking the whole tree.
    """

    # After docutils' DocInfo transform (340) has built the docinfo; before Sphinx emits
    # doctree-read (880), whose collectors must see the index entries and headings.
    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        temp = self.env.temp_data
        decl: PhaseDecl | None = temp.get("phases_decl")
        if decl is None:
            decl = declare_from_front_matter(self.document, self.env)
        domain: PhasesDomain = self.env.get_domain("phases")  # type: ignore[assignment]
        if temp.get("phases_manual_nav"):
            domain.note_nav(self.env.docname, "manual")
        self._fill_questions(decl)
        if decl is None:
            return
        if decl.pictogram:
            domain.note_pictogram(self.env.docname, decl.pictogram, decl.line)
        if decl.status != "published":
            banner = self._banner(decl.status)
            color = phase_color(decl.id, decl.color)
            if color:
                banner["color"] = color
            insert_after_title(self.document, [banner])
        where = get_config(self.config).navigation
        if temp.get("phases_manual_nav") or where == "none":
            return
        domain.note_nav(self.env.docname, "auto")
        if where in ("top", "both"):
            insert_after_title(self.document, [self._placeholder()], after_banner=True)
        if where in ("bottom", "both"):
            sections = [n for n in self.document.children if isinstance(n, nodes.section)]
            (sections[-1] if sections else self.document).append(self._placeholder())

    def _fill_questions(self, decl: PhaseDecl | None) -> None:
        """Title each question section for this page's phase ("... of an alpha?")."""
        templates = get_config(self.config).questions
        noun = decl.display_noun if decl else _("this phase")
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
    """Fill navigation and overview placeholders from the sequence resolved for this build.

    Links are ``pending_xref`` nodes, resolved by Sphinx itself right after (priority
    10), so every builder (dirhtml, singlehtml...) gets its own right URLs.
    """

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain: PhasesDomain = self.env.get_domain("phases")  # type: ignore[assignment]
        docname = self.env.docname
        navs = domain.data["navs"]
        if (
            domain.assembles
            or docname in domain.data["overviews"]
            or navs.get(docname) == "manual"
        ):
            # Assembled trees and hand-placed directives can be anywhere: look everywhere.
            placeholders = _all_placeholders(self.document)
        elif docname in navs:
            placeholders = _automatic_navs(self.document)
        else:
            return  # most pages hold no placeholder, and are not walked at all
        resolution = domain.resolution
        catalog = domain.catalog
        for node in placeholders:
            page_phase = resolution.pages.get(node["docname"])
            if isinstance(node, phases_overview):
                if node["kind"] == "table":
                    node.replace_self(overviews.table(catalog, node["columns"], node["docname"]))
                else:
                    node.replace_self(
                        overviews.sequence(catalog, node["style"], page_phase, node["docname"])
                    )
            elif page_phase is None:
                node.parent.remove(node)
            else:
                self._fill(node, page_phase, resolution)

    def _fill(self, nav: phases_nav, phase_id: str, resolution: Resolution) -> None:
        phase = resolution.phases[phase_id]
        decls = resolution.decls
        docname = nav["docname"]
        color = phase_color(phase_id, decls[phase_id].color)
        if color:
            nav["color"] = color
        last_top = resolution.order[-1] if resolution.order else None

        # The words live in attributes, not in Text nodes, so that no Sphinx version's
        # search indexer picks them up: every page would match "previous phase".
        def link(kind: str, label: str, target: str) -> None:
            entry = phases_nav_link(kind=kind, label=label, title=decls[target].title)
            xref = addnodes.pending_xref(
                "",
                refdomain="phases",
                reftype="phase",
                reftarget=target,
                refexplicit=True,
                refwarn=False,
                refdoc=docname,
            )
            xref += nodes.inline()
            entry += xref
            nav.append(entry)

        def marker(kind: str, label: str) -> None:
            nav.append(phases_nav_link(kind=kind, label=label))

        # Previous and next first, in reading and tabbing order; then the family and loops.
        if phase.previous:
            link("prev", _("Previous phase"), phase.previous)
        elif phase.first:
            marker("first", _("This is the first phase"))
        if phase.next:
            is_final = phase.next == last_top
            link("next", _("Final phase") if is_final else _("Next phase"), phase.next)
        elif phase.last:
            marker("final", _("This is the final phase"))
        if phase.parent:
            link("up", _("Part of"), phase.parent)
        for child in phase.children:
            link("child", _("Sub-phase"), child)
        for target in phase.loops_to:
            link("loop", _("Go back to"), target)


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, phases_nav | phases_overview)


def _automatic_navs(document: nodes.document) -> list[phases_nav | phases_overview]:
    """The navigation PhasePage placed: after the first title and at the very end.

    Looking there costs a few steps where a walk would visit every node of the page; if
    a later transform moved them, fall back to the walk.
    """
    sections = [n for n in document.children if isinstance(n, nodes.section)]
    places: list[nodes.Node] = list(sections[0].children[1:4]) if sections else []
    last = sections[-1] if sections else document
    if last.children:
        places.append(last.children[-1])
    found: list[phases_nav | phases_overview] = [n for n in places if isinstance(n, phases_nav)]
    return list(dict.fromkeys(found)) if found else _all_placeholders(document)


def _all_placeholders(document: nodes.document) -> list[phases_nav | phases_overview]:
    return [
        n for n in document.findall(_is_placeholder) if isinstance(n, phases_nav | phases_overview)
    ]

"""Turn a validated declaration into the nodes that mark it on its page, and record it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_phases.core.model import PhaseDecl, anchor_id
from sphinx_phases.core.problems import Problem
from sphinx_phases.locale import _
from sphinx_phases.markup.anchors import Owner, claim, is_claimed, note_owner, top_heading_holds
from sphinx_phases.sphinx_ext.domain import phases_domain

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def anchor_text(decl: PhaseDecl) -> str:
    """A phase's general-index entry."""
    return _("{title} (phase)").format(title=decl.title)


def anchor_nodes(document: nodes.document, decl: PhaseDecl) -> list[nodes.Node]:
    """A link target for the phase and its general-index entry.

    A heading or label of the page with the phase's id gives it up; a page whose title
    makes the id (``# Phase: Beta``) keeps it there, where the anchor goes anyway
    (docs/reference/warnings.md).
    """
    anchor = anchor_id(decl.id)
    env = document.settings.env
    owner = Owner("phase", f"phase '{decl.id}'", decl.line, decl.source)
    index = addnodes.index(entries=[("single", anchor_text(decl), anchor, "", None)])
    if is_claimed(env, anchor, owner):  # declared twice on the page: reported, shown once
        return []
    if top_heading_holds(document, anchor):
        note_owner(env, anchor, owner)
        return [index]
    target = nodes.target("", "")
    claim(env, document, target, anchor, owner)
    return [index, target]


def summary_node(decl: PhaseDecl | None) -> nodes.container:
    node = nodes.container(classes=["phases-summary"])
    if decl is not None:
        node["phase"] = decl.id
    return node


def page_title(document: nodes.document) -> str:
    """The page's first heading as plain text (the default phase title)."""
    title = document.next_node(nodes.title)
    return title.astext() if title is not None else ""


def record(env: BuildEnvironment, decl: PhaseDecl | None, problems: list[Problem]) -> None:
    domain = phases_domain(env)
    domain.note_declaration(env.docname, decl, problems)

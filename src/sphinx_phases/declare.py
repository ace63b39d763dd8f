"""Turn a validated declaration into the nodes that mark it on its page, and record it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_phases.model import PhaseDecl, Problem

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.domain import PhasesDomain


def anchor_id(phase_id: str) -> str:
    return f"phase-{phase_id}"


def anchor_nodes(document: nodes.document, decl: PhaseDecl) -> list[nodes.Node]:
    """A link target for the phase and its general-index entry."""
    target = nodes.target("", "", ids=[anchor_id(decl.id)])
    document.note_explicit_target(target)
    index = addnodes.index(
        entries=[("single", f"{decl.title} (phase)", anchor_id(decl.id), "", None)]
    )
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
    domain: PhasesDomain = env.get_domain("phases")  # type: ignore[assignment]
    domain.note_declaration(env.docname, decl, problems)

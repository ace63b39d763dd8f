"""Non-HTML rendering: meaning kept, look dropped (each node as the docutils node it is)."""

from __future__ import annotations

from typing import Any

from docutils import nodes

from sphinx_phases.pictograms import pictogram_registry


def skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def depart_nothing(self: Any, node: nodes.Element) -> None:
    pass


def visit_container(self: Any, node: nodes.Element) -> None:
    self.visit_container(node)


def depart_container(self: Any, node: nodes.Element) -> None:
    self.depart_container(node)


def visit_list_item(self: Any, node: nodes.Element) -> None:
    self.visit_list_item(node)


def depart_list_item(self: Any, node: nodes.Element) -> None:
    self.depart_list_item(node)


def visit_paragraph(self: Any, node: nodes.Element) -> None:
    self.visit_paragraph(node)


def depart_paragraph(self: Any, node: nodes.Element) -> None:
    self.depart_paragraph(node)


def _write_text(self: Any, text: str) -> None:
    # Through the writer's own Text handling, so each format escapes it its own way.
    nodes.Text(text).walkabout(self)


def visit_pictogram_text(self: Any, node: nodes.Element) -> None:
    """Decorative pictograms vanish (their label is beside them); others become [label]."""
    if not node.get("decorative"):
        _write_text(self, f"[{node['label']}]")
    raise nodes.SkipNode


def visit_pictogram_latex(self: Any, node: nodes.Element) -> None:
    """PNG pictograms as small images; SVG ones (LaTeX cannot) fall back to the label."""
    found = pictogram_registry(self.builder.env).get(node["name"])
    filename = found.filename if found else ""
    if filename.endswith(".png"):
        self.body.append(
            r"\sphinxincludegraphics[height=1.2em]{phases-pictograms/" + filename + "}"
        )
        if not node.get("decorative"):
            _write_text(self, f" {node['label']}")
    elif not node.get("decorative"):
        _write_text(self, f"[{node['label']}]")
    raise nodes.SkipNode

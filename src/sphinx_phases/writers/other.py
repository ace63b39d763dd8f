"""Non-HTML rendering: meaning kept, look dropped (text writes labels, LaTeX skips nav)."""

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


def visit_nav_link_text(self: Any, node: nodes.Element) -> None:
    """'Previous phase: Beta', from the attributes (the node holds no words of its own)."""
    title = node.get("title")
    self.new_state(0)
    self.add_text(f"{node['label']}: {title}" if title else node["label"])
    self.end_state()
    raise nodes.SkipNode


def visit_nav_text(self: Any, node: nodes.Element) -> None:
    self.new_state(0)


def depart_nav_text(self: Any, node: nodes.Element) -> None:
    self.end_state()


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

"""Non-HTML rendering: meaning kept, look dropped (each node as the docutils node it is).

LaTeX gets a little more, because manuals get printed: the navigation is set off from
the text between two rules, with page numbers; the status banner is an admonition box;
a sequence marks the page's own phase. Everything stays plain Sphinx LaTeX (no package
of ours to load), and each hook Sphinx offers for customising is kept: ``sphinxuseclass``
environments for the containers' classes, ``\\DUrole`` for the inline words.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

from sphinx_phases.core.pictograms import pictogram_registry


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


def visit_entry(self: Any, node: nodes.Element) -> None:
    self.visit_entry(node)


def depart_entry(self: Any, node: nodes.Element) -> None:
    self.depart_entry(node)


def visit_inline(self: Any, node: nodes.Element) -> None:
    self.visit_inline(node)


def depart_inline(self: Any, node: nodes.Element) -> None:
    self.depart_inline(node)


def visit_rubric(self: Any, node: nodes.Element) -> None:
    self.visit_rubric(node)


def depart_rubric(self: Any, node: nodes.Element) -> None:
    self.depart_rubric(node)


def visit_paragraph(self: Any, node: nodes.Element) -> None:
    self.visit_paragraph(node)


def depart_paragraph(self: Any, node: nodes.Element) -> None:
    self.depart_paragraph(node)


def _write_text(self: Any, text: str) -> None:
    # Through the writer's own Text handling, so each format escapes it its own way.
    nodes.Text(text).walkabout(self)


def visit_tag(self: Any, node: nodes.Element) -> None:
    _write_text(self, "[")
    self.visit_inline(node)  # the format's own hook for the tag's classes (LaTeX: \DUrole)


def depart_tag(self: Any, node: nodes.Element) -> None:
    self.depart_inline(node)
    _write_text(self, "]")


def visit_gate_latex(self: Any, node: nodes.Element) -> None:
    """A gate is a target in the PDF: every ``{gate}`` link and "after the ..." lands."""
    self.body.append(self.hypertarget_to(node, anchor=True))
    self.visit_container(node)


def visit_gate_texinfo(self: Any, node: nodes.Element) -> None:
    for anchor in node["ids"]:
        self.add_anchor(anchor, node)
    self.visit_container(node)


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


# -- LaTeX -------------------------------------------------------------------------------

# The navigation's labels, upright and bold inside the italic link, unless the project
# defines its own \DUrole for them (the definitions are local to the navigation).
_NAV_ROLES = "".join(
    r"\ifcsname DUrole" + role + r"\endcsname\else"
    r"\expandafter\def\csname DUrole" + role + r"\endcsname#1{\textup{\sphinxstylestrong{#1}}}"
    r"\fi"
    for role in ("phases-nav__label", "phases-nav__sep")
)
_RULE = r"\noindent\rule{\linewidth}{0.4pt}\par"


def visit_nav_latex(self: Any, node: nodes.Element) -> None:
    """The navigation between two thin rules in small type, kept off the body text."""
    self.visit_container(node)
    self.body.append(
        "\n\\par\\needspace{4\\baselineskip}\\medskip\\begingroup\\small"
        + _NAV_ROLES
        + "\n"
        + _RULE
        + "\\nobreak\n"
    )


def depart_nav_latex(self: Any, node: nodes.Element) -> None:
    self.body.append("\n\\par\\nobreak\\smallskip" + _RULE + "\\endgroup\\medskip\n")
    self.depart_container(node)


def depart_nav_link_latex(self: Any, node: nodes.Element) -> None:
    """After a link, the page it leads to: "Next phase: Beta (page 9)", for paper.

    Sphinx adds the same itself to every reference when ``latex_show_pagerefs`` is on.
    """
    reference = node.next_node(nodes.reference)
    label = _latex_label(self, reference) if reference is not None else None
    if label and not self.config.latex_show_pagerefs:
        self.body.append(f" ({self.hyperpageref(label)})")
    self.depart_paragraph(node)


def _latex_label(self: Any, reference: nodes.Element) -> str | None:
    """The LaTeX label a reference links to, worked out as Sphinx's ``visit_reference``."""
    uri: str = reference.get("refuri", "")
    if not uri and reference.get("refid"):
        uri = "%" + self.curfilestack[-1] + "#" + reference["refid"]
    if uri.startswith("#"):
        return f"{self.curfilestack[-1]}:{uri[1:]}"
    if uri.startswith("%"):
        return uri[1:].replace("#", ":") if "#" in uri else uri[1:] + "::doc"
    return None


def visit_banner_latex(self: Any, node: nodes.Element) -> None:
    """The banner as an admonition box headed by its tag ("Draft:"), so it is not read
    as the page's first paragraph; its look follows the project's admonition settings."""
    tag = node.next_node(nodes.strong)
    kind = "warning" if node.get("status") == "draft" else "note"
    heading = self.encode(tag.astext()) + ":" if tag is not None else ""
    self.body.append(f"\n\\begin{{sphinxadmonition}}{{{kind}}}{{{heading}}}\n")
    for child in node.children:
        if isinstance(child, nodes.paragraph) and tag is not None and tag.parent is child:
            self.visit_paragraph(child)
            for word in child.children:
                if word is not tag and not (_follows(word, tag) and not word.astext().strip()):
                    word.walkabout(self)
            self.depart_paragraph(child)
        else:
            child.walkabout(self)
    self.body.append("\\end{sphinxadmonition}\n")
    raise nodes.SkipNode


def _follows(node: nodes.Node, previous: nodes.Node) -> bool:
    parent = node.parent
    index = parent.index(node)
    return index > 0 and parent[index - 1] is previous


def visit_step_latex(self: Any, node: nodes.Element) -> None:
    """A list item whose heading is bold on the page's own phase."""
    self.visit_list_item(node)
    children = list(node.children)
    if children and isinstance(children[0], nodes.paragraph):
        heading = children.pop(0)
        self.visit_paragraph(heading)
        if node.get("current"):
            self.body.append(r"\textbf{")
        for word in heading.children:
            word.walkabout(self)
        if node.get("current"):
            self.body.append("}")
        self.depart_paragraph(heading)
    for child in children:
        child.walkabout(self)
    self.depart_list_item(node)
    raise nodes.SkipNode

"""HTML rendering: the navigation landmark, the banner and pictogram images."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from sphinx_phases.core.pictograms import pictogram_registry
from sphinx_phases.locale import _
from sphinx_phases.render.nodes import phases_hidden

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_phases.render.nodes import (
        phases_banner,
        phases_gate,
        phases_nav,
        phases_nav_link,
        phases_pictogram,
        phases_region,
    )

PICTOGRAM_DIR = "_static/phases-pictograms"
# rel values of the links a reader follows through the sequence.
_REL = {"prev": "prev", "next": "next", "up": "up"}


def _open(tag: str, css: str, **attributes: str) -> str:
    """A start tag with exactly these classes: the doctree's own marker classes (such as
    ``no-search``) are for Sphinx, not for the page."""
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
    return f'<{tag} class="{css}"{rendered}>'


def visit_nav(self: HTML5Translator, node: phases_nav) -> None:
    # Named when the page was resolved, in its life cycle's words: a parallel write
    # worker writes pages of several life cycles (docs/reference/lifecycles.md).
    label = node.get("label") or _("Phase navigation")
    self.body.append(_open("nav", "phases-nav", **{"aria-label": label}, **_color_style(node)))
    self.body.append("\n")


def depart_nav(self: HTML5Translator, node: phases_nav) -> None:
    self.body.append("</nav>\n")


def visit_nav_link(self: HTML5Translator, node: phases_nav_link) -> None:
    """An ``<a>`` with ``rel`` around the entry's words, or a marker that links nowhere."""
    kind = node["kind"]
    reference = node.next_node(nodes.reference)
    if reference is None:
        self.body.append(f'<p class="phases-nav__marker phases-nav__marker--{kind}">')
        _walk_children(self, node)
        self.body.append("</p>\n")
        raise nodes.SkipNode
    href = reference.get("refuri") or "#" + reference["refid"]
    # One link per phase: the kinds of the entries left out for it add their rel.
    rel = " ".join(dict.fromkeys(_REL[k] for k in (kind, *node.get("also", ())) if k in _REL))
    attributes = {"href": href, **({"rel": rel} if rel else {})}
    self.body.append(_open("a", f"phases-nav__link phases-nav__link--{kind}", **attributes))
    _walk_children(self, reference)
    self.body.append("</a>\n")
    # What follows the link (the gate a reader passes) is its own words and link.
    for child in node.children[node.index(reference) + 1 :]:
        child.walkabout(self)
    raise nodes.SkipNode


def _walk_children(self: HTML5Translator, node: nodes.Element) -> None:
    for child in node.children:
        child.walkabout(self)


def visit_card(self: HTML5Translator, node: nodes.Element) -> None:
    """sphinx-design's card ``div``, with the phase's colour for its rule."""
    style = _color_style(node)
    self.body.append(self.starttag(node, "div", "\n", False, CLASS="docutils container", **style))


def depart_card(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_region(self: HTML5Translator, node: phases_region) -> None:
    # Focusable, so keyboard users can scroll it (WCAG 2.1.1); labelled, as a landmark.
    # On a narrow screen, where the table is wider than the page, a line above it says
    # that it scrolls (the stylesheet shows it there only; a screen reader reads the
    # table cell by cell, so it is hidden from it).
    hint = self.encode(_("Scroll sideways to see every column"))
    self.body.append(f'<p class="phases-region__hint" aria-hidden="true">{hint}</p>\n')
    attributes = {"role": "region", "aria-label": node["label"], "tabindex": "0"}
    self.body.append(_open("div", "phases-region", **attributes) + "\n")


def depart_region(self: HTML5Translator, node: phases_region) -> None:
    self.body.append("</div>\n")


def visit_gate(self: HTML5Translator, node: phases_gate) -> None:
    """A section named by its title, so assistive technology lists it as a region; the
    title a heading one level under the section the gate stands in, and the labels of
    its criteria one level under that, so a reader finds them in the heading outline."""
    first, *others = node["ids"] or [""]
    attributes = {"id": first, "aria-labelledby": f"{first}-title"} if first else {}
    self.body.append(_open("section", "phases-gate", **attributes) + "\n")
    self.body.extend(f'<span id="{escape(anchor)}"></span>' for anchor in others)
    level = heading_level(self)
    for child in node.children:
        classes = child["classes"] if isinstance(child, nodes.Element) else ()
        if isinstance(child, nodes.Element) and "phases-gate__title" in classes:
            _heading(self, child, level)
        elif isinstance(child, nodes.Element) and "phases-gate__criteria-label" in classes:
            _heading(self, child, min(level + 1, 6))
        else:
            child.walkabout(self)
    self.body.append("</section>\n")
    raise nodes.SkipNode


def depart_gate(self: HTML5Translator, node: phases_gate) -> None:
    self.body.append("</section>\n")


def visit_caption(self: HTML5Translator, node: nodes.Element) -> None:
    """An item list's caption as a heading in the outline (docs/reference/items.md)."""
    _heading(self, node, heading_level(self))
    raise nodes.SkipNode


def heading_level(self: HTML5Translator) -> int:
    """The level of a heading inside the current section (an ``h3`` in an ``h2``'s
    section), never the page's ``h1`` and never beyond ``h6``."""
    section = self.section_level + self.initial_header_level - 1
    return min(max(section + 1, 2), 6)


def _heading(self: HTML5Translator, node: nodes.Element, level: int) -> None:
    """*node* (a rubric or a paragraph) as an ``hN`` with its own ids and classes."""
    self.body.append(self.starttag(node, f"h{level}", ""))
    _walk_children(self, node)
    self.body.append(f"</h{level}>\n")


def visit_banner(self: HTML5Translator, node: phases_banner) -> None:
    """The banner, its tag ("In review") read as the page's status ("Status: In review"),
    not as a gate's outcome."""
    css = f"phases-banner phases-banner--{node['status']}"
    self.body.append(_open("div", css, role="note", **_color_style(node)) + "\n")
    tag = next(
        (n for n in node.findall(nodes.strong) if "phases-banner__tag" in n["classes"]), None
    )
    if tag is not None:
        tag.insert(0, phases_hidden("", _("Status:") + " "))


def depart_banner(self: HTML5Translator, node: phases_banner) -> None:
    self.body.append("</div>\n")


def visit_pictogram(self: HTML5Translator, node: phases_pictogram) -> None:
    """An ``<img>`` served from ``_static``; decorative ones have an empty ``alt``."""
    found = pictogram_registry(self.builder.env).get(node["name"])
    filename = found.filename if found else None
    if not filename:  # unknown name: reported once by the checks; the label says it all
        if not node.get("decorative"):
            self.body.append(
                f'<span class="phases-pictogram-missing">{self.encode(node["label"])}</span>'
            )
        raise nodes.SkipNode
    src = _pictogram_prefix(self) + filename
    alt = "" if node.get("decorative") else node["label"]
    self.body.append(
        f'<img class="phases-pictogram" src="{self.attval(src)}" alt="{self.attval(alt)}" '
        'width="32" height="32" loading="lazy" />'
    )
    raise nodes.SkipNode


def _pictogram_prefix(self: HTML5Translator) -> str:
    """The page's relative path to the pictogram folder, worked out once per page."""
    prefix: str | None = getattr(self, "_phases_pictogram_prefix", None)
    if prefix is None:
        current = self.builder.get_target_uri(self.builder.current_docname)
        prefix = relative_uri(current, PICTOGRAM_DIR + "/")
        self._phases_pictogram_prefix = prefix  # type: ignore[attr-defined]
    return prefix


def visit_hidden(self: HTML5Translator, node: nodes.Element) -> None:
    """Words for assistive technology only: visually hidden."""
    self.body.append('<span class="phases-hidden">')


def depart_span(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_unspoken(self: HTML5Translator, node: nodes.Element) -> None:
    """Words for the eye only: hidden from assistive technology."""
    self.body.append(_open("span", " ".join(node["classes"]), **{"aria-hidden": "true"}))


def visit_row_header(self: HTML5Translator, node: nodes.Element) -> None:
    """docutils' table cell, as the header of its row (``<th scope="row">``)."""
    node.parent.column += 1  # type: ignore[union-attr]  # docutils' row counts its cells
    self.body.append(self.starttag(node, "th", "", scope="row"))
    self.context.append("</th>\n")


def depart_row_header(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.context.pop())


def visit_tag(self: HTML5Translator, node: nodes.inline) -> None:
    self.visit_inline(node)


def depart_tag(self: HTML5Translator, node: nodes.inline) -> None:
    self.depart_inline(node)


def depart_nothing(self: HTML5Translator, node: nodes.Element) -> None:
    pass


def _color_style(node: nodes.Element) -> dict[str, str]:
    # Colours are checked to be plain CSS colours when declared (colors.is_css_color).
    color = node.get("color")
    return {"style": f"--phases-color: {color}"} if color else {}


def visit_step(self: HTML5Translator, node: nodes.Element) -> None:
    """A list item, marked ``aria-current="step"`` on the page's own phase."""
    attributes = {"aria-current": "step"} if node.get("current") else {}
    attributes.update(_color_style(node))
    css = "phases-sequence__step" + (
        " phases-sequence__step--current" if node.get("current") else ""
    )
    self.body.append(_open("li", css, **attributes))


def depart_step(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</li>\n")


def visit_strip_phase(self: HTML5Translator, node: nodes.Element) -> None:
    """A phase in the strip, marked ``aria-current="step"`` on the page's own phase."""
    attributes = {"aria-current": "step"} if node.get("current") else {}
    attributes.update(_color_style(node))
    css = "phases-strip__phase" + (" phases-strip__phase--current" if node.get("current") else "")
    if node.get("sub"):
        css += " phases-strip__phase--sub"
    self.body.append(_open("span", css, **attributes))


def depart_strip_phase(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")

"""HTML rendering: the navigation landmark, the banner and pictogram images."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from sphinx_phases.core.pictograms import pictogram_registry
from sphinx_phases.locale import _

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
    attributes = {"href": href, **({"rel": _REL[kind]} if kind in _REL else {})}
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
    attributes = {"role": "region", "aria-label": node["label"], "tabindex": "0"}
    self.body.append(_open("div", "phases-region", **attributes) + "\n")


def depart_region(self: HTML5Translator, node: phases_region) -> None:
    self.body.append("</div>\n")


def visit_gate(self: HTML5Translator, node: phases_gate) -> None:
    # A section named by its title, so assistive technology lists it as a region.
    first, *others = node["ids"] or [""]
    attributes = {"id": first, "aria-labelledby": f"{first}-title"} if first else {}
    self.body.append(_open("section", "phases-gate", **attributes) + "\n")
    self.body.extend(f'<span id="{escape(anchor)}"></span>' for anchor in others)


def depart_gate(self: HTML5Translator, node: phases_gate) -> None:
    self.body.append("</section>\n")


def visit_banner(self: HTML5Translator, node: phases_banner) -> None:
    css = f"phases-banner phases-banner--{node['status']}"
    self.body.append(_open("div", css, role="note", **_color_style(node)) + "\n")


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

"""A tiny tree of an HTML fragment, enough to recognise the legacy lists and figures."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final

_ATTRIBUTE: Final = re.compile(r"^[A-Za-z_:][\w:.-]*$")
VOID: Final = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def text(self) -> str:
        """The visible text, whitespace collapsed."""
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else f" {child.text()} ")
        return " ".join("".join(parts).split())

    def loose_text(self) -> str:
        """Text directly inside this element (not inside its child elements)."""
        return " ".join("".join(c for c in self.children if isinstance(c, str)).split())

    def start_tag(self, names: list[str] | None = None) -> str:
        """``<tag a="v">`` with the attributes *names* (default: all), for the report."""
        shown = self.attrs if names is None else {n: self.attrs[n] for n in names}
        return f"<{self.tag}" + "".join(f' {k}="{v}"' for k, v in shown.items()) + ">"

    def descendants(self) -> list[Element]:
        found: list[Element] = []
        for child in self.elements():
            found.append(child)
            found.extend(child.descendants())
        return found


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.stack = [self.root]
        self.well_formed = True
        self.comments = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        swallowed = any(c in (v or "") for _, v in attrs for c in "\n<>")
        odd_names = not all(_ATTRIBUTE.match(k) for k, _ in attrs)
        if swallowed or odd_names or len(element.attrs) != len(attrs):
            # An unclosed quote swallowed markup or text: converting would hide it.
            self.well_formed = False
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if len(self.stack) > 1 and self.stack[-1].tag == tag:
            self.stack.pop()
        else:
            self.well_formed = False

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments = True

    def handle_decl(self, decl: str) -> None:
        self.well_formed = False

    def unknown_decl(self, data: str) -> None:
        self.well_formed = False


def parse_fragment(html: str) -> Element | None:
    """Parse ``html``; None unless it is one well-formed element with nothing around it."""
    builder = _Builder()
    try:
        builder.feed(html)
        builder.close()
    except Exception:  # html.parser may raise on hostile input: the caller keeps it raw
        return None
    if len(builder.stack) != 1 or not builder.well_formed or builder.comments:
        return None
    root = builder.root
    if root.loose_text() or len(root.elements()) != 1:
        return None
    return root.elements()[0]

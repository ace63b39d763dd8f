"""Raw HTML blocks: find where they end, convert the legacy ones, keep the rest raw."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final

from markdown_it.common.html_blocks import block_names

from sphinx_phases.cli.htmltree import VOID, Element, parse_fragment
from sphinx_phases.cli.navlinks import NavLink, nav_from_html
from sphinx_phases.cli.pictogram_lists import PictogramItem, pictogram_items
from sphinx_phases.cli.report import Issue
from sphinx_phases.cli.sanitise import sanitise_fragment

#: Tags that open an HTML block beyond markdown-it-py's list, each with the reason.
LEGACY_BLOCK_TAGS: Final = {
    # CommonMark's type-1 blocks, which markdown-it-py matches apart from its tag list.
    "pre": "CommonMark block (type 1)",
    "script": "CommonMark block (type 1)",
    "style": "CommonMark block (type 1)",
    "textarea": "CommonMark block (type 1)",
    # The legacy pages put media on lines of their own, meaning a block (a diagram <img>).
    "img": "standalone legacy image",
    "audio": "standalone legacy media",
    "video": "standalone legacy media",
    "noscript": "legacy media fallback",
}
#: Tags that open an HTML block: CommonMark's type 6, as MyST's parser (markdown-it-py)
#: knows them, plus the named legacy extras above.
BLOCK_TAGS: Final = frozenset(block_names) | frozenset(LEGACY_BLOCK_TAGS)
_OPEN: Final = re.compile(r"^ {0,3}<(?:(?P<comment>!--)|(?P<tag>[A-Za-z][\w-]*)(?=[\s/>]|$))")
_LIQUID: Final = re.compile(r"^\s*(?:\{%.*%\}|\{\{.*\}\})\s*$")
# <script> and <style> never reach the migrated pages: executable or page-wide, and never
# prose. An unclosed one runs to the end of the page, as in a browser.
_ACTIVE: Final = frozenset({"script", "style"})
_ACTIVE_ROUNDS: Final = 50
_PARSE_LIMIT: Final = 200_000
# Elements a reader sees even when they hold no text.
_VISIBLE: Final = frozenset(
    {
        "audio", "canvas", "embed", "hr", "iframe", "img", "input", "object", "picture",
        "select", "svg", "textarea", "video",
    }
)  # fmt: skip


@dataclass
class HtmlResult:
    """What an HTML block became; exactly one of the payload fields is set."""

    comment: list[str] | None = None
    pictograms: list[PictogramItem] | None = None
    nav: list[NavLink] | None = None
    markdown: str | None = None  # a converted figure link
    raw: str | None = None
    empty: bool = False  # a wrapper left empty once its Liquid tags were dropped
    invisible: bool = False  # raw HTML that shows a reader nothing (no text, no media)
    issues: list[Issue] = field(default_factory=list)


def opens_block(line: str) -> bool:
    match = _OPEN.match(line)
    if match is None:
        return False
    return bool(match["comment"]) or match["tag"].lower() in BLOCK_TAGS


def block_end(lines: list[str], start: int) -> int:
    """Index just past the HTML block that starts at ``lines[start]``."""
    match = _OPEN.match(lines[start])
    assert match is not None
    if match["comment"]:
        for index in range(start, len(lines)):
            if "-->" in lines[index]:
                return index + 1
        return _first_blank(lines, start)
    tag = match["tag"].lower()
    if tag in VOID:
        return _first_blank(lines, start)
    opener = re.compile(rf"<{re.escape(tag)}(?=[\s/>]|$)", re.I)
    closer = re.compile(rf"</{re.escape(tag)}\s*>", re.I)
    depth = 0
    for index in range(start, len(lines)):
        depth += len(opener.findall(lines[index])) - len(closer.findall(lines[index]))
        if depth <= 0:
            return index + 1
    return _first_blank(lines, start)


def _first_blank(lines: list[str], start: int) -> int:
    for index in range(start + 1, len(lines)):
        if not lines[index].strip():
            return index
    return len(lines)


class _ActiveFinder(HTMLParser):
    """Where the <script> and <style> elements of a text are, by a real HTML parse."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        self.spans: list[tuple[int, int]] = []
        self.open: tuple[str, int] | None = None

    def _position(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE and self.open is None:
            self.open = (tag, self._position())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # a browser ignores the '/' of <script/>

    def handle_endtag(self, tag: str) -> None:
        if self.open is not None and tag == self.open[0]:
            end = self.text.find(">", self._position())
            self.spans.append((self.open[1], len(self.text) if end < 0 else end + 1))
            self.open = None

    def find(self) -> list[tuple[int, int]]:
        try:
            self.feed(self.text)
            self.close()
        except Exception:  # html.parser may raise on hostile input: what was found stands
            pass
        if self.open is not None:  # unclosed: it runs to the end, as in a browser
            self.spans.append((self.open[1], len(self.text)))
        return self.spans


def strip_active(text: str, first_line: int = 1) -> tuple[str, list[Issue]]:
    """Remove <script>/<style> elements, keeping line numbers; report each with its text.

    The elements are found by parsing, again after each removal, until none is left: a
    removal may join the text around it into a new element
    (``<scr<script>x</script>ipt>``). Whatever markup is left is allow-listed later
    (:mod:`sphinx_phases.cli.sanitise`).
    """
    issues: list[Issue] = []
    for _round in range(_ACTIVE_ROUNDS):
        spans = _ActiveFinder(text).find()
        if not spans:
            break
        for start, end in reversed(spans):
            removed = text[start:end]
            line = text.count("\n", 0, start) + first_line
            message = "<script>/<style> element removed (never migrated)"
            issues.append(Issue(line, "dropped", message, removed))
            text = text[:start] + "\n" * removed.count("\n") + text[end:]
    issues.sort(key=lambda issue: issue.line)
    return text, issues


def convert_block(lines: list[str], first_line: int) -> HtmlResult:
    """Convert one HTML block whose first line is line ``first_line`` of the source."""
    issues: list[Issue] = []
    kept: list[str] = []
    for offset, line in enumerate(lines):
        if _LIQUID.match(line):
            message = "Liquid template tag dropped (the migrated site has no Jekyll)"
            issues.append(Issue(first_line + offset, "dropped", message, line.strip()))
        else:
            kept.append(line)
    html = "\n".join(kept).strip("\n")
    stripped = html.strip()
    if stripped.startswith("<!--") and stripped.endswith("-->"):
        inner = stripped[4:-3].strip()
        message = "HTML comment kept as a MyST comment (not rendered)"
        issues.append(Issue(first_line, "hidden", message, stripped))
        return HtmlResult(comment=inner.splitlines() or [""], issues=issues)
    element = parse_fragment(html) if len(html) <= _PARSE_LIMIT else None
    if element is not None and issues and _is_empty(element):
        # The legacy index wrapped `{% include _phases.html %}` in layout <div>s: without
        # the include they render nothing, and a raw block would only carry dead markup.
        message = "HTML block dropped: empty once its Liquid tag was dropped"
        issues.append(Issue(first_line, "dropped", message, html))
        return HtmlResult(empty=True, issues=issues)
    if element is not None:
        result = _known_block(element, html, first_line, issues)
        if result is not None:
            return result
    issues.append(
        Issue(first_line, "raw", "HTML kept in a raw html block (HTML output only)", html)
    )
    invisible = element is not None and _is_empty(element)
    safe, dropped = sanitise_fragment(html)
    if dropped:
        message = f"raw HTML: dropped what the migrated pages never carry: {'; '.join(dropped)}"
        issues.append(Issue(first_line, "dropped", message, html))
    return HtmlResult(raw=safe, invisible=invisible, issues=issues)


def _is_empty(element: Element) -> bool:
    return not element.text() and not any(
        e.tag in _VISIBLE for e in [element, *element.descendants()]
    )


def _known_block(element: Element, html: str, line: int, issues: list[Issue]) -> HtmlResult | None:
    found = pictogram_items(element)
    if found is not None:
        if found.dropped:
            message = (
                f"pictogram list: {len(found.dropped)} element(s) lose attributes that have "
                "no MyST equivalent"
            )
            issues.append(Issue(line, "dropped", message, "\n".join(found.dropped)))
        return HtmlResult(pictograms=found.items, issues=issues)
    nav = nav_from_html(element)
    if nav is not None:
        message = "navigation list markup dropped: its links become previous/next data"
        issues.append(Issue(line, "dropped", message, html))
        return HtmlResult(nav=nav, issues=issues)
    anchors = element.elements()
    if element.tag == "figure" and not element.loose_text() and len(anchors) == 1:
        link = anchors[0]
        if link.tag == "a" and not link.elements() and link.attrs.get("href") and link.text():
            wrapper = element.start_tag()
            issues.append(Issue(line, "dropped", "figure wrapper dropped, its link kept", wrapper))
            label = re.sub(r"([\[\]\\])", r"\\\1", link.text())
            return HtmlResult(markdown=f"[{label}]({link.attrs['href']})", issues=issues)
    return None

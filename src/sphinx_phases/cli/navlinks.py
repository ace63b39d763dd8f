"""Hand-written previous/next links, in every form the legacy pages used, -> neighbour ids."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from sphinx_phases.cli.htmltree import Element
from sphinx_phases.cli.ids import WIKI_PHASE_RE, camel_to_id, text_to_id
from sphinx_phases.cli.links import phase_page_name

_LABEL: Final = re.compile(
    r"^(?P<dir>previous|previously|next|final)(?P<phase>\s+phase)?\s*:\s*(?P<rest>.*)$", re.I
)
_LINK: Final = re.compile(r"^\[(?P<label>[^\[\]]*)\]\((?P<url>[^()\s]*)\)$")
_MARKERS: Final = re.compile(r"^(?:#{1,6}\s*|(?:[*+-]|\d+\.)\s+)")
_EMPHASIS: Final = re.compile(r"^(\*\*|__|\*|_)(?P<inner>.+)\1$")
# A plain-text target ("Next phase: beta") must look like a name, not like a sentence.
_NAME: Final = re.compile(r"^[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,3}$")


@dataclass(frozen=True)
class NavLink:
    """One hand-written neighbour link."""

    direction: str  # "previous" or "next"
    target: str  # a phase id, or "" where the page template left the name blank
    label: str = ""  # the link's visible text, for the report


def _direction(word: str) -> str:
    return "previous" if word.lower().startswith("prev") else "next"


def _target(rest: str, url: str | None) -> str | None:
    if url is not None:
        name = phase_page_name(url)
        if name:
            return text_to_id(name)
    rest = rest.strip()
    link = _LINK.match(rest)
    if link:
        return _target(link["label"], link["url"])
    if not rest:
        return ""
    if WIKI_PHASE_RE.fullmatch(rest):
        return camel_to_id(rest)
    return text_to_id(rest) if _NAME.match(rest) else None


def _label(text: str, url: str | None, *, plain_ok: bool) -> NavLink | None:
    match = _LABEL.match(text.strip())
    if not match:
        return None
    word, rest = match["dir"], match["rest"]
    if word.lower() == "final" and not match["phase"]:
        return None
    if url is None and not plain_ok and not match["phase"] and not _LINK.match(rest.strip()):
        return None
    target = _target(rest, url)
    return None if target is None else NavLink(_direction(word), target, text.strip())


def nav_from_line(line: str) -> NavLink | None:
    """A whole line that is a previous/next link, whatever its markup; else None."""
    text = _MARKERS.sub("", line.strip(), count=1).strip()
    while (emphasis := _EMPHASIS.match(text)) is not None:
        text = emphasis["inner"].strip()
    link = _LINK.match(text)
    if link:
        return _label(link["label"], link["url"], plain_ok=True)
    return _label(text, None, plain_ok=False)


def nav_from_html(element: Element) -> list[NavLink] | None:
    """``<ul class="phase-nav">`` (or a bare ``<ul>``) of previous/next links; else None."""
    if element.tag not in {"ul", "ol"} or element.loose_text():
        return None
    found: list[NavLink] = []
    for item in element.elements():
        anchors = [e for e in item.descendants() if e.tag == "a"]
        if item.tag != "li" or len(anchors) != 1 or item.text() != anchors[0].text():
            return None
        href = anchors[0].attrs.get("href", "")
        nav = _label(anchors[0].text(), href or None, plain_ok=True)
        if nav is None:
            return None
        found.append(nav)
    return found or None

"""``<ul class="phase-activities">`` pictogram lists -> ``phase-outputs`` directives.

The directives are described in docs/reference/items.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final
from urllib.parse import urlsplit

from sphinx_phases.cli import legacy
from sphinx_phases.cli.htmltree import Element
from sphinx_phases.core.pictograms import builtin

LIST_CLASSES: Final = frozenset({"phase-activities", "phase-outputs"})
# The names the core's registry ships (docs/reference/gallery.md): the legacy set plus one
# per standard phase. Any other name still converts, but the report flags it before -W does.
KNOWN_PICTOGRAMS: Final = frozenset(builtin())
_NAME: Final = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_INLINE_OK: Final = frozenset({"img", "span", "strong", "em", "b", "i", "br"})


@dataclass(frozen=True)
class PictogramItem:
    label: str
    pictogram: str | None


def is_pictogram_list(element: Element) -> bool:
    return element.tag == "ul" and bool(LIST_CLASSES & set(element.classes))


@dataclass
class PictogramList:
    """A legacy pictogram list's items, and the markup they do not carry over."""

    items: list[PictogramItem]
    #: ``<tag attr="value">`` for each element's attributes that are lost, in order.
    dropped: list[str]


def pictogram_items(element: Element) -> PictogramList | None:
    """The items of a pictogram list, or None if it holds anything else (kept raw then).

    An item's pictogram is its image's file name, else a ``pictogram-NAME`` class (the
    prefix is ``legacy.yml``'s). Every other attribute is listed in ``dropped``, so the
    report can say what the list lost.
    """
    if not is_pictogram_list(element) or element.loose_text():
        return None
    items: list[PictogramItem] = []
    dropped: list[str] = []
    _drop(element, dropped, keep=set(), classes=LIST_CLASSES)
    for item in element.elements():
        inner = item.descendants()
        images = [e for e in inner if e.tag == "img"]
        if item.tag != "li" or len(images) > 1 or any(e.tag not in _INLINE_OK for e in inner):
            return None
        label = item.text()
        name = _image_name(images[0]) if images else None
        if not label or (images and name is None):
            return None
        by_class = _class_name(item) if name is None else None
        _drop(item, dropped, keep=set(), classes={f"{_prefix()}{by_class}"} if by_class else set())
        for child in inner:
            alt = child.attrs.get("alt")
            keep = {"src"} if child is (images[0] if images else None) else set()
            if alt is not None and " ".join(alt.split()) in {"", label}:
                keep.add("alt")  # an empty or repeated alt text loses nothing
            _drop(child, dropped, keep=keep, classes=set())
        items.append(PictogramItem(label, name or by_class))
    return PictogramList(items, dropped) if items else None


def _prefix() -> str:
    return legacy.RULES.pictogram_class_prefix


def _class_name(item: Element) -> str | None:
    for token in item.classes:
        if token.startswith(_prefix()) and _NAME.match(token[len(_prefix()) :]):
            return token[len(_prefix()) :]
    return None


def _drop(element: Element, dropped: list[str], *, keep: set[str], classes: Iterable[str]) -> None:
    """Note the attributes of *element* that are lost: all but *keep* and *classes*."""
    carried = set(classes)
    lost = {name: value for name, value in element.attrs.items() if name not in keep}
    if "class" in element.attrs:
        rest = [token for token in element.classes if token not in carried]
        if rest:
            lost["class"] = " ".join(rest)
        else:
            lost.pop("class", None)
    if lost:
        dropped.append(Element(element.tag, lost).start_tag())


def _image_name(image: Element) -> str | None:
    try:
        path = urlsplit(image.attrs.get("src", "")).path
    except ValueError:  # an invalid URL names no pictogram; the list is then kept raw
        return None
    stem = PurePosixPath(path).stem.lower()
    return stem if _NAME.match(stem) else None


def directive_name(caption: str | None) -> str:
    """``phase-activities`` for a list captioned only as activities, else ``phase-outputs``."""
    text = (caption or "").lower()
    return "phase-activities" if "activit" in text and "output" not in text else "phase-outputs"


def render(items: list[PictogramItem], caption: str | None) -> list[str]:
    lines = [f"```{{{directive_name(caption)}}}"]
    if caption:
        lines.append(f":caption: {caption}")
    lines.append("")
    for item in items:
        role = f"{{pictogram}}`{item.pictogram}` " if item.pictogram else ""
        lines.append(f"- {role}{_escape(item.label)}")
    lines.append("```")
    return lines


def _escape(label: str) -> str:
    # A label is plain text: keep Markdown from reading it as markup or a nested block.
    label = re.sub(r"([\\`*_\[\]<>|])", r"\\\1", label)
    return re.sub(r"^([#+-]|\d+[.)])(?=\s|$)", r"\\\1", label)

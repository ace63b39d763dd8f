"""``<ul class="phase-activities">`` pictogram lists -> ``phase-outputs`` directives.

The directives are described in docs/reference/items.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Final
from urllib.parse import urlsplit

from sphinx_phases.cli.htmltree import Element
from sphinx_phases.pictograms import builtin

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


def pictogram_items(element: Element) -> list[PictogramItem] | None:
    """The items of a pictogram list, or None if it holds anything else (kept raw then)."""
    if not is_pictogram_list(element) or element.loose_text():
        return None
    items: list[PictogramItem] = []
    for item in element.elements():
        inner = item.descendants()
        images = [e for e in inner if e.tag == "img"]
        if item.tag != "li" or len(images) > 1 or any(e.tag not in _INLINE_OK for e in inner):
            return None
        label = item.text()
        name = _image_name(images[0]) if images else None
        if not label or (images and name is None):
            return None
        items.append(PictogramItem(label, name))
    return items or None


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

"""Phase ids: checking them, and deriving them from legacy names (files, classes, wiki words)."""

from __future__ import annotations

import re
from typing import Final

ID_RE: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# A wiki word is two or more capitalised parts run together; the legacy wiki named phase
# pages with a trailing "Phase" (PublicBetaPhase), which is what marks a phase link.
WIKI_PHASE_RE: Final = re.compile(r"(?<![\w/`])((?:[A-Z][a-z0-9]+|[A-Z]+(?=[A-Z][a-z]))+Phase)\b")
_CAMEL_PART: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\b|\d)|[A-Z]?[a-z0-9]+")

# The wiki's own names for two pages whose file names say something else. The corpus shows
# it: operational.md holds the "Describe your new page IterationImprovementAndOperationPhase
# here" stub, the old wiki index links "Iteration, improvement and operations" to
# operational.html, and decommissioning.md holds the (misspelt) DecommisioningPhase stub.
WIKI_ALIASES: Final = {
    "iteration-improvement-and-operation": "operational",
    "decommisioning": "decommissioning",
}

#: Standard phases in their usual order; used only to break ties when ordering the toctree.
STANDARD_ORDER: Final = ("discovery", "alpha", "beta", "live", "retirement")


def is_phase_id(value: str) -> bool:
    return bool(ID_RE.match(value))


def slug(text: str) -> str:
    """Lower-case ``text`` and keep runs of letters and digits joined by ``-``."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def camel_to_id(word: str) -> str:
    """``PublicBetaPhase`` -> ``public-beta``; known wiki aliases map to their real page."""
    parts = [p.lower() for p in _CAMEL_PART.findall(word)]
    if len(parts) > 1 and parts[-1] == "phase":
        parts.pop()
    ident = "-".join(parts)
    return WIKI_ALIASES.get(ident, ident)


def text_to_id(text: str) -> str:
    """A neighbour named in prose ("Public Beta", "Alpha Phase", "beta") -> an id."""
    text = text.strip()
    if WIKI_PHASE_RE.fullmatch(text):
        return camel_to_id(text)
    ident = slug(text)
    if ident.endswith("-phase"):
        ident = ident[: -len("-phase")]
    return WIKI_ALIASES.get(ident, ident)


def class_to_id(value: str) -> str | None:
    """The legacy ``class: live-phase`` -> ``live``; classes that name no phase -> None."""
    for token in value.split():
        if token.endswith("-phase") and len(token) > len("-phase"):
            return slug(token[: -len("-phase")]) or None
    return None


def filename_to_id(stem: str) -> str:
    """``2013-03-13_8e2e2fe1__service-manual__phases__live`` -> ``live``."""
    ident = slug(stem.split("__")[-1]) or "page"
    return WIKI_ALIASES.get(ident, ident)


def humanize(ident: str) -> str:
    """``public-beta`` -> ``Public beta``, the manual's sentence-case style."""
    words = ident.replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else ident

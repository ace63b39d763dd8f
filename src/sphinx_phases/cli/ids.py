"""Phase ids: checking them, and deriving them from legacy names (files, classes, wiki words).

The id rule and the slug are the core's (:mod:`sphinx_phases.core.messages`); the wiki's aliases
are the legacy manual's, read from ``legacy.yml`` (see :mod:`sphinx_phases.cli.legacy`).
"""

from __future__ import annotations

import re
from typing import Final

from sphinx_phases.cli import legacy
from sphinx_phases.core.colors import STANDARD_PHASES
from sphinx_phases.core.messages import ID_PATTERN
from sphinx_phases.core.messages import slug as core_slug

# A wiki word is two or more capitalised parts run together; the legacy wiki named phase
# pages with a trailing "Phase" (PublicBetaPhase), which is what marks a phase link.
WIKI_PHASE_RE: Final = re.compile(r"(?<![\w/`])((?:[A-Z][a-z0-9]+|[A-Z]+(?=[A-Z][a-z]))+Phase)\b")
_CAMEL_PART: Final = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\b|\d)|[A-Z]?[a-z0-9]+")

#: Standard phases in their usual order; used only to break ties when ordering the toctree.
#: The core's one ordered table of them is the legacy palette (colors.py).
STANDARD_ORDER: Final = STANDARD_PHASES

#: The core's slug: ``"Public Beta"`` -> ``"public-beta"``.
slug = core_slug


def is_phase_id(value: str) -> bool:
    return bool(ID_PATTERN.fullmatch(value))


def alias(ident: str) -> str:
    """The page a wiki name really means (``legacy.yml``'s ``wiki_aliases``), else itself."""
    return legacy.RULES.wiki_aliases.get(ident, ident)


def camel_to_id(word: str) -> str:
    """``PublicBetaPhase`` -> ``public-beta``; known wiki aliases map to their real page."""
    parts = [p.lower() for p in _CAMEL_PART.findall(word)]
    if len(parts) > 1 and parts[-1] == "phase":
        parts.pop()
    return alias("-".join(parts))


def text_to_id(text: str) -> str:
    """A neighbour named in prose ("Public Beta", "Alpha Phase", "beta") -> an id."""
    text = text.strip()
    if WIKI_PHASE_RE.fullmatch(text):
        return camel_to_id(text)
    ident = slug(text)
    if ident.endswith("-phase"):
        ident = ident[: -len("-phase")]
    return alias(ident)


def class_to_id(value: str) -> str | None:
    """The legacy ``class: live-phase`` -> ``live``; classes that name no phase -> None."""
    for token in value.split():
        if token.endswith("-phase") and len(token) > len("-phase"):
            return slug(token[: -len("-phase")]) or None
    return None


def filename_to_id(stem: str) -> str:
    """``2013-03-13_8e2e2fe1__service-manual__phases__live`` -> ``live``."""
    return alias(slug(stem.split("__")[-1]) or "page")


def humanize(ident: str) -> str:
    """``public-beta`` -> ``Public beta``, the manual's sentence-case style."""
    words = ident.replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else ident

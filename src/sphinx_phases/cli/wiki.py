"""Line rules for the wiki and kramdown markup of the legacy pages."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

_HEADING: Final = re.compile(
    r"^ {0,3}(?P<hashes>#{1,6})(?=[^#]|$)[ \t]*(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$"
)
# "What is the objective of an ?": the page template's question with the phase left out.
_BLANK_TEMPLATE: Final = re.compile(r"\b(?:an?|the|my|your|of|in)\s*\?\s*$", re.I)
_QUESTIONS: Final = re.compile(
    r"^(?:what is the objective|what should be in|how long does it take|who do i need|"
    r"what do i need|what are the outputs|what is (?:the )?.+ for\?|what next)",
    re.I,
)
_EDITOR_NOTE: Final = re.compile(r"^//(?!/)\S")
_STUB: Final = re.compile(r"^\s*Describe your new page\s+(?P<name>\S+)\s+here\b", re.I)
_STAR: Final = re.compile(r"^(?P<stars>\*{1,6})[ \t]+(?P<text>\S.*)$")
_DASH: Final = re.compile(r"^(?P<lead>[ \t]*)[-+](?P<sep>[ \t]*)(?P<text>[^\s-].*)$")
_IAL: Final = re.compile(r"^ {0,3}\{:\s*(?P<body>[^{}]*)\}\s*$")
_ABBREVIATION: Final = re.compile(r"^\*\[[^\]\n]+\]:")
_LIQUID: Final = re.compile(r"^\s*(?:\{%.*%\}|\{\{.*\}\})\s*$")
_RULE: Final = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE: Final = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


def heading(line: str) -> Heading | None:
    """ATX headings, including the wiki's ``#Heading`` without a space."""
    match = _HEADING.match(line)
    if match is None:
        return None
    return Heading(len(match["hashes"]), match["text"].strip())


def is_blank_template(text: str) -> bool:
    return bool(_BLANK_TEMPLATE.search(text))


def is_question(text: str) -> bool:
    return bool(_QUESTIONS.match(text.strip()))


def editor_note(line: str) -> str | None:
    """Why ``line`` is an editor's note to drop (``//two para``, wiki page stubs), or None."""
    if _EDITOR_NOTE.match(line.strip()):
        return "editor's note dropped"
    stub = _STUB.match(line)
    if stub:
        return f"wiki page stub for {stub['name'].rstrip('.')} dropped"
    return None


def bullet(line: str) -> tuple[int, str] | None:
    """A wiki or Markdown bullet -> (nesting level from 0, text); None for other lines.

    Wiki bullets nest by repeating the star (``**``) or by tabs; Markdown ones by indent.
    A leading ``#`` in the text (wiki ``- # Name``) is a numbering mark, not a heading.
    """
    if _RULE.match(line):
        return None
    star = _STAR.match(line)
    if star:
        level, text = len(star["stars"]) - 1, star["text"]
    else:
        dash = _DASH.match(line)
        if dash is None or (not dash["sep"] and not dash["text"][0].isalpha()):
            return None
        lead, sep = dash["lead"], dash["sep"]
        spaces = len(lead.replace("\t", ""))
        level = lead.count("\t") + math.ceil(spaces / 2) + max(0, sep.count("\t") - 1)
        text = dash["text"]
    text = re.sub(r"^#+\s+", "", text.rstrip())
    return level, text


def attribute_line(line: str) -> str | None:
    """A kramdown attribute list line ``{:.intro}`` -> its body ``.intro``; else None."""
    match = _IAL.match(line)
    return match["body"].strip() if match else None


def myst_attributes(body: str) -> str | None:
    """kramdown ``.a .b #c key="v"`` -> MyST ``{.a .b #c key="v"}``; None if not expressible."""
    tokens = body.split()
    if not tokens or not all(re.match(r'^(?:[.#][\w-]+|[\w-]+="[^"]*")$', t) for t in tokens):
        return None
    return "{" + " ".join(tokens) + "}"


def is_abbreviation(line: str) -> bool:
    return bool(_ABBREVIATION.match(line))


def is_liquid(line: str) -> bool:
    return bool(_LIQUID.match(line))


def fence(line: str) -> str | None:
    match = _FENCE.match(line)
    return match["fence"] if match else None

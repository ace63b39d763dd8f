"""A converted page as a list of items: empty headings pruned, data sections lifted, rendered.

The converter (:mod:`sphinx_phases.cli.convert`) turns source lines into :class:`Out`
items; the passes here work on the page's outline, where a section is a heading and the
items up to the next heading of its level or above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from sphinx_phases.cli import legacy
from sphinx_phases.cli.report import Issue

#: Item kinds. "invisible" is a block a reader does not see (a comment, an empty raw
#: element): it is kept, but a heading over nothing else is still empty. "boundary" is a
#: removed navigation heading: it ends sections and renders nothing.
KINDS: Final = ("heading", "text", "blank", "block", "invisible", "boundary")
# Text a front-matter summary would show as it is: markup, lists, attribute lines.
_MARKUP: Final = re.compile(r"[\[\]`*_<>{}|\\]|^\s*(?:[-+]|\d+[.)])\s")


@dataclass
class Out:
    kind: str
    text: str = ""
    level: int = 0
    line: int = 0


@dataclass
class Lifted:
    """What :func:`lift_sections` took out of the body."""

    items: list[Out]
    summary: str | None = None


def longest_backticks(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return longest


def prune_empty_headings(out: list[Out], issues: list[Issue]) -> list[Out]:
    """Drop headings with nothing visible under them: unfilled template questions, stale
    navigation titles, a heading over a comment only."""
    kept: list[Out] = []
    following: int | None = None  # level of the next kept heading; 0 = content; None = end
    for item in reversed(out):
        if item.kind in {"heading", "boundary"}:
            if item.kind == "heading" and (following is None or 0 < following <= item.level):
                issues.append(Issue(item.line, "dropped", "empty heading dropped", item.text))
                continue
            following = item.level
            if item.kind == "boundary":
                continue
        elif item.kind not in {"blank", "invisible"}:
            following = 0
        kept.append(item)
    kept.reverse()
    return kept


def lift_sections(out: list[Out], issues: list[Issue], *, summary_given: bool) -> Lifted:
    """Make the sections ``legacy.yml`` names phase data: the summary, or a question.

    Only top-level sections qualify. A question must also come before every ordinary
    heading (a ``phase-question`` after one would sit inside that heading's section) and
    hold no heading itself; a summary must be one plain paragraph. Sections that cannot
    be lifted stay as they are, with a line in the report saying why.
    """
    levels = [item.level for item in out if item.kind == "heading"]
    if not levels:
        return Lifted(out)
    top = min(levels)
    result: list[Out] = []
    summary: str | None = None
    questions: set[str] = set()
    ordinary: str | None = None  # the first heading kept as a heading
    index = 0
    while index < len(out):
        item = out[index]
        key = legacy.RULES.section_key(item.text) if item.kind == "heading" else None
        if key is None or item.level != top:
            if item.kind == "heading" and ordinary is None:
                ordinary = item.text
            result.append(item)
            index += 1
            continue
        end = _section_end(out, index)  # only for these few headings: linear overall
        body = out[index + 1 : end]
        if key == legacy.SUMMARY:
            why = _summary_refused(body, summary_given or summary is not None)
            if why is None:
                summary = " ".join(i.text.strip() for i in body if i.kind == "text")
                message = f"'{item.text}' section moved to the phase summary"
                issues.append(Issue(item.line, "moved", message, summary))
                index = end
                continue
        else:
            why = _question_refused(body, key, questions, ordinary)
            if why is None:
                questions.add(key)
                result.append(_question(key, body, item.line))
                message = f"'{item.text}' section became the '{key}' phase-question"
                issues.append(Issue(item.line, "moved", message, item.text))
                index = end
                continue
        message = f"'{item.text}' section kept as a section: {why}"
        issues.append(Issue(item.line, "unresolved", message, item.text))
        ordinary = ordinary or item.text
        result.append(item)
        index += 1
    return Lifted(result, summary)


def _section_end(out: list[Out], start: int) -> int:
    level = out[start].level
    for index in range(start + 1, len(out)):
        if out[index].kind == "heading" and out[index].level <= level:
            return index
    return len(out)


def _summary_refused(body: list[Out], given: bool) -> str | None:
    if given:
        return "the phase already has a summary"
    shown = [item for item in body if item.kind != "blank"]
    if not shown or any(item.kind != "text" for item in shown):
        return "a summary is one paragraph of text"
    first, last = body.index(shown[0]), body.index(shown[-1])
    if any(item.kind == "blank" for item in body[first:last]):
        return "a summary is one paragraph, and this section has several"
    if any(_MARKUP.search(item.text) for item in shown):
        return "its text has markup, which a front-matter summary would show as it is"
    return None


def _question_refused(
    body: list[Out], key: str, done: set[str], ordinary: str | None
) -> str | None:
    if key in done:
        return f"the page already answers the '{key}' question"
    if ordinary is not None:
        return (
            f"a phase-question here would sit inside the '{ordinary}' section; move it "
            f"above that heading to make it the '{key}' question"
        )
    if any(item.kind == "heading" for item in body):
        return "it has sub-headings, which a phase-question cannot hold"
    return None


def _question(key: str, body: list[Out], line: int) -> Out:
    content = render(body).strip("\n")
    fence = "`" * max(3, longest_backticks(content) + 1)
    return Out("block", f"{fence}{{phase-question}} {key}\n{content}\n{fence}", line=line)


def render(out: list[Out]) -> str:
    levels = [item.level for item in out if item.kind == "heading"]
    shift = 2 - min(levels) if levels else 0
    previous = 1  # the page title the writer puts on top
    chunks: list[str] = []  # a block is one chunk, so blank lines inside it are kept

    def blank() -> None:
        if chunks and chunks[-1]:
            chunks.append("")

    for item in out:
        if item.kind == "heading":
            # MyST warns (and -W fails) on skipped levels: never go down more than one.
            level = min(item.level + shift, previous + 1, 6)
            previous = level
            blank()
            chunks.extend([f"{'#' * level} {item.text}", ""])
        elif item.kind in {"block", "invisible"}:
            blank()
            chunks.extend([item.text, ""])
        elif item.kind == "blank":
            blank()
        else:
            chunks.append(item.text)
    while chunks and not chunks[-1]:
        chunks.pop()
    return "\n".join(chunks) + "\n" if chunks else ""

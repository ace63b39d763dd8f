"""Where a directive or role is written: its page, or a file the page includes, and the line.

Text from an included file (rST ``.. include::``, MyST ``{include}``) has that file as its
source, but not always its own lines: docutils counts the text an include keeps with
``:start-line:`` or ``:start-after:`` from its first kept line, and MyST-Parser before 5
counts one line too far (and ``start-after`` in characters). So the line is looked up in
the file itself.
"""

from __future__ import annotations

import dataclasses as dc
import itertools
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxDirective, SphinxRole


@dc.dataclass(frozen=True)
class Written:
    """Where some markup is: *line* of *source*, which is *included* when not the page."""

    source: str  # absolute, or "" when docutils does not say
    included: str | None
    line: int
    shift: int = 0  # from a line docutils gives within the markup to the written one

    def line_within(self, given: int | None) -> int:
        """The written line of a node inside the markup (a list item) docutils puts at
        *given*; the markup's own line when it gives none (older docutils, in an included
        file)."""
        return given + self.shift if given else self.line


def directive_written(directive: SphinxDirective) -> Written:
    """Where *directive* is written. In an included file, its line is the nearest that
    opens it (``.. name:: argument``, or a fence with ``{name} argument``) with its own
    argument, else the nearest that opens it."""

    def patterns() -> tuple[re.Pattern[str], ...]:
        name = re.escape(directive.name)
        opening = rf"^\s*(?:\.\.\s+{name}::|(?:`{{3,}}|~{{3,}}|:{{3,}})\s*\{{{name}\}})"
        argument = directive.arguments[0].strip().partition("\n")[0] if directive.arguments else ""
        own = re.compile(rf"{opening}\s*{re.escape(argument)}\s*$")
        return own, re.compile(opening)

    return _written(directive, patterns)


def role_written(role: SphinxRole) -> Written:
    """Where *role* is written. In an included file, its line is the nearest that holds
    it, in rST (``:name:`text```, its raw text) or MyST (``{name}`text```)."""

    def patterns() -> tuple[re.Pattern[str], ...]:
        # The raw text's first line, from its backtick: a line of a paragraph.
        text = role.rawtext[role.rawtext.find("`") :].partition("\n")[0]
        name = re.escape(role.name)
        return (re.compile(rf"(?::{name}:|\{{{name}\}}){re.escape(text)}"),)

    return _written(role, patterns)


def _written(
    markup: SphinxDirective | SphinxRole, patterns: Callable[[], tuple[re.Pattern[str], ...]]
) -> Written:
    """In an included file, the line is the one nearest the line docutils gives among
    those the first of *patterns* to match any line of the file matches.

    The patterns are made only for markup in an included file: each one is new to
    ``re``'s cache, and the benchmark's 1,000 pages compiled 14,800 of them when they were
    made for every role and directive (benchmarks/README.md).
    """
    source, given = markup.get_source_info()
    # Not *markup*'s lineno: in rST, that counts the lines that earlier includes inserted.
    given = given or markup.lineno
    # (Sphinx gives an rST include's path relative to the working directory.)
    source = os.path.abspath(source) if source else ""
    if not source or source == _page_path(markup.env):
        return Written(source, None, given)
    line = _nearest(source, given, patterns())
    return Written(source, source, line, line - given)


def _page_path(env: BuildEnvironment) -> str:
    """The absolute path of the page being read, found once per page."""
    current = env.current_document
    found: str | None = current.get("phases_page_path")
    if found is None:
        found = current["phases_page_path"] = os.path.abspath(env.doc2path(env.docname))
    return found


def _nearest(path: str, given: int, patterns: tuple[re.Pattern[str], ...]) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            rows = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return given
    for pattern in patterns:
        found = [number for number, row in enumerate(rows, start=1) if pattern.search(row)]
        if found:
            if given in found:
                return given
            return min(found, key=lambda number: (abs(number - given), number))
    return given


def option_lines(directive: SphinxDirective, source: str, first: int) -> dict[str, int]:
    """The line of each of *directive*'s options, so a problem with one is reported where
    it is written.

    Called when a directive has links, or a value is wrong. MyST before 5 leaves the
    options out of ``block_text``, so the *source* file (the page, or the file it
    includes) is read instead, from the directive's line in it, *first*. Options are
    ``:name: value`` lines, or MyST's ``---`` block of ``name: value`` lines.
    """
    text = directive.block_text
    if "\n:" not in text and "\n   :" not in text and "\n---" not in text:
        try:
            with open(source, encoding="utf-8") as handle:
                text = "".join(itertools.islice(handle, first - 1, first + 40))
        except (OSError, UnicodeDecodeError):
            return {}
    rows = text.splitlines()[1:]
    block = bool(rows) and rows[0].strip() == "---"
    lines: dict[str, int] = {}
    for offset, line in enumerate(rows[1:] if block else rows, start=2 if block else 1):
        stripped = line.strip()
        if block:
            if stripped == "---":
                break
            name = stripped.split(":", 1)[0] if ":" in stripped else ""
        elif stripped.startswith(":"):
            name = stripped[1:].split(":", 1)[0]
        else:
            break
        if name in (directive.option_spec or {}):
            lines.setdefault(name, first + offset)
    return lines

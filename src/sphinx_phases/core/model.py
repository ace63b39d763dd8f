"""What a page declares about its phase, and the checks on each value (no Sphinx import)."""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Callable, Mapping
from typing import Any

from sphinx_phases.core.colors import COLOR_EXPECTATION, is_css_color
from sphinx_phases.core.messages import did_you_mean, excerpt
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.values import describe, in_, matches_id, text

PICTOGRAM_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
STATUSES = ("draft", "review", "published")
DEFAULT_STATUS = "published"

# Every option, as authors write it (directive option or front-matter key), with its
# meaning; the reference docs are generated from this table.
OPTIONS: dict[str, str] = {
    "id": "The phase id: lower-case letters, digits and '-'. The directive's argument.",
    "title": "Display name, plain text. Default: the page title.",
    "subtitle": "A one-line lead shown under the title and in overviews.",
    "previous": "Id of the phase before this one. Default: from the sequence.",
    "next": "Id of the phase after this one. Default: from the sequence.",
    "parent": "Id of the phase this one is part of (private-beta under beta).",
    "loops-to": "Id of an earlier phase this one may go back to (live to discovery).",
    "status": "Editorial status: draft, review or published. Default: published.",
    "pictogram": "Name of the phase's own pictogram.",
    "color": 'The phase\'s colour, a CSS colour (quote hex values in MyST: "#f47738").',
    "noun": "How question headings name the phase ('an alpha'). Default: 'the TITLE phase'.",
    "duration": "Free text, shown in overviews ('6 to 8 weeks').",
    "team": "Free text, shown in overviews ('Service manager, Developers').",
    "summary": "One-paragraph summary (front matter); the directive's body plays this role.",
}
OPTION_NAMES = tuple(OPTIONS)
# The options that name another phase: their lines are kept, so a problem with the link
# is reported where it is written.
LINK_OPTIONS = ("previous", "next", "parent", "loops-to")
# What an unquoted '#f47738' becomes: MyST and YAML read '#' as the start of a comment.
HEX_HINT = "quote a #hex colour, as in \"#f47738\": unquoted, '#' starts a comment"


@dc.dataclass(frozen=True)
class Item:
    """One activity or output: its visible label and its pictogram's name."""

    label: str
    pictogram: str | None = None


@dc.dataclass(frozen=True)
class PhaseDecl:
    """The raw facts one page declares about its phase, exactly as written (validated).

    Derived facts (neighbours, position, children) are never stored here: they come
    from :mod:`sphinx_phases.core.sequence.resolve`, once per build.
    """

    id: str
    docname: str
    line: int
    title: str
    subtitle: str | None = None
    previous: str | None = None
    next: str | None = None
    parent: str | None = None
    loops_to: str | None = None
    status: str = DEFAULT_STATUS
    pictogram: str | None = None
    color: str | None = None
    noun: str | None = None
    duration: str | None = None
    team: str | None = None
    summary: str | None = None
    # True when ``title`` came from the page heading rather than the ``title`` option.
    title_from_page: bool = False
    # The file the declaration is written in, when not the page's own (an included
    # file); ``line`` is then a line of that file.
    source: str | None = None
    # The line of each link option (LINK_OPTIONS), where it is known.
    option_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, option: str | None) -> int:
        """The line of *option* when known, else the declaration's."""
        for name, line in self.option_lines:
            if name == option:
                return line
        return self.line


def _check_pictogram(value: str) -> str | None:
    if PICTOGRAM_PATTERN.fullmatch(value):
        return None
    return "expected a pictogram name (letters, digits, '-', '_' and '.')"


def _check_color(value: str) -> str | None:
    if is_css_color(value):
        return None
    # Empty is what an unquoted '#f47738' leaves: say how to write it.
    hint = f" ({HEX_HINT})" if not value else ""
    return f"expected {COLOR_EXPECTATION}{hint}"


def _check_text(value: str) -> str | None:
    return None if value.strip() else "expected some text"


_CHECKS: dict[str, Callable[[str], str | None]] = {
    "id": matches_id,
    "previous": matches_id,
    "next": matches_id,
    "parent": matches_id,
    "loops-to": matches_id,
    "status": in_(STATUSES),
    "pictogram": _check_pictogram,
    "color": _check_color,
}


def parse_declaration(
    raw: Mapping[str, Any],
    *,
    docname: str,
    line: int,
    page_title: str,
    lines: Mapping[str, int] | None = None,
    origin: str = "phase",
    source: str | None = None,
) -> tuple[PhaseDecl | None, list[Problem]]:
    """Check every value of a declaration and build its :class:`PhaseDecl`.

    *raw* maps option names to values: strings from a directive, anything from YAML
    front matter. A bad value is reported and replaced by its default, so the page
    still declares its phase; only a bad or missing id leaves the page without one.
    *lines* gives the line of each key where it is known; the declaration keeps those of
    its links, so that problems with them are reported where they are written.
    """
    lines = lines or {}
    problems: list[Problem] = []
    values: dict[str, str] = {}
    for key, value in raw.items():
        where = lines.get(key, line)
        if key not in OPTION_NAMES:
            known = ", ".join(OPTION_NAMES)
            hint = did_you_mean(key, OPTION_NAMES)
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"{origin}: unknown key {excerpt(key)}; expected one of {known}{hint}",
                    where,
                    key,
                )
            )
            continue
        # A whole number is text here: YAML front matter reads ``id: 1`` as one
        # (docs/reference/declaring.md).
        found = text(value)
        if found is None:
            hint = f" ({HEX_HINT})" if key == "color" and value is None else ""
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"{origin}: {excerpt(key)} is {describe(value)}; expected a string{hint}",
                    where,
                    key,
                )
            )
            continue
        value = found.strip()
        check = _CHECKS.get(key, _check_text)
        error = check(value)
        if error:
            problems.append(
                Problem(
                    PhaseWarning.OPTION,
                    f"{origin}: {key} {excerpt(value)} is not valid: {error}",
                    where,
                    key,
                )
            )
            continue
        values[key] = value

    phase_id = values.pop("id", None)
    if phase_id is None:
        if "id" not in raw:
            problems.append(
                Problem(PhaseWarning.OPTION, f"{origin}: no phase id; expected an 'id'", line)
            )
        return None, problems

    title = values.pop("title", None)
    decl = PhaseDecl(
        id=phase_id,
        docname=docname,
        line=line,
        title=title or page_title or phase_id,
        title_from_page=title is None,
        source=source,
        option_lines=tuple((k, lines[k]) for k in LINK_OPTIONS if k in values and k in lines),
        loops_to=values.pop("loops-to", None),
        **values,
    )
    return decl, problems


def anchor_id(phase_id: str) -> str:
    """The id of a phase's anchor: on its page's top section, and in ``objects.inv``."""
    return f"phase-{phase_id}"

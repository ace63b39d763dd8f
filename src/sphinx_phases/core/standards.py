"""Standards that gates assess, read from ``phases_standards`` (no Sphinx import).

A standard is a numbered list of points (the UK Service Standard's 14 points, the
Technology Code of Practice). ``phases_standards`` maps each standard's id to the path of a
YAML file (relative to the configuration directory, confined to the project), to an inline
list of points, or to an inline mapping with a title and points. Points read from a file
keep their lines, so that a problem found later is reported where the author can fix it.

Citations name a point as ``5`` (one standard configured, or an id only one standard has)
or ``tcop:3``; a gate's ``:standard:`` option lists such names, or ``all``.
"""

from __future__ import annotations

import dataclasses as dc
import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from sphinx_phases.core.messages import ID_PATTERN, did_you_mean, excerpt, expected_id, slug
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.standard_files import (
    ALL,
    SETTING,
    Point,
    StandardFields,
    read_standard,
)

__all__ = [
    "Point",
    "Standard",
    "explain_unknown",
    "find_point",
    "load_standards",
    "parse_points",
    "point_anchor",
    "standard_anchor",
    "translated",
]


@dc.dataclass(frozen=True)
class Standard:
    """A configured standard: its points in order; *path* is the file it was read from,
    *line* the line of its title there (None for a standard given in conf.py, or titled
    after its id)."""

    id: str
    title: str
    points: tuple[Point, ...]
    url: str | None = None
    path: str | None = None
    line: int | None = None

    @functools.cached_property
    def _by_id(self) -> dict[str, Point]:
        return {point.id: point for point in self.points}

    def point(self, point_id: str) -> Point | None:
        """The point with id *point_id* exactly, or None."""
        return self._by_id.get(point_id)


# -- anchors -------------------------------------------------------------------------------


def standard_anchor(standard_id: str) -> str:
    """The HTML id of where a standard is listed: ``standard-tcop``."""
    return f"standard-{slug(standard_id)}"


def point_anchor(standard_id: str, point_id: str) -> str:
    """The HTML id of a listed point: ``standard-tcop-3``, ``standard-kdp-c-3-2`` for "3.2"."""
    return f"standard-{slug(standard_id)}-{slug(point_id)}"


def point_text(standard: Standard, point: Point) -> str:
    """How a citation shows a point: its id, then its title ("5. Make sure everyone can
    use the service")."""
    return f"{point.id}. {point.title}"


# -- citations -----------------------------------------------------------------------------


def find_point(standards: Mapping[str, Standard], text: str) -> tuple[Standard, Point] | None:
    """The point *text* names: ``tcop:3``, or a bare ``3`` that exactly one standard has
    (always so when one standard is configured). None when it names no point or several."""
    text = text.strip()
    standard_id, colon, point_id = text.partition(":")
    if colon:
        standard = standards.get(standard_id.strip())
        point = standard.point(point_id.strip()) if standard is not None else None
        return (standard, point) if standard is not None and point is not None else None
    found = [(s, p) for s in standards.values() if (p := s.point(text)) is not None]
    return found[0] if len(found) == 1 else None


def parse_points(
    standards: Mapping[str, Standard], text: str
) -> tuple[tuple[tuple[str, str], ...], list[str]]:
    """The points a gate's ``:standard:`` option names, and the parts that name none.

    Parts are separated by commas or spaces: ``all`` (every point of every configured
    standard), ``tcop:all`` (every point of one), or a point as :func:`find_point` reads
    it. The points come as (standard id, point id) pairs in the configured order, each
    once; the unknown parts as written, in order (``all`` too when no standard is
    configured).
    """
    chosen: set[tuple[str, str]] = set()
    unknown: list[str] = []
    for part in re.split(r"[\s,]+", text):
        if not part:
            continue
        standard_id, colon, point_id = part.partition(":")
        if part == ALL and standards:
            chosen.update((s.id, p.id) for s in standards.values() for p in s.points)
        elif colon and point_id == ALL and standard_id in standards:
            standard = standards[standard_id]
            chosen.update((standard.id, p.id) for p in standard.points)
        elif (found := find_point(standards, part)) is not None:
            chosen.add((found[0].id, found[1].id))
        else:
            unknown.append(part)
    order = {
        (s.id, p.id): (i, j)
        for i, s in enumerate(standards.values())
        for j, p in enumerate(s.points)
    }
    return tuple(sorted(chosen, key=order.__getitem__)), unknown


def explain_unknown(standards: Mapping[str, Standard], text: str) -> str:
    """Why *text*, which :func:`find_point` does not find, names no point, and what was
    expected: the message of an ``unknown`` warning about a citation or a gate's
    ``:standard:`` part."""
    text = text.strip()
    shown = excerpt(text)
    if not standards:
        return (
            f"point {shown} is not known: phases_standards configures no standard; "
            "expected a standard in phases_standards"
        )
    standard_id, colon, point_id = text.partition(":")
    if colon:
        standard = standards.get(standard_id)
        if standard is None:
            return (
                f"point {shown} names the standard {excerpt(standard_id)}, which "
                f"phases_standards does not configure; expected {_one_of(list(standards))}"
                f"{did_you_mean(standard_id, standards)}"
            )
        return f"point {shown} is not a point of {_expected_point(standard, point_id)}"
    owners = [s.id for s in standards.values() if s.point(text) is not None]
    if len(owners) > 1:
        choices = [f"{owner}:{text}" for owner in owners]
        return (
            f"point {shown} is a point of several standards; expected "
            f"{_one_of(choices)} to say which"
        )
    if len(standards) == 1:
        (standard,) = standards.values()
        return f"point {shown} is not a point of {_expected_point(standard, text)}"
    first = next((s for s in standards.values() if s.points), None)
    example = f", like '{first.id}:{first.points[0].id}'" if first is not None else ""
    return (
        f"point {shown} is not a point of any configured standard "
        f"({', '.join(repr(s) for s in standards)}); expected a point id, or "
        f"'standard:id'{example}"
    )


def _expected_point(standard: Standard, point_id: str) -> str:
    ids = [point.id for point in standard.points]
    if not ids:
        return (
            f"the standard '{standard.id}', which has no point that could be read; expected "
            "its points fixed first"
        )
    if len(ids) <= 6:
        choices = _one_of(ids)
    else:
        choices = f"one of its {len(ids)} point ids, '{ids[0]}' to '{ids[-1]}'"
    return f"the standard '{standard.id}'; expected {choices}{did_you_mean(point_id, ids)}"


def _one_of(names: list[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    if len(quoted) == 1:
        return quoted[0]
    return "one of " + ", ".join(quoted) if len(quoted) > 2 else " or ".join(quoted)


def translated(standard: Standard, translate: Callable[[str], str]) -> Standard:
    """*standard* with its title, point titles and sections passed through *translate*
    (the project's catalogues, docs/how-to/translate.md); ids and links stay as they are."""
    points = tuple(
        dc.replace(
            point,
            title=translate(point.title),
            section=translate(point.section) if point.section else point.section,
        )
        for point in standard.points
    )
    return dc.replace(standard, title=translate(standard.title), points=points)


# -- reading -------------------------------------------------------------------------------


def load_standards(
    value: Any, confdir: Path, srcdir: Path, conf_path: str
) -> tuple[dict[str, Standard], list[Problem]]:
    """Every standard of ``phases_standards`` (*value*), and the problems found reading them.

    A path is read relative to *confdir*, and only inside *confdir* or *srcdir*. Every
    configured standard with a valid id is in the result, with the points that could be
    read (none when its file could not be), so that citing it reports the mistake, not a
    standard that seems not to exist. A problem in a file names the file and line; one in
    conf.py names the ``phases_standards`` setting (*conf_path*). Problems quote paths and
    values, never what a refused file holds.
    """
    standards: dict[str, Standard] = {}
    problems: list[Problem] = []
    if not isinstance(value, Mapping):
        return standards, problems  # the settings check reported it, and the default is used
    for standard_id, given in value.items():
        if not isinstance(standard_id, str) or not ID_PATTERN.fullmatch(standard_id):
            problems.append(
                Problem(
                    PhaseWarning.STANDARD,
                    f"phases_standards: the standard id {excerpt(standard_id)} is not valid: "
                    f"{expected_id(standard_id)}",
                    path=conf_path,
                    setting=SETTING,
                )
            )
            continue
        fields, found = read_standard(
            standard_id, given, confdir=confdir, srcdir=srcdir, conf_path=conf_path
        )
        standards[standard_id] = _standard(standard_id, fields)
        problems.extend(found)
    problems.extend(_anchor_clashes(standards, conf_path))
    return standards, problems


def _standard(standard_id: str, fields: StandardFields) -> Standard:
    """The standard *fields* (read by :mod:`sphinx_phases.core.standard_files`) describe."""
    return Standard(
        standard_id,
        fields.title,
        fields.points,
        url=fields.url,
        path=fields.path,
        line=fields.line,
    )


def _anchor_clashes(standards: Mapping[str, Standard], conf_path: str) -> list[Problem]:
    """Standards whose anchors meet (``tcop`` point ``3`` and standard ``tcop-3``)."""
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    for standard in standards.values():
        named = [(standard_anchor(standard.id), f"the standard '{standard.id}'")]
        named += [
            (
                point_anchor(standard.id, p.id),
                f"point {excerpt(p.id)} of the standard '{standard.id}'",
            )
            for p in standard.points
        ]
        for anchor, what in named:
            first = seen.get(anchor)
            if first is None:
                seen[anchor] = what
            else:
                problems.append(
                    Problem(
                        PhaseWarning.STANDARD,
                        f"phases_standards: {what} has the anchor '{anchor}' of {first}, so "
                        "links to one would reach the other; expected standard ids that do "
                        "not begin with another standard's id and '-'",
                        path=conf_path,
                        setting=SETTING,
                    )
                )
    return problems

"""Read one standard of ``phases_standards`` into plain fields (no Sphinx import).

Its one job: turn a YAML file, or an inline list or mapping from conf.py, into the title,
link and points of a standard, with every problem found located where the author can fix
it (the file and line, or the setting). :mod:`sphinx_phases.core.standards` builds the model
from what this reads.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sphinx_phases.core.messages import excerpt
from sphinx_phases.core.messages import slug as point_slug
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.values import NodeReader, read_yaml
from sphinx_phases.core.values import describe as _describe
from sphinx_phases.core.values import items as _items
from sphinx_phases.core.values import mapping as _mapping
from sphinx_phases.core.values import text as _text
from sphinx_phases.core.values import unknown_key as _key
from sphinx_phases.core.yaml_nodes import line as _line

__all__ = [
    "ALL",
    "POINT_ID_PATTERN",
    "SETTING",
    "Point",
    "StandardFields",
    "read_standard",
]

SETTING = "phases_standards"

#: A point id: letters, digits, and '.', '-' or '_' between them ("1", "3.2", "KDP-C").
#: No spaces, commas or colons, which separate ids in citations and gate options.
POINT_ID_PATTERN = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*")
POINT_ID_EXPECTED = "letters and digits, with '.', '-' or '_' between them"

#: Names every point of a standard in a gate's ``:standard:`` option; no point may use it.
ALL = "all"

STANDARD_KEYS = ("title", "url", "points")
POINT_KEYS = ("id", "title", "section", "url")
SHAPE = "a mapping with 'title' and a 'points' list, or a list of points"
POINT_SHAPE = "{id: '1', title: Understand users and their needs}"


@dc.dataclass(frozen=True)
class Point:
    """One point of a standard: its id ("5"), title, optional section and link, and the
    line of its file it was read from (None for a point given in conf.py)."""

    id: str
    title: str
    section: str | None = None
    url: str | None = None
    line: int | None = None


@dc.dataclass(frozen=True)
class StandardFields:
    """One standard as read: what :class:`sphinx_phases.core.standards.Standard` is built from,
    but for the id it is configured under (the model's methods are not the reader's)."""

    title: str
    points: tuple[Point, ...]
    url: str | None = None
    path: str | None = None
    line: int | None = None


def read_standard(
    standard_id: str, given: Any, *, confdir: Path, srcdir: Path, conf_path: str
) -> tuple[StandardFields, list[Problem]]:
    """The standard *given* (the ``phases_standards`` value for the valid id *standard_id*)
    holds, and the problems found reading it.

    A path is read relative to *confdir*, and only inside *confdir* or *srcdir*; a list or
    mapping is read as it is. The fields hold the points that could be read (none when the
    file could not be), so that citing the standard reports the mistake, not a standard
    that seems not to exist.
    """
    reader = _Reader(standard_id, conf_path)
    if isinstance(given, str):
        read = read_yaml(given, confdir, (confdir, srcdir), shape=SHAPE)
        reader.path = read.path
        if read.refusal is not None:
            where = read.refusal.line if read.refusal.in_file else None
            reader.problem(where, read.refusal.clause)
        fields = reader.standard(read.root, path=read.path, whole=read.root is not None)
    elif isinstance(given, list | tuple | Mapping):
        fields = reader.standard(given, path=None, whole=True)
    else:
        reader.problem(
            None,
            f"is {_describe(given)}; expected the path of a YAML file, a list of points "
            "or a mapping with 'title' and 'points'",
        )
        fields = reader.standard(None, path=None, whole=False)
    return fields, reader.problems


class _Reader(NodeReader):
    """Reads one standard from YAML nodes or plain Python values alike
    (:mod:`sphinx_phases.core.values`)."""

    def __init__(self, standard_id: str, conf_path: str) -> None:
        super().__init__()
        self.id = standard_id
        self.conf_path = conf_path
        self.path: str | None = None  # the file being read, once it is read
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        if self.path is not None:
            where: dict[str, Any] = {"path": self.path, "line": line}
            message = f"standard '{self.id}' {message}"
        else:
            where = {"path": self.conf_path, "setting": SETTING}
            message = f"phases_standards: standard '{self.id}' {message}"
        self.problems.append(Problem(PhaseWarning.STANDARD, message, **where))

    # -- the standard ----------------------------------------------------------------------

    def standard(self, root: Any, *, path: str | None, whole: bool) -> StandardFields:
        """The standard *root* holds; *whole* is False when there is nothing to read."""
        default_title = self.id.replace("-", " ").title()
        if not whole:
            return StandardFields(default_title, (), path=path)
        title, url, points, line = default_title, None, None, None
        mapping = _mapping(root)
        if mapping is not None:
            for key, value in mapping:
                name = _text(key)
                if name == "title":
                    given = self._string(value, "a 'title'")
                    if given is not None:
                        title, line = given, _line(value)
                elif name == "url":
                    url = self._url(value, "a 'url'")
                elif name == "points":
                    points = value
                else:
                    self.problem(
                        _line(key),
                        f"has {_key(key)}; expected 'title', 'url' and 'points'",
                    )
            if points is None:
                self.problem(_line(root), "has no 'points'; expected a list of points")
        elif _items(root) is not None:
            points = root
        else:
            self.problem(_line(root), f"holds {_describe(root)}; expected {SHAPE}")
        return StandardFields(title, self._points(points), url=url, path=path, line=line)

    def _points(self, node: Any) -> tuple[Point, ...]:
        if node is None:
            return ()
        entries = _items(node)
        if entries is None:
            self.problem(_line(node), f"has 'points'{_set_to(node)}; expected a list of points")
            return ()
        if not entries:
            self.problem(
                _line(node), f"has no points; expected a list of points like {POINT_SHAPE}"
            )
            return ()
        points: dict[str, Point] = {}  # by anchor, which ids must not share
        for entry in entries:
            point = self._point(entry)
            if point is None:
                continue
            slug = point_slug(point.id)
            first = points.get(slug)
            if first is None:
                points[slug] = point
                continue
            at = f" at line {first.line}" if first.line else ""
            if first.id == point.id:
                self.problem(
                    point.line,
                    f"lists the point {excerpt(point.id)} twice, first{at or ' above'}; "
                    "expected each point id once",
                )
            else:
                self.problem(
                    point.line,
                    f"has the point {excerpt(point.id)}, whose anchor is the one of the point "
                    f"{excerpt(first.id)}{f' (line {first.line})' if first.line else ''}; "
                    "expected ids that differ by more than case or punctuation",
                )
        return tuple(points.values())

    def _point(self, entry: Any) -> Point | None:
        line = _line(entry)
        mapping = _mapping(entry)
        if mapping is None:
            self.problem(
                line,
                f"has a point that is {_describe(entry)}; expected a mapping like {POINT_SHAPE}",
            )
            return None
        values: dict[str, Any] = {}
        unknown: list[tuple[Any, Any]] = []
        for key, value in mapping:
            name = _text(key)
            if name in POINT_KEYS:
                values[name] = value
            else:
                unknown.append((key, value))
        # Name the point by its id, else its title, else its line.
        raw_id = _text(values["id"]) if "id" in values else None
        point_id = raw_id.strip() if raw_id is not None else None
        which = f"the point {excerpt(point_id)}" if point_id else _unnamed(values)
        for key, value in unknown:
            # {id: 1, title: Users, and needs}: the comma ended the title, and 'and needs'
            # became a key without a value (docs/reference/standards.md).
            comma = getattr(entry, "flow_style", False) and _describe(value) == "empty"
            hint = " (a ',' ends an unquoted value inside {...}: quote the value before it)"
            self.problem(
                _line(key),
                f"has {_key(key)} in {which}; expected 'id', 'title', 'section' and 'url'"
                + (hint if comma else ""),
            )
        if "id" not in values:
            self.problem(line, f"has {which} without an 'id'; expected an id like '1'")
            return None
        if point_id is None or not point_id:
            self.problem(
                line, f"has a point whose id is {_describe(values['id'])}; expected an id like '1'"
            )
            return None
        if point_id == ALL or not POINT_ID_PATTERN.fullmatch(point_id):
            why = " (it names every point in gates)" if point_id == ALL else ""
            self.problem(
                line,
                f"has the point id {excerpt(point_id)}{why}; expected {POINT_ID_EXPECTED}, "
                "without spaces, commas or colons",
            )
            return None
        if "title" not in values:
            self.problem(line, f"has {which} without a 'title'; expected the point's title")
            return None
        title = self._string(values["title"], f"{which} with a 'title'")
        if title is None:
            return None
        section = (
            self._string(values["section"], f"{which} with a 'section'")
            if "section" in values
            else None
        )
        url = self._url(values["url"], f"{which} with a 'url'") if "url" in values else None
        return Point(point_id, title, section=section, url=url, line=line)

    def _string(self, node: Any, what: str) -> str | None:
        text = _text(node)
        if text is None or not text.strip():
            self.problem(_line(node), f"has {what}{_set_to(node)}; expected text")
            return None
        return text.strip()

    def _url(self, node: Any, what: str) -> str | None:
        text = _text(node)
        if text is not None and re.match(r"https?://\S+$", text.strip()):
            return text.strip()
        found = _set_to(node) if text is None else f" set to {excerpt(text)}"
        self.problem(_line(node), f"has {what}{found}; expected an http:// or https:// address")
        return None


def _unnamed(values: dict[str, Any]) -> str:
    title = _text(values["title"]) if "title" in values else None
    if title and title.strip():
        return f"the point titled {excerpt(title.strip())}"
    return "a point"


def _set_to(node: Any) -> str:
    found = _describe(node)
    return " that is empty" if found == "empty" else f" set to {found}"

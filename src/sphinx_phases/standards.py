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

import yaml

from sphinx_phases.inputs import PATH_CHARS, YamlRefused, compose_yaml, confine, excerpt, read_text
from sphinx_phases.model import ID_PATTERN, describe, did_you_mean, suggest_id
from sphinx_phases.problems import PhaseWarning, Problem

__all__ = [
    "POINT_ID_PATTERN",
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

_YAML_TAG = "tag:yaml.org,2002:"
_STR = _YAML_TAG + "str"
_NUMBERS = (_YAML_TAG + "int", _YAML_TAG + "float")
_TIMESTAMP = _YAML_TAG + "timestamp"
#: The tags plain YAML gives (docs/reference/standards.md); a node with another tag,
#: written on it (``!!python/object:...``, ``!!binary``), is reported, never read.
_PLAIN_TAGS = frozenset(
    _YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


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


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def standard_anchor(standard_id: str) -> str:
    """The HTML id of where a standard is listed: ``standard-tcop``."""
    return f"standard-{_slug(standard_id)}"


def point_anchor(standard_id: str, point_id: str) -> str:
    """The HTML id of a listed point: ``standard-tcop-3``, ``standard-kdp-c-3-2`` for "3.2"."""
    return f"standard-{_slug(standard_id)}-{_slug(point_id)}"


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
                    f"phases_standards: the standard id {excerpt(standard_id)} is not valid; "
                    f"expected lower-case letters, digits and '-'{_perhaps(standard_id)}",
                    path=conf_path,
                    setting=SETTING,
                )
            )
            continue
        reader = _Reader(standard_id, conf_path)
        if isinstance(given, str):
            root, path = reader.read_file(given, confdir, (confdir, srcdir))
            standard = reader.standard(root, path=path, whole=root is not None)
        elif isinstance(given, list | tuple | Mapping):
            standard = reader.standard(given, path=None, whole=True)
        else:
            reader.problem(
                None,
                f"is {describe(given)}; expected the path of a YAML file, a list of points "
                "or a mapping with 'title' and 'points'",
            )
            standard = reader.standard(None, path=None, whole=False)
        standards[standard_id] = standard
        problems.extend(reader.problems)
    problems.extend(_anchor_clashes(standards, conf_path))
    return standards, problems


def _perhaps(standard_id: object) -> str:
    """`` (perhaps 'bad-id')`` for an invalid id 'Bad Id', or nothing."""
    if not isinstance(standard_id, str) or not standard_id.isascii():
        return ""
    hint = suggest_id(standard_id)
    return f" (perhaps {excerpt(hint)})" if hint and hint != standard_id else ""


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


class _Reader:
    """Reads one standard from YAML nodes or plain Python values alike."""

    def __init__(self, standard_id: str, conf_path: str) -> None:
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

    # -- the file ------------------------------------------------------------------------

    def read_file(
        self, given: str, confdir: Path, roots: tuple[Path, ...]
    ) -> tuple[Any, str | None]:
        """The YAML root of the file *given* names (None when not read), and its path."""
        named = excerpt(given, limit=PATH_CHARS)
        inside = confine(confdir / given, roots)
        if inside is None:
            # Name the path, never what it holds: the build log is often public.
            self.problem(
                None,
                f"names {named}, which resolves outside the project; expected a YAML file "
                "inside the source or configuration directory",
            )
            return None, None
        if not inside.is_file():
            self.problem(
                None,
                f"names {named}, which is not a file; expected the path of a YAML file, "
                "relative to the configuration directory",
            )
            return None, None
        try:
            text = read_text(inside)
        except YamlRefused as refused:
            self.problem(None, f"names {named}, which is not read: {refused.reason}")
            return None, None
        except UnicodeDecodeError:
            self.problem(
                None, f"names {named}, which is not UTF-8 text; expected a UTF-8 YAML file"
            )
            return None, None
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            self.problem(
                None, f"names {named}, which cannot be read ({reason}); expected a readable file"
            )
            return None, None
        self.path = str(inside)
        try:
            root = compose_yaml(text)
        except YamlRefused as refused:
            self.problem(refused.line, f"is not read: {refused.reason}")
            return None, self.path
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            found = excerpt(exc.problem or "", limit=80, quote=False)
            self.problem(
                mark.line + 1 if mark else 1,
                f"does not parse as YAML ({found}); expected {SHAPE}",
            )
            return None, self.path
        except RecursionError:
            self.problem(1, f"nests too deeply to read; expected {SHAPE}")
            return None, self.path
        except yaml.YAMLError:
            self.problem(1, f"does not parse as YAML; expected {SHAPE}")
            return None, self.path
        if root is None:
            self.problem(1, f"is an empty file; expected {SHAPE}")
        return root, self.path

    # -- the standard ----------------------------------------------------------------------

    def standard(self, root: Any, *, path: str | None, whole: bool) -> Standard:
        """The standard *root* holds; *whole* is False when there is nothing to read."""
        default_title = self.id.replace("-", " ").title()
        if not whole:
            return Standard(self.id, default_title, (), path=path)
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
        return Standard(self.id, title, self._points(points), url=url, path=path, line=line)

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
            slug = _slug(point.id)
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
        unknown: list[Any] = []
        for key, value in mapping:
            name = _text(key)
            if name in POINT_KEYS:
                values[name] = value
            else:
                unknown.append(key)
        # Name the point by its id, else its title, else its line.
        raw_id = _text(values["id"]) if "id" in values else None
        point_id = raw_id.strip() if raw_id is not None else None
        which = f"the point {excerpt(point_id)}" if point_id else _unnamed(values)
        for key in unknown:
            self.problem(
                _line(key),
                f"has {_key(key)} in {which}; expected 'id', 'title', 'section' and 'url'",
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


# -- YAML nodes and Python values alike ------------------------------------------------------


def _line(node: Any) -> int | None:
    return node.start_mark.line + 1 if isinstance(node, yaml.Node) else None


def _tag(node: Any) -> str | None:
    """The tag written on a YAML *node* that plain YAML does not give, as written
    (``'!!python/object:os.system'``); None for a plain node or a Python value."""
    if not isinstance(node, yaml.Node) or node.tag in _PLAIN_TAGS:
        return None
    if isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP:
        return None  # an unquoted date: described as one
    tag = node.tag
    shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
    return excerpt(shown)


def _tagged(tag: str) -> str:
    """How a value with a tag plain YAML does not give looks to its author: "a Python
    object ('!!python/object:os.system')", "binary data ('!!binary')"."""
    if tag.startswith("'!!python/"):
        return f"a Python object ({tag})"
    if tag == "'!!binary'":
        return f"binary data ({tag})"
    return f"a value tagged {tag}"


def _mapping(node: Any) -> list[tuple[Any, Any]] | None:
    if _tag(node) is not None:
        return None
    if isinstance(node, yaml.MappingNode):
        return list(node.value)
    if isinstance(node, Mapping):
        return list(node.items())
    return None


def _items(node: Any) -> list[Any] | None:
    if _tag(node) is not None:
        return None
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, list | tuple):
        return list(node)
    return None


def _text(node: Any) -> str | None:
    """A string, or a number as written (``1`` -> "1", ``3.2`` -> "3.2"); else None."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value) if node.tag == _STR or node.tag in _NUMBERS else None
    if isinstance(node, str):
        return node
    if isinstance(node, int) and not isinstance(node, bool):
        return str(node)
    return None


def _key(node: Any) -> str:
    """An unknown key as its message names it: "the unknown key 'colour'", or "a key that
    is a list" for a collection or a tagged value."""
    if _tag(node) is not None or isinstance(node, yaml.CollectionNode):
        return f"a key that is {_describe(node)}"
    return f"the unknown key {excerpt(node.value if isinstance(node, yaml.ScalarNode) else node)}"


def _describe(node: Any) -> str:
    """How a wrong value looks to its author: 'a list', 'the text 'x'', 'a mapping
    tagged '!!python/object:os.system''."""
    tag = _tag(node)
    if tag is not None:
        return _tagged(tag)
    if isinstance(node, yaml.ScalarNode):
        kind = node.tag.rsplit(":", 1)[-1]
        if kind == "null" or not node.value:
            return "empty"
        if kind == "bool":
            return f"a boolean ({node.value})"
        if node.tag in _NUMBERS:
            return f"a number ({excerpt(node.value, quote=False)})"
        if node.tag == _TIMESTAMP:
            return f"a date ({excerpt(node.value, quote=False)})"
        return f"the text {excerpt(node.value)}"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, tuple):
        return "a list"
    if isinstance(node, Mapping) and not isinstance(node, dict):
        return "a mapping"
    return describe(node)

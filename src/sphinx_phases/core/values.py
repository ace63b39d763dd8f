"""One reader of configured values: checks that combine, YAML nodes read with their lines,
and the one way a YAML file the settings name is read (no Sphinx import).

- Validators, in the style of MyST-Parser's ``config/dc_validators.py``: a validator takes
  a value and returns None when it is fine, else what was expected ("expected a list of
  folder paths"); :func:`instance_of`, :func:`optional`, :func:`in_`,
  :func:`deep_iterable`, :func:`deep_mapping` and :func:`any_of` build them,
  :func:`matches_id` and :func:`non_blank` are two. The ``phases_*`` settings are
  checked with them (:mod:`sphinx_phases.core.config`).
- :class:`NodeReader` reads a YAML node or the plain Python value conf.py gives alike
  (:func:`mapping`, :func:`items`, :func:`text`, :func:`describe`), reporting each mistake
  at its line; the sequence file (:mod:`sphinx_phases.core.sequence.spec`) and the
  standard files (:mod:`sphinx_phases.core.standard_files`) are read with it.
- :func:`read_yaml` reads a file a setting names, through
  :func:`sphinx_phases.core.inputs.read_file`, and says why it was not read the same way
  for every file (docs/reference/configuration.md).

A number is text where text or an id is expected: YAML reads ``id: 1`` as a number, and
``3.10`` stays ``3.10``, as written (docs/reference/standards.md, docs/reference/stages.md).
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from sphinx_phases.core.inputs import (
    FileRefused,
    YamlRefused,
    compose_yaml,
    path_problem,
    read_file,
)
from sphinx_phases.core.messages import (
    ID_PATTERN,
    did_you_mean,
    excerpt,
    expected_id,
    named,
    not_a_file,
    outside_project,
)
from sphinx_phases.core.yaml_nodes import NUMBERS, STR, TIMESTAMP, tagged
from sphinx_phases.core.yaml_nodes import line as node_line
from sphinx_phases.core.yaml_nodes import tag as written_tag

#: None when the value is fine, else what was expected ("expected True or False").
Validator = Callable[[Any], "str | None"]

# -- validators ------------------------------------------------------------------------------


def instance_of(*types: type, expected: str) -> Validator:
    """A value of one of *types* (a boolean is not a number here)."""

    def check(value: Any) -> str | None:
        if isinstance(value, bool) and bool not in types:
            return f"expected {expected}"
        return None if isinstance(value, types) else f"expected {expected}"

    return check


def all_of(*validators: Validator, expected: str | None = None) -> Validator:
    """What every one of *validators* accepts (the first complaint is told, or *expected*)."""

    def check(value: Any) -> str | None:
        error = next((e for e in (v(value) for v in validators) if e is not None), None)
        return error if error is None or expected is None else f"expected {expected}"

    return check


def optional(validator: Validator, *, expected: str | None = None) -> Validator:
    """None, or what *validator* accepts."""

    def check(value: Any) -> str | None:
        if value is None:
            return None
        error = validator(value)
        return error if error is None or expected is None else f"expected {expected}"

    return check


def any_of(*validators: Validator, expected: str) -> Validator:
    """What one of *validators* accepts."""

    def check(value: Any) -> str | None:
        if any(validator(value) is None for validator in validators):
            return None
        return f"expected {expected}"

    return check


def in_(choices: Sequence[str]) -> Validator:
    """One of *choices*, with the closest offered for a typo."""

    def check(value: Any) -> str | None:
        if value in choices:
            return None
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        return "expected one of " + ", ".join(repr(c) for c in choices) + hint

    return check


def matches_id(value: Any) -> str | None:
    """An id: lower-case letters, digits and '-' (docs/reference/declaring.md)."""
    if isinstance(value, str) and ID_PATTERN.fullmatch(value):
        return None
    return expected_id(value)


def non_blank(value: Any) -> str | None:
    """Text with something in it."""
    return None if isinstance(value, str) and value.strip() else "expected some text"


def usable_path(value: Any) -> str | None:
    """A path a file system can hold (a value that is not text is left to the other
    checks): no NUL character, not over-long (:func:`~sphinx_phases.core.inputs.path_problem`).
    For every ``phases_*`` setting that names a file or folder."""
    if not isinstance(value, str):
        return None
    problem = path_problem(value)
    return None if problem is None else problem.partition("; ")[2]


def usable_paths(value: Any) -> str | None:
    """Every text in *value* (a path, or a list or mapping of them, as phases_pictograms,
    phases_pictogram_dirs and phases_standards hold) is a :func:`usable_path`."""
    found = value.values() if isinstance(value, Mapping) else value
    if isinstance(value, str) or not isinstance(found, Iterable):
        found = [value]
    for item in found:
        error = usable_path(item)
        if error is not None:
            return error
    return None


def non_empty(value: Any) -> str | None:
    """A collection with something in it."""
    return None if value else "expected something in it"


def deep_iterable(
    member_validator: Validator,
    iterable_validator: Validator | None = None,
    *,
    expected: str | None = None,
) -> Validator:
    """A list or tuple (or what *iterable_validator* accepts) whose every member
    *member_validator* accepts; *expected* words the whole."""
    outer = iterable_validator or instance_of(list, tuple, expected="a list")

    def check(value: Any) -> str | None:
        error = outer(value)
        if error is None:
            error = next((e for e in map(member_validator, value) if e is not None), None)
        return error if error is None or expected is None else f"expected {expected}"

    return check


def deep_mapping(
    key_validator: Validator,
    value_validator: Validator,
    mapping_validator: Validator | None = None,
    *,
    expected: str | None = None,
) -> Validator:
    """A dict (or what *mapping_validator* accepts) whose keys and values the validators
    accept; *expected* words the whole."""
    outer = mapping_validator or instance_of(dict, expected="a mapping")

    def check(value: Any) -> str | None:
        error = outer(value)
        if error is None:
            found = (key_validator(k) or value_validator(v) for k, v in value.items())
            error = next((e for e in found if e is not None), None)
        return error if error is None or expected is None else f"expected {expected}"

    return check


# -- YAML nodes and Python values alike ------------------------------------------------------


def mapping(node: Any) -> list[tuple[Any, Any]] | None:
    """The (key, value) pairs of a plain mapping, else None."""
    if written_tag(node) is not None:
        return None
    if isinstance(node, yaml.MappingNode):
        return list(node.value)
    if isinstance(node, Mapping):
        return list(node.items())
    return None


def items(node: Any) -> list[Any] | None:
    """The entries of a plain list, else None."""
    if written_tag(node) is not None:
        return None
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, list | tuple):
        return list(node)
    return None


def text(node: Any) -> str | None:
    """A string, or a number as written (``1`` -> "1", ``3.10`` -> "3.10"); else None."""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value) if node.tag == STR or node.tag in NUMBERS else None
    if isinstance(node, str):
        return node
    if isinstance(node, int) and not isinstance(node, bool):
        return str(node)
    return None


def describe(node: Any) -> str:
    """How a wrong value looks to its author, a YAML node or a Python value alike: 'the
    text 'x'', 'a number (42)', 'a list', 'a mapping of 2 keys', 'empty', 'a Python object
    ('!!python/object:os.system')'."""
    tag = written_tag(node)
    if tag is not None:
        return tagged(tag)
    if isinstance(node, yaml.ScalarNode):
        kind = node.tag.rsplit(":", 1)[-1]
        if kind == "null" or not node.value:
            return "empty"
        if kind == "bool":
            return f"a boolean ({node.value})"
        if node.tag in NUMBERS:
            return f"a number ({excerpt(node.value, quote=False)})"
        if node.tag == TIMESTAMP:
            return f"a date ({excerpt(node.value, quote=False)})"
        return f"the text {excerpt(node.value)}"
    if node is None:
        return "empty"
    if isinstance(node, bool):
        return f"a boolean ({str(node).lower()})"
    if isinstance(node, int | float):
        return f"a number ({excerpt(node, quote=False)})"
    if isinstance(node, str):
        return f"the text {excerpt(node)}"
    if isinstance(node, yaml.SequenceNode | list | tuple):
        return "a list"
    if isinstance(node, yaml.MappingNode | Mapping):
        size = len(node.value) if isinstance(node, yaml.MappingNode) else len(node)
        return "a mapping" if size == 1 else f"a mapping of {size} keys"
    return f"a {type(node).__name__}"


def unknown_key(node: Any) -> str:
    """An unknown key as a message names it: "the unknown key 'colour'", or "a key that
    is a list" for one that is not text."""
    found = text(node)
    if found is None:
        return f"a key that is {describe(node)}"
    return f"the unknown key {excerpt(found)}"


class NodeReader:
    """Reads YAML nodes or Python values alike, each mistake reported at its line (a
    Python value has none: it is reported at *default_line*, its setting's)."""

    def __init__(self, default_line: int | None = None) -> None:
        self.default_line = default_line

    def problem(self, line: int | None, message: str) -> None:
        raise NotImplementedError

    def line(self, node: Any) -> int | None:
        found = node_line(node)
        return self.default_line if found is None else found

    def expect_list(self, node: Any, name: str) -> list[Any] | None:
        """The entries of *node*, or None with "NAME is ...; expected a list" reported."""
        found = items(node)
        if found is None:
            self.problem(self.line(node), f"{name} is {describe(node)}; expected a list")
        return found


# -- the files the settings name -------------------------------------------------------------


@dc.dataclass(frozen=True)
class Refusal:
    """Why a named file was not (wholly) read: a clause to follow its subject, at a *line*
    of the file when *in_file*, else at the setting that names it ("names 'x.yml', which
    ...")."""

    clause: str
    line: int | None = None
    in_file: bool = False


@dc.dataclass(frozen=True)
class YamlFile:
    """A file read: its YAML root (None when not read or empty), its path once opened,
    and why it was not read."""

    root: Any = None
    path: str | None = None
    refusal: Refusal | None = None


def read_yaml(given: str, base: Path, roots: Iterable[Path], *, shape: str) -> YamlFile:
    """The YAML file *given* names, relative to *base*, read only inside *roots*
    (:func:`~sphinx_phases.core.inputs.read_file`: confined, a regular file, bounded).

    A refusal quotes the path, never what the file holds: the build log is often public.
    *shape* is what the file should hold ("a mapping with a 'sequence' list").
    """
    where = f"names {named(given)}, which"
    unusable = path_problem(given)
    if unusable is not None:
        return YamlFile(refusal=Refusal(f"{where} {unusable}"))
    path = base / given
    try:
        data = read_file(path, roots)
        text_read = data.decode("utf-8-sig")
    except FileRefused as refused:
        if refused.kind == "outside":
            clause = outside_project("a YAML file")
        elif refused.kind == "folder":
            clause = not_a_file("a YAML file")
        else:
            clause = f"is not read: {refused.reason}"
        return YamlFile(refusal=Refusal(f"{where} {clause}"))
    except (FileNotFoundError, NotADirectoryError):
        return YamlFile(refusal=Refusal(f"{where} {not_a_file('a YAML file')}"))
    except UnicodeDecodeError:
        return YamlFile(refusal=Refusal(f"{where} is not UTF-8 text; expected a UTF-8 YAML file"))
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        clause = f"cannot be read ({reason}); expected a readable file"
        return YamlFile(refusal=Refusal(f"{where} {clause}"))
    found = str(path.resolve())

    def in_file(clause: str, line: int = 1) -> YamlFile:
        return YamlFile(None, found, Refusal(clause, line, in_file=True))

    try:
        root = compose_yaml(text_read)
    except YamlRefused as refusal:
        return in_file(f"is not read: {refusal.reason}", refusal.line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = excerpt(exc.problem or "", limit=80, quote=False)
        return in_file(
            f"does not parse as YAML ({problem}); expected {shape}", mark.line + 1 if mark else 1
        )
    except RecursionError:
        return in_file(f"nests too deeply to read; expected {shape}")
    except yaml.YAMLError:
        return in_file(f"does not parse as YAML; expected {shape}")
    if root is None:
        return in_file(f"is empty; expected {shape}")
    return YamlFile(root, found)

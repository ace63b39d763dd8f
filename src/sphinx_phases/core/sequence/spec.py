"""Read ``phases_sequence`` and ``phases_loops``, from conf.py or a YAML file (no Sphinx).

Every item keeps the line it came from, so that a problem found later (an unknown id,
a phase listed twice) is reported where the author can fix it.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from sphinx_phases.core.inputs import YamlRefused, compose_yaml, excerpt, read_text
from sphinx_phases.core.model import ID_PATTERN, suggest_id
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.yaml_nodes import STR, TIMESTAMP, tagged
from sphinx_phases.core.yaml_nodes import line as node_line
from sphinx_phases.core.yaml_nodes import tag as written_tag

ID_EXPECTED = "lower-case letters, digits and '-'"
STAGE_KEYS = ("id", "title", "phases")
STAGE_SHAPE = "a mapping like {id: formulation, title: Formulation, phases: [phase-a, phase-b]}"


def _perhaps(text: str) -> str:
    """`` (perhaps 'public-beta')`` for *text* 'Public Beta', or nothing."""
    hint = suggest_id(text) if text.isascii() else ""
    return f" (perhaps {excerpt(hint)})" if hint and hint != text else ""


def _tag(node: Any) -> str | None:
    """The tag written on a YAML *node* that plain YAML does not give, as written, as
    :func:`yaml_nodes.tag <sphinx_phases.core.yaml_nodes.tag>` finds it; here a list or mapping
    tagged ``!!timestamp`` is read as plain too."""
    if isinstance(node, yaml.Node) and node.tag == TIMESTAMP:
        return None
    return written_tag(node)


@dc.dataclass(frozen=True)
class SpecItem:
    """One phase id in the configured sequence, under *parent* when nested."""

    id: str
    parent: str | None
    line: int | None


@dc.dataclass(frozen=True)
class LoopItem:
    """A declared back-edge: *source* may go back to *target*."""

    source: str
    target: str
    line: int | None


@dc.dataclass(frozen=True)
class StageItem:
    """A configured stage: a titled group of consecutive top-level phases."""

    id: str
    title: str
    phases: tuple[str, ...]
    line: int | None
    path: str | None = None  # the file its line refers to


@dc.dataclass(frozen=True)
class SequenceSpec:
    """The configured order: items depth-first, with the file their lines refer to."""

    path: str
    items: tuple[SpecItem, ...] = ()
    loops: tuple[LoopItem, ...] = ()
    stages: tuple[StageItem, ...] = ()


class _Reader:
    """Walks plain Python values or YAML nodes alike, collecting located problems."""

    def __init__(self, path: str, default_line: int | None) -> None:
        self.path = path
        self.default_line = default_line
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(PhaseWarning.CONFIG, message, line, path=self.path))

    # Values arrive either as (value, line) pairs from YAML or as plain Python objects.
    def line_of(self, node: Any) -> int | None:
        found = node_line(node)
        return self.default_line if found is None else found

    def items(self, node: Any, name: str) -> list[SpecItem]:
        """Flatten a sequence list depth-first; iterative so deep nesting cannot overflow."""
        result: list[SpecItem] = []
        # Stack of (iterator over entries, parent id) pairs.
        stack: list[tuple[Iterable[Any], str | None]] = []
        entries = self._as_list(node, name)
        if entries is None:
            return result
        stack.append((iter(entries), None))
        while stack:
            iterator, parent = stack[-1]
            entry = next(iter(iterator), _END)
            if entry is _END:
                stack.pop()
                continue
            line = self.line_of(entry)
            text = self._scalar(entry)
            if text is not None:
                if self._check_id(text, line, name):
                    result.append(SpecItem(text, parent, line))
                continue
            mapping = self._mapping(entry)
            if mapping is None or len(mapping) != 1:
                self.problem(
                    line,
                    f"{name}: an item is {self._describe(entry)}; expected a phase id or "
                    "a mapping of one parent id to a list of sub-phase ids",
                )
                continue
            ((key, children),) = mapping
            key_text = self._scalar(key)
            if key_text is None or not self._check_id(key_text, self.line_of(key), name):
                if key_text is None:
                    self.problem(
                        self.line_of(key),
                        f"{name}: a parent is {self._describe(key)}; expected a phase id",
                    )
                continue
            result.append(SpecItem(key_text, parent, self.line_of(key)))
            sub = self._as_list(children, f"{name}: the sub-phases of {key_text!r}")
            if sub is not None:
                stack.append((iter(sub), key_text))
        return result

    def loops(self, node: Any, name: str) -> list[LoopItem]:
        entries = self._as_list(node, name)
        result: list[LoopItem] = []
        for entry in entries or ():
            line = self.line_of(entry)
            pair = self._loop_pair(entry)
            if pair is None:
                self.problem(
                    line,
                    f"{name}: an item is {self._describe(entry)}"
                    f"{self._missing_keys(entry)}; expected a mapping like "
                    "{from: live, to: discovery}",
                )
                continue
            source, target = pair
            if self._check_id(source, line, name) and self._check_id(target, line, name):
                result.append(LoopItem(source, target, line))
        return result

    def stages(self, node: Any, name: str) -> list[StageItem]:
        """``[{id, title, phases: [...]}]``; a stage with a bad or unknown key is left out
        (docs/reference/stages.md), each mistake reported at its line."""
        result: list[StageItem] = []
        for entry in self._as_list(node, name) or ():
            stage = self._stage(entry, name)
            if stage is not None:
                result.append(stage)
        return result

    def _stage(self, entry: Any, name: str) -> StageItem | None:
        line = self.line_of(entry)
        mapping = self._mapping(entry)
        if mapping is None:
            self.problem(
                line, f"{name}: a stage is {self._describe(entry)}; expected {STAGE_SHAPE}"
            )
            return None
        fields: dict[str, Any] = {}
        usable = True
        for key, value in mapping:
            key_text = self._scalar(key)
            if key_text in STAGE_KEYS:
                fields[key_text] = value
                continue
            found = (
                f"the unknown key {excerpt(key_text)}"
                if key_text is not None
                else f"a key that is {self._describe(key)}"
            )
            self.problem(
                self.line_of(key),
                f"{name}: {self._stage_name(mapping)} has {found}; expected 'id', "
                "'title' and 'phases'",
            )
            usable = False
        which = self._stage_name(mapping)
        stage_id = self._scalar(fields["id"]) if "id" in fields else None
        if "id" not in fields:
            self.problem(line, f"{name}: {which} has no 'id'; expected {STAGE_SHAPE}")
            usable = False
        elif stage_id is None:
            self.problem(
                self.line_of(fields["id"]),
                f"{name}: a stage has an 'id' that is {self._describe(fields['id'])}; "
                f"expected {ID_EXPECTED}, like 'explore'",
            )
            usable = False
        elif not ID_PATTERN.fullmatch(stage_id):
            self.problem(
                self.line_of(fields["id"]),
                f"{name}: the stage id {excerpt(stage_id)} is not valid; expected "
                f"{ID_EXPECTED}{_perhaps(stage_id)}",
            )
            usable = False
        title = self._scalar(fields["title"]) if "title" in fields else None
        if "title" in fields and (title is None or not title.strip()):
            # The stage is still read, under the title its id gives.
            self.problem(
                self.line_of(fields["title"]),
                f"{name}: {which} has a 'title' that is {self._describe(fields['title'])}; "
                "expected text",
            )
        if "phases" not in fields:
            self.problem(
                line,
                f"{name}: {which} has no 'phases'; expected a list of the phase ids it groups",
            )
            return None
        members = self._as_list(fields["phases"], f"{name}: the phases of {which}")
        if members is None:
            return None
        phases = [self._scalar(m) for m in members]
        for member, phase in zip(members, phases, strict=True):
            if phase is None:
                self.problem(
                    self.line_of(member),
                    f"{name}: {which} names {self._describe(member)} among its phases; "
                    "expected a phase id",
                )
                usable = False
            elif not self._check_id(phase, self.line_of(member), name):
                usable = False
        if not usable or stage_id is None:
            return None
        default = stage_id.replace("-", " ").capitalize()
        return StageItem(
            stage_id,
            title if title and title.strip() else default,
            tuple(p for p in phases if p),
            line,
            self.path,
        )

    def _stage_name(self, mapping: list[tuple[Any, Any]]) -> str:
        """How a message names a stage: by its id when it has a valid one, else "a stage"."""
        ids = [v for k, v in mapping if self._scalar(k) == "id"]
        stage_id = self._scalar(ids[0]) if ids else None
        if stage_id is not None and ID_PATTERN.fullmatch(stage_id):
            return f"stage '{stage_id}'"
        return "a stage"

    def _missing_keys(self, entry: Any) -> str:
        """', without 'to'" for a loop mapping that lacks a key, else nothing."""
        mapping = self._mapping(entry)
        if mapping is None:
            return ""
        keys = {self._scalar(k) for k, _ in mapping}
        missing = [f"'{key}'" for key in ("from", "to") if key not in keys]
        return f", without {' or '.join(missing)}" if missing else ""

    def _loop_pair(self, entry: Any) -> tuple[str, str] | None:
        mapping = self._mapping(entry)
        if mapping is not None:
            values = {self._scalar(k): self._scalar(v) for k, v in mapping}
            if set(values) == {"from", "to"} and None not in values.values():
                return values["from"], values["to"]  # type: ignore[return-value]
            return None
        if isinstance(entry, list | tuple) and len(entry) == 2:
            source, target = (self._scalar(e) for e in entry)
            if source is not None and target is not None:
                return source, target
        return None

    def _check_id(self, text: str, line: int | None, name: str) -> bool:
        if ID_PATTERN.fullmatch(text):
            return True
        self.problem(
            line,
            f"{name}: {excerpt(text)} is not a phase id; "
            "expected lower-case letters, digits and '-'",
        )
        return False

    def _as_list(self, node: Any, name: str) -> list[Any] | None:
        if isinstance(node, yaml.SequenceNode) and _tag(node) is None:
            return list(node.value)
        if isinstance(node, list | tuple):
            return list(node)
        self.problem(self.line_of(node), f"{name} is {self._describe(node)}; expected a list")
        return None

    @staticmethod
    def _scalar(node: Any) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            return str(node.value)
        if isinstance(node, str):
            return node
        return None

    @staticmethod
    def _mapping(node: Any) -> list[tuple[Any, Any]] | None:
        if isinstance(node, yaml.MappingNode) and _tag(node) is None:
            return list(node.value)
        if isinstance(node, dict):
            return list(node.items())
        return None

    @staticmethod
    def _describe(node: Any) -> str:
        tag = _tag(node)
        if tag is not None:
            return tagged(tag)
        if isinstance(node, yaml.ScalarNode):
            return f"the value {excerpt(node.value)}" if node.value else "empty"
        if isinstance(node, yaml.SequenceNode | list | tuple):
            return "a list"
        if isinstance(node, yaml.MappingNode | dict):
            size = len(node.value) if isinstance(node, yaml.MappingNode) else len(node)
            return "a mapping" if size == 1 else f"a mapping of {size} keys"
        if node is None:
            return "empty"
        return f"{type(node).__name__} {excerpt(node)}"


_END = object()


def from_config(
    sequence: Any,
    loops: Any,
    *,
    conf_path: str,
    sequence_line: int | None,
    loops_line: int | None,
) -> tuple[SequenceSpec | None, list[Problem]]:
    """Build the spec from conf.py values (``phases_sequence`` as a list, ``phases_loops``)."""
    reader = _Reader(conf_path, sequence_line)
    items = reader.items(sequence, "phases_sequence") if sequence is not None else []
    reader.default_line = loops_line
    loop_items = reader.loops(loops, "phases_loops") if loops else []
    if sequence is None and not loop_items:
        return None, reader.problems
    return SequenceSpec(conf_path, tuple(items), tuple(loop_items)), reader.problems


def from_yaml(
    path: Path, extra_loops: tuple[LoopItem, ...] = ()
) -> tuple[SequenceSpec | None, list[Problem]]:
    """Read a sequence file: ``sequence: [...]`` and optional ``loops: [...]``."""
    reader = _Reader(str(path), None)
    try:
        text = read_text(path)
        root = compose_yaml(text)
    except YamlRefused as refused:
        reader.problem(
            refused.line,
            f"phases_sequence: the file is not read: {refused.reason}; the default "
            "sequence is used",
        )
        return None, reader.problems
    except (OSError, UnicodeDecodeError) as exc:
        reader.problem(
            None,
            f"phases_sequence: cannot read the file ({exc.__class__.__name__}: "
            f"{exc}); expected a readable UTF-8 YAML file",
        )
        return None, reader.problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reader.problem(
            line,
            f"phases_sequence: the YAML does not parse ({exc.problem}); "
            "expected a mapping with a 'sequence' list",
        )
        return None, reader.problems
    except RecursionError:
        reader.problem(
            1,
            "phases_sequence: the YAML nests too deeply to read; expected a "
            "mapping with a 'sequence' list, nested a few levels at most",
        )
        return None, reader.problems
    except yaml.YAMLError as exc:
        reader.problem(
            1,
            f"phases_sequence: the YAML does not parse ({exc}); expected a "
            "mapping with a 'sequence' list",
        )
        return None, reader.problems
    if root is None:
        reader.problem(
            1, "phases_sequence: the file is empty; expected a mapping with a 'sequence' list"
        )
        return None, reader.problems
    mapping = reader._mapping(root)
    if mapping is None:
        reader.problem(
            reader.line_of(root),
            f"phases_sequence: the file holds {reader._describe(root)}; expected a mapping "
            "with a 'sequence' list",
        )
        return None, reader.problems
    items: list[SpecItem] = []
    loops: list[LoopItem] = list(extra_loops)
    stages: list[StageItem] = []
    seen_sequence = False
    for key, value in mapping:
        name = reader._scalar(key)
        if name == "sequence":
            seen_sequence = True
            items = reader.items(value, "sequence")
        elif name == "loops":
            loops.extend(reader.loops(value, "loops"))
        elif name == "stages":
            stages.extend(reader.stages(value, "stages"))
        else:
            found = (
                f"unknown key {excerpt(name)}"
                if name is not None
                else f"a key that is {reader._describe(key)}"
            )
            reader.problem(
                reader.line_of(key),
                f"{found}; expected 'sequence' and optionally 'loops' and 'stages'",
            )
    if not seen_sequence:
        reader.problem(1, "no 'sequence' key; expected a mapping with a 'sequence' list")
    return SequenceSpec(str(path), tuple(items), tuple(loops), tuple(stages)), reader.problems


def stages_from_config(
    value: Any, *, conf_path: str, line: int | None
) -> tuple[list[StageItem], list[Problem]]:
    """``phases_stages`` from conf.py, its items located at the setting's line."""
    reader = _Reader(conf_path, line)
    return reader.stages(value, "phases_stages"), reader.problems

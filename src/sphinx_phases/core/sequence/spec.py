"""Read ``phases_sequence`` and ``phases_loops``, from conf.py or a YAML file (no Sphinx).

Every item keeps the line it came from, so that a problem found later (an unknown id,
a phase listed twice) is reported where the author can fix it.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sphinx_phases.core.messages import ID_PATTERN, excerpt, expected_id
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.values import (
    NodeReader,
    describe,
    mapping,
    matches_id,
    read_yaml,
    text,
    unknown_key,
)

SETTING = "phases_sequence"
FILE_SHAPE = "a mapping with a 'sequence' list"
STAGE_KEYS = ("id", "title", "phases")
STAGE_SHAPE = "a mapping like {id: formulation, title: Formulation, phases: [phase-a, phase-b]}"


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


class _Reader(NodeReader):
    """Walks plain Python values or YAML nodes alike (:mod:`sphinx_phases.core.values`),
    collecting located problems."""

    def __init__(self, path: str, default_line: int | None) -> None:
        super().__init__(default_line)
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(PhaseWarning.CONFIG, message, line, path=self.path))

    def check_id(self, found: str, line: int | None, name: str) -> bool:
        """Whether *found* is a phase id; if not, "NAME: 'Bad' is not valid: expected ..."."""
        error = matches_id(found)
        if error is not None:
            self.problem(line, f"{name}: {excerpt(found)} is not valid: {error}")
        return error is None

    def items(self, node: Any, name: str) -> list[SpecItem]:
        """Flatten a sequence list depth-first; iterative so deep nesting cannot overflow."""
        result: list[SpecItem] = []
        # Stack of (iterator over entries, parent id) pairs.
        stack: list[tuple[Iterable[Any], str | None]] = []
        entries = self.expect_list(node, name)
        if entries is None:
            return result
        stack.append((iter(entries), None))
        while stack:
            iterator, parent = stack[-1]
            entry = next(iter(iterator), _END)
            if entry is _END:
                stack.pop()
                continue
            line = self.line(entry)
            found = text(entry)
            if found is not None:
                if self.check_id(found, line, name):
                    result.append(SpecItem(found, parent, line))
                continue
            pairs = mapping(entry)
            if pairs is None or len(pairs) != 1:
                self.problem(
                    line,
                    f"{name}: an item is {describe(entry)}; expected a phase id or "
                    "a mapping of one parent id to a list of sub-phase ids",
                )
                continue
            ((key, children),) = pairs
            key_text = text(key)
            if key_text is None or not self.check_id(key_text, self.line(key), name):
                if key_text is None:
                    self.problem(
                        self.line(key),
                        f"{name}: a parent is {describe(key)}; expected a phase id",
                    )
                continue
            result.append(SpecItem(key_text, parent, self.line(key)))
            sub = self.expect_list(children, f"{name}: the sub-phases of {key_text!r}")
            if sub is not None:
                stack.append((iter(sub), key_text))
        return result

    def loops(self, node: Any, name: str) -> list[LoopItem]:
        entries = self.expect_list(node, name)
        result: list[LoopItem] = []
        for entry in entries or ():
            line = self.line(entry)
            pair = self._loop_pair(entry)
            if pair is None:
                self.problem(
                    line,
                    f"{name}: an item is {describe(entry)}"
                    f"{self._missing_keys(entry)}; expected a mapping like "
                    "{from: live, to: discovery}",
                )
                continue
            source, target = pair
            if self.check_id(source, line, name) and self.check_id(target, line, name):
                result.append(LoopItem(source, target, line))
        return result

    def stages(self, node: Any, name: str) -> list[StageItem]:
        """``[{id, title, phases: [...]}]``; a stage with a bad or unknown key is left out
        (docs/reference/stages.md), each mistake reported at its line."""
        result: list[StageItem] = []
        for entry in self.expect_list(node, name) or ():
            stage = self._stage(entry, name)
            if stage is not None:
                result.append(stage)
        return result

    def _stage(self, entry: Any, name: str) -> StageItem | None:
        line = self.line(entry)
        pairs = mapping(entry)
        if pairs is None:
            self.problem(line, f"{name}: a stage is {describe(entry)}; expected {STAGE_SHAPE}")
            return None
        fields: dict[str, Any] = {}
        usable = True
        which = self._stage_name(pairs)
        for key, value in pairs:
            key_text = text(key)
            if key_text in STAGE_KEYS:
                fields[key_text] = value
                continue
            self.problem(
                self.line(key),
                f"{name}: {which} has {unknown_key(key)}; expected 'id', 'title' and 'phases'",
            )
            usable = False
        stage_id = text(fields["id"]) if "id" in fields else None
        if "id" not in fields:
            self.problem(line, f"{name}: {which} has no 'id'; expected {STAGE_SHAPE}")
            usable = False
        elif stage_id is None:
            self.problem(
                self.line(fields["id"]),
                f"{name}: a stage has an 'id' that is {describe(fields['id'])}; "
                f"{expected_id(None)}, like 'explore'",
            )
            usable = False
        elif not ID_PATTERN.fullmatch(stage_id):
            self.problem(
                self.line(fields["id"]),
                f"{name}: the stage id {excerpt(stage_id)} is not valid: {expected_id(stage_id)}",
            )
            usable = False
        title = text(fields["title"]) if "title" in fields else None
        if "title" in fields and (title is None or not title.strip()):
            # The stage is still read, under the title its id gives.
            self.problem(
                self.line(fields["title"]),
                f"{name}: {which} has a 'title' that is {describe(fields['title'])}; "
                "expected text",
            )
        if "phases" not in fields:
            self.problem(
                line,
                f"{name}: {which} has no 'phases'; expected a list of the phase ids it groups",
            )
            return None
        members = self.expect_list(fields["phases"], f"{name}: the phases of {which}")
        if members is None:
            return None
        phases = [text(m) for m in members]
        for member, phase in zip(members, phases, strict=True):
            if phase is None:
                self.problem(
                    self.line(member),
                    f"{name}: {which} names {describe(member)} among its phases; "
                    "expected a phase id",
                )
                usable = False
            elif not self.check_id(phase, self.line(member), name):
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

    def _stage_name(self, pairs: list[tuple[Any, Any]]) -> str:
        """How a message names a stage: by its id when it has a valid one, else "a stage"."""
        ids = [v for k, v in pairs if text(k) == "id"]
        stage_id = text(ids[0]) if ids else None
        if stage_id is not None and ID_PATTERN.fullmatch(stage_id):
            return f"stage '{stage_id}'"
        return "a stage"

    def _missing_keys(self, entry: Any) -> str:
        """', without 'to'" for a loop mapping that lacks a key, else nothing."""
        pairs = mapping(entry)
        if pairs is None:
            return ""
        keys = {text(k) for k, _ in pairs}
        missing = [f"'{key}'" for key in ("from", "to") if key not in keys]
        return f", without {' or '.join(missing)}" if missing else ""

    def _loop_pair(self, entry: Any) -> tuple[str, str] | None:
        pairs = mapping(entry)
        if pairs is not None:
            values = {text(k): text(v) for k, v in pairs}
            if set(values) == {"from", "to"} and None not in values.values():
                return values["from"], values["to"]  # type: ignore[return-value]
            return None
        if isinstance(entry, list | tuple) and len(entry) == 2:
            source, target = (text(e) for e in entry)
            if source is not None and target is not None:
                return source, target
        return None


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


def from_file(
    given: str,
    extra_loops: tuple[LoopItem, ...] = (),
    *,
    confdir: Path,
    roots: Sequence[Path],
    conf_path: str | None = None,
) -> tuple[SequenceSpec | None, list[Problem]]:
    """Read the sequence file ``phases_sequence`` names (*given*, relative to *confdir*,
    read only inside *roots*): ``sequence: [...]``, optional ``loops`` and ``stages``.

    A file that is not read is reported at the setting (conf.py, *conf_path*) or at its
    line, and the default sequence is used (docs/reference/configuration.md).
    """
    read = read_yaml(given, confdir, roots, shape=FILE_SHAPE)
    reader = _Reader(read.path or conf_path or given, None)
    if read.refusal is not None:
        refusal = read.refusal
        if refusal.in_file:
            subject = f"{SETTING}: the file {refusal.clause}"
            reader.problem(refusal.line, f"{subject}; the default sequence is used")
        else:
            message = f"{SETTING} {refusal.clause}; the default sequence is used"
            reader.problems.append(
                Problem(PhaseWarning.CONFIG, message, path=conf_path, setting=SETTING)
            )
        return None, reader.problems
    root = read.root
    pairs = mapping(root)
    if pairs is None:
        reader.problem(
            reader.line(root),
            f"{SETTING}: the file holds {describe(root)}; expected {FILE_SHAPE}",
        )
        return None, reader.problems
    items: list[SpecItem] = []
    loops: list[LoopItem] = list(extra_loops)
    stages: list[StageItem] = []
    seen_sequence = False
    for key, value in pairs:
        name = text(key)
        if name == "sequence":
            seen_sequence = True
            items = reader.items(value, "sequence")
        elif name == "loops":
            loops.extend(reader.loops(value, "loops"))
        elif name == "stages":
            stages.extend(reader.stages(value, "stages"))
        else:
            reader.problem(
                reader.line(key),
                f"{SETTING}: the file has {unknown_key(key)}; expected 'sequence' and "
                "optionally 'loops' and 'stages'",
            )
    if not seen_sequence:
        reader.problem(1, f"no 'sequence' key; expected {FILE_SHAPE}")
    return SequenceSpec(reader.path, tuple(items), tuple(loops), tuple(stages)), reader.problems


def from_yaml(
    path: Path, extra_loops: tuple[LoopItem, ...] = ()
) -> tuple[SequenceSpec | None, list[Problem]]:
    """Read the sequence file at *path*, confined to its own folder (:func:`from_file`)."""
    return from_file(path.name, extra_loops, confdir=path.parent, roots=(path.parent,))


def stages_from_config(
    value: Any, *, conf_path: str, line: int | None
) -> tuple[list[StageItem], list[Problem]]:
    """``phases_stages`` from conf.py, its items located at the setting's line."""
    reader = _Reader(conf_path, line)
    return reader.stages(value, "phases_stages"), reader.problems

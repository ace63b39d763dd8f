"""A life cycle's own words: the profile a manual names in ``phases_profile`` (no Sphinx).

A profile is one YAML file, built in (``gov-uk``, the default, ``stage-gate``, ``prince2``,
``nasa``) or in the project, read through the same confined, bounded reader as every other
file. It gives labels per language, the decisions a gate can take (each with what it
``means`` for the flow), the kinds of criteria a gate lists, default questions, and the
life cycle's default phases, stages and gates (docs/reference/profiles.md). What a project
profile leaves out comes from ``gov-uk``.
"""

from __future__ import annotations

import dataclasses as dc
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from sphinx_phases.core.inputs import (
    PATH_CHARS,
    FileRefused,
    YamlRefused,
    compose_yaml,
    confine,
    excerpt,
    path_problem,
    read_file,
)
from sphinx_phases.core.labels import message_ids
from sphinx_phases.core.messages import did_you_mean, outside_project
from sphinx_phases.core.problems import PhaseWarning, Problem

PROFILE_DIR = Path(__file__).with_name("profiles")
BUILTIN = ("gov-uk", "stage-gate", "prince2", "nasa")
DEFAULT = "gov-uk"
#: What a decision does to the flow, which also decides how an outcome is marked.
MEANS = ("pending", "proceed", "proceed-with-conditions", "wait", "return", "stop")


@dc.dataclass(frozen=True)
class Decision:
    id: str
    label: str
    means: str


@dc.dataclass(frozen=True)
class CriteriaKind:
    id: str
    label: str


@dc.dataclass(frozen=True)
class Profile:
    name: str
    title: str
    labels: Mapping[str, Mapping[str, str]]  # language -> message id -> text
    decisions: tuple[Decision, ...]
    criteria: tuple[CriteriaKind, ...]
    questions: Mapping[str, str]
    phases: tuple[tuple[str, str], ...]  # (id, title), in order
    stages: tuple[tuple[str, str, tuple[str, ...]], ...]  # (id, title, phase ids)
    gates: tuple[tuple[str, str, str, str], ...]  # (id, title, after, before)

    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)

    def labels_for(self, language: str | None) -> Mapping[str, str]:
        """The profile's labels in *language* (English when none is set)."""
        wanted = (language or "en").replace("-", "_")
        return self.labels.get(wanted) or self.labels.get(wanted.split("_")[0]) or {}


def load_profile(value: str, confdir: Path, srcdir: Path) -> tuple[Profile, list[Problem]]:
    """The profile *value* names: a built-in name or a YAML file of the project; the default
    profile, with the problems, when it cannot be read."""
    default = builtin(DEFAULT)
    if value in BUILTIN:
        return builtin(value), []
    named = excerpt(value, limit=PATH_CHARS)
    if not value.endswith((".yml", ".yaml")):
        message = (
            f"phases_profile names {named}, which is not a built-in profile; expected one "
            f"of {', '.join(BUILTIN)}, or the path of a YAML file in the project; the "
            f"{DEFAULT} profile is used"
        )
        return default, [Problem(PhaseWarning.CONFIG, message, setting="phases_profile")]
    unusable = path_problem(value)
    if unusable is not None:
        message = f"phases_profile names {named}, which {unusable}; the {DEFAULT} profile is used"
        return default, [Problem(PhaseWarning.CONFIG, message, setting="phases_profile")]
    path = Path(confdir, value)
    if confine(path, (confdir, srcdir)) is None:
        # Name the path, never what it holds: the build log is often public.
        message = (
            f"phases_profile names {named}, which {outside_project('a YAML file')}; the "
            f"{DEFAULT} profile is used"
        )
        return default, [Problem(PhaseWarning.CONFIG, message, setting="phases_profile")]
    fallback = f"the {DEFAULT} profile is used"
    try:
        text = read_file(path, (confdir, srcdir)).decode("utf-8-sig")
        node = compose_yaml(text)
    except FileRefused as refused:  # not a regular file, too big: told at the setting
        message = f"phases_profile names {named}: {refused.reason}; {fallback}"
        return default, [Problem(PhaseWarning.CONFIG, message, setting="phases_profile")]
    except YamlRefused as refused:  # an alias, too many values: told where it stands
        message = f"phases_profile: the file is not read: {refused.reason}; {fallback}"
        return default, [Problem(PhaseWarning.CONFIG, message, refused.line, path=str(path))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = excerpt(exc.problem or exc.context or "", limit=80, quote=False)
        message = (
            f"phases_profile: the file does not parse as YAML ({problem}); expected a mapping "
            f"of a profile's parts (title, labels, decisions, criteria...); {fallback}"
        )
        line = mark.line + 1 if mark else 1
        return default, [Problem(PhaseWarning.CONFIG, message, line, path=str(path))]
    except RecursionError:
        message = f"phases_profile: the file nests too deeply to read; {fallback}"
        return default, [Problem(PhaseWarning.CONFIG, message, 1, path=str(path))]
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        message = (
            f"phases_profile names {named}, which cannot be read ({excerpt(reason)}); expected "
            f"a UTF-8 YAML file; the {DEFAULT} profile is used"
        )
        return default, [Problem(PhaseWarning.CONFIG, message, setting="phases_profile")]
    reader = _Reader(str(path))
    profile = reader.profile(Path(value).stem, node, default)
    return profile, reader.problems


@functools.cache
def builtin(name: str) -> Profile:
    """A profile shipped with the package (trusted: read without checks beyond parsing)."""
    reader = _Reader(name)
    node = yaml.compose((PROFILE_DIR / f"{name}.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    profile = reader.profile(name, node, None)
    assert not reader.problems, reader.problems  # the package's own files are tested
    return profile


class _Reader:
    """Reads a profile's YAML nodes; every wrong value is one located problem, and left
    out (the default profile's value stands)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def profile(self, name: str, node: yaml.Node | None, default: Profile | None) -> Profile:
        fields = self._mapping(node, "the profile") if node is not None else {}
        known = (
            "title",
            "labels",
            "decisions",
            "criteria",
            "questions",
            "phases",
            "stages",
            "gates",
        )
        for key, (key_node, _value) in fields.items():
            if key not in known:
                self._problem(
                    key_node, f"unknown key {excerpt(key)}; expected one of {', '.join(known)}"
                )

        def get(key: str) -> yaml.Node | None:
            return fields[key][1] if key in fields else None

        title = self._text(get("title"), "title") or (default.title if default else name)
        labels = self._labels(get("labels"))
        decisions = self._decisions(get("decisions"))
        criteria = self._kinds(get("criteria"))
        questions = self._string_map(get("questions"), "questions")
        base = default
        return Profile(
            name=name,
            title=title,
            labels=labels if labels is not None else (base.labels if base else {}),
            decisions=decisions or (base.decisions if base else ()),
            criteria=criteria or (base.criteria if base else ()),
            questions=questions if questions is not None else (base.questions if base else {}),
            phases=self._pairs(get("phases"), "phases") or (base.phases if base else ()),
            stages=self._stages(get("stages")) or (base.stages if base else ()),
            gates=self._gates(get("gates")) or (base.gates if base else ()),
        )

    # -- values -------------------------------------------------------------------------

    def _problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None and node.start_mark else None
        self.problems.append(
            Problem(PhaseWarning.CONFIG, f"profile: {message}", line, path=self.path)
        )

    def _mapping(
        self, node: yaml.Node | None, what: str
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self._problem(node, f"{what} is {_shape(node)}; expected a mapping")
            return {}
        found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                found[str(key.value)] = (key, value)
            else:
                self._problem(key, f"a key in {what} is {_shape(key)}; expected text")
        return found

    def _items(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self._problem(node, f"{what} is {_shape(node)}; expected a list")
            return []
        return list(node.value)

    def _text(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
            return str(node.value).strip()
        self._problem(node, f"{what} is {_shape(node)}; expected text")
        return None

    def _string_map(self, node: yaml.Node | None, what: str) -> dict[str, str] | None:
        if node is None:
            return None
        found = {}
        for key, (_key_node, value) in self._mapping(node, what).items():
            text = self._text(value, f"{what} {excerpt(key)}")
            if text is not None:
                found[key] = text
        return found

    def _labels(self, node: yaml.Node | None) -> dict[str, dict[str, str]] | None:
        """The labels by language; a message id the extension does not have is one
        problem at its line, and left out."""
        if node is None:
            return None
        known = frozenset(message_ids())
        found: dict[str, dict[str, str]] = {}
        for language, (_key, value) in self._mapping(node, "labels").items():
            what = f"labels {excerpt(language)}"
            texts = found.setdefault(language.replace("-", "_"), {})
            for message, (key_node, text_node) in self._mapping(value, what).items():
                if message not in known:
                    self._problem(
                        key_node,
                        f"{what} renames {excerpt(message)}, which is not a message of the "
                        "extension; expected a message id as `sphinx-phases labels` lists it"
                        + did_you_mean(message, known),
                    )
                    continue
                text = self._text(text_node, f"{what} {excerpt(message)}")
                if text is not None:
                    texts[message] = text
        return found

    def _record(
        self, node: yaml.Node, what: str, keys: Iterable[str]
    ) -> dict[str, yaml.Node] | None:
        fields = self._mapping(node, what)
        missing = [key for key in keys if key not in fields]
        if missing:
            self._problem(
                node, f"{what} has no {' or '.join(missing)}; expected {', '.join(keys)}"
            )
            return None
        return {key: value for key, (_k, value) in fields.items()}

    def _decisions(self, node: yaml.Node | None) -> tuple[Decision, ...]:
        found: list[Decision] = []
        for item in self._items(node, "decisions"):
            fields = self._record(item, "a decision", ("id", "label", "means"))
            if fields is None:
                continue
            ident, text = (
                self._text(fields["id"], "a decision's id"),
                self._text(fields["label"], "a decision's label"),
            )
            means = self._text(fields["means"], "a decision's means")
            if means is not None and means not in MEANS:
                self._problem(
                    fields["means"],
                    f"decision {excerpt(ident)} means {excerpt(means)}; expected one of "
                    + ", ".join(MEANS),
                )
                continue
            if ident and text and means and self._first(ident, found, fields["id"], "decision"):
                found.append(Decision(ident, text, means))
        return tuple(found)

    def _first(self, ident: str, found: Iterable[Any], node: yaml.Node, what: str) -> bool:
        """Whether *ident* is new among *found* (a gate's outcome names one); else one
        problem, and the later entry is left out."""
        if all(earlier.id != ident for earlier in found):
            return True
        self._problem(node, f"{what} {excerpt(ident)} is listed twice; expected each {what} once")
        return False

    def _kinds(self, node: yaml.Node | None) -> tuple[CriteriaKind, ...]:
        found: list[CriteriaKind] = []
        for item in self._items(node, "criteria"):
            fields = self._record(item, "a kind of criteria", ("id", "label"))
            if fields is not None:
                ident = self._text(fields["id"], "a kind's id")
                text = self._text(fields["label"], "a kind's label")
                if ident and text and self._first(ident, found, fields["id"], "kind"):
                    found.append(CriteriaKind(ident, text))
        return tuple(found)

    def _pairs(self, node: yaml.Node | None, what: str) -> tuple[tuple[str, str], ...]:
        found = []
        for item in self._items(node, what):
            fields = self._record(item, f"an entry of {what}", ("id", "title"))
            if fields is not None:
                ident, title = (
                    self._text(fields["id"], "an id"),
                    self._text(fields["title"], "a title"),
                )
                if ident and title:
                    found.append((ident, title))
        return tuple(found)

    def _stages(self, node: yaml.Node | None) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        found = []
        for item in self._items(node, "stages"):
            fields = self._record(item, "a stage", ("id", "title", "phases"))
            if fields is None:
                continue
            members = [
                self._text(m, "a phase id")
                for m in self._items(fields["phases"], "a stage's phases")
            ]
            ident, title = (
                self._text(fields["id"], "an id"),
                self._text(fields["title"], "a title"),
            )
            if ident and title:
                found.append((ident, title, tuple(m for m in members if m)))
        return tuple(found)

    def _gates(self, node: yaml.Node | None) -> tuple[tuple[str, str, str, str], ...]:
        found: list[tuple[str, str, str, str]] = []
        for item in self._items(node, "gates"):
            fields = self._record(item, "a gate", ("id", "title", "after", "before"))
            if fields is None:
                continue
            ident, title, after, before = (
                self._text(fields[k], f"a gate's {k}") for k in ("id", "title", "after", "before")
            )
            if ident and title and after and before:
                found.append((ident, title, after, before))
        return tuple(found)


def _shape(node: Any) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value {excerpt(getattr(node, 'value', node))}"

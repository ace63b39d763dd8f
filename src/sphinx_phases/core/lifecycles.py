"""Several life cycles in one project: ``phases_lifecycles`` read, which life cycle a page
belongs to, and which life cycle a role's target names (no Sphinx import).

docs/reference/lifecycles.md is the contract. A life cycle is a folder of the project (its
``root``); the longest root holding a page wins. Without ``phases_lifecycles`` the project
is one life cycle, named ``""``, whose root is the whole project, and nothing is qualified.
"""

from __future__ import annotations

import dataclasses as dc
import posixpath
from collections.abc import Callable, Mapping
from typing import Any

from sphinx_phases.core.config import PhasesConfig
from sphinx_phases.core.messages import did_you_mean, excerpt, expected_id
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.values import matches_id

SETTING = "phases_lifecycles"

# What an entry may set: every per-manual setting, under its short name. The pictograms,
# the export and the theme's links are the site's, whatever life cycle a page is in.
PROJECT_WIDE = frozenset({"lifecycles", "pictograms", "pictogram_dirs", "json", "theme_nav"})
PER_LIFECYCLE = tuple(f.name for f in dc.fields(PhasesConfig) if f.name not in PROJECT_WIDE)


@dc.dataclass(frozen=True)
class Lifecycle:
    """One life cycle: its name, its folder and the settings it sets itself."""

    name: str
    root: str  # a folder of the source folder, "a/b" (no slashes around); "" for all
    settings: Mapping[str, Any] = dc.field(default_factory=dict)

    def holds(self, docname: str) -> bool:
        return not self.root or docname.startswith(self.root + "/")


#: The one life cycle of a project without ``phases_lifecycles``.
WHOLE_PROJECT = Lifecycle("", "")


@dc.dataclass(frozen=True)
class Lifecycles:
    """The project's life cycles, longest root first; *configured* when conf.py names them."""

    cycles: tuple[Lifecycle, ...] = (WHOLE_PROJECT,)
    configured: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(sorted(c.name for c in self.cycles))

    def get(self, name: str) -> Lifecycle | None:
        return next((c for c in self.cycles if c.name == name), None)

    def of(self, docname: str) -> str | None:
        """The life cycle *docname* belongs to; None outside every root."""
        return next((c.name for c in self.cycles if c.holds(docname)), None)

    def split(self, target: str) -> tuple[str | None, str]:
        """``"nasa:review"`` -> ``("nasa", "review")`` when ``nasa`` is a life cycle; a
        target naming none -> ``(None, target)``. A standard's point (``kdp:1``) keeps its
        standard's id unless that id is also a life cycle's name."""
        if self.configured and ":" in target:
            name, rest = target.split(":", 1)
            if self.get(name) is not None and rest:
                return name, rest
        return None, target


def read_lifecycles(value: Any) -> tuple[Lifecycles, list[Problem]]:
    """``phases_lifecycles`` read: each entry checked on its own, so a mistake in one
    leaves the others whole; every problem a ``config`` warning at conf.py's line."""
    if not value:
        return Lifecycles(), []
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(Problem(PhaseWarning.CONFIG, message, setting=SETTING))

    cycles: list[Lifecycle] = []
    roots: dict[str, str] = {}
    for name, entry in value.items():
        if not isinstance(name, str) or matches_id(name) is not None:
            problem(
                f"{SETTING}: the life cycle name {excerpt(name)} is not valid: "
                f"{expected_id(name)}; the entry is ignored"
            )
            continue
        if not isinstance(entry, Mapping):
            problem(
                f"{SETTING}[{name!r}] is {excerpt(entry)}; expected a mapping with a 'root' "
                "folder and the settings of the life cycle; the entry is ignored"
            )
            continue
        root = _root(entry.get("root"))
        if root is None:
            problem(
                f"{SETTING}[{name!r}] has the root {excerpt(entry.get('root'))}; expected a "
                "folder inside the source folder, like 'service/'; the entry is ignored"
            )
            continue
        if root in roots:
            problem(
                f"{SETTING}[{name!r}] has the root '{root}/' of the life cycle "
                f"'{roots[root]}'; expected a folder of its own; the entry is ignored"
            )
            continue
        settings = _settings(name, entry, problem)
        roots[root] = name
        cycles.append(Lifecycle(name, root, settings))
    if not cycles:
        return Lifecycles(), problems
    cycles.sort(key=lambda c: (-len(c.root), c.name))  # the longest root wins
    return Lifecycles(tuple(cycles), configured=True), problems


def _root(given: Any) -> str | None:
    """*given* as a folder of the source folder ("a/b"), or None if it is not one."""
    if not isinstance(given, str) or not given.strip() or "\0" in given:
        return None
    root = posixpath.normpath(given.strip().replace("\\", "/")).strip("/")
    if given.strip().startswith("/") or root in (".", "") or root.split("/")[0] == "..":
        return None
    return root


def _settings(
    name: str, entry: Mapping[str, Any], problem: Callable[[str], None]
) -> dict[str, Any]:
    """The settings *entry* sets itself, each checked as its ``phases_*`` setting is."""
    fields = {f.name: f for f in dc.fields(PhasesConfig)}
    found: dict[str, Any] = {}
    for key, setting in entry.items():
        if key == "root":
            continue
        if key not in PER_LIFECYCLE:
            why = (
                "a setting of the whole site, set as phases_" + key
                if key in PROJECT_WIDE and key != "lifecycles"
                else "one of: root, "
                + ", ".join(PER_LIFECYCLE)
                + did_you_mean(str(key), (*PER_LIFECYCLE, "root"))
            )
            problem(f"{SETTING}[{name!r}] sets {excerpt(key)}; expected {why}; it is ignored")
            continue
        error = fields[key].metadata["check"](setting)
        if error is not None:
            problem(
                f"{SETTING}[{name!r}][{key!r}] = {excerpt(setting)} is not valid: {error}; "
                f"phases_{key} is used"
            )
            continue
        found[key] = setting
    return found


def settings_of(base: PhasesConfig, cycle: Lifecycle | None) -> PhasesConfig:
    """The settings in effect in *cycle*: its own over the project-wide ones."""
    if cycle is None or not cycle.settings:
        return base
    return dc.replace(base, **cycle.settings)

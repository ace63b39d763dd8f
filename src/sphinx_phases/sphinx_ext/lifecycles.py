"""What each life cycle of the build sets and says: its settings, its profile and its
words (docs/reference/lifecycles.md, docs/how-to/own-words.md), read once at
``config-inited``, before any page is read; forked readers and writers inherit them.

A page is read, checked and written in the words of the life cycle it belongs to
(:func:`speak` chooses them); pages outside every root speak the project-wide settings'.
Without ``phases_lifecycles`` there is one life cycle, ``""``, the whole project.
"""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_phases.core.config import (
    DEFAULT_QUESTIONS,
    PhasesConfig,
    config_file,
    config_line,
    get_config,
)
from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.labels import in_effect, message_ids, project_catalogue
from sphinx_phases.core.lifecycles import Lifecycle, Lifecycles, read_lifecycles, settings_of
from sphinx_phases.core.messages import did_you_mean
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.profile import DEFAULT, Profile, builtin, load_profile
from sphinx_phases.locale import speak, speaking, use_labels
from sphinx_phases.sphinx_ext.warnings import file_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment


@dc.dataclass(frozen=True)
class Speaker:
    """One life cycle's settings and profile (None: the project-wide ones)."""

    settings: PhasesConfig
    profile: Profile


@dc.dataclass
class _Build:
    lifecycles: Lifecycles = dc.field(default_factory=Lifecycles)
    speakers: dict[str | None, Speaker] = dc.field(default_factory=dict)


# The build that runs: set at config-inited, before the readers fork.
_build = _Build()


def lifecycles() -> Lifecycles:
    """The life cycles of the running build."""
    return _build.lifecycles


def speaker(name: str | None) -> Speaker:
    """Life cycle *name*'s settings and profile (the project-wide ones for None)."""
    found = _build.speakers.get(name) or _build.speakers.get(None)
    if found is None:  # outside a build
        return Speaker(PhasesConfig(), builtin(DEFAULT))
    return found


def current_profile() -> Profile:
    """The profile of the life cycle whose words are spoken now."""
    return speaker(speaking()).profile


def page_settings(env: BuildEnvironment, docname: str | None = None) -> PhasesConfig:
    """The settings in effect on *docname* (the page being read by default)."""
    return speaker(_build.lifecycles.of(docname or env.docname)).settings


def speak_for_page(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: read the page in the words of its life cycle."""
    speak(_build.lifecycles.of(docname))


def setup_lifecycles(app: Sphinx, config: Config) -> None:
    """Read ``phases_lifecycles``, then each life cycle's profile and words, and the
    project-wide ones; set the profile's questions where ``phases_questions`` is left as
    it is (``config-inited``: what it sets is part of the configuration Sphinx compares
    between builds)."""
    conf_path = config_file(app)
    confdir, srcdir = Path(app.confdir), Path(app.srcdir)
    found, problems = read_lifecycles(config.phases_lifecycles)
    for given in found.cycles:
        if given.root and not Path(srcdir, given.root).is_dir():
            problems.append(
                Problem(
                    PhaseWarning.CONFIG,
                    f"phases_lifecycles[{given.name!r}] has the root '{given.root}/', which is "
                    "not a folder of the source folder; expected the folder of its pages",
                    setting="phases_lifecycles",
                )
            )
    base = get_config(config)
    language = config.language or "en"
    project, catalogue_problems = project_catalogue(
        srcdir, config.locale_dirs or (), language, (confdir, srcdir)
    )
    problems += catalogue_problems
    speakers: dict[str | None, Speaker] = {}
    labels: dict[str | None, dict[str, str]] = {}
    names: list[str | None] = [None, *(c.name for c in found.cycles if found.configured)]
    for name in names:
        cycle = found.get(name) if name is not None else None
        speakers[name], own_problems = _speaker(cycle, base, confdir, srcdir)
        problems += own_problems
        words = speakers[name].profile.labels_for(language)
        labels[name] = in_effect(speakers[name].settings.labels, project, words)
    if speakers[None].settings.questions != base.questions:  # the profile's questions
        config.phases_questions = dict(speakers[None].settings.questions)
    if not found.configured:
        speakers[""], labels[""] = speakers[None], labels[None]
    _build.lifecycles, _build.speakers = found, speakers
    use_labels(labels)
    for problem in problems:
        setting = problem.setting
        line = config_line(conf_path, setting.split("[")[0]) if setting else problem.line
        warn(problem.message, problem.subtype, file_location(problem.path or conf_path, line))


def _speaker(
    cycle: Lifecycle | None, base: PhasesConfig, confdir: Path, srcdir: Path
) -> tuple[Speaker, list[Problem]]:
    """One life cycle's settings and profile (the project-wide ones for None), and the
    problems of what it sets: a life cycle reports only its own settings, the project-wide
    speaker the rest, so each problem is told once."""

    def sets(key: str) -> bool:
        return cycle is None or key in cycle.settings

    where = "phases_lifecycles" if cycle is not None else None
    settings = settings_of(base, cycle)
    profile, found = load_profile(settings.profile, confdir, srcdir)
    problems = list(found) if sets("profile") else []
    if profile.questions and settings.questions == DEFAULT_QUESTIONS:
        settings = dc.replace(settings, questions=dict(profile.questions))
    known = frozenset(message_ids())
    if sets("labels"):
        named = f"{where}[{cycle.name!r}]['labels']" if cycle is not None else "phases_labels"
        problems += [_unknown(m, known, setting=named) for m in settings.labels if m not in known]
    # Required questions no question configures are dropped; the project-wide ones are
    # reported by sphinx_ext/settings.py, a life cycle's here.
    required = [k for k in settings.required_questions if k in settings.questions]
    if cycle is not None and "required_questions" in cycle.settings:
        problems += [
            Problem(
                PhaseWarning.CONFIG,
                f"phases_lifecycles[{cycle.name!r}]['required_questions'] names {excerpt(key)}, "
                "which the life cycle's questions do not configure; expected keys among "
                f"{', '.join(settings.questions)}; it is ignored",
                setting="phases_lifecycles",
            )
            for key in settings.required_questions
            if key not in settings.questions
        ]
    settings = dc.replace(settings, required_questions=required)
    return Speaker(settings, profile), problems


def _unknown(message: str, known: frozenset[str], *, setting: str) -> Problem:
    # A profile file's unknown ids are its reader's to report (core/profile.py), at their line.
    return Problem(
        PhaseWarning.CONFIG,
        f"{setting} renames {excerpt(message)}, which is not a message of the extension; "
        f"expected a message id as `sphinx-phases labels` lists it" + did_you_mean(message, known),
        setting=setting,
    )

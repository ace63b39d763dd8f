"""The project's words for the build that starts: its profile, its own catalogue and
``phases_labels``, merged once before any page is read (docs/how-to/own-words.md)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_phases.core.config import DEFAULT_QUESTIONS, config_file, config_line, get_config
from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.labels import in_effect, message_ids, project_catalogue
from sphinx_phases.core.messages import did_you_mean
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.profile import DEFAULT, Profile, builtin, load_profile
from sphinx_phases.locale import use_labels
from sphinx_phases.sphinx_ext.warnings import file_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# The profile of the build that runs: read at config-inited, before the readers fork.
_current: list[Profile] = []


def current_profile() -> Profile:
    """The profile of the running build (the default one outside a build)."""
    return _current[0] if _current else builtin(DEFAULT)


def setup_labels(app: Sphinx, config: Config) -> None:
    """Read the profile and the project's catalogue; set the labels of this build, and the
    profile's questions where ``phases_questions`` is left as it is (``config-inited``:
    what it sets is part of the configuration Sphinx compares between builds)."""
    settings = get_config(config)
    conf_path = config_file(app)
    confdir, srcdir = Path(app.confdir), Path(app.srcdir)
    profile, problems = load_profile(settings.profile, confdir, srcdir)
    _current[:] = [profile]
    if profile.questions and config.phases_questions == DEFAULT_QUESTIONS:
        config.phases_questions = dict(profile.questions)
    language = config.language or "en"
    project, catalogue_problems = project_catalogue(
        srcdir, config.locale_dirs or (), language, (confdir, srcdir)
    )
    problems += catalogue_problems
    known = frozenset(message_ids())
    for message in settings.labels:
        if message not in known:
            problems.append(_unknown(message, known, setting="phases_labels"))
    for message in profile.labels_for(language):
        if message not in known:
            problems.append(_unknown(message, known, path=str(confdir / settings.profile)))
    use_labels(in_effect(settings.labels, project, profile.labels_for(language)))
    for problem in problems:
        line = config_line(conf_path, problem.setting) if problem.setting else problem.line
        warn(problem.message, problem.subtype, file_location(problem.path or conf_path, line))


def _unknown(
    message: str, known: frozenset[str], *, setting: str | None = None, path: str | None = None
) -> Problem:
    where = setting or "the profile"
    return Problem(
        PhaseWarning.CONFIG,
        f"{where} renames {excerpt(message)}, which is not a message of the extension; "
        f"expected a message id as `sphinx-phases labels` lists it" + did_you_mean(message, known),
        setting=setting,
        path=path,
    )

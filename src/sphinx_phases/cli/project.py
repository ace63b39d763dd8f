"""What ``sphinx-phases new`` takes from a project's conf.py: questions and sequence.

conf.py is Python, so it is evaluated the way ``sphinx-build`` does it
(``sphinx.config.eval_config_file``), but only in a project the user runs ``new`` in or
names with ``--project``. Nothing it does can stop ``new``: any error, and any invalid
``phases_*`` value, falls back to the default with a message saying so. The values are
checked by the same checks as a build's (:class:`sphinx_phases.core.config.PhasesConfig`).

Files are read as a build reads them (:func:`sphinx_phases.core.inputs.read_file`): conf.py
and the sequence file must be regular files of bounded size, so a FIFO or a device is
refused, never waited on, and the sequence file must lie inside the project's folder
(conf.py's), so ``new`` never reads nor quotes a file outside it.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sphinx_phases.core.inputs import FileRefused, read_file
from sphinx_phases.core.sequence.spec import SequenceSpec, from_config, from_file


@dc.dataclass(frozen=True)
class Project:
    """The settings ``new`` uses; the defaults when there is no (readable) conf.py."""

    conf: Path | None
    questions: Mapping[str, str]
    required: tuple[str, ...] = ()
    sequence: SequenceSpec | None = None
    #: What was read and what fell back, one sentence each.
    notes: tuple[str, ...] = ()
    #: Problems that made ``new`` use a default, one sentence each.
    problems: tuple[str, ...] = ()


def default_project() -> Project:
    from sphinx_phases.core.config import DEFAULT_QUESTIONS

    return Project(conf=None, questions=dict(DEFAULT_QUESTIONS))


def find_conf(project: Path | None, places: list[Path]) -> Path | None:
    """``project/conf.py`` when a project is named, else the first of *places* with one."""
    for folder in [project] if project is not None else places:
        candidate = folder / "conf.py"
        if candidate.is_file():
            return candidate
    return None


def read_project(conf: Path, folder: Path | None = None) -> Project:
    """The settings of the project whose configuration file is *conf*, for a page in
    *folder*: those of the life cycle whose folder holds it, where there are several
    (docs/reference/lifecycles.md)."""
    try:
        # Checked before Sphinx runs it: a regular file (not a FIFO), of bounded size.
        read_file(conf, [conf.resolve().parent])
        namespace = _evaluate(conf)
    except FileRefused as refused:
        problem = f"{conf} is not read: {refused.reason}; the default questions are used"
        return dc.replace(default_project(), problems=(problem,))
    except Exception as exc:  # the project's own code: anything may go wrong in it
        problem = f"cannot read {conf} ({_one_line(exc)}); the default questions are used"
        return dc.replace(default_project(), problems=(problem,))
    namespace, note = _in_lifecycle(conf, namespace, folder)
    found = _settings(conf, namespace)
    return dc.replace(found, notes=(*note, *found.notes)) if note else found


def _in_lifecycle(
    conf: Path, namespace: dict[str, Any], folder: Path | None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """*namespace* with the settings of the life cycle whose root holds *folder* over the
    project-wide ones; a bad ``phases_lifecycles`` is the build's to report."""
    from sphinx_phases.core.lifecycles import read_lifecycles

    value = namespace.get("phases_lifecycles")
    if folder is None or not isinstance(value, dict):
        return namespace, ()
    found, _problems = read_lifecycles(value)
    try:
        where = folder.resolve().relative_to(conf.resolve().parent).as_posix()
    except ValueError:
        return namespace, ()
    name = found.of(f"{where}/page") if where != "." else found.of("page")
    cycle = found.get(name) if name else None
    if cycle is None:
        return namespace, ()
    own = {f"phases_{key}": setting for key, setting in cycle.settings.items()}
    return {**namespace, **own}, (f"settings of the life cycle {name} ({cycle.root}/)",)


def conf_namespace(conf: Path) -> tuple[dict[str, Any], str | None]:
    """The names conf.py sets, evaluated as sphinx-build does; an empty namespace and the
    problem, one sentence, when it cannot be read."""
    try:
        read_file(conf, [conf.resolve().parent])
        return _evaluate(conf), None
    except FileRefused as refused:
        return {}, f"{conf} is not read: {refused.reason}; the defaults are used"
    except Exception as exc:  # the project's own code: anything may go wrong in it
        return {}, f"cannot read {conf} ({_one_line(exc)}); the defaults are used"


def _evaluate(conf: Path) -> dict[str, Any]:
    from sphinx.config import eval_config_file
    from sphinx.util.tags import Tags

    return eval_config_file(conf.resolve(), Tags())


def _one_line(exc: BaseException) -> str:
    # Sphinx wraps an error in conf.py with its whole traceback: its last line says it.
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


def _settings(conf: Path, namespace: Mapping[str, Any]) -> Project:
    from sphinx_phases.core.config import PhasesConfig, default_of

    fields = {field.name: field for field in dc.fields(PhasesConfig)}
    problems: list[str] = []
    notes: list[str] = []

    def setting(name: str) -> Any:
        field = fields[name]
        key = f"phases_{name}"
        if key not in namespace:
            return default_of(field)
        value = namespace[key]
        error = field.metadata["check"](value)
        if error is None:
            notes.append(f"{key} read from {conf}")
            return value
        problems.append(f"{conf}: {key} is not valid: {error}; the default is used")
        return default_of(field)

    questions: dict[str, str] = dict(setting("questions"))
    if "phases_questions" not in namespace and "phases_profile" in namespace:
        questions = _profile_questions(conf, setting("profile"), questions, notes, problems)
    required = [str(key) for key in setting("required_questions")]
    unknown = [key for key in required if key not in questions]
    if unknown:
        problems.append(
            f"{conf}: phases_required_questions names {', '.join(unknown)}, which "
            "phases_questions does not configure; they are ignored"
        )
    spec = _sequence(conf, setting("sequence"), setting("loops"), problems)
    return Project(
        conf=conf,
        questions=questions,
        required=tuple(key for key in required if key in questions),
        sequence=spec,
        notes=tuple(notes),
        problems=tuple(problems),
    )


def _profile_questions(
    conf: Path, value: str, questions: dict[str, str], notes: list[str], problems: list[str]
) -> dict[str, str]:
    """The questions of the profile *value* names, as a build takes them when
    ``phases_questions`` is not set (docs/reference/profiles.md); *questions* when the
    profile gives none."""
    from sphinx_phases.core.profile import load_profile

    folder = conf.parent
    profile, found = load_profile(value, folder, folder)
    for problem in found:
        where = str(conf) if problem.setting else problem.path or str(conf)
        if problem.line:
            where = f"{where}:{problem.line}"
        problems.append(f"{where}: {problem.message}")
    if not profile.questions:
        return questions
    notes.append(f"questions from the profile {profile.name} ({profile.title})")
    return dict(profile.questions)


def _sequence(conf: Path, value: Any, loops: Any, problems: list[str]) -> SequenceSpec | None:
    if value is None:
        return None
    path = conf.parent / value if isinstance(value, str) else conf
    if isinstance(value, str):
        # Read as a build reads it (confined to the project's folder), and refused the same
        # way: a refusal names the path, never what the file holds.
        spec, found = from_file(
            value, confdir=conf.parent, roots=[conf.parent], conf_path=str(conf)
        )
    else:
        spec, found = from_config(
            value, loops, conf_path=str(conf), sequence_line=None, loops_line=None
        )
    for problem in found:
        where = str(conf) if problem.setting else problem.path or str(path)
        if problem.line:
            where = f"{where}:{problem.line}"
        problems.append(f"{where}: {problem.message}")
    return spec

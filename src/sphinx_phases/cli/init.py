"""``sphinx-phases init``: a new manual that builds at once, from a profile's life cycle.

The skeleton (docs/reference/cli.md) is what docs/tutorial.md builds by hand: a
``conf.py`` that explains each of its settings, the sequence file of
docs/reference/stages.md with the profile's phases and stages, an ``index.md`` with
the overviews and the toctree, and one draft page per phase written the way
``sphinx-phases new`` writes one, each gate of the profile declared on the page of the
phase it closes (docs/reference/gates.md). Every sentence still to write is one of
:data:`sphinx_phases.core.placeholders.PLACEHOLDER_TEXT`, so the only warnings of a first
build are the required questions still unanswered.

Nothing is overwritten: when any of the files exists, none is written.
"""

from __future__ import annotations

import dataclasses as dc
import json
import os
from pathlib import Path

from sphinx_phases.cli.ids import is_phase_id
from sphinx_phases.cli.new import NewPage, new_page
from sphinx_phases.cli.project import Project
from sphinx_phases.cli.writer import write_into
from sphinx_phases.core.config import DEFAULT_QUESTIONS
from sphinx_phases.core.inputs import FileRefused, read_file
from sphinx_phases.core.placeholders import CRITERION_PLACEHOLDER
from sphinx_phases.core.profile import BUILTIN, DEFAULT, Profile, builtin, load_profile

CONF = "conf.py"
SEQUENCE = "phases.yml"
INDEX = "index.md"


class InitError(Exception):
    """Why no skeleton is written: one sentence."""


@dc.dataclass(frozen=True)
class Chosen:
    """The profile of the new manual and how its ``conf.py`` names it."""

    profile: Profile
    setting: str | None  # phases_profile's value; None for the default profile
    #: A project profile file to copy beside conf.py: (file name, its text).
    copy: tuple[str, str] | None = None
    #: What was wrong in a profile file that could still be read, one sentence each.
    problems: tuple[str, ...] = ()


def choose_profile(value: str | None, folder: Path) -> Chosen:
    """The profile *value* names: a built-in name, or the path of a YAML file.

    A file is read as a build reads it (confined to its folder, bounded) and copied into
    the new manual's *folder* unless it is there already, since a build reads a profile
    only from inside the project. Raises :class:`InitError` when it cannot be used.
    """
    if value is None or value == DEFAULT:
        return Chosen(builtin(DEFAULT), None)
    if value in BUILTIN:
        return Chosen(builtin(value), value)
    path = Path(value)
    if not value.endswith((".yml", ".yaml")):
        raise InitError(
            f"--profile {value!r} is neither a built-in profile ({', '.join(BUILTIN)}) nor "
            "the path of a YAML file (.yml or .yaml)"
        )
    real = path.resolve()  # a link is followed, as a build follows it
    home = real.parent
    profile, problems = load_profile(real.name, home, home)
    refused = [p for p in problems if p.setting == "phases_profile"]
    if refused:  # the file as a whole cannot be read: the default would be used
        raise InitError(refused[0].message.replace("phases_profile names", "--profile names"))
    try:
        text = read_file(real, [home]).decode("utf-8-sig")
    except (FileRefused, OSError, UnicodeDecodeError) as exc:  # changed since it was read
        raise InitError(f"cannot read {path}: {exc}") from exc
    found = tuple(
        f"{p.path or path}:{p.line}: {p.message}" if p.line else f"{p.path}: {p.message}"
        for p in problems
    )
    target = folder.resolve()
    if home == target or target in home.parents:
        return Chosen(profile, real.relative_to(target).as_posix(), None, found)
    name = real.name if real.name != SEQUENCE else "profile.yml"  # the sequence's name
    return Chosen(profile, name, (name, text), found)


def skeleton(chosen: Chosen, title: str) -> dict[str, str]:
    """The files of the new manual, name -> text, in the order they are written."""
    profile = chosen.profile
    _check_ids(profile)
    questions = dict(profile.questions) or dict(DEFAULT_QUESTIONS)
    required = next(iter(questions))
    files: dict[str, str] = {}
    if chosen.copy is not None:
        files[chosen.copy[0]] = chosen.copy[1]
    files[CONF] = conf_py(title, chosen, required)
    files[SEQUENCE] = sequence_yml(profile)
    files[INDEX] = index_md(title, profile)
    project = Project(conf=None, questions=questions, required=(required,))
    for ident, phase_title in profile.phases:
        text = new_page(NewPage(ident, phase_title), project)
        gates = [gate for gate in profile.gates if gate[2] == ident]
        files[f"{ident}.md"] = text + "".join(gate_md(*gate) for gate in gates)
    return files


def lifecycle_skeleton(
    chosen: Chosen, title: str, name: str, conf: str | None
) -> tuple[dict[str, str], str]:
    """A life cycle *name* added to the project whose ``conf.py`` reads *conf* (None: no
    project yet), its pages in the folder *name*/ (docs/reference/lifecycles.md): the files
    to write, and the text to append to an existing ``conf.py`` ("" when it is written).
    """
    if not is_phase_id(name) or name in ("_build", "_static", "_templates"):
        raise InitError(
            f"--lifecycle {name!r} cannot name a life cycle and its folder; expected "
            "lower-case letters, digits and '-'"
        )
    if conf is not None and _declares(conf, name):
        raise InitError(f"conf.py already has a life cycle {name!r}")
    profile = chosen.profile
    _check_ids(profile)
    questions = dict(profile.questions) or dict(DEFAULT_QUESTIONS)
    required = next(iter(questions))
    files: dict[str, str] = {}
    setting = chosen.setting
    if chosen.copy is not None:
        setting = f"{name}/{chosen.copy[0]}"
        files[setting] = chosen.copy[1]
    block = lifecycle_block(name, setting, required, profile.title)
    if conf is None:  # a new project whose first life cycle this is
        files[CONF] = conf_py(title, Chosen(profile, None), required, lifecycle=block)
        files[INDEX] = (
            f"# {' '.join(title.split())}\n\n```{{toctree}}\n:maxdepth: 1\n\n{name}/index\n```\n"
        )
        block = ""
    files[f"{name}/{SEQUENCE}"] = sequence_yml(profile)
    files[f"{name}/{INDEX}"] = index_md(profile.title, profile)
    project = Project(conf=None, questions=questions, required=(required,))
    for ident, phase_title in profile.phases:
        text = new_page(NewPage(ident, phase_title), project)
        gates = [gate for gate in profile.gates if gate[2] == ident]
        files[f"{name}/{ident}.md"] = text + "".join(gate_md(*gate) for gate in gates)
    return files, block


def _declares(conf: str, name: str) -> bool:
    return f"phases_lifecycles[{_quoted(name)}]" in conf or f"{_quoted(name)}: {{" in conf


def lifecycle_block(name: str, profile: str | None, required: str, title: str) -> str:
    """The lines that add life cycle *name* to ``phases_lifecycles`` in conf.py, whether
    or not it sets some already."""
    entry = [
        f'    "root": {_quoted(name + "/")},',
        f'    "sequence": {_quoted(name + "/" + SEQUENCE)},',
    ]
    if profile is not None:
        entry.append(f'    "profile": {_quoted(profile)},')
    entry.append(f'    "required_questions": [{_quoted(required)}],')
    lines = [
        "",
        f"# The life cycle {name} ({' '.join(title.split())}), added by `sphinx-phases init",
        f"# --lifecycle {name}`: its pages are the folder {name}/, and these are its own",
        "# settings (docs/reference/lifecycles.md).",
        'phases_lifecycles = globals().get("phases_lifecycles", {})',
        f"phases_lifecycles[{_quoted(name)}] = {{",
        *entry,
        "}",
    ]
    return "\n".join(lines) + "\n"


def _check_ids(profile: Profile) -> None:
    ids = [ident for ident, _title in profile.phases]
    if not ids:
        raise InitError(f"the profile {profile.name!r} lists no phases")
    for ident in ids:
        if not is_phase_id(ident) or ident == "index":
            raise InitError(
                f"the profile's phase id {ident!r} cannot name a page; expected lower-case "
                "letters, digits and '-', and not 'index'"
            )
    if len(set(ids)) != len(ids):
        raise InitError(f"the profile {profile.name!r} lists a phase twice")


def conf_py(title: str, chosen: Chosen, required: str, lifecycle: str = "") -> str:
    """The new manual's conf.py; with *lifecycle* (the lines of its first life cycle), a
    project whose phases are that life cycle's."""
    profile = chosen.profile
    if lifecycle:
        lines = [
            '"""Sphinx configuration, written by `sphinx-phases init`; change it as you need."""',
            "",
            "# The site's name, shown in every page's title.",
            f"project = {_quoted(title)}",
            "# MyST-Parser reads the Markdown pages; sphinx_phases reads the phases they declare.",
            'extensions = ["myst_parser", "sphinx_phases"]',
            "# Where Sphinx writes the built site, never read as a source.",
            'exclude_patterns = ["_build"]',
        ]
        return "\n".join(lines) + "\n" + lifecycle
    if chosen.setting is None:
        words = [
            f"# The life cycle's words, decisions and questions: the default profile, {DEFAULT}",
            f"# ({profile.title}). Set phases_profile to use another one",
            "# (docs/reference/profiles.md).",
        ]
    else:
        kind = "a file of this project" if chosen.setting not in BUILTIN else "built in"
        words = [
            "# The life cycle's words, decisions and questions: the profile",
            f"# {profile.title}, {kind} (docs/reference/profiles.md).",
            f"phases_profile = {_quoted(chosen.setting)}",
        ]
    lines = [
        '"""Sphinx configuration, written by `sphinx-phases init`; change it as you need."""',
        "",
        "# The manual's name, shown in every page's title.",
        f"project = {_quoted(title)}",
        "# MyST-Parser reads the Markdown pages; sphinx_phases reads the phases they declare.",
        'extensions = ["myst_parser", "sphinx_phases"]',
        *words,
        "# The order of the phases, and their stages: the file beside this one.",
        f"phases_sequence = {_quoted(SEQUENCE)}",
        "# The question every top-level phase page must answer: until it is answered in the",
        "# page's own words, the build warns (phases.question).",
        f"phases_required_questions = [{_quoted(required)}]",
        "# Where Sphinx writes the built manual, never read as a source.",
        'exclude_patterns = ["_build"]',
    ]
    return "\n".join(lines) + "\n"


def sequence_yml(profile: Profile) -> str:
    lines = [
        f"# The order of the phases of {profile.title}, written by `sphinx-phases init`.",
        "sequence:",
        *(f"  - {ident}" for ident, _title in profile.phases),
    ]
    known = {ident for ident, _title in profile.phases}
    stages = [stage for stage in profile.stages if set(stage[2]) <= known]
    if stages:
        lines += ["# Stages group consecutive phases in the overviews.", "stages:"]
        lines += [
            f"  - {{id: {ident}, title: {_quoted(title)}, phases: [{', '.join(members)}]}}"
            for ident, title, members in stages
        ]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    # A JSON string is a double-quoted YAML scalar and a Python string literal, whatever
    # the text holds; its whitespace is collapsed, as a title's is.
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def index_md(title: str, profile: Profile) -> str:
    heading = " ".join(title.split())
    toctree = "\n".join(ident for ident, _title in profile.phases)
    return (
        f"# {heading}\n\n"
        f"How we deliver our work through the {profile.title} life cycle, one page per "
        "phase.\n\n"
        "```{phase-sequence}\n```\n\n"
        "```{phase-table}\n```\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n"
    )


def gate_md(ident: str, title: str, _after: str, before: str) -> str:
    return (
        f"\n```{{phase-gate}} {ident}\n:title: {' '.join(title.split())}\n:before: {before}\n\n"
        f"- {CRITERION_PLACEHOLDER}\n```\n"
    )


def refusals(folder: Path, names: list[str]) -> list[str]:
    """Why the skeleton may not be written into *folder*, one sentence each."""
    if folder.exists() and not folder.is_dir():
        return [f"{folder} exists and is not a folder"]
    return [f"{folder / name} exists" for name in names if os.path.lexists(folder / name)]


def write_skeleton(folder: Path, files: dict[str, str]) -> list[Path]:
    """Write *files* (names, or ``NAME/file`` for a life cycle's) into *folder* (made if
    missing), never replacing one; raises OSError."""
    by_folder: dict[str, dict[str, str]] = {}
    for name, text in files.items():
        sub, _slash, base = name.rpartition("/")
        by_folder.setdefault(sub, {})[base] = text
    for sub, named in by_folder.items():
        write_into(folder / sub if sub else folder, named, replace=set())
    return [folder / name for name in files]

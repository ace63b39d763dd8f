"""The ``phases_*`` settings: declared once, with their defaults, help and checks (no Sphinx).

Registering them with Sphinx and reporting bad values is :mod:`sphinx_phases.sphinx_ext.settings`.
"""

from __future__ import annotations

import dataclasses as dc
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sphinx_phases.core.values import (
    all_of,
    any_of,
    deep_iterable,
    deep_mapping,
    in_,
    instance_of,
    matches_id,
    non_blank,
    non_empty,
    optional,
    usable_paths,
)

# Each check is a validator (:mod:`sphinx_phases.core.values`): None, or what was expected.
# Items of the sequence, loops, stages and standards are checked when they are read, with
# their lines, each on its own: a mistake in one leaves the others whole
# (docs/reference/standards.md).
_sequence = optional(
    any_of(instance_of(list, tuple, expected="a list"), non_blank, expected="a list or a path"),
    expected="a list of phase ids, or the path of a YAML file",
)
_loops = instance_of(list, tuple, expected="a list of {'from': ID, 'to': ID} mappings")
_boolean = instance_of(bool, expected="True or False")
# A path holding NUL or too long for the file system is refused here, located, before
# anything tries to open it (core/values.usable_paths).
_name_map = all_of(
    deep_mapping(
        instance_of(str, expected="a name"),
        instance_of(str, expected="a path"),
        expected="a mapping of pictogram names to file paths",
    ),
    usable_paths,
)
_string_list = all_of(
    deep_iterable(instance_of(str, expected="a path"), expected="a list of folder paths"),
    usable_paths,
)
_questions = deep_mapping(
    matches_id,
    non_blank,
    all_of(instance_of(dict, expected="a mapping"), non_empty),
    expected="a mapping of question keys (like 'objective') to heading templates",
)
_key_list = deep_iterable(instance_of(str, expected="a key"), expected="a list of question keys")
_standards = instance_of(
    dict,
    expected="a mapping of standard ids (like 'service-standard') to the path of a YAML "
    "file or a list of points",
)
_stages = instance_of(
    list, tuple, expected="a list of {'id': ID, 'title': TITLE, 'phases': [IDS]} mappings"
)
_optional_name = optional(non_blank, expected="a pictogram name, or None")
# phases_profile and phases_labels: the profile itself is read, and reported, by
# sphinx_phases.core.profile (docs/reference/configuration.md).
_profile = all_of(
    instance_of(str, expected="a text"),
    non_blank,
    expected="the name of a built-in profile (gov-uk, stage-gate, prince2, nasa) or the "
    "path of a YAML file",
)
_label_map = deep_mapping(
    instance_of(str, expected="a message id"),
    instance_of(str, expected="a text"),
    expected="a mapping of message ids to texts",
)
# Each entry is read, and reported, by sphinx_phases.core.lifecycles.
_lifecycles = instance_of(
    dict, expected="a mapping of life cycle names to {'root': FOLDER, ...settings} mappings"
)


def translatable(text: str) -> str:
    """Mark *text* for the message catalogue (tools/messages.py extracts it); it is
    translated where it is used, in the build's language."""
    return text


# The standard questions, in the order pages usually answer them.
DEFAULT_QUESTIONS = {
    "objective": translatable("What is the objective of {noun}?"),
    "contents": translatable("What should be in {noun}?"),
    "duration": translatable("How long does it take?"),
    "team": translatable("Who do I need?"),
    "outputs": translatable("What are the outputs?"),
}


@dc.dataclass(frozen=True)
class PhasesConfig:
    """Validated view of the ``phases_*`` values in conf.py."""

    sequence: list[Any] | str | None = dc.field(
        default=None,
        metadata={
            "help": "Phase ids in delivery order (items are ids or {parent: [sub-ids]} "
            "mappings), or the path of a YAML file with 'sequence' and 'loops', relative "
            "to the configuration directory. Without it, the toctree order is used.",
            "check": _sequence,
            "rebuild": "",  # only the resolved order changes, and that is tracked per page
        },
    )
    loops: list[Any] = dc.field(
        default_factory=list,
        metadata={
            "help": "Declared back-edges, e.g. [{'from': 'live', 'to': 'discovery'}].",
            "check": _loops,
            "rebuild": "",
        },
    )
    navigation: str = dc.field(
        default="bottom",
        metadata={
            "help": "Where phase pages get their previous/next navigation: 'bottom', 'top', "
            "'both' or 'none'. The phase-nav directive places it by hand.",
            "check": in_(("bottom", "top", "both", "none")),
            "rebuild": "env",  # placeholders are placed while reading
        },
    )
    facts: str = dc.field(
        default="top",
        metadata={
            "help": "Where phase pages show their facts (position, duration, team): 'top' "
            "(under the title) or 'none'. The phase-facts directive places them by hand.",
            "check": in_(("top", "none")),
            "rebuild": "env",  # placeholders are placed while reading
        },
    )
    theme_nav: bool = dc.field(
        default=False,
        metadata={
            "help": "Make the theme's own previous/next links (prev, next, rellinks) follow "
            "the phase sequence on phase pages.",
            "check": _boolean,
            "rebuild": "html",
        },
    )
    hide_drafts: bool = dc.field(
        default=False,
        metadata={
            "help": "Leave draft phases out of navigation, overviews and the export; their "
            "neighbours link across them. For production builds.",
            "check": _boolean,
            "rebuild": "",  # the resolved sequence changes, and that is tracked per page
        },
    )
    pictograms: dict[str, str] = dc.field(
        default_factory=dict,
        metadata={
            "help": "Project pictograms: {'name': 'path/to/file.svg'}, paths relative to the "
            "configuration directory (SVG or PNG).",
            "check": _name_map,
            # Which file a name shows can change on any page: rewrite them all.
            "rebuild": "html",
        },
    )
    pictogram_dirs: list[str] = dc.field(
        default_factory=list,
        metadata={
            "help": "Folders of project pictograms: every .svg and .png in them, named by "
            "file stem, relative to the configuration directory.",
            "check": _string_list,
            "rebuild": "html",
        },
    )
    questions: dict[str, str] = dc.field(
        default_factory=lambda: dict(DEFAULT_QUESTIONS),
        metadata={
            "help": "The standard questions of a phase page: key -> heading template, in "
            "order; {noun} is replaced by the phase's noun ('an alpha').",
            "check": _questions,
            "rebuild": "env",  # headings are made while reading
        },
    )
    required_questions: list[str] = dc.field(
        default_factory=list,
        metadata={
            "help": "Question keys every top-level phase page must answer with a "
            "phase-question section (sub-phases are exempt).",
            "check": _key_list,
            "rebuild": "",
        },
    )
    json: bool = dc.field(
        default=True,
        metadata={
            "help": "Write phases.json (every phase and the resolved order) next to the "
            "pages of the html, dirhtml and singlehtml builders.",
            "check": _boolean,
            "rebuild": "",
        },
    )
    stages: list[Any] = dc.field(
        default_factory=list,
        metadata={
            "help": "Groups of consecutive top-level phases, e.g. [{'id': 'formulation', "
            "'title': 'Formulation', 'phases': ['phase-a', 'phase-b']}]. A sequence file's "
            "own 'stages' come first.",
            "check": _stages,
            "rebuild": "",  # what pages show of stages is tracked per page
        },
    )
    standards: dict[str, Any] = dc.field(
        default_factory=dict,
        metadata={
            "help": "The standards gates assess: {'id': 'file.yml'} (relative to the "
            "configuration directory) or {'id': [points]}.",
            "check": _standards,
            "rebuild": "",  # what pages show of points is tracked per page
        },
    )
    standard_coverage: bool = dc.field(
        default=False,
        metadata={
            "help": "Report (phases.standard) every point of a standard that no gate assesses.",
            "check": _boolean,
            "rebuild": "",
        },
    )
    default_pictogram: str | None = dc.field(
        default=None,
        metadata={
            "help": "Pictogram for activity and output items that name none.",
            "check": _optional_name,
            "rebuild": "env",
        },
    )
    profile: str = dc.field(
        default="gov-uk",
        metadata={
            "help": "The life cycle's words and decisions: a built-in profile (gov-uk, "
            "stage-gate, prince2, nasa) or a YAML file relative to the configuration "
            "directory.",
            "check": _profile,
            "rebuild": "env",  # labels and decisions are read while reading pages
        },
    )
    labels: dict[str, str] = dc.field(
        default_factory=dict,
        metadata={
            "help": "Texts for the extension's messages, by message id, in the build's "
            "language; they win over the project's catalogue and the profile.",
            "check": _label_map,
            "rebuild": "env",
        },
    )
    lifecycles: dict[str, Any] = dc.field(
        default_factory=dict,
        metadata={
            "help": "Several life cycles in one project: {'name': {'root': 'folder/', "
            "...settings of that life cycle by short name}}. Pages outside every root "
            "belong to none.",
            "check": _lifecycles,
            "rebuild": "env",  # which life cycle a page is in decides how it is read
        },
    )


def default_of(field: dc.Field[Any]) -> Any:
    if field.default_factory is not dc.MISSING:
        return field.default_factory()
    return field.default


def get_config(config: Any) -> PhasesConfig:
    """The ``phases_*`` values of Sphinx's *config* as one typed value (checked already)."""
    return PhasesConfig(
        **{f.name: getattr(config, f"phases_{f.name}") for f in dc.fields(PhasesConfig)}
    )


def invalid_values(config: Any) -> Iterator[tuple[str, Any, str, Any]]:
    """Each ``phases_*`` value of *config* that fails its check: (name, value, why, default)."""
    for field in dc.fields(PhasesConfig):
        name = f"phases_{field.name}"
        check: Callable[[Any], str | None] = field.metadata["check"]
        error = check(getattr(config, name))
        if error is not None:
            yield name, getattr(config, name), error, default_of(field)


def config_file(app: Any) -> str:
    """The path of the project's conf.py (*app* is the Sphinx application)."""
    return str(Path(app.confdir, "conf.py"))


def config_line(conf_path: str, name: str) -> int | None:
    """The line that sets *name* in conf.py, so a config warning points at it."""
    try:
        text = Path(conf_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^{re.escape(name)}\s*[:=+]", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None

"""The full text of every warning, pinned in one golden file reviewed like code.

``tests/test_messages/warnings.txt`` holds every warning line the defect roots' builds
give, then what the core's readers say about a small set of wrong values and refused
files. A change of wording shows there as a diff; regenerate it with
``pytest tests/test_messages.py --force-regen`` and review it as code. The shared
wordings are :mod:`sphinx_phases.core.messages` (docs/reference/warnings.md).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from sphinx.util.console import strip_colors

from sphinx_phases.core.config import PhasesConfig, invalid_values
from sphinx_phases.core.gates import parse_gate
from sphinx_phases.core.model import parse_declaration
from sphinx_phases.core.pictograms import build_registry
from sphinx_phases.core.problems import Problem
from sphinx_phases.core.sequence.spec import from_config, from_file, stages_from_config
from sphinx_phases.core.standards import load_standards

ROOTS = Path(__file__).parent / "roots"
# The roots of one defect each (tests/test_defects.py).
BUILT = sorted(p.name for p in ROOTS.glob("test-defect-*"))

# The sequence file, and the standard files, each wrong one way.
SEQUENCE_FILES = {
    "alias.yml": "sequence: &a [alpha]\nloops: *a\n",
    "empty.yml": "",
    "broken.yml": "sequence: [alpha,\n",
    "deep.yml": "sequence: " + "[" * 2000 + "]" * 2000 + "\n",
    "list.yml": "- alpha\n- beta\n",
    "latin.yml": "sequence: [caf\xe9]\n",
    "items.yml": (
        "sequence:\n  - 1\n  - Bad Id\n  - {a: [b], c: [d]}\n  - !!binary aGk=\n"
        "loops:\n  - nope\n  - {from: a}\nstages:\n  - {id: Bad Id, phases: [a]}\n"
        "  - {id: 5, title: [x], phases: b, colour: red}\nextra: 1\n"
    ),
}
STANDARDS = {
    "missing": "missing.yml",
    "outside": "../outside.yml",
    "folder": "folder",
    "empty": "empty.yml",
    "broken": "broken.yml",
    "wrong": "wrong.yml",
    "Bad Id": [],
    "inline": [{"id": "1", "title": "One", "colour": "red"}, {"id": "all"}, "loose"],
    "numbers": 42,
}
STANDARD_FILES = {
    "empty.yml": "",
    "broken.yml": "points: [\n",
    "wrong.yml": (
        "title: [x]\nurl: ftp://example.org\nkey: 1\npoints:\n  - id: 1\n    title: One\n"
        "  - id: 1\n    title: Again\n  - {id: a, title: A}\n  - {id: A, title: Also A}\n"
        "  - {title: No id}\n  - {id: 2}\n  - {id: 3, title: Three, section: [x], url: x}\n"
        "  - {id: 4, title: Understand users, and their needs}\n"
    ),
}


def _line(problem: Problem, root: Path) -> str:
    where = problem.docname or problem.path or ""
    where = os.path.relpath(where, root) if os.path.isabs(where) else where
    if problem.setting:
        where = f"conf.py ({problem.setting})"
    elif problem.line:
        where = f"{where}:{problem.line}"
    return f"{where}: {problem.message} [phases.{problem.subtype.value}]"


def _core_lines(tmp_path: Path) -> list[str]:
    """What the core says, without Sphinx, about each wrong value and refused file."""
    root = tmp_path / "core"
    (root / "folder").mkdir(parents=True)
    (tmp_path / "outside.yml").write_text("points: []\n")
    for name, text in {**SEQUENCE_FILES, **STANDARD_FILES}.items():
        (root / name).write_text(text, "latin-1" if name == "latin.yml" else "utf-8")
    conf = str(root / "conf.py")
    problems: list[Problem] = []
    for given in [*SEQUENCE_FILES, "missing.yml", "folder", "../outside.yml"]:
        _, found = from_file(given, confdir=root, roots=(root,), conf_path=conf)
        problems += found
    problems += from_config(
        ["alpha", 1, "Public Beta", {"a": "b"}, 2.5],
        [{"from": "a"}, ["a", "Bad"]],
        conf_path=conf,
        sequence_line=1,
        loops_line=2,
    )[1]
    problems += stages_from_config([{"id": "s", "phases": [1, None]}], conf_path=conf, line=3)[1]
    problems += load_standards(STANDARDS, root, root, conf)[1]
    raw: dict[str, Any] = {
        "id": "Alp\u0430",
        "previous": "Public Beta",
        "next": 7,
        "status": "reveiw",
        "color": None,
        "colour": "red",
        "title": 2.5,
    }
    problems += parse_declaration(raw, docname="page", line=1, page_title="Page")[1]
    problems += parse_gate(
        {"id": "Alpha Gate", "after": "x"}, docname="page", line=9, criteria=()
    )[1]
    problems += parse_gate(
        {"id": "g", "after": "Bad", "outcome": "done", "date": "soon", "ratings": "1=?"},
        docname="page",
        line=9,
        criteria=(),
    )[1]
    problems += build_registry(
        {"Bad Name": "x.svg", "out": "../x.svg", "missing": "missing.svg", "txt": "a.txt"},
        ["folder", "../elsewhere", "nothing"],
        confdir=root,
        srcdir=root,
    )[1]
    lines = [_line(p, root) for p in problems]

    class Config:
        pass

    config = Config()
    wrong: dict[str, Any] = {
        "navigation": "botom",
        "facts": 1,
        "theme_nav": "yes",
        "pictograms": {"a": 1},
        "pictogram_dirs": ["a", 2],
        "questions": {"Bad": "x"},
        "required_questions": "objective",
        "stages": {},
        "standards": [],
        "default_pictogram": "",
        "sequence": 42,
        "loops": "live",
    }
    for field in PhasesConfig.__dataclass_fields__.values():
        default = field.default_factory() if callable(field.default_factory) else field.default
        setattr(config, f"phases_{field.name}", wrong.get(field.name, default))
    for name, value, error, _default in invalid_values(config):
        lines.append(f"conf.py: {name} = {value!r} is not valid: {error} [phases.config]")
    return lines


def _build_lines(make_app: Any, tmp_path: Path) -> list[str]:
    lines: list[str] = []
    for name in BUILT:
        srcdir = tmp_path / name
        shutil.copytree(ROOTS / name, srcdir)
        app = make_app("html", srcdir=srcdir)
        app.build()
        text = strip_colors(app.warning.getvalue())
        for line in text.splitlines():
            if "[phases." in line:
                lines.append(f"{name}/" + line.replace(str(srcdir).rstrip("/") + "/", ""))
    return lines


def _command_line_lines(make_app: Any, tmp_path: Path) -> list[str]:
    """A wrong value given with ``-D``, which conf.py does not hold."""
    srcdir = tmp_path / "command-line"
    shutil.copytree(ROOTS / "test-basic", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"phases_navigation": "sideways"})
    app.build()
    text = strip_colors(app.warning.getvalue())
    prefix = str(srcdir).rstrip("/") + "/"
    return [line.replace(prefix, "") for line in text.splitlines() if "[phases." in line]


def test_every_warning_reads_as_pinned(
    make_app: Any, tmp_path: Path, file_regression: Any
) -> None:
    lines = ["# Builds of the defect roots", *_build_lines(make_app, tmp_path)]
    lines += ["", "# A value given on the command line", *_command_line_lines(make_app, tmp_path)]
    lines += ["", "# The core's readers and checks", *_core_lines(tmp_path)]
    file_regression.check("\n".join(lines) + "\n", basename="warnings", extension=".txt")

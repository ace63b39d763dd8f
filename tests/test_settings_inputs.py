"""Settings as the build meets them (issue 21 item 8): paths no file system can hold, a
value given with ``-D``, an unknown default pictogram, and values too long to print.

Each is one located warning, worded in tests/test_messages/warnings.txt (the roots
``test-defect-paths``, ``test-defect-default-pictogram`` and ``test-defect-long-values``),
never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import phase_warnings

from sphinx_phases.core.inputs import confine, path_problem
from sphinx_phases.core.values import usable_path, usable_paths

PAGES = {
    "index.md": "# Manual\n\n```{toctree}\nalpha\n```\n",
    "alpha.md": "# Alpha\n\n```{phase} alpha\n```\n\n```{phase-outputs}\n- One\n- Two\n```\n",
}

# Each phases_* setting that names a file or a folder, holding a NUL character or a name
# longer than any file system allows.
PATHS = {
    "sequence-nul": 'phases_sequence = "x\\0y.yml"',
    "sequence-long": 'phases_sequence = "a" * 5000 + ".yml"',
    "profile-nul": 'phases_profile = "x\\0.yml"',
    "profile-long": 'phases_profile = "a/" * 3000 + "p.yml"',
    "standards-nul": 'phases_standards = {"s": "x\\0.yml"}',
    "standards-long": 'phases_standards = {"s": "a" * 5000 + ".yml"}',
    "pictograms-nul": 'phases_pictograms = {"p": "x\\0.svg"}',
    "pictograms-long": 'phases_pictograms = {"p": "a" * 5000 + ".svg"}',
    "pictogram-dirs-nul": 'phases_pictogram_dirs = ["x\\0"]',
    "pictogram-dirs-long": 'phases_pictogram_dirs = ["a" * 5000]',
}


def _project(root: Path, setting: str) -> Path:
    root.mkdir()
    (root / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_phases"]\n{setting}\n', "utf8"
    )
    for name, text in PAGES.items():
        (root / name).write_text(text, "utf8")
    return root


@pytest.mark.parametrize("case", sorted(PATHS))
def test_a_path_no_file_system_holds_is_one_located_warning(
    make_app: Any, tmp_path: Path, case: str
) -> None:
    app = make_app("html", srcdir=_project(tmp_path / "src", PATHS[case]))
    app.build()  # before: ExtensionError ("embedded null byte", "File name too long")
    found = phase_warnings(app)
    assert len(found) == 1, found
    assert found[0].startswith("conf.py:2: WARNING: ")
    assert len(found[0]) < 600, found[0]  # the path is excerpted
    # What is wrong is the path itself, not where it leads.
    assert "NUL character" in found[0] or "characters" in found[0] or "bytes" in found[0]
    assert "outside the project" not in found[0]
    assert (app.outdir / "alpha.html").is_file()


def test_path_problem_names_what_no_file_system_holds(tmp_path: Path) -> None:
    assert path_problem("phases.yml") is None
    assert path_problem("folder/" + "a" * 255) is None
    assert "NUL" in (path_problem("a\0b") or "")
    assert "longer than 4,096 characters" in (path_problem("a/" * 2049) or "")
    assert "255 bytes" in (path_problem("a" * 256) or "")
    # Confining such a path is a refusal, not a ValueError or an OSError.
    assert confine(tmp_path / "a\0b", [tmp_path]) is None
    assert confine(tmp_path / ("a" * 5000), [tmp_path]) is None
    # The validators for the settings that name files (core/config.py wires them).
    assert usable_path(42) is None
    assert usable_path("x\0") == (
        "expected the path of a file in the project, without a NUL character"
    )
    assert usable_paths({"p": "ok.svg", "q": "x\0.svg"}) is not None
    assert usable_paths(["ok", "a" * 300]) is not None
    assert usable_paths(["ok", "fine/too"]) is None


def test_a_value_given_with_d_is_said_to_come_from_the_command_line(
    make_app: Any, tmp_path: Path
) -> None:
    srcdir = _project(tmp_path / "src", 'phases_navigation = "top"')
    app = make_app("html", srcdir=srcdir, confoverrides={"phases_navigation": "sideways"})
    app.build()
    assert phase_warnings(app) == [
        "conf.py:: WARNING: phases_navigation = 'sideways', given on the command line "
        "(-D phases_navigation=sideways), is not valid: expected one of 'bottom', 'top', "
        "'both', 'none'; the default is used [phases.config]"
    ]


@pytest.mark.parametrize("markup", ["myst", "rst"])
def test_an_unknown_default_pictogram_is_reported_once_at_conf_py(
    make_app: Any, tmp_path: Path, markup: str
) -> None:
    srcdir = _project(tmp_path / "src", 'phases_default_pictogram = "nope"')
    if markup == "rst":
        (srcdir / "alpha.md").unlink()
        (srcdir / "alpha.rst").write_text(
            "Alpha\n=====\n\n.. phase:: alpha\n\n.. phase-outputs::\n\n   - One\n   - Two\n\n"
            ".. phase-activities::\n\n   - Three\n",
            "utf8",
        )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "conf.py:2: WARNING: phases_default_pictogram names 'nope', which is not known; "
        "expected a built-in pictogram or one from phases_pictograms [phases.pictogram]"
    ]


def test_long_values_are_excerpted_in_every_message(make_app: Any, copy_root: Any) -> None:
    app = make_app("html", srcdir=copy_root("defect-long-values"))
    app.build()
    found = phase_warnings(app)
    assert len(found) == 5, found
    for line in found:
        assert len(line) < 400, line[:300]
        assert " characters)" in line, line

"""Files the extension reads: confined to the project, bounded, never echoed into the log.

The sequence file named by ``phases_sequence`` is read only if it resolves (symlinks
followed) inside the source or configuration directory, only if it holds plain YAML (no
aliases, which a safe loader would still expand ten-fold per level) of a sane size, and a
warning about it names the path and quotes at most a short excerpt of what it found.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.hostile.helpers import Build

from sphinx_phases.core.inputs import EXCERPT_CHARS, MAX_YAML_NODES

SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-PROJECT:/root:/bin/bash"
PAGES = {
    "index.md": "# Manual\n\n```{toctree}\na\nb\n```\n",
    "a.md": "# A\n\n```{phase} a\n```\n",
    "b.md": "# B\n\n```{phase} b\n```\n",
}


def _project(tmp_path: Path, sequence: str) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET + "\n" + "daemon:x:1:1::/:/bin/sh\n" * 50)
    (outside / "phases.yml").write_text("sequence: [b, a]\n# " + SECRET + "\n")
    src = tmp_path / "src"
    src.mkdir()
    for name, text in PAGES.items():
        (src / name).write_text(text)
    (src / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_phases"]\nphases_sequence = {sequence!r}\n'
    )
    return src


def _build(tmp_path: Path, src: Path) -> Build:
    return Build(src, tmp_path / "out")


OUTSIDE = {
    "absolute": lambda tmp: str(tmp / "outside" / "passwd"),
    "dotdot": lambda tmp: "../outside/phases.yml",
    "etc-passwd": lambda tmp: "/etc/passwd",
    "symlink": lambda tmp: "phases.yml",  # a committed link that points outside
}


@pytest.mark.parametrize("case", sorted(OUTSIDE))
def test_a_sequence_file_outside_the_project_is_refused_unread(tmp_path: Path, case: str) -> None:
    named = OUTSIDE[case](tmp_path)
    src = _project(tmp_path, named)
    if case == "symlink":
        (src / "phases.yml").symlink_to(tmp_path / "outside" / "phases.yml")
    build = _build(tmp_path, src)
    assert build.status == 0
    assert build.warnings == [
        f"conf.py:2: WARNING: phases_sequence names {named!r}, which resolves outside the "
        "project; expected a YAML file inside the source or configuration directory; the "
        "default sequence is used [phases.config]"
    ]
    assert "SECRET" not in build.stderr
    # The toctree order is used (a, b), not the outside file's (b, a).
    page = (build.outdir / "a.html").read_text()
    assert 'href="b.html#phase-b" rel="next"' in page


def test_a_link_inside_the_project_is_read(tmp_path: Path) -> None:
    src = _project(tmp_path, "phases.yml")
    (src / "data").mkdir()
    (src / "data" / "order.yml").write_text("sequence: [b, a]\n")
    (src / "phases.yml").symlink_to(src / "data" / "order.yml")
    build = _build(tmp_path, src)
    assert build.warnings == []
    assert 'href="a.html#phase-a" rel="next"' in (build.outdir / "b.html").read_text()


def test_an_alias_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    src = _project(tmp_path, "phases.yml")
    (src / "phases.yml").write_text("order: &order [b, a]\nsequence: *order\n")
    build = _build(tmp_path, src)
    assert build.warnings == [
        "phases.yml:2: WARNING: phases_sequence: the file is not read: it uses an alias "
        "(*order); expected plain YAML without anchors and aliases; the default sequence "
        "is used [phases.config]"
    ]
    assert 'href="b.html#phase-b" rel="next"' in (build.outdir / "a.html").read_text()


def test_a_file_of_too_many_values_is_refused(tmp_path: Path) -> None:
    src = _project(tmp_path, "phases.yml")
    values = ", ".join(["a"] * MAX_YAML_NODES)
    (src / "phases.yml").write_text(f"sequence: [{values}]\n")
    build = _build(tmp_path, src)
    assert build.warnings == [
        f"phases.yml:1: WARNING: phases_sequence: the file is not read: it holds more than "
        f"{MAX_YAML_NODES:,} values; expected a smaller file; the default sequence is used "
        "[phases.config]"
    ]


def test_a_long_value_is_quoted_as_a_short_excerpt(tmp_path: Path) -> None:
    src = _project(tmp_path, "phases.yml")
    (src / "phases.yml").write_text(SECRET * 40 + "\n")
    build = _build(tmp_path, src)
    (line,) = build.warnings
    assert line.startswith(
        "phases.yml:1: WARNING: phases_sequence: the file holds the text 'root:x:0:0:"
    ), line
    assert f"… ({len(SECRET) * 40:,} characters); expected a mapping" in line
    quoted = line.split("the text ", 1)[1].split("…", 1)[0]
    assert len(quoted) < EXCERPT_CHARS


def test_a_long_configuration_value_is_quoted_as_a_short_excerpt(tmp_path: Path) -> None:
    src = _project(tmp_path, "phases.yml")
    (src / "phases.yml").write_text("sequence: [a, b]\n")
    with (src / "conf.py").open("a") as conf:
        conf.write(f"phases_navigation = {SECRET * 40!r}\n")
    build = _build(tmp_path, src)
    (line,) = build.warnings
    assert line.startswith("conf.py:3: WARNING: phases_navigation = 'root:x:0:0:"), line
    assert SECRET * 2 not in line

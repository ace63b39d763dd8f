"""Project pictograms: accepted inside the project, refused with a located warning outside."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from tests.conftest import warning_lines

SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def site(tmp_path: Path, conf: str, page: str) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_phases"]\n' + conf)
    (srcdir / "index.md").write_text(f"# Home\n\n```{{phase}} home\n```\n\n{page}\n")
    return srcdir


def build(make_app: Any, srcdir: Path, builder: str = "html") -> SphinxTestApp:
    app = make_app(builder, srcdir=srcdir)
    app.build()
    return app


def test_project_pictograms_by_name_and_folder(make_app: Any, tmp_path: Path) -> None:
    srcdir = site(
        tmp_path,
        'phases_pictograms = {"logo": "art/logo.svg"}\nphases_pictogram_dirs = ["_pictos"]\n',
        "{pictogram}`logo` {pictogram}`badge` {pictogram}`team`",
    )
    (srcdir / "art").mkdir()
    (srcdir / "art" / "logo.svg").write_bytes(SVG)
    (srcdir / "_pictos").mkdir()
    (srcdir / "_pictos" / "badge.png").write_bytes(PNG)
    (srcdir / "_pictos" / "team.svg").write_bytes(SVG)  # overrides the built-in one
    app = build(make_app, srcdir)
    assert warning_lines(app) == []
    out = Path(app.outdir, "_static", "phases-pictograms")
    assert sorted(p.name for p in out.iterdir()) == ["badge.png", "logo.svg", "team.svg"]
    assert (out / "team.svg").read_bytes() == SVG


def test_unknown_and_empty_names_are_reported_where_used(make_app: Any, tmp_path: Path) -> None:
    srcdir = site(tmp_path, "", "{pictogram}`tema` and {pictogram}` `")
    app = build(make_app, srcdir)
    assert warning_lines(app) == [
        "index.md:6: WARNING: a pictogram has an empty name; expected the name of a built-in "
        "pictogram or one from phases_pictograms [phases.pictogram]",
        "index.md:6: WARNING: pictogram 'tema' is not known; expected a built-in pictogram "
        "or one from phases_pictograms (did you mean 'team'?) [phases.pictogram]",
    ]
    html = Path(app.outdir, "index.html").read_text("utf8")
    assert '<span class="phases-pictogram-missing">tema</span>' in html


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ("outside", "resolves outside the project"),
        ("symlink", "resolves outside the project"),
        ("missing", "is missing or not a regular file"),
        ("directory", "is missing or not a regular file"),
        ("script", "holds element 'script' (namespace 'http://www.w3.org/2000/svg')"),
        ("external", "holds element 'image' (namespace 'http://www.w3.org/2000/svg')"),
        ("fake-png", "is not a PNG image"),
        ("text", "is not an .svg or .png file"),
    ],
)
def test_bad_pictogram_files_are_refused(
    make_app: Any, tmp_path: Path, setup: str, reason: str
) -> None:
    outside = tmp_path / "secret.svg"
    outside.write_bytes(SVG)
    paths = {
        "outside": "../secret.svg",
        "symlink": "link.svg",
        "missing": "gone.svg",
        "directory": "folder.svg",
        "script": "bad.svg",
        "external": "ext.svg",
        "fake-png": "fake.png",
        "text": "notes.txt",
    }
    srcdir = site(tmp_path, f'phases_pictograms = {{"x": "{paths[setup]}"}}\n', "{pictogram}`x`")
    (srcdir / "bad.svg").write_bytes(SVG.replace(b"<rect", b"<script>alert(1)</script><rect"))
    (srcdir / "ext.svg").write_bytes(
        SVG.replace(b"<rect", b'<image href="https://example.org/a.png"/><rect')
    )
    (srcdir / "fake.png").write_bytes(b"GIF89a")
    (srcdir / "notes.txt").write_bytes(b"hello")
    (srcdir / "folder.svg").mkdir()
    os.symlink(outside, srcdir / "link.svg")
    app = build(make_app, srcdir)
    lines = warning_lines(app)
    # One problem, one warning: at the setting; the page that uses the name shows its
    # label without a second report.
    assert len(lines) == 1
    assert lines[0].startswith(f"conf.py:2: WARNING: pictogram 'x': '{paths[setup]}' {reason}")
    assert lines[0].endswith("[phases.pictogram]")
    assert '<span class="phases-pictogram-missing">x</span>' in Path(
        app.outdir, "index.html"
    ).read_text("utf8")
    assert not Path(app.outdir, "_static", "phases-pictograms").exists()


def test_png_pictograms_reach_latex(make_app: Any, tmp_path: Path) -> None:
    srcdir = site(
        tmp_path,
        'phases_pictograms = {"badge": "badge.png"}\n',
        "{pictogram}`badge` and {pictogram}`team`",
    )
    (srcdir / "badge.png").write_bytes(PNG)
    app = build(make_app, srcdir, "latex")
    assert warning_lines(app) == []
    assert Path(app.outdir, "phases-pictograms", "badge.png").is_file()
    tex = next(Path(app.outdir).glob("*.tex")).read_text("utf8")
    assert r"\sphinxincludegraphics[height=1.2em]{phases-pictograms/badge.png}" in tex

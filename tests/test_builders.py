"""Every builder renders a phase site without a warning, and each keeps the meaning."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sphinx.cmd.build import build_main

from sphinx_phases import nodes as phase_nodes
from sphinx_phases.writers import FORMATS, HANDLERS

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "linkcheck",
    "dummy",
    "xml",
    "pseudoxml",
]


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_is_clean_under_w(copy_root: Any, tmp_path: Path, builder: str) -> None:
    srcdir = copy_root("service")
    outdir, doctrees = tmp_path / "out", tmp_path / "doctrees"
    # Doctrees outside the output folder, or epub would try to pack them.
    args = ["-W", "-q", "-b", builder, "-d", str(doctrees), str(srcdir), str(outdir)]
    assert build_main(args) == 0


def test_every_node_has_a_handler_for_every_format() -> None:
    assert set(HANDLERS) == {getattr(phase_nodes, name) for name in phase_nodes.__all__}
    for handlers in HANDLERS.values():
        assert set(handlers) == set(FORMATS)


def test_text_keeps_the_navigation_and_labels(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert build_main(["-q", "-b", "text", str(srcdir), str(tmp_path)]) == 0
    live = (tmp_path / "live.txt").read_text("utf8")
    assert "Previous phase: Beta" in live
    assert "Go back to: Discovery" in live
    assert "Final phase: Retirement" in live
    assert "* Live service" in live  # decorative pictograms leave only their label
    index = (tmp_path / "index.txt").read_text("utf8")
    assert "[team]" in index  # an inline pictogram keeps its meaning as text
    alpha = (tmp_path / "alpha.txt").read_text("utf8")
    assert "**Draft** This page is a draft" in alpha


def test_latex_leaves_navigation_out_and_keeps_labels(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert build_main(["-q", "-b", "latex", str(srcdir), str(tmp_path)]) == 0
    tex = next(tmp_path.glob("*.tex")).read_text("utf8")
    assert "Previous phase" not in tex  # a printed manual reads in order
    assert "Live service" in tex
    assert "{[}team{]}" in tex  # SVG pictograms fall back to their label, "[team]"
    assert "This page is a draft" in tex


def test_epub_carries_the_stylesheet_and_pictograms(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert (
        build_main(["-q", "-b", "epub", "-d", str(tmp_path / "d"), str(srcdir), str(tmp_path)])
        == 0
    )
    assert (tmp_path / "_static" / "phases.css").is_file()
    assert (tmp_path / "_static" / "phases-pictograms" / "website.svg").is_file()
    assert not (tmp_path / "phases.json").exists()

"""The snippets the documentation shows (source and live result) build cleanly here too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

DOCS = Path(__file__).parents[1] / "docs"
SNIPPETS = sorted(p.name for p in (DOCS / "snippets").glob("*.md"))


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippet_builds_beside_the_example_manual(tmp_path: Path, snippet: str) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(DOCS / "example-service", srcdir)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]\n'
        'phases_sequence = "phases.yml"\n'
        'phases_standards = {"service-standard": "service-standard.yml"}\n'
    )
    text = (DOCS / "snippets" / snippet).read_text("utf8")
    (srcdir / "snippet.md").write_text(f"# Snippet\n\n{text}")
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace(":hidden:\n\n", ":hidden:\n\nsnippet\n"))
    out = tmp_path / "out"
    assert build_main(["-W", "-q", "-b", "html", str(srcdir), str(out)]) == 0
    body = BeautifulSoup((out / "snippet.html").read_text("utf8"), "html.parser")
    assert body.select('[class^="phases-"], .phases-phase, img.phases-pictogram')

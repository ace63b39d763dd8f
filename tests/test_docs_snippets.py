"""The snippets the documentation shows (source and live result) build cleanly here too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

DOCS = Path(__file__).parents[1] / "docs"
SNIPPETS = sorted(p.name for p in (DOCS / "snippets").glob("*.md"))


# As in docs/conf.py, the snippets' page belongs to no life cycle: the service manual and
# the product launch are two (reference/lifecycles.md).
CONF = """extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]
phases_lifecycles = {
    "service": {
        "root": "example-service/",
        "sequence": "example-service/phases.yml",
        "standards": {"service-standard": "example-service/service-standard.yml"},
    },
    "stage-gate": {
        "root": "examples/stage-gate/",
        "profile": "stage-gate",
        "sequence": ["discovery", "scoping", "business-case", "development", "testing",
                     "launch", "post-launch-review"],
    },
}
"""


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippet_builds_beside_the_example_manual(tmp_path: Path, snippet: str) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(DOCS / "example-service", srcdir / "example-service")
    shutil.copytree(DOCS / "examples" / "stage-gate", srcdir / "examples" / "stage-gate")
    (srcdir / "conf.py").write_text(CONF)
    text = (DOCS / "snippets" / snippet).read_text("utf8")
    (srcdir / "snippet.md").write_text(f"# Snippet\n\n{text}")
    (srcdir / "index.md").write_text(
        "# Site\n\n```{toctree}\nexample-service/index\nexamples/stage-gate/index\nsnippet\n```\n"
    )
    out = tmp_path / "out"
    assert build_main(["-W", "-q", "-b", "html", str(srcdir), str(out)]) == 0
    body = BeautifulSoup((out / "snippet.html").read_text("utf8"), "html.parser")
    assert body.select('[class^="phases-"], .phases-phase, img.phases-pictogram')

"""The example manual builds cleanly under the themes people use, each page with its nav."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

EXAMPLE = Path(__file__).parents[1] / "docs" / "example-service"
THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]

pytestmark = pytest.mark.slow  # ten full builds of the example manual


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("theme_nav", [False, True])
def test_example_manual_under_theme(tmp_path: Path, theme: str, theme_nav: bool) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(EXAMPLE, srcdir)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]\n'
        'project = "Example manual"\n'
        'root_doc = "index"\n'
        f'html_theme = "{theme}"\n'
        'phases_sequence = "phases.yml"\n'
        'phases_standards = {"service-standard": "service-standard.yml"}\n'
        f"phases_theme_nav = {theme_nav}\n"
    )
    outdir = tmp_path / "out"
    args = ["-W", "-q", "-b", "html", "-d", str(tmp_path / "doctrees"), str(srcdir), str(outdir)]
    assert build_main(args) == 0
    for page in (
        "discovery",
        "alpha",
        "beta",
        "private-beta",
        "public-beta",
        "live",
        "retirement",
    ):
        soup = BeautifulSoup((outdir / f"{page}.html").read_text("utf8"), "html.parser")
        navs = soup.select('nav.phases-nav[aria-label="Phase navigation"]')
        assert len(navs) == 1, page
        assert navs[0].select("a.phases-nav__link"), page
    beta = (outdir / "beta.html").read_text("utf8")
    # Both the reading order and the toctree lead from beta into its first sub-phase.
    assert '<link rel="next" title="' in beta
    assert 'href="private-beta.html"' in beta.split('<link rel="next"')[1].split(">")[0]
    # The toctree puts the overview before discovery; the reading order starts there.
    discovery = (outdir / "discovery.html").read_text("utf8")
    if theme_nav:
        assert '<link rel="prev"' not in discovery
    else:
        previous = discovery.split('<link rel="prev"')[1].split(">")[0]
        assert 'href="overview.html"' in previous

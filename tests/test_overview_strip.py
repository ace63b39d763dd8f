"""``phase-sequence :style: strip`` in every format, and ``:summaries: false`` in every style
(docs/reference/overviews.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tinycss2
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from tests.conftest import component, warning_lines

from sphinx_phases.render.overviews import STYLES

STRIP = "\n```{phase-sequence}\n:style: strip\n```\n"
# The gates root: two stages, a parent with sub-phases, a gate with an outcome.
LINE = (
    "Stage: **Explore** — Discovery, Alpha, Gate: Alpha assessment [Met]; Stage: "
    "**Deliver** — Beta (**Private beta**, Gate: Beta assessment, Public beta, Gate: Live "
    "assessment), Live"
)


def _strip_app(make_app: Any, copy_root: Any, builder: str) -> SphinxTestApp:
    srcdir = copy_root("gates")
    for name in ("index.md", "private-beta.md"):
        with (srcdir / name).open("a") as page:
            page.write(STRIP)
    app = make_app(builder, srcdir=srcdir, confoverrides={"phases_standard_coverage": False})
    app.build()
    assert warning_lines(app) == []
    return app


def test_strip_html(make_app: Any, copy_root: Any, file_regression: Any) -> None:
    app = _strip_app(make_app, copy_root, "html")
    selector = "p.phases-sequence--strip"
    file_regression.check(
        component(app, "private-beta.html", selector), basename="strip", extension=".html"
    )
    page = BeautifulSoup(Path(app.outdir, "private-beta.html").read_text("utf8"), "html.parser")
    (strip,) = page.select(selector)
    # Stage titles over their phases; titles only, left to right.
    stages = strip.select(".phases-strip__stage")
    assert [s.select_one(".phases-strip__stage-title strong").get_text() for s in stages] == [
        "Explore",
        "Deliver",
    ]
    phases = strip.select(".phases-strip__phase")
    assert [p.get_text() for p in phases] == [
        "Discovery",
        "Alpha",
        "Beta",
        "Private beta",
        "Public beta",
        "Live",
    ]
    assert not strip.select("img, .phases-tag--draft, .phases-sequence__summary")
    # Sub-phases inline after their parent, marked smaller.
    sub = strip.select_one(".phases-strip__sub")
    assert [p.get_text() for p in sub.select(".phases-strip__phase--sub")] == [
        "Private beta",
        "Public beta",
    ]
    # The page's own phase: aria-current and bold.
    (current,) = strip.select('[aria-current="step"]')
    assert current.get_text() == "Private beta"
    assert current.select_one("strong a")
    # A gate: a diamond link whose words say "Gate", for screen readers and on hover.
    gates = strip.select(".phases-strip__gate > a")
    assert [g.get_text() for g in gates] == [
        "Gate: Alpha assessment Outcome: Met",
        "Gate: Beta assessment",
        "Gate: Live assessment",
    ]
    assert gates[0]["title"] == "Gate: Alpha assessment [Met]"
    assert gates[0]["href"] == "alpha.html#gate-alpha-assessment"
    assert all(g.select_one(".phases-strip__gate-words") for g in gates)
    # The overview page is no phase's page: nothing is marked.
    index = Path(app.outdir, "index.html").read_text("utf8")
    assert index.count("phases-sequence--strip") == 1
    assert "aria-current" not in index


def test_strip_is_one_line_of_words_in_text(make_app: Any, copy_root: Any) -> None:
    app = _strip_app(make_app, copy_root, "text")
    text = Path(app.outdir, "private-beta.txt").read_text("utf8")
    assert LINE in " ".join(text.split())
    assert "\N{BLACK DIAMOND}" not in text


def test_strip_is_one_paragraph_in_latex(make_app: Any, copy_root: Any) -> None:
    app = _strip_app(make_app, copy_root, "latex")
    (tex,) = Path(app.outdir).glob("*.tex")
    source = tex.read_text("utf8")
    lines = [line for line in source.splitlines() if "phases-strip__stage" in line]
    assert len(lines) == 2  # each strip one paragraph, one source line (index, private beta)
    for line in lines:
        for words in ("Stage: }", "Gate: Alpha assessment {[}", "{Discovery}", "{Live}"):
            assert words in line, words
    # The page's own phase is bold; no diamond character (pdflatex rejects it).
    bold = r"\sphinxstylestrong{{\hyperref[\detokenize{private-beta:phase-private-beta}]"
    assert sum(line.count(bold) for line in lines) == 1
    assert "\N{BLACK DIAMOND}" not in source


def _declarations(css: str, selector: str) -> dict[str, str]:
    """The declarations of every rule whose selector list holds *selector*."""
    found: dict[str, str] = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
        if selector in selectors:
            for item in tinycss2.parse_declaration_list(
                rule.content, skip_comments=True, skip_whitespace=True
            ):
                if item.type == "declaration":
                    found[item.lower_name] = tinycss2.serialize(item.value).strip()
    return found


def test_strip_wraps_rather_than_scrolling_the_page() -> None:
    css = (Path(__file__).parents[1] / "src/sphinx_phases/static/phases.css").read_text("utf8")
    # At 320 px the row and each stage's and parent's run wrap onto more rows; no part is
    # wider than the page or made to scroll.
    for selector in ("p.phases-sequence--strip", ".phases-strip__phases", ".phases-strip__sub"):
        declared = _declarations(css, selector)
        assert declared.get("display") == "flex", selector
        assert declared.get("flex-wrap") == "wrap", selector
        assert "overflow-x" not in declared, selector
        assert "white-space" not in declared, selector
    assert _declarations(css, "p.phases-sequence--strip")["overflow-wrap"] == "anywhere"
    assert _declarations(css, ".phases-strip__stage")["max-width"] == "100%"
    assert _declarations(css, ".phases-strip__phase")["max-width"] == "100%"


# -- :summaries: false -----------------------------------------------------------------------


SELECTORS = {"steps": "ol.phases-sequence"}


@pytest.mark.parametrize("style", [s for s in STYLES if s != "strip"])
def test_summaries_false_leaves_summaries_out(make_app: Any, copy_root: Any, style: str) -> None:
    srcdir = copy_root("overviews")
    (srcdir / "overview.md").write_text(
        "# Overview\n\n"
        f"```{{phase-sequence}}\n:style: {style}\n```\n\n"
        f"```{{phase-sequence}}\n:style: {style}\n:summaries: false\n```\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == []
    page = BeautifulSoup(Path(app.outdir, "overview.html").read_text("utf8"), "html.parser")
    selector = SELECTORS.get(style, f".phases-sequence--{style}")
    shown, left_out = page.select(f"{selector}:not(.phases-sequence--sub)")
    # The default shows the summary, except where the style never does (compact).
    assert ("Learn what users need." in shown.get_text()) == (style != "compact")
    assert "Learn what users need." not in left_out.get_text()
    assert not left_out.select(".phases-sequence__summary")
    assert [a.get_text() for a in left_out.select("a")][:2] == ["Discovery", "Alpha"]


def test_summaries_takes_true_or_false(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("overviews")
    (srcdir / "overview.md").write_text(
        "# Overview\n\n```{phase-sequence}\n:summaries: TRUE\n```\n\n"
        "```{phase-sequence}\n:summaries: no\n```\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == [
        "overview.md:7: WARNING: phase-sequence: summaries 'no' is not valid: expected true "
        "or false; using true [phases.option]"
    ]
    page = Path(app.outdir, "overview.html").read_text("utf8")
    assert page.count("Learn what users need.") == 2

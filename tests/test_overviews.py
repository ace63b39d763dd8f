"""Overviews, standard questions and phases.json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp
from tests.conftest import component, warning_lines

from sphinx_phases.render.overviews import DEFAULT_STYLE, STYLES
from sphinx_phases.sphinx_ext.export import SCHEMA


@pytest.fixture
def overviews(make_app: Any, copy_root: Any) -> SphinxTestApp:
    app = make_app("html", srcdir=copy_root("overviews"))
    app.build()
    assert warning_lines(app) == []
    return app


@pytest.mark.parametrize(
    ("page", "selector", "name"),
    [
        (
            "overview.html",
            "ol.phases-sequence:not(.phases-sequence--line):not(.phases-sequence--sub)",
            "steps",
        ),
        ("overview.html", "div.phases-sequence--cards", "cards"),
        ("overview.html", "table.phases-table", "table"),
        ("live.html", "ol.phases-sequence:not(.phases-sequence--sub)", "steps-on-phase-page"),
    ],
)
def test_overview_snapshots(
    overviews: SphinxTestApp, file_regression: Any, page: str, selector: str, name: str
) -> None:
    file_regression.check(
        component(overviews, page, selector), basename=f"overview-{name}", extension=".html"
    )


def test_line_is_the_steps_list_with_its_class(overviews: SphinxTestApp) -> None:
    # The stylesheet draws the tube line; the markup is the steps' (render/overviews/line.py).
    steps = component(
        overviews,
        "overview.html",
        "ol.phases-sequence:not(.phases-sequence--line):not(.phases-sequence--sub)",
    )
    line = component(
        overviews, "overview.html", "ol.phases-sequence--line:not(.phases-sequence--sub)"
    )
    assert (
        line.count(" phases-sequence--line") == steps.count('class="arabic phases-sequence') == 2
    )
    assert line.replace(" phases-sequence--line", "") == steps


def test_every_style_has_its_css_snippet_and_docs() -> None:
    docs = Path(__file__).parents[1] / "docs"
    css = (Path(__file__).parents[1] / "src/sphinx_phases/static/phases.css").read_text("utf8")
    reference = (docs / "reference/overviews.md").read_text("utf8")
    for name in STYLES:
        snippet = docs / "snippets" / f"sequence-{name}.md"
        assert f":style: {name}" in snippet.read_text("utf8") or name == DEFAULT_STYLE
        assert f"`:style: {name}`" in reference
        assert f"../snippets/sequence-{name}.md" in reference
        assert name == DEFAULT_STYLE or f"phases-sequence--{name}" in css


def test_an_unknown_style_names_every_style(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("overviews")
    page = srcdir / "overview.md"
    page.write_text(page.read_text().replace(":style: line", ":style: tube"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == [
        "overview.md:6: WARNING: phase-sequence: style 'tube' is not valid: expected one of "
        "steps, line, cards, compact, strip; using steps [phases.option]"
    ]


def test_compact_shows_one_line_per_phase(
    make_app: Any, copy_root: Any, file_regression: Any
) -> None:
    srcdir = copy_root("overviews")
    page = srcdir / "overview.md"
    page.write_text(page.read_text() + "\n```{phase-sequence}\n:style: compact\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == []
    selector = "ol.phases-sequence--compact:not(.phases-sequence--sub)"
    file_regression.check(
        component(app, "overview.html", selector), basename="overview-compact", extension=".html"
    )
    soup = BeautifulSoup(Path(app.outdir, "overview.html").read_text("utf8"), "html.parser")
    (compact,) = soup.select(selector)
    steps = compact.select("li.phases-sequence__step")
    assert [s.select_one("a").get_text() for s in steps] == [
        "Discovery",
        "Alpha",
        "Beta",
        "Private beta",
        "Public beta",
        "Live",
        "Retirement",
    ]
    # Numbered title and status only: no pictogram, subtitle, summary or loop.
    for step in steps:
        shown = [child.name for child in step.find_all(recursive=False)]
        assert shown in (["p"], ["p", "ol"]), shown
    assert not compact.select("img, .phases-sequence__summary, .phases-sequence__loop")
    assert compact.select(".phases-tag")


def test_cards_need_sphinx_design_loaded_not_listed(make_app: Any, copy_root: Any) -> None:
    # An extension that sets sphinx_design up loads it without conf.py listing it.
    srcdir = copy_root("overviews")
    (srcdir / "loads_design.py").write_text(
        "def setup(app):\n"
        '    app.setup_extension("sphinx_design")\n'
        '    return {"parallel_read_safe": True, "parallel_write_safe": True}\n'
    )
    conf = srcdir / "conf.py"
    conf.write_text(
        "import sys\nsys.path.insert(0, str(__import__('pathlib').Path(__file__).parent))\n"
        + conf.read_text().replace('"sphinx_design"', '"loads_design"')
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "sphinx_design" in app.extensions
    assert "sphinx_design" not in app.config.extensions
    assert warning_lines(app) == []
    soup = BeautifulSoup(Path(app.outdir, "overview.html").read_text("utf8"), "html.parser")
    assert soup.select("div.phases-sequence--cards .phases-card")


def test_current_step_is_marked_on_a_phase_page(overviews: SphinxTestApp) -> None:
    soup = BeautifulSoup(Path(overviews.outdir, "live.html").read_text("utf8"), "html.parser")
    current = soup.select('ol.phases-sequence li[aria-current="step"]')
    assert [li.select_one("a").get_text() for li in current] == ["Live"]
    overview = Path(overviews.outdir, "overview.html").read_text("utf8")
    assert "aria-current" not in overview  # not a phase page


def test_cards_without_sphinx_design_fall_back_to_steps(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("overviews")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace('"sphinx_design", ', ""))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == [
        "overview.md:10: WARNING: phase-sequence: style 'cards' needs 'sphinx_design' in "
        "extensions; using steps [phases.option]"
    ]
    soup = BeautifulSoup(Path(app.outdir, "overview.html").read_text("utf8"), "html.parser")
    assert len(soup.select("ol.phases-sequence:not(.phases-sequence--sub)")) == 3


def test_question_headings_use_the_noun(overviews: SphinxTestApp) -> None:
    toc = overviews.env.tocs["alpha"].astext()
    assert "What is the objective of an alpha?" in toc  # :noun: an alpha
    assert (
        "What is the objective of the discovery phase?" in overviews.env.tocs["discovery"].astext()
    )  # the default noun
    html = Path(overviews.outdir, "alpha.html").read_text("utf8")
    assert 'id="question-objective"' in html
    assert "<h2>What is the objective of an alpha?" in html


def test_question_problems(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("overviews")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + 'phases_required_questions = ["objective", "team"]\n')
    (srcdir / "retirement.md").write_text(
        "# Retirement\n\n```{phase} retirement\n```\n\n```{phase-question} tpyo\nText.\n```\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    lines = [line for line in warning_lines(app) if "retirement.md" in line]
    assert lines == [
        "retirement.md:3: WARNING: phase 'retirement' does not answer the required question "
        "'objective'; expected a phase-question objective section on its page "
        "[phases.question]",
        "retirement.md:3: WARNING: phase 'retirement' does not answer the required question "
        "'team'; expected a phase-question team section on its page [phases.question]",
        "retirement.md:6: WARNING: phase-question: key 'tpyo' is not configured; expected one "
        "of objective, contents, duration, team, outputs [phases.question]",
    ]
    # Sub-phases are exempt.
    assert not any("private-beta" in line for line in warning_lines(app))


def test_phases_json_is_valid_and_complete(overviews: SphinxTestApp) -> None:
    data = json.loads(Path(overviews.outdir, "phases.json").read_text("utf8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf8")))
    assert data["order"] == ["discovery", "alpha", "beta", "live", "retirement"]
    ids = [phase["id"] for phase in data["phases"]]
    assert ids == [
        "discovery",
        "alpha",
        "beta",
        "private-beta",
        "public-beta",
        "live",
        "retirement",
    ]
    live = data["phases"][5]
    assert live["loops"] == ["discovery"]
    assert live["url"] == "live.html"
    assert live["outputs"] == [
        {"label": "Live service", "pictogram": "website"},
        {"label": "User feedback", "pictogram": "discussion"},
        {"label": "Performance data", "pictogram": None},
    ]
    assert data["phases"][1]["questions"] == ["objective"]


def test_phases_json_urls_follow_the_builder_and_base_url(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("overviews")
    out = tmp_path / "out"
    args = [
        "-q",
        "-b",
        "dirhtml",
        "-D",
        "html_baseurl=https://manual.example/",
        str(srcdir),
        str(out),
    ]
    assert build_main(args) == 0
    data = json.loads((out / "phases.json").read_text("utf8"))
    assert data["phases"][0]["url"] == "https://manual.example/discovery/"
    epub = tmp_path / "epub"
    assert build_main(["-q", "-b", "epub", str(srcdir), str(epub)]) == 0
    assert not (epub / "phases.json").exists()


def test_phases_json_is_identical_serial_and_parallel(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("overviews")
    for name, jobs in (("serial", "1"), ("parallel", "2")):
        assert (
            build_main(
                [
                    "-q",
                    "-j",
                    jobs,
                    "-b",
                    "html",
                    "-d",
                    str(tmp_path / f"d-{name}"),
                    str(srcdir),
                    str(tmp_path / name),
                ]
            )
            == 0
        )
    serial = (tmp_path / "serial" / "phases.json").read_bytes()
    assert serial == (tmp_path / "parallel" / "phases.json").read_bytes()


def test_retitling_a_phase_updates_the_overview(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("overviews")
    first = make_app("html", srcdir=srcdir)
    first.build()
    first.cleanup()
    page = srcdir / "beta.md"
    page.write_text(page.read_text().replace("# Beta", "# Beta, for real"))
    second = make_app("html", srcdir=srcdir)
    written: list[str] = []
    second.connect("html-page-context", lambda _a, name, *_: written.append(name))
    second.build()
    second.cleanup()
    docs = sorted(w for w in written if w in second.env.found_docs)
    # beta itself, its neighbours and children, the toctree parent, and both overviews.
    assert docs == ["alpha", "beta", "index", "live", "overview", "private-beta", "public-beta"]
    overview = Path(second.outdir, "overview.html").read_text("utf8")
    assert "Beta, for real" in overview
    clean_src = tmp_path / "clean"
    shutil.copytree(srcdir, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = make_app("html", srcdir=clean_src)
    clean.build()
    assert Path(clean.outdir, "overview.html").read_text("utf8") == overview


def test_the_table_scrolls_inside_a_labelled_focusable_region(
    make_app: Any, copy_root: Any
) -> None:
    app = make_app("html", srcdir=copy_root("overviews"))
    app.build()
    soup = BeautifulSoup((Path(app.outdir) / "overview.html").read_text("utf8"), "html.parser")
    tables = soup.select("table.phases-table")
    assert tables
    for table in tables:
        region = table.parent
        assert region.name == "div", region.name
        assert region["class"] == ["phases-region"]
        assert region["role"] == "region"
        assert region["tabindex"] == "0"
        assert region["aria-label"] == "Phases, as a table"


@pytest.mark.slow
@pytest.mark.parametrize("depth", [60, 600])
def test_a_deep_chain_of_sub_phases_is_reported_and_listed_flat_below_the_limit(
    make_app: Any, tmp_path: Path, depth: int
) -> None:
    # 600 levels raised RecursionError in Sphinx's own tree walks over the nested lists.
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_phases"]\n')
    toctree = "\n".join(f"p{i}" for i in range(depth))
    (srcdir / "index.md").write_text(
        f"# Deep\n\n```{{phase-sequence}}\n```\n\n```{{toctree}}\n{toctree}\n```\n"
    )
    for i in range(depth):
        parent = f":parent: p{i - 1}\n" if i else ""
        (srcdir / f"p{i}.md").write_text(f"# P{i}\n\n```{{phase}} p{i}\n{parent}\nWords.\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == [
        "p50.md:4: WARNING: phase 'p50' is a sub-phase 50 levels deep; expected at most 49 "
        "levels of sub-phases (overviews list deeper ones at the last level) [phases.option]"
    ]
    soup = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
    steps = soup.select("li.phases-sequence__step")
    assert [s.select_one("a").get_text() for s in steps] == [f"P{i}" for i in range(depth)]
    assert max(len(s.find_parents("ol")) for s in steps) == 50

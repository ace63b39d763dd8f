"""Several life cycles in one project (docs/reference/lifecycles.md): ids scoped to a
life cycle, navigation that never crosses, roles bare and qualified, overviews of a named
life cycle, exports and indexes per life cycle, and one located warning per mistake."""

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
from tests.conftest import assert_same_as_clean, build, edit, pages, phase_warnings

from sphinx_phases.sphinx_ext.export import SCHEMA

MARKUPS = {"md": "lifecycles", "rst": "lifecycles-rst"}


def _soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text("utf8"), "html.parser")


def _text(app: SphinxTestApp, page: str, selector: str) -> str:
    found = _soup(app, page).select_one(selector)
    assert found is not None, f"{selector} not in {page}"
    return " ".join(found.get_text(" ").split())


@pytest.fixture(params=sorted(MARKUPS))
def built(request: Any, make_app: Any, copy_root: Any) -> SphinxTestApp:
    app = make_app("html", srcdir=copy_root(MARKUPS[request.param]))
    app.build()
    return app


def test_two_life_cycles_share_ids_and_build_without_a_warning(built: SphinxTestApp) -> None:
    assert phase_warnings(built) == []
    assert built.statuscode == 0


def test_navigation_and_facts_stay_within_a_life_cycle(built: SphinxTestApp) -> None:
    # The last phase of one is not followed by the first of the next.
    assert _text(built, "service/review.html", "nav.phases-nav") == (
        "Previous phase : Alpha This is the final phase"
    )
    assert _text(built, "buying/discovery.html", "nav.phases-nav") == (
        "This is the first stage Next stage : Tender"
    )
    # "n of m" counts within the life cycle; each speaks its own profile's words.
    assert _text(built, "service/review.html", ".phases-facts") == (
        "Position Phase 3 of 3 Starts after Alpha assessment"
    )
    assert _text(built, "buying/review.html", ".phases-facts") == (
        "Position Stage 3 of 3 Starts after Award"
    )


def test_bare_roles_name_the_own_life_cycle_and_qualified_ones_another(
    built: SphinxTestApp,
) -> None:
    links = {
        a.get_text(): a["href"]
        for a in _soup(built, "service/discovery.html").select(".phases-phase a, p a")
        if a.get("href", "").endswith(("phase-alpha", "phase-tender"))
    }
    assert links == {
        "Alpha": "alpha.html#phase-alpha",
        "Tender": "../buying/tender.html#phase-tender",
    }
    review = _soup(built, "buying/review.html").find("a", href="discovery.html#phase-discovery")
    assert review is not None  # buying's discovery, not the service's
    # Outside every root: qualified, or a bare id only one life cycle declares.
    first = _soup(built, "overview.html").select_one("section > p")
    assert first is not None
    outside = {a["href"] for a in first.select("a")}
    assert outside == {
        "service/discovery.html#phase-discovery",
        "buying/review.html#phase-review",
        "buying/tender.html#phase-tender",
    }


def test_overviews_show_their_own_or_the_named_life_cycle(built: SphinxTestApp) -> None:
    steps = ".phases-sequence__title a, .phases-sequence__gate a"
    own = [a["href"] for a in _soup(built, "buying/index.html").select(steps)]
    assert own == [
        "discovery.html#phase-discovery",
        "tender.html#phase-tender",
        "tender.html#gate-award",
        "review.html#phase-review",
    ]
    soup = _soup(built, "overview.html")
    sequence = [a["href"] for a in soup.select(steps)]
    assert sequence == [
        "service/discovery.html#phase-discovery",
        "service/alpha.html#phase-alpha",
        "service/alpha.html#gate-alpha-assessment",
        "service/review.html#phase-review",
    ]
    table = soup.select_one("table")
    assert table is not None
    assert [a["href"] for a in table.select("a")] == [
        "buying/discovery.html#phase-discovery",
        "buying/tender.html#phase-tender",
        "buying/review.html#phase-review",
    ]
    # The table speaks the buying life cycle's words.
    assert table.select_one("th").get_text(strip=True) == "Stage"


def test_phases_json_lists_the_life_cycles_and_follows_the_schema(built: SphinxTestApp) -> None:
    data = json.loads((built.outdir / "phases.json").read_text("utf8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf8")))
    assert data["version"] == 2
    shown = [
        (c["name"], c["root"], c["order"], [g["id"] for g in c["gates"]])
        for c in data["lifecycles"]
    ]
    assert shown == [
        ("buying", "buying/", ["discovery", "tender", "review"], ["award"]),
        ("service", "service/", ["discovery", "alpha", "review"], ["alpha-assessment"]),
    ]
    award = data["lifecycles"][0]["gates"][0]
    assert (award["outcome"], award["outcome_means"]) == ("go", "proceed")


def test_inventory_names_are_qualified_and_the_index_grouped(built: SphinxTestApp) -> None:
    domain: Any = built.env.get_domain("phases")
    names = sorted(
        (name, kind, docname) for name, _t, kind, docname, _a, _p in domain.get_objects()
    )
    assert names == [
        ("buying:award", "gate", "buying/tender"),
        ("buying:discovery", "phase", "buying/discovery"),
        ("buying:review", "phase", "buying/review"),
        ("buying:tender", "phase", "buying/tender"),
        ("service:alpha", "phase", "service/alpha"),
        ("service:alpha-assessment", "gate", "service/alpha"),
        ("service:discovery", "phase", "service/discovery"),
        ("service:review", "phase", "service/review"),
    ]
    index = _soup(built, "phases-index.html")
    groups = [h.get_text(strip=True) for h in index.select("table.indextable tr.cap td")]
    groups = [group for group in groups if group]
    assert groups == ["buying", "service"]


BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "json"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_is_clean_under_w(copy_root: Any, tmp_path: Path, builder: str) -> None:
    srcdir = copy_root("lifecycles")
    args = ["-W", "-q", "-b", builder, "-d", str(tmp_path / "d"), str(srcdir), str(tmp_path / "o")]
    assert build_main(args) == 0


def test_text_and_latex_keep_each_life_cycle_apart(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("lifecycles")
    for builder in ("text", "latex"):
        out = tmp_path / builder
        args = ["-q", "-b", builder, "-d", str(tmp_path / "d"), str(srcdir), str(out)]
        assert build_main(args) == 0
    review = (tmp_path / "text" / "service" / "review.txt").read_text("utf8")
    assert "Phase 3 of 3" in review
    assert "This is the final phase" in review
    latex = next((tmp_path / "latex").glob("*.tex")).read_text("utf8")
    assert "Stage 3 of 3" in latex
    assert "Phase 3 of 3" in latex


@pytest.mark.slow
def test_parallel_equals_serial(make_app: Any, copy_root: Any, tmp_path: Path) -> None:
    serial_src = copy_root("lifecycles", "serial")
    parallel_src = copy_root("lifecycles", "parallel")
    serial, _ = build(make_app, serial_src)
    parallel, _ = build(make_app, parallel_src, parallel=2)
    assert pages(parallel) == pages(serial)
    assert phase_warnings(parallel) == phase_warnings(serial) == []


def test_a_page_moved_between_roots_moves_between_life_cycles(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("lifecycles")
    build(make_app, srcdir)
    # The service gains a "tender" of its own: buying's tender page moves across.
    shutil.move(srcdir / "buying" / "tender.md", srcdir / "service" / "tender.md")
    edit(srcdir / "buying" / "index.md", "discovery\ntender\nreview", "discovery\nreview")
    edit(srcdir / "service" / "index.md", "alpha\nreview", "alpha\ntender\nreview")
    edit(
        srcdir / "conf.py",
        '["discovery", "alpha", "review"]',
        '["discovery", "alpha", "tender", "review"]',
    )
    edit(srcdir / "conf.py", '["discovery", "tender", "review"]', '["discovery", "review"]')
    edit(srcdir / "service" / "discovery.md", "{phase}`buying:tender`", "{phase}`tender`")
    edit(srcdir / "overview.md", "after {phase}`tender`", "after {phase}`service:tender`")
    edit(srcdir / "service" / "tender.md", ":outcome: go", ":outcome: met")  # gov-uk words
    app, _written = build(make_app, srcdir)
    assert phase_warnings(app) == []
    assert _text(app, "service/tender.html", ".phases-facts").startswith("Position Phase 3 of 4")
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_an_unchanged_rebuild_rewrites_nothing(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("lifecycles")
    build(make_app, srcdir)
    _app, written = build(make_app, srcdir)
    assert written == []


def test_a_change_in_one_life_cycle_rewrites_only_its_pages(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("lifecycles")
    build(make_app, srcdir)
    edit(srcdir / "buying" / "review.md", "# Review", "# Contract review")
    edit(
        srcdir / "buying" / "review.md",
        "{phase} review\n",
        "{phase} review\n:title: Contract review\n",
    )
    app, written = build(make_app, srcdir)
    # The buying pages that show the review, and the overview that shows buying: no
    # service page.
    assert written == [
        "buying/index",
        "buying/review",
        "buying/tender",
        "index",  # Sphinx's own: its toctree shows the title
        "overview",
    ]
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


# -- mistakes: each one located warning ------------------------------------------------------

CONF = """extensions = ["myst_parser", "sphinx_phases"]
phases_lifecycles = {lifecycles}
"""  # the setting on line 2


def _mistake(make_app: Any, copy_root: Any, lifecycles: str, **edits: str) -> list[str]:
    srcdir = copy_root("lifecycles")
    (srcdir / "conf.py").write_text(CONF.format(lifecycles=lifecycles))
    for page, text in edits.items():
        (srcdir / page.replace("__", "/")).write_text(text)
    app = make_app("html", srcdir=srcdir)
    app.build()
    return phase_warnings(app)


GOOD = (
    '{"service": {"root": "service/", "sequence": ["discovery", "alpha", "review"]}, '
    '"buying": {"root": "buying/", "sequence": ["discovery", "tender", "review"], '
    '"profile": "stage-gate"}}'
)


def test_an_ambiguous_bare_id_outside_every_root_lists_the_qualified_ids(
    make_app: Any, copy_root: Any
) -> None:
    page = "# Both\n\nSee {phase}`review` and {phase}`nowhere`.\n"
    found = _mistake(make_app, copy_root, GOOD, **{"overview.md": page})
    assert found == [
        "overview.md:3: WARNING: phase role names 'nowhere', which no life cycle declares; "
        "expected the id of a phase, as NAME:ID outside the life cycles' folders (life "
        "cycles: buying, service) [phases.unknown]",
        "overview.md:3: WARNING: phase role names 'review', which several life cycles "
        "declare; expected one of buying:review, service:review [phases.unknown]",
    ]


def test_an_overview_outside_every_root_must_name_its_life_cycle(
    make_app: Any, copy_root: Any
) -> None:
    page = "# Both\n\n```{phase-sequence}\n```\n\n```{phase-table}\n:lifecycle: shopping\n```\n"
    found = _mistake(make_app, copy_root, GOOD, **{"overview.md": page})
    assert found == [
        "overview.md:3: WARNING: phase-sequence on a page outside every life cycle's root "
        "names no life cycle; expected :lifecycle: with one of buying, service [phases.option]",
        "overview.md:6: WARNING: phase-table: lifecycle 'shopping' is not a life cycle of the "
        "project; expected one of buying, service [phases.option]",
    ]


def test_a_phase_outside_every_root_is_reported(make_app: Any, copy_root: Any) -> None:
    page = "# Stray\n\n```{phase} stray\nLost.\n```\n"
    found = _mistake(make_app, copy_root, GOOD, **{"overview.md": page})
    assert found == [
        "overview.md:3: WARNING: phase 'stray' is declared outside every life cycle's root; "
        "expected its page in the folder of its life cycle (phases_lifecycles: buying: "
        "'buying/', service: 'service/') [phases.orphan]"
    ]


@pytest.mark.parametrize(
    ("lifecycles", "expected"),
    [
        (
            GOOD[:-1] + ', "outside": {"root": "../elsewhere/"}}',
            "phases_lifecycles['outside'] has the root '../elsewhere/'; expected a folder "
            "inside the source folder, like 'service/'; the entry is ignored",
        ),
        (
            GOOD[:-1] + ', "again": {"root": "./service"}}',
            "phases_lifecycles['again'] has the root 'service/' of the life cycle 'service'; "
            "expected a folder of its own; the entry is ignored",
        ),
        (
            GOOD[:-1] + ', "extra": {"root": "extra/", "sequense": []}}',
            "phases_lifecycles['extra'] sets 'sequense'; expected one of: root, sequence, "
            "loops, navigation, facts, hide_drafts, questions, required_questions, stages, "
            "standards, standard_coverage, default_pictogram, profile, labels (did you mean "
            "'sequence'?); it is ignored",
        ),
        (
            GOOD[:-1] + ', "extra": {"root": "extra/", "json": False}}',
            "phases_lifecycles['extra'] sets 'json'; expected a setting of the whole site, "
            "set as phases_json; it is ignored",
        ),
        (
            GOOD[:-1] + ', "extra": {"root": "extra/", "navigation": "sideways"}}',
            "phases_lifecycles['extra']['navigation'] = 'sideways' is not valid: expected one "
            "of 'bottom', 'top', 'both', 'none'; phases_navigation is used",
        ),
        (
            GOOD[:-1] + ', "Bad Name": {"root": "extra/"}}',
            "phases_lifecycles: the life cycle name 'Bad Name' is not valid",
        ),
        (
            GOOD[:-1] + ', "missing": {"root": "missing/"}}',
            "phases_lifecycles['missing'] has the root 'missing/', which is not a folder of the "
            "source folder; expected the folder of its pages",
        ),
    ],
    ids=[
        "outside",
        "same-root",
        "unknown-key",
        "site-wide-key",
        "bad-value",
        "bad-name",
        "no-folder",
    ],
)
def test_each_mistake_in_the_setting_is_one_config_warning_at_its_line(
    make_app: Any, copy_root: Any, lifecycles: str, expected: str
) -> None:
    srcdir = copy_root("lifecycles")
    (srcdir / "extra").mkdir()
    (srcdir / "conf.py").write_text(CONF.format(lifecycles=lifecycles))
    app = make_app("html", srcdir=srcdir)
    app.build()
    found = phase_warnings(app)
    assert len(found) == 1, found
    assert found[0].startswith("conf.py:2: WARNING: " + expected), found[0]
    assert found[0].endswith("[phases.config]")


def test_search_results_name_objects_in_the_project_words(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("lifecycles")
    edit(
        srcdir / "conf.py",
        "phases_lifecycles = {",
        'phases_profile = "prince2"\nphases_lifecycles = {',
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    index = (app.outdir / "searchindex.js").read_text("utf8")
    # The project-wide profile's words for both object types, not "Service phases phase".
    assert (
        '"objnames":{"0":["phases","gate","stage boundary"],"1":["phases","phase","stage"]}'
        in index
    )


def test_each_life_cycle_takes_its_own_settings_and_the_rest_project_wide(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = copy_root("lifecycles")
    edit(
        srcdir / "conf.py",
        '"sequence": ["discovery", "alpha", "review"]},',
        '"sequence": ["discovery", "alpha", "review"],\n'
        '                "labels": {"Next phase": "Onwards to"}, "navigation": "top"},',
    )
    edit(
        srcdir / "conf.py", "phases_lifecycles = {", 'phases_facts = "none"\nphases_lifecycles = {'
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == []
    service = _soup(app, "service/discovery.html")
    assert " ".join(service.select_one("nav.phases-nav").get_text(" ").split()) == (
        "This is the first phase Onwards to : Alpha"
    )
    # navigation "top": before the phase's words; the project-wide facts "none" apply.
    body = str(service.select_one("section"))
    assert body.index("phases-nav") < body.index("phases-summary")
    assert service.select_one(".phases-facts") is None
    buying = _soup(app, "buying/discovery.html")
    assert "Onwards" not in buying.get_text()
    body = str(buying.select_one("section"))
    assert body.index("phases-summary") < body.index("phases-nav")  # the default, bottom


def test_an_unknown_label_in_a_life_cycle_is_reported_at_conf_py(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = copy_root("lifecycles")
    edit(
        srcdir / "conf.py",
        '"sequence": ["discovery", "alpha", "review"]},',
        '"sequence": ["discovery", "alpha", "review"], "labels": {"Next phse": "On"}},',
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "conf.py:5: WARNING: phases_lifecycles['service']['labels'] renames 'Next phse', which "
        "is not a message of the extension; expected a message id as `sphinx-phases labels` "
        "lists it (did you mean 'Next phase'?) [phases.config]"
    ]


def test_the_same_mistakes_outside_every_root_in_restructuredtext(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = copy_root("lifecycles-rst")
    (srcdir / "overview.rst").write_text(
        "Both\n====\n\nSee :phase:`review`.\n\n.. phase-sequence::\n\n"
        ".. phase-table::\n   :lifecycle: shopping\n\n.. phase:: stray\n\n   Lost.\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "overview.rst:6: WARNING: phase-sequence on a page outside every life cycle's root "
        "names no life cycle; expected :lifecycle: with one of buying, service [phases.option]",
        "overview.rst:8: WARNING: phase-table: lifecycle 'shopping' is not a life cycle of the "
        "project; expected one of buying, service [phases.option]",
        "overview.rst:4: WARNING: phase role names 'review', which several life cycles "
        "declare; expected one of buying:review, service:review [phases.unknown]",
        "overview.rst:11: WARNING: phase 'stray' is declared outside every life cycle's root; "
        "expected its page in the folder of its life cycle (phases_lifecycles: buying: "
        "'buying/', service: 'service/') [phases.orphan]",
    ]

"""Gates, stages and standards: where they show, what they export, what is reported."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile
from tests.conftest import (
    ROOTS,
    assert_same_as_clean,
    build,
    edit,
    phase_warnings,
    warning_lines,
)

from sphinx_phases.core.gates import Criterion, GateDecl, resolve_gates
from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.sequence.resolve import resolve
from sphinx_phases.core.views import reading_neighbours
from sphinx_phases.sphinx_ext.export import SCHEMA


@pytest.fixture
def gates(make_app: Any, copy_root: Any) -> Any:
    """Build the gates root afresh, with *builder* and settings."""

    def run(builder: str = "html", **overrides: Any) -> SphinxTestApp:
        app = make_app(builder, srcdir=copy_root("gates"), confoverrides=overrides)
        app.build()
        return app

    return run


@pytest.fixture(scope="module")
def built_gates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The gates root built once to HTML, for the tests that only read what it wrote."""
    srcdir = tmp_path_factory.mktemp("gates") / "src"
    shutil.copytree(ROOTS / "test-gates", srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


@pytest.fixture
def gates_html(built_gates: SphinxTestApp) -> Iterator[SphinxTestApp]:
    """The shared HTML build. A test that changes what it wrote fails, so no test reads
    another's edit."""
    before = _written(built_gates)
    yield built_gates
    assert _written(built_gates) == before, "a test changed the shared build of the gates root"


def _written(app: SphinxTestApp) -> dict[str, tuple[int, int]]:
    return {
        str(path): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in Path(app.outdir).rglob("*")
        if path.is_file()
    }


def _page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(app.outdir, name).read_text("utf8"), "html.parser")


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def test_the_next_link_names_the_gate_a_reader_passes(gates_html: SphinxTestApp) -> None:
    app = gates_html
    assert phase_warnings(app) == []
    nav = _page(app, "alpha.html").select_one("nav.phases-nav")
    # The next link's own name names the gate too (hidden), then the words under it.
    assert _text(nav) == (
        "Previous phase : Discovery Next phase : Beta , after the Alpha assessment"
        " , after the Alpha assessment"
    )
    assert _text(nav.select_one("a[rel=next] .phases-hidden")) == ", after the Alpha assessment"
    gate_link = nav.select_one(".phases-nav__gate a")
    assert gate_link["href"] == "#gate-alpha-assessment"
    # The link itself still leads to the phase; the gate's words follow it.
    assert nav.select_one("a[rel=next]")["href"] == "beta.html#phase-beta"
    # A gate closing a sub-phase; one closing a parent's last sub-phase.
    assert _text(
        _page(app, "private-beta.html").select_one("a[rel=next] + .phases-nav__gate")
    ) == (", after the Beta assessment")
    public = _page(app, "public-beta.html").select_one(".phases-nav__gate a")
    # The gate stands on public-beta's own page: the link stays on it.
    assert public["href"] == "#gate-live-assessment"
    # No gate between beta and its first sub-phase: nothing added.
    assert _page(app, "beta.html").select_one(".phases-nav__gate") is None


def test_facts_name_the_stage_and_the_gates_around_a_phase(gates_html: SphinxTestApp) -> None:
    app = gates_html

    def facts(name: str) -> list[tuple[str, str]]:
        listing = _page(app, name).select_one("dl.phases-facts:not(.phases-gate__facts)")
        terms = [dt.get_text(strip=True) for dt in listing.find_all("dt")]
        values = [dd.get_text(strip=True) for dd in listing.find_all("dd")]
        return list(zip(terms, values, strict=True))

    assert facts("alpha.html") == [
        ("Position", "Phase 2 of 4"),
        ("Stage", "Explore"),
        ("Ends with", "Alpha assessment"),
    ]
    assert facts("public-beta.html") == [
        ("Position", "Part 2 of 2 of Beta"),
        ("Stage", "Deliver"),
        ("Starts after", "Beta assessment"),
        ("Ends with", "Live assessment"),
    ]


def test_a_gate_renders_as_a_labelled_section_with_its_decision(gates_html: SphinxTestApp) -> None:
    app = gates_html
    section = _page(app, "alpha.html").select_one("section.phases-gate")
    assert section["id"] == "gate-alpha-assessment"
    assert section["aria-labelledby"] == "gate-alpha-assessment-title"
    assert section.select_one("#gate-alpha-assessment-title").get_text() == "Alpha assessment"
    assert _text(section.select_one(".phases-gate__facts")) == (
        "Between Alpha and Beta Position Gate 1 of 3 Decided by Assessment panel "
        "Assesses Service Standard: 1, 2 Outcome Met Date 2026-05-04 Ratings 1: Green, 2: Amber"
    )
    criteria = section.select("ul.phases-gate__criteria > li")
    assert [_text(li) for li in criteria] == [
        "The team understands its users 1. Understand users and their needs",
        "The riskiest assumptions have been tested",
    ]
    assert criteria[0].a["href"] == "index.html#standard-service-standard-1"


def test_overviews_group_stages_and_mark_gates(gates_html: SphinxTestApp) -> None:
    app = gates_html
    page = _page(app, "index.html")
    groups = page.select(".phases-stages--steps > .phases-stage")
    assert [_text(g.select_one(".phases-stage__title")) for g in groups] == [
        "Stage: Explore",
        "Stage: Deliver",
    ]
    # Numbers run on across stages.
    assert groups[1].select_one("ol.phases-sequence").get("start") == "3"
    marks = [_text(p) for p in page.select(".phases-stages--steps .phases-sequence__gate")]
    assert marks == [
        "Gate: Alpha assessment Outcome: Met",
        "Gate: Beta assessment",
        "Gate: Live assessment",
    ]
    assert len(page.select(".phases-stages--line .phases-sequence__gate")) == 3
    rows = [
        [_text(td) for td in tr.select("th, td")]
        for tr in page.select("table.phases-table tbody tr")
    ]
    # Each row's phase is its header; a sub-phase says what it is part of.
    assert rows == [
        ["Discovery", "Explore", ""],
        ["Alpha", "Explore", "Alpha assessment (Met)"],
        ["Beta", "Deliver", ""],
        ["Private beta , part of Beta", "Deliver", "Beta assessment"],
        ["Public beta , part of Beta", "Deliver", "Live assessment"],
        ["Live", "Deliver", ""],
    ]


def test_a_standard_lists_its_points_and_which_gates_assess_them(
    gates_html: SphinxTestApp,
) -> None:
    app = gates_html
    page = _page(app, "index.html")
    assert [dt["id"] for dt in page.select(".phases-standard dt")] == [
        "standard-service-standard-1",
        "standard-service-standard-2",
        "standard-service-standard-3",
    ]
    rows = [
        [_text(c) for c in tr.select("th, td")]
        for tr in page.select(".phases-standard-coverage tr")
    ]
    assert rows[0] == ["Point", "Alpha assessment", "Live assessment"]
    assert rows[3] == ["3. Work in the open", "— Not assessed", "✓ Assessed"]


def test_text_output_writes_the_gate_in_words(gates: Any) -> None:
    app = gates("text")
    text = Path(app.outdir, "alpha.txt").read_text("utf8")
    assert "Next phase: Beta, after the Alpha assessment" in text
    assert "Between\n   Alpha and Beta" in text
    assert "Outcome\n   Met" in text


def test_export_lists_gates_stages_and_standards(gates_html: SphinxTestApp) -> None:
    app = gates_html
    data = json.loads(Path(app.outdir, "phases.json").read_text("utf8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf8")))
    assert [(g["id"], g["after"], g["before"]) for g in data["gates"]] == [
        ("alpha-assessment", "alpha", "beta"),
        ("beta-assessment", "private-beta", "public-beta"),
        ("live-assessment", "public-beta", "live"),
    ]
    first = data["gates"][0]
    assert first["url"] == "alpha.html#gate-alpha-assessment"
    assert first["points"] == ["service-standard:1", "service-standard:2"]
    assert first["ratings"] == {"service-standard:1": "green", "service-standard:2": "amber"}
    assert first["criteria"][0] == {
        "text": "The team understands its users",
        "points": ["service-standard:1"],
        "kind": "criteria",
    }
    # gov-uk: every decision but pending; a return goes back to the phase it closes.
    assert first["decisions"] == ["met", "met-with-conditions", "not-met"]
    assert first["returns_to"] == "alpha"
    assert data["stages"] == [
        {"id": "explore", "title": "Explore", "phases": ["discovery", "alpha"]},
        {"id": "deliver", "title": "Deliver", "phases": ["beta", "live"]},
    ]
    by_id = {p["id"]: p for p in data["phases"]}
    assert (by_id["alpha"]["stage"], by_id["alpha"]["gate_after"]) == (
        "explore",
        "alpha-assessment",
    )
    assert by_id["beta"]["gate_before"] == "alpha-assessment"
    assert by_id["alpha"]["gates_after"] == ["alpha-assessment"]
    assert by_id["beta"]["gates_after"] == []
    assert [p["id"] for p in data["standards"][0]["points"]] == ["1", "2", "3"]


def test_gates_are_domain_objects(gates_html: SphinxTestApp) -> None:
    app = gates_html
    with Path(app.outdir, "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    gates_found = getattr(inventory, "data", inventory)["phases:gate"]
    assert sorted(gates_found) == ["alpha-assessment", "beta-assessment", "live-assessment"]
    role = _page(app, "index.html").select_one("a[href='alpha.html#gate-alpha-assessment']")
    assert role is not None
    assert role.get_text() == "Alpha assessment"


BAD = {
    "alpha.md": """# Alpha

```{phase} alpha
Try things.
```

```{phase-gate} alpha-assessment
- A criterion
```

```{phase-gate} alpha-review
- Another criterion
```

```{phase-gate} beta
- Clashes with a phase id
```

```{phase-gate} empty-gate
:after: discovery
:before: live
:standard: 1, 7
:outcome: passed
:ratings: 1: green, 2: red, 12: amber
```
""",
    "live.md": """# Live

```{phase} live
Run it.
```

```{phase-gate} after-nothing
:after: retirement

- Criterion
```
""",
}


def test_bad_gates_stages_and_points_are_reported(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    for name, text in BAD.items():
        (srcdir / name).write_text(text)
    (srcdir / "phases.yml").write_text(
        "sequence: [discovery, alpha, {beta: [private-beta, public-beta]}, live]\n"
        "stages:\n"
        "  - {id: explore, title: Explore, phases: [discovery, beta]}\n"
        "  - {id: deliver, title: Deliver, phases: [beta, live, privat-beta]}\n"
        "  - {id: inner, title: Inner, phases: [private-beta]}\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "alpha.md:15: WARNING: gate 'beta' has the id of a phase; expected an id no phase"
        " or gate uses (they share one namespace) [phases.duplicate]",
        "alpha.md:23: WARNING: phase-gate: outcome 'passed' is not valid: expected one of"
        " the profile's decisions: pending, met, met-with-conditions, not-met [phases.option]",
        "alpha.md:11: WARNING: gate 'alpha-review' stands on the boundary after 'alpha' "
        "that gate 'alpha-assessment' (alpha, line 7) already holds; expected one gate "
        "per boundary [phases.gate]",
        "alpha.md:19: WARNING: gate 'empty-gate' rates '12': point '12' is not a point of"
        " the standard 'service-standard'; expected one of '1', '2', '3' [phases.unknown]",
        "alpha.md:19: WARNING: gate 'empty-gate' rates point '2', which it does not "
        "assess; expected ratings of the points its :standard: names [phases.gate]",
        "alpha.md:19: WARNING: gate 'empty-gate' stands between 'discovery' and 'live', "
        "which are not neighbours in the sequence; expected :before: 'alpha' "
        "[phases.gate]",
        "alpha.md:19: WARNING: gate 'empty-gate': point '7' is not a point of the "
        "standard 'service-standard'; expected one of '1', '2', '3' [phases.unknown]",
        "alpha.md:19: WARNING: phase-gate: gate 'empty-gate' has no criteria; expected a "
        "bullet list in its body, one criterion per item [phases.gate]",
        "live.md:7: WARNING: gate 'after-nothing' comes after 'retirement', which no page"
        " declares; expected the id of a phase [phases.unknown]",
        "phases.yml:3: WARNING: stage 'explore' holds phases that are not consecutive: "
        "'alpha' comes between them in the sequence; expected a run of consecutive "
        "top-level phases [phases.stage]",
        "phases.yml:4: WARNING: stage 'deliver' names 'privat-beta', which no page "
        "declares; expected the id of a phase (did you mean 'private-beta'?) "
        "[phases.unknown]",
        "phases.yml:5: WARNING: stage 'inner' names 'private-beta', a sub-phase; expected"
        " top-level phases (a sub-phase is in its parent's stage) [phases.stage]",
    ]


def test_the_phase_index_lists_gates_beside_phases(gates_html: SphinxTestApp) -> None:
    app = gates_html
    table = _page(app, "phases-index.html").select_one("table")
    assert _text(table) == (
        "A Alpha alpha Alpha assessment (gate) alpha-assessment B Beta beta Beta assessment "
        "(gate) beta-assessment D Discovery discovery L Live live Live assessment (gate) "
        "live-assessment P Private beta private-beta Public beta public-beta"
    )
    assert table.select_one("a[href='alpha.html#gate-alpha-assessment']") is not None


def test_a_gate_with_a_noun_is_named_by_it(make_app: Any, copy_root: Any, tmp_path: Path) -> None:
    """ "after the KDP C" reads badly: a gate's noun replaces "the" and its title in the
    next link's note; editing it rewrites the page whose navigation says it."""
    srcdir = copy_root("gates")
    app, _written = build(make_app, srcdir)
    edit(srcdir / "alpha.md", ":title: Alpha assessment", ":title: Alpha assessment\n:noun: KDP A")
    app, written = build(make_app, srcdir)
    assert phase_warnings(app) == []
    nav = _page(app, "alpha.html").select_one("nav.phases-nav")
    # The next link's own name names the gate too (hidden), then the words under it.
    assert _text(nav) == (
        "Previous phase : Discovery Next phase : Beta , after KDP A , after KDP A"
    )
    assert nav.select_one(".phases-nav__gate a")["title"] == "Alpha assessment"
    # And the overview page: its rows carry each gate's whole declaration, noun included,
    # though no overview shows the noun (rewritten for nothing, never stale).
    assert written == ["alpha", "index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_retitling_a_gate_rewrites_the_pages_that_name_it(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("gates")
    app, _written = build(make_app, srcdir)
    edit(srcdir / "alpha.md", ":title: Alpha assessment", ":title: Alpha service assessment")
    app, written = build(make_app, srcdir)
    # Its own page, the next phase (its facts), the overview page (and its role).
    assert written == ["alpha", "beta", "index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_retitling_a_point_rewrites_the_pages_that_show_it(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("gates")
    build(make_app, srcdir)
    edit(srcdir / "standard.yml", "Understand users and their needs", "Know your users")
    app, written = build(make_app, srcdir)
    # The criterion citing it, and the page listing the standard (its matrix too).
    assert written == ["alpha", "index"]
    assert "1. Know your users" in (app.outdir / "alpha.html").read_text("utf8")
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_a_hidden_draft_takes_its_gates_with_it(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    edit(srcdir / "alpha.md", "```{phase} alpha\n", "```{phase} alpha\n:status: draft\n")
    app = make_app("html", srcdir=srcdir, confoverrides={"phases_hide_drafts": True})
    app.build()
    assert phase_warnings(app) == []
    nav = _page(app, "discovery.html").select_one("nav.phases-nav")
    assert _text(nav) == "This is the first phase Next phase : Beta"
    index = _page(app, "index.html")
    assert "Alpha assessment" not in _text(index.select_one(".phases-stages"))
    # The role names it in words, without a link to a page readers cannot reach.
    assert index.select_one("a[href='alpha.html#gate-alpha-assessment']") is None
    data = json.loads(Path(app.outdir, "phases.json").read_text("utf8"))
    assert [g["id"] for g in data["gates"]] == ["beta-assessment", "live-assessment"]


def test_parallel_build_equals_serial(make_app: Any, copy_root: Any) -> None:
    serial = make_app("html", srcdir=copy_root("gates", "serial"))
    serial.build()
    parallel = make_app("html", srcdir=copy_root("gates", "parallel"), parallel=2)
    parallel.build()
    for name in ("index.html", "alpha.html", "public-beta.html", "phases.json"):
        assert Path(serial.outdir, name).read_text("utf8") == Path(
            parallel.outdir, name
        ).read_text("utf8"), name


def test_gates_come_in_reading_order_whatever_pages_declare_them() -> None:
    decls = [
        PhaseDecl("pre-phase-a", "pre-phase-a", 1, "Pre-Phase A", next="phase-a"),
        PhaseDecl("phase-a", "phase-a", 1, "Phase A"),
    ]
    resolution = resolve(decls)
    criteria = (Criterion("A criterion"),)
    found = resolve_gates(
        [
            GateDecl("kdp-b", "phase-a", 5, "KDP B", criteria=criteria),
            GateDecl("kdp-a", "pre-phase-a", 5, "KDP A", criteria=criteria),
        ],
        resolution,
        lambda phase_id: reading_neighbours(resolution, phase_id)[1],
        {"pre-phase-a": "pre-phase-a", "phase-a": "phase-a"},
    )
    assert found.problems == ()
    assert [(g, p.after, p.before) for g, p in found.gates.items()] == [
        ("kdp-a", "pre-phase-a", "phase-a"),
        ("kdp-b", "phase-a", None),
    ]


def test_a_gate_in_an_included_file_is_located_there(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    (srcdir / "_gate.md").write_text(
        "Kept out.\n\n```{phase-gate} alpha-check\n:after: alpha\n:date: May\n\n- Criterion\n```\n"
    )
    edit(
        srcdir / "alpha.md", "# Alpha\n", "# Alpha\n\n```{include} _gate.md\n:start-line: 2\n```\n"
    )
    app = make_app("html", srcdir=srcdir, confoverrides={"exclude_patterns": ["_gate.md"]})
    app.build()
    assert phase_warnings(app) == [
        "_gate.md:5: WARNING: phase-gate: date 'May' is not valid: expected an ISO date such "
        "as 2026-05-04 [phases.option]",
        # Page order, then line: the included gate comes first on alpha's page.
        "alpha.md:11: WARNING: gate 'alpha-assessment' stands on the boundary after 'alpha' "
        "that gate 'alpha-check' (_gate.md, line 3) already holds; expected one gate per "
        "boundary [phases.gate]",
    ]


RST_GATE = """Alpha
=====

.. phase:: alpha

   Try things.

.. phase-gate:: alpha-assessment
   :title: Alpha assessment
   :authority: Assessment panel
   :outcome: met
   :date: 2026-05-04
   :ratings: 1: green, 2: amber
   :standard: 1, 2

   A panel decides whether the service may move to beta.

   - The team understands its users :standard:`1`
   - The riskiest assumptions have been tested
"""


def test_rst_gives_the_same_gate_as_myst(make_app: Any, copy_root: Any) -> None:
    myst = make_app("html", srcdir=copy_root("gates", "myst"))
    myst.build()
    srcdir = copy_root("gates", "rst")
    (srcdir / "alpha.md").unlink()
    (srcdir / "alpha.rst").write_text(RST_GATE)
    rst = make_app("html", srcdir=srcdir)
    rst.build()
    assert phase_warnings(rst) == []

    def shown(app: SphinxTestApp) -> str:
        return str(_page(app, "alpha.html").select_one("section.phases-gate"))

    assert shown(rst) == shown(myst)
    assert _text(_page(rst, "alpha.html").select_one("nav.phases-nav")) == _text(
        _page(myst, "alpha.html").select_one("nav.phases-nav")
    )


@pytest.mark.parametrize(
    "builder", ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo"]
)
def test_every_builder_writes_gates_and_stages(gates: Any, builder: str) -> None:
    app = gates(builder)
    assert phase_warnings(app) == []
    written = "".join(
        path.read_text("utf8", errors="replace")
        for path in Path(app.outdir).rglob("*")
        if path.is_file() and path.suffix in (".html", ".xhtml", ".tex", ".txt", ".1", ".texi")
    )
    # The gate's words, where it stands and where the sequence passes it, in any format.
    for words in ("Alpha assessment", "Explore", "Deliver"):
        assert words in written, (builder, words)
    assert "after the" in written, builder


# -- gates around a parent phase ------------------------------------------------------------

BETA_GATES = """

```{phase-gate} beta-review
:title: Beta review

- The whole beta answered its questions
```

```{phase-gate} beta-start
:title: Beta start
:before: private-beta

- Users are ready to be invited
```
"""


def _family_gates(make_app: Any, copy_root: Any) -> SphinxTestApp:
    """Beta with a gate into its first sub-phase and one after its whole family; the one
    after the family stands where public beta's live assessment stood."""
    srcdir = copy_root("gates")
    with (srcdir / "beta.md").open("a") as page:
        page.write(BETA_GATES)
    (srcdir / "public-beta.md").write_text(
        "# Public beta\n\n```{phase} public-beta\n:parent: beta\nOpen it up.\n```\n"
    )
    app = make_app("html", srcdir=srcdir, confoverrides={"phases_standard_coverage": False})
    app.build()
    assert phase_warnings(app) == []
    return app


def test_a_parent_names_both_gates_after_it_in_its_facts(make_app: Any, copy_root: Any) -> None:
    app = _family_gates(make_app, copy_root)
    listing = _page(app, "beta.html").select_one("dl.phases-facts:not(.phases-gate__facts)")
    assert [_text(item) for item in listing.find_all(["dt", "dd"])] == [
        "Position",
        "Phase 3 of 4",
        "Stage",
        "Deliver",
        "Starts after",
        "Alpha assessment",
        "Ends with",
        "Beta start",
        "Ends with",
        "Beta review",
    ]
    nav = _page(app, "public-beta.html").select_one("nav.phases-nav")
    assert _text(nav.select_one(".phases-nav__gate")) == ", after the Beta review"
    data = json.loads(Path(app.outdir, "phases.json").read_text("utf8"))
    # In the order readers pass them, whatever order the page declares them in.
    assert [(g["id"], g["after"], g["before"]) for g in data["gates"]] == [
        ("alpha-assessment", "alpha", "beta"),
        ("beta-start", "beta", "private-beta"),
        ("beta-assessment", "private-beta", "public-beta"),
        ("beta-review", "beta", "live"),
    ]


def test_every_overview_style_shows_both_gates_after_a_parent(
    make_app: Any, copy_root: Any
) -> None:
    app = _family_gates(make_app, copy_root)
    page = _page(app, "index.html")
    every = ["Alpha assessment", "Beta assessment", "Beta review", "Beta start"]
    for style in ("steps", "line"):
        marks = page.select(f".phases-stages--{style} .phases-sequence__gate a")
        assert sorted(_text(mark) for mark in marks) == every, style
    # Where readers pass them: the gate into the first sub-phase before the sub-phases,
    # the one after the whole family after them.
    beta = page.select_one(".phases-stages--steps li.phases-sequence__step:has(> ol) ")
    assert [
        (child.name, _text(child.select_one("a")))
        for child in beta.find_all(["p", "ol"], recursive=False)
        if child.name == "ol" or "phases-sequence__gate" in child["class"]
    ] == [("p", "Beta start"), ("ol", "Private beta"), ("p", "Beta review")]


def test_cards_the_table_and_phases_json_show_both_gates_after_a_parent(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = copy_root("gates")
    with (srcdir / "index.md").open("a") as page:
        page.write("\n```{phase-sequence}\n:style: cards\n```\n")
    with (srcdir / "beta.md").open("a") as page:
        page.write(BETA_GATES)
    (srcdir / "public-beta.md").write_text(
        "# Public beta\n\n```{phase} public-beta\n:parent: beta\nOpen it up.\n```\n"
    )
    overrides = {
        "phases_standard_coverage": False,
        "extensions": ["myst_parser", "sphinx_design", "sphinx_phases"],
    }
    app = make_app("html", srcdir=srcdir, confoverrides=overrides)
    app.build()
    assert phase_warnings(app) == []
    page = _page(app, "index.html")
    cards = page.select(".phases-stages--cards .phases-card")
    assert [
        [_text(mark.select_one("a")) for mark in card.select(".phases-sequence__gate")]
        for card in cards
    ] == [[], ["Alpha assessment"], ["Beta start", "Beta assessment", "Beta review"], []]
    rows = [
        [" ".join(td.get_text().split()) for td in tr.select("th, td")]
        for tr in page.select("table.phases-table tr")
    ]
    assert [row[2] for row in rows[1:]] == [
        "",
        "Alpha assessment (Met)",
        "Beta start, Beta review",
        "Beta assessment",
        "",
        "",
    ]
    data = json.loads(Path(app.outdir, "phases.json").read_text("utf8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf8")))
    assert {p["id"]: (p["gate_after"], p["gates_after"]) for p in data["phases"]} == {
        "discovery": (None, []),
        "alpha": ("alpha-assessment", ["alpha-assessment"]),
        "beta": ("beta-start", ["beta-start", "beta-review"]),
        "private-beta": ("beta-assessment", ["beta-assessment"]),
        "public-beta": (None, []),
        "live": (None, []),
    }


def _sequence_with_a_family() -> tuple[Any, Any]:
    decls = [
        PhaseDecl("alpha", "alpha", 3, "Alpha", next="beta"),
        PhaseDecl("beta", "beta", 3, "Beta", next="live"),
        PhaseDecl("private-beta", "private-beta", 3, "Private beta", parent="beta"),
        PhaseDecl("public-beta", "public-beta", 3, "Public beta", parent="beta"),
        PhaseDecl("live", "live", 3, "Live"),
    ]
    resolution = resolve(decls, toc_order=[d.docname for d in decls])
    assert resolution.flat == ("alpha", "beta", "private-beta", "public-beta", "live")

    def place(*gates: GateDecl) -> Any:
        return resolve_gates(
            gates,
            resolution,
            lambda phase_id: reading_neighbours(resolution, phase_id)[1],
            {d.docname: d.id for d in decls},
        )

    return resolution, place


def test_gates_after_a_family_and_its_last_sub_phase_share_one_boundary() -> None:
    _resolution, place = _sequence_with_a_family()
    criteria = (Criterion("A criterion"),)
    found = place(
        GateDecl("beta-review", "beta", 9, "Beta review", criteria=criteria),
        GateDecl("live-assessment", "public-beta", 7, "Live assessment", criteria=criteria),
        GateDecl("beta-start", "beta", 14, "Beta start", before="private-beta", criteria=criteria),
    )
    assert [(p.docname, p.line, p.message) for p in found.problems] == [
        (
            "public-beta",
            7,
            "gate 'live-assessment' stands on the boundary before 'live' that gate "
            "'beta-review' (beta, line 9) already holds; expected one gate per boundary",
        )
    ]
    assert list(found.gates) == ["beta-start", "beta-review"]
    assert dict(found.ends) == {"beta": ("beta-start", "beta-review")}
    assert dict(found.closing) == {"beta": "beta-start"}
    assert dict(found.opening) == {"private-beta": "beta-start", "live": "beta-review"}


def test_a_gate_after_or_before_a_gate_says_it_names_a_gate() -> None:
    _resolution, place = _sequence_with_a_family()
    criteria = (Criterion("A criterion"),)
    found = place(
        GateDecl("alpha-assessment", "alpha", 9, "Alpha assessment", criteria=criteria),
        GateDecl("review", "live", 9, "Review", after="alpha-assessment", criteria=criteria),
        GateDecl("check", "live", 20, "Check", before="alpha-assessment", criteria=criteria),
        GateDecl("typo", "live", 30, "Typo", after="lve", criteria=criteria),
    )
    assert [(p.line, p.subtype.value, p.message) for p in found.problems] == [
        (
            9,
            "unknown",
            "gate 'review' comes after 'alpha-assessment', which is a gate; expected the id "
            "of a phase",
        ),
        (
            20,
            "unknown",
            "gate 'check' comes before 'alpha-assessment', which is a gate; expected the id "
            "of a phase",
        ),
        (
            30,
            "unknown",
            "gate 'typo' comes after 'lve', which no page declares; expected the id of a phase "
            "(did you mean 'live'?)",
        ),
    ]
    assert list(found.gates) == ["alpha-assessment"]


TWO_STANDARDS = (
    'extensions = ["myst_parser", "sphinx_phases"]\n'
    'phases_sequence = ["alpha", "beta"]\n'
    "phases_standards = {\n"
    '    "s": [{"id": "1", "title": "Understand users"}],\n'
    '    "t": [{"id": "1", "title": "Define user needs"}],\n'
    "}\n"
)


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_ratings_name_a_point_of_one_of_several_standards(
    make_app: Any, tmp_path: Path, markup: str
) -> None:
    srcdir = tmp_path / markup
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(TWO_STANDARDS)
    if markup == "md":
        (srcdir / "index.md").write_text("# M\n\n```{toctree}\nalpha\nbeta\n```\n")
        (srcdir / "alpha.md").write_text(
            "# Alpha\n\n```{phase} alpha\n```\n\n```{phase-gate} ag\n:title: Alpha gate\n"
            ":standard: s:1, t:1\n:ratings: s:1: green, t:1: amber\n\n- Users known\n```\n"
        )
        (srcdir / "beta.md").write_text("# Beta\n\n```{phase} beta\n```\n")
    else:
        (srcdir / "index.rst").write_text("M\n=\n\n.. toctree::\n\n   alpha\n   beta\n")
        (srcdir / "alpha.rst").write_text(
            "Alpha\n=====\n\n.. phase:: alpha\n\n.. phase-gate:: ag\n   :title: Alpha gate\n"
            "   :standard: s:1, t:1\n   :ratings: s:1: green, t:1: amber\n\n   - Users known\n"
        )
        (srcdir / "beta.rst").write_text("Beta\n====\n\n.. phase:: beta\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == []
    exported = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert exported["gates"][0]["ratings"] == {"s:1": "green", "t:1": "amber"}
    page = (app.outdir / "alpha.html").read_text("utf8")
    assert "s:1: Green, t:1: Amber" in page

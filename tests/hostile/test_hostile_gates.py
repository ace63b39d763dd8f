"""Gates, standards and stages against hostile input (docs/reference/gates.md, standards.md,
stages.md).

Every new free-text field (a gate's title, authority and criteria, a stage's title, a
standard's title and a point's title, section and address) comes out as text: escaped in
HTML, in ``phases.json`` (valid JSON, no raw ``<``) and in LaTeX (no TeX command
survives). The bad-input roots of the corpus also fail a ``-W`` build, without a traceback.
Defects found here in code outside the gates have tests of their own at the end, kept as
regression tests after their fix.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from tests.hostile.helpers import HOSTILE_ROOTS, Build, build_each
from tests.hostile.test_hostile_injection import HOSTILE, MARKDOWN, _straight, _yaml

SCRIPT = "<script>alert(1)</script>"
POINT_URL = f'https://example.org/">{SCRIPT}'
OPTIONS = f":title: {HOSTILE}\n:authority: {HOSTILE}\n:standard: all\n:outcome: met\n"


def _write(src: Path) -> None:
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]\n'
        'phases_sequence = "phases.yml"\n'
        'phases_standards = {"s": "standard.yml"}\n'
    )
    (src / "phases.yml").write_text(
        "sequence: [alpha, beta]\nstages:\n"
        f"  - {{id: explore, title: {_yaml(HOSTILE)}, phases: [alpha, beta]}}\n"
    )
    (src / "standard.yml").write_text(
        f"title: {_yaml(HOSTILE)}\n"
        f"url: {_yaml('https://example.org/?q=' + SCRIPT)}\n"
        "points:\n"
        f"  - {{id: '1', title: {_yaml(HOSTILE)}, section: {_yaml(HOSTILE)}, "
        f"url: {_yaml(POINT_URL)}}}\n"
        "  - {id: '2', title: Two, url: 'javascript:alert(1)'}\n"
    )
    (src / "index.md").write_text(
        "# Home\n\n```{toctree}\nalpha\nbeta\n```\n\n"
        "```{phase-sequence}\n```\n\n```{phase-sequence}\n:style: line\n```\n\n"
        "```{phase-sequence}\n:style: cards\n```\n\n"
        "```{phase-table}\n:columns: title, stage, gate\n```\n\n"
        "```{phase-standard}\n:coverage:\n```\n\n{gate}`alpha-assessment` {standard}`1`\n"
    )
    (src / "alpha.md").write_text(
        "# Alpha\n\n```{phase} alpha\n```\n\n"
        f"```{{phase-gate}} alpha-assessment\n{OPTIONS}\n{MARKDOWN}\n\n"
        f"- {MARKDOWN} {{standard}}`1`\n- {MARKDOWN}\n```\n"
    )
    (src / "beta.md").write_text("# Beta\n\n```{phase} beta\n```\n")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    base = tmp_path_factory.mktemp("gate-injection")
    src = base / "src"
    _write(src)
    return build_each(src, base, ("html", "singlehtml", "latex"))


def _soup(build: Build, name: str) -> BeautifulSoup:
    return BeautifulSoup((build.outdir / name).read_text("utf8"), "html.parser")


def _text(node: object) -> str:
    return _straight(" ".join(node.get_text(" ").split()))  # type: ignore[attr-defined]


def test_a_javascript_address_is_refused(builds: dict[str, Build]) -> None:
    assert builds["html"].warnings == [
        "standard.yml:5: WARNING: standard 's' has the point '2' with a 'url' set to "
        "'javascript:alert(1)'; expected an http:// or https:// address [phases.standard]"
    ]


@pytest.mark.parametrize("builder", ["html", "singlehtml"])
def test_html_carries_no_markup_of_the_new_fields(builds: dict[str, Build], builder: str) -> None:
    pages = sorted(builds[builder].outdir.rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text("utf8")
        assert "<script>alert" not in text, page
        assert "<img src=x" not in text, page
        soup = BeautifulSoup(text, "html.parser")
        for tag in soup.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), (page, tag)
            assert not str(tag.get("href", "")).lower().startswith("javascript:"), (page, tag)


def test_every_new_field_is_shown_as_text(builds: dict[str, Build]) -> None:
    hostile = " ".join(HOSTILE.split())
    alpha = _soup(builds["html"], "alpha.html")
    gate = alpha.select_one("section.phases-gate")
    assert _text(gate.select_one(".phases-gate__title")) == hostile
    facts = [_text(dd) for dd in gate.select(".phases-gate__facts dd")]
    assert facts[1] == "Gate 1 of 1"  # Position
    assert facts[2] == hostile  # Decided by
    criteria = [_text(li) for li in gate.select("ul.phases-gate__criteria > li")]
    assert criteria == [f"{hostile} 1. {hostile}", hostile]
    page_facts = [_text(dd) for dd in alpha.select("dl.phases-facts:not(.phases-gate__facts) dd")]
    assert page_facts == ["Phase 1 of 2", hostile, hostile]  # position, stage, ends with
    assert _text(alpha.select_one(".phases-nav__gate")) == f", after the {hostile}"

    index = _soup(builds["html"], "index.html")
    stages = [_text(p) for p in index.select(".phases-stage__title")]
    assert stages == [f"Stage: {hostile}"] * 3  # steps, line, cards
    marks = [_text(p) for p in index.select(".phases-sequence__gate")]
    assert marks == [f"Gate: {hostile} Outcome: Met"] * 3
    rows = [
        [_text(td) for td in tr.select("th, td")] for tr in index.select("table.phases-table tr")
    ]
    assert rows[1:] == [["Alpha", hostile, f"{hostile} (Met)"], ["Beta", hostile, ""]]
    listing = index.select_one(".phases-standard")
    assert _text(listing.select_one(".phases-standard__source")) == hostile
    assert _text(listing.select_one(".phases-standard__section")) == hostile
    point = listing.select_one("#standard-s-1 + dd a")
    assert (_text(point), point["href"]) == (hostile, POINT_URL)


def test_phases_json_is_valid_and_has_no_raw_markup(builds: dict[str, Build]) -> None:
    raw = (builds["html"].outdir / "phases.json").read_text("utf8")
    assert "<" not in raw
    assert ">" not in raw
    data = json.loads(raw)
    (gate,) = data["gates"]
    assert (gate["title"], gate["authority"]) == (HOSTILE, HOSTILE)
    assert [_straight(c["text"]) for c in gate["criteria"]] == [HOSTILE, HOSTILE]
    assert data["stages"] == [{"id": "explore", "title": HOSTILE, "phases": ["alpha", "beta"]}]
    (standard,) = data["standards"]
    assert (standard["title"], standard["url"]) == (HOSTILE, "https://example.org/?q=" + SCRIPT)
    first, second = standard["points"]
    assert (first["title"], first["section"], first["url"]) == (HOSTILE, HOSTILE, POINT_URL)
    assert second["url"] is None


def test_latex_has_no_live_tex_command(builds: dict[str, Build]) -> None:
    (tex,) = builds["latex"].outdir.glob("*.tex")
    text = tex.read_text("utf8")
    # Gate title (its block, the navigation, the facts, overviews, table, index), authority,
    # criteria, stage and standard titles, a point's section and title.
    assert text.count(r"\textbackslash{}input\{/etc/passwd\}") >= 15
    assert re.search(r"(?<!\\textbackslash\{\})\\input\{/etc/passwd", text) is None
    assert re.search(r"(?<!\\textbackslash\{\})\\write18", text) is None
    assert "<script>" not in text


def test_a_python_tag_constructs_nothing(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "standard-python-tag", src)
    marker = tmp_path / "pwned"
    (src / "standard.yml").write_text(
        f"title: !!python/object/apply:os.system ['touch {marker}']\n"
        "points:\n  - {id: 1, title: One}\n"
    )
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    assert not marker.exists()
    assert build.warnings == [
        "standard.yml:1: WARNING: standard 's' has a 'title' set to a Python object "
        "('!!python/object/apply:os.system'); expected text [phases.standard]"
    ]


NEW_ROOTS = sorted(
    p.name for p in HOSTILE_ROOTS.iterdir() if p.name.startswith(("gate-", "standard-", "stage-"))
)


def test_the_new_roots_are_there() -> None:
    assert len(NEW_ROOTS) == 21


@pytest.mark.slow
@pytest.mark.parametrize("root", NEW_ROOTS)
def test_minus_w_fails_the_build_without_a_traceback(tmp_path: Path, root: str) -> None:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / root, src)
    build = Build(src, tmp_path / "out", options=("-W",))
    assert build.status == 1, build.stderr
    assert "Traceback" not in build.stderr
    assert "Exception occurred" not in build.stderr
    assert "[phases." in build.stderr, build.stderr


# -- defects outside the gates, fixed: each test states what the build reports --------------


def test_a_python_tag_on_a_point_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "standard-python-tag", src)
    (src / "standard.yml").write_text(
        "title: S\npoints:\n  - !!python/object:os.system {id: 1, title: One}\n"
    )
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    assert [w for w in build.warnings if w.startswith("standard.yml:3: WARNING: ")], build.warnings
    # The point is left out, so the gate assessing it finds none: the mistake first.
    assert build.warnings == [
        "standard.yml:3: WARNING: standard 's' has a point that is a Python object "
        "('!!python/object:os.system'); expected a mapping like {id: '1', title: Understand "
        "users and their needs} [phases.standard]",
        "a.md:6: WARNING: gate 'a-gate': point '1' is not a point of the standard 's', which "
        "has no point that could be read; expected its points fixed first [phases.unknown]",
    ]


def test_a_binary_value_is_reported_as_binary_data(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "standard-python-tag", src)
    (src / "standard.yml").write_text(
        "title: !!binary aGVsbG8=\npoints:\n  - {id: 1, title: One, section: 2026-05-04}\n"
    )
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    assert build.warnings == [
        "standard.yml:1: WARNING: standard 's' has a 'title' set to binary data ('!!binary'); "
        "expected text [phases.standard]",
        "standard.yml:3: WARNING: standard 's' has the point '1' with a 'section' set to a "
        "date (2026-05-04); expected text [phases.standard]",
    ]


def test_a_python_tag_in_the_sequence_file_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "stage-two-stages", src)
    (src / "phases.yml").write_text("sequence: !!python/object/apply:os.system [a, b, c, d]\n")
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    assert [w for w in build.warnings if w.startswith("phases.yml:1: WARNING: ")], build.warnings
    assert build.warnings[0] == (
        "phases.yml:1: WARNING: sequence is a Python object "
        "('!!python/object/apply:os.system'); expected a list [phases.config]"
    )


def test_a_standard_that_cannot_be_read_is_reported_before_what_it_causes(tmp_path: Path) -> None:
    # docs/reference/warnings.md, "The mistake first": a mistake before what it causes.
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "standard-missing", src)
    build = Build(src, tmp_path / "out")
    assert build.warnings[0].startswith("conf.py:2: WARNING: phases_standards: "), build.warnings
    assert build.warnings[1].startswith("a.md:6: WARNING: gate 'a-gate': point '1' ")


LONG = "a" * 20_000 + "-"


def _long_values(tmp_path: Path) -> Build:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "gate-values", src)
    (src / "d.md").write_text(
        f"# D\n\n```{{phase}} {LONG}\n```\n\n```{{phase-gate}} {LONG}\n- A criterion\n```\n\n"
        f"```{{phase-gate}} d-gate\n:after: {LONG[:-1]}\n\n- A criterion\n```\n"
    )
    return Build(src, tmp_path / "out")


def test_a_long_gate_id_is_quoted_as_a_short_excerpt(tmp_path: Path) -> None:
    build = _long_values(tmp_path)
    build.assert_finished()
    lines = [w for w in build.warnings if w.startswith("d.md:") and "gate" in w]
    assert lines == [
        "d.md:6: WARNING: phase-gate: id 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (20,001 "
        "characters) is not valid: expected lower-case letters, digits and '-' (perhaps "
        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (20,000 characters)) [phases.option]",
        "d.md:10: WARNING: gate 'd-gate' comes after 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… "
        "(20,000 characters), which no page declares; expected the id of a phase "
        "[phases.unknown]",
    ]


def test_a_long_phase_id_is_quoted_as_a_short_excerpt(tmp_path: Path) -> None:
    build = _long_values(tmp_path)
    (line,) = [w for w in build.warnings if w.startswith("d.md:3: ")]
    assert len(line) < 400, len(line)
    assert line == (
        "d.md:3: WARNING: phase directive: id 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… "
        "(20,001 characters) is not valid: expected lower-case letters, digits and '-' "
        "(perhaps 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (20,000 characters)) [phases.option]"
    )


def test_a_malformed_stage_says_what_is_wrong_with_it(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "stage-two-stages", src)
    (src / "phases.yml").write_text(
        "sequence: [a, b, c, d]\nstages:\n"
        "  - {id: late, phases: [c], colour: red}\n"
        "  - {id: nothing}\n"
        "  - {id: Bad Id, phases: [b]}\n"
    )
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    colour, nothing, bad_id = build.warnings
    assert colour.startswith("phases.yml:3: WARNING: stages: ")
    assert "is the key" not in colour
    assert nothing.startswith("phases.yml:4: WARNING: stages: ")
    assert "'phases'" in nothing
    assert bad_id.startswith("phases.yml:5: WARNING: stages: ")
    assert "phase id" not in bad_id
    assert build.warnings == [
        "phases.yml:3: WARNING: stages: stage 'late' has the unknown key 'colour'; expected "
        "'id', 'title' and 'phases' [phases.config]",
        "phases.yml:4: WARNING: stages: stage 'nothing' has no 'phases'; expected a list of "
        "the phase ids it groups [phases.config]",
        "phases.yml:5: WARNING: stages: the stage id 'Bad Id' is not valid: expected "
        "lower-case letters, digits and '-' (perhaps 'bad-id') [phases.config]",
    ]


def test_one_bad_standard_leaves_the_others_whole(tmp_path: Path) -> None:
    # docs/reference/standards.md: "each entry of the mapping is read on its own, and a
    # mistake in one leaves the others whole".
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "standard-inline", src)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_phases"]\n'
        'phases_standards = {"s": [{"id": "1", "title": "One"}], "Bad Id": [], "n": 5}\n'
    )
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    # The gate assessing point 1 of 's' finds it; each bad entry is reported on its own.
    assert [w for w in build.warnings if w.startswith("a.md:")] == []
    assert len(build.warnings) == 2, build.warnings
    assert all(w.startswith("conf.py:2: WARNING: phases_standards: ") for w in build.warnings)
    assert build.warnings == [
        "conf.py:2: WARNING: phases_standards: standard 'n' is a number (5); expected the "
        "path of a YAML file, a list of points or a mapping with 'title' and 'points' "
        "[phases.standard]",
        "conf.py:2: WARNING: phases_standards: the standard id 'Bad Id' is not valid: "
        "expected lower-case letters, digits and '-' (perhaps 'bad-id') [phases.standard]",
    ]


# -- standard files: confined to the project, never echoed -----------------------------------

SECRET = "SECRET-OUTSIDE-THE-PROJECT"
REFUSED_FILES = {
    "dotdot": (
        "../outside/s.yml",
        "which resolves outside the project; expected a YAML file "
        "inside the source or configuration directory",
    ),
    "etc-passwd": (
        "/etc/passwd",
        "which resolves outside the project; expected a YAML file "
        "inside the source or configuration directory",
    ),
    "symlink": (
        "link.yml",
        "which resolves outside the project; expected a YAML file inside "
        "the source or configuration directory",
    ),
    "dev-zero": (
        "zero.yml",
        "which resolves outside the project; expected a YAML file inside "
        "the source or configuration directory",
    ),
    "fifo": (
        "fifo.yml",
        "which is not read: it is not a regular file (a FIFO); expected a file",
    ),
    "folder": (
        "folder.yml",
        "which is not a file; expected the path of a YAML file, relative "
        "to the configuration directory",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED_FILES))
def test_a_standard_file_outside_the_project_is_refused_unread(tmp_path: Path, case: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s.yml").write_text(f"title: {SECRET}\npoints:\n  - {{id: 1, title: {SECRET}}}\n")
    src = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / "standard-missing", src)
    (src / "link.yml").symlink_to(outside / "s.yml")
    (src / "zero.yml").symlink_to("/dev/zero")
    os.mkfifo(src / "fifo.yml")
    (src / "folder.yml").mkdir()
    named, why = REFUSED_FILES[case]
    (src / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_phases"]\nphases_standards = {{"s": {named!r}}}\n'
    )
    build = Build(src, tmp_path / "out")
    build.assert_finished()
    # The mistake first (docs/reference/warnings.md): before the gate it leaves without points.
    assert build.warnings[0] == (
        f"conf.py:2: WARNING: phases_standards: standard 's' names {named!r}, {why} "
        "[phases.standard]"
    )
    assert SECRET not in build.stderr
    assert SECRET not in "".join(p.read_text("utf8") for p in build.outdir.rglob("*.html"))

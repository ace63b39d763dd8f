"""What ``migrate`` documents that it keeps, or reports, it does (issue 12 item 14)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from migration_checks import convert
from sphinx.cmd.build import build_main

from sphinx_phases.cli import main
from sphinx_phases.cli.frontmatter import parse_meta


@pytest.mark.parametrize(
    "front",
    [
        "title: Alpha\nsubtitle: Government Service Design Manual",
        "title: Alpha\nsubtitle: Everything you need to build services to the Digital by"
        " Default standard",
        "title: Government service design manual\nsubtitle: Build a prototype",
    ],
)
def test_the_site_strap_line_is_not_a_phase_subtitle(front: str) -> None:
    meta = parse_meta(f"---\n{front}\n---\nBody".split("\n"), "x__phases__alpha")
    assert (meta.title, meta.subtitle) == ("Alpha", None)
    (issue,) = [i for i in meta.issues if i.text.startswith("subtitle:")]
    assert issue.kind == "dropped"
    assert "strap line" in issue.message


def test_a_phase_subtitle_is_kept() -> None:
    meta = parse_meta(["---", "title: Alpha", "subtitle: Build a prototype", "---"], "a")
    assert (meta.subtitle, meta.issues) == ("Build a prototype", [])


# -- pictogram lists -----------------------------------------------------------------------

LIST = """<ul class="phase-activities">
  <li class="pictogram-beta-large">Beta team</li>
  <li><img class="output" src="/x/pictograms/team.png" /> A team</li>
  <li class="wide"><img src="/x/pictograms/code.png" alt="Code"> Some code</li>
</ul>"""


def test_a_pictogram_named_by_a_class_is_kept() -> None:
    result = convert(LIST)
    assert result.body == (
        "```{phase-outputs}\n\n- {pictogram}`beta-large` Beta team\n"
        "- {pictogram}`team` A team\n- {pictogram}`code` Some code\n```\n"
    )


def test_what_a_pictogram_list_loses_is_reported() -> None:
    result = convert(LIST)
    (issue,) = result.issues
    assert issue.kind == "dropped"
    assert issue.text.splitlines() == [
        '<img class="output">',
        '<li class="wide">',
        '<img alt="Code">',
    ]


def test_an_image_and_a_pictogram_class_that_disagree_keep_the_image() -> None:
    item = '<li class="pictogram-blog"><img src="/p/team.png">T</li>'
    html = f'<ul class="phase-activities">\n{item}\n</ul>'
    result = convert(html)
    assert "{pictogram}`team` T" in result.body
    assert result.issues[0].text == '<li class="pictogram-blog">'


def test_navigation_markup_is_reported_with_the_links() -> None:
    html = '<ul class="phase-nav">\n<li class="alpha"><a href="">Next: Alpha</a></li>\n</ul>'
    result = convert(html, ids=["alpha"])
    assert result.next == "alpha"
    assert [i.kind for i in result.issues] == ["dropped", "moved"]
    assert '<li class="alpha">' in result.issues[0].text
    phase_nav = convert("{:.phase-nav}\n* [Next: Alpha](/a/phases/alpha.html)", ids=["alpha"])
    assert (phase_nav.issues[0].kind, phase_nav.issues[0].text) == ("dropped", "{:.phase-nav}")


def test_a_figure_wrapper_is_reported_whole() -> None:
    html = '<figure class="video" width="420" height="260"><a href="https://v.example/1">Watch</a></figure>'
    result = convert(html)
    assert result.body == "[Watch](https://v.example/1)\n"
    assert result.issues[0].text == '<figure class="video" width="420" height="260">'


# -- blank headings ------------------------------------------------------------------------


@pytest.mark.parametrize("hidden", ["<!-- to fill in -->", '<p class="spacer"></p>'])
def test_a_heading_over_nothing_a_reader_sees_is_dropped(hidden: str) -> None:
    result = convert(f"Intro.\n\n## Outputs\n\n{hidden}\n\n## Notes\n\nText.")
    assert "## Outputs" not in result.body
    assert result.body.startswith("Intro.\n\n")
    assert result.body.endswith("\n\n## Notes\n\nText.\n")
    assert ("dropped", "empty heading dropped", "Outputs") in [
        (i.kind, i.message, i.text) for i in result.issues
    ]
    assert "to fill in" in result.body or "spacer" in result.body  # kept, and reported


# -- sections that carry phase data --------------------------------------------------------

SECTIONS = """Intro paragraph.

## Team

A small team,
led by the service manager.

## Duration:

Six to eight weeks.

- in sprints

## Other

Text.

## Team

Said twice.
"""


def test_team_and_duration_sections_become_those_questions() -> None:
    result = convert(SECTIONS)
    assert result.body == (
        "Intro paragraph.\n\n"
        "```{phase-question} team\nA small team,\nled by the service manager.\n```\n\n"
        "```{phase-question} duration\nSix to eight weeks.\n\n- in sprints\n```\n\n"
        "## Other\n\nText.\n\n## Team\n\nSaid twice.\n"
    )
    moved = [(i.line, i.text) for i in result.issues if i.kind == "moved"]
    assert moved == [(3, "Team"), (8, "Duration:")]
    (kept,) = [i for i in result.issues if i.kind == "unresolved"]
    assert kept.line == 18
    assert "already answers the 'team' question" in kept.message


def test_a_question_section_after_another_heading_stays_a_section() -> None:
    result = convert("## Why\n\nBecause.\n\n## Team\n\nPeople.")
    assert result.body == "## Why\n\nBecause.\n\n## Team\n\nPeople.\n"
    (issue,) = result.issues
    assert issue.kind == "unresolved"
    assert "inside the 'Why' section" in issue.message


def test_a_question_section_with_sub_headings_stays_a_section() -> None:
    result = convert("## Team\n\n### Core\n\nPeople.")
    assert result.body == "## Team\n\n### Core\n\nPeople.\n"
    assert "sub-headings" in result.issues[0].message


def test_sections_of_a_page_without_a_phase_are_left_alone() -> None:
    result = convert("## Summary\n\nS.\n\n## Team\n\nT.", own=None)
    assert result.body == "## Summary\n\nS.\n\n## Team\n\nT.\n"
    assert result.summary is None


def test_a_summary_section_becomes_the_phase_summary() -> None:
    result = convert("Lead.\n\n## Summary\n\nTry ideas\nout cheaply.\n\n## Next steps\n\nGo.")
    assert result.summary == "Try ideas out cheaply."
    assert result.body == "Lead.\n\n## Next steps\n\nGo.\n"
    assert [(i.kind, i.text) for i in result.issues] == [("moved", "Try ideas out cheaply.")]


@pytest.mark.parametrize(
    ("section", "why"),
    [
        ("See [the guide](https://example.org).", "markup"),
        ("One.\n\nTwo.", "several"),
        ("- a list", "markup"),
        ("<!-- a note -->\nWords.", "one paragraph of text"),
    ],
)
def test_a_summary_that_cannot_be_plain_text_stays_a_section(section: str, why: str) -> None:
    result = convert(f"## Summary\n\n{section}")
    assert result.summary is None
    assert result.body.startswith("## Summary\n")
    (issue,) = [i for i in result.issues if i.kind == "unresolved"]
    assert why in issue.message


def _migrate(tmp_path: Path, front: str, body: str) -> tuple[str, list[dict[str, Any]]]:
    src = tmp_path / "site__phases__alpha.md"
    src.write_text(f"---\n{front}---\n{body}", "utf-8")
    report = tmp_path / "report.json"
    assert main(["migrate", str(src), "-o", str(tmp_path / "out"), "--report", str(report)]) == 0
    issues = json.loads(report.read_text("utf-8"))["files"][0]["issues"]
    return (tmp_path / "out" / "alpha.md").read_text("utf-8"), issues


def test_migrate_writes_the_summary_and_the_questions(tmp_path: Path) -> None:
    text, _ = _migrate(tmp_path, "title: Alpha\n", "## Summary\n\nTry ideas.\n\n## Team\n\nFew.\n")
    assert text == (
        "---\nphase:\n  id: alpha\n  title: Alpha\n  summary: Try ideas.\n---\n\n# Alpha\n\n"
        "```{phase-question} team\nFew.\n```\n"
    )


def test_a_summary_in_front_matter_wins_over_the_section(tmp_path: Path) -> None:
    front = "phase:\n  id: alpha\n  summary: Given.\n"
    text, issues = _migrate(tmp_path, front, "## Summary\n\nAnother.\n")
    assert "  summary: Given.\n" in text
    assert "## Summary\n\nAnother.\n" in text
    assert any("already has a summary" in i["message"] for i in issues)


def test_a_subtitle_shared_by_every_phase_page_is_dropped(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy"  # OUTDIR may not be inside a source folder
    legacy.mkdir()
    for ident in ("alpha", "beta"):
        page = f"---\ntitle: {ident}\nsubtitle: Our great manual\n---\nText.\n"
        (legacy / f"site__phases__{ident}.md").write_text(page, "utf-8")
    report = tmp_path / "report.json"
    argv = ["migrate", str(legacy), "-o", str(tmp_path / "out"), "--report", str(report)]
    assert main(argv) == 0
    for ident in ("alpha", "beta"):
        assert "subtitle" not in (tmp_path / "out" / f"{ident}.md").read_text("utf-8")
    files = json.loads(report.read_text("utf-8"))["files"]
    for entry in files:
        (issue,) = [i for i in entry["issues"] if i["text"] == "subtitle: Our great manual"]
        assert (issue["line"], issue["kind"]) == (3, "dropped")


def test_a_migrated_summary_and_questions_build_and_fill_the_overview(tmp_path: Path) -> None:
    _migrate(
        tmp_path, "title: Alpha\n", "## Summary\n\nTry ideas.\n\n## Team\n\nFew.\n\n## Notes\n\nN."
    )
    out = tmp_path / "out"
    (out / "overview.md").write_text(
        "# Overview\n\n```{phase-table}\n:columns: title, summary\n```\n", "utf-8"
    )
    index = (out / "index.md").read_text("utf-8")
    (out / "index.md").write_text(index.replace("alpha\n", "alpha\noverview\n"), "utf-8")
    html = tmp_path / "html"
    argv = ["-W", "-q", "-b", "html", "-d", str(tmp_path / "doctrees"), str(out), str(html)]
    assert build_main(argv) == 0
    overview = BeautifulSoup((html / "overview.html").read_text("utf-8"), "html.parser")
    table = overview.select_one("table.phases-table")
    assert table is not None
    assert "Try ideas." in table.get_text()
    alpha = BeautifulSoup((html / "alpha.html").read_text("utf-8"), "html.parser")
    headings = [h.get_text().rstrip("¶") for h in alpha.select("section > h2")]
    assert headings == ["Who do I need?", "Notes"]

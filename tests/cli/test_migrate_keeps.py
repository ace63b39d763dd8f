"""What ``migrate`` documents that it keeps, or reports, it does (issue 12 item 14)."""

from __future__ import annotations

import pytest

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

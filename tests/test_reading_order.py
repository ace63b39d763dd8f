"""Readers page through the manual depth-first, and no phase page is a dead end.

Following ``rel="next"`` from the first phase page reaches every phase page once and ends
at the last; ``rel="prev"`` walks the same way back. The theme's own links (with
``phases_theme_nav``) follow the same order, and each link's label says where it leads.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

EXAMPLE = Path(__file__).parent.parent / "docs" / "example-service"
DEEP_ORDER = [
    "start",
    "build",
    "design",
    "sketch",
    "model",
    "make",
    "test",
    "trial",
    "close",
    "archive",
]
EXAMPLE_ORDER = [
    "discovery",
    "alpha",
    "beta",
    "private-beta",
    "public-beta",
    "live",
    "retirement",
]


def _soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / f"{page}.html").read_text("utf8"), "html.parser")


def _follow(outdir: Path, page: str, rel: str, where: str) -> str | None:
    """The page a rel=prev/next link leads to: in the phase navigation or in <head>."""
    soup = _soup(outdir, page)
    scope = soup.select_one("nav.phases-nav") if where == "nav" else soup.head
    assert scope is not None, page
    links = [a for a in scope.find_all(["a", "link"]) if rel in (a.get("rel") or [])]
    assert len(links) <= 1, links
    if not links:
        return None
    return str(links[0]["href"]).partition("#")[0].removesuffix(".html")


def _walk(outdir: Path, first: str, rel: str, where: str) -> list[str]:
    visited = [first]
    while (page := _follow(outdir, visited[-1], rel, where)) is not None:
        assert page not in visited, f"{page} reached twice: {visited}"
        visited.append(page)
    return visited


def _build(srcdir: Path, outdir: Path) -> Path:
    assert build_main(["-W", "-q", "-b", "html", str(srcdir), str(outdir)]) == 0
    return outdir


@pytest.fixture(scope="module")
def deep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("deep")
    shutil.copytree(Path(__file__).parent / "roots" / "test-deep", base / "src")
    return _build(base / "src", base / "out")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("example")
    shutil.copytree(EXAMPLE, base / "src")
    (base / "src" / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "sphinx_phases"]\n'
        'phases_sequence = "phases.yml"\nphases_theme_nav = True\n'
        'phases_standards = {"service-standard": "service-standard.yml"}\n'
        'root_doc = "index"\n'
    )
    return _build(base / "src", base / "out")


@pytest.mark.parametrize("where", ["nav", "theme"])
def test_next_and_previous_walk_the_deep_tree_depth_first(deep: Path, where: str) -> None:
    assert _walk(deep, DEEP_ORDER[0], "next", where) == DEEP_ORDER
    assert _walk(deep, DEEP_ORDER[-1], "prev", where) == DEEP_ORDER[::-1]


@pytest.mark.parametrize("where", ["nav", "theme"])
def test_next_and_previous_walk_the_example_manual(example: Path, where: str) -> None:
    assert _walk(example, EXAMPLE_ORDER[0], "next", where) == EXAMPLE_ORDER
    assert _walk(example, EXAMPLE_ORDER[-1], "prev", where) == EXAMPLE_ORDER[::-1]


def _labels(outdir: Path, page: str) -> list[str]:
    nav = _soup(outdir, page).select_one("nav.phases-nav")
    assert nav is not None
    # What is shown: the gate a next link passes, also in its name for screen readers,
    # is read from the words under it.
    for hidden in nav.select(".phases-hidden"):
        hidden.decompose()
    # The nav's own entries: its links and markers, not a gate's link inside a note.
    entries = nav.find_all(["a", "p"], recursive=False)
    return [" ".join(entry.get_text().split()) for entry in entries]


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "beta",
            [
                "Previous phase: Alpha",
                "Next: Private beta, part of Beta",
                # One link per phase: Private beta is the next link already.
                "Sub-phase: Public beta",
            ],
        ),
        (
            "public-beta",
            [
                "Previous: Private beta, part of Beta",
                "Next phase: Live",
                "Part of: Beta",
            ],
        ),
        (
            "live",
            [
                "Previous: Public beta, part of Beta",
                "Next, the final phase: Retirement",
                "Go back to: Discovery",
            ],
        ),
        ("retirement", ["Previous phase: Live", "This is the final phase"]),
        ("discovery", ["This is the first phase", "Next phase: Alpha"]),
    ],
)
def test_each_label_says_where_it_leads(example: Path, page: str, expected: list[str]) -> None:
    assert _labels(example, page) == expected


def test_the_last_sub_phase_of_the_last_phase_ends_the_manual(deep: Path) -> None:
    assert _labels(deep, "archive") == [
        "Previous phase: Close",
        "This is the final phase",
    ]
    # One link per phase: the previous link leads to the parent, and says so in HTML.
    assert "up" in _soup(deep, "archive").select_one("nav.phases-nav a")["rel"]
    assert _labels(deep, "trial")[1] == "Next, the final phase: Close"


def test_theme_context_names_the_reading_neighbours(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("service")
    app = make_app("html", srcdir=srcdir)
    seen: dict[str, Any] = {}

    def record(app: Any, pagename: str, templatename: str, context: Any, doctree: Any) -> None:
        if pagename == "beta":
            seen.update(prev=context["phase_prev"], next=context["phase_next"])

    app.connect("html-page-context", record, priority=900)
    app.build()
    assert seen["prev"]["id"] == "alpha"
    assert seen["next"] == {
        "id": "private-beta",
        "title": "Private beta",
        "link": "private-beta.html",
    }

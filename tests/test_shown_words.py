"""A phase's words shown on another page hold anything their page may: images, downloads,
footnotes, math, substitutions and references written relative to the phase's page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp
from tests.conftest import phase_warnings, warning_lines

ROOTS = ("shown-words", "shown-words-rst")
BUILDERS = (
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "json",
    "pickle",
    "xml",
)


@pytest.mark.slow
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("root", ROOTS)
def test_every_builder_shows_the_words_under_w(
    copy_root: Any, tmp_path: Path, root: str, builder: str
) -> None:
    srcdir = copy_root(root)
    doctrees = tmp_path / "doctrees"  # outside the output, or epub would pack them
    args = ["-W", "-q", "-b", builder, "-d", str(doctrees), str(srcdir), str(tmp_path / "out")]
    assert build_main(args) == 0


@pytest.fixture(params=ROOTS)
def site(request: pytest.FixtureRequest, make_app: Any, copy_root: Any) -> SphinxTestApp:
    app: SphinxTestApp = make_app("html", srcdir=copy_root(request.param))
    app.build()
    assert warning_lines(app) == []
    return app


def _soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / page).read_text("utf8"), "html.parser")


def _step(soup: BeautifulSoup, title: str) -> Tag:
    for step in soup.select("li.phases-sequence__step"):
        if step.select_one(".phases-sequence__title").get_text(strip=True) == title:
            return step
    raise AssertionError(f"no step {title!r}")


def test_links_in_an_overview_point_where_the_phase_page_points(site: SphinxTestApp) -> None:
    summary = _step(_soup(site, "index.html"), "Alpha").select_one(".phases-sequence__summary")
    assert summary is not None
    links = {a.get_text(" ", strip=True): a["href"] for a in summary.select("a[href]")}
    assert links["Notes"] == "phases/notes.html"  # {doc}`notes` written on phases/alpha
    assert links["the notes"] == "phases/notes.html"  # a Markdown or relative link
    assert links[next(k for k in links if k.lower().startswith("more"))] == (
        "phases/alpha.html#more"
    )
    download = summary.select_one("a.download")
    assert download is not None
    assert re.fullmatch(r"_downloads/[0-9a-f]+/plan\.txt", download["href"])
    assert (site.outdir / download["href"]).is_file()
    image = summary.select_one("img")
    assert image is not None
    assert image["src"] == "_images/dot.png"
    assert image["alt"] == "a dot"
    assert (site.outdir / "_images" / "dot.png").is_file()
    assert summary.select_one(".math") is not None
    # The phase's own page links the same documents, relative to itself.
    own = _soup(site, "phases/alpha.html").select_one(".phases-summary")
    assert own is not None
    assert {a["href"] for a in own.select("a.reference.internal") if "doc" in a.decode()} >= {
        "notes.html"
    }


def test_a_footnote_travels_with_its_words_numbered_on_the_showing_page(
    site: SphinxTestApp,
) -> None:
    soup = _soup(site, "index.html")
    summary = _step(soup, "Alpha").select_one(".phases-sequence__summary")
    assert summary is not None
    ref = summary.select_one("a.footnote-reference")
    assert ref is not None
    assert ref.get_text(strip=True) == "[1]"
    note = summary.select_one("aside.footnote")
    assert note is not None
    assert note["id"] == ref["href"].lstrip("#")
    assert note.select_one("a[role=doc-backlink]")["href"] == "#" + ref["id"]
    assert "The note on ideas." in note.get_text()
    # Every id on the page is unique, though the summary is shown twice (steps, table).
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    numbers = [a.get_text(strip=True) for a in soup.select("a.footnote-reference")]
    assert numbers == [f"[{n}]" for n in range(1, len(numbers) + 1)]


def test_the_overview_and_the_export_show_the_words_the_page_shows(site: SphinxTestApp) -> None:
    own = _soup(site, "phases/alpha.html").select_one(".phases-summary p")
    shown = _step(_soup(site, "index.html"), "Alpha").select_one(".phases-sequence__summary p")
    assert own is not None
    assert shown is not None
    assert "Try “ideas” at Acme" in own.get_text()  # typographic quotes, substitution
    assert own.get_text() == shown.get_text()
    exported = json.loads((site.outdir / "phases.json").read_text("utf8"))
    summary = next(p["summary"] for p in exported["phases"] if p["id"] == "alpha")
    assert summary.startswith("Try “ideas” at Acme: see Notes")
    assert "[1]" not in summary  # no footnote number
    assert "note1" not in summary


def test_dirhtml_links_from_the_overview_go_up_from_nested_pages(
    make_app: Any, copy_root: Any
) -> None:
    app = make_app("dirhtml", srcdir=copy_root("shown-words"))
    app.build()
    assert warning_lines(app) == []
    summary = _step(_soup(app, "index.html"), "Alpha").select_one(".phases-sequence__summary")
    assert summary is not None
    hrefs = [
        a["href"]
        for a in summary.select("a[href]")
        if "footnote-reference" not in a.get("class", [])
    ]
    assert "phases/notes/" in hrefs
    assert "phases/alpha/#more" in hrefs


def test_an_answer_in_the_table_carries_its_image_and_footnote(site: SphinxTestApp) -> None:
    table = _soup(site, "index.html").select_one("table.phases-table")
    assert table is not None
    cell = next(td for td in table.select("td") if "Learn one thing" in td.get_text())
    assert cell.select_one("a.footnote-reference") is not None
    assert "The note on learning." in cell.select_one("aside.footnote").get_text()


def test_a_broken_reference_in_a_summary_warns_once_on_its_page(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = copy_root("shown-words")
    page = srcdir / "phases" / "alpha.md"
    page.write_text(page.read_text("utf8").replace("{doc}`notes`", "{doc}`nowhere`"), "utf8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    found = [line for line in warning_lines(app) if "nowhere" in line]
    assert found == ["phases/alpha.md:6: WARNING: unknown document: 'nowhere' [ref.doc]"]


def test_what_cannot_move_is_left_out_with_one_content_warning(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = copy_root("shown-words")
    page = srcdir / "phases" / "beta.md"
    page.write_text(
        "# Beta\n\n````{phase} beta\n:previous: alpha\n\nBuild it.\n\n"
        "```{toctree}\nnotes\n```\n````\n",
        "utf8",
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "phases/beta.md:8: WARNING: a phase's words hold a table of contents, which cannot "
        "be shown on another page; expected it outside the summary, answer or list (it is "
        "left out where the words are shown elsewhere) [phases.content]"
    ]
    summary = _step(_soup(app, "index.html"), "Beta").select_one(".phases-sequence__summary")
    assert summary is not None
    assert summary.select_one(".toctree-wrapper") is None
    own = _soup(app, "phases/beta.html").select_one(".phases-summary .toctree-wrapper")
    assert own is not None  # the phase's own page keeps it

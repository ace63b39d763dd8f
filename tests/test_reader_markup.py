"""What a screen reader meets, in the HTML we write, and what the other formats keep
(issue 21 item 12; the browser walk in tests/browser/test_screen_reader.py reads the same
pages through Chromium's accessibility tree).

HTML: gates (and their criteria) are headings under the section they stand in; a tag is
read with what it is; the next link's name names the gate it passes; each phase is linked
once in a navigation; tables have row headers, sub-phases say what they are part of, an
empty answer is read; cards are a numbered list. Text and LaTeX are read as they look: no
hidden words, cards numbered once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from tests.conftest import phase_warnings


def _page(app: Any, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(app.outdir, name).read_text("utf8"), "html.parser")


@pytest.fixture
def built(make_app: Any, copy_root: Any) -> Any:
    def run(root: str, builder: str = "html") -> Any:
        app = make_app(builder, srcdir=copy_root(root, f"{root}-{builder}"))
        app.build()
        assert phase_warnings(app) == []
        return app

    return run


def test_a_gate_is_a_heading_under_its_section(built: Any) -> None:
    app = built("gates")
    page = _page(app, "alpha.html")
    gate = page.select_one("section.phases-gate")
    title = gate.find(["h1", "h2", "h3", "h4", "h5", "h6"], recursive=False)
    # The gate stands in the page's h1 section: an h2, named by its id for the section.
    assert (title.name, title.get_text(strip=True)) == ("h2", "Alpha assessment")
    assert title["id"] == gate["aria-labelledby"]
    label = gate.select_one(".phases-gate__criteria-label")
    assert label.name == "h3"
    # Inside a second-level section, one level further down.
    page = _page(app, "private-beta.html")
    sections = [h.name for h in page.select("section.phases-gate > .phases-gate__title")]
    assert sections
    assert all(name in ("h2", "h3") for name in sections)


def test_other_formats_keep_the_gate_title_and_leave_out_hidden_words(built: Any) -> None:
    out = built("gates", "text").outdir
    text = Path(out, "alpha.txt").read_text("utf8")
    assert "Alpha assessment" in text
    assert "Criteria" in text
    index = Path(out, "index.txt").read_text("utf8")
    # The tag as it looks ("[Met]"), the gate once under the next link.
    assert "[Met]" in index
    assert "Outcome: Met" not in index
    assert "Status:" not in index
    assert text.count("after the Alpha assessment") == 1


def test_tags_are_read_with_what_they_are(built: Any) -> None:
    app = built("gates")
    marks = _page(app, "index.html").select(".phases-sequence__gate .phases-tag")
    assert marks
    assert all(tag.select_one(".phases-hidden").get_text() == "Outcome: " for tag in marks)
    overview = _page(built("overviews"), "overview.html")
    statuses = overview.select(".phases-sequence__title .phases-tag")
    assert statuses
    assert all(tag.get_text().startswith("Status: ") for tag in statuses)


def test_the_next_link_names_the_gate_and_each_phase_is_linked_once(built: Any) -> None:
    app = built("gates")
    nav = _page(app, "alpha.html").select_one("nav.phases-nav")
    next_link = nav.select_one("a[rel~=next]")
    assert " ".join(next_link.get_text().split()) == (
        "Next phase: Beta, after the Alpha assessment"
    )
    for name in ("beta.html", "private-beta.html", "public-beta.html"):
        links = _page(app, name).select("nav.phases-nav a.phases-nav__link")
        hrefs = [a["href"] for a in links]
        assert len(hrefs) == len(set(hrefs)), (name, hrefs)
    first = _page(app, "private-beta.html").select_one("nav.phases-nav a")
    assert first["rel"] == ["prev", "up"]


def test_tables_have_row_headers_and_sub_phases_say_what_they_are_part_of(built: Any) -> None:
    overview = _page(built("overviews"), "overview.html")
    table = overview.select_one("table.phases-table")
    rows = table.select("tbody tr")
    assert rows
    assert all(len(row.select('th[scope="row"]')) == 1 for row in rows)
    parts = [th.select_one(".phases-table__part-of") for th in table.select("tbody th")]
    assert [p.get_text(strip=True) for p in parts if p] == ["part of Beta", "part of Beta"]


def test_an_empty_answer_is_read(built: Any) -> None:
    """A phase that has not answered a question shows a blank cell, read "No answer yet"."""
    app = built("overviews")
    table = _page(app, "overview.html").select_one("table.phases-table")
    empty = [span.get_text() for span in table.select("td .phases-hidden")]
    assert empty == ["No answer yet"] * len(empty)
    assert empty
    # Only cells with nothing else in them.
    assert all(
        span.parent.get_text() == "No answer yet" for span in table.select("td .phases-hidden")
    )


def test_cards_are_a_numbered_list(built: Any) -> None:
    app = built("overviews")
    cards = _page(app, "overview.html").select_one(".phases-sequence--cards")
    items = cards.select("ol.sd-row > li.sd-col")
    assert len(items) == len(cards.select(".phases-card"))
    numbers = [item.select_one(".phases-card__number") for item in items]
    assert all(n["aria-hidden"] == "true" for n in numbers)
    text = Path(built("overviews", "text").outdir, "overview.txt").read_text("utf8")
    # The list numbers the cards in text; the drawn number is not said twice.
    assert "1. 1." not in text
    assert "1. Discovery" in text

"""What a screen reader and a keyboard meet (issue 21 item 12), read from Chromium's own
accessibility tree (the Chrome DevTools Protocol's ``Accessibility`` domain), and the
strip overview and the gates table at 320 and 1280 px (issue 23).

- **names**: no link or text of ours is read with a drawn arrow or diamond in it
  ("Next phase →: Beta"); the next link's name names the gate it passes ("Next phase:
  Beta, after the Alpha assessment");
- **one link per target**: a phase's navigation links each phase once (Beta: no
  "Sub-phase: Private beta" beside "Next: Private beta");
- **outline**: every gate's title is a heading one level under the section it stands in,
  its criteria's label a heading under it, and no page of ours skips a heading level
  going down;
- **tags**: a tag is read with what it is ("Outcome: Met", "Status: In review") and shows
  only its word;
- **focus**: the gate link under the next link takes GOV.UK's yellow focus;
- **colour**: a sub-phase's navigation wears its parent's colour;
- **tables**: each body row of a ``phase-table`` or ``phase-gates`` has one row header,
  a sub-phase's says what it is part of, an empty answer is read as "No answer yet", and
  at 320 px a visible line says the region scrolls (at 1280 px, where it fits, none);
- **cards** are a list of items;
- **strip and gates table**: at 320 and 1280 px, axe finds nothing of ours on the pages
  that show them, and Tab reaches each of their links with a visible focus (the Nu
  checker reads them with the whole site, in test_example_manual.py).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.browser.browser_support import (
    MANUAL,
    OVERVIEW,
    Tab,
    axe_path,
    manual_pages,
    phase_pages,
    reflow_pages,
    run_axe,
    say,
    tab_through,
    tab_to,
)

pytestmark = pytest.mark.browser

#: Drawn for the eye only: the navigation's arrows, the loop's, the gates' diamond.
DRAWN = "\u2190\u2192\u2191\u21ba\u25c6"
#: Where every word is sphinx-phases' own.
OURS = (
    "nav.phases-nav, .phases-sequence, .phases-region, section.phases-gate, "
    ".phases-banner, dl.phases-facts"
)
STRIP = "reference/overviews.html"
GATES_TABLE = "reference/gates.html"
FOCUS_YELLOW = "rgb(255, 221, 0)"


class Reader:
    """Chromium's accessibility tree for the page open in *tab*."""

    def __init__(self, tab: Tab) -> None:
        self.tab = tab
        self.cdp = tab.context.new_cdp_session(tab.page)
        self.cdp.send("Accessibility.enable")

    def _nodes(self, selector: str) -> list[int]:
        root = self.cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        found = self.cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
        return list(found["nodeIds"])

    def read(self, selector: str) -> list[dict[str, Any]]:
        """Each element matching *selector*: its role, name and heading level as read."""
        out = []
        for node_id in self._nodes(selector):
            tree = self.cdp.send(
                "Accessibility.getPartialAXTree", {"nodeId": node_id, "fetchRelatives": False}
            )
            node = tree["nodes"][0]
            level = next(
                (p["value"]["value"] for p in node.get("properties", []) if p["name"] == "level"),
                None,
            )
            out.append(
                {
                    "role": node.get("role", {}).get("value"),
                    "name": node.get("name", {}).get("value", ""),
                    "level": level,
                    "ignored": node.get("ignored", False),
                }
            )
        return out

    def texts(self, selector: str) -> list[str]:
        """Every piece of text read inside the elements matching *selector*, drawn
        ``content`` included (what a screen reader says, not what the DOM holds)."""
        said = []
        for node_id in self._nodes(selector):
            found = self.cdp.send("Accessibility.queryAXTree", {"nodeId": node_id})
            said += [
                node.get("name", {}).get("value", "")
                for node in found["nodes"]
                if not node.get("ignored") and node.get("role", {}).get("value") == "StaticText"
            ]
        return said

    def close(self) -> None:
        self.cdp.detach()


def _drawn_in(text: str) -> bool:
    return any(mark in text for mark in DRAWN)


def _spoken(name: str) -> str:
    """A name as heard: Chromium puts a space around each block in a name ("Next phase
    : Beta"), which a screen reader does not say."""
    return re.sub(r"\s+([:,])", r"\1", " ".join(name.split()))


# -- names, one link per target, tags, colour --------------------------------------------------


def test_names_carry_no_drawn_marks_and_one_link_per_target(
    site: Path, browser: Any, base_url: str
) -> None:
    tab = Tab(browser, base_url)
    problems: list[str] = []
    names: dict[str, list[str]] = {}
    checked = sorted(set(manual_pages(site)) | set(reflow_pages(site)))
    try:
        for path in checked:
            tab.open(path)
            reader = Reader(tab)
            try:
                links = reader.read(f"{OURS.replace(', ', ' a, ')} a")
                texts = reader.texts(OURS)
                nav = reader.read("nav.phases-nav a.phases-nav__link")
            finally:
                reader.close()
            problems += [
                f"{path}: link read as {link['name']!r}"
                for link in links
                if _drawn_in(link["name"])
            ]
            problems += [f"{path}: text read as {text!r}" for text in texts if _drawn_in(text)]
            if nav and path in phase_pages(site):
                names[path] = [_spoken(link["name"]) for link in nav]
                hrefs = tab.page.eval_on_selector_all(
                    "nav.phases-nav a.phases-nav__link", "links => links.map(a => a.href)"
                )
                if len(set(hrefs)) != len(hrefs):
                    problems.append(f"{path}: a phase linked twice in the navigation: {hrefs}")
    finally:
        tab.close()
    for path, read in names.items():
        say(f"{path}: navigation read as {read}")
    assert len(names) == len(phase_pages(site))
    assert names[MANUAL + "alpha.html"] == [
        "Previous phase: Discovery",
        "Next phase: Beta, after the Alpha assessment",
    ]
    assert names[MANUAL + "beta.html"] == [
        "Previous phase: Alpha",
        "Next: Private beta, part of Beta",
        "Sub-phase: Public beta",
    ]
    assert names[MANUAL + "private-beta.html"] == [
        "Previous phase: Beta",
        "Next: Public beta, part of Beta, after the Beta assessment",
    ]
    assert not problems, "\n".join(problems)


# Each tag: what is read (all its text) and what is shown (without its hidden words, which
# must be clipped to nothing).
JS_TAGS = """() => [...document.querySelectorAll('.phases-tag, .phases-banner__tag')].map(
  tag => [tag.textContent.replace(/\\s+/g, ' ').trim(),
    [...tag.childNodes].filter(n => !(n.nodeType === 1 && n.matches('.phases-hidden')))
      .map(n => n.nodeType === 1 ? n.innerText : n.textContent).join('').trim(),
    [...tag.querySelectorAll('.phases-hidden')].every(
      h => h.getBoundingClientRect().width <= 1)])"""


def test_tags_say_what_they_are(site: Path, tab: Tab) -> None:
    """A tag is read "Outcome: Met" or "Status: In review"; it shows its word alone."""
    tags: list[tuple[str, str, str]] = []
    for path in (OVERVIEW, MANUAL + "public-beta.html", MANUAL + "assessments.html"):
        tab.open(path)
        for read, shown, hidden in tab.page.evaluate(JS_TAGS):
            assert hidden, f"{path}: the words before {read!r} are not hidden"
            tags.append((path, read, shown))
    say(f"tags read / shown: {sorted({(read, shown) for _p, read, shown in tags})}")
    assert any(read.startswith("Outcome: ") for _p, read, _s in tags)
    assert any(read.startswith("Status: ") for _p, read, _s in tags)
    assert (MANUAL + "public-beta.html", "Status: In review", "In review") in tags
    for path, read, shown in tags:
        context, _sep, word = read.partition(": ")
        assert context in ("Outcome", "Status"), (path, read)
        assert shown.lower() == word.lower(), (path, read, shown)


def test_gate_link_focus_and_sub_phase_colour(site: Path, tab: Tab) -> None:
    """The gate link under the next link takes the yellow focus; Private beta's
    navigation is drawn in Beta's colour."""
    tab.open(MANUAL + "alpha.html")
    tab_to(tab, "nav.phases-nav .phases-nav__gate a")
    focused = tab.page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
        return [s.backgroundColor, s.boxShadow, s.color]; }"""
    )
    colour = "el => getComputedStyle(el).getPropertyValue('--phases-color').trim()"
    tab.open(MANUAL + "beta.html")
    parent = tab.page.eval_on_selector("nav.phases-nav", colour)
    tab.open(MANUAL + "private-beta.html")
    child = tab.page.eval_on_selector("nav.phases-nav", colour)
    say(f"gate link focused: {focused}; Beta's nav colour {parent!r}, Private beta's {child!r}")
    assert focused[0] == FOCUS_YELLOW, focused
    assert focused[1] != "none", focused
    assert parent
    assert child == parent


# -- the heading outline ------------------------------------------------------------------------

JS_OUTLINE = """() => [...document.querySelectorAll(
  'article h1, article h2, article h3, article h4, article h5, article h6')].map(h =>
  [+h.tagName[1], h.textContent.replace(/[¶#]/g, '').trim(), [...h.classList].join(' ')])"""


def test_gates_are_headings_in_the_outline(site: Path, tab: Tab) -> None:
    pages = [p for p in manual_pages(site) if "phases-gate__title" in (site / p).read_text()]
    pages.append(GATES_TABLE)
    problems: list[str] = []
    gates = 0
    for path in pages:
        tab.open(path)
        reader = Reader(tab)
        try:
            titles = reader.read("section.phases-gate > .phases-gate__title")
            labels = reader.read("section.phases-gate > .phases-gate__criteria-label")
        finally:
            reader.close()
        outline = tab.page.evaluate(JS_OUTLINE)
        gates += len(titles)
        for title in titles:
            if title["role"] != "heading" or not title["level"]:
                problems.append(f"{path}: gate title {title} is not a heading")
        levels = {title["name"]: title["level"] for title in titles}
        for label in labels:
            if label["role"] != "heading":
                problems.append(f"{path}: criteria label {label} is not a heading")
        for (before, _t, _c), (level, text, classes) in itertools.pairwise(outline):
            if level > before + 1:
                problems.append(f"{path}: h{level} {text!r} after an h{before}")
            if "phases-gate__title" in classes and levels.get(text) != level:
                problems.append(f"{path}: gate {text!r} read at level {levels.get(text)}")
        say(f"{path}: {[f'h{level} {text[:30]}' for level, text, _c in outline]}")
    assert gates >= 4, f"only {gates} gates seen as headings"
    assert not problems, "\n".join(problems)


# -- tables and cards ---------------------------------------------------------------------------

JS_TABLES = """() => [...document.querySelectorAll('table.phases-table')].map(t => ({
  rows: t.tBodies[0].rows.length,
  headers: [...t.tBodies[0].rows].map(r => r.querySelectorAll('th[scope=row]').length),
  parts: [...t.querySelectorAll('th[scope=row] .phases-table__part-of')].map(
    p => p.textContent.trim()),
  empty: [...t.querySelectorAll('td .phases-hidden')].map(s => [s.textContent.trim(),
    s.getBoundingClientRect().width])}))"""
JS_HINT = """() => [...document.querySelectorAll('p.phases-region__hint')].map(p =>
  [p.getAttribute('aria-hidden'), getComputedStyle(p).display, p.innerText.trim(),
   (r => r.scrollWidth > r.clientWidth)(p.nextElementSibling)])"""


@pytest.mark.parametrize("width", [1280, 320])
def test_tables_have_row_headers_and_say_they_scroll(
    site: Path, browser: Any, base_url: str, width: int
) -> None:
    tab = Tab(browser, base_url, width=width)
    try:
        tab.open(OVERVIEW)
        tables = tab.page.evaluate(JS_TABLES)
        hints = tab.page.evaluate(JS_HINT)
        reader = Reader(tab)
        try:
            rowheaders = reader.read("table.phases-table tbody th")
            cards = reader.read(".phases-sequence--cards ol")
            items = reader.read(".phases-sequence--cards ol > li")
        finally:
            reader.close()
        tab.open(GATES_TABLE)
        gate_tables = [t for t in tab.page.evaluate(JS_TABLES) if t["rows"]]
    finally:
        tab.close()
    say(f"{width}px: tables {tables}; gate tables {gate_tables}; hints {hints}")
    say(f"{width}px: cards read as {[c['role'] for c in cards]} of {len(items)} items")
    assert tables
    assert gate_tables
    for table in tables + gate_tables:
        assert table["headers"] == [1] * table["rows"], table
    assert {r["role"] for r in rowheaders} == {"rowheader"}, rowheaders
    assert "part of Beta" in tables[0]["parts"]
    empty = [e for table in tables for e in table["empty"]]
    assert empty, "no empty answer in the overview's table to read"
    assert all(text == "No answer yet" and size <= 1 for text, size in empty), empty
    assert hints
    for hidden, display, text, scrolls in hints:
        assert hidden == "true"
        if width <= 320:
            assert display == "block", hints
            assert text.startswith("Scroll sideways"), hints
            assert scrolls, "the hint says the region scrolls, but it does not"
        else:
            assert display == "none", hints
    assert cards, "no cards"
    assert {c["role"] for c in cards} == {"list"}, cards
    assert items, "no cards"
    assert {i["role"] for i in items} == {"listitem"}, items


# -- the strip and the gates table: axe and the keyboard ------------------------------------


@pytest.mark.parametrize("width", [1280, 320])
def test_strip_and_gates_table(site: Path, browser: Any, base_url: str, width: int) -> None:
    axe_js = axe_path()
    assert STRIP in reflow_pages(site)
    assert GATES_TABLE in reflow_pages(site)
    tab = Tab(browser, base_url, width=width)
    problems: list[str] = []
    seen: dict[str, int] = {}
    try:
        for path, selector in (
            (STRIP, ".phases-sequence--strip a"),
            (GATES_TABLE, "table.phases-gates-table a"),
        ):
            tab.open(path)
            found = [i for i in run_axe(tab, axe_js) if i["kind"] == "violation" and i["ours"]]
            problems += [f"{path} {width}px axe: {json.dumps(i)}" for i in found]
            tab.open(path)
            reached = tab_through(tab, selector)
            seen[path] = len(reached)
            for link, changes in reached.items():
                if link == "NOT REACHED" or not changes:
                    problems.append(f"{path} {width}px: link {link}: {changes or 'no focus'}")
        problems += tab.problems
    finally:
        tab.close()
    say(f"{width}px: links reached by Tab with a visible focus: {seen}")
    assert all(seen.values()), seen
    assert not problems, "\n".join(problems)

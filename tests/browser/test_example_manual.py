"""The example service manual in a real Chromium: walk, accessibility, markup, screenshots.

Everything is measured on the docs site as built (``docs/``, furo theme). Failures are
kept to what sphinx-phases generates; what the theme itself causes is counted and printed,
never hidden, but does not fail the run.
"""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from tests.browser.browser_support import (
    AXE_TAGS,
    JS_OURS,
    MANUAL,
    MANUALS,
    OVERVIEW,
    SCOPE,
    Tab,
    axe_path,
    loud_skip,
    manual_pages,
    phases,
    reflow_pages,
    run_axe,
    say,
    tab_through,
    tab_to,
    tool_path,
)

pytestmark = pytest.mark.browser

NAV_LINK = "nav.phases-nav a"
OVERVIEW_LINK = ".phases-sequence a, .phases-table a"


def unloaded_pictograms(tab: Tab) -> list[str]:
    """Pictograms that did not load (they are lazy, so each is scrolled to first)."""
    failed = []
    images = tab.page.locator("img.phases-pictogram")
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        image.evaluate(
            "img => img.complete ? null : new Promise(done => {"
            " img.addEventListener('load', done); img.addEventListener('error', done); })"
        )
        width, alt, src = image.evaluate("img => [img.naturalWidth, img.alt, img.src]")
        if width == 0:
            failed.append(f"{tab.path}: {src} did not load")
        if alt != "":
            failed.append(f"{tab.path}: {src} has alt={alt!r}, not decorative")
    return failed


# -- 5. the walk: reading order, by mouse and by keyboard -------------------------------------

#: The example manual's reading order (``docs/example-service/phases.yml``): every phase page
#: once, each sub-phase after its parent.
EXAMPLE_READING = [
    "discovery",
    "alpha",
    "beta",
    "private-beta",
    "public-beta",
    "live",
    "retirement",
]


def _page_of(href: str) -> str:
    return href.split("#")[0]


def walk(tab: Tab, kind: str, how: str, problems: list[str], limit: int) -> list[str]:
    """Follow the navigation's rel=kind link until there is none: the paths walked."""
    walked = [tab.path]
    selector = f'nav.phases-nav a[rel~="{kind}"]'
    while True:
        problems.extend(unloaded_pictograms(tab))
        links = tab.page.locator(selector)
        if links.count() == 0:
            return walked
        assert links.count() == 1, f"{tab.path}: {links.count()} rel={kind} links"
        link = links.first
        assert f"phases-nav__link--{kind}" in (link.get_attribute("class") or "")
        target = link.evaluate("a => a.href")
        theme = tab.page.locator(f".related-pages a.{kind}-page")
        if theme.count():  # phases_theme_nav: furo's footer follows the phases too
            theme_target = theme.first.evaluate("a => a.href")
            assert _page_of(theme_target) == _page_of(target), (
                f"{tab.path}: furo's {kind} goes to {theme_target}, the phase's to {target}"
            )
        if how == "click":
            link.click()
        else:
            tab_to(tab, selector)
            tab.page.keyboard.press("Enter")
        tab.page.wait_for_url(target)
        tab.page.wait_for_load_state("load")
        walked.append(tab.path)
        assert len(walked) <= limit, f"the rel={kind} links go round: {walked}"


@pytest.mark.parametrize("lifecycle", sorted(MANUALS))
@pytest.mark.parametrize("how", ["click", "keyboard"])
def test_walk_next_then_previous(site: Path, tab: Tab, how: str, lifecycle: str) -> None:
    """From the first phase page, rel=next to the last page and rel=prev back: each phase
    page once, in reading order. By mouse clicks, and by Tab then Enter; in each life
    cycle of the docs site, whose walks never cross."""
    data = phases(site, lifecycle)
    url = {phase["id"]: phase["url"] for phase in data["phases"]}
    reading = data["reading"]
    problems: list[str] = []
    tab.open(url[reading[0]])
    limit = 2 * len(url)
    forward = walk(tab, "next", how, problems, limit)
    final = tab.page.locator("nav.phases-nav .phases-nav__marker--final")
    final_text = final.inner_text() if final.count() else None
    backward = walk(tab, "prev", how, problems, limit)
    first = tab.page.locator("nav.phases-nav .phases-nav__marker--first")
    first_text = first.inner_text() if first.count() else None
    say(f"walk ({how}) next:     {' -> '.join(forward)}")
    say(f"walk ({how}) previous: {' -> '.join(backward)}")
    say(f"first phase says: {first_text!r}; final phase says: {final_text!r}")

    assert forward == [url[phase] for phase in reading]
    assert len(set(forward)) == len(forward) == len(data["phases"]), "a page twice or missed"
    assert backward == forward[::-1]
    assert final_text, "the final phase's navigation does not say it is the final phase"
    assert first_text, "the first phase's navigation does not say it is the first phase"
    assert not problems, "\n".join(problems)
    assert not tab.problems, "\n".join(tab.problems)
    if lifecycle != "service":
        return
    assert reading == EXAMPLE_READING, f"phases.json's reading order: {reading}"
    # The overview lists the same phases in the same order: top-level steps as
    # phases.json's order, and with their sub-phases as the reading order.
    tab.open(OVERVIEW)
    # The first overview: one list, or with stages one list per stage.
    steps = ".phases-stages, ol.phases-sequence:not(.phases-sequence--sub)"
    lists = (
        "el => (el.matches('ol') ? [el] : "
        "[...el.querySelectorAll('ol.phases-sequence:not(.phases-sequence--sub)')])"
    )
    top = tab.page.eval_on_selector(
        steps,
        f"el => ({lists})(el).flatMap(ol => [...ol.querySelectorAll("
        "':scope > li > .phases-sequence__title a')]).map(a => a.getAttribute('href'))",
    )
    every = tab.page.eval_on_selector(
        steps,
        f"el => ({lists})(el).flatMap(ol => [...ol.querySelectorAll("
        "'.phases-sequence__title a')]).map(a => a.getAttribute('href'))",
    )
    assert [_page_of(MANUAL + href) for href in top] == [url[p] for p in data["order"]]
    assert [_page_of(MANUAL + href) for href in every] == forward
    assert not problems, "\n".join(problems)
    assert not tab.problems, "\n".join(tab.problems)


def test_every_page_loads_cleanly(site: Path, tab: Tab) -> None:
    """Every manual page (sub-phases and overview too): pictograms load, no console errors."""
    problems: list[str] = []
    counted = 0
    for path in manual_pages(site):
        tab.open(path)
        counted += tab.page.locator("img.phases-pictogram").count()
        problems += unloaded_pictograms(tab)
    say(f"pictograms checked: {counted} on {len(manual_pages(site))} pages")
    say(f"console errors / failed loads: {len(tab.problems)}")
    say(f"(not counted: {tab.favicon_misses} x /favicon.ico 404, the site declares no favicon)")
    assert counted > 0
    assert not problems, "\n".join(problems)
    assert not tab.problems, "\n".join(tab.problems)


def test_current_step_is_marked(site: Path, tab: Tab) -> None:
    """Where a phase page shows the sequence, its own step carries aria-current="step"."""
    marked, unmarked = [], []
    for phase in phases(site)["phases"]:
        tab.open(phase["url"])
        own = phase["url"].rsplit("/", 1)[-1]
        sequences = tab.page.evaluate(JS_CURRENT)
        for index, hrefs in enumerate(sequences):
            # A link to the page itself is written as "#" by Sphinx.
            here = [h for h in hrefs if h in (own, "#", "") or (h or "").startswith("#")]
            (marked if len(hrefs) == 1 and here else unmarked).append(
                f"{phase['id']} (sequence {index})"
            )
    tab.open(OVERVIEW)
    on_overview = tab.page.locator('[aria-current="step"]').count()
    say(f"current step marked on: {marked or 'no phase page shows a sequence'}")
    say(f'aria-current="step" on the overview (not a phase page): {on_overview}')
    assert not unmarked, f"sequence without its current step marked: {unmarked}"
    assert on_overview == 0
    if not marked:
        pytest.fail(
            "no phase page of the example manual shows a {phase-sequence}, so the current "
            "step cannot be seen marked: add one to a phase page (e.g. beta.md)"
        )


# Per sequence overview on the page: the links of its items marked as the current step.
JS_CURRENT = """() => [...document.querySelectorAll(
  '.phases-stages, ol.phases-sequence:not(.phases-sequence--sub):not(.phases-stage *), '
  + '.phases-sequence--cards:not(.phases-stage *)')].map(seq =>
  [...seq.querySelectorAll('[aria-current="step"]')].map(
    el => (el.querySelector('a') || {getAttribute: () => null}).getAttribute('href')))"""


# -- 6. keyboard and focus -------------------------------------------------------------------


def test_keyboard_reaches_links_with_visible_focus(site: Path, tab: Tab) -> None:
    problems, summary = [], collections.Counter()
    for phase in phases(site)["phases"]:
        tab.open(phase["url"])
        targets = [(NAV_LINK, "nav")]
        if tab.page.locator(OVERVIEW_LINK).count():
            targets.append((OVERVIEW_LINK, "overview"))
        for selector, kind in targets:
            for link, changes in tab_through(tab, selector).items():
                summary[f"{kind} {'visible' if changes else 'INVISIBLE'}"] += 1
                if link == "NOT REACHED" or not changes:
                    problems.append(f"{tab.path} {kind} link {link}: {changes or 'no change'}")
    tab.open(OVERVIEW)
    overview = tab_through(tab, OVERVIEW_LINK)
    for link, changes in overview.items():
        if link != "NOT REACHED":
            summary[f"overview {'visible' if changes else 'INVISIBLE'}"] += 1
        if link == "NOT REACHED" or not changes:
            problems.append(f"{OVERVIEW} overview link {link}: {changes or 'no change'}")
    example = next(iter(overview.values()), [])
    say(f"focus on Tab, links by result: {dict(summary)}; an overview link shows {example}")
    assert not problems, "\n".join(problems)


# -- 6. axe-core -----------------------------------------------------------------------------


# axe leaves the contrast of text over the overviews' drawn circles and lines "incomplete"
# (it cannot see through pseudo-elements), so measure it here: the text colour of every
# visible text element of ours against the first opaque background behind it.
JS_CONTRAST = (
    JS_OURS
    + """() => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => (v /= 255) <= 0.04045 ? v / 12.92
    : ((v + 0.055) / 1.055) ** 2.4).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const background = el => { for (; el; el = el.parentElement) {
    const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  // Visually hidden text (clipped to nothing, for screen readers) has no contrast to
  // measure: axe leaves it out too.
  const unseen = el => { for (; el; el = el.parentElement) {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (s.clipPath !== 'none' || (s.overflow === 'hidden' && r.width <= 1 && r.height <= 1))
      return true; } return false; };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!ours(el) || el.closest('.phases-nav__sep') || unseen(el)) continue;
    const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('').trim();
    const box = el.getBoundingClientRect();
    if (!text || box.width < 2 || box.height < 2) continue;
    const s = getComputedStyle(el), size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && +s.fontWeight >= 700);
    const r = ratio(rgb(s.color).slice(0, 3), background(el));
    const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    if (r < (large ? 3 : 4.5)) out.push(name
      + ` "${text.slice(0, 30)}": ${r.toFixed(2)}:1 (${s.color} on ${background(el)})`);
  }
  return out;
}"""
)


@pytest.mark.parametrize(
    ("theme", "width"), [("light", 1280), ("dark", 1280), ("light", 320), ("dark", 320)]
)
def test_axe_wcag22_aa(site: Path, browser: Any, base_url: str, theme: str, width: int) -> None:
    """axe-core, WCAG 2.2 A/AA, on every manual page and every docs page with an overview."""
    axe_js = axe_path()
    tab = Tab(browser, base_url, theme=theme, width=width)
    found: list[dict[str, Any]] = []
    low: list[str] = []
    checked = sorted(set(manual_pages(site)) | set(reflow_pages(site)))
    try:
        for path in checked:
            tab.open(path)
            assert tab.page.evaluate("document.body.dataset.theme") == theme
            found += [dict(item, page=path) for item in run_axe(tab, axe_js)]
            low += [f"{path}: {item}" for item in tab.page.evaluate(JS_CONTRAST)]
    finally:
        tab.close()
    version = json.loads((axe_js.parent / "package.json").read_text())["version"]
    pages = len(checked)
    say(f"axe-core {version}, {theme} theme, {width}px wide, {pages} pages, tags {AXE_TAGS}")
    for kind in ("violation", "incomplete"):
        for who in (True, False):
            counts = collections.Counter(
                item["rule"] for item in found if item["kind"] == kind and item["ours"] is who
            )
            label = "sphinx-phases elements" if who else "theme elements"
            say(f"  axe {kind} nodes on {label}: {sum(counts.values())} {dict(counts)}")
    ours = [item for item in found if item["kind"] == "violation" and item["ours"]]
    for item in ours + [i for i in found if i["kind"] == "incomplete" and i["ours"]][:10]:
        say(f"    {item['kind']} {item['rule']} {item['page']} {item['target']}: {item['why']}")
    say(f"  measured text contrast below AA on sphinx-phases elements: {len(low)}")
    for line in low:
        say(f"    {line}")
    assert not ours, json.dumps(ours, indent=1)
    assert not low, "\n".join(low)


# -- 6. the Nu HTML Checker ------------------------------------------------------------------


def _element_at(soup: BeautifulSoup, line: int, column: int) -> Tag | None:
    """The last element starting at or before a position (Nu reports where a tag ends)."""
    last = None
    for element in soup.find_all(True):
        if (element.sourceline, (element.sourcepos or 0) + 1) > (line, column):
            break
        last = element
    return last


def _is_ours(element: Tag | None) -> bool:
    if element is None:
        return False
    selectors = [s.strip() for s in SCOPE.split(",")]
    for node in [element, *element.parents]:
        if not isinstance(node, Tag):
            continue
        classes = node.get("class") or []
        if node is element and any(c.startswith("phases-") for c in classes):
            return True
        for selector in selectors:
            name, _, cls = selector.partition(".")
            if cls in classes and (not name or name == node.name):
                return True
    return False


def test_nu_html_checker(site: Path) -> None:
    vnu = tool_path(
        "VNU_JAR",
        "run `npm install --prefix /tmp/browser-tools vnu-jar` and set "
        "VNU_JAR=/tmp/browser-tools/node_modules/vnu-jar/build/dist/vnu.jar",
    )
    java = os.environ.get("JAVA", "java")
    try:
        run = subprocess.run(
            [java, "-jar", str(vnu), "--format", "json", "--skip-non-html", str(site)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    except FileNotFoundError:
        loud_skip(f"no {java} to run the Nu HTML Checker: `apt-get install -y default-jre`")
    messages = json.loads(run.stderr or run.stdout)["messages"]
    soups: dict[str, BeautifulSoup] = {}
    counts: dict[tuple[str, bool], collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    ours = []
    for message in messages:
        kind = message.get("subType") or message["type"]
        path = message.get("url", "").removeprefix("file:")
        element = None
        if path.endswith(".html") and "lastLine" in message:
            if path not in soups:
                soups[path] = BeautifulSoup(Path(path).read_text(), "html.parser")
            line = message["lastLine"]
            element = _element_at(soups[path], line, message.get("lastColumn", 1))
        mine = _is_ours(element) or "phases-" in message.get("extract", "")
        text = re.sub(r"“[^”]*”", "“…”", message["message"])[:90]
        counts[kind, mine][text] += 1
        if mine and kind == "error":
            ours.append(f"{Path(path).relative_to(site)}:{message.get('lastLine')}: {text}")
    pages = len(list(site.rglob("*.html")))
    say(f"Nu HTML Checker on {pages} pages of {site}")
    for (kind, mine), texts in sorted(counts.items()):
        label = "sphinx-phases elements" if mine else "theme/Sphinx elements"
        say(f"  Nu {kind} on {label}: {sum(texts.values())}")
        for text, n in texts.most_common():
            say(f"      {n} x {text}")
    for line in ours:
        say(f"    {line}")
    assert not ours, "\n".join(ours)


# -- narrow screens ---------------------------------------------------------------------------

# A link's note ("Public beta, part of Beta"): the px its first line starts below the
# title's last line (about 0, its smaller text aside: it runs on from the title, and never
# starts a line of its own with its comma).
JS_NOTE_DROP = """() => [...document.querySelectorAll('nav.phases-nav .phases-nav__note')].map(
  note => { const title = [...note.previousElementSibling.getClientRects()].pop();
  return [note.textContent, Math.round(note.getClientRects()[0].top - title.top)]; })"""
JS_NAV_BOXES = """() => [...document.querySelectorAll('nav.phases-nav > *')].map(el => {
  const inner = [...el.children].reduce((h, c) => h + c.getBoundingClientRect().height, 0);
  return [el.className.split(' ').pop(), Math.round(el.getBoundingClientRect().height),
          Math.round(inner)]; })"""
JS_TABLE_BOXES = """() => [...document.querySelectorAll('table.phases-table')].map(t => ({
  columns: [...t.rows[0].cells].map(c => Math.round(c.getBoundingClientRect().width)),
  tallest: Math.max(...[...t.rows].map(r => Math.round(r.getBoundingClientRect().height))),
  scrolls: (r => !!r && r.scrollWidth > r.clientWidth)(t.closest('.phases-region')) }))"""


@pytest.mark.parametrize("width", [375, 320])
def test_narrow_screen_layout(site: Path, browser: Any, base_url: str, width: int) -> None:
    """On a phone the navigation stacks without stretching, a link's note runs on from its
    title, and what the table does is shown."""
    tab = Tab(browser, base_url, width=width)
    stretched, stranded, notes = [], [], 0
    try:
        for phase in phases(site)["phases"]:
            tab.open(phase["url"])
            for kind, height, content in tab.page.evaluate(JS_NAV_BOXES):
                if height > content + 40:  # padding and borders are well under 40px
                    stretched.append(f"{tab.path} {kind}: {height}px tall for {content}px")
            for note, drop in tab.page.evaluate(JS_NOTE_DROP):
                notes += 1
                if abs(drop) > 8:  # a line is over 20px; a smaller font moves it by 1-2px
                    stranded.append(f"{tab.path}: {note!r} starts {drop}px below its title")
        tab.open(OVERVIEW)
        tables = tab.page.evaluate(JS_TABLE_BOXES)
    finally:
        tab.close()
    say(f"{width}px: nav links stretched taller than their content: {len(stretched)}")
    for line in stretched:
        say(f"    {line}")
    for table in tables:
        say(
            f"{width}px: phase-table columns {table['columns']}px, tallest row "
            f"{table['tallest']}px, its region scrolls sideways: {table['scrolls']}"
        )
    say(f"{width}px: notes under a nav link's title: {notes}, on a line of their own: {stranded}")
    assert not stretched, "\n".join(stretched)
    assert notes, "no nav link with a note (', part of Beta') to check"
    assert not stranded, "\n".join(stranded)


# -- 7. screenshots --------------------------------------------------------------------------

SHOTS = [
    # name, page, theme, width
    ("phase-light", MANUAL + "live.html", "light", 1280),
    ("phase-dark", MANUAL + "live.html", "dark", 1280),
    ("phase-review-narrow-375", MANUAL + "public-beta.html", "light", 375),
    ("phase-beta-dark-narrow-375", MANUAL + "beta.html", "dark", 375),
    ("overview-light", OVERVIEW, "light", 1280),
    ("overview-dark", OVERVIEW, "dark", 1280),
    ("overview-narrow-375", OVERVIEW, "light", 375),
    # issue 12: a sub-phase page (facts, the navigation's "part of" note) and the overview,
    # at 1280 ("overview-light") and 320 px; a phase page with its lead and facts at 320 px.
    ("subphase-1280", MANUAL + "private-beta.html", "light", 1280),
    ("subphase-320", MANUAL + "private-beta.html", "light", 320),
    ("phase-lead-facts-320", MANUAL + "discovery.html", "light", 320),
    ("overview-320", OVERVIEW, "light", 320),
]
#: Close-ups of the navigation with "Next" focused: shot name -> close-up name.
NAV_CLOSE_UPS = {"phase-light": "phase-nav-focus", "subphase-320": "subphase-nav-focus-320"}


def test_screenshots(browser: Any, base_url: str, screenshot_dir: Path) -> None:
    written = []
    for name, path, theme, width in SHOTS:
        tab = Tab(browser, base_url, theme=theme, width=width)
        try:
            tab.open(path)
            for image in tab.page.locator("img.phases-pictogram").all():
                image.scroll_into_view_if_needed()
            tab.page.evaluate("window.scrollTo(0, 0)")
            tab.page.wait_for_load_state("networkidle")
            target = screenshot_dir / f"{name}.png"
            tab.page.screenshot(path=str(target), full_page=True)
            written.append(target)
            if name in NAV_CLOSE_UPS:  # the navigation, close up, with "Next" focused
                nav = tab.page.locator("nav.phases-nav")
                tab.page.locator("nav.phases-nav a.phases-nav__link--next").focus()
                close = screenshot_dir / f"{NAV_CLOSE_UPS[name]}.png"
                nav.screenshot(path=str(close))
                written.append(close)
        finally:
            tab.close()
    for target in written:
        say(f"screenshot: {target}")
    assert all(target.stat().st_size > 0 for target in written)

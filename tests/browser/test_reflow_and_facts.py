"""Issue 12 in a real Chromium: a phase page's facts, reflow at 320 CSS px, the table's region.

- **facts**: every phase page shows one ``dl.phases-facts`` right under its title (and lead
  or banner), on the first screen, every term and value drawn and not clipped, at 1280 and
  320 px; its first term is "Position".
- **reflow** (WCAG 1.4.10): at 320 px (and 1280) no page that shows a phase or an overview
  scrolls sideways. furo hides the page's horizontal overflow (``html {overflow-x: hidden}``),
  which would hide a failure too: ``scrollWidth`` is read as the page is, then again with
  that lifted, and every element of the main content must fit the viewport or sit in a
  scrolling box that does. Long unbroken words are then written into sphinx-phases' own
  elements and the same must hold.
- **the table's region**: ``div.phases-region[role=region][tabindex=0][aria-label]`` scrolls
  sideways itself at 320 px (not a theme's wrapper inside it), Tab reaches it, its focus is
  visible, and the arrow keys scroll it.

Failures are kept to sphinx-phases' elements; what the theme does is counted and printed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.browser.browser_support import (
    JS_OURS,
    MANUAL,
    OVERVIEW,
    Tab,
    overview_pages,
    phase_pages,
    reflow_pages,
    say,
    tab_to,
)

pytestmark = pytest.mark.browser

WIDTHS = [1280, 320]
REGION = "div.phases-region"


# -- facts ------------------------------------------------------------------------------------

# The facts list of the page: where it sits, its terms, and whatever keeps any part of it
# from being seen (measured with the page scrolled to the top).
JS_FACTS = """() => {
  const lists = [...document.querySelectorAll('dl.phases-facts:not(.phases-gate__facts)')];
  if (lists.length !== 1) return {count: lists.length};
  const dl = lists[0], vw = innerWidth, vh = innerHeight;
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('');
  const h1 = dl.parentElement.querySelector(':scope > h1');
  const between = [];
  for (let el = h1 && h1.nextElementSibling; el && el !== dl; el = el.nextElementSibling)
    between.push(name(el));
  const h2 = document.querySelector('[role=main] h2, main h2');
  const problems = [];
  const box = dl.getBoundingClientRect();
  for (const el of [dl, ...dl.children]) {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    const what = `${name(el)} "${el.textContent.trim().slice(0, 30)}"`;
    if (r.width < 1 || r.height < 1 || s.visibility !== 'visible' || +s.opacity === 0)
      problems.push(`${what}: not drawn`);
    if (r.left < -0.5 || r.right > vw + 0.5)
      problems.push(`${what}: ${Math.round(r.left)}..${Math.round(r.right)}px, off screen`);
    if (el !== dl && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
      problems.push(`${what}: outside its list`);
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      problems.push(`${what}: its text overflows (${el.scrollWidth} > ${el.clientWidth}px)`);
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (ps.overflowX === 'visible' && ps.overflowY === 'visible') continue;
      const pr = p.getBoundingClientRect();
      if (r.left < pr.left - 0.5 || r.right > pr.right + 0.5
          || r.top < pr.top - 0.5 || r.bottom > pr.bottom + 0.5)
        problems.push(`${what}: clipped by ${name(p)}`);
    }
    if (el !== dl && r.bottom <= vh) {
      const x = r.left + Math.min(r.width / 2, 8), y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit)))
        problems.push(`${what}: covered by ${hit ? name(hit) : 'nothing'}`);
    }
  }
  return {
    count: 1, terms: [...dl.querySelectorAll(':scope > dt')].map(dt => dt.textContent.trim()),
    top: Math.round(box.top + scrollY), bottom: Math.round(box.bottom + scrollY), vh,
    afterTitle: !!h1, between,
    beforeFirstH2: !h2 || !!(dl.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING),
    side: [...dl.children].slice(0, 2).map(el => Math.round(el.getBoundingClientRect().left)),
    // How far each value's first line sits below its term's (side by side: 0).
    drop: [...dl.querySelectorAll(':scope > dt + dd')].map(dd => Math.round(
      (dd.firstElementChild || dd).getBoundingClientRect().top
      - dd.previousElementSibling.getBoundingClientRect().top)),
    problems,
  };
}"""
#: What may stand between a phase page's title and its facts.
BEFORE_FACTS = ("p.phases-lead", "div.phases-banner")


@pytest.mark.parametrize("width", WIDTHS)
def test_phase_page_facts(site: Path, browser: Any, base_url: str, width: int) -> None:
    tab = Tab(browser, base_url, width=width)
    problems: list[str] = []
    shown = []
    try:
        for path in phase_pages(site):
            tab.open(path)
            facts = tab.page.evaluate(JS_FACTS)
            if facts["count"] != 1:
                problems.append(f"{path}: {facts['count']} dl.phases-facts, not 1")
                continue
            terms = facts["terms"]
            shown.append(f"{path.removeprefix(MANUAL)} {terms} at {facts['top']}px")
            if not terms or terms[0] != "Position":
                problems.append(f"{path}: the first term is {terms[:1]}, not 'Position'")
            if not facts["afterTitle"] or not facts["beforeFirstH2"]:
                problems.append(f"{path}: the facts are not between the title and the text")
            strangers = [el for el in facts["between"] if not el.startswith(BEFORE_FACTS)]
            if strangers:
                problems.append(f"{path}: between the title and the facts: {strangers}")
            if facts["bottom"] > facts["vh"]:
                problems.append(
                    f"{path}: the facts end {facts['bottom']}px down, below the first "
                    f"{facts['vh']}px screen"
                )
            # Side by side where there is room, stacked (same left edge) on a phone.
            left_term, left_value = facts["side"]
            if width >= 1280 and left_value <= left_term:
                problems.append(f"{path}: term and value are not side by side at {width}px")
            if width >= 1280 and any(facts["drop"]):
                problems.append(f"{path}: values sit {facts['drop']}px below their terms")
            if width <= 320 and left_value != left_term:
                problems.append(f"{path}: term and value are not stacked at {width}px")
            problems += [f"{path}: {problem}" for problem in facts["problems"]]
        problems += tab.problems
    finally:
        tab.close()
    say(f"{width}px: facts on {len(shown)} phase pages")
    for line in shown:
        say(f"    {line}")
    assert len(shown) == len(phase_pages(site))
    assert not problems, "\n".join(problems)


# -- reflow (WCAG 1.4.10) -------------------------------------------------------------------

# Every element of the main content outside the viewport, unless a scrolling box that fits
# the viewport holds it; and the page's own scroll width, as shown and with the theme's
# overflow-x: hidden lifted (which would otherwise clip the overflow out of sight).
JS_OVERFLOW = (
    JS_OURS
    + """() => {
  const vw = innerWidth;
  const main = document.querySelector('[role=main]') || document.querySelector('main')
    || document.body;
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('');
  const fits = r => r.left >= -0.5 && r.right <= vw + 0.5;
  const scroller = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return p;
    }
    return null;
  };
  const overflow = [];
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || fits(r)) continue;
    const s = scroller(el);
    if (s && fits(s.getBoundingClientRect())) continue;
    const parent = el.parentElement.getBoundingClientRect();
    if (!fits(parent) && el.parentElement !== main) continue;  // its parent is listed
    overflow.push({ours: ours(el), what: name(el), left: Math.round(r.left),
                   right: Math.round(r.right), text: el.textContent.trim().slice(0, 40)});
  }
  const html = document.documentElement, body = document.body;
  const shown = html.scrollWidth;
  const saved = [html.style.overflowX, body.style.overflowX];
  html.style.overflowX = 'visible';
  body.style.overflowX = 'visible';
  const unmasked = html.scrollWidth;
  [html.style.overflowX, body.style.overflowX] = saved;
  return {vw, shown, unmasked, htmlOverflowX: getComputedStyle(html).overflowX, overflow};
}"""
)


def reflow_problems(tab: Tab, path: str, theme_lines: list[str]) -> list[str]:
    """What makes the page wider than the viewport: failures (ours, or the page scrolling)
    returned; the theme's own elements put in theme_lines."""
    found = tab.page.evaluate(JS_OVERFLOW)
    problems = []
    for width in ("shown", "unmasked"):
        if found[width] > found["vw"]:
            problems.append(
                f"{path}: the page is {found[width]}px wide ({width}) at {found['vw']}px"
            )
    for item in found["overflow"]:
        line = f"{path}: {item['what']} {item['left']}..{item['right']}px {item['text']!r}"
        (problems if item["ours"] else theme_lines).append(line)
    if problems:  # say whose elements stick out, to tell the theme's overflow from ours
        problems += [f"    (theme) {line}" for line in theme_lines if line.startswith(path)]
    return problems


@pytest.mark.parametrize("width", WIDTHS)
def test_no_sideways_scrolling(site: Path, browser: Any, base_url: str, width: int) -> None:
    """Every phase page and every page with an overview fits the viewport's width."""
    pages = reflow_pages(site)
    tab = Tab(browser, base_url, width=width)
    problems: list[str] = []
    theme: list[str] = []
    html_overflow = set()
    try:
        for path in pages:
            tab.open(path)
            html_overflow.add(
                tab.page.evaluate("getComputedStyle(document.documentElement).overflowX")
            )
            problems += reflow_problems(tab, path, theme)
        problems += tab.problems
    finally:
        tab.close()
    say(f"{width}px: {len(pages)} pages (phase pages and pages with an overview): {pages}")
    say(f"{width}px: the theme's html overflow-x: {sorted(html_overflow)} (lifted to measure)")
    say(f"{width}px: elements sticking out: sphinx-phases {len(problems)}, theme {len(theme)}")
    for line in theme[:10]:
        say(f"    (theme, not failed) {line}")
    assert {"example-service/overview.html", "example-service/beta.html"} <= set(pages)
    assert not problems, "\n".join(problems)


LONG_WORD = "Gardenregisterpartnershipagreementsforallotmentsocietiesandcouncils"
# Write a long unbroken word into each text sphinx-phases lays out (never into the table,
# whose region scrolls on purpose); how many places took it.
JS_LONG_WORDS = """word => {
  const places = ['p.phases-lead', 'dl.phases-facts > dt', 'dl.phases-facts > dd > p',
    '.phases-nav__label', '.phases-nav__title', '.phases-nav__note',
    '.phases-sequence__title a', '.phases-sequence__subtitle', '.phases-sequence__summary',
    '.phases-sequence__loop', '.phases-card .sd-card-title a', '.phases-card .sd-card-text',
    '.phases-banner__content', '.phases-items__caption', '.phases-pictogram-list__item p'];
  let n = 0;
  for (const selector of places)
    for (const el of document.querySelectorAll(selector)) { el.append(' ' + word); n++; }
  return n;
}"""


def test_long_words_wrap_at_320(site: Path, browser: Any, base_url: str) -> None:
    """A long unbroken word in a title, fact, note or summary wraps; the page keeps its width."""
    pages = [MANUAL + "beta.html", MANUAL + "private-beta.html", MANUAL + "live.html", OVERVIEW]
    tab = Tab(browser, base_url, width=320)
    problems: list[str] = []
    theme: list[str] = []
    placed = {}
    try:
        for path in pages:
            tab.open(path)
            placed[path] = tab.page.evaluate(JS_LONG_WORDS, LONG_WORD)
            problems += reflow_problems(tab, path, theme)
    finally:
        tab.close()
    say(f"320px: a {len(LONG_WORD)}-letter word written into {placed}")
    say(f"320px: elements sticking out after that: ours {len(problems)}, theme {len(theme)}")
    assert all(placed.values())
    assert not problems, "\n".join(problems)


# -- the table's scrolling region -------------------------------------------------------------

JS_REGION = """el => { const s = getComputedStyle(el), r = el.getBoundingClientRect(); return {
  role: el.getAttribute('role'), tabindex: el.getAttribute('tabindex'),
  label: el.getAttribute('aria-label'), scrollWidth: el.scrollWidth,
  clientWidth: el.clientWidth, overflowX: s.overflowX, left: r.left, right: r.right,
  outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
  outlineShown: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
    && !/rgba\\(.*, 0\\)$|transparent/.test(s.outlineColor),
  boxShadow: s.boxShadow, focusVisible: el.matches(':focus-visible'),
  scrollLeft: el.scrollLeft,
  innerScrollers: [...el.querySelectorAll('*')].filter(c => c.scrollWidth > c.clientWidth + 1
    && ['auto', 'scroll'].includes(getComputedStyle(c).overflowX)).map(c => c.className) }; }"""


def shoot_region(tab: Tab, region: Any, target: Path) -> None:
    """The focused region, scrolled part way by the arrow keys, as the page shows it."""
    tab.page.wait_for_function(  # the arrow keys' smooth scrolling has come to rest
        """el => new Promise(done => { const at = el.scrollLeft;
          setTimeout(() => done(el.scrollLeft === at), 200); })""",
        arg=region.element_handle(),
        timeout=5000,
    )
    box = tab.page.evaluate(
        """el => { const r = el.getBoundingClientRect();
          return {x: r.left + scrollX - 8, y: r.top + scrollY - 8,
                  width: r.width + 16, height: Math.min(r.height, 360) + 16}; }""",
        region.element_handle(),
    )
    box["x"] = max(box["x"], 0)
    box["width"] = min(box["width"], tab.width - box["x"])
    tab.page.screenshot(path=str(target), full_page=True, clip=box)
    say(f"screenshot: {target}")


def check_region(tab: Tab, index: int, width: int, shot: Path | None) -> tuple[str, list[str]]:
    """One region on a freshly loaded page: its markup, whether it scrolls, Tab, focus, keys."""
    region = tab.page.locator(REGION).nth(index)
    problems = []
    before = region.evaluate(JS_REGION)
    if before["role"] != "region" or before["tabindex"] != "0":
        problems.append(f"role={before['role']} tabindex={before['tabindex']}")
    if not (before["label"] or "").strip():
        problems.append("no aria-label")
    if before["left"] < -0.5 or before["right"] > width + 0.5:
        problems.append(f"{before['left']}..{before['right']}px: wider than the page")
    scrolls = before["scrollWidth"] > before["clientWidth"]
    sizes = f"{before['scrollWidth']} vs {before['clientWidth']}px"
    if width <= 320 and not scrolls:
        problems.append(f"does not scroll at {width}px ({sizes})")
    if width >= 1280 and scrolls:  # the table fits: no needless scrollbar
        problems.append(f"scrolls at {width}px ({sizes})")
    if before["innerScrollers"]:
        problems.append(f"a box inside scrolls instead: {before['innerScrollers']}")
    # Tab to it, counting the presses from the top of the page.
    region.evaluate("el => el.dataset.phasesRegion = 'probe'")
    probe = f"{REGION}[data-phases-region='probe']"
    presses = tab_to(tab, probe)
    after = region.evaluate(JS_REGION)
    if not after["focusVisible"]:
        problems.append("focused by Tab but not :focus-visible")
    outline = after["outline"] != before["outline"] and after["outlineShown"]
    if not outline and after["boxShadow"] == before["boxShadow"]:
        problems.append(f"focus does not show (outline {after['outline']})")
    scrolled = None
    if scrolls:  # the arrow keys scroll the focused region
        for _ in range(3):
            tab.page.keyboard.press("ArrowRight")
        script = f"() => document.querySelector({json.dumps(probe)}).scrollLeft > 0"
        tab.page.wait_for_function(script, timeout=3000)
        scrolled = region.evaluate("el => el.scrollLeft")
        if shot:
            shoot_region(tab, region, shot)
    line = f"{sizes}, Tab x{presses}, focus {after['outline']}, ArrowRight -> {scrolled}"
    return line, problems


@pytest.mark.parametrize("width", WIDTHS)
def test_table_region_scrolls_and_takes_focus(
    site: Path, browser: Any, base_url: str, screenshot_dir: Path, width: int
) -> None:
    """At 320 px the table scrolls inside its region, which Tab reaches, shows focus and the
    arrow keys scroll; at 1280 px the table fits its region, which still takes focus."""
    pages = [p for p in overview_pages(site) if "phases-region" in (site / p).read_text()]
    tab = Tab(browser, base_url, width=width)
    problems: list[str] = []
    seen = []
    try:
        for path in pages:
            tab.open(path)
            for index in range(tab.page.locator(REGION).count()):
                tab.open(path)  # each region tabbed to from the top of a fresh page
                first = width <= 320 and path == OVERVIEW and index == 0
                shot = screenshot_dir / "table-region-focus-320.png" if first else None
                line, found = check_region(tab, index, width, shot)
                seen.append(f"{path} region {index}: {line}")
                problems += [f"{path} region {index}: {problem}" for problem in found]
        problems += tab.problems
    finally:
        tab.close()
    say(f"{width}px: table regions on {len(pages)} pages")
    for line in seen:
        say(f"    {line}")
    assert OVERVIEW in pages
    assert seen, "no div.phases-region found"
    assert not problems, "\n".join(problems)


def test_pages_checked(site: Path) -> None:
    """The pages the checks above walk, printed: every phase page, every overview page."""
    overviews = overview_pages(site)
    say(f"phase pages: {phase_pages(site)}")
    say(f"pages with an overview: {overviews}")
    assert len(phase_pages(site)) == 7
    assert OVERVIEW in overviews
    assert any(not page.startswith(MANUAL) for page in overviews), "no docs page's overview"

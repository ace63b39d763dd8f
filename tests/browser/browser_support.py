"""Helpers shared by the browser tests and their conftest.

Skips that are never silent; the pages under test; one browser tab; axe-core.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

REQUIRE = os.environ.get("PHASES_REQUIRE_BROWSER", "") not in ("", "0")
LOUD_SKIPS: list[str] = []


def loud_skip(reason: str) -> None:
    """Skip, unless CI requires the browser; either way print the reason where it is seen."""
    banner = f"\n!!! BROWSER TEST NOT RUN: {reason}\n"
    print(banner, flush=True)
    LOUD_SKIPS.append(reason)
    if REQUIRE:
        pytest.fail(f"PHASES_REQUIRE_BROWSER is set, so this is a failure: {reason}")
    pytest.skip(reason)


def tool_path(variable: str, how: str) -> Path:
    """A tool named by an environment variable, or a skip that says how to get it."""
    value = os.environ.get(variable)
    if not value:
        loud_skip(f"${variable} is not set; {how}")
    path = Path(value)  # type: ignore[arg-type]
    if not path.is_file():
        loud_skip(f"${variable}={value} is not a file; {how}")
    return path


def chromium_path() -> str:
    named = os.environ.get("CHROMIUM")
    candidates = [named] if named else []
    candidates += ["/usr/bin/chromium", "chromium", "chromium-browser"]
    for candidate in candidates:
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    loud_skip(
        "no Chromium found (looked at $CHROMIUM, /usr/bin/chromium, chromium, "
        "chromium-browser): run `apt-get install -y chromium`"
    )
    raise AssertionError  # unreachable: loud_skip raises


# -- what the tests share: the pages, a browser tab, axe-core ---------------------------------

MANUAL = "example-service/"
# The docs site's life cycles (docs/conf.py): each example manual's folder.
MANUALS = {"service": MANUAL, "nasa": "examples/nasa/", "stage-gate": "examples/stage-gate/"}
OVERVIEW = MANUAL + "overview.html"
#: Containers whose whole content sphinx-phases generates (issue, part 6): the navigation,
#: the overviews (steps, line, cards, the table and the region it scrolls in), the banner,
#: pictogram lists and a phase page's facts.
SCOPE = (
    "nav.phases-nav, .phases-sequence, .phases-table, .phases-region, .phases-card, "
    ".phases-banner, .phases-items, dl.phases-facts"
)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# In the page: is an element sphinx-phases' own (its class, or inside one of SCOPE)?
JS_OURS = f"""
const SCOPE = {json.dumps(SCOPE)};
const ours = el => !!el && el.nodeType === 1 && (
  [...el.classList].some(c => c.startsWith('phases-')) || !!el.closest(SCOPE));
"""
#: An overview in the built HTML: steps, line or cards (phases-sequence) or the table.
OVERVIEW_MARKUP = re.compile(r'class="[^"]*\bphases-(?:sequence|table|region)\b')


def say(text: str) -> None:
    print(f"[browser] {text}", flush=True)


def phases(site: Path, lifecycle: str = "service") -> dict[str, Any]:
    """What phases.json holds of one life cycle of the docs site (docs/conf.py has three:
    the service manual, the NASA project and the Stage-Gate launch)."""
    data = json.loads((site / "phases.json").read_text())
    for entry in data.get("lifecycles", ()):
        if entry["name"] == lifecycle:
            return dict(entry)
    return dict(data)


def manual_pages(site: Path) -> list[str]:
    """Every page of the three example manuals, as paths relative to the site root."""
    return sorted(
        f"{folder}{p.name}" for folder in MANUALS.values() for p in (site / folder).glob("*.html")
    )


def phase_pages(site: Path, lifecycle: str = "service") -> list[str]:
    """Every phase's page of a life cycle, in reading order (sub-phases after their parent)."""
    data = phases(site, lifecycle)
    url = {phase["id"]: phase["url"] for phase in data["phases"]}
    return [url[phase] for phase in data["reading"]]


def overview_pages(site: Path) -> list[str]:
    """Every page of the whole docs site that shows an overview (sequence or table)."""
    found = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith("_") or relative in ("genindex.html", "search.html"):
            continue
        if OVERVIEW_MARKUP.search(page.read_text(encoding="utf-8")):
            found.append(relative)
    return found


def reflow_pages(site: Path) -> list[str]:
    """The pages checked at 320 px: every phase page of the three example manuals and
    every page showing an overview."""
    every = {page for name in MANUALS for page in phase_pages(site, name)}
    return sorted(every | set(overview_pages(site)))


class Tab:
    """One browser page, with what went wrong on it (console errors, failed loads)."""

    def __init__(self, browser: Any, base_url: str, *, theme: str = "light", width: int = 1280):
        self.base_url = base_url
        self.width = width
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        # furo reads its theme from localStorage before the page is shown.
        self.context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.favicon_misses = 0
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type != "error":
            return
        if message.location.get("url", "").endswith("/favicon.ico"):
            # Chromium asks for /favicon.ico by itself; the site declares none.
            self.favicon_misses += 1
            return
        self.problems.append(f"console error on {self.path}: {message.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.problems.append(f"HTTP {response.status} for {response.url}")

    @property
    def path(self) -> str:
        return self.page.url.removeprefix(self.base_url).split("#")[0]

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="load")

    def close(self) -> None:
        self.context.close()


def tab_to(tab: Tab, selector: str, limit: int = 300) -> int:
    """Press Tab until selector has focus (on a freshly loaded page: from the top); how many
    presses it took."""
    script = f"() => !!document.activeElement?.matches({json.dumps(selector)})"
    for presses in range(1, limit + 1):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate(script):
            return presses
    raise AssertionError(f"{tab.path}: {limit} presses of Tab never reached {selector}")


def run_axe(tab: Tab, axe_js: Path) -> list[dict[str, Any]]:
    """axe-core's violations and incompletes on the whole page, each marked ours or not."""
    if not tab.page.evaluate("typeof axe !== 'undefined'"):
        tab.page.add_script_tag(path=str(axe_js))
    return tab.page.evaluate(
        JS_OURS
        + """
    async tags => {
      const result = await axe.run(document, {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']});
      const find = target => { try { return document.querySelector(
        [].concat(target[target.length - 1]).join(' ')); } catch (e) { return null; } };
      const out = [];
      for (const [kind, list] of [['violation', result.violations],
                                  ['incomplete', result.incomplete]])
        for (const rule of list) for (const node of rule.nodes) out.push({
          kind, rule: rule.id, impact: rule.impact, target: node.target.join(' '),
          html: node.html.slice(0, 160), ours: ours(find(node.target)),
          why: (node.failureSummary || '').split('\\n').slice(1, 2).join('').trim()});
      return out;
    }""",
        AXE_TAGS,
    )


def axe_path() -> Path:
    return tool_path(
        "AXE_JS",
        "run `npm install --prefix /tmp/browser-tools axe-core` and set "
        "AXE_JS=/tmp/browser-tools/node_modules/axe-core/axe.min.js",
    )


# -- focus: what a keyboard user sees --------------------------------------------------------

JS_STYLE = """el => { const s = getComputedStyle(el); return {
  outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
  outlineVisible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
    && !/rgba\\(.*, 0\\)$|transparent/.test(s.outlineColor),
  boxShadow: s.boxShadow, background: s.backgroundColor, color: s.color,
  decoration: s.textDecorationLine + ' ' + s.textDecorationThickness }; }"""


def focus_visible(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changes visibly on focus (an empty list: nothing does)."""
    changed = []
    if after["outlineVisible"] and after["outline"] != before["outline"]:
        changed.append(f"outline {after['outline']}")
    if after["boxShadow"] != before["boxShadow"] and after["boxShadow"] != "none":
        changed.append("box-shadow")
    if after["background"] != before["background"]:
        changed.append(f"background {after['background']}")
    return changed


def tab_through(tab: Tab, selector: str, limit: int = 400) -> dict[str, list[str]]:
    """Press Tab through the page; for each link matching selector, what its focus shows."""
    page = tab.page
    count = page.locator(selector).count()
    page.evaluate(
        f"""() => document.querySelectorAll({json.dumps(selector)})
        .forEach((a, i) => a.dataset.phasesProbe = i)"""
    )
    before = page.eval_on_selector_all(selector, f"links => links.map({JS_STYLE})")
    seen: dict[str, list[str]] = {}
    first = None
    for _ in range(limit):
        page.keyboard.press("Tab")
        probe = page.evaluate(
            f"""() => {{ const el = document.activeElement;
            if (!el || el === document.body) return ['body'];
            const id = el.dataset.phasesProbe;
            return [el.outerHTML.slice(0, 80), id === undefined ? null : +id,
                    id === undefined ? null : ({JS_STYLE})(el)]; }}"""
        )
        key = probe[0]
        if key == first or (key == "body" and first is not None):
            break
        first = first or key
        if probe[1] is not None:
            index, after = probe[1], probe[2]
            seen[f"{index}: {before[index]['outline']}"] = focus_visible(before[index], after)
    assert count, f"{tab.path}: no {selector}"
    missing = count - len(seen)
    if missing:
        seen["NOT REACHED"] = [f"{missing} of {count} links"]
    return seen

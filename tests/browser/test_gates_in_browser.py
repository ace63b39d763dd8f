"""Gates and stages as a reader sees them: drawn diamonds and brackets that still read
without colour, and the gate a reader passes named under the next link, at any width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.browser.browser_support import MANUAL, Tab, say

pytestmark = pytest.mark.browser

ASSESSMENTS = MANUAL + "assessments.html"

# For each gate row of each overview: its style, the words it shows, the mark drawn
# before its label or as its station, and whether that mark is a visible box.
JS_GATES = """() => [...document.querySelectorAll('p.phases-sequence__gate')].map(row => {
  const line = !!row.closest('.phases-sequence--line');
  const drawn = line ? getComputedStyle(row, '::before')
                     : getComputedStyle(row.querySelector('.phases-sequence__gate-label'),
                                        '::before');
  return {line, words: row.innerText.replace(/\\s+/g, ' ').trim(),
          content: drawn.content, width: parseFloat(drawn.width) || 0,
          transform: drawn.transform,
          inside: row.getBoundingClientRect().right <= document.documentElement.clientWidth};
})"""

# Each stage group: its title's words, and (tube line) the bracket's drawn height.
JS_STAGES = """() => [...document.querySelectorAll('.phases-stage:not(.phases-stage--none)')]
  .map(group => ({
    line: group.parentElement.classList.contains('phases-stages--line'),
    title: group.querySelector('.phases-stage__title').innerText.trim(),
    bracket: parseFloat(getComputedStyle(group, '::before').height) || 0,
    height: group.getBoundingClientRect().height}))"""

JS_NOTE = """() => { const note = document.querySelector('.phases-nav__gate');
  if (!note) return null; const box = note.getBoundingClientRect();
  return {words: note.innerText.trim(), width: box.width, right: box.right,
          viewport: document.documentElement.clientWidth}; }"""


@pytest.mark.parametrize("width", [1280, 320])
def test_gates_and_stages_read_without_colour(
    site: Path, browser: Any, base_url: str, width: int
) -> None:
    tab = Tab(browser, base_url, width=width)
    try:
        tab.open(ASSESSMENTS)
        gates = tab.page.evaluate(JS_GATES)
        stages = tab.page.evaluate(JS_STAGES)
        tab.open(MANUAL + "alpha.html")
        note = tab.page.evaluate(JS_NOTE)
    finally:
        tab.close()
    say(f"{width}px: {len(gates)} gate rows, {len(stages)} stage groups, nav note {note}")
    assert gates, "the assessments page shows no gate in its overviews"
    for gate in gates:
        # The words say it is a gate and which one, whatever the colours.
        assert gate["words"].startswith("Gate: "), gate
        assert gate["inside"], f"a gate row runs off the page at {width}px: {gate}"
        if gate["line"]:
            # A diamond: a square box turned 45 degrees, on the line.
            assert gate["width"] > 8, gate
            assert gate["transform"] != "none", gate
        else:
            assert "◆" in gate["content"], gate
    assert any(g["line"] for g in gates), "no tube line with gates"
    assert stages, "the assessments page shows no stage"
    for stage in stages:
        assert stage["title"].startswith("Stage:"), stage
        if stage["line"]:
            # The bracket spans its stations (its ends may stop short of the group's box).
            assert stage["bracket"] >= 0.9 * stage["height"], stage
    assert note is not None, "alpha's navigation does not name the gate after it"
    assert note["words"] == "after the Alpha assessment"
    assert note["right"] <= note["viewport"], note

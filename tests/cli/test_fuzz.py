"""Hypothesis: random and mutated legacy pages never raise and never silently lose text.

Bounded by FUZZ_EXAMPLES (default 200) so that CI time stays predictable.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from migration_checks import convert, corpus_pages, live_html, lost_words

from sphinx_phases.cli.frontmatter import parse_meta

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces of legacy markup, in my own words, that the page generator strings together.
PIECES = [
    "---", "layout: phases", "title: A page", "class: alpha-phase", "status: draft", "phase: x",
    "{:.intro}", "{:.phase-nav}", "{: .odd .class}", "#Wiki heading", "## Who do I need?",
    "## What is the objective of an ?", "//two para",
    "Describe your new page SomeThingPhase here...",
    "Previous phase: EarlyStepPhase", "Next phase: [Later](/site/phases/later.html)",
    "## [Previously: ](/site/phases/.html)", "* **[Final phase: end](/site/phases/end.html)**",
    "* a bullet", "** a deeper bullet", "-\ttabbed", "-\t\tdouble tab", "-nospace", "- # numbered",
    '<ul class="phase-activities">', '<li><img class="output" src="/p/team.png" /> A team</li>',
    "</ul>", '<ul class="phase-nav">', '<li><a href="">Next: Later</a></li>', "<div>", "</div>",
    "<!-- a comment", "-->", "<script>bad()</script>", "{% include x.html %}", "```", "~~~",
    "*[ABC]: a big cat", "[link](/site/other.html)", "See AlphaPhase.", "", "", "plain words here",
]  # fmt: skip
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
LINE = st.one_of(
    st.sampled_from(PIECES), TEXT, st.tuples(st.sampled_from(PIECES), TEXT).map("".join)
)


def check(text: str, ids: list[str]) -> None:
    lines = text.split("\n")
    meta = parse_meta(lines, "fuzz__phases__page")
    body = "\n".join(lines[meta.body_start :])
    result = convert(body, ids=ids)
    assert lost_words(body, result.body, result.issues) == {}, (body, result.body)


@FUZZ
@given(lines=st.lists(LINE, max_size=40), ids=st.lists(st.sampled_from(["alpha", "later"])))
def test_random_legacy_pages(lines: list[str], ids: list[str]) -> None:
    check("\n".join(lines), ids)


CORPUS = [p.read_text("utf-8") for p in corpus_pages()]


@pytest.mark.corpus
@FUZZ
@given(
    page=st.sampled_from(CORPUS),
    cuts=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), TEXT), max_size=5),
)
def test_mutated_corpus_pages(page: str, cuts: list[tuple[float, int, str]]) -> None:
    """Delete a stretch of a real page and splice in random text, a few times over."""
    for where, length, insert in cuts:
        at = int(where * len(page))
        page = page[:at] + insert + page[at + length :]
    check(page, ["alpha", "beta"])


# Hostile shapes (issue 21 item 3): pieces of executable markup, nested and spliced into
# each other, inline, in HTML blocks, in legacy lists and figures. Whatever comes out, no
# HTML that MyST passes to the browser may run.
HOSTILE = [
    "<script>", "</script>", "<scr", "ipt>", "<svg onload=alert(1)>", "</svg>",
    "<img src=x onerror=alert(1)>", "<img", " src=x", " onerror=", "alert(1)", ">", "<", '"',
    "'", "=", " ", "\n", "\n\n", "javascript:", "jav&#x09;ascript:", "&#106;avascript:",
    "JAVASCRIPT&colon;", "<a href=\"", '<a href=', "\">x</a>", "</a>", "<div>", "</div>",
    "<p>", "<object data=\"", "<iframe srcdoc=\"", "<embed src=", "<button formaction=",
    "<!--", "-->", "<style>", "</style>", "<noscript>", "</noscript>", "&lt;script&gt;",
    "&lt;img src=x onerror=alert(1)&gt;", "```{raw} html\n", "```\n", "<figure><a href=\"x\">",
    "</a></figure>", '<ul class="phase-activities"><li>', "</li></ul>", "- ", "> ",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<![CDATA[", "]]>",
]  # fmt: skip
ATOM = st.sampled_from(HOSTILE)
SHAPE = st.recursive(
    ATOM,
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=6).map("".join),
        # splice one shape into the middle of another: <scr<script>x</script>ipt>
        st.tuples(inner, inner, st.floats(0, 1)).map(
            lambda t: t[0][: int(t[2] * len(t[0]))] + t[1] + t[0][int(t[2] * len(t[0])) :]
        ),
    ),
    max_leaves=30,
)


@FUZZ
@given(shapes=st.lists(SHAPE, min_size=1, max_size=6))
def test_hostile_html_never_runs(shapes: list[str]) -> None:
    body = "\n".join(shapes)
    result = convert(body, ids=["alpha"])
    assert live_html(result.body) == [], (body, result.body)

"""Rule-by-rule tests of the body converter, on small legacy snippets written for them."""

from __future__ import annotations

import pytest
from migration_checks import convert, lost_words

from sphinx_phases.cli.report import Issue


def kinds(issues: list[Issue]) -> list[str]:
    return [i.kind for i in issues]


# -- pictogram lists ---------------------------------------------------------------------

PICTO = """### Things you make

<ul class="phase-activities">
  <li>
    <img class="output" src="/x/pictograms/team.png" />
    A happy team
  </li>
  <li><img class="output" src="/x/pictograms/code.png"> Some code</li>
</ul>
"""


def test_pictogram_list_takes_the_heading_before_it_as_caption() -> None:
    result = convert(PICTO)
    assert result.body == (
        "```{phase-outputs}\n:caption: Things you make\n\n"
        "- {pictogram}`team` A happy team\n- {pictogram}`code` Some code\n```\n"
    )
    # The images' class only styled the old site; it is the one thing left behind.
    assert [(i.kind, i.text) for i in result.issues] == [
        ("dropped", '<img class="output">\n<img class="output">')
    ]


def test_pictogram_list_caption_from_a_colon_paragraph() -> None:
    result = convert("Here is what you do:\n\n" + PICTO.split("\n", 2)[2])
    assert result.body.startswith("```{phase-outputs}\n:caption: Here is what you do\n")


def test_question_heading_stays_a_heading_and_list_has_no_caption() -> None:
    result = convert("## What are the outputs?\n\n" + PICTO.split("\n", 2)[2])
    assert result.body.startswith("## What are the outputs?\n\n```{phase-outputs}\n\n- ")


def test_activities_caption_gives_phase_activities() -> None:
    result = convert(PICTO.replace("Things you make", "Usual activities"))
    assert result.body.startswith("```{phase-activities}\n:caption: Usual activities")


def test_unknown_pictogram_is_kept_and_reported() -> None:
    result = convert(PICTO.replace("team.png", "unicorn.png"))
    assert "{pictogram}`unicorn` A happy team" in result.body
    assert [i.message for i in result.issues if i.kind == "unresolved"] == [
        "pictogram 'unicorn' is not a known pictogram name"
    ]


def test_pictogram_list_with_other_markup_is_kept_raw() -> None:
    odd = PICTO.replace("Some code", "Some <a href='/x'>code</a>")
    result = convert(odd)
    assert '```{raw} html\n<ul class="phase-activities">' in result.body
    assert kinds(result.issues) == ["raw"]


def test_label_markup_is_escaped() -> None:
    result = convert(PICTO.replace("Some code", "Some *code* [x]"))
    assert r"- {pictogram}`code` Some \*code\* \[x\]" in result.body


# -- previous / next ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "previous", "following"),
    [
        ("Previous phase: FirstStepPhase\n\nNext phase: LastStepPhase", "first-step", "last-step"),
        ("[Previously: First step](/a/phases/first-step.html)", "first-step", None),
        ("## [Next: Whatever](/a/phases/last-step.html)", None, "last-step"),
        ("{:.phase-nav}\n* **[Next phase: last](/a/phases/last-step)**\n* [Previous phase: x]"
         "(/a/phases/first-step.html)", "first-step", "last-step"),
        ("* **[Final phase: the end](/a/phases/last-step.html)**", None, "last-step"),
        ('<ul class="phase-nav">\n\t<li class="a"><a href="">Previously: First Step</a></li>\n'
         '\t<li><a href="">Next: Last Step</a></li>\n</ul>', "first-step", "last-step"),
        ("Next Phase: [Last Step](/guides/phases/last-step.html)", None, "last-step"),
    ],
)  # fmt: skip
def test_every_navigation_form_becomes_data(
    snippet: str, previous: str | None, following: str | None
) -> None:
    result = convert("Body text.\n\n" + snippet, ids=["first-step", "last-step"])
    assert (result.previous, result.next) == (previous, following)
    assert result.body == "Body text.\n"
    assert "moved" in kinds(result.issues)
    # Besides the links, only the navigation's own markup is dropped, and reported.
    dropped = [i for i in result.issues if i.kind != "moved"]
    assert all(i.kind == "dropped" and "navigation" in i.message for i in dropped)
    assert not lost_words(snippet, result.body, result.issues)


def test_neighbour_that_is_not_migrated_is_reported_not_emitted() -> None:
    result = convert("Previous phase: PublicBetaPhase", ids=["beta"])
    assert result.previous is None
    (issue,) = result.issues
    assert issue.kind == "unresolved"
    assert "'public-beta' is not among the migrated pages" in issue.message
    assert "did you mean 'beta'" in issue.message


def test_conflicting_neighbours_first_wins_and_is_reported() -> None:
    result = convert("Next phase: OnePhase\n\nNext phase: TwoPhase", ids=["one", "two"])
    assert result.next == "one"
    assert kinds(result.issues) == ["moved", "conflict"]


def test_blank_template_links_are_dropped() -> None:
    result = convert("## [Previously: ](/a/phases/.html)\n## [Next: ](/a/phases/.html)")
    assert (result.previous, result.next, result.body) == (None, None, "")
    assert kinds(result.issues) == ["dropped", "dropped"]


def test_navigation_heading_still_closes_the_section_above() -> None:
    result = convert("## Empty question?\n\n## [Next: ](/a/phases/.html)\n\nText.")
    assert result.body == "Text.\n"


def test_prose_that_starts_like_navigation_is_left_alone() -> None:
    text = "Next: we look at the costs, which matter a lot."
    assert convert(text).body == text + "\n"


# -- wiki and kramdown markup ------------------------------------------------------------


def test_wiki_bullets_become_nested_lists() -> None:
    text = "* top\n** inner one\nwrapped on\n** inner two\n* second top"
    assert convert(text).body == (
        "- top\n  - inner one\n    wrapped on\n  - inner two\n- second top\n"
    )


def test_tabbed_and_unspaced_dash_bullets() -> None:
    text = "Intro\n-\tone\n-\t\tone-a\n - one-b\n-two\n- # Numbered"
    assert convert(text).body == "Intro\n- one\n  - one-a\n  - one-b\n- two\n- Numbered\n"


def test_thematic_break_is_not_a_bullet() -> None:
    assert convert("a\n\n* * *\n\nb").body == "a\n\n* * *\n\nb\n"


def test_wiki_headings_get_a_space_and_levels_start_below_the_title() -> None:
    text = "#Top\n\nx\n\n###Skipped a level\n\ny\n\n##Back\n\nz"
    assert convert(text).body == "## Top\n\nx\n\n### Skipped a level\n\ny\n\n### Back\n\nz\n"


def test_blank_template_heading_is_dropped_and_reported() -> None:
    result = convert("## What is the objective of an ?\n\nReal text.")
    assert result.body == "Real text.\n"
    assert result.issues[0].text == "## What is the objective of an ?"


def test_empty_headings_are_dropped_and_reported() -> None:
    result = convert("## Who do I need?\n\n## How long?\n\n### Sub\n\nText\n\n## Last?")
    assert result.body == "## How long?\n\n### Sub\n\nText\n"
    assert [i.text for i in result.issues] == ["Who do I need?", "Last?"]


@pytest.mark.parametrize(
    "note", ["//three paras please", "Describe your new page SomeWikiPhase here..."]
)
def test_editor_notes_are_dropped_and_reported(note: str) -> None:
    result = convert(f"Kept.\n\n{note}")
    assert result.body == "Kept.\n"
    assert result.issues[0].kind == "dropped"
    assert result.issues[0].text == note


def test_liquid_lines_are_dropped_and_reported() -> None:
    result = convert("A\n\n{% include part.html %}\n\nB")
    assert result.body == "A\n\nB\n"
    assert result.issues[0].text == "{% include part.html %}"


def test_html_wrapper_left_empty_by_a_liquid_tag_is_dropped() -> None:
    wrapper = '<div class="timeline">\n  <div class="inner">\n\n    {% include x.html %}\n'
    result = convert(f"A\n\n{wrapper}\n  </div>\n</div>\n\nB")
    assert result.body == "A\n\nB\n"
    assert [(i.line, i.kind) for i in result.issues] == [(3, "dropped"), (6, "dropped")]
    assert '<div class="inner">' in result.issues[0].text
    assert result.issues[1].text == "{% include x.html %}"


@pytest.mark.parametrize(
    "kept",
    [
        '<div class="video">\n  {% include x.html %}\n  <iframe src="https://x.example/v"></iframe>\n</div>',
        '<div class="box">\n  {{ page.title }}\n  <p>Words stay.</p>\n</div>',
        '<div class="spacer">\n</div>',  # empty, but not because of a Liquid tag
    ],
)
def test_html_block_with_content_or_without_liquid_stays_raw(kept: str) -> None:
    result = convert(f"A\n\n{kept}\n\nB")
    assert "{raw} html" in result.body
    assert "{%" not in result.body
    assert "{{" not in result.body


def test_intro_attribute_becomes_a_myst_attribute() -> None:
    result = convert("{:.intro}\nLead paragraph.\n\nMore.")
    assert result.body == "{.intro}\nLead paragraph.\n\nMore.\n"
    assert result.uses_attributes


def test_spaced_attribute_list_and_phase_nav() -> None:
    assert convert("{: .link-list}\nA list").body == "{.link-list}\nA list\n"
    assert convert("{:.phase-nav}\n* plain item").body == "- plain item\n"


def test_attribute_list_attached_to_nothing_is_reported() -> None:
    result = convert("Text\n\n{:.lonely}\n")
    assert result.body == "Text\n"
    assert not result.uses_attributes
    assert result.issues[0].text == "{:.lonely}"


def test_kramdown_abbreviations_are_dropped_and_reported() -> None:
    result = convert("Uses an ABC.\n\n*[ABC]: a big cat")
    assert result.body == "Uses an ABC.\n"
    assert result.issues[0].text == "*[ABC]: a big cat"


def test_fenced_code_is_left_untouched() -> None:
    text = "```\n#NotAHeading\n* not a bullet\n\n\n[x](/site/path)\n```"
    assert convert(text).body == text + "\n"


# -- links -------------------------------------------------------------------------------


def test_links_between_migrated_pages_become_document_links() -> None:
    result = convert("See [beta](/service-manual/phases/beta.html).", ids=["beta"])
    assert result.body == "See [beta](beta.md).\n"
    assert result.issues == []


def test_site_absolute_links_use_the_base_url() -> None:
    result = convert("[team](/service-manual/the-team)", base_url="https://example.org")
    assert result.body == "[team](https://example.org/service-manual/the-team)\n"


def test_site_absolute_links_without_base_url_stay_and_are_reported() -> None:
    result = convert("[team](/service-manual/the-team) and [gone](/x/phases/gone.html)")
    assert result.body.startswith("[team](/service-manual/the-team) and [gone](/x/phases/")
    assert kinds(result.issues) == ["unresolved", "unresolved"]


def test_anchor_on_a_phase_link_is_dropped_and_reported() -> None:
    result = convert("[b](/a/phases/beta.html#top)", ids=["beta"])
    assert result.body == "[b](beta.md)\n"
    assert result.issues[0].text == "/a/phases/beta.html#top"


def test_wiki_words_become_phase_roles_when_migrated() -> None:
    result = convert("Plan an AlphaPhase, not a GammaRayPhase.", ids=["alpha"])
    assert result.body == "Plan an {phase}`alpha`, not a GammaRayPhase.\n"
    assert kinds(result.issues) == ["unresolved"]


def test_wiki_words_inside_code_and_link_text_are_left_alone() -> None:
    text = "`AlphaPhase` and [AlphaPhase](https://example.org/AlphaPhase)"
    assert convert(text, ids=["alpha"]).body == text + "\n"


# -- raw HTML ----------------------------------------------------------------------------


def test_unknown_html_is_kept_raw_and_reported() -> None:
    result = convert('<div class="box">\n\n<p>Hello</p>\n\n</div>\n\nAfter.')
    assert (
        result.body
        == '```{raw} html\n<div class="box">\n\n<p>Hello</p>\n\n</div>\n```\n\nAfter.\n'
    )
    assert kinds(result.issues) == ["raw"]


def test_raw_html_with_backtick_fences_gets_a_longer_fence() -> None:
    result = convert("<div>\n```\n</div>")
    assert result.body.startswith("````{raw} html\n")


def test_html_comment_becomes_a_myst_comment() -> None:
    result = convert("<!-- hidden\nnote -->\nText")
    assert result.body == "% hidden\n% note\n\nText\n"
    assert kinds(result.issues) == ["hidden"]


def test_video_figure_becomes_a_link() -> None:
    html = '<figure class="video"><a href="https://example.org/v">Watch this</a></figure>'
    result = convert(html)
    assert result.body == "[Watch this](https://example.org/v)\n"
    assert kinds(result.issues) == ["dropped"]


def test_script_is_removed_and_reported() -> None:
    result = convert("Before <script>alert('x')</script> after.\n<script>\nmore()")
    assert "script" not in result.body.lower()
    assert result.body == "Before  after.\n"
    assert [i.line for i in result.issues] == [1, 2]


def test_invalid_urls_do_not_raise() -> None:
    result = convert("[x](//[broken/phases/a.html)\n\n" + PICTO.replace("/x/pictograms", "//[x"))
    assert result.body.startswith("[x](//[broken/phases/a.html)\n\n## Things you make\n\n```{raw}")

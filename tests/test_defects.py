"""One root per defect: the exact warning lines, and the build still renders every page."""

from __future__ import annotations

from typing import Any

import pytest
from sphinx.cmd.build import build_main
from tests.conftest import warning_lines

EXPECTED: dict[str, list[str]] = {
    "duplicate": [
        "alpha-again.md:3: WARNING: phase 'alpha' is already declared by page 'alpha' (line 3); expected each id on one page only [phases.duplicate]",
        "two.md:6: WARNING: this page already declares phase 'beta' (line 3); expected at most one phase per page, so 'gamma' is ignored [phases.duplicate]",
    ],
    "unknown": [
        "alpha.md:4: WARNING: next phase 'bta' is not declared by any page; expected the id of a phase (did you mean 'beta'?) [phases.unknown]",
        "alpha.md:5: WARNING: loop target 'nowhere' is not declared by any page; expected the id of a phase [phases.unknown]",
        "beta.md:4: WARNING: parent 'gamma' is not declared by any page; expected the id of a phase [phases.unknown]",
        "index.md:3: WARNING: phase role names 'alhpa', which no page declares; expected the id of a phase [phases.unknown]",
    ],
    "unknown-sequence": [
        "conf.py:2: WARNING: phases_sequence item 'beta' is not declared by any page; expected the id of a phase [phases.unknown]",
        "conf.py:6: WARNING: loop source 'beta' is not declared by any page; expected the id of a phase [phases.unknown]",
    ],
    "asymmetric": [
        "beta.md:4: WARNING: phase 'beta' names 'gamma' as its previous, but 'alpha' says its next is 'beta'; expected both pages to agree (this page's navigation follows its own link) [phases.asymmetric]",
    ],
    "cycle": [
        "gamma.md:4: WARNING: phase 'gamma' names 'alpha' as its next, which closes a cycle: 'alpha' -> 'beta' -> 'gamma' -> 'alpha'; expected the sequence to go forward, or a declared 'loops-to' [phases.cycle]",
    ],
    "orphan": [
        "stray.md:3: WARNING: phase 'stray' is not in phases_sequence and no previous/next link reaches it; expected it in the sequence [phases.orphan]",
    ],
    "option": [
        "bad-id.md:3: WARNING: phase directive: id 'Public Beta' is not valid: expected lower-case letters, digits and '-' (perhaps 'public-beta') [phases.option]",
        "bad-values.md:4: WARNING: phase directive: status 'finished' is not valid: expected one of 'draft', 'review', 'published' [phases.option]",
        "bad-values.md:5: WARNING: phase directive: color 'red;} body {display:none' is not valid: expected a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, #rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) or var(--name) [phases.option]",
        "bad-values.md:6: WARNING: phase directive: previous 'Alpha!' is not valid: expected lower-case letters, digits and '-' (perhaps 'alpha') [phases.option]",
        "bad-values.md:7: WARNING: phase directive: title '' is not valid: expected some text [phases.option]",
        "fm-list.md:2: WARNING: front matter 'phase' is a list; expected a mapping with at least an 'id' (e.g. 'phase: {id: alpha}') [phases.option]",
        "fm-number.md:2: WARNING: front matter 'phase' is a number (42); expected a mapping with at least an 'id' (e.g. 'phase: {id: alpha}') [phases.option]",
        "fm-types.md:4: WARNING: front matter 'phase': 'title' is a number (20.24); expected a string [phases.option]",
        "fm-types.md:5: WARNING: front matter 'phase': 'next' is empty; expected a string [phases.option]",
        "fm-types.md:6: WARNING: front matter 'phase': unknown key 'colour'; expected one of id, title, subtitle, previous, next, parent, loops-to, status, pictogram, color, noun, duration, team, summary (did you mean 'color'?) [phases.option]",
    ],
    "config": [
        "conf.py:2: WARNING: phases_sequence = 42 is not valid: expected a list of phase ids, or the path of a YAML file; the default is used [phases.config]",
        "conf.py:3: WARNING: phases_loops = 'live' is not valid: expected a list of {'from': ID, 'to': ID} mappings; the default is used [phases.config]",
    ],
    "yaml": [
        "phases.yml:4: WARNING: phases_sequence: the file does not parse as YAML (expected ',' or ']', but got '<stream end>'); expected a mapping with a 'sequence' list; the default sequence is used [phases.config]",
    ],
    # A typo in a parent's id: the typo, then knock-ons that say they follow from it; the
    # misspelt id is never offered as a fix, and the sub-phases stay exempt from questions.
    "typo-parent": [
        "development.md:3: WARNING: phase id 'developmnt' looks like a typo for 'development': no page declares 'development', yet phases.yml (line 3), page 'build' (line 4) and page 'test' (line 4) name it, and nothing names 'developmnt'; expected 'development' [phases.unknown]",
        "development.md:10: WARNING: gate 'development-review' comes after 'development', which no page declares: this follows from the typo 'developmnt' for 'development' on page 'development' (line 3), reported there; expected the typo fixed [phases.unknown]",
        "phases.yml:6: WARNING: stage 'making' names 'development', which no page declares: this follows from the typo 'developmnt' for 'development' on page 'development' (line 3), reported there; expected the typo fixed (the stage is left out until then) [phases.unknown]",
    ],
    # Without phases_sequence, a next that leads back over the toctree closes a loop.
    "loop-toctree": [
        "retirement.md:4: WARNING: phase 'retirement' names 'discovery' as its next, which closes a loop with the toctree's order: 'discovery' -> 'alpha' -> 'retirement' -> 'discovery'; expected, if the loop is meant, ':loops-to: discovery' on phase 'retirement' in place of this link (no toctree order can follow a loop), else the toctree in the order of the links [phases.cycle]",
    ],
    # MyST's nesting trap: a fence inside a question ends it, and the next one is code.
    "question-in-code": [
        "alpha.md:12: WARNING: phase 'alpha' does not answer the required question 'contents': the code block here starts with its phase-question contents directive, as a fence inside the section before it ended that section early; expected the outer fence longer than any fence inside it (````{phase-question}) [phases.question]",
    ],
    # Paths no file system holds, excerpted (issue 21 item 8).
    "paths": [
        "conf.py:3: WARNING: phases_profile names 'profile\\x00.yml', which holds a NUL character; expected the path of a file in the project, without a NUL character; the gov-uk profile is used [phases.config]",
        "conf.py:2: WARNING: phases_sequence names 'phases/"
        + "a" * 191
        + "… (311 characters), which has a folder or file name longer than 255 bytes; expected the path of a file in the project, each name at most 255 bytes; the default sequence is used [phases.config]",
        "conf.py:4: WARNING: phases_standards: standard 'std' names '"
        + "x" * 198
        + "… (5,004 characters), which is longer than 4,096 characters; expected the path of a file in the project, of at most 4,096 characters [phases.standard]",
    ],
    # One warning at the setting, not one per item that shows the default.
    "default-pictogram": [
        "conf.py:2: WARNING: phases_default_pictogram names 'prototyp', which is not known; expected a built-in pictogram or one from phases_pictograms (did you mean 'prototype'?) [phases.pictogram]",
    ],
    # Values too long to print are excerpted, with their length.
    "long-values": [
        "conf.py:3: WARNING: phases_required_questions names '"
        + "k" * 38
        + "… (100,000 characters), which phases_questions does not configure; expected keys among objective, contents, duration, team, outputs; they are ignored [phases.config]",
        "alpha.md:4: WARNING: next phase '"
        + "n" * 38
        + "… (5,000 characters) is not declared by any page; expected the id of a phase [phases.unknown]",
        "alpha.md:11: WARNING: phase-question: key '"
        + "q" * 38
        + "… (20,000 characters) is not configured; expected one of objective, contents, duration, team, outputs [phases.question]",
        "alpha.md:15: WARNING: pictogram '"
        + "n" * 38
        + "… (5,000 characters) is not known; expected a built-in pictogram or one from phases_pictograms [phases.pictogram]",
        "conf.py:4: WARNING: stage '"
        + "s" * 38
        + "… (3,000 characters) names '"
        + "p" * 38
        + "… (3,000 characters), which no page declares; expected the id of a phase [phases.unknown]",
    ],
    # Several life cycles: each mistake in the setting, and outside every root (issue 24).
    "lifecycles": [
        "conf.py:2: WARNING: phases_lifecycles['service'] sets 'sequense'; expected one of: root, sequence, loops, navigation, facts, hide_drafts, questions, required_questions, stages, standards, standard_coverage, default_pictogram, profile, labels (did you mean 'sequence'?); it is ignored [phases.config]",
        "conf.py:2: WARNING: phases_lifecycles['buying']['navigation'] = 'sideways' is not valid: expected one of 'bottom', 'top', 'both', 'none'; phases_navigation is used [phases.config]",
        "conf.py:2: WARNING: phases_lifecycles['again'] has the root 'service/' of the life cycle 'service'; expected a folder of its own; the entry is ignored [phases.config]",
        "conf.py:2: WARNING: phases_lifecycles['away'] has the root '../elsewhere/'; expected a folder inside the source folder, like 'service/'; the entry is ignored [phases.config]",
        "conf.py:2: WARNING: phases_lifecycles: the life cycle name 'Bad Name' is not valid: expected lower-case letters, digits and '-' (perhaps 'bad-name'); the entry is ignored [phases.config]",
        "stray.md:5: WARNING: phase-sequence on a page outside every life cycle's root names no life cycle; expected :lifecycle: with one of buying, service [phases.option]",
        "stray.md:8: WARNING: phase-table: lifecycle 'shopping' is not a life cycle of the project; expected one of buying, service [phases.option]",
        "stray.md:3: WARNING: phase role names 'review', which several life cycles declare; expected one of buying:review, service:review [phases.unknown]",
        "stray.md:3: WARNING: phase role names 'tender', which no life cycle declares; expected the id of a phase, as NAME:ID outside the life cycles' folders (life cycles: buying, service) [phases.unknown]",
        "stray.md:12: WARNING: phase 'stray' is declared outside every life cycle's root; expected its page in the folder of its life cycle (phases_lifecycles: buying: 'buying/', service: 'service/') [phases.orphan]",
    ],
    "yaml-shape": [
        "phases.yml:4: WARNING: sequence: an item is a mapping of 2 keys; expected a phase id or a mapping of one parent id to a list of sub-phase ids [phases.config]",
        "phases.yml:7: WARNING: phases_sequence lists 'sub' more than once; expected each phase once [phases.duplicate]",
        "phases.yml:11: WARNING: loops: an item is the text 'nope'; expected a mapping like {from: live, to: discovery} [phases.config]",
        "phases.yml:12: WARNING: phases_sequence: the file has the unknown key 'extra'; expected 'sequence' and optionally 'loops' and 'stages' [phases.config]",
        # A number is an id as written (docs/reference/declaring.md): '3' is one no page declares.
        "phases.yml:3: WARNING: phases_sequence item '3' is not declared by any page; expected the id of a phase [phases.unknown]",
        "phases.yml:9: WARNING: phase 'alpha' loops to itself; expected a loop back to an earlier phase [phases.cycle]",
        "phases.yml:10: WARNING: phase 'alpha' loops to 'beta', which comes after it; expected a loop back to an earlier phase [phases.cycle]",
    ],
}


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_defect_is_reported_exactly_and_the_site_still_builds(
    make_app: Any, copy_root: Any, root: str
) -> None:
    app = make_app("html", srcdir=copy_root(f"defect-{root}"))
    app.build()
    assert warning_lines(app) == EXPECTED[root]
    for docname in app.env.found_docs:
        assert (app.outdir / f"{docname}.html").is_file()


@pytest.mark.parametrize("root", sorted(EXPECTED))
def test_warnings_fail_the_build_under_w(copy_root: Any, root: str, tmp_path: Any) -> None:
    """What CI runs: ``sphinx-build -W`` exits with 1 and names the problem."""
    srcdir = copy_root(f"defect-{root}")
    args = ["-W", "-q", "-b", "html", str(srcdir), str(tmp_path / "out")]
    assert build_main(args) == 1


def test_suppress_warnings_silences_a_subtype(make_app: Any, copy_root: Any) -> None:
    app = make_app(
        "html",
        srcdir=copy_root("defect-unknown"),
        confoverrides={"suppress_warnings": ["phases.unknown"]},
    )
    app.build()
    assert warning_lines(app) == []

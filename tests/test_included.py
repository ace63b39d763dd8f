# ruff: noqa: E501  (expected warnings are compared as exact, whole lines)
"""A phase declared in an included file is reported there (issue 15, item 4).

Every warning about a declaration written in a file that a page includes (rST
``.. include::``, MyST ```` ```{include} ````) names that file and the line of it where
the text is: option values at their option's line, sequence problems at the link's
line or the directive's. So do those about the file's questions, item lists, roles and
pictograms, and a message that names a declaration written there names the file. The hostile corpus has the plain cases (roots ``include-rst``
and ``include-myst``); here, the line each warning names is read back, and the include
forms whose lines docutils or MyST-Parser get wrong (``start-line``, ``start-after``,
nested includes, MyST-Parser before 5) are built too.

Front matter is not tested: an included file's front matter is dropped by MyST-Parser,
so a phase cannot be declared in it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.hostile.helpers import HOSTILE_ROOTS, Build

WARNING = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+): WARNING: (?P<message>.*)$")


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def build(tmp_path: Path, files: dict[str, str]) -> Build:
    return Build(write(tmp_path / "src", files), tmp_path / "out")


def build_root(tmp_path: Path, name: str) -> Build:
    srcdir = tmp_path / "src"
    shutil.copytree(HOSTILE_ROOTS / name, srcdir)
    return Build(srcdir, tmp_path / "out")


def written_at(build: Build, warning: str) -> str:
    """The text of the line *warning* names (which must exist)."""
    match = WARNING.match(warning)
    assert match is not None, warning
    rows = (build.srcdir / match["path"]).read_text("utf-8").splitlines()
    line = int(match["line"])
    assert 1 <= line <= len(rows), f"{warning} (the file has {len(rows)} lines)"
    return rows[line - 1]


# -- the corpus roots: each warning's line holds what it names ----------------------------


# What each warning of the include roots is about, and the text on the line it names.
ON_THE_LINE = {
    "status 'bogus'": ":status: bogus",
    "next phase 'lve'": ":next: lve",
    "names 'live' as its previous": ":previous: live",
    "phase 'alpha' is already declared": "phase",
}


@pytest.mark.parametrize(("root", "suffix"), [("include-rst", ".rst"), ("include-myst", ".md")])
def test_each_warning_names_the_included_line_that_holds_the_text(
    tmp_path: Path, root: str, suffix: str
) -> None:
    result = build_root(tmp_path, root)
    warnings = result.phase_warnings
    assert len(warnings) == len(ON_THE_LINE), warnings
    for about, text in ON_THE_LINE.items():
        (warning,) = [w for w in warnings if about in w]
        assert warning.startswith("parts/_"), warning  # the included file, not the page
        line = written_at(result, warning)
        assert text in line, (warning, line)
    where = [w.split(": WARNING: ")[0] for w in warnings]
    assert where == [
        f"parts/_beta-decl{suffix}:4",  # :status: bogus
        f"parts/_extra-decl{suffix}:3",  # a second 'alpha', after a paragraph
        f"parts/_beta-decl{suffix}:3",  # :next: lve
        f"parts/_beta-decl{suffix}:2",  # :previous: live, asymmetric
    ]


# -- include forms whose lines are not the file's own -------------------------------------

CONF = 'extensions = ["myst_parser", "sphinx_phases"]\nexclude_patterns = ["parts"]\nphases_required_questions = ["objective"]\n'
PAGES = ["rst-start", "rst-after", "rst-nested", "md-start", "md-after", "md-block", "md-nested"]

FORMS = {
    "conf.py": CONF,
    "index.md": "# Manual\n\n```{toctree}\n" + "\n".join(PAGES) + "\n```\n",
    # docutils counts kept lines from the first one kept.
    "rst-start.rst": "Start\n=====\n\n.. include:: parts/_rst-start.rst\n   :start-line: 3\n",
    "parts/_rst-start.rst": (
        "This line is not included.\n"
        "Nor this one.\n"
        "\n"
        ".. phase:: rst-start\n"
        "   :team: Two people\n"
        "   :status: bogus\n"
    ),
    "rst-after.rst": "After\n=====\n\n.. include:: parts/_rst-after.rst\n   :start-after: .. cut here\n",
    "parts/_rst-after.rst": (
        "This line is not included.\n\n.. cut here\n\n.. phase:: rst-after\n   :status: bogus\n"
    ),
    "rst-nested.rst": "Nested\n======\n\n.. include:: parts/_rst-outer.rst\n",
    "parts/_rst-outer.rst": "The outer file.\n\n.. include:: parts/_rst-inner.rst\n",
    "parts/_rst-inner.rst": "The inner file.\n\n.. phase:: rst-nested\n   :status: bogus\n",
    # MyST-Parser before 5 counts one line too far, and start-after in characters.
    "md-start.md": "# Start\n\n```{include} parts/_md-start.md\n:start-line: 2\n```\n",
    "parts/_md-start.md": "Not included.\nNor this.\n```{phase} md-start\n:status: bogus\n```\n",
    "md-after.md": "# After\n\n```{include} parts/_md-after.md\n:start-after: <!-- cut here -->\n```\n",
    "parts/_md-after.md": (
        "Not included, and long enough to move a count of characters well past the line.\n"
        "\n"
        "<!-- cut here -->\n"
        "\n"
        "```{phase} md-after\n"
        ":status: bogus\n"
        "```\n"
    ),
    # MyST-Parser before 5 leaves the options out of the directive's text.
    "md-block.md": "# Block\n\n```{include} parts/_md-block.md\n```\n",
    "parts/_md-block.md": (
        "Some words first.\n\n```{phase} md-block\n---\nnext: nowhere\nstatus: bogus\n---\n```\n"
    ),
    "md-nested.md": "# Nested\n\n```{include} parts/_md-outer.md\n```\n",
    "parts/_md-outer.md": "The outer file.\n\n```{include} parts/_md-inner.md\n```\n",
    "parts/_md-inner.md": "The inner file.\n\n```{phase} md-nested\n:status: bogus\n```\n",
}

STATUS = "phase directive: status 'bogus' is not valid: expected one of 'draft', 'review', 'published' [phases.option]"


def unanswered(phase: str) -> str:
    return f"phase '{phase}' does not answer the required question 'objective'; expected a phase-question objective section on its page [phases.question]"


FORMS_EXPECTED = [
    f"parts/_md-after.md:6: WARNING: {STATUS}",
    f"parts/_md-block.md:6: WARNING: {STATUS}",
    f"parts/_md-inner.md:4: WARNING: {STATUS}",
    f"parts/_md-start.md:4: WARNING: {STATUS}",
    f"parts/_rst-after.rst:6: WARNING: {STATUS}",
    f"parts/_rst-inner.rst:4: WARNING: {STATUS}",
    f"parts/_rst-start.rst:6: WARNING: {STATUS}",
    "parts/_md-block.md:5: WARNING: next phase 'nowhere' is not declared by any page; expected the id of a phase [phases.unknown]",
    f"parts/_md-after.md:5: WARNING: {unanswered('md-after')}",
    f"parts/_md-block.md:3: WARNING: {unanswered('md-block')}",
    f"parts/_md-inner.md:3: WARNING: {unanswered('md-nested')}",
    f"parts/_md-start.md:3: WARNING: {unanswered('md-start')}",
    f"parts/_rst-after.rst:5: WARNING: {unanswered('rst-after')}",
    f"parts/_rst-inner.rst:3: WARNING: {unanswered('rst-nested')}",
    f"parts/_rst-start.rst:4: WARNING: {unanswered('rst-start')}",
]


def test_include_forms_are_located_at_the_included_files_own_lines(tmp_path: Path) -> None:
    result = build(tmp_path, FORMS)
    result.assert_finished()
    assert result.phase_warnings == FORMS_EXPECTED
    for warning in result.phase_warnings:
        line = written_at(result, warning)
        if "status" in warning:
            assert "status" in line, (warning, line)
        elif "nowhere" in warning:
            assert "next: nowhere" in line, (warning, line)
        else:  # at the declaration
            assert "phase}" in line or "phase::" in line, (warning, line)


def test_the_line_is_the_declarations_own_when_a_file_holds_two(tmp_path: Path) -> None:
    # Two pages include one file, each from its own start: each is the nearest opening.
    files = {
        "conf.py": CONF.replace('phases_required_questions = ["objective"]\n', ""),
        "index.rst": "M\n=\n\n.. toctree::\n\n   one\n   two\n",
        "one.rst": "One\n===\n\n.. include:: parts/_both.rst\n   :end-before: .. two\n",
        "two.rst": "Two\n===\n\n.. include:: parts/_both.rst\n   :start-after: .. two\n",
        "parts/_both.rst": (
            ".. phase:: one\n   :status: wrong\n\n.. two\n\n.. phase:: two\n   :status: bogus\n"
        ),
    }
    result = build(tmp_path, files)
    assert [w.split(" is not valid")[0] for w in result.phase_warnings] == [
        "parts/_both.rst:2: WARNING: phase directive: status 'wrong'",
        "parts/_both.rst:7: WARNING: phase directive: status 'bogus'",
    ]


def test_a_page_without_includes_keeps_its_own_lines(tmp_path: Path) -> None:
    files = {
        "conf.py": CONF,
        "index.md": "# M\n\n```{toctree}\na\n```\n",
        "a.rst": "A\n=\n\n.. phase:: a\n   :status: bogus\n\n.. phase-question:: objective\n\n   Why.\n",
    }
    assert build(tmp_path, files).phase_warnings == [f"a.rst:5: WARNING: {STATUS}"]


# -- what else an included file can hold ---------------------------------------------------
# Each file is included from its third line, so the lines docutils gives are not its own;
# a pictogram is on a paragraph's second line, which docutils does not give either.

MYST_MORE = {
    "conf.py": CONF + "phases_default_pictogram = 'nosuch-default'\n",
    "index.md": "# M\n\n```{toctree}\na\nb\n```\n",
    "a.md": "# A\n\nText.\n\n```{include} parts/_a.md\n:start-line: 2\n```\n",
    "parts/_a.md": (
        "Not included.\n"  # 1
        "Nor this.\n"  # 2
        "```{phase} a\n"  # 3
        "```\n"  # 4
        "\n"  # 5
        "```{phase-question} objective\n"  # 6
        "```\n"  # 7
        "\n"  # 8
        "```{phase-question} nosuch\n"  # 9
        "Words.\n"  # 10
        "```\n"  # 11
        "\n"  # 12
        "```{phase-outputs}\n"  # 13
        "no list\n"  # 14
        "```\n"  # 15
        "\n"  # 16
        "```{phase-activities}\n"  # 17
        "- {pictogram}`website`\n"  # 18
        "- Meet\n"  # 19
        "\n"  # 20
        "  - nested\n"  # 21
        "```\n"  # 22
        "\n"  # 23
        "Words, and\n"  # 24
        "inline {pictogram}`nosuch` here.\n"  # 25
    ),
    "b.md": "# B\n\n```{include} parts/_b.md\n```\n",
    "parts/_b.md": "Words.\n\n```{phase} a\n```\n",
}
RST_MORE = {
    "conf.py": CONF,
    "index.rst": "M\n=\n\n.. toctree::\n\n   a\n   b\n",
    "a.rst": "A\n=\n\nText.\n\n.. include:: parts/_a.rst\n   :start-line: 2\n",
    "parts/_a.rst": (
        "Not included.\n"  # 1
        "Nor this.\n"  # 2
        ".. phase:: a\n"  # 3
        "   :pictogram: nosuch\n"  # 4
        "\n"  # 5
        ".. phase-question:: objective\n"  # 6
        "\n"  # 7
        ".. phase-question:: nosuch\n"  # 8
        "\n"  # 9
        "   Words.\n"  # 10
        "\n"  # 11
        ".. phase-outputs::\n"  # 12
        "\n"  # 13
        "   no list\n"  # 14
        "\n"  # 15
        "Words, and\n"  # 16
        "inline :pictogram:`nosuch` here.\n"  # 17
    ),
    "b.rst": "B\n=\n\n.. include:: parts/_b.rst\n",
    "parts/_b.rst": "Words.\n\n.. phase:: a\n",
}

NOSUCH_KEY = "phase-question: key 'nosuch' is not configured; expected one of objective, contents, duration, team, outputs [phases.question]"
NO_LIST = "no bullet list; expected one item per line, each starting with '- ' [phases.option]"
EMPTY = "phase 'a' does not answer the required question 'objective': its phase-question objective section is empty; expected an answer in it [phases.question]"
NOSUCH = "pictogram 'nosuch' is not known; expected a built-in pictogram or one from phases_pictograms [phases.pictogram]"


def duplicate(declared: str) -> str:
    return f"phase 'a' is already declared by page 'a' ({declared}); expected each id on one page only [phases.duplicate]"


def test_questions_items_and_pictograms_in_an_included_myst_file_are_located_there(
    tmp_path: Path,
) -> None:
    result = build(tmp_path, MYST_MORE)
    result.assert_finished()
    assert result.phase_warnings == [
        f"parts/_a.md:13: WARNING: phase-outputs: {NO_LIST}",
        "parts/_a.md:18: WARNING: phase-activities: an item has a pictogram but no label; expected text after it [phases.option]",
        "parts/_a.md:21: WARNING: phase-activities: an item holds a nested list; expected one level of items (nested ones are shown, but only the item is recorded for overviews and phases.json) [phases.option]",
        f"parts/_b.md:3: WARNING: {duplicate('_a.md, line 3')}",
        # The unknown default is one mistake, in conf.py, not one per item that shows it.
        "conf.py:4: WARNING: phases_default_pictogram names 'nosuch-default', which is not "
        "known; expected a built-in pictogram or one from phases_pictograms [phases.pictogram]",
        f"parts/_a.md:6: WARNING: {EMPTY}",
        f"parts/_a.md:9: WARNING: {NOSUCH_KEY}",
        f"parts/_a.md:25: WARNING: {NOSUCH}",
    ]


def test_questions_items_and_pictograms_in_an_included_rst_file_are_located_there(
    tmp_path: Path,
) -> None:
    # No problem with an item: docutils 0.20 gives items no line (the list's is used).
    result = build(tmp_path, RST_MORE)
    result.assert_finished()
    assert result.phase_warnings == [
        f"parts/_a.rst:12: WARNING: phase-outputs: {NO_LIST}",
        f"parts/_b.rst:3: WARNING: {duplicate('_a.rst, line 3')}",
        f"parts/_a.rst:3: WARNING: {NOSUCH}",  # the phase's pictogram, at the declaration
        f"parts/_a.rst:6: WARNING: {EMPTY}",
        f"parts/_a.rst:8: WARNING: {NOSUCH_KEY}",
        f"parts/_a.rst:17: WARNING: {NOSUCH}",
    ]


def test_every_message_naming_a_declaration_names_its_included_file(tmp_path: Path) -> None:
    files = {
        "conf.py": CONF.replace('phases_required_questions = ["objective"]\n', ""),
        "index.rst": "M\n=\n\n.. toctree::\n\n   alpha\n   beta\n",
        "alpha.rst": "Alpha\n=====\n\n.. include:: parts/_alpha.rst\n\n.. phase:: again\n",
        "parts/_alpha.rst": ".. phase:: alpha\n   :next: beta\n",
        "beta.rst": "Beta\n====\n\n.. phase:: betta\n",
    }
    # alpha.rst:6 is the page's own line after the include, not one that counts it.
    assert build(tmp_path, files).phase_warnings == [
        "alpha.rst:6: WARNING: this page already declares phase 'alpha' (_alpha.rst, line 1); expected at most one phase per page, so 'again' is ignored [phases.duplicate]",
        "beta.rst:4: WARNING: phase id 'betta' looks like a typo for 'beta': no page declares 'beta', yet page 'alpha' (_alpha.rst, line 2) names it, and nothing names 'betta'; expected 'beta' [phases.unknown]",
    ]


ROLES_IN_AN_INCLUDE = {
    "conf.py": CONF,
    "index.md": "# M\n\n```{toctree}\na\nb\n```\n",
    "a.md": "# A\n\n```{include} parts/_r.md\n:start-line: 1\n```\n",
    "parts/_r.md": (
        "Not included.\n"  # 1
        "Words, then {phase}`nosuch`\n"  # 2
        "and {gate}`nogate` here.\n"  # 3
    ),
    "b.rst": "B\n=\n\n.. include:: parts/_r.rst\n   :start-line: 1\n",
    "parts/_r.rst": "Not included.\n\nWords, then\n:phase:`nosuch2` here.\n",
}


def test_roles_in_an_included_file_are_located_there(tmp_path: Path) -> None:
    result = build(tmp_path, ROLES_IN_AN_INCLUDE)
    result.assert_finished()
    assert result.phase_warnings == [
        "parts/_r.md:2: WARNING: phase role names 'nosuch', which no page declares; expected the id of a phase [phases.unknown]",
        "parts/_r.md:3: WARNING: gate role names 'nogate', which no page declares; expected the id of a gate [phases.unknown]",
        "parts/_r.rst:4: WARNING: phase role names 'nosuch2', which no page declares; expected the id of a phase [phases.unknown]",
    ]

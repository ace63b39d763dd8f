"""Checks across pages (issue 12, "Checks"): each rule as a whole build reports it."""

from __future__ import annotations

from pathlib import Path

from sphinx.cmd.build import build_main

from sphinx_phases.cli import main as cli

CONF = 'extensions = ["myst_parser", "sphinx_phases"]\n'


def write(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, "utf-8")
    return root


def phase_warnings(root: Path, tmp_path: Path) -> list[str]:
    """Build *root* as a user does (no -W); its phases warnings, in the order reported."""
    warnings = tmp_path / "warnings.txt"
    argv = ["-q", "-E", "-b", "html", "-w", str(warnings), str(root), str(tmp_path / "html")]
    assert build_main(argv) == 0
    prefix = str(root) + "/"
    lines = warnings.read_text("utf-8").splitlines() if warnings.exists() else []
    return [line.replace(prefix, "") for line in lines if "[phases." in line]


# -- 8: empty or placeholder answers -----------------------------------------------------


def test_a_page_new_wrote_answers_no_required_question_until_edited(tmp_path: Path) -> None:
    conf = CONF + 'phases_required_questions = ["objective", "team"]\n'
    root = write(
        tmp_path / "docs", {"conf.py": conf, "index.md": "# M\n\n```{toctree}\ngamma\n```\n"}
    )
    assert cli(["new", "gamma", "--title", "Gamma", "-o", str(root)]) == 0
    warnings = phase_warnings(root, tmp_path)
    assert [w.split(": WARNING: ")[1] for w in warnings] == [
        f"phase 'gamma' does not answer the required question '{key}': its phase-question "
        f"{key} section still holds the text sphinx-phases new wrote; expected the answer in "
        "its place [phases.question]"
        for key in ("objective", "team")
    ]
    # Located at each question, not at the declaration.
    text = (root / "gamma.md").read_text("utf-8").splitlines()
    for warning in warnings:
        line = int(warning.split(":")[1])
        assert text[line - 1].startswith("```{phase-question}")

    page = root / "gamma.md"
    answered = page.read_text("utf-8").replace(
        "Say what this phase sets out to achieve.", "To learn whether the idea works."
    )
    page.write_text(answered.replace("List the roles this phase needs.", "A small team."))
    assert phase_warnings(root, tmp_path) == []


def test_an_unanswered_question_that_is_not_required_is_not_reported(tmp_path: Path) -> None:
    conf = CONF + 'phases_required_questions = ["team"]\n'
    page = "# A\n\n```{phase} a\n```\n\n```{phase-question} objective\n```\n\n"
    page += "```{phase-question} team\nA small team.\n```\n"
    root = write(
        tmp_path / "docs",
        {"conf.py": conf, "index.md": "# M\n\n```{toctree}\na\n```\n", "a.md": page},
    )
    assert phase_warnings(root, tmp_path) == []


# -- 9: a mistake before what it causes ----------------------------------------------------


def test_a_value_that_could_not_be_used_comes_before_what_it_causes(tmp_path: Path) -> None:
    # beta.md's id is not valid, so alpha's link to 'beta' finds nothing: the id is the
    # mistake, reported first although alpha.md sorts first.
    root = write(
        tmp_path / "docs",
        {
            "conf.py": CONF,
            "index.md": "# M\n\n```{toctree}\nalpha\nbeta\n```\n",
            "alpha.md": "# Alpha\n\n```{phase} alpha\n:next: beta\n```\n",
            "beta.md": "# Beta\n\n```{phase} Beta\n```\n",
        },
    )
    assert phase_warnings(root, tmp_path) == [
        "beta.md:3: WARNING: phase directive: id 'Beta' is not valid: expected lower-case "
        "letters, digits and '-' (perhaps 'beta') [phases.option]",
        "alpha.md:4: WARNING: next phase 'beta' is not declared by any page; expected the id "
        "of a phase [phases.unknown]",
    ]


# -- 11: hints, and problems at the option's own line ------------------------------------


def test_an_unquoted_hex_colour_in_a_directive_says_to_quote_it(tmp_path: Path) -> None:
    page = "# A\n\n```{phase} a\n:status: in-review\n:color: #f47738\n```\n"
    root = write(
        tmp_path / "docs",
        {
            "conf.py": CONF + 'suppress_warnings = ["myst.directive_comments"]\n',
            "index.md": "# M\n\n```{toctree}\na\n```\n",
            "a.md": page,
        },
    )
    status, colour = phase_warnings(root, tmp_path)
    assert status.startswith("a.md:4: WARNING: phase directive: status 'in-review' is not valid")
    assert status.endswith("(did you mean 'review'?) [phases.option]")
    assert colour.startswith("a.md:5: WARNING: phase directive: color '' is not valid")
    assert colour.endswith(
        "(quote a #hex colour, as in \"#f47738\": unquoted, '#' starts a comment) [phases.option]"
    )


def test_link_problems_point_at_the_option_in_a_yaml_option_block(tmp_path: Path) -> None:
    a = "# A\n\n```{phase} a\n---\ntitle: A\nloops-to: b\nprevious: a\n---\nSummary.\n```\n"
    root = write(
        tmp_path / "docs",
        {
            "conf.py": CONF,
            "index.md": "# M\n\n```{toctree}\na\nb\n```\n",
            "a.md": a,
            "b.md": "# B\n\n```{phase} b\n```\n",
        },
    )
    assert phase_warnings(root, tmp_path) == [
        "a.md:6: WARNING: phase 'a' loops to 'b', which comes after it; expected a loop back "
        "to an earlier phase [phases.cycle]",
        "a.md:7: WARNING: phase 'a' names itself as its previous; expected a neighbouring "
        "phase [phases.cycle]",
    ]


def test_link_problems_point_at_the_key_in_front_matter(tmp_path: Path) -> None:
    a = "---\nphase:\n  id: a\n  title: A\n  next: a\n  parent: nowhere\n---\n# A\n"
    root = write(
        tmp_path / "docs",
        {"conf.py": CONF, "index.md": "# M\n\n```{toctree}\na\n```\n", "a.md": a},
    )
    assert phase_warnings(root, tmp_path) == [
        "a.md:6: WARNING: parent 'nowhere' is not declared by any page; expected the id of a "
        "phase [phases.unknown]",
        "a.md:5: WARNING: phase 'a' names itself as its next; expected a neighbouring phase "
        "[phases.cycle]",
    ]

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

"""``sphinx-phases new``: the tutorial's form, the project's questions, sensible titles and
placeholders the build can recognise (issue 12 items 8 and 13)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from sphinx_phases.cli import main
from sphinx_phases.core.placeholders import (
    GENERIC_PLACEHOLDER,
    PLACEHOLDER_TEXT,
    SUMMARY_PLACEHOLDER,
    is_placeholder,
)

CONF = 'extensions = ["myst_parser", "sphinx_phases"]\n'


def project(root: Path, conf: str = CONF, *pages: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(conf, "utf-8")
    toctree = "\n".join(pages)
    (root / "index.md").write_text(f"# Manual\n\n```{{toctree}}\n{toctree}\n```\n", "utf-8")
    return root


def build(root: Path, tmp_path: Path) -> str:
    """Build *root* with -W; the warnings (empty when the build passed)."""
    warnings = tmp_path / "warnings.txt"
    argv = ["-W", "-q", "-b", "html", "-d", str(tmp_path / "doctrees"), "-w", str(warnings)]
    status = build_main([*argv, str(root), str(tmp_path / "html")])
    text = warnings.read_text("utf-8") if warnings.exists() else ""
    assert status == 0, text
    return text


def paragraphs(text: str) -> list[str]:
    """The bodies of the page's fenced directives, options left out."""
    bodies: list[str] = []
    body: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("```{"):
            body = []
        elif line == "```" and body is not None:
            bodies.append(" ".join(body))
            body = None
        elif body is not None and line and not line.startswith(":"):
            body.append(line)
    return bodies


def test_new_writes_the_directive_form_the_tutorial_teaches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "docs", CONF, "alpha", "private-beta")
    (root / "alpha.md").write_text("# Alpha\n\n```{phase} alpha\n```\n", "utf-8")
    argv = ["new", "private-beta", "--title", "Private beta", "--previous", "alpha"]
    assert main([*argv, "-o", str(root)]) == 0
    text = (root / "private-beta.md").read_text("utf-8")
    assert text.startswith(
        "# Private beta\n\n```{phase} private-beta\n:previous: alpha\n:status: draft\n\n"
        f"{SUMMARY_PLACEHOLDER}\n```\n\n```{{phase-question}} objective\n"
    )
    assert "---" not in text  # no front matter: it is an option
    assert f"questions from {root / 'conf.py'}" in capsys.readouterr().out
    assert build(root, tmp_path) == ""


def test_front_matter_is_an_option_and_builds_too(tmp_path: Path) -> None:
    root = project(tmp_path / "docs", CONF, "live")
    assert main(["new", "live", "--title", "Live", "--front-matter", "-o", str(root)]) == 0
    text = (root / "live.md").read_text("utf-8")
    assert text.startswith("---\nphase:\n  id: live\n  title: Live\n  status: draft\n")
    assert "{phase}" not in text
    assert build(root, tmp_path) == ""


@pytest.mark.parametrize("ident", ["kdp-a", "phase-b2", "discovery"])
def test_the_title_is_given_or_the_id_as_written(
    ident: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", ident, "-o", str(tmp_path)]) == 0
    text = (tmp_path / f"{ident}.md").read_text("utf-8")
    assert text.startswith(f"# {ident}\n\n```{{phase}} {ident}\n:status: draft\n\n")
    assert ":title:" not in text
    assert "--title" in capsys.readouterr().out  # says how to set a better one
    assert main(["new", "x", "--title", "KDP  A", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "x.md").read_text("utf-8").startswith("# KDP A\n")


QUESTIONS = """
phases_questions = {"why": "Why {noun}?", "team": "Who do I need?"}
phases_required_questions = ["why"]
"""


def test_new_takes_the_projects_questions_when_pointed_at_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "docs", CONF + QUESTIONS, "phases/gamma")
    out = root / "phases"
    assert main(["new", "gamma", "--title", "Gamma", "--project", str(root), "-o", str(out)]) == 0
    text = (out / "gamma.md").read_text("utf-8")
    keys = re.findall(r"\{phase-question\} (\S+)", text)
    assert keys == ["why", "team"]
    assert f"```{{phase-question}} why\n{GENERIC_PLACEHOLDER}\n```" in text
    assert "required questions (the build warns until they are answered): why" in (
        capsys.readouterr().out
    )
    # The placeholder does not answer a required question; the author's own words do.
    (out / "gamma.md").write_text(text.replace(GENERIC_PLACEHOLDER, "Because."), "utf-8")
    assert build(root, tmp_path) == ""


def test_new_takes_the_projects_questions_when_run_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path / "docs", CONF + QUESTIONS)
    monkeypatch.chdir(root)
    assert main(["new", "gamma", "-o", "phases"]) == 0
    assert re.findall(r"\{phase-question\} (\S+)", (root / "phases" / "gamma.md").read_text())
    assert main(["new", "delta"]) == 0  # the output folder is the project itself
    text = (root / "delta.md").read_text("utf-8")
    assert re.findall(r"\{phase-question\} (\S+)", text) == ["why", "team"]


@pytest.mark.parametrize(
    ("conf", "message"),
    [
        ("raise RuntimeError('no network here')", "RuntimeError: no network here"),
        ("import sys\nsys.exit(3)", "sys.exit()"),
        ("phases_questions = ", "syntax error"),
        ("phases_questions = 3", "phases_questions is not valid"),
        ("phases_questions = {'Bad key': 'x'}", "phases_questions is not valid"),
        ("phases_required_questions = ['nope']", "names nope"),
        ("phases_sequence = 'missing.yml'", "which is not a file"),
    ],
)
def test_a_conf_py_that_cannot_be_used_falls_back_with_a_message(
    conf: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path / "docs", CONF + conf + "\n")
    assert main(["new", "gamma", "-o", str(root)]) == 0
    err = capsys.readouterr().err
    assert "sphinx-phases new: warning:" in err
    assert message in err
    assert "Traceback" not in err
    text = (root / "gamma.md").read_text("utf-8")
    keys = re.findall(r"\{phase-question\} (\S+)", text)
    assert keys == ["objective", "contents", "duration", "team", "outputs"]


def test_a_named_project_without_conf_py_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["new", "gamma", "--project", str(tmp_path), "-o", str(tmp_path)]) == 2
    assert not (tmp_path / "gamma.md").exists()


SEQUENCE = "sequence: [discovery, alpha, {beta: [private-beta, public-beta]}, live]\n"


@pytest.mark.parametrize(
    ("argv", "notes"),
    [
        (["private-beta"], ["previous and next come from the sequence in",
                            "a sub-phase of 'beta' need not answer the required questions"]),
        (["alpha", "--previous", "beta"], ["--previous 'beta' disagrees with the sequence in",
                                            "(it has 'discovery')"]),
        (["gamma", "--previous", "live"], ["'gamma' is not in the sequence in",
                                            "add it there (after 'live')"]),
    ],
)  # fmt: skip
def test_new_reads_the_sequence_file(
    argv: list[str], notes: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conf = CONF + 'phases_sequence = "phases.yml"\nphases_required_questions = ["team"]\n'
    root = project(tmp_path / "docs", conf)
    (root / "phases.yml").write_text(SEQUENCE, "utf-8")
    assert main(["new", *argv, "-o", str(root)]) == 0
    out = capsys.readouterr().out
    for note in notes:
        assert note in out


def test_placeholders_are_one_exported_constant_the_build_can_import(tmp_path: Path) -> None:
    conf = CONF + 'phases_questions = {"objective": "O?", "risks": "R?", "team": "T?"}\n'
    root = project(tmp_path / "docs", conf)
    assert main(["new", "gamma", "-o", str(root)]) == 0
    assert main(["new", "delta", "--front-matter", "-o", str(root)]) == 0
    written = paragraphs((root / "gamma.md").read_text("utf-8"))
    assert len(written) == 4  # the summary and three answers
    assert all(is_placeholder(p) and p in PLACEHOLDER_TEXT for p in written)
    assert f"summary: {SUMMARY_PLACEHOLDER}" in (root / "delta.md").read_text("utf-8")
    assert not is_placeholder("Say what this phase sets out to achieve, and more.")
    assert is_placeholder("  Say what this phase\n  sets out to achieve. ")
    # Importing it loads neither the command line nor Sphinx.
    code = (
        "import sys, sphinx_phases.core.placeholders\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sphinx', 'yaml'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (
        done.stdout.strip()
        == "['sphinx_phases', 'sphinx_phases.core', 'sphinx_phases.core.placeholders']"
    )

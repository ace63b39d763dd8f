"""``sphinx-phases init``: a new manual from a profile that builds at once, whose only
warnings are the answers still to write (issue 23 item 6)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sphinx.cmd.build import build_main

from sphinx_phases.cli import main
from sphinx_phases.cli.project import read_project
from sphinx_phases.core.placeholders import CRITERION_PLACEHOLDER, PLACEHOLDER_TEXT
from sphinx_phases.core.profile import BUILTIN, builtin

UNANSWERED = re.compile(
    r"^(?P<path>.+)/(?P<page>[a-z0-9-]+)\.md:(?P<line>\d+): WARNING: phase '(?P<id>[a-z0-9-]+)'"
    r" does not answer the required question '(?P<key>[a-z0-9_-]+)': .*still holds the text"
    r" .* \[phases\.question\]$"
)


def build(root: Path, tmp_path: Path, *, strict: bool) -> tuple[int, list[str]]:
    """Build *root* (with -W --keep-going when *strict*): the status and the warnings."""
    warnings = tmp_path / "warnings.txt"
    warnings.unlink(missing_ok=True)
    argv = ["-q", "-E", "-b", "html", "-d", str(tmp_path / "doctrees"), "-w", str(warnings)]
    if strict:
        argv = ["-W", "--keep-going", *argv]
    status = build_main([*argv, str(root), str(root / "_build" / "html")])
    text = warnings.read_text("utf-8") if warnings.exists() else ""
    return status, [line for line in text.splitlines() if line.strip()]


def answer_everything(root: Path) -> None:
    """Write a real answer in place of every placeholder sentence."""
    for page in root.glob("*.md"):
        text = page.read_text("utf-8")
        for sentence in PLACEHOLDER_TEXT:
            text = text.replace(sentence, "The team wrote this in its own words.")
        page.write_text(text, "utf-8")


@pytest.mark.parametrize("name", BUILTIN)
def test_each_builtin_profile_builds_and_warns_only_of_answers_to_write(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "manual"
    assert main(["init", str(root), "--profile", name, "--title", "Our manual"]) == 0
    out = capsys.readouterr().out
    profile = builtin(name)
    ids = [ident for ident, _title in profile.phases]
    for ident in ids:
        assert f"wrote {root / (ident + '.md')}" in out
    assert f"next: sphinx-build -b html {root} {root / '_build' / 'html'}" in out

    # Without -W the build succeeds; its warnings are one unanswered question per phase,
    # the required one, located at that phase-question.
    status, warnings = build(root, tmp_path, strict=False)
    assert status == 0, warnings
    found = [UNANSWERED.match(line) for line in warnings]
    assert all(found), warnings
    assert sorted((m["page"], m["id"], m["key"], m["line"]) for m in found if m) == sorted(
        (ident, ident, "objective", "9") for ident in ids
    )
    assert {m["path"] for m in found if m} == {str(root)}

    # With -W those warnings fail the build; once answered, it is clean.
    assert build(root, tmp_path, strict=True)[0] != 0
    answer_everything(root)
    assert build(root, tmp_path, strict=True) == (0, [])


def test_the_skeleton_holds_the_profiles_phases_stages_gates_and_questions(
    tmp_path: Path,
) -> None:
    root = tmp_path / "nasa"
    assert main(["init", str(root), "--profile", "nasa", "--title", "Mission manual"]) == 0
    conf = (root / "conf.py").read_text("utf-8")
    assert 'project = "Mission manual"' in conf
    assert 'extensions = ["myst_parser", "sphinx_phases"]' in conf
    assert 'phases_profile = "nasa"' in conf
    assert 'phases_sequence = "phases.yml"' in conf
    assert 'phases_required_questions = ["objective"]' in conf
    lines = conf.splitlines()
    settings = [i for i, line in enumerate(lines) if re.match(r"[a-z_]+ = ", line)]
    assert len(settings) == 6
    assert all(lines[i - 1].startswith("# ") for i in settings), conf

    profile = builtin("nasa")
    sequence = yaml.safe_load((root / "phases.yml").read_text("utf-8"))
    assert sequence["sequence"] == [ident for ident, _title in profile.phases]
    assert [(s["id"], s["title"], tuple(s["phases"])) for s in sequence["stages"]] == list(
        profile.stages
    )

    index = (root / "index.md").read_text("utf-8")
    assert index.startswith("# Mission manual\n")
    assert "```{phase-sequence}" in index
    assert "```{phase-table}" in index
    assert index.endswith("\n".join(i for i, _t in profile.phases) + "\n```\n")

    page = (root / "phase-b.md").read_text("utf-8")
    assert page.startswith(
        "# Phase B: Preliminary Design and Technology Completion\n\n```{phase} phase-b\n"
    )
    assert "```{phase-question} objective\n" in page
    # Each gate on the page of the phase it closes, with its title and a criterion to write.
    assert (
        f"```{{phase-gate}} kdp-c\n:title: KDP C\n:before: phase-c\n\n- {CRITERION_PLACEHOLDER}\n"
    ) in page
    assert "phase-gate" not in (root / "phase-f.md").read_text("utf-8")


def test_the_default_profile_is_not_named_in_conf_py(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "m")]) == 0
    conf = (tmp_path / "m" / "conf.py").read_text("utf-8")
    assert "phases_profile =" not in conf
    assert 'project = "Service manual"' in conf
    assert "stages" not in (tmp_path / "m" / "phases.yml").read_text("utf-8")
    questions = re.findall(r"\{phase-question\} (\S+)", (tmp_path / "m" / "alpha.md").read_text())
    assert questions == list(builtin("gov-uk").questions)


@pytest.mark.parametrize("existing", ["conf.py", "index.md", "alpha.md"])
def test_nothing_is_overwritten_nor_written_beside_an_existing_file(
    existing: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / existing).write_text("mine\n", "utf-8")
    assert main(["init", str(root)]) == 1
    err = capsys.readouterr().err
    assert f"{root / existing} exists" in err
    assert "nothing was written" in err
    assert sorted(p.name for p in root.iterdir()) == [existing]
    assert (root / existing).read_text("utf-8") == "mine\n"


def test_an_empty_folder_or_one_with_other_files_is_fine(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["init", str(tmp_path / "empty")]) == 0
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "README.md").write_text("hello\n", "utf-8")
    assert main(["init", str(tmp_path / "repo")]) == 0
    assert (tmp_path / "repo" / "README.md").read_text("utf-8") == "hello\n"


def test_a_link_in_a_files_place_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "conf.py").symlink_to(tmp_path / "elsewhere.py")
    assert main(["init", str(root)]) == 1
    assert not (tmp_path / "elsewhere.py").exists()


OWN = """\
title: Our way
questions:
  aim: What is {noun} for?
  people: Who takes part?
phases:
  - {id: shape, title: Shape}
  - {id: make, title: Make}
  - {id: keep, title: Keep}
stages:
  - {id: early, title: "Early: thinking", phases: [shape, make]}
gates:
  - {id: make-review, title: Make review, after: make, before: keep}
"""


def test_a_profile_file_is_copied_into_the_manual_and_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "own.yml").write_text(OWN, "utf-8")
    root = tmp_path / "manual"
    assert main(["init", str(root), "--profile", str(tmp_path / "own.yml")]) == 0
    assert (root / "own.yml").read_text("utf-8") == OWN
    conf = (root / "conf.py").read_text("utf-8")
    assert 'phases_profile = "own.yml"' in conf
    assert 'phases_required_questions = ["aim"]' in conf
    assert "```{phase-gate} make-review\n:title: Make review\n" in (root / "make.md").read_text()
    capsys.readouterr()
    status, warnings = build(root, tmp_path, strict=False)
    assert status == 0
    found = [UNANSWERED.match(line) for line in warnings]
    assert all(found), warnings
    assert sorted(m["id"] for m in found if m) == ["keep", "make", "shape"]
    assert {m["key"] for m in found if m} == {"aim"}
    answer_everything(root)
    assert build(root, tmp_path, strict=True) == (0, [])


def test_a_profile_file_named_like_the_sequence_file_is_copied_under_another_name(
    tmp_path: Path,
) -> None:
    (tmp_path / "phases.yml").write_text(OWN, "utf-8")
    root = tmp_path / "manual"
    assert main(["init", str(root), "--profile", str(tmp_path / "phases.yml")]) == 0
    assert (root / "profile.yml").read_text("utf-8") == OWN
    assert 'phases_profile = "profile.yml"' in (root / "conf.py").read_text("utf-8")
    assert "sequence:" in (root / "phases.yml").read_text("utf-8")


def test_a_profile_file_already_in_the_folder_is_named_not_copied(tmp_path: Path) -> None:
    root = tmp_path / "manual"
    (root / "profiles").mkdir(parents=True)
    (root / "profiles" / "own.yml").write_text(OWN, "utf-8")
    assert main(["init", str(root), "--profile", str(root / "profiles" / "own.yml")]) == 0
    assert 'phases_profile = "profiles/own.yml"' in (root / "conf.py").read_text("utf-8")
    assert not (root / "own.yml").exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("agile", "neither a built-in profile"),
        ("missing.yml", "cannot be read"),
    ],
)
def test_a_profile_that_cannot_be_used_is_an_error_and_nothing_is_written(
    value: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "manual"
    profile = str(tmp_path / value) if "." in value else value
    assert main(["init", str(root), "--profile", profile]) == 1
    assert message in capsys.readouterr().err
    assert not root.exists()


def test_problems_in_a_profile_file_are_reported_and_the_rest_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "own.yml").write_text(OWN + "colour: blue\n", "utf-8")
    assert main(["init", str(tmp_path / "m"), "--profile", str(tmp_path / "own.yml")]) == 0
    err = capsys.readouterr().err
    assert "sphinx-phases init: warning:" in err
    assert "unknown key 'colour'" in err
    assert (tmp_path / "m" / "shape.md").exists()


def test_an_empty_title_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path / "m"), "--title", "  "]) == 2
    assert not (tmp_path / "m").exists()


def test_new_takes_the_profiles_questions_when_conf_py_sets_none(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "conf.py").write_text('phases_profile = "stage-gate"\n', "utf-8")
    project = read_project(root / "conf.py")
    assert dict(project.questions) == dict(builtin("stage-gate").questions)
    assert main(["new", "scoping", "--title", "Scoping", "-o", str(root)]) == 0
    text = (root / "scoping.md").read_text("utf-8")
    assert re.findall(r"\{phase-question\} (\S+)", text) == ["objective", "deliverables"]

    # phases_questions, when set, wins over the profile's.
    (root / "conf.py").write_text(
        'phases_profile = "stage-gate"\nphases_questions = {"why": "Why?"}\n', "utf-8"
    )
    assert list(read_project(root / "conf.py").questions) == ["why"]


def test_new_reports_a_profile_it_cannot_read(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "conf.py").write_text('phases_profile = "missing.yml"\n', "utf-8")
    project = read_project(root / "conf.py")
    assert any("missing.yml" in problem for problem in project.problems)
    assert dict(project.questions) == dict(builtin("gov-uk").questions)

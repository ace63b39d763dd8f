"""The command line itself: arguments, exit codes, ``new``, writing and refusing to overwrite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_phases import __version__
from sphinx_phases.cli import main

PAGE = """---
layout: phases
title: {title}
class: {ident}-phase
status: draft
---

{{:.intro}}
Lead for {ident}.

{nav}
"""


def legacy(folder: Path, ident: str, nav: str = "", title: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"site__phases__{ident}.md"
    path.write_text(PAGE.format(ident=ident, nav=nav, title=title or ident.title()), "utf-8")
    return path


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "migrate" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sphinx-phases {__version__}"
    assert main(["migrate", "--help"]) == 0
    assert "--base-url" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["migrate", "x.md"],
        ["migrate", "x.md", "-o", "out", "--base-url", "ftp://x"],
        ["new", "Bad_Id"],
        ["new", "ok", "--previous", "Not OK"],
        ["new", "ok", "--title", "  "],
    ],
)
def test_usage_errors_exit_2(argv: list[str], tmp_path: Path) -> None:
    assert main([*argv, *(["-o", str(tmp_path)] if argv[:1] == ["new"] else [])]) == 2


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_phases", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"sphinx-phases {__version__}")


def test_new_writes_a_page_with_the_standard_questions(tmp_path: Path) -> None:
    argv = ["new", "private-beta", "--title", "Private beta", "--previous", "alpha", "-o"]
    assert main([*argv, str(tmp_path / "docs"), "--front-matter"]) == 0
    text = (tmp_path / "docs" / "private-beta.md").read_text("utf-8")
    assert text.startswith(
        "---\nphase:\n  id: private-beta\n  title: Private beta\n  previous: alpha\n"
        "  status: draft\n  summary: Summarise this phase in one paragraph.\n---\n\n"
        "# Private beta\n\n```{phase-question} objective\n"
    )
    keys = [line.split()[-1] for line in text.splitlines() if "{phase-question}" in line]
    assert keys == ["objective", "contents", "duration", "team", "outputs"]
    assert text.count("```") == 10


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "live.md").write_text("mine", "utf-8")
    assert main(["new", "live", "-o", str(tmp_path)]) == 1
    assert "exists" in capsys.readouterr().err
    assert (tmp_path / "live.md").read_text("utf-8") == "mine"


def test_migrate_writes_pages_conf_and_index(tmp_path: Path) -> None:
    src = tmp_path / "src"
    legacy(src, "one", "[Next: Two](/site/phases/two.html)")
    legacy(src, "two", "[Previously: One](/site/phases/one.html)")
    out = tmp_path / "out"
    assert main(["migrate", str(src / "site__phases__two.md"), str(src), "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["conf.py", "index.md", "one.md", "two.md"]
    assert 'myst_enable_extensions = ["attrs_block"]' in (out / "conf.py").read_text("utf-8")
    assert "\n\none\ntwo\n```" in (out / "index.md").read_text("utf-8")
    assert "  next: two\n" in (out / "one.md").read_text("utf-8")


def test_migrate_dry_run_writes_nothing_but_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = legacy(tmp_path, "one", "Next phase: NowherePhase")
    report = tmp_path / "report.json"
    out = tmp_path / "out"
    assert main(["migrate", str(src), "-o", str(out), "--dry-run", "--report", str(report)]) == 0
    assert not out.exists()
    assert "would write 3 file(s)" in capsys.readouterr().out
    data = json.loads(report.read_text("utf-8"))
    (issue,) = [i for i in data["files"][0]["issues"] if i["kind"] == "unresolved"]
    assert issue["line"] == 11
    assert issue["text"] == "Next phase: NowherePhase"


def test_migrate_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    src = legacy(tmp_path / "src", "one")
    out = tmp_path / "out"
    out.mkdir()
    (out / "one.md").write_text("mine", "utf-8")
    (out / "index.md").write_text("# Mine\n", "utf-8")
    assert main(["migrate", str(src), "-o", str(out)]) == 1
    assert (out / "one.md").read_text("utf-8") == "mine"
    assert not (out / "conf.py").exists()
    assert main(["migrate", str(src), "-o", str(out), "--force"]) == 0
    assert (out / "one.md").read_text("utf-8").startswith("---\nphase:\n  id: one\n")
    assert (out / "index.md").read_text("utf-8") == "# Mine\n"


def test_duplicate_ids_first_wins_and_tagged_pages_yield(tmp_path: Path) -> None:
    first = legacy(tmp_path / "a", "one", title="First")
    second = legacy(tmp_path / "b", "one", title="Second")
    tagged = tmp_path / "site__phases__one-examples.md"
    tagged.write_text("---\nphase: one\ntitle: Examples\n---\nSee the examples.\n", "utf-8")
    out = tmp_path / "out"
    report = tmp_path / "r.json"
    argv = ["migrate", str(tagged), str(first), str(second), "-o", str(out), "--report"]
    assert main([*argv, str(report)]) == 0
    assert "# First" in (out / "one.md").read_text("utf-8")
    assert (out / "one-examples.md").read_text("utf-8") == "# Examples\n\nSee the examples.\n"
    files = {Path(f["source"]).parent.name + "/" + Path(f["source"]).name: f
             for f in json.loads(report.read_text("utf-8"))["files"]}  # fmt: skip
    conflicts = {k: [i["message"] for i in f["issues"]] for k, f in files.items()}
    assert "the first wins" in conflicts["b/site__phases__one.md"][0]
    assert "page with no phase" in conflicts[f"{tmp_path.name}/{tagged.name}"][0]


def test_unreadable_sources_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", str(tmp_path / "missing.md"), "-o", str(tmp_path / "o")]) == 1
    captured = capsys.readouterr()
    assert "cannot read the file" in captured.out
    assert "problems were reported" in captured.err

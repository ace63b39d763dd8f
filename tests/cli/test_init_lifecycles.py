"""``init --lifecycle`` adds a life cycle to a project, and ``new`` in a life cycle's
folder uses that life cycle's settings (issue 24 item 6, docs/reference/lifecycles.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.test_init import answer_everything, build

from sphinx_phases.cli import main
from sphinx_phases.cli.project import read_project
from sphinx_phases.core.profile import builtin


def _answer(root: Path) -> None:
    for folder in [root, *(p for p in root.iterdir() if p.is_dir() and p.name != "_build")]:
        answer_everything(folder)


def test_two_life_cycles_added_one_by_one_build_clean_once_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "site"
    assert main(["init", str(root), "--lifecycle", "service", "--title", "Handbook"]) == 0
    first = capsys.readouterr().out
    assert f"wrote {root / 'conf.py'}" in first
    assert f"wrote {root / 'service' / 'discovery.md'}" in first
    assert main(["init", str(root), "--lifecycle", "launch", "--profile", "stage-gate"]) == 0
    second = capsys.readouterr().out
    assert f"added to {root / 'conf.py'}" in second
    assert "note: add launch/index to a toctree of the project" in second
    index = root / "index.md"
    index.write_text(index.read_text().replace("service/index\n", "service/index\nlaunch/index\n"))

    status, warnings = build(root, tmp_path, strict=False)
    assert status == 0
    # One unanswered question per phase of each life cycle; both have a discovery.
    pages = sorted(line.split(":")[0].rsplit("/", 2)[-2] for line in warnings)
    service = len(builtin("gov-uk").phases)
    launch = len(builtin("stage-gate").phases)
    assert pages == ["launch"] * launch + ["service"] * service
    _answer(root)
    assert build(root, tmp_path, strict=True) == (0, [])
    nav = (root / "_build" / "html" / "launch" / "discovery.html").read_text("utf8")
    assert "This is the first stage" in nav  # the launch speaks Stage-Gate


def test_a_life_cycle_added_to_a_single_manual_says_what_the_other_pages_become(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "manual"
    assert main(["init", str(root)]) == 0
    conf_before = (root / "conf.py").read_text()
    capsys.readouterr()
    assert main(["init", str(root), "--lifecycle", "buying", "--profile", "prince2"]) == 0
    out = capsys.readouterr().out
    assert "give the project's other phase pages a life cycle of their own" in out
    conf = (root / "conf.py").read_text()
    assert conf.startswith(conf_before)  # appended, nothing else changed
    assert 'phases_lifecycles["buying"] = {' in conf
    assert '"profile": "prince2",' in conf


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bad Name", "--lifecycle 'Bad Name' cannot name a life cycle"),
        ("_build", "--lifecycle '_build' cannot name a life cycle"),
    ],
)
def test_a_bad_name_is_an_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    root = tmp_path / "site"
    assert main(["init", str(root), "--lifecycle", name]) == 1
    assert expected in capsys.readouterr().err
    assert not root.exists()


def test_the_same_life_cycle_twice_is_refused_and_conf_py_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "site"
    assert main(["init", str(root), "--lifecycle", "service"]) == 0
    conf = (root / "conf.py").read_text()
    assert main(["init", str(root), "--lifecycle", "service"]) == 1
    assert "conf.py already has a life cycle 'service'" in capsys.readouterr().err
    assert (root / "conf.py").read_text() == conf


def test_new_in_a_life_cycles_folder_takes_its_settings(tmp_path: Path) -> None:
    root = tmp_path / "site"
    assert main(["init", str(root), "--lifecycle", "service"]) == 0
    assert main(["init", str(root), "--lifecycle", "launch", "--profile", "stage-gate"]) == 0
    launch = read_project(root / "conf.py", root / "launch")
    assert list(launch.questions) == list(builtin("stage-gate").questions)
    assert launch.sequence is not None
    assert launch.sequence.path.endswith("launch/phases.yml")
    assert "settings of the life cycle launch (launch/)" in launch.notes
    service = read_project(root / "conf.py", root / "service")
    assert list(service.questions) == list(builtin("gov-uk").questions)
    outside = read_project(root / "conf.py", root)
    assert outside.sequence is None  # the project-wide settings: no sequence

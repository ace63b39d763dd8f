"""``sphinx-phases labels`` prints the text a build of the project shows for each message."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_phases.cli import main


def _labels(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, tuple[str, str]]:
    assert main(["labels", *args]) == 0
    lines = capsys.readouterr().out.splitlines()
    return {line.split("\t")[0]: tuple(line.split("\t")[1:]) for line in lines[1:]}  # type: ignore[misc]


def test_each_message_shows_the_text_in_effect_and_its_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "conf.py").write_text(
        'phases_profile = "stage-gate"\nphases_labels = {"Previous phase": "Back"}\n'
    )
    catalogue = tmp_path / "locales" / "en" / "LC_MESSAGES" / "sphinx_phases.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text('msgid "Phase index"\nmsgstr "All the stages"\n')
    shown = _labels(capsys, "--project", str(tmp_path))
    assert shown["Previous phase"] == ("Back", "phases_labels")
    assert shown["Phase index"] == ("All the stages", "project catalogue")
    assert shown["Next phase"] == ("Next stage", "profile stage-gate")
    assert shown["Draft"] == ("Draft", "extension")


def test_the_language_can_be_chosen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "conf.py").write_text("")
    shown = _labels(capsys, "--project", str(tmp_path), "--language", "cy")
    assert shown["Activities"] == ("Gweithgareddau", "extension")


def test_a_life_cycles_labels_are_its_own_over_the_projects(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "conf.py").write_text(
        'phases_labels = {"Previous phase": "Back"}\n'
        'phases_lifecycles = {"launch": {"root": "launch/", "profile": "stage-gate", '
        '"labels": {"Draft": "Sketch"}}}\n'
    )
    shown = _labels(capsys, "--project", str(tmp_path), "--lifecycle", "launch")
    assert shown["Draft"] == ("Sketch", "phases_labels")
    assert shown["Next phase"] == ("Next stage", "profile stage-gate")
    # The life cycle's labels replace the project-wide phases_labels, as in a build.
    assert shown["Previous phase"] == ("Previous stage", "profile stage-gate")
    project = _labels(capsys, "--project", str(tmp_path))
    assert project["Previous phase"] == ("Back", "phases_labels")
    assert project["Next phase"] == ("Next phase", "extension")


def test_an_unknown_life_cycle_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "conf.py").write_text('phases_lifecycles = {"launch": {"root": "launch/"}}\n')
    assert main(["labels", "--project", str(tmp_path), "--lifecycle", "lunch"]) == 2
    assert "no life cycle 'lunch' (its life cycles: launch)" in capsys.readouterr().err

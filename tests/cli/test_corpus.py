"""Every page of the legacy corpus migrates without exception and without silent loss."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from migration_checks import corpus_pages, lost_words
from pytest_regressions.file_regression import FileRegressionFixture

from sphinx_phases.cli import main
from sphinx_phases.cli.convert import convert_body
from sphinx_phases.cli.frontmatter import parse_meta
from sphinx_phases.cli.links import LinkContext
from sphinx_phases.cli.report import FileReport
from sphinx_phases.cli.sources import read_source

SEED = "history/2013-03-13_8e2e2fe1__service-manual__phases__live.md"
PHASES = ("discovery", "alpha", "beta", "live", "retirement", "operational", "decommissioning")


@pytest.mark.corpus
@pytest.mark.parametrize("page", corpus_pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_page_converts_without_losing_text(page: Path) -> None:
    report = FileReport(str(page))
    lines = read_source(page, report)
    assert lines is not None, report.issues
    meta = parse_meta(lines, page.stem)
    ctx = LinkContext(pages={p: f"{p}.md" for p in PHASES}, phase_ids=frozenset(PHASES))
    result = convert_body(lines[meta.body_start :], meta.body_start + 1, ctx, meta.ident)
    body = "\n".join(lines[meta.body_start :])
    assert lost_words(body, result.body, result.issues) == {}
    assert all(1 <= issue.line <= len(lines) for issue in result.issues)
    assert '<ul class="phase-activities">' not in result.body
    assert "{:" not in result.body
    assert not any(line.startswith(("#", "##")) and line[len(line) - len(line.lstrip("#"))
                   :][:1] not in {" ", ""} for line in result.body.splitlines())  # fmt: skip


def test_whole_corpus_migrates(corpus: Path, tmp_path: Path) -> None:
    out, report_file = tmp_path / "out", tmp_path / "report.json"
    argv = ["migrate", str(corpus), str(corpus / "history"), "-o", str(out), "--report"]
    assert main([*argv, str(report_file), "--base-url", "https://www.gov.uk"]) == 0
    report = json.loads(report_file.read_text("utf-8"))
    written = {f["phase"] for f in report["files"] if f["phase"]}
    assert written >= {"discovery", "alpha", "beta", "live", "retirement", "inception"}
    index = (out / "index.md").read_text("utf-8")
    toctree = index.split("```{toctree}\n:maxdepth: 1\n\n")[1].split("\n```")[0].split("\n")
    assert toctree[:5] == ["discovery", "alpha", "beta", "live", "retirement"]
    assert "ideal-alphas" in toctree
    live = (out / "live.md").read_text("utf-8")
    assert "  previous: beta\n  next: retirement\n" in live
    assert "Final phase" not in live
    assert "](/" not in live
    assert "[ideal alpha](ideal-alphas.md)" in (out / "alpha.md").read_text("utf-8")
    conflicts = [i for f in report["files"] for i in f["issues"] if i["kind"] == "conflict"]
    assert len(conflicts) >= 20  # every history page repeats a top-level id
    assert report["summary"]["error"] == 0


def test_seed_page_snapshot(
    corpus: Path, tmp_path: Path, file_regression: FileRegressionFixture
) -> None:
    """The seed page holds every legacy construct at once; review this snapshot like code.

    It is migrated with the operational page, the page its wiki "next" link names.
    """
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(corpus / SEED, src / Path(SEED).name)
    shutil.copy(corpus / "service-manual__phases__operational.md", src)
    report_file = tmp_path / "r.json"
    argv = ["migrate", str(src / Path(SEED).name), str(src), "-o", str(tmp_path / "out")]
    assert main([*argv, "--report", str(report_file)]) == 0
    text = (tmp_path / "out" / "live.md").read_text("utf-8")
    file_regression.check(text, basename="seed_live", extension=".md")
    report = json.loads(report_file.read_text("utf-8"))["files"][0]
    assert report["output"] == "live.md"
    kinds = [(i["line"], i["kind"]) for i in report["issues"]]
    assert (73, "unresolved") in kinds  # PublicBetaPhase: no such page migrated
    assert (89, "moved") in kinds  # IterationImprovementAndOperationPhase -> operational
    assert (55, "dropped") in kinds  # the wiki stub line
    source = (corpus / SEED).read_text("utf-8").split("---\n", 2)[2]
    issues = [
        type("I", (), {"text": i["text"], "message": i["message"]}) for i in report["issues"]
    ]
    assert lost_words(source, text, issues) == {}  # type: ignore[arg-type]

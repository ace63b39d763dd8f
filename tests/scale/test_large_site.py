"""A 10,000-phase site builds (dummy builder), resolved and checked without recursion.

Slow (minutes, almost all of it Sphinx reading 10,000 pages), so it runs in its own tox
environment (``tox -e scale``), once per CI run, not in every Python's suite. It prints
the build time per page; speed is measured by ``benchmarks/``, not asserted here.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sphinx.application import Sphinx

SIZE = int(os.environ.get("SCALE_PHASES", "10000"))


def test_ten_thousand_phases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser", "sphinx_phases"]\n')
    (src / "index.md").write_text("# Big\n\n```{toctree}\n:glob:\n\np*\n```\n")
    for i in range(SIZE):
        # Every other page links its next explicitly; the rest follow the toctree.
        options = f":next: p{i + 1:05d}\n" if i % 2 and i + 1 < SIZE else ""
        (src / f"p{i:05d}.md").write_text(f"# P{i}\n\n```{{phase}} p{i:05d}\n{options}```\n")
    start = time.perf_counter()
    app = Sphinx(
        src,
        src,
        tmp_path / "out",
        tmp_path / "doctrees",
        "dummy",
        status=None,
        warning=None,
        freshenv=True,
    )
    app.build()
    seconds = time.perf_counter() - start
    resolution = app.env.get_domain("phases").resolution  # type: ignore[attr-defined]
    assert resolution.problems == ()
    assert len(resolution.order) == SIZE
    assert resolution.order[:3] == ("p00000", "p00001", "p00002")
    assert resolution.phases[f"p{SIZE - 1:05d}"].last
    with capsys.disabled():
        print(
            f"\n[scale] {SIZE} phases built with the dummy builder in {seconds:.1f} s "
            f"({seconds / SIZE * 1000:.1f} ms a page)"
        )

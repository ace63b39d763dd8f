"""Incremental and parallel builds give what a clean serial build gives, and no more work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assert_same_as_clean, build, edit, pages, stable_pformat, warning_lines


def test_unchanged_rebuild_writes_nothing(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("basic")
    _, first = build(make_app, srcdir)
    assert first == ["alpha", "beta", "discovery", "index", "live", "retirement"]
    _, second = build(make_app, srcdir)
    assert second == []


def test_retitle_rewrites_the_phase_its_neighbours_and_pages_naming_it(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("basic")
    build(make_app, srcdir)
    edit(srcdir / "alpha.md", "# Alpha", "# Alpha, renamed")
    app, written = build(make_app, srcdir)
    # alpha changed; discovery and beta are its neighbours; index names it with a role.
    assert written == ["alpha", "beta", "discovery", "index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_changing_a_next_link_rewrites_old_and_new_neighbours(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("toctree")
    build(make_app, srcdir)
    # Toctree order discovery, alpha, beta, live; now alpha jumps to live.
    edit(srcdir / "alpha.md", "```{phase} alpha\n", "```{phase} alpha\n:next: live\n")
    app, written = build(make_app, srcdir)
    assert written == ["alpha", "beta", "index", "live"]  # index: the toctree parent
    assert app.env.get_domain("phases").resolution.phases["alpha"].next == "live"
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_deleting_a_phase_page_rewrites_the_pages_that_showed_it(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("toctree")
    build(make_app, srcdir)
    (srcdir / "beta.md").unlink()
    edit(srcdir / "index.md", "beta\n", "")
    app, written = build(make_app, srcdir)
    # discovery too: its facts say "Phase 1 of 3" now.
    assert written == ["alpha", "discovery", "index", "live"]
    assert app.env.get_domain("phases").resolution.order == ("discovery", "alpha", "live")
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def test_incremental_build_reports_the_same_warnings(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("defect-unknown")
    first, _ = build(make_app, srcdir)
    second, written = build(make_app, srcdir)
    assert written == []
    assert warning_lines(second) == warning_lines(first) != []


def test_sequence_file_edit_alone_rewrites_the_affected_pages(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = copy_root("yaml")
    build(make_app, srcdir)
    edit(srcdir / "phases.yml", "  - live\n  - retirement\n", "  - retirement\n  - live\n")
    app, written = build(make_app, srcdir)
    # Sphinx adds the toctree parent (index) of every page it rewrites. Beta's page
    # leads on to its first sub-phase whatever follows it; public beta now leads on to
    # retirement.
    assert written == ["index", "live", "public-beta", "retirement"]
    assert app.env.get_domain("phases").resolution.order[-1] == "live"
    assert_same_as_clean(make_app, app, srcdir, tmp_path)


def _big_root(srcdir: Path, count: int) -> None:
    """Enough pages that Sphinx really reads and writes in parallel, with some defects."""
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_phases"]\n')
    names = [f"p{i:02d}" for i in range(count)]
    (srcdir / "index.md").write_text("# Manual\n\n```{toctree}\n" + "\n".join(names) + "\n```\n")
    for i, name in enumerate(names):
        options = f":next: {names[i + 1]}\n" if i % 3 == 0 and i + 1 < count else ""
        if i == 7:
            options += ":previous: p01\n"  # asymmetric
        if i == 11:
            options += ":status: unknown\n"  # option
        body = f"See {{phase}}`{names[(i + 5) % count]}`."
        (srcdir / f"{name}.md").write_text(
            f"# Phase {i}\n\n```{{phase}} {name}\n{options}\nSummary {i}.\n```\n\n{body}\n"
        )


def test_parallel_build_equals_serial(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    _big_root(srcdir, 40)
    serial, _ = build(make_app, srcdir, tmp_path / "serial")
    parallel, _ = build(make_app, srcdir, tmp_path / "parallel", parallel=2)
    assert parallel.parallel == 2
    assert parallel.is_parallel_allowed("read")
    assert parallel.is_parallel_allowed("write")
    assert warning_lines(parallel) == warning_lines(serial)
    assert len(warning_lines(serial)) == 2
    for docname in sorted(serial.env.found_docs):
        assert stable_pformat(parallel.env.get_doctree(docname)) == stable_pformat(
            serial.env.get_doctree(docname)
        )
    assert pages(parallel) == pages(serial)

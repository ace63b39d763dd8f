"""Fixtures for the hostile-input tests (helpers live in ``tests.hostile.helpers``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.hostile.helpers import HOSTILE_ROOTS, Build

collect_ignore = ["roots"]


@pytest.fixture
def hostile_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``tests/hostile/roots/NAME`` to a fresh source folder."""

    def copy(name: str) -> Path:
        target = tmp_path / "src"
        shutil.copytree(HOSTILE_ROOTS / name, target, symlinks=True)
        return target

    return copy


@pytest.fixture
def build(tmp_path: Path) -> Callable[..., Build]:
    def run(srcdir: Path, builder: str = "html") -> Build:
        return Build(srcdir, tmp_path / f"out-{builder}", builder)

    return run


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    from tests.hostile.helpers import FUZZ_STATS

    if FUZZ_STATS:
        total = sum(FUZZ_STATS.values())
        terminalreporter.write_line(f"hostile fuzz: {len(FUZZ_STATS)} cases, {total} examples run")
        for case, count in sorted(FUZZ_STATS.items()):
            terminalreporter.write_line(f"  {case}: {count}")

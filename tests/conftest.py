"""Shared fixtures: Sphinx's testing plugin, the roots folder and output normalisers."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test root to a fresh folder, for tests that edit or rebuild it."""

    def copy(name: str, dest: str = "src") -> Path:
        target = tmp_path / dest
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


def warning_lines(app: SphinxTestApp) -> list[str]:
    """The build's warnings, one per line, with paths relative to the source folder."""
    text = strip_colors(app.warning.getvalue())
    srcdir = str(app.srcdir).rstrip("/") + "/"
    return [line.replace(srcdir, "") for line in text.splitlines() if line.strip()]


def phase_warnings(app: SphinxTestApp) -> list[str]:
    return [line for line in warning_lines(app) if line.endswith("]") and "[phases." in line]


_BOOLEAN = re.compile(r'="(?:1|True)"')


def stable_pformat(tree: nodes.Node, srcdir: Path | str | None = None) -> str:
    """A doctree as text that does not vary by machine, Sphinx or docutils version."""
    text = tree.pformat()
    if srcdir is not None:
        text = text.replace(str(srcdir).rstrip("/") + "/", "")
    # Sphinx >= 7.1 adds translation progress; docutils >= 0.22 writes booleans as "1".
    text = re.sub(r' translation_progress="[^"]*"', "", text)
    return _BOOLEAN.sub('="True"', text)

"""Fixtures for the command-line tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from migration_checks import corpus_path, lost_words

from sphinx_phases.cli.report import Issue


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip (or, with PHASES_REQUIRE_CORPUS=1, fail) the corpus tests when it is missing.

    A test needs the corpus when it is marked ``corpus`` or uses the ``corpus`` fixture.
    This runs before the empty-parameter-set skip that pytest gives a test parametrized
    over no corpus pages, so that the reason shown is ours.
    """
    if item.get_closest_marker("corpus") or "corpus" in getattr(item, "fixturenames", ()):
        corpus_path()


@pytest.fixture(scope="session")
def corpus() -> Path:
    return corpus_path()


@pytest.fixture(scope="session")
def check_lost() -> Callable[[str, str, Iterable[Issue]], dict[str, int]]:
    return lost_words

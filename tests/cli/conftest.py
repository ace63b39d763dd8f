"""Fixtures for the command-line tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from migration_checks import corpus_path, lost_words

from sphinx_phases.cli.report import Issue


@pytest.fixture(scope="session")
def corpus() -> Path:
    return corpus_path()


@pytest.fixture(scope="session")
def check_lost() -> Callable[[str, str, Iterable[Issue]], dict[str, int]]:
    return lost_words

"""Helpers shared by the browser tests and their conftest: skips that are never silent."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REQUIRE = os.environ.get("PHASES_REQUIRE_BROWSER", "") not in ("", "0")
LOUD_SKIPS: list[str] = []


def loud_skip(reason: str) -> None:
    """Skip, unless CI requires the browser; either way print the reason where it is seen."""
    banner = f"\n!!! BROWSER TEST NOT RUN: {reason}\n"
    print(banner, flush=True)
    LOUD_SKIPS.append(reason)
    if REQUIRE:
        pytest.fail(f"PHASES_REQUIRE_BROWSER is set, so this is a failure: {reason}")
    pytest.skip(reason)


def tool_path(variable: str, how: str) -> Path:
    """A tool named by an environment variable, or a skip that says how to get it."""
    value = os.environ.get(variable)
    if not value:
        loud_skip(f"${variable} is not set; {how}")
    path = Path(value)  # type: ignore[arg-type]
    if not path.is_file():
        loud_skip(f"${variable}={value} is not a file; {how}")
    return path


def chromium_path() -> str:
    named = os.environ.get("CHROMIUM")
    candidates = [named] if named else []
    candidates += ["/usr/bin/chromium", "chromium", "chromium-browser"]
    for candidate in candidates:
        found = shutil.which(candidate) if candidate else None
        if found:
            return found
    loud_skip(
        "no Chromium found (looked at $CHROMIUM, /usr/bin/chromium, chromium, "
        "chromium-browser): run `apt-get install -y chromium`"
    )
    raise AssertionError  # unreachable: loud_skip raises

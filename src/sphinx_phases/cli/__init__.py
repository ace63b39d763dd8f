"""The ``sphinx-phases`` command line: ``migrate`` legacy pages, start a ``new`` phase page.

Importing this package is cheap: the commands (:mod:`sphinx_phases.cli.commands`) load
when they run, so the build can import a small pure module of it, such as
:mod:`sphinx_phases.core.placeholders`, without the whole command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    from sphinx_phases.cli.commands import main as run

    return run(argv)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, for the docs' command help."""
    from sphinx_phases.cli.commands import build_parser as build

    return build()

"""Helpers for the hostile-input tests: build a root as a user does and read back what it said."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from sphinx.cmd.build import build_main
from sphinx.util.console import strip_colors

HOSTILE_ROOTS = Path(__file__).parent / "roots"
SOURCE_SUFFIXES = (".md", ".rst")


def fuzz_examples(default: int) -> int:
    """How many hypothesis examples to run: ``FUZZ_EXAMPLES`` overrides *default*."""
    value = os.environ.get("FUZZ_EXAMPLES")
    return int(value) if value else default


class Build:
    """One ``sphinx-build`` run, in process, exactly as a user starts it (no ``-W`` unless
    *options* say so)."""

    def __init__(
        self, srcdir: Path, outdir: Path, builder: str = "html", options: tuple[str, ...] = ()
    ) -> None:
        self.srcdir = srcdir
        self.outdir = outdir
        warnfile = outdir.parent / f"warnings-{builder}.txt"
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            self.status = build_main(
                ["-q", *options, "-b", builder, "-w", str(warnfile), str(srcdir), str(outdir)]
            )
        self.stderr = stderr.getvalue()
        text = strip_colors(warnfile.read_text("utf8")) if warnfile.is_file() else ""
        prefix = str(srcdir).rstrip("/") + "/"
        self.warnings = [line.replace(prefix, "") for line in text.splitlines() if line.strip()]

    @property
    def phase_warnings(self) -> list[str]:
        return [w for w in self.warnings if "[phases." in w]

    def assert_finished(self) -> None:
        """Exit code 0 without -W, and no Python traceback anywhere."""
        assert "Traceback" not in self.stderr, self.stderr
        assert "Exception occurred" not in self.stderr, self.stderr
        assert self.status == 0, self.stderr

    def assert_every_page_rendered(self, suffix: str = ".html") -> None:
        pages = [
            p
            for p in self.srcdir.rglob("*")
            if p.suffix in SOURCE_SUFFIXES and not p.name.startswith("_")
        ]
        assert pages
        for page in pages:
            target = self.outdir / page.relative_to(self.srcdir).with_suffix(suffix)
            assert target.is_file(), target
            assert target.stat().st_size > 0, target


def build_each(src: Path, base: Path, builders: tuple[str, ...]) -> dict[str, Build]:
    """*src* built with each of *builders* into ``base/out-BUILDER``, each checked to have
    finished without a traceback."""
    result = {}
    for builder in builders:
        result[builder] = build = Build(src, base / f"out-{builder}", builder)
        build.assert_finished()
    return result


# Examples run per fuzz case, printed at the end of the session (see conftest.py).
FUZZ_STATS: dict[str, int] = {}


def count_example(case: str) -> None:
    FUZZ_STATS[case] = FUZZ_STATS.get(case, 0) + 1

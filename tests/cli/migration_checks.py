"""Shared checks for the command-line tests: the legacy corpus and 'no text was lost'."""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from sphinx_phases.cli.convert import Converted, convert_body
from sphinx_phases.cli.links import LinkContext
from sphinx_phases.cli.report import Issue

REPO = Path(__file__).resolve().parents[2]
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def corpus_path() -> Path:
    """The GSDM corpus; CI always has it, so a missing corpus fails rather than skips."""
    configured = os.environ.get("SPHINX_PHASES_CORPUS")
    path = Path(configured) if configured else REPO.parent / "shared" / "gsdm-corpus"
    if not (path / "history").is_dir():
        pytest.fail(f"legacy corpus not found at {path} (set SPHINX_PHASES_CORPUS)")
    return path


def corpus_pages() -> list[Path]:
    root = corpus_path()
    pages = [
        p
        for folder in (root, root / "history", root / "related")
        for p in sorted(folder.iterdir())
        if p.suffix in {".md", ".html"} and p.name != "README.md"
    ]
    assert len(pages) >= 40, pages
    return pages


def words(text: str) -> Counter[str]:
    """Lower-case words, CamelCase split, so that ``PublicBetaPhase`` counts as 3 words."""
    return Counter(w.lower() for w in re.findall(r"[A-Za-z0-9]+", _CAMEL.sub(" ", text)))


def prose_words(source: str) -> Counter[str]:
    """The words a reader sees: no link targets, tag attributes or kramdown attributes."""
    text = re.sub(r"\]\([^)\s]*\)", "] ", source)
    text = re.sub(r"<[^<>\n]*>", " ", text)
    text = re.sub(r"\{:[^{}\n]*\}", " ", text)
    return words(html.unescape(text))


def lost_words(source: str, output: str, issues: Iterable[Issue]) -> dict[str, int]:
    """Words of ``source`` found neither in ``output`` nor in the report texts, with counts."""
    kept = words(output) + words(" ".join(f"{i.text} {i.message}" for i in issues))
    return {w: n - kept[w] for w, n in prose_words(source).items() if kept[w] < n}


def convert(text: str, ids: Iterable[str] = (), own: str | None = "page", **kw: str) -> Converted:
    """Convert a body snippet with the given migrated phase ids (each at ID.md)."""
    ctx = LinkContext(
        pages={i: f"{i}.md" for i in ids}, phase_ids=frozenset(ids), base_url=kw.get("base_url")
    )
    return convert_body(text.split("\n"), 1, ctx, own)

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


REQUIRE_CORPUS = "PHASES_REQUIRE_CORPUS"


def corpus_location() -> Path:
    """Where the legacy corpus is looked for: $SPHINX_PHASES_CORPUS, else a sibling folder."""
    configured = os.environ.get("SPHINX_PHASES_CORPUS")
    return Path(configured) if configured else REPO.parent / "shared" / "gsdm-corpus"


def corpus_found() -> bool:
    return (corpus_location() / "history").is_dir()


def corpus_path() -> Path:
    """The legacy corpus, or a skip (a failure when PHASES_REQUIRE_CORPUS=1, as CI sets).

    Call it while a test sets up or runs, never at import time: it skips or fails the test.
    """
    path = corpus_location()
    if (path / "history").is_dir():
        return path
    reason = (
        f"legacy corpus not found at {path}; set SPHINX_PHASES_CORPUS, "
        f"or {REQUIRE_CORPUS}=1 to make this a failure"
    )
    if os.environ.get(REQUIRE_CORPUS) == "1":
        pytest.fail(f"{reason} ({REQUIRE_CORPUS}=1 is set)", pytrace=False)
    pytest.skip(reason)


def corpus_pages() -> list[Path]:
    """The corpus pages, for parametrizing at import time: empty when there is no corpus.

    Tests that use them carry ``@pytest.mark.corpus``, which skips (or fails) them then.
    """
    if not corpus_found():
        return []
    root = corpus_location()
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


def live_html(myst: str) -> list[str]:
    """What could run in the HTML a browser gets from *myst*: one line per finding.

    The HTML is found as MyST's parser (markdown-it-py) finds it: inline tags, HTML blocks,
    ``{raw}`` blocks, also inside other directives. It must hold no ``<script``, no
    element that runs or embeds code, no ``on*`` handler and no URL but a relative or
    http(s)/mailto/tel one (read after decoding entities and dropping what a browser skips).
    """
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    found: list[str] = []

    class Check(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in {"script", "style", "iframe", "object", "embed", "svg", "math", "form"}:
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on") or name in {"srcdoc", "formaction", "style"}:
                    found.append(f"{name}= on <{tag}>")
                url = re.sub(r"[\x00-\x20\x7f-\x9f]", "", html.unescape(value or "")).lower()
                if re.match(r"(javascript|vbscript|data):", url):
                    found.append(f"{name}={value!r} on <{tag}>")

    def check(piece: str) -> None:
        if "<script" in piece.lower():
            found.append(piece)
        parser = Check(convert_charrefs=True)
        parser.feed(piece)
        parser.close()

    def walk(text: str) -> None:
        for token in MarkdownIt("commonmark").parse(text):
            if token.type == "html_block":
                check(token.content)
            elif token.type == "inline":
                for child in token.children or []:
                    if child.type == "html_inline":
                        check(child.content)
            elif token.type == "fence" and token.info.startswith("{raw}"):
                check(token.content)
            elif token.type == "fence" and token.info.startswith("{"):
                walk(token.content)

    walk(myst)
    return found

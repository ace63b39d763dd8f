"""Over every legacy corpus page: no construct is dropped silently, and no gate is invented.

"Nothing is dropped silently" (docs/how-to/migrate.md) is checked construct by construct,
not only word by word: every attribute of every HTML element, every kramdown attribute
list and every front-matter field of a page must reach the migrated page (converted or
kept) or be named in the report.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import yaml

from sphinx_phases.cli import main

# Front-matter fields the migration maps onto the phase declaration (or its page title).
MAPPED_FIELDS = {"phase", "class", "title", "subtitle", "status"}
LIST_CLASSES = {"phase-activities", "phase-outputs"}
_IAL = re.compile(r"^ {0,3}\{:\s*(?P<body>[^{}]*)\}\s*$", re.M)


class _StartTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend((tag, name, value or "") for name, value in attrs)


def _pages(corpus: Path) -> list[Path]:
    return [
        page
        for folder in (corpus, corpus / "history", corpus / "related")
        for page in sorted(folder.iterdir())
        if page.suffix in {".md", ".html"} and page.name != "README.md"
    ]


def _migrate(page: Path, out: Path) -> tuple[str, list[dict[str, Any]]]:
    """The migrated page's text (all pages written, joined) and the report's issues."""
    report = out.with_suffix(".json")
    argv = ["migrate", str(page), "-o", str(out), "--base-url", "https://www.gov.uk"]
    assert main([*argv, "--report", str(report)]) == 0
    (entry,) = json.loads(report.read_text("utf-8"))["files"]
    texts = [p.read_text("utf-8") for p in sorted(out.glob("*.md"))]
    return "\n".join(texts), entry["issues"]


def _front_matter(source: str) -> tuple[dict[str, Any], str]:
    if source.startswith("---\n") and "\n---\n" in source[4:]:
        head, body = source[4:].split("\n---\n", 1)
        data = yaml.safe_load(head)
        return (data if isinstance(data, dict) else {}), body
    return {}, source


def unaccounted(source: str, output: str, issues: list[dict[str, Any]]) -> list[str]:
    """The constructs of *source* found neither in *output* nor in the report."""
    front, body = _front_matter(source)
    reported = "\n".join(f"{i['text']}\n{i['message']}" for i in issues)
    shown = f"{output}\n{reported}"
    missing = [f"field '{key}'" for key in front if key not in MAPPED_FIELDS
               and f"{key}:" not in reported]  # fmt: skip
    parser = _StartTags()
    parser.feed(body)
    attributes: Counter[str] = Counter()
    for tag, name, value in parser.found:
        if not value:
            continue
        if name in {"href", "src"}:
            stem = PurePosixPath(urlsplit(value).path).stem
            if value not in shown and f"{{pictogram}}`{stem}`" not in output:
                missing.append(f'<{tag} {name}="{value}">')
            continue
        tokens = set(value.split())
        if name == "class" and tokens <= LIST_CLASSES and "{phase-" in output:
            continue  # the list became a phase-outputs / phase-activities directive
        prefix = "pictogram-"
        if name == "class" and all(
            t.startswith(prefix) and f"`{t[len(prefix) :]}`" in output for t in tokens
        ):
            continue  # the item's pictogram became a {pictogram} role
        attributes[f'<{tag} {name}="{value}">'] += 1
    for tag_attribute, count in attributes.items():
        attribute = tag_attribute.split(" ", 1)[1].rstrip(">")
        if shown.count(attribute) < count:
            missing.append(f"{tag_attribute} x{count - shown.count(attribute)}")
    for match in _IAL.finditer(body):
        written = " ".join(match["body"].split())
        if f"{{{written}}}" not in output and f"{{:{match['body'].strip()}}}" not in shown:
            missing.append(match[0].strip())
    return missing


def test_no_corpus_construct_is_dropped_silently(corpus: Path, tmp_path: Path) -> None:
    failures: dict[str, list[str]] = {}
    for index, page in enumerate(_pages(corpus)):
        output, issues = _migrate(page, tmp_path / f"out{index}")
        missing = unaccounted(page.read_text("utf-8"), output, issues)
        if missing:
            failures[f"{page.parent.name}/{page.name}"] = missing
    assert failures == {}


def test_the_check_notices_a_silent_loss() -> None:
    source = (
        '---\ntitle: A\nodd: 1\n---\n<ul class="phase-activities">\n<li class="x">L</li>\n'
        "</ul>\n{:.intro}\nP"
    )
    assert unaccounted(source, "```{phase-outputs}\n- L\n```\nP", []) == [
        "field 'odd'",
        '<li class="x"> x1',
        "{:.intro}",
    ]


def test_prose_about_an_assessment_stays_prose_and_no_gate_is_invented(
    corpus: Path, tmp_path: Path
) -> None:
    """Legacy pages describe assessments and gates in prose; migrate writes no phase-gate."""
    pages = [p for p in _pages(corpus) if re.search(r"assessment", p.read_text("utf-8"), re.I)]
    assert len(pages) >= 3
    for index, page in enumerate(pages):
        output, _ = _migrate(page, tmp_path / f"out{index}")
        assert "phase-gate" not in output, page.name
        assert re.search(r"assessment", output, re.I), page.name  # still there, as prose

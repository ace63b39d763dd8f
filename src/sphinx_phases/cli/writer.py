"""Render migrated pages, conf.py and index.md, and write them without clobbering anything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from sphinx_phases.cli.ids import STANDARD_ORDER


@dataclass
class PagePlan:
    """A page the run will write."""

    name: str  # output file name, "live.md"
    title: str
    text: str = ""
    phase: dict[str, str] | None = None
    previous: str | None = None
    next: str | None = None


def front_matter(phase: dict[str, str]) -> str:
    """The ``phase:`` mapping of SPEC section 2, keys in the order the spec lists them."""
    dumped = yaml.safe_dump(
        {"phase": phase}, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000
    )
    return f"---\n{dumped}---\n"


def page_text(title: str, body: str, phase: dict[str, str] | None) -> str:
    head = front_matter(phase) + "\n" if phase else ""
    heading = " ".join(title.split())
    return f"{head}# {heading}\n" + (f"\n{body}" if body else "")


def conf_py(*, attributes: bool) -> str:
    lines = [
        '"""Sphinx configuration written by `sphinx-phases migrate`."""',
        "",
        'project = "Service manual"',
        'extensions = ["myst_parser", "sphinx_phases"]',
    ]
    if attributes:
        lines.append('myst_enable_extensions = ["attrs_block"]  # for {.intro} lead paragraphs')
    lines.append('exclude_patterns = ["_build"]')
    return "\n".join(lines) + "\n"


def sequence_order(pages: list[PagePlan]) -> list[PagePlan]:
    """Phase pages in sequence order (previous/next links), then the other pages as given.

    Ties (several starts, or no links at all) follow the standard phase order, then the
    order of the sources; a cycle cannot hide a page, it only loses its place.
    """
    phases = {p.phase["id"]: p for p in pages if p.phase}
    after: dict[str, set[str]] = {ident: set() for ident in phases}
    for ident, page in phases.items():
        if page.previous in phases:
            after[page.previous].add(ident)
        if page.next in phases:
            after[ident].add(page.next)
    waiting = {ident: 0 for ident in phases}
    for targets in after.values():
        for target in targets:
            waiting[target] += 1
    position = {ident: index for index, ident in enumerate(phases)}

    def rank(ident: str) -> tuple[int, int]:
        standard = STANDARD_ORDER.index(ident) if ident in STANDARD_ORDER else len(STANDARD_ORDER)
        return (standard, position[ident])

    ordered: list[str] = []
    while len(ordered) < len(phases):
        ready = [i for i, n in waiting.items() if n == 0 and i not in ordered]
        if not ready:  # a cycle: take the best-ranked page still waiting
            ready = [i for i in phases if i not in ordered]
        best = min(ready, key=rank)
        ordered.append(best)
        waiting[best] = -1
        for target in after[best]:
            waiting[target] -= 1
    return [phases[i] for i in ordered] + [p for p in pages if not p.phase]


def index_md(title: str, body: str, pages: list[PagePlan]) -> str:
    entries = "\n".join(p.name.removesuffix(".md") for p in sequence_order(pages))
    toctree = f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n"
    return page_text(title, (body + "\n" if body else "") + toctree, None)


def phase_mapping(ident: str, fields: dict[str, Any]) -> dict[str, str]:
    """The ``phase:`` mapping with keys in SPEC order and empty values left out."""
    order = ("title", "subtitle", "previous", "next", "parent", "status", "summary")
    mapping = {"id": ident}
    for key in order:
        value = fields.get(key)
        if value:
            mapping[key] = str(value)
    for key, value in fields.items():
        if key not in mapping and key not in order and value:
            mapping[key] = str(value)
    return mapping

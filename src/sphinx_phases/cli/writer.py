"""Render migrated pages, conf.py and index.md, and write them without clobbering anything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from sphinx_phases.cli.ids import STANDARD_ORDER
from sphinx_phases.model import PhaseDecl, parse_declaration
from sphinx_phases.sequence import resolve


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
    """The ``phase:`` front matter of docs/reference/declaring.md, keys in its order."""
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
    """Phase pages in the core's reading order, then the other pages as given.

    The order is :func:`sphinx_phases.sequence.resolve`'s, the one the build navigates by
    (explicit previous/next links first, then the toctree). The toctree it is given
    ranks the standard phases first, in their usual order, then the other phases in the
    order of the sources: that breaks ties where links leave the order open.
    """
    decls: list[PhaseDecl] = []
    for page in pages:
        if page.phase:
            decl, _problems = parse_declaration(  # the build reports the problems, located
                page.phase, docname=_docname(page), line=1, page_title=page.title
            )
            if decl is not None:
                decls.append(decl)

    def rank(index: int) -> tuple[int, int]:
        ident = decls[index].id
        standard = STANDARD_ORDER.index(ident) if ident in STANDARD_ORDER else len(STANDARD_ORDER)
        return (standard, index)

    toc = [decls[i].docname for i in sorted(range(len(decls)), key=rank)]
    resolution = resolve(decls, None, toc)
    by_docname = {_docname(p): p for p in pages if p.phase}
    ordered = [by_docname[resolution.decls[i].docname] for i in resolution.flat]
    # Whatever the resolver leaves out (a page whose declaration it refused) keeps a place.
    ordered += [p for p in pages if p.phase and p not in ordered]
    return ordered + [p for p in pages if not p.phase]


def _docname(page: PagePlan) -> str:
    return page.name.removesuffix(".md")


def index_md(title: str, body: str, pages: list[PagePlan]) -> str:
    entries = "\n".join(_docname(p) for p in sequence_order(pages))
    toctree = f"```{{toctree}}\n:maxdepth: 1\n\n{entries}\n```\n"
    return page_text(title, (body + "\n" if body else "") + toctree, None)


def phase_mapping(ident: str, fields: dict[str, Any]) -> dict[str, str]:
    """The ``phase:`` mapping with keys in the documented order, empty values left out."""
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

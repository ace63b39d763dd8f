"""Render migrated pages, conf.py and index.md, and write them without clobbering anything.

Writing (docs/how-to/migrate.md): a file is created, or, where the caller allows it,
replaced, but only ever as a regular file at its own name. A symbolic link in its place
is refused, even with ``--force``, whether it dangles or not, so nothing is written
through it to wherever it points; so is anything that is not a regular file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sphinx_phases.cli.ids import STANDARD_ORDER
from sphinx_phases.core.model import PhaseDecl, parse_declaration
from sphinx_phases.core.sequence.resolve import resolve


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

    The order is :func:`sphinx_phases.core.sequence.resolve.resolve`'s, the one the build
    navigates by (explicit previous/next links first, then the toctree). The toctree it is given
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


def refusal(path: Path, *, replace: bool) -> str | None:
    """Why *path* may not be written (None when it may): ``"PATH is ...; not written"``."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{path} cannot be checked ({exc.strerror or exc}); not written"
    if stat.S_ISLNK(mode):
        return f"{path} is a symbolic link; not written, even with --force (remove the link)"
    if not stat.S_ISREG(mode):
        return f"{path} exists and is not a regular file; not written"
    if not replace:
        return f"{path} exists; not overwritten (use --force)"
    return None


def write_file(path: Path | str, text: str, *, replace: bool, folder: int | None = None) -> None:
    """Write *text* to *path* (a name in the open folder *folder*, when given).

    The file is created, or with *replace* truncated and rewritten, but never opened
    through a symbolic link (``O_NOFOLLOW``; a new file is ``O_EXCL``, which follows no
    link either) and never written unless it is a regular file. Raises ``OSError``.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOFOLLOW", 0) | (os.O_TRUNC if replace else os.O_EXCL)
    descriptor = os.open(path, flags, 0o666, dir_fd=folder)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path} is not a regular file")
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(descriptor, data) :]
    finally:
        os.close(descriptor)


def append_to(path: Path, text: str) -> None:
    """Add *text* at the end of the regular file *path*, never through a symbolic link
    (``O_NOFOLLOW``). Raises ``OSError``."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path} is not a regular file")
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(descriptor, data) :]
    finally:
        os.close(descriptor)


def write_into(folder: Path, files: dict[str, str], replace: set[str]) -> None:
    """Write each ``name: text`` of *files* into *folder* (made if missing).

    The names are plain file names, opened relative to the folder opened once, so every
    file lands in that folder whatever its path does meanwhile; only the names in
    *replace* may be existing files. Raises ``OSError``; files already written stay.
    """
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for name, text in files.items():
            if os.sep in name or name in {"", ".", ".."}:
                raise OSError(f"{name!r} is not a plain file name")
            write_file(name, text, replace=name in replace, folder=handle)
    finally:
        os.close(handle)

"""``sphinx-phases new``: a fresh draft phase page with the project's questions.

The page declares its phase the way docs/tutorial.md teaches, with the ``phase``
directive whose body is the summary (``--front-matter`` gives the front-matter form of
docs/reference/declaring.md instead), then one ``phase-question`` per question of the
project (docs/reference/questions.md). Every answer still to write is a sentence of
:data:`sphinx_phases.core.placeholders.PLACEHOLDER_TEXT`, which the build recognises.
"""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path

from sphinx_phases.cli.project import Project
from sphinx_phases.cli.writer import page_text, phase_mapping
from sphinx_phases.core.placeholders import SUMMARY_PLACEHOLDER, placeholder_for
from sphinx_phases.core.sequence.spec import SequenceSpec


@dc.dataclass(frozen=True)
class NewPage:
    """What the new page declares; the ids were checked by the caller."""

    ident: str
    title: str | None = None  # None: the id as written
    previous: str | None = None
    next: str | None = None
    front_matter: bool = False

    @property
    def display_title(self) -> str:
        # Never guessed from the id ('kdp-a' is not 'Kdp a'): --title, or the id itself.
        return " ".join(self.title.split()) if self.title else self.ident


def new_page(page: NewPage, project: Project) -> str:
    """The text of the new draft phase page."""
    title = page.display_title
    questions = "\n".join(
        f"```{{phase-question}} {key}\n{placeholder_for(key)}\n```\n" for key in project.questions
    )
    if page.front_matter:
        fields = {
            "title": title,
            "previous": page.previous,
            "next": page.next,
            "status": "draft",
            "summary": SUMMARY_PLACEHOLDER,
        }
        return page_text(title, questions, phase_mapping(page.ident, fields))
    options = [("previous", page.previous), ("next", page.next), ("status", "draft")]
    # The directive's title defaults to the page title, so it is not repeated.
    declaration = (
        f"```{{phase}} {page.ident}\n"
        + "".join(f":{name}: {value}\n" for name, value in options if value)
        + f"\n{SUMMARY_PLACEHOLDER}\n```\n"
    )
    return page_text(title, declaration + "\n" + questions, None)


def advice(page: NewPage, project: Project) -> list[str]:
    """What the author should know about the new page in this project, one line each."""
    lines: list[str] = []
    if page.title is None:
        lines.append(f"title: {page.ident!r}, the id as written (give --title to change it)")
    if project.conf is not None:
        lines.append(f"questions from {project.conf}: {', '.join(project.questions)}")
    parent = None
    if project.sequence is not None:
        parent, sequence_lines = _sequence_advice(page, project.sequence)
        lines.extend(sequence_lines)
    if project.required:
        keys = ", ".join(project.required)
        if parent is None:
            lines.append(f"required questions (the build warns until they are answered): {keys}")
        else:
            lines.append(f"a sub-phase of '{parent}' need not answer the required questions")
    return lines


def _sequence_advice(page: NewPage, spec: SequenceSpec) -> tuple[str | None, list[str]]:
    """The page's parent in the configured sequence, and what to do about the sequence."""
    where = spec.path
    item = next((i for i in spec.items if i.id == page.ident), None)
    if item is None:
        after = f" (after '{page.previous}')" if page.previous else ""
        return None, [f"'{page.ident}' is not in the sequence in {where}: add it there{after}"]
    siblings = [i.id for i in spec.items if i.parent == item.parent]
    index = siblings.index(page.ident)
    known = {
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
    }
    lines = []
    for name, given in (("previous", page.previous), ("next", page.next)):
        if given is not None and given != known[name]:
            expected = f"'{known[name]}'" if known[name] else "none"
            lines.append(
                f"--{name} '{given}' disagrees with the sequence in {where} (it has "
                f"{expected}): the build will report it"
            )
    if page.previous is None and page.next is None:
        lines.append(f"previous and next come from the sequence in {where}")
    return item.parent, lines


def write_new(directory: Path, ident: str, text: str) -> Path:
    """Create ``directory/ident.md``; raises FileExistsError rather than overwrite."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{ident}.md"
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target

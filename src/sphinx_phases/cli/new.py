"""``sphinx-phases new``: a fresh phase page with the standard questions (SPEC section 10)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sphinx_phases.cli.ids import humanize
from sphinx_phases.cli.writer import page_text, phase_mapping

#: The keys of the default ``phases_questions``, in the order a page answers them.
QUESTIONS: Final = ("objective", "contents", "duration", "team", "outputs")
_PLACEHOLDER: Final = {
    "objective": "Say what this phase sets out to achieve.",
    "contents": "Say what the work of this phase includes.",
    "duration": "Say how long this phase usually takes.",
    "team": "List the roles this phase needs.",
    "outputs": "List what this phase produces.",
}


def new_page(ident: str, title: str | None, previous: str | None, following: str | None) -> str:
    """The text of a new draft phase page; the ids were checked by the caller."""
    title = " ".join((title or humanize(ident)).split())
    fields = {"title": title, "previous": previous, "next": following, "status": "draft"}
    body = "\n".join(
        f"```{{phase-question}} {key}\n{_PLACEHOLDER[key]}\n```\n" for key in QUESTIONS
    )
    return page_text(title, body, phase_mapping(ident, fields))


def write_new(directory: Path, ident: str, text: str) -> Path:
    """Create ``directory/ident.md``; raises FileExistsError rather than overwrite."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{ident}.md"
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return target

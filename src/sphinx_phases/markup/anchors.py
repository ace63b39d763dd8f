"""The extension's anchors win on their page: a heading or label with the same id moves.

A phase (``phase-ID``), a gate (``gate-ID``, and ``gate-ID-title`` on its title) and a
standard's listing (``standard-ID``, ``standard-ID-POINT`` on its points) have ids that
links, ``objects.inv`` and the general index point to. A heading (``## Gate: Alpha
assessment``) or a label (``(gate-alpha-assessment)=``) can ask for the same id on the same
page. Whichever comes first in the page, the extension's element keeps the id and the other
gets a fresh one, the way docutils renames an id already taken (``id1``); a label's links
follow its new id. A heading loses nothing a reader sees; a label loses the id its author
wrote, which other pages may spell out, so that is reported, once, where the label is
written (docs/reference/warnings.md, "Anchors").
"""

from __future__ import annotations

import dataclasses as dc
import os
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import get_source_line

from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.problems import PhaseWarning, Problem

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

__all__ = [
    "Owner",
    "claim",
    "free_prefix",
    "is_claimed",
    "note_owner",
    "settle",
    "top_heading_holds",
    "written_at",
]

_CLAIMED = "phases_anchors"  # anchor -> Owner, for the page being read
_PREFIXES = "phases_anchor_prefixes"  # prefix -> Owner: a standard's listing
_MOVED = "phases_anchors_moved"  # anchor -> the element that had it


@dc.dataclass(frozen=True)
class Owner:
    """What an anchor belongs to, for a message: ``gate 'ag'``, and where it is written
    (*line* of the page, or of the file it includes, *path*)."""

    kind: str  # phase, gate, listing
    what: str
    line: int | None
    path: str | None = None

    def written(self) -> str:
        where = f"line {self.line}" if self.line else "this page"
        if self.path:
            where = f"{os.path.basename(self.path)}, {where}"
        return f"{self.what} ({where})"


def claim(
    env: BuildEnvironment,
    document: nodes.document,
    node: nodes.Element,
    anchor: str,
    owner: Owner,
) -> bool:
    """Give *node* the id *anchor*, taking it from any other element of the page; False
    when *owner* has it already (a phase declared twice on its page)."""
    if is_claimed(env, anchor, owner):
        return False
    holder = document.ids.get(anchor)
    document.ids[anchor] = node  # first, so that the holder's new id is another
    if holder is not None and holder is not node:
        _move(env, document, holder, anchor)
    if anchor not in node["ids"]:
        node["ids"].append(anchor)
    note_owner(env, anchor, owner)
    return True


def is_claimed(env: BuildEnvironment, anchor: str, owner: Owner) -> bool:
    """Whether *anchor* is given to *owner* (the same phase or gate, declared before) on
    the page being read. Another owner takes it: gate ``a``'s title has ``gate-a-title``
    until gate ``a-title`` is declared."""
    found: Owner | None = (env.current_document.get(_CLAIMED) or {}).get(anchor)
    return found is not None and found.what == owner.what


def note_owner(env: BuildEnvironment, anchor: str, owner: Owner) -> None:
    """*anchor* belongs to *owner* on the page being read (whatever element holds it)."""
    _temp(env, _CLAIMED)[anchor] = owner


def top_heading_holds(document: nodes.document, anchor: str) -> bool:
    """Whether the page's first heading has *anchor* as its own id (``# Phase: Beta`` for
    phase ``beta``), where a phase's anchor goes anyway."""
    holder = document.ids.get(anchor)
    return (
        isinstance(holder, nodes.section)
        and holder is document.next_node(nodes.section)
        and not any(document.nametypes.get(name) for name in holder["names"])
    )


def free_prefix(
    env: BuildEnvironment,
    document: nodes.document,
    prefix: str,
    owner: Owner,
    placeholder: nodes.Element,
) -> None:
    """Keep every id that is *prefix*, or begins with *prefix* and ``-``, for
    *placeholder*, which becomes a standard's listing when the page is written: its points
    are read for each build, after the page, so any id of the kind may become one. An
    element of the page with such an id moves to another; a MyST heading slug of the kind
    is not added as an id."""
    taken = [key for key in document.ids if key == prefix or key.startswith(f"{prefix}-")]
    slugs: dict[str, Any] = getattr(document, "myst_slugs", None) or {}
    taken += [key for key in slugs if key == prefix or key.startswith(f"{prefix}-")]
    for anchor in taken:
        holder = document.ids.get(anchor)
        document.ids[anchor] = placeholder
        if holder is not None and holder is not placeholder:
            _move(env, document, holder, anchor)
    _temp(env, _PREFIXES)[prefix] = owner


def settle(env: BuildEnvironment, document: nodes.document) -> list[Problem]:
    """Once the page is read: point MyST's heading slugs at the ids their headings now
    have, and return a problem for each label that does not have the id it asks for
    because an anchor of the extension has it."""
    moved: dict[str, nodes.Element] = env.current_document.get(_MOVED) or {}
    slugs: dict[str, Any] = (getattr(document, "myst_slugs", None) or {}) if moved else {}
    for slug, entry in list(slugs.items()):  # slug -> (line, id, title)
        holder = moved.get(entry[1]) if isinstance(entry, tuple) and len(entry) == 3 else None
        if holder is not None and holder["ids"]:  # the same dict as the env's metadata
            slugs[slug] = (entry[0], holder["ids"][0], entry[2])
    claimed: dict[str, Owner] = env.current_document.get(_CLAIMED) or {}
    prefixes: dict[str, Owner] = env.current_document.get(_PREFIXES) or {}
    if not claimed and not prefixes:
        return []
    problems: list[Problem] = []
    for name, explicit in document.nametypes.items():
        wanted = nodes.make_id(name)
        given = document.nameids.get(name)
        if not explicit or not given or given == wanted:
            continue
        owner = claimed.get(wanted)
        prefix = next((p for p in prefixes if wanted == p or wanted.startswith(f"{p}-")), "")
        holder = document.ids.get(given)
        if (owner is None and not prefix) or (
            isinstance(holder, nodes.target) and "refuri" in holder
        ):
            continue  # not the extension's; or an external link's name, whose id is unused
        if owner is not None:
            message = (
                f"label {excerpt(name)} asks for the id '{wanted}', which is an anchor of "
                f"{owner.written()}; the {owner.kind} keeps it, and the label's links lead "
                f"to '{given}' instead; expected another label"
            )
        else:
            message = (
                f"label {excerpt(name)} asks for the id '{wanted}', but the ids '{prefix}' "
                f"and '{prefix}-...' are kept for {prefixes[prefix].written()} and its "
                f"points; the label's links lead to '{given}' instead; expected a label "
                f"that does not begin with '{prefix}'"
            )
        line, path = _label_written(env, document, (given, wanted), holder)
        problems.append(Problem(PhaseWarning.DUPLICATE, message, line, path=path))
    return problems


def _move(
    env: BuildEnvironment, document: nodes.document, holder: nodes.Element, anchor: str
) -> None:
    """Give *holder* another id in place of *anchor*, as docutils names an element whose
    id is taken (*anchor* is registered to another element by now), and point the names
    that led to *anchor* at it."""
    if anchor not in holder["ids"]:
        return
    holder["ids"].remove(anchor)
    fresh = holder["ids"][0] if holder["ids"] else document.set_id(holder)
    for name, given in list(document.nameids.items()):
        if given == anchor:
            document.nameids[name] = fresh
    _temp(env, _MOVED)[anchor] = holder


def _label_written(
    env: BuildEnvironment,
    document: nodes.document,
    ids: tuple[str, ...],
    holder: nodes.Element | None,
) -> tuple[int | None, str | None]:
    """Where the label with one of *ids* (the one it has, the one it asked for) is
    written: its target, which docutils empties when it moves the id on to the element
    after it."""
    found = document.findall(
        lambda n: (
            isinstance(n, nodes.target)
            and (n.get("refid") in ids or any(i in n["ids"] for i in ids))
        )
    )
    node = next(iter(found), None) or holder
    return written_at(env, node) if node is not None else (None, None)


def written_at(env: BuildEnvironment, node: nodes.Node) -> tuple[int | None, str | None]:
    """The line *node* is written at, and the file its page includes that holds it (None
    for the page itself)."""
    source, line = get_source_line(node)
    page = os.path.abspath(env.doc2path(env.docname))
    path = os.path.abspath(source) if source and os.path.abspath(source) != page else None
    return line, path


def _temp(env: BuildEnvironment, key: str) -> dict[str, Any]:
    found: dict[str, Any] = env.current_document.setdefault(key, {})  # type: ignore[assignment]
    return found

"""``phases.json``: every phase and the resolved order, for other tools to read.

Written by the html, dirhtml and singlehtml builders (not epub, whose package is a book,
not a site), with sorted keys so that the file diffs cleanly between builds, and with
``<``, ``>`` and ``&`` escaped so that it can be embedded in a page as it is.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from sphinx.util import docname_join
from sphinx.util.nodes import clean_astext

from sphinx_phases.core.config import get_config
from sphinx_phases.core.gates import gate_anchor
from sphinx_phases.locale import speak
from sphinx_phases.sphinx_ext.content import gc_paused, plain_text, words_reader
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.lifecycles import current_profile, lifecycles

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.core.catalog import GateEntry, PhaseEntry
    from sphinx_phases.core.model import Item
    from sphinx_phases.core.standards import Standard
    from sphinx_phases.sphinx_ext.domain import Cycle

FORMAT_VERSION = 1  # one life cycle
LIFECYCLES_VERSION = 2  # a list of life cycles (docs/reference/lifecycles.md)
SCHEMA = Path(__file__).with_name("phases.schema.json")
BUILDERS = ("html", "dirhtml", "singlehtml")


def _reference_text(
    env: BuildEnvironment, titles: Mapping[str, str], docname: str
) -> Callable[[pending_xref], str | None]:
    """The text a reference on *docname*'s page shows: a phase's title, a document's."""

    def text(xref: pending_xref) -> str | None:
        target = xref.get("reftarget", "")
        if xref.get("refexplicit"):
            return None
        if xref.get("refdomain") == "phases":
            return titles.get(target, target)
        if xref.get("refdomain") == "std" and xref.get("reftype") == "doc":
            title = env.titles.get(docname_join(docname, target))
            return clean_astext(title) if title is not None else None
        return None

    return text


def export_data(app: Sphinx) -> dict[str, Any]:
    """What phases.json holds (docs/reference/export.md): one life cycle's phases, gates,
    stages and standards, or with ``phases_lifecycles`` a list of them."""
    domain = phases_domain(app.env)
    found = lifecycles()
    head = {"language": app.config.language or "en"}
    if not found.configured:
        return {"version": FORMAT_VERSION, **head, **_lifecycle_data(app, domain.main)}
    shown = []
    for cycle in sorted(found.cycles, key=lambda c: c.name):
        speak(cycle.name)
        data = _lifecycle_data(app, domain.cycles[cycle.name])
        shown.append({"name": cycle.name, "root": cycle.root + "/", **data})
    speak(None)
    return {"version": LIFECYCLES_VERSION, **head, "lifecycles": shown}


def _lifecycle_data(app: Sphinx, cycle: Cycle) -> dict[str, Any]:
    catalog: dict[str, PhaseEntry] = cycle.catalog
    words = words_reader(app.env, app.builder)
    titles = {phase_id: decl.title for phase_id, decl in cycle.resolution.decls.items()}
    base = app.config.html_baseurl
    phases = []
    for entry in catalog.values():
        shown = _reference_text(app.env, titles, entry.docname)
        summary = plain_text(words.summary(entry.docname, entry.id), shown)
        url = app.builder.get_target_uri(entry.docname)
        if base:
            url = urljoin(base.rstrip("/") + "/", url)
        phases.append(
            {
                "id": entry.id,
                "title": entry.title,
                "subtitle": entry.subtitle,
                "url": url,
                "docname": entry.docname,
                "status": entry.status,
                "parent": entry.parent,
                "children": list(entry.children),
                "previous": entry.previous,
                "next": entry.next,
                "loops": list(entry.loops_to),
                "pictogram": entry.pictogram,
                "summary": summary or None,
                "duration": entry.duration,
                "team": entry.team,
                "activities": _items(words.items(entry.pages, entry.id, "activities")),
                "outputs": _items(words.items(entry.pages, entry.id, "outputs")),
                "questions": list(entry.questions),
                "stage": entry.stage,
                "gate_before": entry.gate_before,
                "gate_after": entry.gate_after,
                "gates_after": list(entry.gates_after),
            }
        )
    resolution = cycle.resolution
    return {
        "order": list(resolution.order),
        "reading": list(resolution.flat),
        "phases": phases,
        "gates": [_gate(app, gate, base) for gate in cycle.gate_entries.values()],
        "stages": [
            {"id": stage.id, "title": stage.title, "phases": list(stage.phases)}
            for stage in cycle.stages.stages.values()
        ],
        "standards": [_standard(standard) for standard in cycle.standards.values()],
    }


def _gate(app: Sphinx, gate: GateEntry, base: str | None) -> dict[str, Any]:
    url = app.builder.get_target_uri(gate.docname) + "#" + gate_anchor(gate.id)
    if base:
        url = urljoin(base.rstrip("/") + "/", url)
    kinds = current_profile().criteria
    default_kind = kinds[0].id if kinds else "criteria"
    return {
        "id": gate.id,
        "title": gate.title,
        "url": url,
        "docname": gate.docname,
        "after": gate.after,
        "before": gate.before,
        "authority": gate.authority,
        "points": [f"{standard}:{point}" for standard, point in gate.points],
        "criteria": [
            {"text": c.text, "points": list(c.cites), "kind": c.kind or default_kind}
            for c in gate.criteria
        ],
        "decisions": list(gate.decisions or _default_decisions()),
        "outcome": gate.outcome,
        "outcome_means": _means(gate.outcome),
        "returns_to": gate.returns_to or gate.after,
        "date": gate.date,
        "ratings": dict(gate.ratings),
    }


def _default_decisions() -> list[str]:
    """What a gate without ``:decisions:`` can decide: every decision but the pending ones
    (docs/reference/gates.md)."""
    return [d.id for d in current_profile().decisions if d.means != "pending"]


def _means(outcome: str | None) -> str | None:
    found = current_profile().decision(outcome) if outcome else None
    return found.means if found is not None else None


def _standard(standard: Standard) -> dict[str, Any]:
    points = [
        {"id": p.id, "title": p.title, "section": p.section, "url": p.url} for p in standard.points
    ]
    return {"id": standard.id, "title": standard.title, "url": standard.url, "points": points}


def _items(items: tuple[Item, ...]) -> list[dict[str, str | None]]:
    return [{"label": item.label, "pictogram": item.pictogram} for item in items]


def dumps(data: dict[str, Any]) -> str:
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def write_json(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: write phases.json if there is a phase and its content changed.

    A site pays only for what it uses: without a phase (or with ``phases_json = False``,
    docs/reference/export.md) there is no file, and the one an earlier build wrote goes,
    so that an incremental build leaves what a clean one does.
    """
    if exception is not None or app.builder.name not in BUILDERS:
        return
    target = Path(app.outdir, "phases.json")
    if _from_project(app):
        return  # the project's own phases.json, copied by Sphinx: left alone
    domain = phases_domain(app.env)
    if not get_config(app.config).json or not any(
        cycle.resolution.decls for cycle in domain.cycles.values()
    ):
        target.unlink(missing_ok=True)
        return
    # The file follows from the catalogues (which hold a digest of every phase's words)
    # and what decides its URLs and words: when none changed, the phase pages need not be
    # read again. One stamp per output folder: two builds may share the doctrees.
    shown = [
        (name, cycle.catalog, cycle.gate_entries, cycle.stages, cycle.standards)
        for name, cycle in sorted(domain.cycles.items())
    ]
    decides = (
        app.builder.name,
        app.config.html_baseurl,
        app.config.language,
        app.config.html_file_suffix,
        sorted(app.tags),
    )
    digest = hashlib.sha256(repr((shown, decides)).encode()).hexdigest()
    output = hashlib.sha256(str(Path(app.outdir).resolve()).encode()).hexdigest()[:16]
    stamp = Path(app.doctreedir, f"phases-json-{output}.digest")
    if target.is_file() and stamp.is_file() and stamp.read_text("utf8") == digest:
        return
    with gc_paused():  # every phase's words, read at once
        text = dumps(export_data(app))
    if not target.is_file() or target.read_text("utf8") != text:
        target.write_text(text, "utf8")
    stamp.write_text(digest, "utf8")


def _from_project(app: Sphinx) -> bool:
    """Whether the project ships a phases.json of its own, which Sphinx copies: an
    ``html_extra_path`` folder holding one, or the file itself."""
    for extra in app.config.html_extra_path:
        path = Path(app.confdir, extra)
        if (path / "phases.json").is_file() or (path.name == "phases.json" and path.is_file()):
            return True
    return False

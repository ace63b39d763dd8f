"""The ``phases`` domain: each page's raw declaration, and references to phases."""

from __future__ import annotations

import dataclasses as dc
import weakref
from collections.abc import Iterable, Iterator, Mapping, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType

from sphinx_phases.core.catalog import GateEntry, PhaseEntry
from sphinx_phases.core.config import translatable
from sphinx_phases.core.gates import GateDecl, Gates, gate_anchor
from sphinx_phases.core.model import PhaseDecl, anchor_id
from sphinx_phases.core.pictograms import Registry
from sphinx_phases.core.problems import Problem
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.stages import Stages
from sphinx_phases.core.standards import Standard
from sphinx_phases.core.views import PageView, Targets, ref_view
from sphinx_phases.locale import _, label, project_words
from sphinx_phases.render.links import phase_reference
from sphinx_phases.sphinx_ext.lifecycles import lifecycles
from sphinx_phases.sphinx_ext.words_file import WORDS_DIR

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.sphinx_ext.content import ContentReader


def phases_domain(env: BuildEnvironment) -> PhasesDomain:
    """The ``phases`` domain of *env*."""
    return cast("PhasesDomain", env.get_domain("phases"))


# env -> the builder writing its documents. Sphinx 9 deprecates ``env.app`` and a
# transform's ``app`` with no replacement, so the builder is noted when it starts.
_BUILDERS: weakref.WeakKeyDictionary[BuildEnvironment, Builder] = weakref.WeakKeyDictionary()


def remember_builder(app: Sphinx) -> None:
    """``builder-inited``: note which builder writes ``app.env``'s documents."""
    _BUILDERS[app.env] = app.builder


def current_builder(env: BuildEnvironment) -> Builder:
    """The builder writing *env*'s documents."""
    return _BUILDERS[env]


class PhaseIndex(Index):
    """The "Phase index": every phase and gate by title, with its id, and a phase's
    status or the word "gate"; grouped by life cycle where there are several
    (docs/reference/lifecycles.md), else by first letter."""

    name = "index"
    localname = label("Phase index")
    shortname = label("phases")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast(PhasesDomain, self.domain)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, list[IndexEntry]] = {}
        for name, cycle in sorted(domain.cycles.items()):
            resolution = cycle.resolution
            prefix = f"{name}:" if name else ""
            # (title, id, page, anchor, status; None for a gate)
            entries: list[tuple[str, str, str, str, str | None]] = [
                (decl.title, decl.id, decl.docname, anchor_id(decl.id), decl.status)
                for decl in (resolution.decls[p] for p in resolution.phases)
            ]
            entries += [
                (gate.decl.title, gate_id, gate.decl.docname, gate_anchor(gate_id), None)
                for gate_id, gate in cycle.gates.gates.items()
            ]
            for title, object_id, docname, anchor, status in sorted(
                entries, key=lambda e: (e[0].lower(), e[1])
            ):
                if wanted is not None and docname not in wanted:
                    continue
                group = name or title[:1].upper() or object_id[:1].upper()
                extra = _("gate") if status is None else status if status != "published" else ""
                groups.setdefault(group, []).append(
                    IndexEntry(title, 0, docname, anchor, extra, "", prefix + object_id)
                )
        return sorted(groups.items()), False


class PhaseSequenceIndex(Index):
    """The "Phase sequence": every phase in reading order, sub-phases under their parent;
    one group per life cycle."""

    name = "sequence"
    localname = label("Phase sequence")
    shortname = label("sequence")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = cast(PhasesDomain, self.domain)
        wanted = set(docnames) if docnames is not None else None
        groups: list[tuple[str, list[IndexEntry]]] = []
        for name, cycle in sorted(domain.cycles.items()):
            resolution = cycle.resolution
            entries: list[IndexEntry] = []
            for phase_id in resolution.flat:
                decl = resolution.decls[phase_id]
                if wanted is not None and decl.docname not in wanted:
                    continue
                phase = resolution.phases[phase_id]
                # 1: a sub-phase, listed under its parent; 2: a phase with sub-phases.
                subtype = 1 if phase.parent else 2 if phase.children else 0
                extra = decl.status if decl.status != "published" else ""
                entries.append(
                    IndexEntry(
                        decl.title, subtype, decl.docname, anchor_id(decl.id), extra, "", decl.id
                    )
                )
            if entries:
                groups.append((name or _("In reading order"), entries))
        return groups, False


# The raw facts kept per document, which clear_doc and merge_domaindata maintain.
_PER_DOCUMENT = (
    "decls",
    "problems",
    "refs",
    "items",
    "pictograms",
    "overviews",
    "questions",
    "unanswered",
    "content",
    "gates",
    "standard_pages",
)


class PhasesDomain(Domain):
    """Which page declares which phase; resolves ``{phase}`beta```.

    ``data`` holds raw facts per document (``decls``, ``problems``, ``refs``...), which
    ``clear_doc`` and ``merge_domaindata`` keep in step with the pages, and the digest of
    each page's view when it was last written (``views``). The resolved sequence, the
    catalogue and the page views are derived from them once per build
    (:func:`sphinx_phases.sphinx_ext.pipeline.resolve_and_check`) and kept off the pickle.
    """

    name = "phases"
    label = "Service phases"
    object_types: ClassVar[dict[str, ObjType]] = {
        # Message ids, not words: get_type_name says them in the project's words.
        "phase": ObjType(translatable("phase"), "phase"),
        "gate": ObjType(translatable("gate"), "gate"),
    }
    # Its roles (phase, gate, standard) are markup: extension.py adds them to the domain.
    indices: ClassVar[list[type[Index]]] = [PhaseIndex, PhaseSequenceIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "decls": {},  # docname -> [PhaseDecl], in page order
        "problems": {},  # docname -> [Problem] found while reading the page
        # docname -> [(id, line, kind, included file or None)] of its {phase}, {gate} and
        # {standard} roles (kind: phase, gate, point)
        "refs": {},
        "items": {},  # docname -> [(kind, phase or None)] of its item lists
        # docname -> [(name, line, included file or None)] of every pictogram the page shows
        "pictograms": {},
        # docname -> [life cycle named by :lifecycle:, or None] of its overviews
        "overviews": {},
        "questions": {},  # docname -> [(key, line, included file or None)] of its answers
        # docname -> [(key, "empty" or "placeholder", line, included file or None)]:
        # questions not answered yet
        "unanswered": {},
        "content": {},  # docname -> digest of its phase words (summary, items, answers)
        "gates": {},  # docname -> [GateDecl], in page order
        # docname -> [(standard id as written, coverage, line)] of its phase-standard lists
        "standard_pages": {},
        "views": {},  # docname -> digest of what the page showed when last written
    }
    data_version = 9
    # Set at builder-inited for the current build: every pictogram name it knows.
    pictograms: Registry = Registry({})

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        # Derived once per build by pipeline.resolve_and_check, in the main process, before
        # write workers fork; kept off the pickled environment, which need not carry them.
        self.cycles: dict[str, Cycle] = {}
        # docname -> {(kind, target as written): (life cycle, id in it)} of its roles
        self.addresses: dict[str, dict[tuple[str, str], tuple[str, str]]] = {}
        # The reader of phase words for this build and process (content.words_reader).
        self.words: ContentReader | None = None

    def get_type_name(self, type: ObjType, primary: bool = False) -> str:
        """The name search results give a phase or a gate: the project's own word for it
        (a profile's "stage"), not Sphinx's "Service phases phase"."""
        return project_words(type.lname)

    # -- raw facts, written while reading -------------------------------------------------

    def note_declaration(
        self, docname: str, decl: PhaseDecl | None, problems: Iterable[Problem]
    ) -> None:
        if decl is not None:
            self.data["decls"].setdefault(docname, []).append(decl)
        if problems:
            self.data["problems"].setdefault(docname, []).extend(problems)

    def note_reference(
        self, docname: str, target: str, line: int, kind: str, path: str | None = None
    ) -> None:
        """A ``{phase}``, ``{gate}`` or ``{standard}`` (*kind*: phase, gate, point) role on
        *docname* names *target*, written at *line* of it or of the file it includes,
        *path*."""
        self.data["refs"].setdefault(docname, []).append((target, line, kind, path))

    def note_items(
        self, docname: str, kind: str, phase: str | None, problems: list[Problem]
    ) -> None:
        self.data["items"].setdefault(docname, []).append((kind, phase))
        if problems:
            self.data["problems"].setdefault(docname, []).extend(problems)

    def note_pictogram(
        self, docname: str, name: str, line: int | None, path: str | None = None
    ) -> None:
        """*docname* shows pictogram *name*, written at *line* of it or of the file it
        includes, *path*."""
        self.data["pictograms"].setdefault(docname, []).append((name, line, path))

    def note_overview(
        self, docname: str, problems: list[Problem], lifecycle: str | None = None
    ) -> None:
        """*docname* holds an overview of *lifecycle* (None: its own life cycle)."""
        self.data["overviews"].setdefault(docname, []).append(lifecycle)
        if problems:
            self.data["problems"].setdefault(docname, []).extend(problems)

    def note_question(
        self,
        docname: str,
        key: str,
        line: int,
        problems: list[Problem],
        unanswered: str | None = None,
        path: str | None = None,
    ) -> None:
        """Record an answer, at *line* of the page or of the file it includes, *path*;
        *unanswered* says why it does not count ("empty", "placeholder")."""
        self.data["questions"].setdefault(docname, []).append((key, line, path))
        if unanswered is not None:
            self.data["unanswered"].setdefault(docname, []).append((key, unanswered, line, path))
        if problems:
            self.data["problems"].setdefault(docname, []).extend(problems)

    def note_gate(self, docname: str, decl: GateDecl | None, problems: list[Problem]) -> None:
        if decl is not None:
            self.data["gates"].setdefault(docname, []).append(decl)
        if problems:
            self.data["problems"].setdefault(docname, []).extend(problems)

    def note_standard_page(
        self, docname: str, standard_id: str, line: int, coverage: bool = False
    ) -> None:
        self.data["standard_pages"].setdefault(docname, []).append((standard_id, coverage, line))

    def all_gates(self) -> Iterator[GateDecl]:
        for gates in self.data["gates"].values():
            yield from gates

    def note_content(self, docname: str, digest: str) -> None:
        self.data["content"][docname] = digest

    def clear_doc(self, docname: str) -> None:
        for key in _PER_DOCUMENT:
            self.data[key].pop(docname, None)
        # Its words file goes too: a page deleted leaves none behind; a page read again
        # writes its own (sphinx_ext/content.py).
        Path(self.env.doctreedir, WORDS_DIR, f"{docname}.pickle").unlink(missing_ok=True)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in _PER_DOCUMENT:
            mine = self.data[key]
            for docname, facts in otherdata[key].items():
                if docname in docnames:
                    mine[docname] = facts

    def all_decls(self) -> Iterator[PhaseDecl]:
        for decls in self.data["decls"].values():
            yield from decls

    # -- derived, once per build ----------------------------------------------------------

    def set_derived(
        self,
        cycles: dict[str, Cycle],
        addresses: dict[str, dict[tuple[str, str], tuple[str, str]]],
    ) -> None:
        self.cycles = cycles
        self.addresses = addresses
        self.words = None

    def view(self, lifecycle: str | None, docname: str) -> PageView | None:
        """What *docname* shows of *lifecycle*."""
        cycle = self.cycles.get(lifecycle) if lifecycle is not None else None
        return cycle.pages.get(docname) if cycle is not None else None

    @property
    def main(self) -> Cycle:
        """The project's one life cycle (the first, where there are several)."""
        if not self.cycles:
            raise RuntimeError("the phase sequence is resolved at env-get-updated, not before")
        return self.cycles.get("") or next(iter(self.cycles.values()))

    @property
    def resolution(self) -> Resolution:
        return self.main.resolution

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        # What the page shows, as its view recorded it (the same value decides rewrites),
        # in the life cycle the target names (docs/reference/lifecycles.md).
        if not self.cycles:
            raise RuntimeError("references are resolved after env-get-updated, not before")
        refdoc = node.get("refdoc", fromdocname)
        kind = "point" if typ == "standard" else typ
        found = self.addresses.get(refdoc, {}).get((kind, target))
        if found is None:  # a role the pipeline did not see: a copy's, say
            named, bare = lifecycles().split(target)
            found = (named or lifecycles().of(refdoc) or "", bare)
        lifecycle, bare = found
        cycle = self.cycles.get(lifecycle)
        if cycle is None:
            return None  # intersphinx may know it; else the checks report it
        view = cycle.pages.get(refdoc)
        recorded = view.ref_map if view is not None else {}
        key = (typ, bare)
        shown = recorded[key] if key in recorded else ref_view(cycle.targets, typ, bare)
        if shown is None:
            return None  # intersphinx may know it; else the checks report it
        if not node.get("refexplicit"):
            contnode = nodes.inline(shown.title, shown.title, classes=contnode["classes"])
        if shown.hidden:
            # A hidden draft, or a point listed nowhere: its title as plain text. Sphinx
            # puts whatever node this returns in place of the reference; its annotation is
            # narrower than that.
            return contnode  # type: ignore[return-value]
        if shown.url is not None:
            link = nodes.reference("", "", contnode, refuri=shown.url, reftitle=shown.title)
            link["classes"].append("external")
            return link
        return phase_reference(
            builder, fromdocname, shown.docname, bare, contnode, shown.title, anchor=shown.anchor
        )

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        for typ in ("phase", "gate"):
            found = self.resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
            if isinstance(found, nodes.reference):
                return [(f"phases:{typ}", found)]
        return []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every phase and gate; qualified (``nasa:review``) where life cycles are
        configured, so another project's intersphinx can name each."""
        for name, cycle in sorted(self.cycles.items()):
            prefix = f"{name}:" if name else ""
            resolution = cycle.resolution
            for phase_id in sorted(resolution.phases):
                decl = resolution.decls[phase_id]
                yield prefix + phase_id, decl.title, "phase", decl.docname, anchor_id(phase_id), 1
            for gate_id in sorted(cycle.gates.gates):
                gate = cycle.gates.gates[gate_id].decl
                yield prefix + gate_id, gate.title, "gate", gate.docname, gate_anchor(gate_id), 1


@dc.dataclass(frozen=True)
class Cycle:
    """What one life cycle resolved to, once per build: its sequence, gates, stages and
    standards (*targets*), its catalogue and what each page shows of it."""

    targets: Targets
    stages: Stages
    catalog: dict[str, PhaseEntry]
    gate_entries: dict[str, GateEntry]
    pages: dict[str, PageView]

    @property
    def resolution(self) -> Resolution:
        return self.targets.resolution

    @property
    def gates(self) -> Gates:
        return self.targets.gates

    @property
    def standards(self) -> Mapping[str, Standard]:
        return self.targets.standards

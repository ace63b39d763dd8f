"""Resolve the phase sequence from every page's raw declaration (pure: no Sphinx import).

The order of phases comes, in priority, from explicit ``previous``/``next`` links, then
from the configured sequence, then from the toctree. Explicit links are chained first;
the configured sequence then joins what explicit links leave open; whatever chains
remain are put in configured (or toctree) order. Every rule that is broken becomes a
:class:`SequenceProblem`; the caller decides how to report it. The whole resolution is
O(n log n) in the number of phases (the sorts), with no recursion, so deep or long
inputs cannot overflow the stack.
"""

from __future__ import annotations

import dataclasses as dc
import difflib
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from sphinx_phases.model import PhaseDecl
from sphinx_phases.sequence_spec import SequenceSpec

_NO_RANK = float("inf")
# Above this many phases, finding "did you mean" suggestions would cost too much.
_SUGGEST_LIMIT = 2000


@dc.dataclass(frozen=True)
class Where:
    """Where a problem is: a page's declaration (docname) or a configuration file (path)."""

    docname: str | None = None
    path: str | None = None
    line: int | None = None

    def sort_key(self) -> tuple[str, str, int]:
        return (self.docname or "", self.path or "", self.line or 0)


@dc.dataclass(frozen=True)
class SequenceProblem:
    subtype: str
    message: str
    where: Where


class ResolvedPhase(NamedTuple):
    """Where one phase stands: its neighbours in navigation, its family and its loops.

    A named tuple rather than a dataclass: one is built per phase on every build, and a
    frozen dataclass costs several times more to create.
    """

    id: str
    docname: str
    position: int  # in the depth-first order of all phases
    parent: str | None = None
    children: tuple[str, ...] = ()
    previous: str | None = None
    next: str | None = None
    loops_to: tuple[str, ...] = ()
    first: bool = False
    last: bool = False


@dc.dataclass(frozen=True)
class Resolution:
    phases: Mapping[str, ResolvedPhase]  # every shown phase (hidden ones are left out)
    decls: Mapping[str, PhaseDecl]  # the declaration that won each id, hidden ones too
    order: tuple[str, ...]  # top-level phases in order
    flat: tuple[str, ...]  # every shown phase, depth-first
    problems: tuple[SequenceProblem, ...]
    pages: Mapping[str, str] = dc.field(default_factory=dict)  # docname -> shown phase id
    hidden: frozenset[str] = frozenset()  # ids declared but left out (hidden drafts)


def resolve(
    decls: Iterable[PhaseDecl],
    spec: SequenceSpec | None = None,
    toc_order: Sequence[str] = (),
    hide_statuses: frozenset[str] = frozenset(),
) -> Resolution:
    """Resolve *decls* (any order) against *spec* or, without one, the toctree's *toc_order*.

    *toc_order* lists docnames in reading order; it ranks phases only when *spec* is None.
    Phases whose status is in *hide_statuses*, and their sub-phases, are checked like any
    other but left out of the result; their neighbours link across them.
    """
    return _Resolver(decls, spec, toc_order, hide_statuses).run()


class _Resolver:
    def __init__(
        self,
        decls: Iterable[PhaseDecl],
        spec: SequenceSpec | None,
        toc_order: Sequence[str],
        hide_statuses: frozenset[str],
    ) -> None:
        self.hide_statuses = hide_statuses
        # Sorting by page and line makes every outcome (winners, warnings) independent of
        # the order pages were read in, so serial, parallel and incremental builds agree.
        self.all_decls = sorted(decls, key=lambda d: (d.docname, d.line, d.id))
        self.spec = spec
        self.toc_order = toc_order
        self.problems: list[SequenceProblem] = []
        self.decls: dict[str, PhaseDecl] = {}
        self.rank: dict[str, float] = {}
        self.spec_parent: dict[str, tuple[str, int | None]] = {}
        self.parent: dict[str, str] = {}
        # Phases with a link already reported as wrong: their being unreached is the same
        # problem, so it is not reported a second time as an orphan.
        self.refused: set[str] = set()
        # Each page's own usable links, which win in that page's navigation (SPEC section 4).
        self.own_next: dict[str, str] = {}
        self.own_previous: dict[str, str] = {}

    def run(self) -> Resolution:
        self._pick_winners()
        self._rank()
        self._parents()
        groups = self._groups()
        succ, pred = self._chains(groups)
        order_of = {key: self._order_group(members, succ, pred) for key, members in groups.items()}
        flat = self._flatten(order_of)
        index = {phase_id: i for i, phase_id in enumerate(flat)}
        loops = self._loops(index)
        hidden = self._hidden(flat)
        if hidden:
            order_of = {
                key: [p for p in members if p not in hidden]
                for key, members in order_of.items()
                if key not in hidden
            }
            flat = [p for p in flat if p not in hidden]
            loops = {
                source: [t for t in targets if t not in hidden]
                for source, targets in loops.items()
            }
            for own in (self.own_next, self.own_previous):
                for source in [s for s, target in own.items() if target in hidden]:
                    del own[source]
            index = {phase_id: i for i, phase_id in enumerate(flat)}
        phases = self._positions(order_of, succ, pred, index, loops)
        problems = sorted(self.problems, key=lambda p: (*p.where.sort_key(), p.message))
        return Resolution(
            phases=phases,
            decls=self.decls,
            order=tuple(order_of.get(None, ())),
            flat=tuple(flat),
            problems=tuple(problems),
            pages={phase.docname: phase.id for phase in phases.values()},
            hidden=frozenset(hidden),
        )

    # -- problems -------------------------------------------------------------------------

    def report(self, subtype: str, message: str, where: Where) -> None:
        self.problems.append(SequenceProblem(subtype, message, where))

    def at(self, decl: PhaseDecl) -> Where:
        return Where(docname=decl.docname, line=decl.line)

    def at_spec(self, line: int | None) -> Where:
        assert self.spec is not None
        return Where(path=self.spec.path, line=line)

    def unknown(self, phase_id: str, what: str, where: Where) -> None:
        hint = ""
        if len(self.decls) <= _SUGGEST_LIMIT:
            close = difflib.get_close_matches(phase_id, list(self.decls), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
        self.report(
            "unknown",
            f"{what} '{phase_id}' is not declared by any page; expected the id of a phase{hint}",
            where,
        )

    # -- steps ----------------------------------------------------------------------------

    def _pick_winners(self) -> None:
        first_on_page: dict[str, PhaseDecl] = {}
        for decl in self.all_decls:
            earlier = first_on_page.get(decl.docname)
            if earlier is not None:
                self.report(
                    "duplicate",
                    f"this page already declares phase '{earlier.id}' "
                    f"(line {earlier.line}); expected at most one phase per page, "
                    f"so '{decl.id}' is ignored",
                    self.at(decl),
                )
                continue
            first_on_page[decl.docname] = decl
            winner = self.decls.get(decl.id)
            if winner is not None:
                self.report(
                    "duplicate",
                    f"phase '{decl.id}' is already declared by page "
                    f"'{winner.docname}' (line {winner.line}); expected each id "
                    "on one page only",
                    self.at(decl),
                )
                continue
            self.decls[decl.id] = decl

    def _rank(self) -> None:
        if self.spec is None:
            toc_rank = {docname: i for i, docname in enumerate(self.toc_order)}
            for phase_id, decl in self.decls.items():
                if decl.docname in toc_rank:
                    self.rank[phase_id] = toc_rank[decl.docname]
            return
        for i, item in enumerate(self.spec.items):
            if item.id in self.rank:
                self.report(
                    "duplicate",
                    f"phases_sequence lists '{item.id}' more than once; expected each phase once",
                    self.at_spec(item.line),
                )
            elif item.id not in self.decls:
                self.unknown(item.id, "phases_sequence item", self.at_spec(item.line))
            else:
                self.rank[item.id] = i
                if item.parent is not None:
                    self.spec_parent[item.id] = (item.parent, item.line)

    def _parents(self) -> None:
        for phase_id, decl in self.decls.items():
            declared = decl.parent
            configured = self.spec_parent.get(phase_id)
            if declared is not None:
                if declared == phase_id:
                    self.report(
                        "cycle",
                        f"phase '{phase_id}' names itself as its parent; expected another phase",
                        self.at(decl),
                    )
                elif declared not in self.decls:
                    self.unknown(declared, "parent", self.at(decl))
                else:
                    if configured is not None and configured[0] != declared:
                        self.report(
                            "asymmetric",
                            f"phase '{phase_id}' declares parent "
                            f"'{declared}', but phases_sequence puts it under "
                            f"'{configured[0]}'; expected both to name the same parent "
                            "(the page's own is used)",
                            self.at(decl),
                        )
                    self.parent[phase_id] = declared
            elif configured is not None and configured[0] in self.decls:
                self.parent[phase_id] = configured[0]
        self._break_parent_cycles()

    def _break_parent_cycles(self) -> None:
        # Colour walk over parent pointers: each phase is visited once, so a long chain or
        # a long cycle costs linear time and no recursion.
        state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
        for start in sorted(self.parent):
            path: list[str] = []
            node: str | None = start
            while node is not None and state.get(node) is None:
                state[node] = 1
                path.append(node)
                node = self.parent.get(node)
            if node is not None and state.get(node) == 1:
                cycle = path[path.index(node) :]
                # Break the cycle at the declaration that sorts last, so the outcome
                # does not depend on where the walk started.
                breaker = max(cycle, key=lambda p: (self.decls[p].docname, self.decls[p].line))
                names = " -> ".join(f"'{p}'" for p in [*cycle, node])
                self.report(
                    "cycle",
                    f"parents form a cycle: {names}; expected a parent "
                    f"chain that ends at a top-level phase, so '{breaker}' is treated "
                    "as top-level",
                    self.at(self.decls[breaker]),
                )
                del self.parent[breaker]
            for visited in path:
                state[visited] = 2

    def _groups(self) -> dict[str | None, list[str]]:
        groups: dict[str | None, list[str]] = {None: []}
        for phase_id in self.decls:
            groups.setdefault(self.parent.get(phase_id), []).append(phase_id)
        return groups

    def _chains(
        self, groups: Mapping[str | None, list[str]]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Link phases: the configured sequence first, then explicit links where it is silent.

        An explicit link that contradicts an accepted one is reported; it still wins in
        its own page's navigation (see ``_own``), but not in the order of the overviews.
        """
        links = _Links()
        if self.spec is not None:
            by_group: dict[str | None, list[str]] = {}
            for item in self.spec.items:
                if item.id in self.rank:
                    by_group.setdefault(self.parent.get(item.id), []).append(item.id)
            for members in by_group.values():
                members.sort(key=self.rank.__getitem__)
                for a, b in itertools.pairwise(members):
                    links.add(a, b, origin=None)
        for decl in self.decls.values():
            for field, other in (("next", decl.next), ("previous", decl.previous)):
                if other is None or not self._usable_link(decl, field, other):
                    continue
                if field == "next":
                    a, b = decl.id, other
                    self.own_next[decl.id] = other
                else:
                    a, b = other, decl.id
                    self.own_previous[decl.id] = other
                clash = links.add(a, b, origin=(decl.id, field))
                if clash is not None:
                    self.refused.add(decl.id)
                    self._report_clash(decl, field, other, a, b, clash, links)
        return links.succ, links.pred

    def _usable_link(self, decl: PhaseDecl, field: str, other: str) -> bool:
        if field == "next" and decl.loops_to == other:
            return False  # a declared loop, drawn as one rather than as a next link
        if other == decl.id:
            self.report(
                "cycle",
                f"phase '{decl.id}' names itself as its {field}; expected a neighbouring phase",
                self.at(decl),
            )
        elif other not in self.decls:
            self.unknown(other, f"{field} phase", self.at(decl))
        elif self.parent.get(decl.id) != self.parent.get(other):
            self.report(
                "asymmetric",
                f"{field} phase '{other}' is "
                f"{_family(self.parent.get(other))}, but '{decl.id}' is "
                f"{_family(self.parent.get(decl.id))}; expected neighbours with the "
                "same parent",
                self.at(decl),
            )
        else:
            return True
        self.refused.add(decl.id)
        return False

    def _report_clash(
        self,
        decl: PhaseDecl,
        field: str,
        other: str,
        a: str,
        b: str,
        clash: str,
        links: _Links,
    ) -> None:
        where = self.at(decl)
        said = f"phase '{decl.id}' names '{other}' as its {field}"
        if clash == "cycle":
            names = " -> ".join(f"'{p}'" for p in [*links.path(b, a), b])
            self.report(
                "cycle",
                f"{said}, which closes a cycle: {names}; expected the "
                "sequence to go forward, or a declared 'loops-to'",
                where,
            )
            return
        source = a if clash == "succ" else links.pred[b]
        target = links.succ[source]
        origin = links.origin[source]
        if origin is None:
            because = f"phases_sequence has '{source}' -> '{target}'"
        elif origin[1] == "next":
            because = f"'{source}' says its next is '{target}'"
        else:
            because = f"'{target}' says its previous is '{source}'"
        self.report(
            "asymmetric",
            f"{said}, but {because}; expected both pages to agree "
            "(this page's navigation follows its own link)",
            where,
        )

    def _order_group(
        self,
        members: list[str],
        succ: Mapping[str, str],
        pred: Mapping[str, str],
    ) -> list[str]:
        chains: list[list[str]] = []
        for head in members:
            if head in pred:
                continue
            chain = [head]
            while chain[-1] in succ:
                chain.append(succ[chain[-1]])
            chains.append(chain)

        def chain_key(chain: list[str]) -> tuple[float, str, int]:
            head = self.decls[chain[0]]
            return (min(self.rank.get(p, _NO_RANK) for p in chain), head.docname, head.line)

        chains.sort(key=chain_key)
        source = "phases_sequence" if self.spec is not None else "any toctree"
        if self.spec is None and not self.toc_order:
            return [p for chain in chains for p in chain]  # nothing to be reached from
        for chain in chains:
            if len(chains) == 1 or any(p in self.rank or p in self.refused for p in chain):
                continue
            first = self.decls[chain[0]]
            if len(chain) == 1:
                self.report(
                    "orphan",
                    f"phase '{first.id}' is not in {source} and no "
                    "previous/next link reaches it; expected it in the sequence",
                    self.at(first),
                )
            else:
                self.report(
                    "orphan",
                    f"phases {_names(chain)} form a sequence that "
                    f"{source} does not reach; expected them in the sequence",
                    self.at(first),
                )
        return [p for chain in chains for p in chain]

    def _flatten(self, order_of: Mapping[str | None, list[str]]) -> list[str]:
        flat: list[str] = []
        stack = list(reversed(order_of.get(None, [])))
        while stack:
            phase_id = stack.pop()
            flat.append(phase_id)
            stack.extend(reversed(order_of.get(phase_id, [])))
        return flat

    def _hidden(self, flat: Sequence[str]) -> set[str]:
        """Phases left out: a hidden status, or a hidden ancestor (parents come first)."""
        if not self.hide_statuses:
            return set()
        hidden: set[str] = set()
        for phase_id in flat:
            if self.decls[phase_id].status in self.hide_statuses or (
                self.parent.get(phase_id) in hidden
            ):
                hidden.add(phase_id)
        return hidden

    def _loops(self, index: Mapping[str, int]) -> dict[str, list[str]]:
        wanted: list[tuple[str, str, Where]] = []
        for decl in self.decls.values():
            if decl.loops_to is not None:
                wanted.append((decl.id, decl.loops_to, self.at(decl)))
        if self.spec is not None:
            for loop in self.spec.loops:
                where = self.at_spec(loop.line)
                if loop.source not in self.decls:
                    self.unknown(loop.source, "loop source", where)
                    continue
                wanted.append((loop.source, loop.target, where))
        loops: dict[str, list[str]] = {}
        for source, target, where in wanted:
            if target not in self.decls:
                self.unknown(target, "loop target", where)
            elif target == source:
                self.report(
                    "cycle",
                    f"phase '{source}' loops to itself; expected a loop back to an earlier phase",
                    where,
                )
            elif index[target] >= index[source]:
                self.report(
                    "cycle",
                    f"phase '{source}' loops to '{target}', which comes "
                    f"after it; expected a loop back to an earlier phase",
                    where,
                )
            elif target not in loops.setdefault(source, []):
                loops[source].append(target)
        return loops

    def _positions(
        self,
        order_of: Mapping[str | None, list[str]],
        succ: Mapping[str, str],
        pred: Mapping[str, str],
        index: Mapping[str, int],
        loops: Mapping[str, list[str]],
    ) -> dict[str, ResolvedPhase]:
        top = order_of.get(None, [])
        first, last = (top[0], top[-1]) if top else (None, None)
        phases: dict[str, ResolvedPhase] = {}
        for key, members in order_of.items():
            for i, phase_id in enumerate(members):
                previous = self.own_previous.get(phase_id) or (members[i - 1] if i else None)
                following = self.own_next.get(phase_id) or (
                    members[i + 1] if i + 1 < len(members) else None
                )
                phases[phase_id] = ResolvedPhase(
                    id=phase_id,
                    docname=self.decls[phase_id].docname,
                    position=index[phase_id],
                    parent=key,
                    children=tuple(order_of.get(phase_id, ())),
                    previous=previous,
                    next=following,
                    loops_to=tuple(sorted(loops[phase_id], key=index.__getitem__))
                    if phase_id in loops
                    else (),
                    first=phase_id == first,
                    last=phase_id == last,
                )
        return phases


class _Links:
    """Successor/predecessor maps with a union-find, so a cycle is spotted in nearly O(1)."""

    def __init__(self) -> None:
        self.succ: dict[str, str] = {}
        self.pred: dict[str, str] = {}
        # Which declaration (phase id, field) made each accepted link, keyed by its source.
        self.origin: dict[str, tuple[str, str] | None] = {}
        self._root: dict[str, str] = {}

    def _find(self, x: str) -> str:
        roots = self._root
        root = roots.setdefault(x, x)
        while root != roots[root]:
            roots[root] = roots[roots[root]]  # path halving
            root = roots[root]
        return root

    def add(self, a: str, b: str, origin: tuple[str, str] | None) -> str | None:
        """Link a -> b; return None, or why not: 'succ', 'pred' or 'cycle'."""
        if self.succ.get(a) == b:
            return None
        root_a, root_b = self._find(a), self._find(b)
        # Same chain: a cycle only if b comes before a. Walking the chain costs its length,
        # but only for a link that is reported as a problem anyway.
        if root_a == root_b and self._reaches(b, a):
            return "cycle"
        if a in self.succ:
            return "succ"
        if b in self.pred:
            return "pred"
        self.succ[a] = b
        self.pred[b] = a
        self.origin[a] = origin
        self._root[root_b] = root_a
        return None

    def _reaches(self, start: str, end: str) -> bool:
        node: str | None = start
        while node is not None and node != end:
            node = self.succ.get(node)
        return node == end

    def path(self, start: str, end: str) -> list[str]:
        path = [start]
        while path[-1] != end:
            path.append(self.succ[path[-1]])
        return path


def _family(parent: str | None) -> str:
    return f"part of '{parent}'" if parent else "a top-level phase"


def _names(ids: Sequence[str]) -> str:
    return ", ".join(f"'{p}'" for p in ids)

"""Resolve the phase sequence from every page's raw declaration (pure: no Sphinx import).

The order of phases comes, in priority, from explicit ``previous``/``next`` links, then
from the configured sequence, then from the toctree. :func:`resolve` runs one step after
another, each a function with explicit inputs and outputs:

1. :func:`pick_winners` - one declaration per id and per page;
2. :func:`rank` - each phase's place in the configured (or toctree) order;
3. :func:`find_parents` - each phase's parent, parent cycles broken;
4. :func:`link` - chains: the configured sequence first, explicit links where it is silent,
   and :func:`check_toctree` - explicit links that order phases otherwise than the toctree;
5. :func:`order_group` - each family's members in order, unreached chains reported;
6. :func:`flatten` and :func:`find_loops` - the depth-first order and the back-edges;
7. :func:`hide` - hidden drafts filtered out of the result;
8. :func:`place` - where each shown phase stands.

Every broken rule becomes a :class:`~sphinx_phases.core.problems.Problem`, worded in one place
(:mod:`sphinx_phases.core.sequence.problems`); the caller decides how to report it. The whole
resolution is O(n log n) in the number of phases (the sorts), with no recursion, so deep
or long inputs cannot overflow the stack.
"""

from __future__ import annotations

import dataclasses as dc
import itertools
from collections.abc import Iterable, Mapping, Sequence

from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.problems import Problem
from sphinx_phases.core.sequence.chains import Chains
from sphinx_phases.core.sequence.problems import SequenceProblems
from sphinx_phases.core.sequence.result import Links, Resolution, ResolvedPhase
from sphinx_phases.core.sequence.spec import SequenceSpec
from sphinx_phases.core.sequence.toctree import check_toctree

_NO_RANK = float("inf")

Family = dict[str | None, list[str]]  # parent id (None: top level) -> member ids


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
    # Sorting by page and line makes every outcome (winners, warnings) independent of the
    # order pages were read in, so serial, parallel and incremental builds agree.
    ordered = sorted(decls, key=lambda d: (d.docname, d.line, d.id))
    problems = SequenceProblems(spec)
    winners = pick_winners(ordered, problems)
    problems.known = winners
    ranks, spec_parent = rank(winners, spec, toc_order, problems)
    parent = find_parents(winners, spec_parent, problems)
    links = link(winners, parent, spec, ranks, problems)
    check_toctree(winners, parent, links, toc_order, problems)
    families: Family = {None: []}
    for phase_id in winners:
        families.setdefault(parent.get(phase_id), []).append(phase_id)
    reachable = spec is not None or bool(toc_order)
    order_of = {
        key: order_group(members, links, winners, ranks, reachable, problems)
        for key, members in families.items()
    }
    flat = flatten(order_of)
    loops = find_loops(winners, spec, {p: i for i, p in enumerate(flat)}, problems)
    problems.finish()
    lost_parent = {}
    for phase_id, decl in winners.items():
        named = decl.parent or spec_parent.get(phase_id, (None, None))[0]
        if named is not None and named not in winners:
            lost_parent[phase_id] = named
    hidden = hidden_phases(flat, winners, parent, hide_statuses)
    order_of, flat, loops, links = hide(hidden, order_of, flat, loops, links)
    phases = place(order_of, flat, links, loops, winners)
    return Resolution(
        phases=phases,
        decls=winners,
        order=tuple(order_of.get(None, ())),
        flat=tuple(flat),
        problems=tuple(sorted(problems.found, key=Problem.sort_key)),
        causes=tuple(sorted(problems.causes, key=Problem.sort_key)),
        pages={phase.docname: phase.id for phase in phases.values()},
        hidden=frozenset(hidden),
        misspelt=problems.misspelt,
        lost_parent=lost_parent,
    )


# -- the steps --------------------------------------------------------------------------


def pick_winners(decls: Sequence[PhaseDecl], problems: SequenceProblems) -> dict[str, PhaseDecl]:
    """The first declaration of each id, and only the first phase of each page."""
    winners: dict[str, PhaseDecl] = {}
    first_on_page: dict[str, PhaseDecl] = {}
    for decl in decls:
        earlier = first_on_page.get(decl.docname)
        if earlier is not None:
            problems.second_on_page(decl, earlier)
            continue
        first_on_page[decl.docname] = decl
        winner = winners.get(decl.id)
        if winner is not None:
            problems.duplicate_id(decl, winner)
            continue
        winners[decl.id] = decl
    return winners


def rank(
    winners: Mapping[str, PhaseDecl],
    spec: SequenceSpec | None,
    toc_order: Sequence[str],
    problems: SequenceProblems,
) -> tuple[dict[str, float], dict[str, tuple[str, int | None]]]:
    """Each phase's rank in the configured order (else the toctree's), and the parents
    the configuration gives."""
    ranks: dict[str, float] = {}
    spec_parent: dict[str, tuple[str, int | None]] = {}
    if spec is None:
        toc_rank = {docname: i for i, docname in enumerate(toc_order)}
        for phase_id, decl in winners.items():
            if decl.docname in toc_rank:
                ranks[phase_id] = toc_rank[decl.docname]
        return ranks, spec_parent
    for i, item in enumerate(spec.items):
        if item.id in ranks:
            problems.listed_twice(item.id, item.line)
        elif item.id not in winners:
            problems.unknown(item.id, "phases_sequence item", problems.at_spec(item.line))
        else:
            ranks[item.id] = i
            if item.parent is not None:
                spec_parent[item.id] = (item.parent, item.line)
    return ranks, spec_parent


def find_parents(
    winners: Mapping[str, PhaseDecl],
    spec_parent: Mapping[str, tuple[str, int | None]],
    problems: SequenceProblems,
) -> dict[str, str]:
    """Each phase's parent: the page's own, else the configured one; no cycles."""
    parent: dict[str, str] = {}
    for phase_id, decl in winners.items():
        declared = decl.parent
        configured = spec_parent.get(phase_id)
        if declared is None:
            if configured is not None and configured[0] in winners:
                parent[phase_id] = configured[0]
        elif declared == phase_id:
            problems.own_parent(decl)
        elif declared not in winners:
            problems.unknown(declared, "parent", problems.at(decl, "parent"))
        else:
            if configured is not None and configured[0] != declared:
                problems.parents_disagree(decl, configured[0])
            parent[phase_id] = declared
    _break_parent_cycles(parent, winners, problems)
    return parent


def _break_parent_cycles(
    parent: dict[str, str], winners: Mapping[str, PhaseDecl], problems: SequenceProblems
) -> None:
    # Colour walk over parent pointers: each phase is visited once, so a long chain or a
    # long cycle costs linear time and no recursion.
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    for start in sorted(parent):
        path: list[str] = []
        node: str | None = start
        while node is not None and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent.get(node)
        if node is not None and state.get(node) == 1:
            cycle = path[path.index(node) :]
            # Break the cycle at the declaration that sorts last, so the outcome does not
            # depend on where the walk started.
            breaker = max(cycle, key=lambda p: (winners[p].docname, winners[p].line))
            problems.parent_cycle([*cycle, node], winners[breaker])
            del parent[breaker]
        for visited in path:
            state[visited] = 2


def link(
    winners: Mapping[str, PhaseDecl],
    parent: Mapping[str, str],
    spec: SequenceSpec | None,
    ranks: Mapping[str, float],
    problems: SequenceProblems,
) -> Links:
    """Chain phases: the configured sequence first, then explicit links where it is silent.

    An explicit link that contradicts an accepted one is reported; it still wins in its
    own page's navigation (``Links.own_*``), but not in the order of the overviews.
    """
    chains = Chains()
    links = Links(chains.succ, chains.pred, origin=chains.origin)
    if spec is not None:
        by_family: Family = {}
        for item in spec.items:
            if item.id in ranks:
                by_family.setdefault(parent.get(item.id), []).append(item.id)
        for members in by_family.values():
            members.sort(key=ranks.__getitem__)
            for a, b in itertools.pairwise(members):
                chains.add(a, b, origin=None)
    for decl in winners.values():
        for field, other in (("next", decl.next), ("previous", decl.previous)):
            if other is None or not _usable(decl, field, other, winners, parent, problems):
                if other is not None and not (field == "next" and decl.loops_to == other):
                    links.refused.add(decl.id)
                continue
            if field == "next":
                a, b = decl.id, other
                links.own_next[decl.id] = other
            else:
                a, b = other, decl.id
                links.own_previous[decl.id] = other
            clash = chains.add(a, b, origin=(decl.id, field))
            if clash is not None:
                links.refused.add(decl.id)
                problems.clash(decl, field, other, a, b, clash, chains)
    return links


def _usable(
    decl: PhaseDecl,
    field: str,
    other: str,
    winners: Mapping[str, PhaseDecl],
    parent: Mapping[str, str],
    problems: SequenceProblems,
) -> bool:
    if field == "next" and decl.loops_to == other:
        return False  # a declared loop, drawn as one rather than as a next link
    if other == decl.id:
        problems.own_neighbour(decl, field)
    elif other not in winners:
        problems.unknown(other, f"{field} phase", problems.at(decl, field))
    elif parent.get(decl.id) != parent.get(other):
        problems.other_family(decl, field, other, parent.get(decl.id), parent.get(other))
    else:
        return True
    return False


def order_group(
    members: list[str],
    links: Links,
    winners: Mapping[str, PhaseDecl],
    ranks: Mapping[str, float],
    reachable: bool,
    problems: SequenceProblems,
) -> list[str]:
    """One family's members in order: its chains sorted by rank, then page and line.

    With a configured or toctree order (*reachable*), a chain that nothing in it ranks is
    an orphan, unless the family is one chain.
    """
    chains: list[list[str]] = []
    for head in members:
        if head in links.pred:
            continue
        chain = [head]
        while chain[-1] in links.succ:
            chain.append(links.succ[chain[-1]])
        chains.append(chain)

    def chain_key(chain: list[str]) -> tuple[float, str, int]:
        head = winners[chain[0]]
        return (min(ranks.get(p, _NO_RANK) for p in chain), head.docname, head.line)

    chains.sort(key=chain_key)
    if reachable and len(chains) > 1:
        for chain in chains:
            if not any(p in ranks or p in links.refused for p in chain):
                problems.orphan([winners[p] for p in chain])
    return [p for chain in chains for p in chain]


def flatten(order_of: Mapping[str | None, list[str]]) -> list[str]:
    """Every phase depth-first: each parent, then its sub-phases, then its next sibling."""
    flat: list[str] = []
    stack = list(reversed(order_of.get(None, [])))
    while stack:
        phase_id = stack.pop()
        flat.append(phase_id)
        stack.extend(reversed(order_of.get(phase_id, [])))
    return flat


def find_loops(
    winners: Mapping[str, PhaseDecl],
    spec: SequenceSpec | None,
    index: Mapping[str, int],
    problems: SequenceProblems,
) -> dict[str, list[str]]:
    """Declared back-edges (``loops-to`` and the configured ``loops``) that go backwards."""
    wanted: list[tuple[str, str, Problem]] = []  # (source, target, where) as a Problem
    for decl in winners.values():
        if decl.loops_to is not None:
            wanted.append((decl.id, decl.loops_to, problems.at(decl, "loops-to")))
    if spec is not None:
        for loop in spec.loops:
            where = problems.at_spec(loop.line)
            if loop.source not in winners:
                problems.unknown(loop.source, "loop source", where)
                continue
            wanted.append((loop.source, loop.target, where))
    loops: dict[str, list[str]] = {}
    for source, target, where in wanted:
        if target not in winners:
            problems.unknown(target, "loop target", where)
        elif target == source:
            problems.loop_to_itself(source, where)
        elif index[target] >= index[source]:
            problems.loop_forward(source, target, where)
        elif target not in loops.setdefault(source, []):
            loops[source].append(target)
    return loops


def hidden_phases(
    flat: Sequence[str],
    winners: Mapping[str, PhaseDecl],
    parent: Mapping[str, str],
    hide_statuses: frozenset[str],
) -> set[str]:
    """Phases left out: a hidden status, or a hidden ancestor (parents come first)."""
    hidden: set[str] = set()
    if hide_statuses:
        for phase_id in flat:
            if winners[phase_id].status in hide_statuses or parent.get(phase_id) in hidden:
                hidden.add(phase_id)
    return hidden


def hide(
    hidden: set[str],
    order_of: dict[str | None, list[str]],
    flat: list[str],
    loops: dict[str, list[str]],
    links: Links,
) -> tuple[dict[str | None, list[str]], list[str], dict[str, list[str]], Links]:
    """The result without *hidden* phases: their neighbours link across them."""
    if not hidden:
        return order_of, flat, loops, links
    shown_order = {
        key: [p for p in members if p not in hidden]
        for key, members in order_of.items()
        if key not in hidden
    }
    shown_loops = {s: [t for t in targets if t not in hidden] for s, targets in loops.items()}
    shown_links = dc.replace(
        links,
        own_next={s: t for s, t in links.own_next.items() if t not in hidden},
        own_previous={s: t for s, t in links.own_previous.items() if t not in hidden},
    )
    return shown_order, [p for p in flat if p not in hidden], shown_loops, shown_links


def place(
    order_of: Mapping[str | None, list[str]],
    flat: Sequence[str],
    links: Links,
    loops: Mapping[str, list[str]],
    winners: Mapping[str, PhaseDecl],
) -> dict[str, ResolvedPhase]:
    """Where each shown phase stands: its own links win over its family's order."""
    index = {phase_id: i for i, phase_id in enumerate(flat)}
    top = order_of.get(None, [])
    first, last = (top[0], top[-1]) if top else (None, None)
    phases: dict[str, ResolvedPhase] = {}
    for key, members in order_of.items():
        for i, phase_id in enumerate(members):
            previous = links.own_previous.get(phase_id) or (members[i - 1] if i else None)
            following = links.own_next.get(phase_id) or (
                members[i + 1] if i + 1 < len(members) else None
            )
            targets = loops.get(phase_id)
            phases[phase_id] = ResolvedPhase(
                id=phase_id,
                docname=winners[phase_id].docname,
                position=index[phase_id],
                parent=key,
                children=tuple(order_of.get(phase_id, ())),
                previous=previous,
                next=following,
                loops_to=tuple(sorted(targets, key=index.__getitem__)) if targets else (),
                first=phase_id == first,
                last=phase_id == last,
            )
    return phases

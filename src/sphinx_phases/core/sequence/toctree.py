"""Explicit links against the toctree, when no phases_sequence orders the phases (pure).

The sidebar follows the toctree and the phase navigation the links, so a link that orders
phases otherwise would make them disagree without a word; a ``next`` that leads back over
the toctree closes a loop, which no toctree order can follow (docs/reference/warnings.md).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.sequence.problems import SequenceProblems
from sphinx_phases.core.sequence.result import Links

Family = dict[str | None, list[str]]  # parent id (None: top level) -> member ids


def check_toctree(
    winners: Mapping[str, PhaseDecl],
    parent: Mapping[str, str],
    links: Links,
    toc_order: Sequence[str],
    problems: SequenceProblems,
) -> None:
    """Report explicit links that order phases otherwise than the toctree.

    The sidebar follows the toctree and the phase navigation the links, so they would
    disagree silently (docs/reference/warnings.md). A link a -> b agrees when b is the
    next phase of a's family that the toctree lists after a; phases in no toctree, and
    links of the configured sequence, are left out.
    """
    if not toc_order or not links.origin:
        return
    toc_rank = {docname: i for i, docname in enumerate(toc_order)}
    by_family: Family = {}
    for phase_id, decl in winners.items():
        if decl.docname in toc_rank:
            by_family.setdefault(parent.get(phase_id), []).append(phase_id)
    toc_next: dict[str, str] = {}
    for members in by_family.values():
        members.sort(key=lambda p: toc_rank[winners[p].docname])
        toc_next.update(itertools.pairwise(members))
    for a, b in links.succ.items():
        origin = links.origin.get(a)
        if origin is None or winners[a].docname not in toc_rank:
            continue
        if winners[b].docname not in toc_rank or toc_next.get(a) == b:
            continue
        decl = winners[origin[0]]
        other = b if origin[1] == "next" else a
        between = toc_next.get(a)
        if toc_rank[winners[b].docname] < toc_rank[winners[a].docname]:
            # A next that leads back is how a loop is written by mistake; a previous that
            # leads forward reorders the phases.
            loop = _toctree_loop(a, b, toc_next, links) if origin[1] == "next" else None
            if loop is not None and len(loop) > 2:  # two phases swapped are a reorder
                problems.loop_against_toctree(decl, origin[1], other, loop)
                continue
            between = None  # b comes first: say so, rather than what follows a
        problems.against_toctree(decl, origin[1], other, a, b, between)


def _toctree_loop(a: str, b: str, toc_next: Mapping[str, str], links: Links) -> list[str] | None:
    """The phases from *b* to *a* in the toctree's order, when no link leads elsewhere on
    the way: the link *a* -> *b* then closes a loop with the toctree. Only walked for a
    link reported anyway."""
    path = [b]
    while path[-1] != a:
        node = path[-1]
        step = toc_next.get(node)
        if step is None or links.succ.get(node, step) != step:
            return None
        if links.pred.get(step, node) != node:
            return None
        path.append(step)
    return path

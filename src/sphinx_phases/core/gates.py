"""Gates: the decisions between phases, declared on pages and placed in the sequence.

Pure logic, no Sphinx import: :func:`parse_gate` (in gate_options) checks one
``phase-gate`` directive's options, :func:`resolve_gates` places every gate on a boundary
of the resolved sequence (docs/reference/gates.md) and reports what does not fit.
"""

from __future__ import annotations

import dataclasses as dc
import os
from collections.abc import Callable, Iterable, Mapping

from sphinx_phases.core.gate_options import (
    OPTION_NAMES,
    OPTIONS,
    OUTCOMES,
    RATINGS,
    Criterion,
    GateDecl,
    default_title,
    parse_gate,
    parse_ratings,
)
from sphinx_phases.core.messages import did_you_mean, excerpt
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.sequence.problems import from_typo, suggestable
from sphinx_phases.core.sequence.result import Resolution

# What a gate's options declare lives in gate_options; importers find it here too.
__all__ = [
    "OPTIONS",
    "OPTION_NAMES",
    "OUTCOMES",
    "RATINGS",
    "Criterion",
    "GateDecl",
    "Gates",
    "ResolvedGate",
    "default_title",
    "gate_anchor",
    "parse_gate",
    "parse_ratings",
    "resolve_gates",
]


@dc.dataclass(frozen=True)
class ResolvedGate:
    """A gate in place: the phases it stands between (*before* None: after the last)."""

    decl: GateDecl
    after: str
    before: str | None
    returns_to: str | None = None  # where a "return" decision sends the work: its after


@dc.dataclass(frozen=True)
class Gates:
    """Every placed gate, by id in reading order, and the gates around each phase."""

    gates: Mapping[str, ResolvedGate] = dc.field(default_factory=dict)
    # Every gate a page declares, placed or not (a role to one links to its page).
    declared: Mapping[str, GateDecl] = dc.field(default_factory=dict)
    # phase -> the first gate after it (readers pass it first) / the gate before it
    closing: Mapping[str, str] = dc.field(default_factory=dict)
    opening: Mapping[str, str] = dc.field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    # phase -> every gate after it, in reading order: a parent may have two, one into its
    # first sub-phase and one after its whole family (docs/reference/gates.md).
    ends: Mapping[str, tuple[str, ...]] = dc.field(default_factory=dict)


def gate_anchor(gate_id: str) -> str:
    """The id of a gate's section, and of its ``objects.inv`` entry."""
    return f"gate-{gate_id}"


def _written(decl: GateDecl) -> str:
    """Where *decl* is written, for a message about another gate: its page, or the file
    its page includes."""
    where = os.path.basename(decl.source) if decl.source else decl.docname
    return f"{where}, line {decl.line}"


def resolve_gates(
    decls: Iterable[GateDecl],
    resolution: Resolution,
    reading_next: Callable[[str], str | None],
    page_phase: Mapping[str, str],
) -> Gates:
    """Place each gate between two phases of *resolution*; report what does not fit.

    A gate's ``before`` must be the phase after its ``after`` in reading order, or the
    next phase of the same family (a gate may close a whole phase and its sub-phases).
    Gates of hidden drafts are left out silently, like their phases. *page_phase* maps
    a page to the phase it declares, which a gate without ``after`` closes.

    Each gate goes through the steps below in the order of its page and line, so the
    first declaration wins an id and a boundary (docs/reference/gates.md, "Warnings").
    """
    ordered = sorted(decls, key=lambda d: (d.docname, d.line, d.id))
    first_of, problems = _first_declarations(ordered, resolution.decls)
    placed: dict[str, ResolvedGate] = {}
    holders: dict[tuple[str | None, str | None], ResolvedGate] = {}  # by boundary
    for decl in first_of.values():
        found = _place(decl, resolution, reading_next, page_phase, first_of)
        if isinstance(found, ResolvedGate):
            boundary = _boundary(found)
            problem = _boundary_taken(found, holders.get(boundary))
            if problem is None:
                returns_to = _returns_to(found, resolution, first_of)
                if isinstance(returns_to, Problem):
                    problems.append(returns_to)
                    returns_to = found.after
                placed[decl.id] = holders[boundary] = dc.replace(found, returns_to=returns_to)
                continue
            found = problem
        if found is not None:
            problems.append(found)
    ordered_gates = _in_reading_order(placed, resolution.flat)
    closing, opening, ends = _around_phases(ordered_gates.values())
    return Gates(ordered_gates, first_of, closing, opening, tuple(problems), ends)


def _problem(decl: GateDecl, subtype: PhaseWarning, message: str) -> Problem:
    """A problem with *decl*, at the line of its directive (in its included file, if any)."""
    return Problem(subtype, message, decl.line, docname=decl.docname, path=decl.source)


def _first_declarations(
    ordered: Iterable[GateDecl], phases: Mapping[str, object]
) -> tuple[dict[str, GateDecl], list[Problem]]:
    """The first declaration of each gate id no phase has, and a problem for every other
    (an id of a phase, or one declared again)."""
    first_of: dict[str, GateDecl] = {}
    problems: list[Problem] = []
    for decl in ordered:
        earlier = first_of.get(decl.id)
        if decl.id in phases:
            message = (
                f"gate '{decl.id}' has the id of a phase; expected an id no phase or gate "
                "uses (they share one namespace)"
            )
            problems.append(_problem(decl, PhaseWarning.DUPLICATE, message))
        elif earlier is not None:
            message = (
                f"gate '{decl.id}' is declared again (first in {_written(earlier)}); "
                "expected one declaration per gate"
            )
            problems.append(_problem(decl, PhaseWarning.DUPLICATE, message))
        else:
            first_of[decl.id] = decl
    return first_of, problems


def _place(
    decl: GateDecl,
    resolution: Resolution,
    reading_next: Callable[[str], str | None],
    page_phase: Mapping[str, str],
    gate_ids: Mapping[str, object],
) -> ResolvedGate | Problem | None:
    """Where *decl* stands, or why it cannot stand there; None for a gate left out with
    its hidden draft."""
    after = _closed_phase(decl, resolution, page_phase, gate_ids)
    if not isinstance(after, str):
        return after
    if after in resolution.hidden:
        return None
    family_next = resolution.phases[after].next
    following = reading_next(after)
    before = _opened_phase(decl, resolution, family_next or following, gate_ids)
    if isinstance(before, Problem):
        return before
    return _check_neighbours(decl, after, before, family_next, following) or ResolvedGate(
        decl, after, before
    )


def _closed_phase(
    decl: GateDecl,
    resolution: Resolution,
    page_phase: Mapping[str, str],
    gate_ids: Mapping[str, object],
) -> str | Problem:
    """The phase *decl* closes: its ``after``, or its page's phase."""
    after = decl.after or page_phase.get(decl.docname)
    if after is None:
        message = (
            f"gate '{decl.id}' closes no phase: its page declares none; expected an "
            ":after: option naming the phase it closes"
        )
        return _problem(decl, PhaseWarning.GATE, message)
    if after not in resolution.decls:
        return _unknown_phase(decl, "after", after, resolution, gate_ids)
    return after


def _opened_phase(
    decl: GateDecl,
    resolution: Resolution,
    default: str | None,
    gate_ids: Mapping[str, object],
) -> str | Problem | None:
    """The phase *decl* opens: its ``before`` (None when written empty), or *default*,
    the phase after the one it closes, also when its ``before`` is a hidden draft."""
    if decl.before is None:
        return default
    if decl.before == "":
        return None
    if decl.before not in resolution.decls:
        return _unknown_phase(decl, "before", decl.before, resolution, gate_ids)
    return default if decl.before in resolution.hidden else decl.before


def _returns_to(
    gate: ResolvedGate, resolution: Resolution, gate_ids: Mapping[str, object]
) -> str | Problem:
    """The phase a ``return`` decision of *gate* sends the work back to: its
    ``:returns-to:``, a known phase (a hidden draft: the phase it closes), or its after."""
    named = gate.decl.returns_to
    if named is None or named in resolution.hidden:
        return gate.after
    if named not in resolution.decls:
        return _unknown_phase(gate.decl, "returns-to", named, resolution, gate_ids)
    return named


def _unknown_phase(
    decl: GateDecl,
    side: str,
    named: str,
    resolution: Resolution,
    gate_ids: Mapping[str, object],
) -> Problem:
    """*decl*'s ``after``, ``before`` or ``returns-to`` (*side*) names *named*, which is
    no phase."""
    says = "returns to" if side == "returns-to" else f"comes {side}"
    typo = from_typo(resolution, named)
    if named in gate_ids:
        found = f"'{named}', which is a gate"
        hint = ""
    elif typo is not None:
        message = (
            f"gate '{decl.id}' {says} '{named}', which no page declares: {typo}; expected "
            "the typo fixed"
        )
        return _problem(decl, PhaseWarning.UNKNOWN, message)
    else:
        found = f"{excerpt(named)}, which no page declares"
        hint = did_you_mean(named, suggestable(resolution))
    message = f"gate '{decl.id}' {says} {found}; expected the id of a phase{hint}"
    return _problem(decl, PhaseWarning.UNKNOWN, message)


def _check_neighbours(
    decl: GateDecl,
    after: str,
    before: str | None,
    family_next: str | None,
    following: str | None,
) -> Problem | None:
    """A gate stands between neighbours: *before* is the next phase of *after*'s family,
    or the next in reading order (*following*); None only after the final phase."""
    if before is not None and before not in (family_next, following):
        expected = " or ".join(f"'{p}'" for p in dict.fromkeys((family_next, following)) if p)
        message = (
            f"gate '{decl.id}' stands between '{after}' and '{before}', which are not "
            f"neighbours in the sequence; expected :before: {expected or 'empty'}"
        )
        return _problem(decl, PhaseWarning.GATE, message)
    if before is None and (family_next or following):
        message = (
            f"gate '{decl.id}' closes '{after}' with no phase after it, but "
            f"'{family_next or following}' follows; expected :before: left out, or a "
            "gate after the final phase"
        )
        return _problem(decl, PhaseWarning.GATE, message)
    return None


def _boundary(gate: ResolvedGate) -> tuple[str | None, str | None]:
    """The boundary *gate* stands on, as readers pass it: the phase they arrive at.

    A gate after a whole family (``after: beta``, ``before: live``) stands where the
    reader leaves the family's last sub-phase for live, the boundary a gate after that
    sub-phase would stand on: both open live. Only a gate after the final phase opens
    none; it is keyed by the phase it closes.
    """
    return (gate.before, None) if gate.before is not None else (None, gate.after)


def _boundary_taken(gate: ResolvedGate, holder: ResolvedGate | None) -> Problem | None:
    """*gate* may not stand on a boundary that *holder* holds (one gate per boundary)."""
    if holder is None:
        return None
    if holder.after == gate.after:
        where = f"the boundary after '{gate.after}'"
    else:
        where = f"the boundary before '{gate.before}'"
    message = (
        f"gate '{gate.decl.id}' stands on {where} that gate '{holder.decl.id}' "
        f"({_written(holder.decl)}) already holds; expected one gate per boundary"
    )
    return _problem(gate.decl, PhaseWarning.GATE, message)


def _in_reading_order(
    placed: Mapping[str, ResolvedGate], flat: tuple[str, ...]
) -> dict[str, ResolvedGate]:
    """*placed* in the order readers pass the gates, whatever pages declare them: by the
    phase each opens (a gate after the final phase last)."""
    place = {phase_id: i for i, phase_id in enumerate(flat)}

    def passed(item: tuple[str, ResolvedGate]) -> tuple[int, int]:
        gate = item[1]
        opened = place[gate.before] if gate.before is not None else len(flat)
        return opened, place[gate.after]

    return dict(sorted(placed.items(), key=passed))


def _around_phases(
    gates: Iterable[ResolvedGate],
) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]:
    """For each phase: the first gate after it, the gate before it, and every gate after
    it (*gates* in reading order). Only a parent has two gates after it: one into its
    first sub-phase and one after the whole family."""
    ends: dict[str, list[str]] = {}
    opening: dict[str, str] = {}
    for gate in gates:
        ends.setdefault(gate.after, []).append(gate.decl.id)
        if gate.before is not None:
            opening[gate.before] = gate.decl.id
    closing = {phase_id: ids[0] for phase_id, ids in ends.items()}
    return closing, opening, {phase_id: tuple(ids) for phase_id, ids in ends.items()}

"""Gates: the decisions between phases, declared on pages and placed in the sequence.

Pure logic, no Sphinx import: :func:`parse_gate` checks one ``phase-gate`` directive's
options, :func:`resolve_gates` places every gate on a boundary of the resolved sequence
(docs/reference/gates.md) and reports what does not fit.
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import os
import re
from collections.abc import Callable, Iterable, Mapping

from sphinx_phases.inputs import excerpt
from sphinx_phases.model import ID_PATTERN, did_you_mean
from sphinx_phases.problems import PhaseWarning, Problem
from sphinx_phases.sequence import Resolution

OUTCOMES = ("pending", "met", "met-with-conditions", "not-met")
RATINGS = ("green", "amber", "red")

OPTIONS: dict[str, str] = {
    "id": "The gate id, the directive's argument: like a phase id, and unique among both.",
    "title": "Display name. Default: the id, with its first letter capitalised.",
    "after": "The phase the gate closes. Default: the page's phase.",
    "before": "The phase it opens: the one after 'after' in the reading order. Empty for a "
    "gate that closes the final phase. Default: the phase after 'after'.",
    "authority": "Who takes the decision (free text).",
    "standard": "The standard points it assesses: 'all', or ids ('1, 2, 5'; 'tcop:3' with "
    "several standards).",
    "outcome": "A recorded decision: " + ", ".join(OUTCOMES) + ".",
    "date": "When the decision was taken, an ISO date (2026-05-04).",
    "ratings": "Per-point ratings of the decision: '1: green, 3: amber' (green, amber, red).",
}
OPTION_NAMES = tuple(OPTIONS)


@dc.dataclass(frozen=True)
class Criterion:
    """One criterion of a gate: its words, and the standard points it cites as written."""

    text: str
    cites: tuple[str, ...] = ()


@dc.dataclass(frozen=True)
class GateDecl:
    """What one ``phase-gate`` directive declares, validated, exactly as written."""

    id: str
    docname: str
    line: int
    title: str
    after: str | None = None  # None: the page's phase, if it has one
    before: str | None = None  # None: the phase after *after*; "": none (the final gate)
    authority: str | None = None
    standard: str | None = None  # the points assessed, as written
    outcome: str | None = None
    date: str | None = None
    ratings: tuple[tuple[str, str], ...] = ()
    criteria: tuple[Criterion, ...] = ()
    source: str | None = None  # the included file the directive is written in


@dc.dataclass(frozen=True)
class ResolvedGate:
    """A gate in place: the phases it stands between (*before* None: after the last)."""

    decl: GateDecl
    after: str
    before: str | None


@dc.dataclass(frozen=True)
class Gates:
    """Every placed gate, by id in reading order, and the gates around each phase."""

    gates: Mapping[str, ResolvedGate] = dc.field(default_factory=dict)
    # Every gate a page declares, placed or not (a role to one links to its page).
    declared: Mapping[str, GateDecl] = dc.field(default_factory=dict)
    closing: Mapping[str, str] = dc.field(default_factory=dict)  # phase -> gate after it
    opening: Mapping[str, str] = dc.field(default_factory=dict)  # phase -> gate before it
    problems: tuple[Problem, ...] = ()


def gate_anchor(gate_id: str) -> str:
    """The id of a gate's section, and of its ``objects.inv`` entry."""
    return f"gate-{gate_id}"


def default_title(gate_id: str) -> str:
    text = gate_id.replace("-", " ")
    return text[:1].upper() + text[1:]


def _check_date(value: str) -> str | None:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return "expected an ISO date such as 2026-05-04"
    return None


def parse_ratings(value: str) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """``1: green, 3: amber`` as pairs, or the reason it cannot be read."""
    pairs: list[tuple[str, str]] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,\n]", value))):
        point, _sep, rating = part.partition(":")
        point, rating = point.strip(), rating.strip().lower()
        if not point or rating not in RATINGS:
            return (), "expected 'POINT: RATING' pairs, ratings among " + ", ".join(RATINGS)
        pairs.append((point, rating))
    return tuple(pairs), None


def parse_gate(
    raw: Mapping[str, str],
    *,
    docname: str,
    line: int,
    criteria: tuple[Criterion, ...],
    source: str | None = None,
) -> tuple[GateDecl | None, list[Problem]]:
    """Check a gate's options (*raw*: the directive's, which knows only OPTION_NAMES); a
    bad value is reported and left out, a bad id drops the gate. Each problem carries its
    option as ``key``, so the caller can point at that option's line."""
    problems: list[Problem] = []

    def bad(key: str, message: str, subtype: PhaseWarning = PhaseWarning.OPTION) -> None:
        problems.append(Problem(subtype, f"phase-gate: {message}", line, key))

    gate_id = (raw.get("id") or "").strip()
    if not ID_PATTERN.fullmatch(gate_id):
        found = excerpt(gate_id) if gate_id else "missing"
        bad("id", f"id {found} is not valid; expected lower-case letters, digits and '-'")
        return None, problems
    values: dict[str, str] = {}
    checks: dict[str, Callable[[str], str | None]] = {
        "after": _check_id,
        "before": lambda v: None if v == "" else _check_id(v),
        "outcome": lambda v: None if v in OUTCOMES else "expected one of " + ", ".join(OUTCOMES),
        "date": _check_date,
    }
    ratings: tuple[tuple[str, str], ...] = ()
    for key, value in raw.items():
        if key == "id":
            continue
        value = value.strip()
        if key == "ratings":
            ratings, error = parse_ratings(value)
        else:
            error = checks.get(key, _check_text)(value)
        if error:
            bad(key, f"{key} {excerpt(value)} is not valid: {error}")
            continue
        values[key] = value
    if not criteria:
        bad(
            "id",
            f"gate '{gate_id}' has no criteria; expected a bullet list in its body, one "
            "criterion per item",
            PhaseWarning.GATE,
        )
    decl = GateDecl(
        id=gate_id,
        docname=docname,
        line=line,
        title=values.get("title") or default_title(gate_id),
        after=values.get("after"),
        before=values.get("before"),
        authority=values.get("authority"),
        standard=values.get("standard"),
        outcome=values.get("outcome"),
        date=values.get("date"),
        ratings=ratings,
        criteria=criteria,
        source=source,
    )
    return decl, problems


def _written(decl: GateDecl) -> str:
    """Where *decl* is written, for a message about another gate: its page, or the file
    its page includes."""
    where = os.path.basename(decl.source) if decl.source else decl.docname
    return f"{where}, line {decl.line}"


def _check_id(value: str) -> str | None:
    return None if ID_PATTERN.fullmatch(value) else "expected a phase id"


def _check_text(value: str) -> str | None:
    return None if value else "expected some text"


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
    """
    problems: list[Problem] = []
    placed: dict[str, ResolvedGate] = {}
    closing: dict[str, str] = {}
    opening: dict[str, str] = {}
    known = resolution.decls

    def report(decl: GateDecl, subtype: PhaseWarning, message: str) -> None:
        problems.append(
            Problem(subtype, message, decl.line, docname=decl.docname, path=decl.source)
        )

    ordered = sorted(decls, key=lambda d: (d.docname, d.line, d.id))
    first_of: dict[str, GateDecl] = {}
    for decl in ordered:
        if decl.id in known:
            report(
                decl,
                PhaseWarning.DUPLICATE,
                f"gate '{decl.id}' has the id of a phase; expected an id no phase or gate "
                "uses (they share one namespace)",
            )
            continue
        earlier = first_of.get(decl.id)
        if earlier is not None:
            report(
                decl,
                PhaseWarning.DUPLICATE,
                f"gate '{decl.id}' is declared again (first in {_written(earlier)}); "
                "expected one declaration per gate",
            )
            continue
        first_of[decl.id] = decl
        after = decl.after or page_phase.get(decl.docname)
        if after is None:
            report(
                decl,
                PhaseWarning.GATE,
                f"gate '{decl.id}' closes no phase: its page declares none; expected an "
                ":after: option naming the phase it closes",
            )
            continue
        if after not in known:
            hint = did_you_mean(after, list(known))
            report(
                decl,
                PhaseWarning.UNKNOWN,
                f"gate '{decl.id}' comes after '{after}', which no page declares; expected "
                f"the id of a phase{hint}",
            )
            continue
        if after in resolution.hidden:
            continue
        family_next = resolution.phases[after].next
        following = reading_next(after)
        if decl.before is None:
            before = family_next or following
        elif decl.before == "":
            before = None
        else:
            before = decl.before
            if before not in known:
                hint = did_you_mean(before, list(known))
                report(
                    decl,
                    PhaseWarning.UNKNOWN,
                    f"gate '{decl.id}' comes before '{before}', which no page declares; "
                    f"expected the id of a phase{hint}",
                )
                continue
            if before in resolution.hidden:
                before = family_next or following
        if before is not None and before not in (family_next, following):
            expected = " or ".join(f"'{p}'" for p in dict.fromkeys((family_next, following)) if p)
            report(
                decl,
                PhaseWarning.GATE,
                f"gate '{decl.id}' stands between '{after}' and '{before}', which are not "
                f"neighbours in the sequence; expected :before: {expected or 'empty'}",
            )
            continue
        if before is None and (family_next or following):
            report(
                decl,
                PhaseWarning.GATE,
                f"gate '{decl.id}' closes '{after}' with no phase after it, but "
                f"'{family_next or following}' follows; expected :before: left out, or a "
                "gate after the final phase",
            )
            continue
        other = closing.get(after)
        if other is not None and placed[other].before == before:
            first = placed[other].decl
            report(
                decl,
                PhaseWarning.GATE,
                f"gate '{decl.id}' stands on the boundary after '{after}' that gate "
                f"'{other}' ({_written(first)}) already holds; expected one gate per "
                "boundary",
            )
            continue
        placed[decl.id] = ResolvedGate(decl, after, before)
        closing.setdefault(after, decl.id)
        if before is not None:
            opening.setdefault(before, decl.id)
    # In reading order of the phases they close, whatever pages declare them.
    place = {phase_id: i for i, phase_id in enumerate(resolution.flat)}
    ordered_gates = dict(sorted(placed.items(), key=lambda item: place[item[1].after]))
    return Gates(ordered_gates, first_of, closing, opening, tuple(problems))

"""A ``phase-gate`` directive's options, checked (no Sphinx): what one gate declares.

:func:`parse_gate` reads the options of one directive and reports a value that cannot be
read; :mod:`sphinx_phases.core.gates` places the declared gates in the sequence
(docs/reference/gates.md).
"""

from __future__ import annotations

import dataclasses as dc
import datetime
import re
from collections.abc import Callable, Collection, Mapping, Sequence

from sphinx_phases.core.messages import ID_PATTERN, did_you_mean, excerpt, expected_id
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.values import matches_id

OUTCOMES = ("pending", "met", "met-with-conditions", "not-met")
RATINGS = ("green", "amber", "red")

OPTIONS: dict[str, str] = {
    "id": "The gate id, the directive's argument: like a phase id, and unique among both.",
    "title": "Display name. Default: the id, with its first letter capitalised.",
    "after": "The phase the gate closes. Default: the page's phase.",
    "before": "The phase it opens: the one after 'after' in the reading order. Empty for a "
    "gate that closes the final phase. Default: the phase after 'after'.",
    "noun": "How a sentence names the gate ('KDP C', 'the alpha assessment'). Default: "
    "'the TITLE'.",
    "authority": "Who takes the decision (free text).",
    "standard": "The standard points it assesses: 'all', or ids ('1, 2, 5'; 'tcop:3' with "
    "several standards).",
    "decisions": "The decisions the gate can take: ids of the profile's decisions, separated "
    "by commas. Default: all of them but the pending ones.",
    "outcome": "A recorded decision: the id of one of the profile's decisions (gov-uk: "
    + ", ".join(OUTCOMES)
    + ").",
    "returns-to": "The phase a decision that means 'return' sends the work back to. "
    "Default: the phase the gate closes.",
    "date": "When the decision was taken, an ISO date (2026-05-04).",
    "ratings": (
        "Per-point ratings of the decision: '1: green, 3: amber' (green, amber, red); "
        "'tcop:3: amber' names the standard too."
    ),
}
OPTION_NAMES = tuple(OPTIONS)


@dc.dataclass(frozen=True)
class Criterion:
    """One criterion of a gate: its words, the standard points it cites as written, and
    the id of its kind among the profile's ``criteria`` (None: the profile's first)."""

    text: str
    cites: tuple[str, ...] = ()
    kind: str | None = None


@dc.dataclass(frozen=True)
class GateDecl:
    """What one ``phase-gate`` directive declares, validated, exactly as written."""

    id: str
    docname: str
    line: int
    title: str
    after: str | None = None  # None: the page's phase, if it has one
    noun: str | None = None  # None: "the TITLE"
    before: str | None = None  # None: the phase after *after*; "": none (the final gate)
    authority: str | None = None
    standard: str | None = None  # the points assessed, as written
    outcome: str | None = None
    date: str | None = None
    ratings: tuple[tuple[str, str], ...] = ()
    criteria: tuple[Criterion, ...] = ()
    source: str | None = None  # the included file the directive is written in
    decisions: tuple[str, ...] | None = None  # None: the profile's, but the pending ones
    returns_to: str | None = None  # None: the phase it closes


def default_title(gate_id: str) -> str:
    text = gate_id.replace("-", " ")
    return text[:1].upper() + text[1:]


def _outcome_check(decisions: Sequence[str]) -> Callable[[str], str | None]:
    """The check of ``:outcome:``: an id of the profile's decisions."""

    def check(value: str) -> str | None:
        if value in decisions:
            return None
        hint = did_you_mean(value.lower().replace(" ", "-"), decisions)
        return "expected one of the profile's decisions: " + ", ".join(decisions) + hint

    return check


def parse_decisions(value: str, decisions: Sequence[str]) -> tuple[tuple[str, ...], str | None]:
    """``go, kill`` as ids of the profile's *decisions*, or the reason it cannot be read."""
    found: list[str] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,\n]", value))):
        if part not in decisions:
            hint = did_you_mean(part.lower().replace(" ", "-"), decisions)
            return (), (
                f"{excerpt(part)} is not a decision of the profile; expected ids among "
                + ", ".join(decisions)
                + hint
            )
        if part not in found:
            found.append(part)
    if not found:
        return (), "expected ids of the profile's decisions, separated by commas"
    return tuple(found), None


def _check_date(value: str) -> str | None:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return "expected an ISO date such as 2026-05-04"
    return None


def _check_text(value: str) -> str | None:
    return None if value else "expected some text"


def parse_ratings(value: str) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """``1: green, 3: amber`` as pairs, or the reason it cannot be read."""
    pairs: list[tuple[str, str]] = []
    for part in filter(None, (p.strip() for p in re.split(r"[,\n]", value))):
        # The rating follows the last colon: a point may be qualified (``tcop:3: green``).
        point, _sep, rating = part.rpartition(":")
        point, rating = point.strip(), rating.strip().lower()
        if not point or rating not in RATINGS:
            return (), "expected 'POINT: RATING' pairs, ratings among " + ", ".join(RATINGS)
        if any(point == rated for rated, _rating in pairs):
            return (), f"point {excerpt(point)} is rated twice; expected one rating per point"
        pairs.append((point, rating))
    return tuple(pairs), None


def parse_gate(
    raw: Mapping[str, str],
    *,
    docname: str,
    line: int,
    criteria: tuple[Criterion, ...],
    source: str | None = None,
    decisions: Sequence[str] = OUTCOMES,
    undecided: Collection[str] = ("pending",),
) -> tuple[GateDecl | None, list[Problem]]:
    """Check a gate's options (*raw*: the directive's, which knows only OPTION_NAMES); a
    bad value is reported and left out, a bad id drops the gate. Each problem carries its
    option as ``key``, so the caller can point at that option's line.

    *decisions* are the ids of the profile's decisions, *undecided* those that mean
    ``pending``: an outcome still to come, which ``:decisions:`` need not list.
    """
    problems: list[Problem] = []

    def bad(key: str, message: str, subtype: PhaseWarning = PhaseWarning.OPTION) -> None:
        problems.append(Problem(subtype, f"phase-gate: {message}", line, key))

    gate_id = (raw.get("id") or "").strip()
    if not ID_PATTERN.fullmatch(gate_id):
        found = excerpt(gate_id) if gate_id else "missing"
        bad("id", f"id {found} is not valid: {expected_id(gate_id)}")
        return None, problems
    values: dict[str, str] = {}
    checks: dict[str, Callable[[str], str | None]] = {
        "after": matches_id,
        "before": lambda v: None if v == "" else matches_id(v),
        "returns-to": matches_id,
        "outcome": _outcome_check(decisions),
        "date": _check_date,
    }
    ratings: tuple[tuple[str, str], ...] = ()
    takes: tuple[str, ...] | None = None
    for key, value in raw.items():
        if key == "id":
            continue
        value = value.strip()
        if key == "ratings":
            ratings, error = parse_ratings(value)
        elif key == "decisions":
            taken, error = parse_decisions(value, decisions)
            takes = taken or None
        else:
            error = checks.get(key, _check_text)(value)
        if error:
            bad(key, f"{key} {excerpt(value)} is not valid: {error}")
            continue
        values[key] = value
    outcome = values.get("outcome")
    if outcome and takes is not None and outcome not in takes and outcome not in undecided:
        bad(
            "outcome",
            f"outcome '{outcome}' is not among the gate's decisions; expected one of "
            + ", ".join(takes),
        )
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
        noun=values.get("noun"),
        before=values.get("before"),
        authority=values.get("authority"),
        standard=values.get("standard"),
        outcome=outcome,
        date=values.get("date"),
        ratings=ratings,
        criteria=criteria,
        source=source,
        decisions=takes,
        returns_to=values.get("returns-to"),
    )
    return decl, problems

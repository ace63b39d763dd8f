"""Steps 4 and 5 of the pipeline: check what the build resolved, and report every problem.

Every problem is reported once, at the end, sorted, so an incremental build reports
exactly what a clean build reports, however few pages it re-read.
"""

from __future__ import annotations

import dataclasses as dc
import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sphinx_phases.core.catalog import GateEntry, PhaseEntry
from sphinx_phases.core.config import config_line
from sphinx_phases.core.inputs import excerpt
from sphinx_phases.core.messages import DEFAULT_PICTOGRAM
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.standards import explain_unknown, find_point, parse_points
from sphinx_phases.core.views import Targets
from sphinx_phases.render.overviews import MAX_NESTING
from sphinx_phases.sphinx_ext.nesting import question_in_code
from sphinx_phases.sphinx_ext.warnings import file_location, warn

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.core.config import PhasesConfig
    from sphinx_phases.core.lifecycles import Lifecycles
    from sphinx_phases.sphinx_ext.domain import PhasesDomain
    from sphinx_phases.sphinx_ext.pipeline import Derived, Facts, Loaded, Resolved


# Values and declarations that could not be used: what else goes wrong may follow.
_VALUE_SUBTYPES = frozenset({PhaseWarning.OPTION, PhaseWarning.CONFIG, PhaseWarning.DUPLICATE})


class Reports:
    """Every problem of the build, emitted at the end, a mistake before what it causes.

    First the values and declarations that could not be used (``phases.option``,
    ``phases.config``, ``phases.duplicate``, and the standards and points of
    ``phases_standards`` that could not be read), then the problems the resolver names as
    causes of others (ids no page declares), then the rest (docs/reference/warnings.md);
    within each group, by file, line and message.
    """

    def __init__(
        self, env: BuildEnvironment, conf_path: str, causes: Iterable[Problem] = ()
    ) -> None:
        self.env = env
        self.conf_path = conf_path
        self.causes = frozenset(causes)
        # (rank, path, line, message, subtype, location), sorted on the first four.
        self.rows: list[tuple[int, str, int, str, PhaseWarning, Any]] = []

    def add(self, problem: Problem, docname: str | None = None, *, unused: bool = False) -> None:
        """Report *problem*, found on page *docname* unless it says where it is; *unused*
        ranks it with the values that could not be used, whatever its subtype."""
        line = problem.line
        if unused or problem.subtype in _VALUE_SUBTYPES:
            rank = 0
        else:
            rank = 1 if problem in self.causes else 2
        location: Any
        if problem.setting is not None:
            path = self.conf_path
            line = config_line(path, problem.setting)
            location = file_location(path, line)
        elif problem.path is not None:
            path = problem.path
            location = file_location(path, line)
        else:
            docname = problem.docname or docname
            assert docname is not None, problem
            path = str(self.env.doc2path(docname))
            location = (docname, line)
        self.rows.append((rank, path, line or 0, problem.message, problem.subtype, location))

    def emit(self) -> None:
        for *_order, message, subtype, location in sorted(self.rows, key=lambda r: r[:4]):
            warn(message, subtype, location)


@dc.dataclass(frozen=True)
class Unaddressed:
    """A role outside every life cycle's root whose bare id several life cycles declare,
    or none (docs/reference/lifecycles.md)."""

    docname: str
    target: str
    line: int
    kind: str
    path: str | None
    choices: list[str]


def check_project(
    reports: Reports,
    domain: PhasesDomain,
    found: Lifecycles,
    unaddressed: Iterable[Unaddressed],
    external: set[tuple[str, str]],
) -> None:
    """What belongs to no one life cycle: every problem found while reading, pictograms,
    and with several life cycles, declarations and roles outside every root."""
    for docname, problems in domain.data["problems"].items():
        for problem in problems:
            reports.add(problem, docname)
    check_pictograms(reports, domain)
    if not found.configured:
        return
    for key, what in (("decls", "phase"), ("gates", "gate")):
        for docname, decls in domain.data[key].items():
            if found.of(docname) is not None:
                continue
            for decl in decls:
                message = (
                    f"{what} {excerpt(decl.id)} is declared outside every life cycle's root; "
                    "expected its page in the folder of its life cycle (phases_lifecycles: "
                    + ", ".join(
                        f"{c.name}: '{c.root}/'"
                        for c in sorted(found.cycles, key=lambda c: c.name)
                    )
                    + ")"
                )
                problem = Problem(PhaseWarning.ORPHAN, message, decl.line, path=decl.source)
                reports.add(problem, docname)
    for role in unaddressed:
        if (role.kind, role.target) in external:
            continue
        word = "standard" if role.kind == "point" else role.kind
        if role.choices:
            qualified = ", ".join(f"{name}:{role.target}" for name in role.choices)
            message = (
                f"{word} role names {excerpt(role.target)}, which several life cycles declare; "
                f"expected one of {qualified}"
            )
        else:
            message = (
                f"{word} role names {excerpt(role.target)}, which no life cycle declares; "
                f"expected the id of a {word}, as NAME:ID outside the life cycles' folders "
                f"(life cycles: {', '.join(found.names)})"
            )
        where = Problem(PhaseWarning.UNKNOWN, message, role.line, path=role.path)
        reports.add(where, role.docname)


def check(
    reports: Reports,
    facts: Facts,
    settings: PhasesConfig,
    loaded: Loaded,
    resolved: Resolved,
    derived: Derived,
    external: set[tuple[str, str]],
) -> None:
    """Step 4: every problem of one life cycle, found by the steps before and by the
    checks below, added to *reports* (step 5 emits them, :meth:`Reports.emit`)."""
    resolution = resolved.resolution
    for problem in (
        *loaded.problems,
        *resolution.problems,
        *resolved.gates.problems,
        *resolved.stages.problems,
    ):
        reports.add(problem)
    # A standard or point that could not be read comes before the unknown points it causes.
    for problem in loaded.standard_problems:
        reports.add(problem, unused=True)
    targets = derived.targets
    check_standards(reports, facts, targets, derived.gate_entries, settings.standard_coverage)
    check_roles(reports, facts, targets, external)
    check_questions(reports, facts, derived.catalog, resolution, settings.required_questions)
    check_depth(reports, resolution)


def check_depth(reports: Reports, resolution: Resolution) -> None:
    """Sub-phases nest at most MAX_NESTING levels: an overview nests a list per level, and
    Sphinx's and docutils' tree walks recurse once per level (docs/explanation/sequence.md).
    Reported once, at the first phase too deep; overviews list deeper ones at that level."""
    depth: dict[str, int] = {}
    for phase_id in resolution.flat:
        parent = resolution.phases[phase_id].parent
        depth[phase_id] = depth.get(parent, 0) + 1 if parent else 1
        if depth[phase_id] > MAX_NESTING:
            decl = resolution.decls[phase_id]
            message = (
                f"phase {excerpt(phase_id)} is a sub-phase {depth[phase_id] - 1} levels deep; "
                f"expected at most {MAX_NESTING - 1} levels of sub-phases (overviews list "
                "deeper ones at the last level)"
            )
            line = dict(decl.option_lines).get("parent", decl.line)
            problem = Problem(PhaseWarning.OPTION, message, line, key="parent")
            reports.add(problem, decl.docname)
            return


def check_standards(
    reports: Reports,
    domain: Facts,
    targets: Targets,
    gates: dict[str, GateEntry],
    coverage: bool,
) -> None:
    """The standards pages list and gates assess exist; with *coverage*, every point of
    every standard is assessed by some gate (docs/reference/standards.md)."""
    standards = targets.standards
    for docname, listed in domain.data["standard_pages"].items():
        for written, _coverage, line in listed:
            if written and written not in standards:
                known = ", ".join(standards) or "none is configured in phases_standards"
                message = (
                    f"phase-standard names {excerpt(written)}, which is not a configured "
                    f"standard; expected one of: {known}"
                )
                reports.add(Problem(PhaseWarning.UNKNOWN, message, line), docname)
            elif not written and len(standards) != 1:
                message = (
                    f"phase-standard names no standard, and {len(standards)} are configured; "
                    "expected the id of one, as its argument"
                )
                reports.add(Problem(PhaseWarning.STANDARD, message, line), docname)
    for gate in domain.all_gates():
        assessed_here, unknown = parse_points(standards, gate.standard or "")
        for part in unknown if gate.standard else ():
            message = f"gate '{gate.id}': " + explain_unknown(standards, part)
            where = Problem(PhaseWarning.UNKNOWN, message, gate.line, path=gate.source)
            reports.add(where, gate.docname)
        for rated, _rating in gate.ratings:
            named = find_point(standards, rated)
            if named is None:
                message = f"gate '{gate.id}' rates {excerpt(rated)}: " + explain_unknown(
                    standards, rated
                )
                subtype = PhaseWarning.UNKNOWN
            elif (named[0].id, named[1].id) not in assessed_here:
                message = (
                    f"gate '{gate.id}' rates point {excerpt(rated)}, which it does not "
                    "assess; expected ratings of the points its :standard: names"
                )
                subtype = PhaseWarning.GATE
            else:
                continue
            reports.add(Problem(subtype, message, gate.line, path=gate.source), gate.docname)
    if not coverage:
        return
    assessed = {point for gate in gates.values() for point in gate.points}
    for standard in standards.values():
        for point in standard.points:
            if (standard.id, point.id) not in assessed:
                message = (
                    f"point {point.id} of {standard.title} ('{standard.id}') is assessed by "
                    "no gate; expected a gate whose :standard: names it"
                )
                if standard.path is not None:
                    found = Problem(PhaseWarning.STANDARD, message, point.line, path=standard.path)
                else:
                    found = Problem(PhaseWarning.STANDARD, message, setting="phases_standards")
                reports.add(found)


def check_roles(
    reports: Reports,
    domain: Facts,
    targets: Targets,
    external: set[tuple[str, str]],
) -> None:
    for docname, refs in domain.data["refs"].items():
        for target, line, kind, path in refs:
            if kind == "point":
                if find_point(targets.standards, target) is None:
                    message = "standard role: " + explain_unknown(targets.standards, target)
                    reports.add(Problem(PhaseWarning.UNKNOWN, message, line, path=path), docname)
                continue
            gate_ids, phase_ids = targets.gates.declared, targets.resolution.decls
            known, other = (gate_ids, phase_ids) if kind == "gate" else (phase_ids, gate_ids)
            if target in known or (kind, target) in external:
                continue
            if target in other:
                # The other role was meant (docs/reference/gates.md): say which, as written
                # in the page's own markup.
                meant = "phase" if kind == "gate" else "gate"
                source = path or str(reports.env.doc2path(docname))
                written = (
                    f":{meant}:`{target}`" if source.endswith(".rst") else f"{{{meant}}}`{target}`"
                )
                message = (
                    f"{kind} role names {excerpt(target)}, which is a {meant}; expected the id "
                    f"of a {kind}, or the {meant} role ({excerpt(written, quote=False)})"
                )
            else:
                message = (
                    f"{kind} role names {excerpt(target)}, which no page declares; expected the "
                    f"id of a {kind}"
                )
            reports.add(Problem(PhaseWarning.UNKNOWN, message, line, path=path), docname)


def check_questions(
    reports: Reports,
    facts: Facts,
    catalog: dict[str, PhaseEntry],
    resolution: Resolution,
    required: list[str],
) -> None:
    """Each top-level phase page answers every required question, in its own words.

    An answer that is empty, or still holds a sentence ``sphinx-phases new`` wrote, counts
    as unanswered (docs/reference/questions.md); the question directive noted which are,
    so this costs a look-up per question.
    """
    data = facts.data
    for entry in catalog.values() if required else ():
        if entry.parent is not None or entry.id in resolution.lost_parent:
            continue  # sub-phases are exempt, also while their parent's id is misspelt
        decl = resolution.decls[entry.id]
        # The first section of each key is the answer, as in overviews and phases.json.
        first: dict[str, tuple[int, str | None]] = {}
        for key, line, path in data["questions"].get(decl.docname, ()):
            first.setdefault(key, (line, path))
        not_yet = {
            (key, line, path): why
            for key, why, line, path in data["unanswered"].get(decl.docname, ())
        }
        for key in required:
            if key not in first:
                message = (
                    f"phase '{entry.id}' does not answer the required question '{key}'; "
                    f"expected a phase-question {key} section on its page"
                )
                where = Problem(PhaseWarning.QUESTION, message, decl.line, path=decl.source)
                trapped = question_in_code(reports.env, decl.docname, key)
                if trapped is not None:  # MyST's nesting trap (docs/reference/questions.md)
                    message = (
                        f"phase '{entry.id}' does not answer the required question '{key}': "
                        f"the code block here starts with its phase-question {key} directive, "
                        "as a fence inside the section before it ended that section early; "
                        "expected the outer fence longer than any fence inside it "
                        "(````{phase-question})"
                    )
                    line, path = trapped if trapped[0] else (decl.line, decl.source)
                    where = Problem(PhaseWarning.QUESTION, message, line, path=path)
                reports.add(where, decl.docname)
                continue
            line, path = first[key]
            why = not_yet.get((key, line, path))
            if why is not None:
                found, fix = (
                    ("is empty", "an answer in it")
                    if why == "empty"
                    else (
                        "still holds the text sphinx-phases new wrote",
                        "the answer in its place",
                    )
                )
                message = (
                    f"phase '{entry.id}' does not answer the required question '{key}': its "
                    f"phase-question {key} section {found}; expected {fix}"
                )
                where = Problem(PhaseWarning.QUESTION, message, line, path=path)
                reports.add(where, decl.docname)


def check_pictograms(reports: Reports, domain: PhasesDomain) -> None:
    known = domain.pictograms
    defaults: set[str] = set()  # phases_default_pictogram: one warning, at conf.py
    for docname, uses in domain.data["pictograms"].items():
        for name, line, path in uses:
            if path == DEFAULT_PICTOGRAM:
                if name in known or name in known.refused or name in defaults:
                    continue
                defaults.add(name)
                close = difflib.get_close_matches(name, known.names(), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                message = (
                    f"phases_default_pictogram names {excerpt(name)}, which is not known; "
                    f"expected a built-in pictogram or one from phases_pictograms{hint}"
                )
                reports.add(
                    Problem(PhaseWarning.PICTOGRAM, message, setting="phases_default_pictogram")
                )
            elif not name:
                message = (
                    "a pictogram has an empty name; expected the name of a built-in "
                    "pictogram or one from phases_pictograms"
                )
                reports.add(Problem(PhaseWarning.PICTOGRAM, message, line, path=path), docname)
            # A refused one was reported at its setting already: one problem, one warning.
            elif name not in known and name not in known.refused:
                close = difflib.get_close_matches(name, known.names(), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                message = (
                    f"pictogram '{name}' is not known; expected a built-in pictogram or one "
                    f"from phases_pictograms{hint}"
                )
                reports.add(Problem(PhaseWarning.PICTOGRAM, message, line, path=path), docname)


def external_phase_ids(env: BuildEnvironment) -> set[tuple[str, str]]:
    """(kind, id) of the phases and gates that intersphinx inventories provide, which a
    role may name."""
    from sphinx.ext.intersphinx import InventoryAdapter  # imports requests: only here

    inventory = InventoryAdapter(env).main_inventory
    return {
        (kind, name) for kind in ("phase", "gate") for name in inventory.get(f"phases:{kind}", {})
    }

"""Once per build, after every page is read: resolve the sequence and report its problems.

This runs in the main process on ``env-get-updated``, which Sphinx emits on every build
(even when nothing changed) after the parallel readers have merged. Every problem of
every page is reported here, sorted, so an incremental build reports exactly what a
clean build reports, however few pages it re-read.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_phases.access import phases_domain
from sphinx_phases.catalog import GateEntry, PhaseEntry, build_catalog, build_gate_entries
from sphinx_phases.config import config_file, config_line, get_config
from sphinx_phases.gates import resolve_gates
from sphinx_phases.inputs import PATH_CHARS, confine, excerpt
from sphinx_phases.navigation import page_words
from sphinx_phases.overviews import MAX_NESTING
from sphinx_phases.pages import PageView, Rows, Targets, build_pages, reading_neighbours
from sphinx_phases.pictograms import STANDARD_PICTOGRAMS
from sphinx_phases.problems import PhaseWarning, Problem
from sphinx_phases.sequence import Resolution, resolve
from sphinx_phases.sequence_spec import (
    SequenceSpec,
    StageItem,
    from_config,
    from_yaml,
    stages_from_config,
)
from sphinx_phases.stages import resolve_stages
from sphinx_phases.standards import explain_unknown, find_point, load_standards, parse_points
from sphinx_phases.translation import translate_settings
from sphinx_phases.warnings import file_location, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.domain import PhasesDomain


# Values and declarations that could not be used: what else goes wrong may follow.
_VALUE_SUBTYPES = frozenset({PhaseWarning.OPTION, PhaseWarning.CONFIG, PhaseWarning.DUPLICATE})


class _Reports:
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


def resolve_and_check(app: Sphinx, env: BuildEnvironment) -> dict[str, PageView]:
    """Resolve the sequence, report every problem, and return every page's view."""
    domain = phases_domain(env)
    settings = get_config(app.config)
    spec, spec_problems = load_spec(app)
    hide = frozenset({"draft"}) if settings.hide_drafts else frozenset()
    resolution = resolve(domain.all_decls(), spec, toctree_order(env), hide)
    page_phase = {docname: decls[0].id for docname, decls in domain.data["decls"].items()}
    gates = resolve_gates(
        domain.all_gates(),
        resolution,
        lambda phase_id: reading_neighbours(resolution, phase_id)[1],
        page_phase,
    )
    stage_items, stage_problems = load_stages(app, spec)
    stages = resolve_stages(stage_items, resolution)
    standards, standard_problems = load_standards(
        settings.standards, Path(app.confdir), Path(app.srcdir), config_file(app)
    )
    # In the build's language from here on (the gettext builder takes their words instead).
    stages, standards = translate_settings(app, stage_items, stages, standards, config_file(app))
    listed: dict[str, str] = {}
    for docname in sorted(domain.data["standard_pages"]):
        for written, _coverage, _line in domain.data["standard_pages"][docname]:
            standard_id = written or (next(iter(standards)) if len(standards) == 1 else "")
            listed.setdefault(standard_id, docname)
    targets = Targets(resolution, gates, standards, listed)
    catalog = build_catalog(
        resolution,
        domain.data["items"],
        domain.data["questions"],
        domain.data["content"],
        STANDARD_PICTOGRAMS,
        gates,
        stages,
    )

    def cited(text: str) -> str:
        found = find_point(standards, text)
        return f"{found[0].id}:{found[1].id}" if found else text

    gate_entries = build_gate_entries(
        gates, lambda decl: parse_points(standards, decl.standard or "")[0], cited
    )
    rows = Rows(catalog, gate_entries, stages.stages)
    pages = build_pages(
        targets,
        stages,
        rows,
        domain.data["refs"],
        domain.data["standard_pages"],
        domain.data["overviews"],
        page_words(),
    )
    domain.set_derived(targets, stages, catalog, gate_entries, pages)

    reports = _Reports(env, config_file(app), resolution.causes)
    for docname, problems in domain.data["problems"].items():
        for problem in problems:
            reports.add(problem, docname)
    for problem in (
        *spec_problems,
        *resolution.problems,
        *gates.problems,
        *stage_problems,
        *stages.problems,
    ):
        reports.add(problem)
    # A standard or point that could not be read comes before the unknown points it causes.
    for problem in standard_problems:
        reports.add(problem, unused=True)
    _check_standards(reports, domain, targets, gate_entries, settings.standard_coverage)
    _check_roles(reports, domain, targets, _external_phase_ids(env))
    _check_questions(reports, catalog, resolution, settings.required_questions)
    _check_pictograms(reports, domain)
    _check_depth(reports, resolution)
    reports.emit()
    return pages


def _check_depth(reports: _Reports, resolution: Resolution) -> None:
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


def _check_standards(
    reports: _Reports,
    domain: PhasesDomain,
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


def _check_roles(
    reports: _Reports,
    domain: PhasesDomain,
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


def _check_questions(
    reports: _Reports,
    catalog: dict[str, PhaseEntry],
    resolution: Resolution,
    required: list[str],
) -> None:
    """Each top-level phase page answers every required question, in its own words.

    An answer that is empty, or still holds a sentence ``sphinx-phases new`` wrote, counts
    as unanswered (docs/reference/questions.md); the question directive noted which are,
    so this costs a look-up per question.
    """
    data = phases_domain(reports.env).data
    for entry in catalog.values() if required else ():
        if entry.parent is not None:
            continue  # sub-phases are exempt
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


def _check_pictograms(reports: _Reports, domain: PhasesDomain) -> None:
    known = domain.pictograms
    for docname, uses in domain.data["pictograms"].items():
        for name, line, path in uses:
            if not name:
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


def load_spec(app: Sphinx) -> tuple[SequenceSpec | None, list[Problem]]:
    """The configured sequence from conf.py or its YAML file, read once per build."""
    settings = get_config(app.config)
    conf_path = config_file(app)
    loops_line = config_line(conf_path, "phases_loops") if settings.loops else None
    if isinstance(settings.sequence, str):
        spec, problems = from_config(
            None, settings.loops, conf_path=conf_path, sequence_line=None, loops_line=loops_line
        )
        extra = spec.loops if spec is not None else ()
        path = Path(app.confdir, settings.sequence)
        inside = confine(path, (Path(app.confdir), Path(app.srcdir)))
        if inside is None:
            # Name the path, never what it holds: the build log is often public.
            problems.append(
                Problem(
                    PhaseWarning.CONFIG,
                    f"phases_sequence names {excerpt(settings.sequence, limit=PATH_CHARS)}, "
                    "which resolves outside the project; expected a YAML file inside the "
                    "source or configuration directory; the default sequence is used",
                    setting="phases_sequence",
                )
            )
            return None, problems
        if not inside.is_file():
            # Nothing in the file to point at: point at the setting that names it.
            problems.append(
                Problem(
                    PhaseWarning.CONFIG,
                    f"phases_sequence names {excerpt(settings.sequence, limit=PATH_CHARS)}, "
                    "which is not a file; expected the path of a YAML file, relative to the "
                    "configuration directory",
                    setting="phases_sequence",
                )
            )
            return None, problems
        yaml_spec, yaml_problems = from_yaml(path, extra)
        return yaml_spec, problems + yaml_problems
    return from_config(
        settings.sequence,
        settings.loops,
        conf_path=conf_path,
        sequence_line=config_line(conf_path, "phases_sequence"),
        loops_line=loops_line,
    )


def load_stages(app: Sphinx, spec: SequenceSpec | None) -> tuple[list[StageItem], list[Problem]]:
    """The sequence file's stages, then those of ``phases_stages``."""
    items = list(spec.stages) if spec is not None else []
    value = get_config(app.config).stages
    if not value:
        return items, []
    conf_path = config_file(app)
    more, problems = stages_from_config(
        value, conf_path=conf_path, line=config_line(conf_path, "phases_stages")
    )
    return items + more, problems


def toctree_order(env: BuildEnvironment) -> list[str]:
    """Documents in the order a reader meets them through the toctrees (depth-first)."""
    includes = env.toctree_includes
    order: list[str] = []
    seen: set[str] = set()
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen.add(docname)
        order.append(docname)
        stack.extend(reversed(includes.get(docname, ())))
    return order


def _external_phase_ids(env: BuildEnvironment) -> set[tuple[str, str]]:
    """(kind, id) of the phases and gates that intersphinx inventories provide, which a
    role may name."""
    inventory = getattr(env, "intersphinx_inventory", None) or {}
    return {
        (kind, name) for kind in ("phase", "gate") for name in inventory.get(f"phases:{kind}", {})
    }

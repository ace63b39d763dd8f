"""Once per build, after every page is read: the pipeline that turns every page's raw
declarations into what each page shows.

It runs in the main process on ``env-get-updated``, which Sphinx emits on every build
(even when nothing changed) after the parallel readers have merged, in five steps, each
for every life cycle (docs/reference/lifecycles.md; a project without
``phases_lifecycles`` is one) in that life cycle's settings and words:

1. :func:`load` - the files the settings name: the sequence, stages and standards;
2. :func:`resolve_all` - the sequence, the gates between phases, the stages;
3. :func:`derive` - the catalogue and each page's view (what it shows of other pages);
4. :func:`~sphinx_phases.sphinx_ext.checks.check` - every problem, a mistake first;
5. report - one located warning each (:class:`~sphinx_phases.sphinx_ext.checks.Reports`);

between steps 2 and 3, :func:`address_refs` finds which life cycle each role names;

then :func:`pages_to_rewrite` names the pages whose view changed since they were written.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_phases.core.catalog import GateEntry, PhaseEntry, build_catalog, build_gate_entries
from sphinx_phases.core.config import PhasesConfig, config_file, config_line
from sphinx_phases.core.gates import GateDecl, Gates, resolve_gates
from sphinx_phases.core.lifecycles import Lifecycles
from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.pictograms import STANDARD_PICTOGRAMS
from sphinx_phases.core.problems import Problem
from sphinx_phases.core.profile import Profile
from sphinx_phases.core.sequence.resolve import resolve
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.sequence.spec import (
    SequenceSpec,
    StageItem,
    from_config,
    from_file,
    stages_from_config,
)
from sphinx_phases.core.stages import Stages, resolve_stages
from sphinx_phases.core.standards import (
    Standard,
    find_point,
    load_standards,
    parse_points,
)
from sphinx_phases.core.views import (
    PageView,
    Rows,
    Targets,
    build_pages,
    digest,
    reading_neighbours,
)
from sphinx_phases.locale import speak
from sphinx_phases.render.navigation import page_words
from sphinx_phases.sphinx_ext.checks import (
    Reports,
    Unaddressed,
    check,
    check_project,
    external_phase_ids,
)
from sphinx_phases.sphinx_ext.domain import Cycle, phases_domain
from sphinx_phases.sphinx_ext.lifecycles import current_profile, lifecycles, speaker
from sphinx_phases.sphinx_ext.translation import translate_settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class Facts:
    """The raw facts of one life cycle's pages, as the domain holds them (``data``), its
    role targets given as ids of the life cycle."""

    def __init__(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        self.data = data

    def all_decls(self) -> Iterator[PhaseDecl]:
        for decls in self.data["decls"].values():
            yield from decls

    def all_gates(self) -> Iterator[GateDecl]:
        for gates in self.data["gates"].values():
            yield from gates


# The facts a life cycle keeps of its own pages; roles and overviews reach across.
_OWN = ("decls", "items", "questions", "unanswered", "content", "gates", "standard_pages")


@dc.dataclass(frozen=True)
class Loaded:
    """Step 1: what the settings name, read, with what could not be read."""

    spec: SequenceSpec | None
    stage_items: list[StageItem]
    standards: dict[str, Standard]
    problems: list[Problem]  # the sequence's and stages'
    standard_problems: list[Problem]  # ranked with the values that could not be used


@dc.dataclass(frozen=True)
class Resolved:
    """Step 2: the sequence, its gates and stages; stages and standards translated."""

    resolution: Resolution
    gates: Gates
    stages: Stages
    standards: Mapping[str, Standard]


@dc.dataclass(frozen=True)
class Derived:
    """Step 3: what every page shows."""

    targets: Targets
    catalog: dict[str, PhaseEntry]
    gate_entries: dict[str, GateEntry]
    pages: dict[str, PageView]


@dc.dataclass
class Run:
    """One life cycle's way through the steps."""

    name: str
    settings: PhasesConfig
    facts: Facts
    loaded: Loaded
    resolved: Resolved


def resolve_and_check(app: Sphinx, env: BuildEnvironment) -> dict[str, str]:
    """Run the pipeline for each life cycle; return a fingerprint of what each page shows."""
    domain = phases_domain(env)
    found = lifecycles()
    order = toctree_order(env)
    # Each page's facts go to its life cycle's run, in one pass over the pages.
    owner = {docname: found.of(docname) for docname in env.found_docs}
    own: dict[str, dict[str, dict[str, Any]]] = {
        cycle.name: {key: {} for key in _OWN} for cycle in found.cycles
    }
    for key in _OWN:
        for docname, facts in domain.data[key].items():
            name = owner.get(docname)
            if name is not None:
                own[name][key][docname] = facts
    runs: list[Run] = []
    for cycle in found.cycles:
        speak(cycle.name)
        settings = speaker(cycle.name).settings
        facts = Facts(own[cycle.name])
        loaded = load(app, settings)
        resolved = resolve_all(app, facts, settings, loaded, order)
        runs.append(Run(cycle.name, settings, facts, loaded, resolved))
    addresses, unaddressed = address_refs(domain.data["refs"], owner, found, runs)
    refs = _refs_by_lifecycle(domain.data["refs"], addresses)
    cycles: dict[str, Cycle] = {}
    derived: dict[str, Derived] = {}
    for run in runs:
        speak(run.name)
        run.facts.data = {
            **run.facts.data,
            "refs": refs.get(run.name, {}),
            "overviews": _overviews_of(run.name, domain.data["overviews"], owner),
        }
        shown = derived[run.name] = derive(run.facts, run.resolved, current_profile())
        cycles[run.name] = Cycle(
            shown.targets, run.resolved.stages, shown.catalog, shown.gate_entries, shown.pages
        )
    domain.set_derived(cycles, addresses)
    causes = [c for run in runs for c in run.resolved.resolution.causes]
    reports = Reports(env, config_file(app), causes)
    external = external_phase_ids(env)
    check_project(reports, domain, found, unaddressed, external)
    for run in runs:
        speak(run.name)
        check(
            reports, run.facts, run.settings, run.loaded, run.resolved, derived[run.name], external
        )
    speak(None)
    reports.emit()
    return page_digests(cycles)


def load(app: Sphinx, settings: PhasesConfig) -> Loaded:
    """Step 1: read the sequence file, the stages and the standards."""
    spec, spec_problems = load_spec(app, settings)
    stage_items, stage_problems = load_stages(app, settings, spec)
    standards, standard_problems = load_standards(
        settings.standards, Path(app.confdir), Path(app.srcdir), config_file(app)
    )
    return Loaded(spec, stage_items, standards, spec_problems + stage_problems, standard_problems)


def resolve_all(
    app: Sphinx, facts: Facts, settings: PhasesConfig, loaded: Loaded, order: list[str]
) -> Resolved:
    """Step 2: resolve the sequence from every page's declaration, then its gates and
    stages; in the build's language from here on (the gettext builder takes their words
    instead)."""
    hide = frozenset({"draft"}) if settings.hide_drafts else frozenset()
    resolution = resolve(facts.all_decls(), loaded.spec, order, hide)
    page_phase = {docname: decls[0].id for docname, decls in facts.data["decls"].items()}
    gates = resolve_gates(
        facts.all_gates(),
        resolution,
        lambda phase_id: reading_neighbours(resolution, phase_id)[1],
        page_phase,
    )
    stages = resolve_stages(loaded.stage_items, resolution)
    stages, standards = translate_settings(
        app, loaded.stage_items, stages, loaded.standards, config_file(app)
    )
    return Resolved(resolution, gates, stages, standards)


def address_refs(
    refs: Mapping[str, list[tuple[str, int, str, str | None]]],
    owner: Mapping[str, str | None],
    found: Lifecycles,
    runs: list[Run],
) -> tuple[dict[str, dict[tuple[str, str], tuple[str, str]]], list[Unaddressed]]:
    """Which life cycle each role names (docs/reference/lifecycles.md): ``NAME:id`` names
    NAME's; a bare id the page's own life cycle's; outside every root, the one life cycle
    that declares it. Roles that name none, or several, come back to be reported."""
    declares: dict[str, dict[str, Callable[[str], bool]]] = {
        run.name: {
            "phase": run.resolved.resolution.decls.__contains__,
            "gate": run.resolved.gates.declared.__contains__,
            "point": partial(_has_point, run.resolved.standards),
        }
        for run in runs
    }
    addresses: dict[str, dict[tuple[str, str], tuple[str, str]]] = {}
    unaddressed: list[Unaddressed] = []
    for docname, named in refs.items():
        own = owner.get(docname, found.of(docname))
        mine: dict[tuple[str, str], tuple[str, str]] = {}
        for target, line, kind, path in named:
            if (kind, target) in mine:
                continue
            name, bare = found.split(target)
            if name is None and own is not None:
                name = own
            if name is None:
                choices = sorted(n for n, has in declares.items() if has[kind](target))
                if len(choices) != 1:
                    unaddressed.append(Unaddressed(docname, target, line, kind, path, choices))
                    continue
                name = choices[0]
            mine[(kind, target)] = (name, bare)
        addresses[docname] = mine
    return addresses, unaddressed


def _has_point(standards: Mapping[str, Standard], target: str) -> bool:
    return find_point(standards, target) is not None


def _refs_by_lifecycle(
    refs: Mapping[str, list[tuple[str, int, str, str | None]]],
    addresses: Mapping[str, Mapping[tuple[str, str], tuple[str, str]]],
) -> dict[str, dict[str, list[tuple[str, int, str, str | None]]]]:
    """The roles naming each life cycle, by page, with the ids they name in it."""
    found: dict[str, dict[str, list[tuple[str, int, str, str | None]]]] = {}
    for docname, named in refs.items():
        mine = addresses.get(docname, {})
        for target, line, kind, path in named:
            address = mine.get((kind, target))
            if address is not None:
                name, bare = address
                found.setdefault(name, {}).setdefault(docname, []).append((bare, line, kind, path))
    return found


def _overviews_of(
    name: str, overviews: Mapping[str, list[str | None]], owner: Mapping[str, str | None]
) -> dict[str, bool]:
    """The pages with an overview of life cycle *name*: its own pages' that name none,
    and those that name it."""
    return {
        docname: True
        for docname, shown in overviews.items()
        if name in shown or (None in shown and owner.get(docname) == name)
    }


def derive(facts: Facts, resolved: Resolved, profile: Profile) -> Derived:
    """Step 3: the catalogue of phases and gates, and what each page shows."""
    standards = resolved.standards
    listed: dict[str, str] = {}
    for docname in sorted(facts.data["standard_pages"]):
        for written, _coverage, _line in facts.data["standard_pages"][docname]:
            standard_id = written or (next(iter(standards)) if len(standards) == 1 else "")
            listed.setdefault(standard_id, docname)
    targets = Targets(resolved.resolution, resolved.gates, standards, listed)
    catalog = build_catalog(
        resolved.resolution,
        facts.data["items"],
        facts.data["questions"],
        facts.data["content"],
        STANDARD_PICTOGRAMS,
        resolved.gates,
        resolved.stages,
    )

    def cited(text: str) -> str:
        found = find_point(standards, text)
        return f"{found[0].id}:{found[1].id}" if found else text

    gate_entries = build_gate_entries(
        resolved.gates, lambda decl: parse_points(standards, decl.standard or "")[0], cited
    )
    rows = Rows(catalog, gate_entries, resolved.stages.stages)
    pages = build_pages(
        targets,
        resolved.stages,
        rows,
        facts.data["refs"],
        facts.data["standard_pages"],
        facts.data["overviews"],
        page_words(profile.decisions),
        frozenset(d.id for d in profile.decisions if d.means == "return"),
    )
    return Derived(targets, catalog, gate_entries, pages)


def load_spec(app: Sphinx, settings: PhasesConfig) -> tuple[SequenceSpec | None, list[Problem]]:
    """The configured sequence from conf.py or its YAML file, read once per build."""
    conf_path = config_file(app)
    loops_line = config_line(conf_path, "phases_loops") if settings.loops else None
    if isinstance(settings.sequence, str):
        spec, problems = from_config(
            None, settings.loops, conf_path=conf_path, sequence_line=None, loops_line=loops_line
        )
        extra = spec.loops if spec is not None else ()
        yaml_spec, yaml_problems = from_file(
            settings.sequence,
            extra,
            confdir=Path(app.confdir),
            roots=(Path(app.confdir), Path(app.srcdir)),
            conf_path=conf_path,
        )
        return yaml_spec, problems + yaml_problems
    return from_config(
        settings.sequence,
        settings.loops,
        conf_path=conf_path,
        sequence_line=config_line(conf_path, "phases_sequence"),
        loops_line=loops_line,
    )


def load_stages(
    app: Sphinx, settings: PhasesConfig, spec: SequenceSpec | None
) -> tuple[list[StageItem], list[Problem]]:
    """The sequence file's stages, then those of ``phases_stages``."""
    items = list(spec.stages) if spec is not None else []
    value = settings.stages
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


def page_digests(cycles: Mapping[str, Cycle]) -> dict[str, str]:
    """A fingerprint of what each page shows of every life cycle."""
    shown: dict[str, list[tuple[str, str]]] = {}
    for name, cycle in sorted(cycles.items()):
        for docname, view in cycle.pages.items():
            shown.setdefault(docname, []).append((name, digest(view)))
    return {docname: repr(views) for docname, views in shown.items()}


def pages_to_rewrite(env: BuildEnvironment, digests: Mapping[str, str]) -> list[str]:
    domain = phases_domain(env)
    old: dict[str, str] = domain.data["views"]
    domain.data["views"] = dict(digests)
    changed = {d for d in digests.keys() | old.keys() if digests.get(d) != old.get(d)}
    return sorted(d for d in changed if d in env.all_docs)

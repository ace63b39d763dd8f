"""Once per build, after every page is read: the pipeline that turns every page's raw
declarations into what each page shows.

It runs in the main process on ``env-get-updated``, which Sphinx emits on every build
(even when nothing changed) after the parallel readers have merged, in five steps:

1. :func:`load` - the files the settings name: the sequence, stages and standards;
2. :func:`resolve_all` - the sequence, the gates between phases, the stages;
3. :func:`derive` - the catalogue and each page's view (what it shows of other pages);
4. :func:`~sphinx_phases.sphinx_ext.checks.check` - every problem, a mistake first;
5. report - one located warning each (:class:`~sphinx_phases.sphinx_ext.checks.Reports`);

then :func:`pages_to_rewrite` names the pages whose view changed since they were written.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_phases.core.catalog import GateEntry, PhaseEntry, build_catalog, build_gate_entries
from sphinx_phases.core.config import config_file, config_line, get_config
from sphinx_phases.core.gates import Gates, resolve_gates
from sphinx_phases.core.pictograms import STANDARD_PICTOGRAMS
from sphinx_phases.core.problems import Problem
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
from sphinx_phases.render.navigation import page_words
from sphinx_phases.sphinx_ext.checks import check
from sphinx_phases.sphinx_ext.domain import phases_domain
from sphinx_phases.sphinx_ext.labels import current_profile
from sphinx_phases.sphinx_ext.translation import translate_settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_phases.sphinx_ext.domain import PhasesDomain


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


def resolve_and_check(app: Sphinx, env: BuildEnvironment) -> dict[str, PageView]:
    """Run the pipeline; return every page's view."""
    domain = phases_domain(env)
    loaded = load(app, env)
    resolved = resolve_all(app, env, loaded)
    derived = derive(domain, resolved)
    domain.set_derived(
        derived.targets, resolved.stages, derived.catalog, derived.gate_entries, derived.pages
    )
    check(app, env, loaded, resolved, derived).emit()
    return derived.pages


def load(app: Sphinx, env: BuildEnvironment) -> Loaded:
    """Step 1: read the sequence file, the stages and the standards."""
    settings = get_config(app.config)
    spec, spec_problems = load_spec(app)
    stage_items, stage_problems = load_stages(app, spec)
    standards, standard_problems = load_standards(
        settings.standards, Path(app.confdir), Path(app.srcdir), config_file(app)
    )
    return Loaded(spec, stage_items, standards, spec_problems + stage_problems, standard_problems)


def resolve_all(app: Sphinx, env: BuildEnvironment, loaded: Loaded) -> Resolved:
    """Step 2: resolve the sequence from every page's declaration, then its gates and
    stages; in the build's language from here on (the gettext builder takes their words
    instead)."""
    domain = phases_domain(env)
    hide = frozenset({"draft"}) if get_config(app.config).hide_drafts else frozenset()
    resolution = resolve(domain.all_decls(), loaded.spec, toctree_order(env), hide)
    page_phase = {docname: decls[0].id for docname, decls in domain.data["decls"].items()}
    gates = resolve_gates(
        domain.all_gates(),
        resolution,
        lambda phase_id: reading_neighbours(resolution, phase_id)[1],
        page_phase,
    )
    stages = resolve_stages(loaded.stage_items, resolution)
    stages, standards = translate_settings(
        app, loaded.stage_items, stages, loaded.standards, config_file(app)
    )
    return Resolved(resolution, gates, stages, standards)


def derive(domain: PhasesDomain, resolved: Resolved) -> Derived:
    """Step 3: the catalogue of phases and gates, and what each page shows."""
    standards = resolved.standards
    listed: dict[str, str] = {}
    for docname in sorted(domain.data["standard_pages"]):
        for written, _coverage, _line in domain.data["standard_pages"][docname]:
            standard_id = written or (next(iter(standards)) if len(standards) == 1 else "")
            listed.setdefault(standard_id, docname)
    targets = Targets(resolved.resolution, resolved.gates, standards, listed)
    catalog = build_catalog(
        resolved.resolution,
        domain.data["items"],
        domain.data["questions"],
        domain.data["content"],
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
        domain.data["refs"],
        domain.data["standard_pages"],
        domain.data["overviews"],
        page_words(current_profile().decisions),
        frozenset(d.id for d in current_profile().decisions if d.means == "return"),
    )
    return Derived(targets, catalog, gate_entries, pages)


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


def pages_to_rewrite(env: BuildEnvironment, views: Mapping[str, PageView]) -> list[str]:
    domain = phases_domain(env)
    digests = {docname: digest(view) for docname, view in views.items()}
    old: dict[str, str] = domain.data["views"]
    domain.data["views"] = digests
    changed = {d for d in digests.keys() | old.keys() if digests.get(d) != old.get(d)}
    return sorted(d for d in changed if d in env.all_docs)

"""Stages: titled groups of consecutive top-level phases (no Sphinx import).

Stages change no navigation; overviews, the phase facts and the export show them
(docs/reference/stages.md). :func:`resolve_stages` keeps each configured stage that fits
the resolved order and reports the rest.
"""

from __future__ import annotations

import dataclasses as dc
from collections.abc import Callable, Iterable, Mapping

from sphinx_phases.core.messages import did_you_mean
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.sequence.problems import from_typo, suggestable
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.sequence.spec import StageItem


@dc.dataclass(frozen=True)
class Stage:
    id: str
    title: str
    phases: tuple[str, ...]  # the shown ones, in the resolved order


@dc.dataclass(frozen=True)
class Stages:
    stages: Mapping[str, Stage] = dc.field(default_factory=dict)  # in the resolved order
    of: Mapping[str, str] = dc.field(default_factory=dict)  # phase id -> stage id
    problems: tuple[Problem, ...] = ()


def resolve_stages(items: Iterable[StageItem], resolution: Resolution) -> Stages:
    """The stages that hold consecutive top-level phases, each phase in one at most."""
    problems: list[Problem] = []
    top = {phase_id: i for i, phase_id in enumerate(resolution.order)}
    kept: list[tuple[int, Stage]] = []
    of: dict[str, str] = {}
    seen: set[str] = set()

    def report(item: StageItem, subtype: PhaseWarning, message: str) -> None:
        problems.append(Problem(subtype, message, item.line, path=item.path))

    for item in items:
        if item.id in seen:
            report(
                item,
                PhaseWarning.STAGE,
                f"stage '{item.id}' is configured twice; expected one entry per stage",
            )
            continue
        seen.add(item.id)
        members: list[str] = []
        fits = True
        for phase_id in dict.fromkeys(item.phases):
            if phase_id not in resolution.decls:
                typo = from_typo(resolution, phase_id)
                if typo is not None:
                    message = (
                        f"stage '{item.id}' names '{phase_id}', which no page declares: "
                        f"{typo}; expected the typo fixed (the stage is left out until then)"
                    )
                else:
                    hint = did_you_mean(phase_id, suggestable(resolution))
                    message = (
                        f"stage '{item.id}' names '{phase_id}', which no page declares; "
                        f"expected the id of a phase{hint}"
                    )
                report(item, PhaseWarning.UNKNOWN, message)
                fits = False
            elif phase_id in resolution.hidden:
                continue
            elif phase_id not in top:
                report(
                    item,
                    PhaseWarning.STAGE,
                    f"stage '{item.id}' names '{phase_id}', a sub-phase; expected top-level "
                    "phases (a sub-phase is in its parent's stage)",
                )
                fits = False
            elif phase_id in of:
                report(
                    item,
                    PhaseWarning.STAGE,
                    f"stage '{item.id}' names '{phase_id}', which is in stage "
                    f"'{of[phase_id]}' already; expected each phase in one stage at most",
                )
                fits = False
            else:
                members.append(phase_id)
        if not fits or not members:
            continue
        places = sorted(top[p] for p in members)
        if places[-1] - places[0] + 1 != len(places):
            gap = [p for p in resolution.order[places[0] : places[-1]] if p not in members]
            report(
                item,
                PhaseWarning.STAGE,
                f"stage '{item.id}' holds phases that are not consecutive: "
                f"'{gap[0]}' comes between them in the sequence; expected a run of "
                "consecutive top-level phases",
            )
            continue
        ordered = tuple(resolution.order[places[0] : places[-1] + 1])
        kept.append((places[0], Stage(item.id, item.title, ordered)))
        of.update((p, item.id) for p in ordered)
    kept.sort(key=lambda pair: pair[0])
    return Stages({stage.id: stage for _place, stage in kept}, of, tuple(problems))


def translated_stages(stages: Stages, translate: Callable[[str], str]) -> Stages:
    """*stages* with their titles passed through *translate* (the project's catalogues,
    docs/how-to/translate.md)."""
    shown = {
        key: dc.replace(stage, title=translate(stage.title))
        for key, stage in stages.stages.items()
    }
    return dc.replace(stages, stages=shown)

"""Collect a page's hand-written previous/next links into at most one neighbour each way."""

from __future__ import annotations

from sphinx_phases.cli.navlinks import NavLink
from sphinx_phases.cli.report import Issue


class Neighbours:
    """First link each way wins; blanks, strangers and disagreements go to the report."""

    def __init__(self, own_id: str | None, phase_ids: frozenset[str], issues: list[Issue]):
        self.own_id = own_id
        self.phase_ids = phase_ids
        self.issues = issues
        self.found: dict[str, tuple[str, int]] = {}

    def add(self, link: NavLink, line: int) -> None:
        def report(kind: str, message: str) -> None:
            self.issues.append(Issue(line, kind, message, link.label))

        direction, target = link.direction, link.target
        if self.own_id is None:
            report("dropped", "previous/next link on a page that declares no phase dropped")
        elif not target:
            report("dropped", f"{direction} link with a blank target (page template) dropped")
        elif target == self.own_id:
            report("dropped", f"{direction} link to the page itself dropped")
        elif target not in self.phase_ids:
            hint = _suggest(target, self.phase_ids)
            report(
                "unresolved",
                f"{direction} phase '{target}' is not among the migrated pages; not emitted"
                + (f" (did you mean '{hint}'?)" if hint else ""),
            )
        elif direction in self.found and self.found[direction][0] != target:
            kept, first_line = self.found[direction]
            report(
                "conflict",
                f"{direction} link names '{target}', but line {first_line} named '{kept}',"
                " which is kept",
            )
        else:
            self.found.setdefault(direction, (target, line))
            report("moved", f"{direction} link moved to the phase declaration ({target})")

    def resolved(self) -> tuple[str | None, str | None]:
        previous = self.found.get("previous")
        following = self.found.get("next")
        return (previous[0] if previous else None, following[0] if following else None)


def _suggest(target: str, known: frozenset[str]) -> str | None:
    # "public-beta" was the wiki's name for what became "beta": suggest, never substitute.
    parts = target.split("-")
    matches = sorted(k for k in known if k in parts)
    return matches[0] if matches else None

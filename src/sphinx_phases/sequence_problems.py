"""The wording of every problem the sequence resolver finds, in one place (no Sphinx)."""

from __future__ import annotations

import dataclasses as dc
import difflib
from collections.abc import Mapping, Sequence

from sphinx_phases.chains import Chains
from sphinx_phases.model import PhaseDecl
from sphinx_phases.problems import PhaseWarning, Problem
from sphinx_phases.sequence_spec import SequenceSpec

# Above this many phases, finding "did you mean" suggestions would cost too much.
_SUGGEST_LIMIT = 2000


class SequenceProblems:
    """Every problem the resolver finds, worded here and nowhere else."""

    def __init__(self, spec: SequenceSpec | None) -> None:
        self.spec = spec
        self.found: list[Problem] = []
        self.known: Mapping[str, PhaseDecl] = {}  # the winners, for "did you mean"

    def at(self, decl: PhaseDecl) -> Problem:
        """A location (a problem without a message yet) at *decl*'s declaration."""
        return Problem(PhaseWarning.UNKNOWN, "", decl.line, docname=decl.docname, path=decl.source)

    def at_spec(self, line: int | None) -> Problem:
        assert self.spec is not None
        return Problem(PhaseWarning.CONFIG, "", line, path=self.spec.path)

    def _add(self, subtype: PhaseWarning, message: str, where: Problem) -> None:
        self.found.append(dc.replace(where, subtype=subtype, message=message))

    def second_on_page(self, decl: PhaseDecl, earlier: PhaseDecl) -> None:
        self._add(
            PhaseWarning.DUPLICATE,
            f"this page already declares phase '{earlier.id}' (line {earlier.line}); "
            f"expected at most one phase per page, so '{decl.id}' is ignored",
            self.at(decl),
        )

    def duplicate_id(self, decl: PhaseDecl, winner: PhaseDecl) -> None:
        self._add(
            PhaseWarning.DUPLICATE,
            f"phase '{decl.id}' is already declared by page '{winner.docname}' "
            f"(line {winner.line}); expected each id on one page only",
            self.at(decl),
        )

    def listed_twice(self, phase_id: str, line: int | None) -> None:
        self._add(
            PhaseWarning.DUPLICATE,
            f"phases_sequence lists '{phase_id}' more than once; expected each phase once",
            self.at_spec(line),
        )

    def unknown(self, phase_id: str, what: str, where: Problem) -> None:
        hint = ""
        if len(self.known) <= _SUGGEST_LIMIT:
            close = difflib.get_close_matches(phase_id, list(self.known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
        self._add(
            PhaseWarning.UNKNOWN,
            f"{what} '{phase_id}' is not declared by any page; expected the id of a phase{hint}",
            where,
        )

    def own_parent(self, decl: PhaseDecl) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{decl.id}' names itself as its parent; expected another phase",
            self.at(decl),
        )

    def parents_disagree(self, decl: PhaseDecl, configured: str) -> None:
        self._add(
            PhaseWarning.ASYMMETRIC,
            f"phase '{decl.id}' declares parent '{decl.parent}', but phases_sequence puts "
            f"it under '{configured}'; expected both to name the same parent (the page's "
            "own is used)",
            self.at(decl),
        )

    def parent_cycle(self, cycle: list[str], breaker: PhaseDecl) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"parents form a cycle: {_arrows(cycle)}; expected a parent chain that ends at "
            f"a top-level phase, so '{breaker.id}' is treated as top-level",
            self.at(breaker),
        )

    def own_neighbour(self, decl: PhaseDecl, field: str) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{decl.id}' names itself as its {field}; expected a neighbouring phase",
            self.at(decl),
        )

    def other_family(
        self, decl: PhaseDecl, field: str, other: str, mine: str | None, theirs: str | None
    ) -> None:
        self._add(
            PhaseWarning.ASYMMETRIC,
            f"{field} phase '{other}' is {_family(theirs)}, but '{decl.id}' is "
            f"{_family(mine)}; expected neighbours with the same parent",
            self.at(decl),
        )

    def clash(
        self, decl: PhaseDecl, field: str, other: str, a: str, b: str, why: str, chains: Chains
    ) -> None:
        said = f"phase '{decl.id}' names '{other}' as its {field}"
        if why == "cycle":
            self._add(
                PhaseWarning.CYCLE,
                f"{said}, which closes a cycle: {_arrows([*chains.path(b, a), b])}; expected "
                "the sequence to go forward, or a declared 'loops-to'",
                self.at(decl),
            )
            return
        source = a if why == "succ" else chains.pred[b]
        target = chains.succ[source]
        origin = chains.origin[source]
        if origin is None:
            because = f"phases_sequence has '{source}' -> '{target}'"
        elif origin[1] == "next":
            because = f"'{source}' says its next is '{target}'"
        else:
            because = f"'{target}' says its previous is '{source}'"
        self._add(
            PhaseWarning.ASYMMETRIC,
            f"{said}, but {because}; expected both pages to agree (this page's navigation "
            "follows its own link)",
            self.at(decl),
        )

    def orphan(self, chain: list[PhaseDecl]) -> None:
        source = "phases_sequence" if self.spec is not None else "any toctree"
        first = chain[0]
        if len(chain) == 1:
            message = (
                f"phase '{first.id}' is not in {source} and no previous/next link reaches "
                "it; expected it in the sequence"
            )
        else:
            names = ", ".join(f"'{d.id}'" for d in chain)
            message = (
                f"phases {names} form a sequence that {source} does not reach; expected "
                "them in the sequence"
            )
        self._add(PhaseWarning.ORPHAN, message, self.at(first))

    def loop_to_itself(self, source: str, where: Problem) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{source}' loops to itself; expected a loop back to an earlier phase",
            where,
        )

    def loop_forward(self, source: str, target: str, where: Problem) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{source}' loops to '{target}', which comes after it; expected a loop "
            "back to an earlier phase",
            where,
        )


def _family(parent: str | None) -> str:
    return f"part of '{parent}'" if parent else "a top-level phase"


def _arrows(ids: Sequence[str]) -> str:
    return " -> ".join(f"'{p}'" for p in ids)

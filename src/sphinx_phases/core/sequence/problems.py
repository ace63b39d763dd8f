"""The wording of every problem the sequence resolver finds, in one place (no Sphinx).

One mistake is reported once, as the mistake, with its fix (docs/reference/warnings.md):
an id that no page declares is worded only once every reference is known, so that a
declared id that is itself the typo is reported as such, and the orphan a typo leaves
behind is not reported as a second problem.
"""

from __future__ import annotations

import dataclasses as dc
import difflib
import os
from collections.abc import Mapping, Sequence

from sphinx_phases.core.messages import slug
from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.sequence.chains import Chains
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.sequence.spec import SequenceSpec

# Above this many phases, finding "did you mean" suggestions would cost too much.
_SUGGEST_LIMIT = 2000
# References that give a phase its place: fixing a typo in one of them places the phase.
_PLACING = frozenset({"phases_sequence item", "next phase", "previous phase"})
# How many of the places that name a misspelt id a message lists.
_PLACES_SHOWN = 3


class SequenceProblems:
    """Every problem the resolver finds, worded here and nowhere else."""

    def __init__(self, spec: SequenceSpec | None) -> None:
        self.spec = spec
        self.found: list[Problem] = []
        # Problems that explain others (an id no page declares): reported first.
        self.causes: list[Problem] = []
        self.known: Mapping[str, PhaseDecl] = {}  # the winners, for "did you mean"
        # Worded by finish(), once every reference is known.
        self._unknown: list[tuple[str, str, Problem]] = []  # (id, what names it, where)
        self._orphans: list[list[PhaseDecl]] = []
        self._spec_rank: dict[str, int] | None = None
        # Declarations reported as typos: the id meant -> the id declared.
        self.misspelt: dict[str, str] = {}

    def at(self, decl: PhaseDecl, option: str | None = None) -> Problem:
        """A location (a problem without a message yet) at *decl*'s declaration, on the
        line of its *option* when that is known."""
        return Problem(
            PhaseWarning.UNKNOWN,
            "",
            decl.line_of(option),
            key=option,
            docname=decl.docname,
            path=decl.source,
        )

    def at_spec(self, line: int | None) -> Problem:
        assert self.spec is not None
        return Problem(PhaseWarning.CONFIG, "", line, path=self.spec.path)

    def _add(
        self, subtype: PhaseWarning, message: str, where: Problem, *, cause: bool = False
    ) -> None:
        problem = dc.replace(where, subtype=subtype, message=message)
        self.found.append(problem)
        if cause:
            self.causes.append(problem)

    def spec_rank(self, phase_id: str) -> int | None:
        """Where phases_sequence lists *phase_id*, if it does."""
        if self._spec_rank is None:
            self._spec_rank = {}
            for i, item in enumerate(self.spec.items if self.spec is not None else ()):
                self._spec_rank.setdefault(item.id, i)
        return self._spec_rank.get(phase_id)

    def second_on_page(self, decl: PhaseDecl, earlier: PhaseDecl) -> None:
        at = _line(earlier.line, earlier.source)
        self._add(
            PhaseWarning.DUPLICATE,
            f"this page already declares phase '{earlier.id}' ({at}); "
            f"expected at most one phase per page, so '{decl.id}' is ignored",
            self.at(decl),
        )

    def duplicate_id(self, decl: PhaseDecl, winner: PhaseDecl) -> None:
        self._add(
            PhaseWarning.DUPLICATE,
            f"phase '{decl.id}' is already declared by page '{winner.docname}' "
            f"({_line(winner.line, winner.source)}); expected each id on one page only",
            self.at(decl),
        )

    def listed_twice(self, phase_id: str, line: int | None) -> None:
        self._add(
            PhaseWarning.DUPLICATE,
            f"phases_sequence lists '{phase_id}' more than once; expected each phase once",
            self.at_spec(line),
        )

    def unknown(self, phase_id: str, what: str, where: Problem) -> None:
        """*what* at *where* names *phase_id*, which no page declares (worded by finish)."""
        self._unknown.append((phase_id, what, where))

    def own_parent(self, decl: PhaseDecl) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{decl.id}' names itself as its parent; expected another phase",
            self.at(decl, "parent"),
        )

    def parents_disagree(self, decl: PhaseDecl, configured: str) -> None:
        self._add(
            PhaseWarning.ASYMMETRIC,
            f"phase '{decl.id}' declares parent '{decl.parent}', but phases_sequence puts "
            f"it under '{configured}'; expected both to name the same parent (the page's "
            "own is used)",
            self.at(decl, "parent"),
        )

    def parent_cycle(self, cycle: list[str], breaker: PhaseDecl) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"parents form a cycle: {_arrows(cycle)}; expected a parent chain that ends at "
            f"a top-level phase, so '{breaker.id}' is treated as top-level",
            self.at(breaker, "parent"),
        )

    def own_neighbour(self, decl: PhaseDecl, field: str) -> None:
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{decl.id}' names itself as its {field}; expected a neighbouring phase",
            self.at(decl, field),
        )

    def other_family(
        self, decl: PhaseDecl, field: str, other: str, mine: str | None, theirs: str | None
    ) -> None:
        self._add(
            PhaseWarning.ASYMMETRIC,
            f"{field} phase '{other}' is {_family(theirs)}, but '{decl.id}' is "
            f"{_family(mine)}; expected neighbours with the same parent",
            self.at(decl, field),
        )

    def clash(
        self, decl: PhaseDecl, field: str, other: str, a: str, b: str, why: str, chains: Chains
    ) -> None:
        said = f"phase '{decl.id}' names '{other}' as its {field}"
        where = self.at(decl, field)
        if why == "cycle":
            rank_a, rank_b = self.spec_rank(a), self.spec_rank(b)
            if rank_a is not None and rank_b is not None and rank_b < rank_a:
                # The sequence orders them the other way: that is the disagreement to fix,
                # whatever cycle following the link would also close.
                self._add(
                    PhaseWarning.ASYMMETRIC,
                    f"{said}, but phases_sequence puts '{b}' before '{a}' "
                    f"({_arrows(chains.path(b, a))}); expected the page and phases_sequence "
                    "to agree (this page's navigation follows its own link)",
                    where,
                )
                return
            self._add(
                PhaseWarning.CYCLE,
                f"{said}, which closes a cycle: {_arrows([*chains.path(b, a), b])}; expected "
                "the sequence to go forward, or a declared 'loops-to'",
                where,
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
            where,
        )

    def against_toctree(
        self, decl: PhaseDecl, field: str, other: str, a: str, b: str, between: str | None
    ) -> None:
        """The link *a* -> *b* (*decl*'s *field*) orders phases otherwise than the toctree:
        *between* is the phase the toctree lists after *a*, None when it lists *b* first."""
        found = (
            f"the toctree lists '{b}' before '{a}'"
            if between is None
            else f"the toctree lists '{between}' between '{a}' and '{b}'"
        )
        self._add(
            PhaseWarning.ASYMMETRIC,
            f"phase '{decl.id}' names '{other}' as its {field}, but {found}; expected the "
            "toctree in the order of the links (the sidebar follows the toctree, the phase "
            "navigation the links)",
            self.at(decl, field),
        )

    def loop_against_toctree(
        self, decl: PhaseDecl, field: str, other: str, loop: list[str]
    ) -> None:
        """*decl*'s *field* links the last of *loop* back to its first, which the toctree
        lists first: with the toctree's order, the link closes a loop, which no toctree
        order can follow."""
        first, last = loop[0], loop[-1]
        self._add(
            PhaseWarning.CYCLE,
            f"phase '{decl.id}' names '{other}' as its {field}, which closes a loop with the "
            f"toctree's order: {_arrows([*loop, first])}; expected, if the loop is meant, "
            f"':loops-to: {first}' on phase '{last}' in place of this link (no toctree "
            "order can follow a loop), else the toctree in the order of the links",
            self.at(decl, field),
        )

    def orphan(self, chain: list[PhaseDecl]) -> None:
        """No sequence reaches *chain* (worded by finish, unless a typo explains it)."""
        self._orphans.append(chain)

    def _orphan(self, chain: list[PhaseDecl]) -> None:
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

    def finish(self) -> None:
        """Word the unknown ids and the orphans, now that every reference is known.

        A declared id that nothing names, close to an unknown id that several places name
        (or that its page's name or title spells), is one mistake: the declaration is
        reported, once, with the id those places expect. Otherwise each reference is
        reported, with the declared id it probably means. Either way, the phase the typo
        leaves unplaced is not also reported as an orphan.
        """
        named = self._named()
        by_id: dict[str, list[tuple[str, Problem]]] = {}
        for phase_id, what, where in self._unknown:
            by_id.setdefault(phase_id, []).append((what, where))
        suggest = len(self.known) <= _SUGGEST_LIMIT
        explained: set[str] = set()
        # The most-named unknown id first: a declaration is blamed for one typo at most.
        ordered = sorted(by_id, key=lambda p: (-len(by_id[p]), p))
        for phase_id in ordered:
            refs = by_id[phase_id]
            close = difflib.get_close_matches(phase_id, list(self.known), n=1) if suggest else []
            match = close[0] if close else None
            if match is not None and match not in named and match not in explained:
                decl = self.known[match]
                if len(refs) > 1 or phase_id in (
                    decl.docname.rpartition("/")[2],
                    slug(decl.title),
                ):
                    explained.add(match)
                    self.misspelt[phase_id] = match
                    self._misspelt_declaration(decl, phase_id, refs)
                    continue
                if any(what in _PLACING for what, _where in refs):
                    explained.add(match)
        # A declaration reported as a typo is never offered as the fix.
        typos = set(self.misspelt.values())
        choices = [p for p in self.known if p not in typos] if suggest else []
        for phase_id in ordered:
            if phase_id in self.misspelt:
                continue
            refs = by_id[phase_id]
            close = difflib.get_close_matches(phase_id, choices, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            for what, where in refs:
                self._add(
                    PhaseWarning.UNKNOWN,
                    f"{what} '{phase_id}' is not declared by any page; expected the id of a "
                    f"phase{hint}",
                    where,
                    cause=True,
                )
        for chain in self._orphans:
            if not any(decl.id in explained for decl in chain):
                self._orphan(chain)

    def _named(self) -> set[str]:
        """Every id that a link, a parent, a loop or the configured sequence names."""
        named: set[str] = set()
        for decl in self.known.values():
            named.update(p for p in (decl.previous, decl.next, decl.parent, decl.loops_to) if p)
        if self.spec is not None:
            named.update(item.id for item in self.spec.items)
            for loop in self.spec.loops:
                named.update((loop.source, loop.target))
        return named

    def _misspelt_declaration(
        self, decl: PhaseDecl, meant: str, refs: list[tuple[str, Problem]]
    ) -> None:
        ordered = sorted((where for _what, where in refs), key=Problem.sort_key)
        places = list(dict.fromkeys(_place(where) for where in ordered))
        shown = places[:_PLACES_SHOWN]
        if len(places) > _PLACES_SHOWN:
            shown.append(f"{len(places) - _PLACES_SHOWN} more")
        listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
        verb = "names" if len(places) == 1 else "name"
        self._add(
            PhaseWarning.UNKNOWN,
            f"phase id '{decl.id}' looks like a typo for '{meant}': no page declares "
            f"'{meant}', yet {listed} {verb} it, and nothing names '{decl.id}'; expected "
            f"'{meant}'",
            self.at(decl),
            cause=True,
        )

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


def _place(where: Problem) -> str:
    """Where a reference is, in words: "page 'alpha' (line 4)", "phases.yml (line 1)"."""
    if where.docname:
        name, at = f"page '{where.docname}'", _line(where.line, where.path)
    else:
        name, at = os.path.basename(where.path or ""), f"line {where.line}"
    return f"{name} ({at})" if where.line else name


def _line(line: int | None, included: str | None) -> str:
    """A line of a page, or of a file it includes: "_alpha-decl.md, line 4". The file's
    name alone, beside its page's: the source directory is not known here."""
    return f"{os.path.basename(included)}, line {line}" if included else f"line {line}"


def _family(parent: str | None) -> str:
    return f"part of '{parent}'" if parent else "a top-level phase"


def _arrows(ids: Sequence[str]) -> str:
    return " -> ".join(f"'{p}'" for p in ids)


def suggestable(resolution: Resolution) -> list[str]:
    """The declared ids a "did you mean" may offer: not one reported as a typo."""
    typos = set(resolution.misspelt.values())
    return [p for p in resolution.decls if p not in typos]


def from_typo(resolution: Resolution, named: str) -> str | None:
    """When *named* is the id a declaration reported as a typo was meant to have: the
    words that say a problem with *named* follows from that typo, else None."""
    typo = resolution.misspelt.get(named)
    if typo is None:
        return None
    decl = resolution.decls[typo]
    at = _line(decl.line, decl.source)
    return (
        f"this follows from the typo '{typo}' for '{named}' on page '{decl.docname}' ({at}), "
        "reported there"
    )

"""The pure sequence resolver: every rule, and properties over random inputs."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.sequence.resolve import resolve
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.sequence.spec import SequenceSpec, SpecItem, from_config, from_yaml

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))


def decl(phase_id: str, **options: str) -> PhaseDecl:
    return PhaseDecl(id=phase_id, docname=phase_id, line=1, title=phase_id.title(), **options)


def spec(*items: object, loops: object = None) -> SequenceSpec:
    result, problems = from_config(
        list(items), loops, conf_path="conf.py", sequence_line=7, loops_line=8
    )
    assert problems == []
    assert result is not None
    return result


def problems(resolution: Resolution) -> list[tuple[str, str | None, str]]:
    return [(p.subtype.value, p.docname or p.path, p.message) for p in resolution.problems]


def subtypes(resolution: Resolution) -> list[str]:
    return [p.subtype.value for p in resolution.problems]


# -- priority: explicit, then configured, then toctree --------------------------------------


def test_toctree_order_is_the_fallback() -> None:
    result = resolve([decl("b"), decl("a"), decl("c")], toc_order=["index", "c", "a", "b"])
    assert result.order == ("c", "a", "b")
    assert result.phases["c"].first
    assert result.phases["b"].last
    assert result.phases["a"].previous == "c"
    assert result.phases["a"].next == "b"
    assert result.problems == ()


def test_explicit_links_beat_the_toctree_and_say_so() -> None:
    decls = [decl("alpha", previous="discovery", next="beta"), decl("beta"), decl("discovery")]
    result = resolve(decls, toc_order=["alpha", "beta", "discovery"])
    assert result.order == ("discovery", "alpha", "beta")
    # The sidebar (the toctree) and the phase navigation (the links) disagree: say so.
    assert problems(result) == [
        (
            "asymmetric",
            "alpha",
            "phase 'alpha' names 'discovery' as its previous, but the toctree lists 'alpha' "
            "before 'discovery'; expected the toctree in the order of the links (the sidebar "
            "follows the toctree, the phase navigation the links)",
        )
    ]


def test_explicit_chains_are_placed_by_their_earliest_toctree_member() -> None:
    decls = [decl("a", next="b"), decl("b"), decl("c"), decl("d", next="e"), decl("e")]
    result = resolve(decls, toc_order=["c", "e", "a"])
    # Chains [a, b], [c], [d, e] ranked by the earliest listed member: c=0, e=1, a=2.
    assert result.order == ("c", "d", "e", "a", "b")


def test_configured_sequence_beats_the_toctree() -> None:
    result = resolve(
        [decl("a"), decl("b"), decl("c")], spec("c", "b", "a"), toc_order=["a", "b", "c"]
    )
    assert result.order == ("c", "b", "a")


def test_explicit_link_that_contradicts_the_sequence_is_reported_and_wins_on_its_page() -> None:
    result = resolve([decl("a"), decl("b", next="a"), decl("c")], spec("a", "b", "c"))
    assert result.order == ("a", "b", "c")  # overviews keep the configured order
    assert result.phases["b"].next == "a"  # but b's own navigation follows b
    # Following b's link would also close a cycle, but the disagreement is what to fix.
    assert problems(result) == [
        (
            "asymmetric",
            "b",
            "phase 'b' names 'a' as its next, but phases_sequence puts 'a' before 'b' "
            "('a' -> 'b'); expected the page and phases_sequence to agree (this page's "
            "navigation follows its own link)",
        )
    ]


def test_explicit_links_attach_phases_the_sequence_does_not_list() -> None:
    result = resolve([decl("a"), decl("b"), decl("x", previous="b")], spec("a", "b"))
    assert result.order == ("a", "b", "x")
    assert result.problems == ()


# -- sub-phases and loops ------------------------------------------------------------------


def test_sub_phases_form_a_closed_sequence_under_their_parent() -> None:
    decls = [
        decl("alpha"),
        decl("beta"),
        decl("live"),
        decl("private", parent="beta"),
        decl("public", parent="beta"),
    ]
    result = resolve(decls, toc_order=["alpha", "beta", "private", "public", "live"])
    assert result.order == ("alpha", "beta", "live")
    assert result.flat == ("alpha", "beta", "private", "public", "live")
    assert result.phases["beta"].children == ("private", "public")
    assert result.phases["beta"].next == "live"
    private, public = result.phases["private"], result.phases["public"]
    assert (private.previous, private.next, private.parent) == (None, "public", "beta")
    assert (public.previous, public.next) == ("private", None)
    assert not public.last  # "last" is about the top-level sequence


def test_nested_sequence_config_gives_parents() -> None:
    result = resolve(
        [decl(p) for p in ("a", "b", "b1", "b2", "c")], spec("a", {"b": ["b1", "b2"]}, "c")
    )
    assert result.phases["b2"].parent == "b"
    assert result.flat == ("a", "b", "b1", "b2", "c")


def test_a_page_parent_beats_the_configured_one() -> None:
    result = resolve([decl("a"), decl("b"), decl("x", parent="a")], spec({"b": ["x"]}, "a"))
    assert result.phases["x"].parent == "a"
    assert subtypes(result) == ["asymmetric"]


def test_declared_loops_are_back_edges() -> None:
    decls = [decl("discovery"), decl("live", loops_to="discovery", next="discovery")]
    result = resolve(decls, toc_order=["discovery", "live"])
    assert result.phases["live"].loops_to == ("discovery",)
    assert result.phases["live"].next is None  # the loop is shown as a loop, not a next
    assert result.problems == ()


def test_loops_from_configuration() -> None:
    result = resolve([decl("a"), decl("b")], spec("a", "b", loops=[{"from": "b", "to": "a"}]))
    assert result.phases["b"].loops_to == ("a",)


@pytest.mark.parametrize(
    ("loops_to", "message"),
    [
        ("b", "phase 'b' loops to itself; expected a loop back to an earlier phase"),
        (
            "c",
            "phase 'b' loops to 'c', which comes after it; expected a loop back to an earlier "
            "phase",
        ),
    ],
)
def test_loops_must_go_back(loops_to: str, message: str) -> None:
    result = resolve(
        [decl("a"), decl("b", loops_to=loops_to), decl("c")], toc_order=["a", "b", "c"]
    )
    assert problems(result) == [("cycle", "b", message)]


# -- defects -------------------------------------------------------------------------------


def test_duplicates_keep_the_first_page_in_name_order() -> None:
    first = PhaseDecl(id="a", docname="a1", line=3, title="A")
    second = PhaseDecl(id="a", docname="a2", line=5, title="A again")
    result = resolve([second, first])
    assert result.decls["a"] is first
    assert problems(result) == [
        (
            "duplicate",
            "a2",
            "phase 'a' is already declared by page "
            "'a1' (line 3); expected each id on one page only",
        )
    ]


def test_unknown_ids_suggest_a_close_match() -> None:
    result = resolve([decl("alpha", next="bta"), decl("beta")])
    assert problems(result)[0][2].endswith("(did you mean 'beta'?)")


# -- one mistake, reported as the mistake (issue 12, item 9) --------------------------------


def page(phase_id: str, docname: str, **options: str) -> PhaseDecl:
    return PhaseDecl(id=phase_id, docname=docname, line=3, title=docname.title(), **options)


def test_a_misspelt_declaration_is_the_one_problem_and_says_what_is_expected() -> None:
    decls = [
        page("alpha", "alpha", next="beta"),
        page("betta", "beta"),
        page("live", "live", previous="beta"),
    ]
    result = resolve(decls, spec("alpha", "beta", "live"))
    # Not three "'beta' is not declared (did you mean 'betta'?)" and an orphan 'betta'.
    assert problems(result) == [
        (
            "unknown",
            "beta",
            "phase id 'betta' looks like a typo for 'beta': no page declares 'beta', yet "
            "conf.py (line 7), page 'alpha' (line 3) and page 'live' (line 3) name it, and "
            "nothing names 'betta'; expected 'beta'",
        )
    ]
    assert result.causes == result.problems


def test_a_declaration_its_page_name_contradicts_is_the_typo() -> None:
    # One reference only, but the page is alpha.md: the id is the typo, not the sequence.
    result = resolve([page("alpah", "alpha"), page("beta", "beta")], spec("alpha", "beta"))
    assert problems(result) == [
        (
            "unknown",
            "alpha",
            "phase id 'alpah' looks like a typo for 'alpha': no page declares 'alpha', yet "
            "conf.py (line 7) names it, and nothing names 'alpah'; expected 'alpha'",
        )
    ]


def test_a_misspelt_reference_is_the_typo_and_its_orphan_is_not_reported() -> None:
    result = resolve([page("alpha", "alpha"), page("beta", "beta")], spec("alpah", "beta"))
    assert problems(result) == [
        (
            "unknown",
            "conf.py",
            "phases_sequence item 'alpah' is not declared by any page; expected the id of a "
            "phase (did you mean 'alpha'?)",
        )
    ]
    assert result.causes == result.problems


def test_a_typo_in_a_link_points_at_the_link() -> None:
    decls = [
        PhaseDecl(id="a", docname="a", line=3, title="A", next="bb", option_lines=(("next", 5),)),
        page("b", "b"),
    ]
    (problem,) = resolve(decls, toc_order=["a", "b"]).problems
    assert (problem.line, problem.key) == (5, "next")
    assert problem.message == (
        "next phase 'bb' is not declared by any page; expected the id of a phase "
        "(did you mean 'b'?)"
    )


# -- explicit links against the configured order (item 10) --------------------------------


def test_a_previous_against_the_sequence_is_asymmetric_even_if_it_closes_a_cycle() -> None:
    result = resolve([decl("a", previous="c"), decl("b"), decl("c")], spec("a", "b", "c"))
    assert problems(result) == [
        (
            "asymmetric",
            "a",
            "phase 'a' names 'c' as its previous, but phases_sequence puts 'a' before 'c' "
            "('a' -> 'b' -> 'c'); expected the page and phases_sequence to agree (this "
            "page's navigation follows its own link)",
        )
    ]
    assert result.phases["a"].previous == "c"  # the page's own link wins on its page


def test_a_cycle_of_links_alone_is_still_a_cycle() -> None:
    result = resolve([decl("a", next="b"), decl("b", next="a")], spec("a"))
    assert subtypes(result) == ["cycle"]


def test_a_link_that_skips_a_phase_of_the_toctree_says_which() -> None:
    result = resolve([decl("a", next="b"), decl("x"), decl("b")], toc_order=["a", "x", "b"])
    assert result.order == ("a", "b", "x")
    assert problems(result) == [
        (
            "asymmetric",
            "a",
            "phase 'a' names 'b' as its next, but the toctree lists 'x' between 'a' and 'b'; "
            "expected the toctree in the order of the links (the sidebar follows the "
            "toctree, the phase navigation the links)",
        )
    ]


def test_links_in_toctree_order_are_silent() -> None:
    decls = [decl("a", next="b"), decl("b", previous="a"), decl("c", previous="b")]
    assert resolve(decls, toc_order=["index", "a", "b", "other", "c"]).problems == ()


def test_asymmetric_links_are_reported_once() -> None:
    result = resolve(
        [decl("a", next="b"), decl("b", previous="c"), decl("c")], toc_order=["a", "b", "c"]
    )
    assert subtypes(result) == ["asymmetric"]
    # Each page's navigation follows its own declaration.
    assert result.phases["a"].next == "b"
    assert result.phases["b"].previous == "c"


def test_neighbours_must_share_a_parent() -> None:
    result = resolve([decl("beta"), decl("sub", parent="beta", next="live"), decl("live")])
    assert problems(result) == [
        (
            "asymmetric",
            "sub",
            "next phase 'live' is a top-level phase,"
            " but 'sub' is part of 'beta'; expected neighbours with the "
            "same parent",
        )
    ]
    assert result.phases["sub"].next is None


def test_parent_cycles_are_broken_and_named() -> None:
    result = resolve([decl("a", parent="b"), decl("b", parent="c"), decl("c", parent="a")])
    assert subtypes(result) == ["cycle"]
    assert "'a' -> 'b' -> 'c' -> 'a'" in result.problems[0].message
    assert sum(1 for p in result.phases.values() if p.parent is None) == 1


def test_self_links() -> None:
    result = resolve([decl("a", next="a", previous="a", parent="a")])
    assert subtypes(result) == ["cycle", "cycle", "cycle"]


def test_phases_outside_the_sequence_are_orphans() -> None:
    result = resolve([decl("a"), decl("b"), decl("x"), decl("y", previous="x")], spec("a", "b"))
    assert problems(result) == [
        (
            "orphan",
            "x",
            "phases 'x', 'y' form a sequence that phases_sequence does not reach; "
            "expected them in the sequence",
        )
    ]


def test_phases_in_no_toctree_are_orphans() -> None:
    result = resolve([decl("a"), decl("lost")], toc_order=["a"])
    assert subtypes(result) == ["orphan"]
    assert result.order == ("a", "lost")  # still rendered, at the end


def test_configured_duplicates_and_unknowns() -> None:
    result = resolve([decl("a")], spec("a", "a", "ghost"))
    # Same file and line (the list's): sorted by message.
    assert problems(result) == [
        (
            "unknown",
            "conf.py",
            "phases_sequence item 'ghost' is not declared by any page; expected the id of a phase",
        ),
        (
            "duplicate",
            "conf.py",
            "phases_sequence lists 'a' more than once; expected each phase once",
        ),
    ]


# -- scale: no recursion -------------------------------------------------------------------


def test_long_chains_and_long_cycles_do_not_recurse() -> None:
    n = 10_000
    chain = [decl(f"p{i}", next=f"p{(i + 1) % n}") for i in range(n)]
    result = resolve(chain)
    assert subtypes(result) == ["cycle"]
    deep = [decl(f"q{i}", parent=f"q{i - 1}") if i else decl("q0") for i in range(1000)]
    result = resolve(deep)
    assert result.problems == ()
    assert result.phases["q999"].parent == "q998"


# -- the configuration file ----------------------------------------------------------------


def test_yaml_items_keep_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "phases.yml"
    path.write_text("sequence:\n  - a\n  - b:\n    - b1\nloops:\n  - {from: b, to: a}\n")
    result, found = from_yaml(path)
    assert found == []
    assert result is not None
    assert result.items == (SpecItem("a", None, 2), SpecItem("b", None, 3), SpecItem("b1", "b", 4))
    assert [(loop.source, loop.target, loop.line) for loop in result.loops] == [("b", "a", 6)]


def test_a_tagged_value_in_the_file_is_reported_and_never_read(tmp_path: Path) -> None:
    path = tmp_path / "phases.yml"
    path.write_text(
        "sequence: [a, !!python/object:os.system {b: [c]}, !!binary aGk=, {[x]: [d]}]\n"
        "loops: !!python/tuple [{from: a, to: b}]\n"
        "[k]: 1\n"
    )
    result, found = from_yaml(path)
    assert result is not None
    assert [item.id for item in result.items] == ["a"]
    assert result.loops == ()
    assert [(p.line, p.message) for p in found] == [
        (
            1,
            "sequence: an item is a Python object ('!!python/object:os.system'); expected a "
            "phase id or a mapping of one parent id to a list of sub-phase ids",
        ),
        (
            1,
            "sequence: an item is binary data ('!!binary'); expected a phase id or a mapping "
            "of one parent id to a list of sub-phase ids",
        ),
        (1, "sequence: a parent is a list; expected a phase id"),
        (2, "loops is a Python object ('!!python/tuple'); expected a list"),
        (
            3,
            "phases_sequence: the file has a key that is a list; expected 'sequence' and "
            "optionally 'loops' and 'stages'",
        ),
    ]
    path.write_text("!!python/object/apply:os.system {sequence: [a]}\n")
    result, found = from_yaml(path)
    assert result is None
    assert [(p.line, p.message) for p in found] == [
        (
            1,
            "phases_sequence: the file holds a Python object ('!!python/object/apply:os.system'); "
            "expected a mapping with a 'sequence' list",
        )
    ]


def test_each_mistake_of_a_stage_is_said_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "phases.yml"
    path.write_text(
        "sequence: [a, b]\nstages:\n"
        "  - {id: true, phases: [a]}\n"
        "  - {title: T, phases: [a]}\n"
        "  - {id: one, title: [x], phases: [a]}\n"
        "  - {id: two, phases: [b, [c], Bad]}\n"
        "  - {id: three, [k]: 1, phases: b}\n"
    )
    result, found = from_yaml(path)
    assert result is not None
    # A title that is not text leaves the stage its id's title; the other mistakes drop it.
    assert [(s.id, s.title, s.phases) for s in result.stages] == [("one", "One", ("a",))]
    assert [(p.line, p.message) for p in found] == [
        (
            3,
            "stages: a stage has an 'id' that is a boolean (true); expected lower-case letters, "
            "digits and '-', like 'explore'",
        ),
        (
            4,
            "stages: a stage has no 'id'; expected a mapping like {id: formulation, title: "
            "Formulation, phases: [phase-a, phase-b]}",
        ),
        (5, "stages: stage 'one' has a 'title' that is a list; expected text"),
        (6, "stages: stage 'two' names a list among its phases; expected a phase id"),
        (
            6,
            "stages: 'Bad' is not valid: expected lower-case letters, digits and '-' "
            "(perhaps 'bad')",
        ),
        (
            7,
            "stages: stage 'three' has a key that is a list; expected 'id', 'title' and 'phases'",
        ),
        (7, "stages: the phases of stage 'three' is the text 'b'; expected a list"),
    ]


@pytest.mark.slow
def test_deeply_nested_yaml_is_reported_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "phases.yml"
    path.write_text("sequence: " + "[" * 5000 + "]" * 5000 + "\n")
    _, found = from_yaml(path)
    assert len(found) == 1  # either a parse error or a shape error, but one located report


# -- properties ----------------------------------------------------------------------------

ids = st.lists(
    st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True), min_size=1, max_size=25, unique=True
)


@st.composite
def valid_manuals(draw: st.DrawFn) -> tuple[list[str], list[PhaseDecl], str]:
    """A random order, declared by a random mix of explicit links, config and toctree."""
    order = draw(ids)
    how = draw(st.sampled_from(["explicit", "config", "toctree", "mixed"]))
    decls = []
    for i, phase_id in enumerate(order):
        options: dict[str, str] = {}
        if (how in ("explicit", "mixed") and draw(st.booleans())) or how == "explicit":
            if i + 1 < len(order):
                options["next"] = order[i + 1]
            if i and draw(st.booleans()):
                options["previous"] = order[i - 1]
        decls.append(decl(phase_id, **options))
    return order, decls, how


@settings(max_examples=EXAMPLES, deadline=None)
@given(valid_manuals(), st.randoms())
def test_a_valid_sequence_round_trips(
    manual: tuple[list[str], list[PhaseDecl], str], rnd: random.Random
) -> None:
    order, decls, how = manual
    rnd.shuffle(decls)
    configured = spec(*order) if how == "config" else None
    toc = [] if how in ("explicit", "config") else order
    result = resolve(decls, configured, toc)
    assert result.problems == ()
    assert list(result.order) == order
    for i, phase_id in enumerate(order):
        phase = result.phases[phase_id]
        assert phase.previous == (order[i - 1] if i else None)
        assert phase.next == (order[i + 1] if i + 1 < len(order) else None)


DEFECTS = ["duplicate", "unknown", "asymmetric", "cycle", "orphan"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(ids.filter(lambda o: len(o) >= 3), st.sampled_from(DEFECTS), st.randoms())
def test_every_injected_defect_is_reported(
    order: list[str], defect: str, rnd: random.Random
) -> None:
    decls = {
        p: decl(p, next=order[i + 1]) if i + 1 < len(order) else decl(p)
        for i, p in enumerate(order)
    }
    extra: list[PhaseDecl] = []
    configured = None
    a, b = rnd.sample(order, 2)
    if defect == "duplicate":
        extra.append(PhaseDecl(id=a, docname="zz-copy", line=1, title="Copy"))
    elif defect == "unknown":
        decls[a] = decl(a, parent="nonexistent-id")
    elif defect == "asymmetric":
        # A newcomer claims a place that another page's link already holds.
        extra.append(
            PhaseDecl(
                id="zz-new", docname="zz-new", line=1, title="New", next=order[order.index(b) or 1]
            )
        )
    elif defect == "cycle":
        decls[order[-1]] = decl(order[-1], next=order[0])
    elif defect == "orphan":
        configured = spec(*[p for p in order if p != order[-1]])
        decls[order[-1]] = decl(order[-1])
        decls[order[-2]] = decl(order[-2])
    result = resolve([*decls.values(), *extra], configured, order)
    assert defect in subtypes(result)


def test_hidden_phases_are_left_out_and_linked_across() -> None:
    decls = [
        decl("a"),
        decl("b", status="draft"),
        decl("c", next="b"),
        decl("d"),
        decl("b1", parent="b"),
    ]
    result = resolve(
        decls, toc_order=["a", "b", "b1", "c", "d"], hide_statuses=frozenset({"draft"})
    )
    assert result.order == ("a", "c", "d")
    assert result.hidden == {"b", "b1"}  # a hidden parent hides its sub-phases
    assert result.phases["a"].next == "c"
    assert result.phases["c"].previous == "a"
    assert result.phases["c"].next == "d"  # its own link to a hidden phase gives way
    assert "b" in result.decls
    assert result.pages == {"a": "a", "c": "c", "d": "d"}

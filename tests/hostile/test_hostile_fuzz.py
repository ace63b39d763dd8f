"""Property-based fuzzing: the resolver on random graphs, Sphinx on random declarations.

``FUZZ_EXAMPLES`` sets the number of examples of every case (default: 200 for the pure
resolver, 50 for the Sphinx builds, which are slow). The session prints how many ran.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.metadata
import io
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sphinx.cmd.build import build_main
from sphinx.util.console import strip_colors
from tests.hostile.helpers import count_example, fuzz_examples

from sphinx_phases.core.gates import Criterion, GateDecl, Gates, resolve_gates
from sphinx_phases.core.inputs import MAX_YAML_NODES
from sphinx_phases.core.model import PhaseDecl
from sphinx_phases.core.sequence.resolve import resolve
from sphinx_phases.core.sequence.result import Resolution
from sphinx_phases.core.sequence.spec import LoopItem, SequenceSpec, SpecItem, StageItem, from_yaml
from sphinx_phases.core.stages import resolve_stages
from sphinx_phases.core.standards import explain_unknown, find_point, load_standards, parse_points
from sphinx_phases.core.views import reading_neighbours

PURE = fuzz_examples(200)
BUILDS = fuzz_examples(50)

# -- (a) the resolver on random graphs -------------------------------------------------------

IDS = ["a", "b", "c", "d", "e", "f", "g", "h"]
maybe_id = st.none() | st.sampled_from([*IDS, "zz"])  # "zz": declared by no page


@st.composite
def decls(draw: st.DrawFn) -> list[PhaseDecl]:
    count = draw(st.integers(0, 10))
    result = []
    for n in range(count):
        phase_id = draw(st.sampled_from(IDS))
        # Mostly one page per phase; sometimes two phases on a page, or one id twice.
        docname = draw(st.sampled_from([f"p{n}", f"p{n}", f"p{n}", "shared"]))
        result.append(
            PhaseDecl(
                id=phase_id,
                docname=docname,
                # Two declarations never share a page and a line (that would take the
                # same directive read twice with different options).
                line=n + 1,
                title=phase_id.upper(),
                previous=draw(maybe_id),
                next=draw(maybe_id),
                parent=draw(st.none() | st.none() | st.sampled_from([*IDS, "zz"])),
                loops_to=draw(st.none() | st.none() | st.sampled_from([*IDS, "zz"])),
                status=draw(st.sampled_from(["published", "published", "draft", "review"])),
            )
        )
    return result


@st.composite
def specs(draw: st.DrawFn) -> SequenceSpec | None:
    if draw(st.booleans()):
        return None
    items = []
    for line in range(1, draw(st.integers(0, 10)) + 1):
        items.append(
            SpecItem(
                draw(st.sampled_from([*IDS, "zz"])),
                draw(st.none() | st.sampled_from(IDS)),
                line,
            )
        )
    loops = [
        LoopItem(draw(st.sampled_from([*IDS, "zz"])), draw(st.sampled_from([*IDS, "zz"])), 90 + i)
        for i in range(draw(st.integers(0, 3)))
    ]
    return SequenceSpec("phases.yml", tuple(items), tuple(loops))


def _summary(resolution: Resolution) -> tuple[object, ...]:
    return (
        dict(resolution.phases),
        dict(resolution.decls),
        resolution.order,
        resolution.flat,
        resolution.problems,
        dict(resolution.pages),
        resolution.hidden,
    )


@settings(max_examples=PURE, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(decls(), specs(), st.randoms(use_true_random=False), st.booleans())
def test_resolve_terminates_places_every_phase_once_and_ignores_input_order(
    found: list[PhaseDecl], spec: SequenceSpec | None, rnd: random.Random, hide: bool
) -> None:
    count_example("resolve: random graphs")
    docnames = sorted({d.docname for d in found})
    rnd.shuffle(docnames)
    hide_statuses = frozenset({"draft"}) if hide else frozenset()
    first = resolve(found, spec, docnames, hide_statuses)
    shuffled = list(found)
    rnd.shuffle(shuffled)
    again = resolve(shuffled, spec, docnames, hide_statuses)
    assert _summary(again) == _summary(first)

    # Every declared id is won by exactly one declaration; every shown phase placed once.
    assert set(first.decls) == {d.id for d in found} - _second_on_page_only(found)
    assert len(first.flat) == len(set(first.flat))
    assert set(first.flat) == set(first.phases) == set(first.decls) - first.hidden
    assert set(first.order) <= set(first.flat)
    for phase in first.phases.values():
        assert first.flat[phase.position] == phase.id
        if phase.parent is None:
            assert phase.id in first.order
        else:
            assert phase.id in first.phases[phase.parent].children
        for other in (phase.previous, phase.next, *phase.loops_to):
            assert other is None or other in first.phases
    # Every problem says where it is.
    for problem in first.problems:
        assert problem.docname or problem.path
        assert problem.line
        assert "expected" in problem.message, problem.message


def _second_on_page_only(found: list[PhaseDecl]) -> set[str]:
    """Ids that only ever appear as a page's second (ignored) declaration."""
    first_on_page: dict[str, PhaseDecl] = {}
    for decl in sorted(found, key=lambda d: (d.docname, d.line, d.id)):
        first_on_page.setdefault(decl.docname, decl)
    winners = {d.id for d in first_on_page.values()}
    return {d.id for d in found} - winners


@settings(max_examples=PURE, deadline=5000)
@given(st.integers(1, 3000), st.booleans())
def test_resolve_long_chains_and_parent_chains_do_not_recurse(size: int, parents: bool) -> None:
    count_example("resolve: long chains and parent cycles")
    found = [
        PhaseDecl(
            id=f"p{i}",
            docname=f"d{i}",
            line=1,
            title=f"P{i}",
            next=f"p{i + 1}" if i + 1 < size and not parents else None,
            parent=f"p{(i + 1) % size}" if parents else None,  # one long parent cycle
        )
        for i in range(size)
    ]
    resolution = resolve(found)
    assert len(resolution.flat) == size


@st.composite
def sequence_files(draw: st.DrawFn) -> tuple[str, bool]:
    """A sequence file's text, and whether it repeats a node (which YAML writes as an alias).

    Shared nodes fan out the way an alias bomb does: a sub-phase group reused under many
    parents, several levels deep.
    """
    shared = draw(st.booleans())
    node: object = [draw(st.sampled_from(IDS))]
    size = 1
    for _level in range(draw(st.integers(1, 9))):
        fanout = draw(st.integers(1, 12))
        size *= fanout
        if not shared and size > 300:
            break  # without aliases the text itself is the size; keep examples quick
        parent = draw(st.sampled_from(IDS))
        node = [{parent: node if shared else copy.deepcopy(node)} for _ in range(fanout)]
    text = yaml.safe_dump({"sequence": node, "loops": []})
    return text, shared and "*" in text


@settings(max_examples=PURE, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(sequence_files())
def test_sequence_files_with_aliases_are_refused_before_expansion(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bool]
) -> None:
    count_example("yaml: aliases and fan-out")
    text, aliased = case
    path = tmp_path_factory.mktemp("yaml") / "phases.yml"
    path.write_text(text)
    spec, problems = from_yaml(path)
    if aliased:
        assert spec is None
        (problem,) = problems
        assert "it uses an alias" in problem.message
        assert problem.line is not None
    else:
        assert spec is not None
        assert len(spec.items) <= MAX_YAML_NODES


# -- (a') gates on random sequences ------------------------------------------------------------

GATE_IDS = ["g1", "g2", "g3", "a"]  # "a": a phase's id too, when a page declares it
maybe_phase = st.none() | st.sampled_from([*IDS, "zz", "g1"])  # "g1": a gate's id


@st.composite
def gate_decls(draw: st.DrawFn, docnames: list[str]) -> list[GateDecl]:
    result = []
    for n in range(draw(st.integers(0, 6))):
        result.append(
            GateDecl(
                id=draw(st.sampled_from(GATE_IDS)),
                docname=draw(st.sampled_from([*docnames, "extra"])),
                line=100 + n,  # one directive per line
                title="Gate",
                after=draw(maybe_phase),
                before=draw(maybe_phase | st.just("")),
                criteria=(Criterion("A criterion"),),
            )
        )
    return result


def _gates_summary(gates: Gates) -> tuple[object, ...]:
    return (
        dict(gates.gates),
        dict(gates.declared),
        dict(gates.closing),
        dict(gates.opening),
        dict(gates.ends),
        gates.problems,
    )


@settings(max_examples=PURE, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), decls(), specs(), st.randoms(use_true_random=False), st.booleans())
def test_resolve_gates_places_each_gate_once_between_neighbours(
    data: st.DataObject,
    found: list[PhaseDecl],
    spec: SequenceSpec | None,
    rnd: random.Random,
    hide: bool,
) -> None:
    count_example("gates: random gates on random sequences")
    docnames = sorted({d.docname for d in found})
    resolution = resolve(found, spec, docnames, frozenset({"draft"}) if hide else frozenset())
    gates = data.draw(gate_decls(docnames))
    page_phase: dict[str, str] = {}
    for decl in sorted(found, key=lambda d: (d.docname, d.line)):
        page_phase.setdefault(decl.docname, decl.id)

    def reading_next(phase_id: str) -> str | None:
        return reading_neighbours(resolution, phase_id)[1]

    first = resolve_gates(gates, resolution, reading_next, page_phase)
    shuffled = list(gates)
    rnd.shuffle(shuffled)
    assert _gates_summary(resolve_gates(shuffled, resolution, reading_next, page_phase)) == (
        _gates_summary(first)
    )

    # Each placed gate stands between neighbours, and each boundary holds one gate.
    place = {phase_id: i for i, phase_id in enumerate(resolution.flat)}
    for gate_id, gate in first.gates.items():
        assert gate.decl is first.declared[gate_id]
        assert gate_id not in resolution.decls
        assert gate.after in resolution.phases
        allowed = {resolution.phases[gate.after].next, reading_next(gate.after)}
        if gate.before is None:
            assert allowed == {None}
        else:
            assert gate.before in allowed
    befores = [gate.before for gate in first.gates.values()]
    assert len(befores) == len(set(befores))
    assert {first.opening[b]: b for b in befores if b is not None} == {
        g: p.before for g, p in first.gates.items() if p.before is not None
    }
    # In the order readers pass them; each phase's gates after it, that order too.
    passed = [place[b] if b is not None else len(place) for b in befores]
    assert passed == sorted(passed)
    assert dict(first.ends) == {
        after: tuple(g for g, p in first.gates.items() if p.after == after)
        for after in {p.after for p in first.gates.values()}
    }
    assert dict(first.closing) == {p: ids[0] for p, ids in first.ends.items()}
    # A gate left out is reported once, where it is written, unless its phase is hidden.
    for decl in gates:
        if first.gates.get(decl.id) is not None and first.gates[decl.id].decl is decl:
            continue
        about = [p for p in first.problems if p.line == decl.line]
        after = decl.after or page_phase.get(decl.docname)
        if not about:
            assert after in resolution.hidden, decl
            continue
        (problem,) = about
        assert problem.docname == decl.docname
        assert f"gate '{decl.id}'" in problem.message
        assert "expected" in problem.message
    assert len(first.problems) == len({p.line for p in first.problems})


# -- (b) Sphinx on random options and front matter ---------------------------------------------

OPTIONS = [
    "title",
    "subtitle",
    "previous",
    "next",
    "parent",
    "loops-to",
    "status",
    "pictogram",
    "color",
    "noun",
    "duration",
    "team",
]
# One line of any text: option values cannot span lines.
line_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=25).map(
    str.strip
)
id_like = st.sampled_from(["alpha", "beta", "gamma", "Alpha", "al pha", "\u0430lpha", ""])
value = st.one_of(line_text, id_like, st.sampled_from(["#fff", "red", "draft", "team"]))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    line_text,
    id_like,
)
yaml_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from([*OPTIONS, "id", "summary", "x"]), children, max_size=4)
    ),
    max_leaves=12,
)
LOCATED = re.compile(r"^[^:\s][^:]*:\d+: WARNING: ")
CONF = 'extensions = ["myst_parser", "sphinx_phases"]\nphases_sequence = {sequence!r}\n'


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One project, reused by every example: pages are rewritten, the build starts afresh."""
    return tmp_path_factory.mktemp("fuzz")


def _build(
    base: Path, pages: dict[str, str], sequence: object = None, conf: str = ""
) -> list[str]:
    src = base / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir()
    (src / "conf.py").write_text(CONF.format(sequence=sequence) + conf)
    # A page's name may carry its suffix (".rst"); Markdown otherwise.
    names = sorted(name.removesuffix(".rst") for name in pages)
    (src / "index.md").write_text("# Home\n\n```{toctree}\n" + "\n".join(names) + "\n```\n")
    for name, text in pages.items():
        (src / (name if name.endswith(".rst") else f"{name}.md")).write_text(text, "utf-8")
    warnfile = base / "warnings.txt"
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = build_main(
            ["-q", "-E", "-b", "html", "-w", str(warnfile), str(src), str(base / "out")]
        )
    assert "Traceback" not in stderr.getvalue(), stderr.getvalue()
    assert status == 0, stderr.getvalue()
    for name in names:
        assert (base / "out" / f"{name}.html").is_file()
    text = strip_colors(warnfile.read_text("utf8"))
    # Split on newlines only: a message may hold other line separators, escaped or not.
    return [line for line in text.split("\n") if "[phases." in line]


def _directive(phase_id: str, options: dict[str, str], body: str) -> str:
    lines = "".join(f":{name}: {text}\n" for name, text in options.items())
    return f"# Page\n\n```{{phase}} {phase_id}\n{lines}\n{body}\n```\n"


@pytest.mark.slow
@settings(
    max_examples=BUILDS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(
            id_like | line_text, st.dictionaries(st.sampled_from(OPTIONS), value), line_text
        ),
        min_size=1,
        max_size=3,
    ),
    st.none() | st.lists(id_like, max_size=4),
)
def test_random_directive_options_build_with_located_warnings(
    project: Path, pages: list[tuple[str, dict[str, str], str]], sequence: list[str] | None
) -> None:
    count_example("sphinx: random directive options")
    texts = {f"p{i}": _directive(*page) for i, page in enumerate(pages)}
    for line in _build(project, texts, sequence):
        assert LOCATED.match(line), line


MYST_MAJOR = int(importlib.metadata.version("myst-parser").split(".")[0])


def _myst_reads(text: str) -> bool:
    """Whether MyST-Parser gets past front matter ``phase: TEXT`` itself. Before version 5
    it lets every YAML error but a parser or scanner error out of ``read_topmatter`` (an
    unknown tag, ``!0``), which stops Sphinx before any extension sees the page; from 5 on
    it reports them all as ``myst.topmatter``."""
    if MYST_MAJOR >= 5:
        return True
    try:
        yaml.safe_load(f"phase: {text}\n")
    except (yaml.parser.ParserError, yaml.scanner.ScannerError):
        return True
    except yaml.YAMLError:
        return False
    return True


@pytest.mark.slow
@settings(
    max_examples=BUILDS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(yaml_values, min_size=1, max_size=3), st.lists(line_text, max_size=2))
@example(values=[None], raw=["!0"])  # an unknown tag: MyST 5 reports it, MyST 4 stops
def test_random_front_matter_builds_with_located_warnings(
    project: Path, values: list[object], raw: list[str]
) -> None:
    count_example("sphinx: random front matter")
    texts = {
        f"p{i}": "---\n" + yaml.safe_dump({"phase": v}, allow_unicode=True) + "---\n# Page\n"
        for i, v in enumerate(values)
    }
    # Front matter that is not YAML at all: MyST reports it; we must not break.
    raw = [text for text in raw if _myst_reads(text)]
    texts.update({f"r{i}": f"---\nphase: {text}\n---\n# Raw\n" for i, text in enumerate(raw)})
    for line in _build(project, texts):
        assert LOCATED.match(line), line


GATE_OPTIONS = ["title", "after", "before", "authority", "standard", "outcome", "date", "ratings"]
gate_value = st.one_of(
    line_text,
    id_like,
    st.sampled_from(
        [
            *("", "met", "Met", "not-met", "2026-05-04", "2026-13-01", "1: green", "1: blue"),
            *("all", "s:1", "tcop:all", "1, 2", "g1", "<script>alert(1)</script>", "a", "b"),
        ]
    ),
)
gate_id = st.one_of(id_like, line_text, st.sampled_from(["g1", "g2", "a", "b"]))
criteria = st.lists(line_text, max_size=3).map(lambda items: "".join(f"- {t}\n" for t in items))
body = st.one_of(
    criteria, line_text, st.sampled_from(["- Cites {standard}`1`\n", "- {gate}`g1`\n"])
)
STANDARDS = (
    'phases_standards = {"s": [{"id": "1", "title": "One"}, {"id": "2", "title": "Two"}]}\n'
)
STAGES = (
    'phases_stages = [{"id": "first", "phases": ["a", "b"]}, {"id": "last", "phases": ["c"]}]\n'
)


def _gate(gid: str, options: dict[str, str], text: str) -> str:
    lines = "".join(f":{name}: {value}\n" for name, value in options.items())
    return f"\n```{{phase-gate}} {gid}\n{lines}\n{text}```\n"


def _rst_gate(gid: str, options: dict[str, str], text: str) -> str:
    lines = "".join(f"   :{name}: {value}\n" for name, value in options.items())
    body = "".join(f"   {line}\n" for line in text.splitlines())
    return f"\n.. phase-gate:: {gid}\n{lines}\n{body}"


@pytest.mark.slow
@settings(
    max_examples=BUILDS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.lists(
            st.tuples(gate_id, st.dictionaries(st.sampled_from(GATE_OPTIONS), gate_value), body),
            max_size=2,
        ),
        min_size=3,
        max_size=3,
    ),
    st.none() | st.lists(st.sampled_from(["a", "b", "c", "zz"]), max_size=4),
    st.booleans(),
    st.booleans(),
    st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_random_gates_build_with_located_warnings(
    project: Path,
    gates: list[list[tuple[str, dict[str, str], str]]],
    sequence: list[str] | None,
    standards: bool,
    stages: bool,
    rst: list[bool],
) -> None:
    count_example("sphinx: random gate directives")
    texts = {}
    for phase_id, on_page, in_rst in zip(["a", "b", "c"], gates, rst, strict=True):
        if in_rst:
            texts[f"{phase_id}.rst"] = f"{phase_id}\n====\n\n.. phase:: {phase_id}\n" + "".join(
                _rst_gate(*gate) for gate in on_page
            )
        else:
            texts[phase_id] = f"# {phase_id}\n\n```{{phase}} {phase_id}\n```\n" + "".join(
                _gate(*gate) for gate in on_page
            )
    conf = (STANDARDS if standards else "") + (STAGES if stages else "")
    for line in _build(project, texts, sequence, conf):
        assert LOCATED.match(line), line


# -- (a'') standards from random files and inline values ---------------------------------------

STANDARD_KEYS = ["title", "url", "points", "id", "section", "x"]
standard_scalars = st.one_of(
    scalars, st.sampled_from(["1", "2", "all", "a:b", "1.1", "1-1", "https://example.org/", "1 2"])
)
standard_values = st.recursive(
    standard_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(STANDARD_KEYS), children, max_size=4)
    ),
    max_leaves=16,
)
# Mostly the shape a standard has, with any value in any place.
points_like = st.lists(
    st.dictionaries(st.sampled_from(["id", "title", "section", "url", "x"]), standard_scalars),
    max_size=5,
)
standard_files = st.one_of(
    standard_values,
    points_like,
    st.fixed_dictionaries(
        {"points": points_like}, optional={"title": standard_scalars, "url": standard_scalars}
    ),
)
citations = st.one_of(line_text, st.sampled_from(["1", "s:1", "t:2", "all", "s:all", "1, 2", ":"]))


@settings(max_examples=PURE, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(standard_files, standard_files, st.lists(citations, max_size=4))
def test_standards_from_random_values_load_with_located_problems(
    tmp_path_factory: pytest.TempPathFactory,
    in_file: object,
    inline: object,
    cited: list[str],
) -> None:
    count_example("standards: random files and inline values")
    folder = tmp_path_factory.mktemp("standard")
    (folder / "s.yml").write_text(yaml.safe_dump(in_file, allow_unicode=True), encoding="utf-8")
    standards, problems = load_standards({"s": "s.yml", "t": inline}, folder, folder, "conf.py")
    assert set(standards) <= {"s", "t"}
    for problem in problems:
        assert problem.setting or (problem.path and problem.line), problem
        assert "expected" in problem.message, problem.message
    for standard in standards.values():
        ids = [point.id for point in standard.points]
        assert len(ids) == len(set(ids))
        assert all(point.title for point in standard.points)
    for text in cited:
        chosen, unknown = parse_points(standards, text)
        assert len(chosen) == len(set(chosen))
        for part in unknown:
            if find_point(standards, part) is None:
                assert "expected" in explain_unknown(standards, part)


@settings(max_examples=PURE, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    decls(),
    specs(),
    st.booleans(),
    st.lists(
        st.tuples(st.sampled_from(["s1", "s2", "s3"]), st.lists(maybe_phase, max_size=4)),
        max_size=4,
    ),
)
def test_stages_on_random_sequences_hold_consecutive_phases_once(
    found: list[PhaseDecl],
    spec: SequenceSpec | None,
    hide: bool,
    configured: list[tuple[str, list[str | None]]],
) -> None:
    count_example("stages: random stages on random sequences")
    docnames = sorted({d.docname for d in found})
    resolution = resolve(found, spec, docnames, frozenset({"draft"}) if hide else frozenset())
    items = [
        StageItem(stage_id, stage_id.upper(), tuple(p for p in phases if p), 10 + i, "phases.yml")
        for i, (stage_id, phases) in enumerate(configured)
    ]
    stages = resolve_stages(items, resolution)
    place = {phase_id: i for i, phase_id in enumerate(resolution.order)}
    members = [p for stage in stages.stages.values() for p in stage.phases]
    assert len(members) == len(set(members))
    assert members == sorted(members, key=place.__getitem__)  # stages in the resolved order
    for stage in stages.stages.values():
        positions = [place[p] for p in stage.phases]
        assert positions == list(range(positions[0], positions[0] + len(positions)))
        assert all(stages.of[p] == stage.id for p in stage.phases)
    assert set(stages.of) == set(members)
    for problem in stages.problems:
        assert (problem.path, problem.line) != (None, None)
        assert "expected" in problem.message


# -- (a''') profiles from random files ---------------------------------------------------------

PROFILE_KEYS = ["title", "labels", "decisions", "criteria", "questions", "phases", "stages"]
PROFILE_KEYS += ["gates", "x"]
MEANS = ["pending", "proceed", "proceed-with-conditions", "wait", "return", "stop", "vanish"]
profile_scalars = st.one_of(
    scalars, st.sampled_from([*MEANS, "Next phase", "Nxt phase", "en", "cy", "go", "must"])
)
profile_values = st.recursive(
    profile_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from([*PROFILE_KEYS, "id", "label", "means", "en", "Next phase"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=16,
)
# Mostly the shape a profile has, with any value in any place.
decisions_like = st.lists(
    st.dictionaries(st.sampled_from(["id", "label", "means", "x"]), profile_scalars), max_size=4
)
profile_files = st.one_of(
    profile_values,
    st.fixed_dictionaries(
        {"decisions": decisions_like},
        optional={
            "title": profile_scalars,
            "labels": st.dictionaries(
                st.sampled_from(["en", "cy", "de-DE"]),
                st.dictionaries(st.sampled_from(["Next phase", "Nxt phase", "Gate"]), scalars),
            ),
            "criteria": decisions_like,
        },
    ),
)


@settings(max_examples=PURE, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(
    profile_files,
    st.sampled_from(["", "  bad: [\n", "&a x\n", "*a\n", "!!python/object:os.system\n"]),
)
# A decision listed twice was kept twice (found by this test): the second is one problem.
@example(
    content={
        "decisions": [
            {"id": "go", "label": "Go", "means": "proceed"},
            {"id": "go", "label": "Again", "means": "stop"},
        ]
    },
    tail="",
)
def test_profiles_from_random_files_load_with_located_problems(
    tmp_path_factory: pytest.TempPathFactory, content: object, tail: str
) -> None:
    """Any profile file (issue 23, "Bad input"): read or refused, never a traceback; every
    problem located (the file's line, or the setting) and saying what was expected."""
    from sphinx_phases.core.profile import DEFAULT, builtin, load_profile

    count_example("profiles: random files")
    folder = tmp_path_factory.mktemp("profile")
    text = yaml.safe_dump(content, allow_unicode=True) + tail
    (folder / "p.yml").write_text(text, encoding="utf-8")
    profile, problems = load_profile("p.yml", folder, folder)
    for problem in problems:
        assert problem.setting or (problem.path and problem.line), problem
        assert "expected" in problem.message or "is used" in problem.message, problem.message
        assert len(problem.message) < 2000, problem.message[:200]
    assert len({(p.line, p.message) for p in problems}) == len(problems)  # one problem, once
    ids = [decision.id for decision in profile.decisions]
    assert len(ids) == len(set(ids))
    assert profile.decisions  # what a gate's outcome is checked against: never nothing
    if not problems:
        return
    assert profile.decisions == builtin(DEFAULT).decisions or all(
        d.means in MEANS[:-1] for d in profile.decisions
    )

"""Standards: reading ``phases_standards`` (files and inline), naming points, and rendering."""

from __future__ import annotations

import dataclasses as dc
from pathlib import Path

import pytest
from docutils import nodes

from sphinx_phases.core.problems import PhaseWarning, Problem
from sphinx_phases.core.standards import (
    Point,
    Standard,
    explain_unknown,
    find_point,
    load_standards,
    parse_points,
    point_anchor,
    standard_anchor,
    translated,
)
from sphinx_phases.render.nodes import phases_region
from sphinx_phases.render.standard_listing import GateColumn, point_text, standard_listing

CONF = "/project/conf.py"

SERVICE_STANDARD = """\
title: Service Standard
url: https://www.gov.uk/service-manual/service-standard
points:
  - {id: "1", title: Understand users and their needs, section: Meeting users' needs}
  - id: 2
    title: Solve a whole problem for users
    section: Meeting users' needs
    url: https://www.gov.uk/service-manual/service-standard/point-2
  - {id: "5", title: Make sure everyone can use the service}
"""


def load(tmp_path: Path, value: object) -> tuple[dict[str, Standard], list[Problem]]:
    return load_standards(value, tmp_path, tmp_path, CONF)


def located(problems: list[Problem]) -> list[tuple[str | None, int | None, str]]:
    """(file name or setting, line, message) of each problem, all of subtype standard."""
    assert {p.subtype for p in problems} <= {PhaseWarning.STANDARD}
    return [(p.setting or Path(p.path or "").name, p.line, p.message) for p in problems]


def setting(message: str) -> tuple[str, None, str]:
    return ("phases_standards", None, message)


# -- reading a file ------------------------------------------------------------------------


def test_a_file_is_read_with_its_lines(tmp_path: Path) -> None:
    (tmp_path / "service-standard.yml").write_text(SERVICE_STANDARD)
    standards, problems = load(tmp_path, {"service-standard": "service-standard.yml"})
    assert problems == []
    assert standards == {
        "service-standard": Standard(
            "service-standard",
            "Service Standard",
            (
                Point("1", "Understand users and their needs", "Meeting users' needs", line=4),
                Point(
                    "2",
                    "Solve a whole problem for users",
                    "Meeting users' needs",
                    "https://www.gov.uk/service-manual/service-standard/point-2",
                    line=5,
                ),
                Point("5", "Make sure everyone can use the service", line=9),
            ),
            url="https://www.gov.uk/service-manual/service-standard",
            path=str((tmp_path / "service-standard.yml").resolve()),
            line=1,  # its title's, where gettext locates it
        )
    }


def test_numbers_are_ids_as_written(tmp_path: Path) -> None:
    (tmp_path / "kdp.yml").write_text(
        "title: KDP\npoints:\n  - {id: 3, title: a}\n  - {id: 3.10, title: b}\n"
    )
    standards, problems = load(tmp_path, {"kdp": "kdp.yml", "inline": [{"id": 7, "title": "c"}]})
    assert problems == []
    assert [p.id for p in standards["kdp"].points] == ["3", "3.10"]
    assert [p.id for p in standards["inline"].points] == ["7"]


def test_a_file_may_hold_a_list_of_points(tmp_path: Path) -> None:
    (tmp_path / "tcop.yml").write_text("- {id: '1', title: Define user needs}\n")
    standards, problems = load(tmp_path, {"tcop": "tcop.yml"})
    assert problems == []
    assert standards["tcop"].title == "Tcop"
    assert standards["tcop"].points == (Point("1", "Define user needs", line=1),)


def test_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    (tmp_path / "bomb.yml").write_text(
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    )
    standards, problems = load(tmp_path, {"bomb": "bomb.yml"})
    assert standards["bomb"].points == ()
    assert located(problems) == [
        (
            "bomb.yml",
            2,
            "standard 'bomb' is not read: it uses an alias (*a); expected plain YAML without "
            "anchors and aliases",
        )
    ]


def test_a_path_outside_the_project_is_refused_without_its_content(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.yml").write_text("title: TOP SECRET\npoints: [{id: '1', title: key}]\n")
    standards, problems = load(project, {"secret": "../secret.yml"})
    assert standards["secret"] == Standard("secret", "Secret", ())
    assert located(problems) == [
        setting(
            "phases_standards: standard 'secret' names '../secret.yml', which resolves outside "
            "the project; expected a YAML file inside the source or configuration directory"
        )
    ]
    assert problems[0].path == CONF
    assert "SECRET" not in problems[0].message


def test_a_symlink_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "secret.yml").write_text("title: TOP SECRET\npoints: []\n")
    (project / "link.yml").symlink_to(tmp_path / "secret.yml")
    _, problems = load(project, {"s": "link.yml"})
    assert [p.message for p in problems] == [
        "phases_standards: standard 's' names 'link.yml', which resolves outside the "
        "project; expected a YAML file inside the source or configuration directory"
    ]


def test_the_source_directory_is_inside_the_project(tmp_path: Path) -> None:
    confdir, srcdir = tmp_path / "conf", tmp_path / "src"
    confdir.mkdir()
    srcdir.mkdir()
    (srcdir / "s.yml").write_text("[{id: '1', title: a}]\n")
    standards, problems = load_standards({"s": "../src/s.yml"}, confdir, srcdir, CONF)
    assert problems == []
    assert [p.id for p in standards["s"].points] == ["1"]


def test_missing_files_and_folders_are_not_files(tmp_path: Path) -> None:
    _, problems = load(tmp_path, {"a": "missing.yml", "b": "."})
    expected = (
        "which is not a file; expected the path of a YAML file, relative to the "
        "configuration directory"
    )
    assert located(problems) == [
        setting(f"phases_standards: standard 'a' names 'missing.yml', {expected}"),
        setting(f"phases_standards: standard 'b' names '.', {expected}"),
    ]


def test_files_that_are_too_big_or_not_utf8_are_refused_unquoted(tmp_path: Path) -> None:
    (tmp_path / "big.yml").write_text("# " + "x" * 4_000_000 + "\n")
    (tmp_path / "latin.yml").write_bytes(b"title: caf\xe9\n")
    _, problems = load(tmp_path, {"big": "big.yml", "latin": "latin.yml"})
    assert located(problems) == [
        setting(
            "phases_standards: standard 'big' names 'big.yml', which is not read: it is "
            "larger than 4,000,000 bytes; expected a smaller file"
        ),
        setting(
            "phases_standards: standard 'latin' names 'latin.yml', which is not UTF-8 text; "
            "expected a UTF-8 YAML file"
        ),
    ]


def test_yaml_that_does_not_parse_or_is_empty(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text("title: x\npoints: [\n")
    (tmp_path / "empty.yml").write_text("")
    (tmp_path / "scalar.yml").write_text("just words\n")
    standards, problems = load(
        tmp_path, {"broken": "broken.yml", "empty": "empty.yml", "scalar": "scalar.yml"}
    )
    shape = "a mapping with 'title' and a 'points' list, or a list of points"
    assert located(problems) == [
        (
            "broken.yml",
            3,
            "standard 'broken' does not parse as YAML (expected the node content, but found "
            f"'<stream end>'); expected {shape}",
        ),
        ("empty.yml", 1, f"standard 'empty' is empty; expected {shape}"),
        ("scalar.yml", 1, f"standard 'scalar' holds the text 'just words'; expected {shape}"),
    ]
    assert all(s.points == () for s in standards.values())


def test_wrong_shapes_say_what_is_expected(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_text(
        "title: [not, text]\nurl: javascript:alert(1)\nversion: 2\npoints: {id: '1'}\n"
    )
    standards, problems = load(tmp_path, {"s": "s.yml"})
    assert standards["s"] == Standard("s", "S", (), path=str((tmp_path / "s.yml").resolve()))
    assert located(problems) == [
        ("s.yml", 1, "standard 's' has a 'title' set to a list; expected text"),
        (
            "s.yml",
            2,
            "standard 's' has a 'url' set to 'javascript:alert(1)'; expected an http:// or "
            "https:// address",
        ),
        (
            "s.yml",
            3,
            "standard 's' has the unknown key 'version'; expected 'title', 'url' and 'points'",
        ),
        ("s.yml", 4, "standard 's' has 'points' set to a mapping; expected a list of points"),
    ]


def test_problem_points_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_text(
        "title: S\n"
        "points:\n"
        "  - {id: '1', title: One}\n"
        "  - {title: No id}\n"
        "  - {id: '2'}\n"
        "  - {id: 'two words', title: Spaced}\n"
        "  - {id: all, title: Everything}\n"
        "  - {id: null, title: Nothing}\n"
        "  - {id: '3', title: Three, colour: red, url: ftp://example.org, section: [a]}\n"
        "  - just a line\n"
        "  - {id: '1', title: One again}\n"
        "  - {id: 'A', title: Upper}\n"
        "  - {id: 'a', title: Lower}\n"
    )
    standards, problems = load(tmp_path, {"s": "s.yml"})
    assert [(p.id, p.title, p.section, p.url, p.line) for p in standards["s"].points] == [
        ("1", "One", None, None, 3),
        ("3", "Three", None, None, 9),
        ("A", "Upper", None, None, 12),
    ]
    ids = (
        "expected letters and digits, with '.', '-' or '_' between them, without spaces, "
        "commas or colons"
    )
    point = "{id: '1', title: Understand users and their needs}"
    assert located(problems) == [
        (
            "s.yml",
            4,
            "standard 's' has the point titled 'No id' without an 'id'; expected an id like '1'",
        ),
        (
            "s.yml",
            5,
            "standard 's' has the point '2' without a 'title'; expected the point's title",
        ),
        ("s.yml", 6, f"standard 's' has the point id 'two words'; {ids}"),
        (
            "s.yml",
            7,
            f"standard 's' has the point id 'all' (it names every point in gates); {ids}",
        ),
        ("s.yml", 8, "standard 's' has a point whose id is empty; expected an id like '1'"),
        (
            "s.yml",
            9,
            "standard 's' has the unknown key 'colour' in the point '3'; expected 'id', "
            "'title', 'section' and 'url'",
        ),
        (
            "s.yml",
            9,
            "standard 's' has the point '3' with a 'section' set to a list; expected text",
        ),
        (
            "s.yml",
            9,
            "standard 's' has the point '3' with a 'url' set to 'ftp://example.org'; expected "
            "an http:// or https:// address",
        ),
        (
            "s.yml",
            10,
            "standard 's' has a point that is the text 'just a line'; expected a mapping "
            f"like {point}",
        ),
        (
            "s.yml",
            11,
            "standard 's' lists the point '1' twice, first at line 3; expected each point id once",
        ),
        (
            "s.yml",
            13,
            "standard 's' has the point 'a', whose anchor is the one of the point 'A' (line 12); "
            "expected ids that differ by more than case or punctuation",
        ),
    ]


def test_long_values_are_quoted_short(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_text(f"points:\n  - {{id: '{'9 ' * 250}', title: x y}}\n")
    _, problems = load(tmp_path, {"s": "s.yml"})
    assert [p.message for p in problems] == [
        f"standard 's' has the point id '{'9 ' * 19}… (499 characters); expected letters and "
        "digits, with '.', '-' or '_' between them, without spaces, commas or colons"
    ]


# -- inline values -------------------------------------------------------------------------


def test_inline_list_and_mapping(tmp_path: Path) -> None:
    standards, problems = load(
        tmp_path,
        {
            "kdp": [{"id": "A", "title": "Mission concept"}, {"id": "B", "title": "Design"}],
            "tcop": {
                "title": "Technology Code of Practice",
                "url": "https://www.gov.uk/tcop",
                "points": [{"id": "3", "title": "Be open and use open source"}],
            },
        },
    )
    assert problems == []
    assert standards == {
        "kdp": Standard("kdp", "Kdp", (Point("A", "Mission concept"), Point("B", "Design"))),
        "tcop": Standard(
            "tcop",
            "Technology Code of Practice",
            (Point("3", "Be open and use open source"),),
            url="https://www.gov.uk/tcop",
        ),
    }


def test_inline_problems_point_at_the_setting(tmp_path: Path) -> None:
    standards, problems = load(
        tmp_path,
        {
            "a": [{"id": 1, "title": "One"}, {"id": "1", "title": "Again"}, {"id": True}],
            "b": {"title": "B"},
            "c": [],
            "d": 3,
            "Bad Id": [],
        },
    )
    assert standards["a"].points == (Point("1", "One"),)
    assert set(standards) == {"a", "b", "c", "d"}
    assert located(problems) == [
        setting(
            "phases_standards: standard 'a' lists the point '1' twice, first above; expected "
            "each point id once"
        ),
        setting(
            "phases_standards: standard 'a' has a point whose id is a boolean (true); "
            "expected an id like '1'"
        ),
        setting("phases_standards: standard 'b' has no 'points'; expected a list of points"),
        setting(
            "phases_standards: standard 'c' has no points; expected a list of points like "
            "{id: '1', title: Understand users and their needs}"
        ),
        setting(
            "phases_standards: standard 'd' is a number (3); expected the path of a YAML file, "
            "a list of points or a mapping with 'title' and 'points'"
        ),
        setting(
            "phases_standards: the standard id 'Bad Id' is not valid: expected lower-case "
            "letters, digits and '-' (perhaps 'bad-id')"
        ),
    ]
    assert {p.path for p in problems} == {CONF}


def test_an_invalid_setting_is_left_to_the_settings_check(tmp_path: Path) -> None:
    assert load(tmp_path, ["not", "a", "mapping"]) == ({}, [])


def test_the_settings_check_leaves_each_entry_to_be_read_on_its_own() -> None:
    # docs/reference/standards.md: a mistake in one entry leaves the others whole.
    from types import SimpleNamespace

    from sphinx_phases.core.config import PhasesConfig, default_of, invalid_values

    values = {f"phases_{f.name}": default_of(f) for f in dc.fields(PhasesConfig)}
    values["phases_standards"] = {"s": [], "Bad Id": [], "n": 5}
    assert list(invalid_values(SimpleNamespace(**values))) == []
    values["phases_standards"] = ["s.yml"]
    assert [name for name, *_ in invalid_values(SimpleNamespace(**values))] == ["phases_standards"]


def test_a_tagged_value_is_reported_where_it_stands_and_never_read(tmp_path: Path) -> None:
    (tmp_path / "s.yml").write_text(
        "title: S\n"
        "!!python/name:os.system x: 1\n"
        "points:\n"
        "  - !!python/object:os.system {id: 1, title: One}\n"
        "  - {id: 2, title: !!binary aGk=, [a]: b}\n"
        "  - {id: !!python/name:os.system '', title: Three}\n"
        "  - {id: 4, title: Four}\n"
    )
    (tmp_path / "t.yml").write_text("!!python/object:os.system {points: [{id: 1, title: One}]}\n")
    (tmp_path / "u.yml").write_text("points: !!python/tuple [{id: 1, title: One}]\n")
    standards, problems = load(tmp_path, {"s": "s.yml", "t": "t.yml", "u": "u.yml"})
    assert [p.id for p in standards["s"].points] == ["4"]
    assert (standards["t"].points, standards["u"].points) == ((), ())
    assert located(problems) == [
        (
            "s.yml",
            2,
            "standard 's' has a key that is a Python object ('!!python/name:os.system'); "
            "expected 'title', 'url' and 'points'",
        ),
        (
            "s.yml",
            4,
            "standard 's' has a point that is a Python object ('!!python/object:os.system'); "
            "expected a mapping like {id: '1', title: Understand users and their needs}",
        ),
        (
            "s.yml",
            5,
            "standard 's' has a key that is a list in the point '2'; expected 'id', 'title', "
            "'section' and 'url'",
        ),
        (
            "s.yml",
            5,
            "standard 's' has the point '2' with a 'title' set to binary data ('!!binary'); "
            "expected text",
        ),
        (
            "s.yml",
            6,
            "standard 's' has a point whose id is a Python object ('!!python/name:os.system'); "
            "expected an id like '1'",
        ),
        (
            "t.yml",
            1,
            "standard 't' holds a Python object ('!!python/object:os.system'); expected a "
            "mapping with 'title' and a 'points' list, or a list of points",
        ),
        (
            "u.yml",
            1,
            "standard 'u' has 'points' set to a Python object ('!!python/tuple'); expected a "
            "list of points",
        ),
    ]


def test_anchors_that_meet_are_reported(tmp_path: Path) -> None:
    _, problems = load(
        tmp_path, {"tcop": [{"id": "3", "title": "Open"}], "tcop-3": [{"id": "1", "title": "x"}]}
    )
    assert located(problems) == [
        setting(
            "phases_standards: the standard 'tcop-3' has the anchor 'standard-tcop-3' of point "
            "'3' of the standard 'tcop', so links to one would reach the other; expected "
            "standard ids that do not begin with another standard's id and '-'"
        )
    ]


# -- anchors and names ---------------------------------------------------------------------


def test_anchors() -> None:
    assert standard_anchor("service-standard") == "standard-service-standard"
    assert point_anchor("service-standard", "5") == "standard-service-standard-5"
    assert point_anchor("kdp", "C_3.2") == "standard-kdp-c-3-2"


ONE = {
    "ss": Standard("ss", "Service Standard", tuple(Point(str(i), f"P{i}") for i in range(1, 15)))
}
SEVERAL = {
    "ss": Standard("ss", "Service Standard", (Point("1", "Users"), Point("3", "Team"))),
    "tcop": Standard("tcop", "TCoP", (Point("3", "Open"), Point("12", "Spend"))),
}


def test_find_point_with_one_standard() -> None:
    assert find_point(ONE, "5") == (ONE["ss"], Point("5", "P5"))
    assert find_point(ONE, " ss:5 ") == (ONE["ss"], Point("5", "P5"))
    assert find_point(ONE, "15") is None
    assert find_point(ONE, "tcop:5") is None
    assert find_point({}, "5") is None


def test_find_point_with_several_standards() -> None:
    assert find_point(SEVERAL, "tcop:3") == (SEVERAL["tcop"], Point("3", "Open"))
    assert find_point(SEVERAL, "12") == (SEVERAL["tcop"], Point("12", "Spend"))  # only one has it
    assert find_point(SEVERAL, "3") is None  # both have it
    assert find_point(SEVERAL, "ss:12") is None


def test_parse_points() -> None:
    assert parse_points(ONE, "5, 1 5,2") == ((("ss", "1"), ("ss", "2"), ("ss", "5")), [])
    assert parse_points(ONE, "all") == (tuple(("ss", str(i)) for i in range(1, 15)), [])
    assert parse_points(SEVERAL, "tcop:12 3 ss:1 zz:1 99") == (
        (("ss", "1"), ("tcop", "12")),
        ["3", "zz:1", "99"],
    )
    assert parse_points(SEVERAL, "tcop:all, ss:3") == (
        (("ss", "3"), ("tcop", "3"), ("tcop", "12")),
        [],
    )
    assert parse_points(SEVERAL, "all")[0] == (
        ("ss", "1"),
        ("ss", "3"),
        ("tcop", "3"),
        ("tcop", "12"),
    )
    assert parse_points({}, "all, 1") == ((), ["all", "1"])
    assert parse_points(ONE, "  ") == ((), [])


@pytest.mark.parametrize(
    ("standards", "text", "message"),
    [
        (
            {},
            "1",
            "point '1' is not known: phases_standards configures no standard; expected a "
            "standard in phases_standards",
        ),
        (
            ONE,
            "15",
            "point '15' is not a point of the standard 'ss'; expected one of its 14 point ids, "
            "'1' to '14'",
        ),
        (
            SEVERAL,
            "3",
            "point '3' is a point of several standards; expected 'ss:3' or 'tcop:3' to say which",
        ),
        (
            SEVERAL,
            "tcp:3",
            "point 'tcp:3' names the standard 'tcp', which phases_standards does not configure; "
            "expected 'ss' or 'tcop' (did you mean 'tcop'?)",
        ),
        (
            SEVERAL,
            "tcop:13",
            "point 'tcop:13' is not a point of the standard 'tcop'; expected '3' or '12'",
        ),
        (
            SEVERAL,
            "99",
            "point '99' is not a point of any configured standard ('ss', 'tcop'); expected a "
            "point id, or 'standard:id', like 'ss:1'",
        ),
        (
            {"e": Standard("e", "E", ())},
            "1",
            "point '1' is not a point of the standard 'e', which has no point that could be "
            "read; expected its points fixed first",
        ),
    ],
)
def test_explain_unknown(standards: dict[str, Standard], text: str, message: str) -> None:
    assert find_point(standards, text) is None
    assert explain_unknown(standards, text) == message


def test_translated() -> None:
    standard = Standard("s", "Title", (Point("1", "One", "Section"), Point("2", "Two")))
    assert translated(standard, str.upper) == Standard(
        "s", "TITLE", (Point("1", "ONE", "SECTION"), Point("2", "TWO"))
    )


# -- rendering -----------------------------------------------------------------------------

LISTED = Standard(
    "ss",
    "Service Standard",
    (
        Point("1", "Understand users", "Users", url="https://example.org/1"),
        Point("2", "Solve a whole problem", "Users"),
        Point("5", "Make sure everyone can use the service"),
    ),
    url="https://example.org",
)


def test_point_text() -> None:
    assert point_text(LISTED, LISTED.points[2]) == "5. Make sure everyone can use the service"


def test_listing_groups_points_by_section_with_anchors() -> None:
    (listing,) = standard_listing(LISTED)
    assert isinstance(listing, nodes.container)
    assert listing["classes"] == ["phases-standard"]
    assert listing["ids"] == ["standard-ss"]
    assert listing.astext() == (
        "Service Standard\n\nUsers\n\n1\n\nUnderstand users\n\n2\n\nSolve a whole problem"
        "\n\n5\n\nMake sure everyone can use the service"
    )
    assert [type(child).__name__ for child in listing.children] == [
        "paragraph",
        "rubric",
        "definition_list",
        "definition_list",
    ]
    assert [term["ids"] for term in listing.findall(nodes.term)] == [
        ["standard-ss-1"],
        ["standard-ss-2"],
        ["standard-ss-5"],
    ]
    links = [(r.astext(), r["refuri"]) for r in listing.findall(nodes.reference)]
    assert links == [
        ("Service Standard", "https://example.org"),
        ("Understand users", "https://example.org/1"),
    ]


def test_listing_without_sections_or_url() -> None:
    plain = Standard("k", "K", (Point("A", "Concept"), Point("B", "Design")))
    (listing,) = standard_listing(plain)
    assert listing.astext() == "A\n\nConcept\n\nB\n\nDesign"
    assert not list(listing.findall(nodes.rubric))
    assert not list(listing.findall(nodes.reference))


def gate(gate_id: str, *points: str) -> GateColumn:
    title = gate_id.title()
    return GateColumn(
        gate_id,
        title,
        lambda: nodes.reference("", title, refuri=f"gates.html#gate-{gate_id}"),
        frozenset(("ss", p) for p in points) | {("other", "1")},
    )


def test_coverage_matrix_marks_in_words() -> None:
    _listing, caption, region = standard_listing(
        LISTED, gates=[gate("alpha", "1"), gate("elsewhere"), gate("beta", "1", "5")]
    )
    # A caption, then the table in a region that scrolls on a narrow screen.
    assert caption.astext() == "Which gates assess each point"
    assert isinstance(region, phases_region)
    assert region["label"] == "Which gates assess each point"
    table = region[0]
    assert isinstance(table, nodes.table)
    assert table["classes"] == ["phases-standard-coverage"]
    rows = [
        [entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)
    ]
    assert rows == [
        ["Point", "Alpha", "Beta"],  # a gate assessing no point of the standard has no column
        ["1. Understand users", "✓ Assessed", "✓ Assessed"],
        ["2. Solve a whole problem", "— Not assessed", "— Not assessed"],
        ["5. Make sure everyone can use the service", "— Not assessed", "✓ Assessed"],
    ]
    # The point column heads the rows; the headers link to the gates, the points to their anchors.
    assert [c.get("stub", 0) for c in table.findall(nodes.colspec)] == [1, 0, 0]
    head = table.next_node(nodes.thead)
    assert [r["refuri"] for r in head.findall(nodes.reference)] == [
        "gates.html#gate-alpha",
        "gates.html#gate-beta",
    ]
    body = table.next_node(nodes.tbody)
    assert [r["refid"] for r in body.findall(nodes.reference)] == [
        "standard-ss-1",
        "standard-ss-2",
        "standard-ss-5",
    ]
    marks = [p["classes"] for p in body.findall(nodes.paragraph) if "phases-mark" in p["classes"]]
    assert marks[:2] == [
        ["phases-mark", "phases-mark--assessed"],
        ["phases-mark", "phases-mark--assessed"],
    ]
    assert marks[2] == ["phases-mark", "phases-mark--not-assessed"]


def test_coverage_with_no_gate_says_so() -> None:
    _listing, note = standard_listing(LISTED, gates=[gate("elsewhere")])
    assert isinstance(note, nodes.paragraph)
    assert note["classes"] == ["phases-standard-coverage"]
    assert note.astext() == "No gate assesses a point of this standard yet."
    assert len(standard_listing(LISTED, gates=[])) == 2
    assert len(standard_listing(LISTED)) == 1

"""Gates first-class (docs/reference/gates.md): a gate's position among the gates, links to
it from the phases around it, and the ``phase-gates`` overview."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sphinx.locale
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp
from tests.conftest import component, phase_warnings
from tests.test_gates import RST_GATE


@pytest.fixture(autouse=True)
def _fresh_translators(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sphinx keeps each catalogue's translator for the process; Welsh must not outlive a test.
    monkeypatch.setattr(sphinx.locale, "translators", {})


def _gates_root(copy_root: Any, markup: str) -> Path:
    """The gates root (three gates), its alpha page in *markup*."""
    srcdir = copy_root("gates")
    if markup == "rst":
        (srcdir / "alpha.md").unlink()
        (srcdir / "alpha.rst").write_text(RST_GATE)
    return srcdir


def _soup(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(app.outdir, name).read_text("utf8"), "html.parser")


def _gate_facts(app: SphinxTestApp, page: str) -> list[tuple[str, str]]:
    listing = _soup(app, page).select_one("dl.phases-gate__facts")
    assert listing is not None
    terms = [dt.get_text(strip=True) for dt in listing.find_all("dt")]
    values = [" ".join(dd.get_text(" ").split()) for dd in listing.find_all("dd")]
    return list(zip(terms, values, strict=True))


# -- 1. a gate's position among the gates ----------------------------------------------------


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_a_gate_states_its_position_among_the_gates_in_reading_order(
    make_app: Any, copy_root: Any, markup: str
) -> None:
    app = make_app("html", srcdir=_gates_root(copy_root, markup))
    app.build()
    assert phase_warnings(app) == []
    positions = {
        page: dict(_gate_facts(app, page))["Position"]
        for page in ("alpha.html", "private-beta.html", "public-beta.html")
    }
    assert positions == {
        "alpha.html": "Gate 1 of 3",
        "private-beta.html": "Gate 2 of 3",
        "public-beta.html": "Gate 3 of 3",
    }
    # Right after where the gate stands.
    assert [term for term, _value in _gate_facts(app, "alpha.html")][:2] == [
        "Between",
        "Position",
    ]


def test_an_unplaced_gate_is_not_counted(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    extra = "\n```{phase-gate} second-alpha\n:after: alpha\n\n- Again\n```\n"
    with (srcdir / "discovery.md").open("a") as handle:
        handle.write(extra)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert dict(_gate_facts(app, "public-beta.html"))["Position"] == "Gate 3 of 3"


@pytest.mark.parametrize(
    ("profile", "language", "expected"),
    [
        ("prince2", "en", "Stage boundary 2 of 3"),
        ("nasa", "en", "KDP 2 of 3"),
        ("gov-uk", "cy", "Porth 2 o 3"),
    ],
)
@pytest.mark.parametrize("builder", ["html", "text"])
def test_the_position_is_in_the_profile_s_and_the_language_s_words(
    make_app: Any, copy_root: Any, profile: str, language: str, expected: str, builder: str
) -> None:
    overrides = {"phases_profile": profile, "language": language}
    app = make_app(builder, srcdir=copy_root("gates"), confoverrides=overrides)
    app.build()
    if builder == "html":
        listing = _soup(app, "private-beta.html").select_one("dl.phases-gate__facts")
        assert expected in [dd.get_text(strip=True) for dd in listing.find_all("dd")]
    else:
        assert expected in Path(app.outdir, "private-beta.txt").read_text("utf8")


# -- 2. the phases around a gate link to it --------------------------------------------------


def _phase_facts(app: SphinxTestApp, page: str) -> dict[str, Any]:
    listing = _soup(app, page).select_one("dl.phases-facts:not(.phases-gate__facts)")
    assert listing is not None
    return {
        dt.get_text(strip=True): dd
        for dt, dd in zip(listing.find_all("dt"), listing.find_all("dd"), strict=True)
    }


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_ends_with_and_starts_after_link_to_the_gate(
    make_app: Any, copy_root: Any, markup: str
) -> None:
    app = make_app("html", srcdir=_gates_root(copy_root, markup))
    app.build()
    assert phase_warnings(app) == []
    ends = _phase_facts(app, "alpha.html")["Ends with"]
    assert ends.get_text(strip=True) == "Alpha assessment"
    assert ends.a["href"] == "#gate-alpha-assessment"  # declared on the same page
    public = _phase_facts(app, "public-beta.html")
    assert public["Starts after"].a["href"] == "private-beta.html#gate-beta-assessment"
    assert public["Starts after"].get_text(strip=True) == "Beta assessment"
    assert public["Ends with"].a["href"] == "#gate-live-assessment"
    beta = _phase_facts(app, "beta.html")
    assert "Ends with" not in beta  # its family's gates close its sub-phases


def test_text_writes_the_gates_around_a_phase_as_words(make_app: Any, copy_root: Any) -> None:
    app = make_app("text", srcdir=copy_root("gates"))
    app.build()
    text = Path(app.outdir, "public-beta.txt").read_text("utf8")
    assert "Starts after\n   Beta assessment" in text
    assert "Ends with\n   Live assessment" in text


def test_latex_links_the_gates_around_a_phase(make_app: Any, copy_root: Any) -> None:
    app = make_app("latex", srcdir=copy_root("gates"))
    app.build()
    assert phase_warnings(app) == []
    tex = "".join(path.read_text("utf8") for path in Path(app.outdir).glob("*.tex"))
    for label, gate in (
        ("Ends with", "alpha:gate-alpha-assessment"),
        ("Starts after", "private-beta:gate-beta-assessment"),
    ):
        fact = "\n".join(
            [
                rf"\sphinxlineitem{{{label}}}",
                r"\sphinxAtStartPar",
                rf"{{\hyperref[\detokenize{{{gate}}}]",
            ]
        )
        assert fact in tex, label


# -- 3. the phase-gates overview ------------------------------------------------------------

GATES_MD = "\n## Gates\n\n```{phase-gates}\nCOLUMNS```\n"
GATES_RST = "Gates\n=====\n\n.. phase-gates::\nCOLUMNS"
ALL_COLUMNS = "title, between, authority, assesses, decisions, outcome, date"


def _with_gates_table(srcdir: Path, columns: str | None, markup: str = "md") -> Path:
    """The gates root with a ``phase-gates`` table at the end of its index, in *markup*."""
    if markup == "md":
        written = f":columns: {columns}\n" if columns is not None else ""
        with (srcdir / "index.md").open("a") as handle:
            handle.write(GATES_MD.replace("COLUMNS", written))
    else:
        written = f"   :columns: {columns}\n" if columns is not None else ""
        (srcdir / "gates.rst").write_text(GATES_RST.replace("COLUMNS", written))
        index = (srcdir / "index.md").read_text()
        (srcdir / "index.md").write_text(index.replace("live\n```", "live\ngates\n```", 1))
    return srcdir


def _table_rows(app: SphinxTestApp, page: str) -> list[list[str]]:
    table = _soup(app, page).select_one("table.phases-gates-table")
    assert table is not None
    return [
        [" ".join(cell.get_text(" ").split()) for cell in tr.select("th, td")]
        for tr in table.select("tr")
    ]


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_phase_gates_lists_every_placed_gate_in_reading_order(
    make_app: Any, copy_root: Any, markup: str
) -> None:
    srcdir = _with_gates_table(copy_root("gates"), ALL_COLUMNS, markup)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == []
    page = "index.html" if markup == "md" else "gates.html"
    assert _table_rows(app, page) == [
        ["Gate", "Between", "Decided by", "Assesses", "Decisions", "Outcome", "Date"],
        [
            "Alpha assessment",
            "Alpha and Beta",
            "Assessment panel",
            "1, 2",
            "Met, Met with conditions, Not met",
            "Met",
            "2026-05-04",
        ],
        [
            "Beta assessment",
            "Private beta and Public beta",
            "",
            "",
            "Met, Met with conditions, Not met",
            "",
            "",
        ],
        [
            "Live assessment",
            "Public beta and Live",
            "",
            "1, 2, 3",
            "Met, Met with conditions, Not met",
            "",
            "",
        ],
    ]
    table = _soup(app, page).select_one("table.phases-gates-table")
    links = [a["href"] for a in table.select("tbody tr th:first-child a")]
    assert links == [
        "alpha.html#gate-alpha-assessment",
        "private-beta.html#gate-beta-assessment",
        "public-beta.html#gate-live-assessment",
    ]
    region = table.parent
    assert region["class"] == ["phases-region"]
    assert region["aria-label"] == "Gates, as a table"


def test_phase_gates_html_snapshot(make_app: Any, copy_root: Any, file_regression: Any) -> None:
    app = make_app("html", srcdir=_with_gates_table(copy_root("gates"), None))
    app.build()
    assert phase_warnings(app) == []
    file_regression.check(
        component(app, "index.html", 'div[aria-label="Gates, as a table"]'),
        basename="gates-table",
        extension=".html",
    )


def test_phase_gates_defaults_and_unknown_columns(make_app: Any, copy_root: Any) -> None:
    srcdir = _with_gates_table(copy_root("gates"), "title, verdict")
    app = make_app("html", srcdir=srcdir)
    app.build()
    line = (srcdir / "index.md").read_text().splitlines().index("```{phase-gates}") + 1
    assert phase_warnings(app) == [
        f"index.md:{line}: WARNING: phase-gates: column 'verdict' is not known; expected one "
        "of title, between, authority, assesses, decisions, outcome, date [phases.option]"
    ]
    assert _table_rows(app, "index.html")[0] == ["Gate"]
    default = make_app("html", srcdir=_with_gates_table(copy_root("gates", "default"), None))
    default.build()
    assert _table_rows(default, "index.html")[:2] == [
        ["Gate", "Between", "Outcome", "Date"],
        ["Alpha assessment", "Alpha and Beta", "Met", "2026-05-04"],
    ]


def test_phase_gates_outcome_is_in_the_profile_s_words(make_app: Any, copy_root: Any) -> None:
    srcdir = _with_gates_table(copy_root("gates"), "title, outcome, decisions")
    edit_text = (srcdir / "alpha.md").read_text().replace(":outcome: met", ":outcome: go")
    (srcdir / "alpha.md").write_text(edit_text)
    app = make_app("html", srcdir=srcdir, confoverrides={"phases_profile": "stage-gate"})
    app.build()
    rows = _table_rows(app, "index.html")
    assert rows[1][:2] == ["Alpha assessment", "Go"]
    assert rows[1][2] == "Go, Kill, Hold, Recycle"
    tag = _soup(app, "index.html").select_one("table.phases-gates-table .phases-tag")
    assert "phases-tag--means-proceed" in tag["class"]


def test_phase_gates_in_text(make_app: Any, copy_root: Any) -> None:
    app = make_app("text", srcdir=_with_gates_table(copy_root("gates"), None))
    app.build()
    assert phase_warnings(app) == []
    text = Path(app.outdir, "index.txt").read_text("utf8")
    assert text[text.index("Gates\n=====") :].strip() == TEXT_TABLE


TEXT_TABLE = """Gates
=====

+--------------------+--------------------------+--------------+-------------+
| Gate               | Between                  | Outcome      | Date        |
|====================|==========================|==============|=============|
| Alpha assessment   | Alpha and Beta           | [Met]        | 2026-05-04  |
+--------------------+--------------------------+--------------+-------------+
| Beta assessment    | Private beta and Public  |              |             |
|                    | beta                     |              |             |
+--------------------+--------------------------+--------------+-------------+
| Live assessment    | Public beta and Live     |              |             |
+--------------------+--------------------------+--------------+-------------+"""


def test_a_gate_after_the_final_phase_closes_it(make_app: Any, copy_root: Any) -> None:
    srcdir = _with_gates_table(copy_root("gates"), "title, between")
    with (srcdir / "live.md").open("a") as handle:
        handle.write("\n```{phase-gate} closure\n:before:\n\n- The service is retired\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == []
    assert _table_rows(app, "index.html")[-1] == ["Closure", "Closes Live"]
    assert dict(_gate_facts(app, "live.html"))["Position"] == "Gate 4 of 4"


@pytest.mark.parametrize(
    "builder",
    ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo", "xml", "json"],
)
def test_phase_gates_builds_clean_under_w_in_every_builder(
    copy_root: Any, tmp_path: Path, builder: str
) -> None:
    srcdir = _with_gates_table(copy_root("gates"), ALL_COLUMNS)
    outdir, doctrees = tmp_path / "out", tmp_path / "doctrees"
    # EPUB wants a copyright and a version; the root has neither.
    settings = ["-D", "copyright=Team", "-D", "version=1"]
    args = ["-W", "-q", "-b", builder, *settings, "-d", str(doctrees), str(srcdir), str(outdir)]
    assert build_main(args) == 0
    written = "".join(
        path.read_text("utf8", errors="replace")
        for path in outdir.rglob("*")
        if path.is_file()
        and path.suffix in (".html", ".xhtml", ".tex", ".txt", ".1", ".texi", ".xml", ".fjson")
    )
    assert "Live assessment" in written

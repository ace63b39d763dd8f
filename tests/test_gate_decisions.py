"""A gate's decisions, where a return goes, and its kinds of criteria (docs/reference/gates.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import sphinx.locale
from bs4 import BeautifulSoup
from tests.conftest import phase_warnings

SCHEMA = (
    Path(__file__).parent.parent / "src" / "sphinx_phases" / "sphinx_ext" / "phases.schema.json"
)

INDEX_MD = "# Manual\n\n```{toctree}\ndiscovery\nscoping\n```\n"
INDEX_RST = "Manual\n======\n\n.. toctree::\n\n   discovery\n   scoping\n"
SCOPING_MD = "# Scoping\n\n```{phase} scoping\n:previous: discovery\n\nLook closer.\n```\n"
SCOPING_RST = (
    "Scoping\n=======\n\n.. phase:: scoping\n   :previous: discovery\n\n   Look closer.\n"
)

# A gate with must-meet and should-meet criteria, written in each markup.
GATE_MD = """# Discovery

```{phase} discovery
:next: scoping

Find ideas.
```

````{phase-gate} gate-1
:title: Gate 1: Idea Screen
OPTIONS

The gatekeepers screen the idea.

- The idea fits the strategy

```{phase-criteria} should
- The market looks attractive
```

Notes after the criteria.
````
"""

GATE_RST = """Discovery
=========

.. phase:: discovery
   :next: scoping

   Find ideas.

.. phase-gate:: gate-1
   :title: Gate 1: Idea Screen
OPTIONS

   The gatekeepers screen the idea.

   - The idea fits the strategy

   .. phase-criteria:: should

      - The market looks attractive

   Notes after the criteria.
"""


@pytest.fixture(autouse=True)
def _fresh_translators(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sphinx.locale, "translators", {})


def _project(tmp_path: Path, markup: str, options: list[str], gate: str | None = None) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_phases"]\nphases_profile = "stage-gate"\n'
    )
    if markup == "md":
        written = "\n".join(options)
        body = (gate or GATE_MD).replace("OPTIONS\n", written + "\n" if written else "")
        pages = {"index.md": INDEX_MD, "discovery.md": body, "scoping.md": SCOPING_MD}
    else:
        written = "\n".join(f"   {option}" for option in options)
        body = (gate or GATE_RST).replace("OPTIONS\n", written + "\n" if written else "")
        pages = {"index.rst": INDEX_RST, "discovery.rst": body, "scoping.rst": SCOPING_RST}
    for name, text in pages.items():
        (srcdir / name).write_text(text)
    return srcdir


@pytest.mark.parametrize("markup", ["md", "rst"])
@pytest.mark.parametrize("builder", ["html", "text", "latex"])
def test_must_and_should_meet_criteria_show_under_their_labels(
    make_app: Any, tmp_path: Path, markup: str, builder: str
) -> None:
    app = make_app(builder, srcdir=_project(tmp_path, markup, [":decisions: go, kill"]))
    app.build()
    assert phase_warnings(app) == []
    if builder == "html":
        soup = BeautifulSoup((app.outdir / "discovery.html").read_text("utf8"), "html.parser")
        gate = soup.select_one("section.phases-gate")
        assert gate is not None
        labels = [p.get_text() for p in gate.select(".phases-gate__criteria-label")]
        assert labels == ["Must-meet criteria", "Should-meet criteria"]
        must = gate.select_one("ul.phases-gate__criteria--must")
        should = gate.select_one("ul.phases-gate__criteria--should")
        assert must is not None
        assert should is not None
        assert must.get_text(strip=True) == "The idea fits the strategy"
        assert should.get_text(strip=True) == "The market looks attractive"
        # Description before, the rest after, as written.
        text = " ".join(gate.get_text(" ").split())
        assert text.index("screen the idea") < text.index("Must-meet") < text.index("Notes after")
        facts = " ".join(gate.select_one(".phases-gate__facts").get_text(" ").split())
        assert "Decisions Go, Kill" in facts
        data = json.loads((app.outdir / "phases.json").read_text("utf8"))
        jsonschema.validate(data, json.loads(SCHEMA.read_text("utf8")))
        (exported,) = data["gates"]
        assert exported["criteria"] == [
            {"text": "The idea fits the strategy", "points": [], "kind": "must"},
            {"text": "The market looks attractive", "points": [], "kind": "should"},
        ]
        assert exported["decisions"] == ["go", "kill"]
        assert exported["returns_to"] == "discovery"
    elif builder == "text":
        text = (app.outdir / "discovery.txt").read_text("utf8")
        must = text.index("Must-meet criteria")
        assert must < text.index("The idea fits the strategy") < text.index("Should-meet criteria")
        assert text.index("Should-meet criteria") < text.index("The market looks attractive")
        assert "Go, Kill" in text
    else:
        tex = next(Path(app.outdir).glob("*.tex")).read_text("utf8")
        assert tex.index(r"Must\sphinxhyphen{}meet criteria") < tex.index(
            "The idea fits the strategy"
        )
        assert tex.index(r"Should\sphinxhyphen{}meet criteria") < tex.index(
            "The market looks attractive"
        )
        assert "Go, Kill" in tex


def test_a_gate_without_decisions_exports_the_profiles_but_pending(
    make_app: Any, tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_project(tmp_path, "md", []))
    app.build()
    assert phase_warnings(app) == []
    soup = BeautifulSoup((app.outdir / "discovery.html").read_text("utf8"), "html.parser")
    facts = soup.select_one(".phases-gate__facts")
    assert facts is not None
    assert "Decisions" not in facts.get_text()
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert data["gates"][0]["decisions"] == ["go", "kill", "hold", "recycle"]


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_a_recycled_gate_links_where_the_work_returns_to(
    make_app: Any, tmp_path: Path, markup: str
) -> None:
    options = [":outcome: recycle", ":returns-to: discovery"]
    app = make_app("html", srcdir=_project(tmp_path, markup, options))
    app.build()
    assert phase_warnings(app) == []
    soup = BeautifulSoup((app.outdir / "discovery.html").read_text("utf8"), "html.parser")
    facts = soup.select_one(".phases-gate__facts")
    assert facts is not None
    terms = [dt.get_text(strip=True) for dt in facts.select("dt")]
    assert terms[-2:] == ["Outcome", "Returns to"]
    link = facts.select("dd")[-1].select_one("a")
    assert link is not None
    assert link.get_text(strip=True) == "Discovery"
    assert link["href"] == "#phase-discovery"
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert data["gates"][0]["returns_to"] == "discovery"


def test_a_gate_that_goes_on_shows_no_return(make_app: Any, tmp_path: Path) -> None:
    app = make_app("html", srcdir=_project(tmp_path, "md", [":outcome: go"]))
    app.build()
    assert phase_warnings(app) == []
    assert "Returns to" not in (app.outdir / "discovery.html").read_text("utf8")


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_an_unknown_decision_is_one_located_warning(
    make_app: Any, tmp_path: Path, markup: str
) -> None:
    app = make_app("html", srcdir=_project(tmp_path, markup, [":decisions: go, kil"]))
    app.build()
    assert phase_warnings(app) == [
        f"discovery.{markup}:11: WARNING: phase-gate: decisions "
        "'go, kil' is not valid: 'kil' is not a decision of the profile; expected ids among "
        "pending, go, kill, hold, recycle (did you mean 'kill'?) [phases.option]"
    ]


def test_an_outcome_the_gate_cannot_take_is_a_warning(make_app: Any, tmp_path: Path) -> None:
    options = [":decisions: go, kill", ":outcome: hold"]
    app = make_app("html", srcdir=_project(tmp_path, "md", options))
    app.build()
    assert phase_warnings(app) == [
        "discovery.md:12: WARNING: phase-gate: outcome 'hold' is not among the gate's "
        "decisions; expected one of go, kill [phases.option]"
    ]


def test_a_pending_outcome_needs_no_decision_listed(make_app: Any, tmp_path: Path) -> None:
    options = [":decisions: go, kill", ":outcome: pending"]
    app = make_app("html", srcdir=_project(tmp_path, "md", options))
    app.build()
    assert phase_warnings(app) == []


def test_returns_to_an_unknown_phase_is_reported(make_app: Any, tmp_path: Path) -> None:
    app = make_app("html", srcdir=_project(tmp_path, "md", [":returns-to: discovry"]))
    app.build()
    assert phase_warnings(app) == [
        "discovery.md:9: WARNING: gate 'gate-1' returns to 'discovry', which no page "
        "declares; expected the id of a phase (did you mean 'discovery'?) [phases.unknown]"
    ]
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert data["gates"][0]["returns_to"] == "discovery"


@pytest.mark.parametrize("markup", ["md", "rst"])
def test_an_unknown_kind_is_one_located_warning_and_shows_under_the_default(
    make_app: Any, tmp_path: Path, markup: str
) -> None:
    gate = (GATE_MD if markup == "md" else GATE_RST).replace("should", "shuold")
    app = make_app("html", srcdir=_project(tmp_path, markup, [], gate))
    app.build()
    assert phase_warnings(app) == [
        f"discovery.{markup}:16: WARNING: phase-criteria: kind 'shuold' is not valid: "
        "expected one of the profile's kinds of criteria: must, should (did you mean "
        "'should'?) [phases.option]"
    ]
    soup = BeautifulSoup((app.outdir / "discovery.html").read_text("utf8"), "html.parser")
    labels = [p.get_text() for p in soup.select(".phases-gate__criteria-label")]
    assert labels == ["Must-meet criteria"]
    must = soup.select_one("ul.phases-gate__criteria--must")
    assert must is not None
    assert [li.get_text(strip=True) for li in must.select("li")] == [
        "The idea fits the strategy",
        "The market looks attractive",
    ]
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert [c["kind"] for c in data["gates"][0]["criteria"]] == ["must", "must"]


def test_criteria_outside_a_gate_are_reported(make_app: Any, tmp_path: Path) -> None:
    srcdir = _project(tmp_path, "md", [])
    page = srcdir / "scoping.md"
    page.write_text(SCOPING_MD + "\n```{phase-criteria} must\n- Stray\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "scoping.md:9: WARNING: phase-criteria 'must' is outside a phase-gate; expected it in "
        "the body of the gate whose criteria it lists [phases.gate]"
    ]
    assert "Stray" in (app.outdir / "scoping.html").read_text("utf8")


def test_kinds_are_kept_in_a_translated_build(make_app: Any, tmp_path: Path) -> None:
    """The criteria are read again after the Locale transform: each keeps its kind."""
    srcdir = _project(tmp_path, "md", [])
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text()
        + 'language = "cy"\nlocale_dirs = ["locale"]\ngettext_compact = False\n'
    )
    po = srcdir / "locale" / "cy" / "LC_MESSAGES" / "discovery.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "The market looks attractive"\nmsgstr "Mae\'r farchnad yn edrych yn ddeniadol"\n'
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert data["gates"][0]["criteria"] == [
        {"text": "The idea fits the strategy", "points": [], "kind": "must"},
        {"text": "Mae'r farchnad yn edrych yn ddeniadol", "points": [], "kind": "should"},
    ]

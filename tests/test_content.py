"""Overviews and the export show each phase's own words as its page shows them.

The words are read from the doctrees when a page that shows them is written: with their
markup (emphasis, links, roles resolved), whole answers in the table, and after the
builder's ``only`` directives are applied, so LaTeX and HTML each show their own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

CONF = (
    'extensions = ["myst_parser", "sphinx_phases"]\n'
    'phases_questions = {"reviews": "Reviews of {noun}"}\n'
)
PAGES = {
    "index.md": "# Manual\n\n```{toctree}\nalpha\nbeta\noverview\n```\n",
    "alpha.md": """# Alpha

```{phase} alpha

Try *risky* ideas before {phase}`beta`.
```

```{phase-outputs}
- Prototypes
- Decision log
```

```{phase-question} reviews
Two reviews close the alpha:

- the **design** review
- the [assessment](https://example.org/assessment)
```
""",
    "beta.rst": """Beta
====

.. phase:: beta

   .. only:: html

      Seen on the web.

   .. only:: latex

      Seen in print.

.. phase-outputs::

   - Live service

   .. only:: latex

      - Printed only

.. only:: latex

   .. phase-question:: reviews

      Reviewed on paper.
""",
    "overview.md": """# Overview

```{phase-sequence}
```

```{phase-table}
:columns: title, summary, outputs, reviews
```

```{phase-table}
:columns: title, reviews
:excerpt:
```
""",
}


def _project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    for name, text in PAGES.items():
        (src / name).write_text(text)
    return src


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("content")
    src = _project(tmp)
    outs = {}
    for builder in ("html", "latex", "text"):
        out = tmp / builder
        assert build_main(["-W", "-q", "-b", builder, str(src), str(out)]) == 0
        outs[builder] = out
    return outs


def _overview(built: dict[str, Path]) -> BeautifulSoup:
    return BeautifulSoup((built["html"] / "overview.html").read_text("utf8"), "html.parser")


def test_summaries_keep_their_markup_and_roles(built: dict[str, Path]) -> None:
    step = _overview(built).select_one("ol.phases-sequence .phases-sequence__summary")
    assert step is not None
    assert step.find("em").get_text() == "risky"
    link = step.find("a")
    assert link.get_text() == "Beta"  # the role resolved, as on alpha's own page
    assert link["href"] == "beta.html#phase-beta"


def test_the_table_shows_the_whole_answer(built: dict[str, Path]) -> None:
    first, excerpt = _overview(built).select("table.phases-table")
    cell = first.select("tbody tr")[0].select("td, th")[3]
    assert [li.get_text(" ", strip=True) for li in cell.select("li")] == [
        "the design review",
        "the assessment",
    ]
    assert cell.find("strong").get_text() == "design"
    assert cell.find("a")["href"] == "https://example.org/assessment"
    short = excerpt.select("tbody tr")[0].select("td, th")[1]
    assert short.get_text(strip=True) == "Two reviews close the alpha:"
    assert short.select("li") == []


def test_html_shows_only_html_content(built: dict[str, Path]) -> None:
    table = _overview(built).select_one("table.phases-table")
    beta = table.select("tbody tr")[1].get_text(" ", strip=True)
    assert "Seen on the web." in beta
    assert "Seen in print." not in beta
    assert "Printed only" not in beta
    assert "Reviewed on paper." not in beta  # a whole answer inside the only directive
    data = json.loads((built["html"] / "phases.json").read_text("utf8"))
    by_id = {phase["id"]: phase for phase in data["phases"]}
    assert by_id["beta"]["summary"] == "Seen on the web."
    assert [item["label"] for item in by_id["beta"]["outputs"]] == ["Live service"]
    assert by_id["alpha"]["summary"] == "Try risky ideas before Beta."


def test_latex_shows_only_latex_content(built: dict[str, Path]) -> None:
    (tex,) = built["latex"].glob("*.tex")
    text = tex.read_text("utf8")
    overview = text[text.index("Overview") :]
    assert "Seen in print." in overview
    assert "Seen on the web." not in overview
    assert "Printed only" in overview
    assert overview.count("Reviewed on paper.") == 2  # in both tables of the overview


def test_editing_a_summary_rewrites_the_overview(tmp_path: Path) -> None:
    src = _project(tmp_path)
    out = tmp_path / "out"
    assert build_main(["-q", "-b", "html", str(src), str(out)]) == 0
    alpha = src / "alpha.md"
    alpha.write_text(alpha.read_text().replace("*risky*", "*bold*"))
    assert build_main(["-q", "-b", "html", str(src), str(out)]) == 0
    overview = (out / "overview.html").read_text("utf8")
    assert "<em>bold</em>" in overview
    data = json.loads((out / "phases.json").read_text("utf8"))
    assert data["phases"][0]["summary"] == "Try bold ideas before Beta."

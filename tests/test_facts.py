"""The phase page's facts and lead: generated near the top, from the build's sequence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from tests.conftest import phase_warnings

BETA = """# Beta

```{phase} beta
:subtitle: Build the real service & test it with users
:duration: 3 to 6 months
:team: Service manager, Developers

Build it for real.
```
"""


@pytest.fixture
def service(make_app: Any, copy_root: Any) -> Any:
    def build(builder: str = "html", beta: str = BETA, **overrides: Any) -> SphinxTestApp:
        srcdir = copy_root("service")
        (srcdir / "beta.md").write_text(beta)
        app = make_app(builder, srcdir=srcdir, confoverrides=overrides)
        app.build()
        assert phase_warnings(app) == []
        return app

    return build


def _page(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return BeautifulSoup(Path(app.outdir, name).read_text("utf8"), "html.parser")


def _facts(app: SphinxTestApp, name: str) -> list[tuple[str, str]]:
    listing = _page(app, name).select_one("dl.phases-facts")
    assert listing is not None, name
    terms = [dt.get_text(strip=True) for dt in listing.find_all("dt")]
    values = [dd.get_text(strip=True) for dd in listing.find_all("dd")]
    return list(zip(terms, values, strict=True))


def test_facts_state_position_duration_and_team(service: Any) -> None:
    app = service()
    assert _facts(app, "beta.html") == [
        ("Position", "Phase 3 of 5"),
        ("Duration", "3 to 6 months"),
        ("Team", "Service manager, Developers"),
    ]
    assert _facts(app, "public-beta.html") == [("Position", "Part 2 of 2 of Beta")]


def test_facts_sit_under_the_title_and_lead(service: Any) -> None:
    section = _page(service(), "beta.html").select_one("section")
    assert section is not None
    assert section.find("span", id="phase-beta") is not None  # the phase's anchor, on top
    names = [
        (child.name, " ".join(child.get("class", [])))
        for child in section.find_all(recursive=False)
        if child.name != "span"
    ][:3]
    assert names == [("h1", ""), ("p", "phases-lead"), ("dl", "simple phases-facts")]


def test_the_subtitle_is_the_lead_and_is_escaped(service: Any) -> None:
    page = _page(service(), "beta.html")
    lead = page.select_one("p.phases-lead")
    assert lead is not None
    assert lead.get_text() == "Build the real service & test it with users"
    assert "Build the real service &amp; test it" in str(lead)


def test_no_facts_when_turned_off(service: Any) -> None:
    app = service(phases_facts="none")
    assert _page(app, "beta.html").select("dl.phases-facts") == []


def test_the_directive_places_the_facts(service: Any) -> None:
    app = service(beta=BETA + "\n## Details\n\n```{phase-facts}\n```\n")
    page = _page(app, "beta.html")
    (listing,) = page.select("dl.phases-facts")
    assert listing.find_previous("h2") is not None  # where it was written, once


def test_text_builders_write_the_facts(service: Any) -> None:
    app = service("text")
    text = Path(app.outdir, "beta.txt").read_text("utf8")
    assert "Position\n   Phase 3 of 5" in text

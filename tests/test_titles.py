"""A phase's title is its page's heading as readers see it: found wherever the declaration
stands on the page, and translated, everywhere the title shows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from tests.conftest import phase_warnings

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Alpha"
msgstr "Alffa"
"""


def _nav(outdir: Path, page: str) -> str:
    soup = BeautifulSoup((outdir / page).read_text("utf8"), "html.parser")
    return " ".join(soup.select_one("nav.phases-nav").get_text(" ").split())


def test_a_declaration_above_the_heading_takes_the_heading(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("service")
    (srcdir / "alpha.md").write_text("```{phase} alpha\nTry ideas.\n```\n\n# Alpha\n\nMore.\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == []
    assert _nav(app.outdir, "beta.html").startswith("Previous phase : Alpha ")
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert {p["id"]: p["title"] for p in data["phases"]}["alpha"] == "Alpha"
    index = BeautifulSoup((app.outdir / "genindex.html").read_text("utf8"), "html.parser")
    assert "Alpha (phase)" in index.get_text()


def test_a_phase_without_a_heading_is_reported(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("service")
    (srcdir / "alpha.md").write_text("```{phase} alpha\nTry ideas.\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == [
        "alpha.md:1: WARNING: phase 'alpha' has no title: its page has no heading; expected "
        "a heading on the page, or a title option [phases.option]"
    ]


def test_a_translated_heading_is_the_title_everywhere(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("service")
    messages = srcdir / "locales" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "alpha.po").write_text(PO)
    (srcdir / "index.md").write_text(
        (srcdir / "index.md").read_text() + "\n```{phase-table}\n:columns: title\n```\n"
    )
    app = make_app(
        "html", srcdir=srcdir, confoverrides={"language": "cy", "locale_dirs": ["locales"]}
    )
    app.build()
    # On its own page, in the neighbours' navigation, in the overview and the export.
    soup = BeautifulSoup((app.outdir / "alpha.html").read_text("utf8"), "html.parser")
    assert soup.h1.get_text(strip=True).startswith("Alffa")
    assert "Alffa" in _nav(app.outdir, "beta.html")
    table = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
    assert "Alffa" in [
        td.get_text(strip=True)
        for td in table.select("table.phases-table td, table.phases-table th")
    ]
    data = json.loads((app.outdir / "phases.json").read_text("utf8"))
    assert {p["id"]: p["title"] for p in data["phases"]}["alpha"] == "Alffa"

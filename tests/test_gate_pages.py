"""A gate on a page of its own stands in the reading order between the phases it
separates: the theme's previous and next links pass through it (docs/reference/gates.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from tests.conftest import phase_warnings

PAGES = {
    "index.md": "# Launch\n\n```{toctree}\nscoping\ngate-2\ncase\n```\n",
    "scoping.md": "# Scoping\n\n```{phase} scoping\nLook closer.\n```\n",
    "gate-2.md": (
        "# Gate 2\n\n```{phase-gate} gate-2\n:title: Gate 2\n:after: scoping\n\n"
        "The gatekeepers decide.\n\n- The idea is worth a closer look\n```\n"
    ),
    "case.md": "# Business case\n\n```{phase} case\n:title: Business case\nMake the case.\n```\n",
}


def _project(tmp_path: Path, theme_nav: bool) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    conf = 'extensions = ["myst_parser", "sphinx_phases"]\nphases_profile = "stage-gate"\n'
    conf += f"phases_theme_nav = {theme_nav}\nhtml_theme = 'basic'\n"
    (srcdir / "conf.py").write_text(conf)
    for name, text in PAGES.items():
        (srcdir / name).write_text(text)
    return srcdir


def _rel(app: Any, page: str) -> dict[str, str]:
    soup = BeautifulSoup((app.outdir / page).read_text("utf8"), "html.parser")
    return {
        rel: soup.find("link", rel=rel)["href"]
        for rel in ("prev", "next")
        if soup.find("link", rel=rel)
    }


def test_the_theme_links_pass_through_the_gates_own_page(make_app: Any, tmp_path: Path) -> None:
    app = make_app("html", srcdir=_project(tmp_path, True))
    app.build()
    assert phase_warnings(app) == []
    assert _rel(app, "scoping.html")["next"] == "gate-2.html"
    assert _rel(app, "gate-2.html") == {"prev": "scoping.html", "next": "case.html"}
    assert _rel(app, "case.html")["prev"] == "gate-2.html"
    # The phase navigation still names the next stage, and the gate it passes (in the
    # link's name, hidden, and after it, shown).
    soup = BeautifulSoup((app.outdir / "scoping.html").read_text("utf8"), "html.parser")
    nav = " ".join(soup.select_one("nav.phases-nav").get_text(" ").split())
    assert nav == (
        "This is the first stage Next, the final stage : Business case , after the Gate 2 "
        ", after the Gate 2"
    )


def test_without_theme_nav_the_theme_keeps_its_own_links(make_app: Any, tmp_path: Path) -> None:
    app = make_app("html", srcdir=_project(tmp_path, False))
    app.build()
    # Sphinx's own order is the toctree's, which holds the gate's page already.
    assert _rel(app, "gate-2.html") == {"prev": "scoping.html", "next": "case.html"}

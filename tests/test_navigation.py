"""The HTML people see: navigation, banners and pictogram lists, as component snapshots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from tests.conftest import component, warning_lines


@pytest.fixture
def service(make_app: Any, copy_root: Any) -> Any:
    count = 0

    def build(builder: str = "html", **overrides: Any) -> SphinxTestApp:
        nonlocal count
        count += 1
        srcdir = copy_root("service", dest=f"src{count}")
        app = make_app(builder, srcdir=srcdir, confoverrides=overrides)
        app.build()
        app.cleanup()  # so a second app in the same test can register its nodes again
        lines = warning_lines(app)
        if overrides.get("language") == "cy":
            # Docutils itself has no Welsh: its own notice, not ours.
            lines = [line for line in lines if 'Language "cy" not supported' not in line]
        assert lines == []
        return app

    return build


@pytest.mark.parametrize(
    ("page", "name"),
    [
        ("discovery.html", "first"),
        ("beta.html", "parent"),
        ("private-beta.html", "sub-phase"),
        ("public-beta.html", "last-sub-phase"),
        ("live.html", "loop-and-final-link"),
        ("retirement.html", "final"),
    ],
)
def test_nav(service: Any, file_regression: Any, page: str, name: str) -> None:
    app = service()
    html = component(app, page, "nav.phases-nav")
    file_regression.check(html, basename=f"nav-{name}", extension=".html")


def test_nav_links_in_dirhtml(service: Any, file_regression: Any) -> None:
    app = service("dirhtml")
    html = component(app, "beta/index.html", "nav.phases-nav")
    file_regression.check(html, basename="nav-dirhtml", extension=".html")


def test_nav_links_in_singlehtml_stay_on_the_page(service: Any) -> None:
    app = service("singlehtml")
    soup = BeautifulSoup(Path(app.outdir, "index.html").read_text("utf8"), "html.parser")
    navs = soup.select("nav.phases-nav")
    assert len(navs) == 7
    hrefs = [a["href"] for nav in navs for a in nav.select("a")]
    assert hrefs
    assert all(href.startswith("#") for href in hrefs), hrefs


def test_hidden_drafts_are_skipped(service: Any, file_regression: Any) -> None:
    app = service(phases_hide_drafts=True)
    file_regression.check(
        component(app, "discovery.html", "nav.phases-nav"),
        basename="nav-hidden-draft",
        extension=".html",
    )
    index = BeautifulSoup(Path(app.outdir, "index.html").read_text("utf8"), "html.parser")
    roles = index.select("p .phases-phase")
    linked = [role.get_text() for role in roles if role.find_parent("a")]
    plain = [role.get_text() for role in roles if not role.find_parent("a")]
    assert linked == ["Discovery", "Live"]
    assert plain == ["Alpha"]  # a role to a hidden draft is plain text


@pytest.mark.parametrize(
    ("page", "name"), [("alpha.html", "draft"), ("public-beta.html", "review")]
)
def test_banner(service: Any, file_regression: Any, page: str, name: str) -> None:
    app = service()
    file_regression.check(
        component(app, page, "div.phases-banner"), basename=f"banner-{name}", extension=".html"
    )


def test_published_pages_have_no_banner(service: Any) -> None:
    app = service()
    assert "phases-banner" not in Path(app.outdir, "live.html").read_text("utf8")


def test_pictogram_list(service: Any, file_regression: Any) -> None:
    app = service(phases_default_pictogram="backlog")
    file_regression.check(
        component(app, "live.html", "div.phases-items"),
        basename="pictogram-list",
        extension=".html",
    )


def test_nav_is_last_and_adds_no_heading_or_search_words(service: Any) -> None:
    app = service()
    soup = BeautifulSoup(Path(app.outdir, "beta.html").read_text("utf8"), "html.parser")
    body = soup.select_one("section")
    assert body is not None
    last = [child for child in body.children if getattr(child, "name", None)][-1]
    assert last.name == "nav"
    assert body.select("nav h1, nav h2, nav h3") == []
    # The navigation text must not feed the search index ("Sub-phase" appears nowhere else).
    terms = Path(app.outdir, "searchindex.js").read_text("utf8")
    assert '"previou' not in terms


def test_navigation_setting_places_it(service: Any) -> None:
    app = service(phases_navigation="both")
    soup = BeautifulSoup(Path(app.outdir, "beta.html").read_text("utf8"), "html.parser")
    assert len(soup.select("nav.phases-nav")) == 2
    app = service(phases_navigation="none")
    assert "phases-nav" not in Path(app.outdir, "beta.html").read_text("utf8")


def test_welsh_labels(service: Any) -> None:
    app = service(language="cy")
    nav = component(app, "beta.html", "nav.phases-nav")
    assert 'aria-label="Llywio rhwng cyfnodau"' in nav
    assert "Cyfnod blaenorol" in nav
    assert "Nesaf" in nav  # "Next: Private beta, part of Beta"
    assert "rhan o Beta" in nav
    facts = component(app, "private-beta.html", "dl.phases-facts")
    assert "Safle" in facts
    assert "Rhan 1 o 2 o Beta" in facts
    banner = component(app, "alpha.html", "div.phases-banner")
    assert "Drafft" in banner


def test_only_used_pictograms_are_copied(service: Any) -> None:
    app = service()
    copied = sorted(p.name for p in Path(app.outdir, "_static", "phases-pictograms").iterdir())
    assert copied == ["discussion.svg", "team.svg", "website.svg"]
    assert Path(app.outdir, "_static", "phases.css").is_file()


def test_phase_nav_directive_places_the_navigation_by_hand(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_phases"]\n')
    (srcdir / "index.md").write_text("# Home\n\n```{phase-nav}\n```\n\n```{toctree}\na\nb\n```\n")
    (srcdir / "a.md").write_text("# A\n\n```{phase} a\n```\n\n```{phase-nav}\n```\n\nAfter.\n")
    (srcdir / "b.md").write_text("# B\n\n```{phase} b\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warning_lines(app) == []
    soup = BeautifulSoup(Path(app.outdir, "a.html").read_text("utf8"), "html.parser")
    navs = soup.select("nav.phases-nav")
    assert len(navs) == 1  # the automatic one is left out
    assert navs[0].find_next_sibling("p").get_text() == "After."
    assert "phases-nav" not in Path(app.outdir, "index.html").read_text("utf8")

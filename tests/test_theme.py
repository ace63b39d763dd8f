"""Theme integration: the page context, and the theme's own links following the phases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.testing.util import SphinxTestApp


def build(make_app: Any, copy_root: Any, **overrides: Any) -> tuple[SphinxTestApp, dict[str, Any]]:
    app = make_app("html", srcdir=copy_root("toctree-mismatch"), confoverrides=overrides)
    contexts: dict[str, Any] = {}
    app.connect(
        "html-page-context",
        lambda _a, page, _t, context, _d: contexts.__setitem__(page, dict(context)),
        priority=900,
    )
    app.build()
    return app, contexts


def head_links(app: SphinxTestApp, page: str) -> dict[str, str]:
    html = Path(app.outdir, page).read_text("utf8")
    return dict(re.findall(r'<link rel="(prev|next)" title="[^"]*" href="([^"]*)"', html))


def test_page_context(make_app: Any, copy_root: Any) -> None:
    _, contexts = build(make_app, copy_root)
    assert contexts["alpha"]["phase"] == {
        "id": "alpha",
        "title": "Alpha &lt;1&gt;",
        "link": "",
        "status": "published",
    }
    assert contexts["alpha"]["phase_prev"] == {
        "id": "discovery",
        "title": "Discovery",
        "link": "discovery.html",
    }
    assert contexts["alpha"]["phase_next"] == {"id": "beta", "title": "Beta", "link": "beta.html"}
    assert "phase" not in contexts["index"]


def test_theme_links_follow_the_toctree_by_default(make_app: Any, copy_root: Any) -> None:
    app, _ = build(make_app, copy_root)
    # The toctree lists beta, alpha, discovery; the phases run discovery, alpha, beta.
    assert head_links(app, "alpha.html") == {"prev": "beta.html", "next": "discovery.html"}


def test_theme_nav_makes_them_follow_the_phases(make_app: Any, copy_root: Any) -> None:
    app, contexts = build(make_app, copy_root, phases_theme_nav=True)
    assert head_links(app, "alpha.html") == {"prev": "discovery.html", "next": "beta.html"}
    assert contexts["alpha"]["next"] == {"link": "beta.html", "title": "Beta"}
    rellinks = [link for link in contexts["alpha"]["rellinks"] if link[2] in ("N", "P")]
    assert rellinks == [("beta", "Beta", "N", "next"), ("discovery", "Discovery", "P", "previous")]
    # The first phase has no previous phase, whatever the toctree says.
    assert contexts["discovery"]["prev"] is None
    assert head_links(app, "discovery.html") == {"next": "alpha.html"}

"""A hostile title or label is text everywhere it appears, never markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_hostile_strings_are_escaped_in_every_page(make_app: Any, tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_phases"]\nphases_theme_nav = True\n'
    )
    (srcdir / "index.md").write_text(
        "# Home\n\nSee {phase}`alpha` and {phase}`beta`.\n\n```{toctree}\nalpha\nbeta\n```\n"
    )
    (srcdir / "alpha.md").write_text(
        f"# Alpha\n\n```{{phase}} alpha\n:title: {HOSTILE}\n:status: review\n```\n\n"
        "```{phase-outputs}\n:caption: " + HOSTILE + "\n\n- {pictogram}`team` "
        "&lt;b&gt;bold&lt;/b&gt;\n```\n"
    )
    # (Raw HTML in a MyST heading is the author's own markup, so titles come from options.)
    (srcdir / "beta.md").write_text(f"# Beta\n\n```{{phase}} beta\n:title: {HOSTILE}\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    pages = list(Path(app.outdir).rglob("*.html"))
    assert len(pages) > 3
    for page in pages:
        text = page.read_text("utf8")
        assert "<script>alert" not in text, page
        assert "<img src=x" not in text, page
    alpha = Path(app.outdir, "alpha.html").read_text("utf8")
    # The next link (nav), the theme's next link (theme_nav), the caption, the label.
    assert alpha.count("&lt;script&gt;alert") >= 3
    index = Path(app.outdir, "index.html").read_text("utf8")
    assert index.count("&lt;script&gt;alert") >= 2  # both roles

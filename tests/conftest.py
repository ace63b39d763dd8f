"""Shared fixtures and helpers: Sphinx's testing plugin, the roots folder, output
normalisers, HTML components, incremental builds and SVG files. Test modules import
helpers from here, never from each other."""

from __future__ import annotations

import difflib
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots"]

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


@pytest.fixture
def copy_root(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a test root to a fresh folder, for tests that edit or rebuild it."""

    def copy(name: str, dest: str = "src") -> Path:
        target = tmp_path / dest
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


def warning_lines(app: SphinxTestApp) -> list[str]:
    """The build's warnings, one per line, with paths relative to the source folder."""
    text = strip_colors(app.warning.getvalue())
    srcdir = str(app.srcdir).rstrip("/") + "/"
    return [line.replace(srcdir, "") for line in text.splitlines() if line.strip()]


def phase_warnings(app: SphinxTestApp) -> list[str]:
    return [line for line in warning_lines(app) if line.endswith("]") and "[phases." in line]


_BOOLEAN = re.compile(r'="(?:1|True)"')


def stable_pformat(tree: nodes.Node, srcdir: Path | str | None = None) -> str:
    """A doctree as text that does not vary by machine, Sphinx or docutils version."""
    text = tree.pformat()
    if srcdir is not None:
        text = text.replace(str(srcdir).rstrip("/") + "/", "")
    # Sphinx >= 7.1 adds translation progress; docutils >= 0.22 writes booleans as "1".
    text = re.sub(r' translation_progress="[^"]*"', "", text)
    return _BOOLEAN.sub('="True"', text)


# -- HTML components ----------------------------------------------------------------------


def component(app: SphinxTestApp, page: str, selector: str) -> str:
    path = Path(app.outdir, page)
    soup = BeautifulSoup(path.read_text("utf8"), "html.parser")
    found = soup.select(selector)
    assert found, f"{selector} not in {page}"
    return "\n".join(node.prettify() for node in found)


# -- incremental builds: what a rebuild wrote, and that it equals a clean build ------------


def build(
    make_app: Any, srcdir: Path, outdir: Path | None = None, **kwargs: Any
) -> tuple[SphinxTestApp, list[str]]:
    """Build *srcdir* and return the app and the documents it wrote."""
    builddir = outdir or srcdir / "_build"
    app = make_app("html", srcdir=srcdir, builddir=builddir, **kwargs)
    written: list[str] = []
    app.connect("html-page-context", lambda _app, page, *_: written.append(page))
    app.build()
    # Unregister this app's nodes and directives, or the next app in the same test
    # warns that they are registered already.
    app.cleanup()
    return app, sorted(p for p in written if p in app.env.found_docs)


def pages(app: SphinxTestApp) -> dict[str, str]:
    return {
        doc: (app.outdir / f"{doc}.html").read_text("utf8") for doc in sorted(app.env.found_docs)
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def assert_same_as_clean(make_app: Any, app: SphinxTestApp, srcdir: Path, tmp: Path) -> None:
    clean_src = tmp / "clean-src"
    shutil.copytree(srcdir, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean, _ = build(make_app, clean_src, tmp / "clean-out")
    incremental, fresh = pages(app), pages(clean)
    assert incremental.keys() == fresh.keys()
    for docname, text in fresh.items():
        # A unified diff names the difference, where a plain == would print two pages.
        diff = "".join(
            difflib.unified_diff(text.splitlines(True), incremental[docname].splitlines(True))
        )
        assert not diff, f"{docname} differs from a clean build:\n{diff}"
    assert warning_lines(app) == warning_lines(clean)


# -- SVG files ---------------------------------------------------------------------------

SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 8 8">'
)


def svg(body: str, open_tag: str = SVG_OPEN) -> bytes:
    """An SVG file holding *body*."""
    return f"{open_tag}{body}</svg>".encode()


SVG_SCRIPT = "element 'script' (namespace 'http://www.w3.org/2000/svg')"

# Pictograms a checker must refuse (tests/test_svg_check.py, and built in a project by
# tests/hostile/test_hostile_pictograms.py): name -> (file, the phrase its refusal holds).
HOSTILE_SVG = {
    "prefixed-svg-script": (
        svg(
            "<s:script>alert(1)</s:script>",
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg">',
        ),
        SVG_SCRIPT,
    ),
    "xhtml-script": (
        svg(
            "<h:script>alert(1)</h:script>",
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">',
        ),
        "element 'script' (namespace 'http://www.w3.org/1999/xhtml')",
    ),
    "default-namespace-script": (svg("<script>alert(1)</script>"), SVG_SCRIPT),
    "entity-encoded-animate": (
        svg('<animate attributeName="href" values="&#106;avascript:alert(1)"/>'),
        "element 'animate'",
    ),
    "set": (svg('<set attributeName="href" to="https://evil.example/"/>'), "element 'set'"),
    "entity-encoded-javascript-value": (
        svg('<rect fill="&#106;ava&#x09;script:alert(1)"/>'),
        "attribute 'fill' on element 'rect' with a javascript: URL",
    ),
    "onload": (
        svg("", SVG_OPEN[:-1] + ' onload="alert(1)">'),
        "attribute 'onload' on element 'svg'",
    ),
    "foreign-object": (
        svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
        "element 'foreignObject'",
    ),
    "external-use": (
        svg('<use href="https://evil.example/x.svg#a"/>'),
        "attribute 'href' on element 'use' with a link out of the file",
    ),
    "xlink-javascript-use": (
        svg('<use xlink:href="javascript:alert(1)"/>'),
        "attribute 'href' (namespace 'http://www.w3.org/1999/xlink') on element 'use' with a "
        "javascript: URL",
    ),
    "javascript-link": (
        svg('<a xlink:href="javascript:alert(1)"><rect width="8" height="8"/></a>'),
        "element 'a'",
    ),
    "image": (svg('<image href="https://evil.example/x.png"/>'), "element 'image'"),
    "doctype-entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x "y">]>\n'
        + svg('<text x="0" y="8">&x;</text>'),
        "holds a document type declaration",
    ),
    "external-dtd": (
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + svg(""),
        "holds a document type declaration",
    ),
    "stylesheet-instruction": (
        b'<?xml-stylesheet href="https://evil.example/x.css"?>' + svg(""),
        "holds a processing instruction ('xml-stylesheet')",
    ),
    "css-import": (
        svg("<style>@import 'https://evil.example/x.css';</style>"),
        "element 'style' (namespace 'http://www.w3.org/2000/svg') with CSS that can fetch",
    ),
    "css-url": (
        svg("<style>rect{fill:url(https://evil.example/x.svg#a)}</style>"),
        "with a reference out of the file ('url(https://evil.example/x.svg#a')",
    ),
    "css-escape": (svg(r"<style>rect{fill:u\72l(//evil.example/x)}</style>"), "('\\\\')"),
    "style-attribute": (
        svg("<rect style=\"fill:url( '//evil.example/x' )\"/>"),
        "attribute 'style' on element 'rect' with a reference out of the file",
    ),
    "presentation-url": (
        svg('<rect fill="url(https://evil.example/x#g)"/>'),
        "attribute 'fill' on element 'rect' with a reference out of the file",
    ),
    "xml-base": (svg('<g xml:base="https://evil.example/"/>'), "attribute 'base'"),
    "foreign-attribute": (
        svg('<g xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="click"/>'),
        "attribute 'event' (namespace 'http://www.w3.org/2001/xml-events')",
    ),
}

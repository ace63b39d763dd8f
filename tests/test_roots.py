"""Each well-formed situation builds without a warning and resolves to the expected order."""

from __future__ import annotations

from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from tests.conftest import stable_pformat, warning_lines

GOOD_ROOTS = ["basic", "rst", "toctree", "frontmatter", "subphases", "loop", "yaml"]


def resolved(app: SphinxTestApp) -> dict[str, Any]:
    """The resolved sequence as plain data, for a YAML snapshot."""
    resolution = app.env.get_domain("phases").resolution
    phases = {}
    for phase_id in resolution.flat:
        phase = resolution.phases[phase_id]
        decl = resolution.decls[phase_id]
        phases[phase_id] = {
            "docname": phase.docname,
            "title": decl.title,
            "status": decl.status,
            "previous": phase.previous,
            "next": phase.next,
            "parent": phase.parent,
            "children": list(phase.children),
            "loops_to": list(phase.loops_to),
            "first": phase.first,
            "last": phase.last,
        }
    return {"order": list(resolution.order), "phases": phases}


@pytest.mark.parametrize("root", GOOD_ROOTS)
def test_good_root_builds_clean_and_resolves(
    make_app: Any, copy_root: Any, root: str, data_regression: Any
) -> None:
    app = make_app("html", srcdir=copy_root(root))
    app.build()
    assert warning_lines(app) == []
    data_regression.check(resolved(app), basename=f"sequence-{root}")


@pytest.mark.sphinx("html", testroot="basic")
def test_directive_doctree(app: SphinxTestApp, file_regression: Any) -> None:
    app.build()
    tree = app.env.get_doctree("discovery")
    file_regression.check(
        stable_pformat(tree, app.srcdir), basename="doctree-discovery", extension=".xml"
    )


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_front_matter_doctree(app: SphinxTestApp, file_regression: Any) -> None:
    app.build()
    tree = app.env.get_doctree("discovery")
    file_regression.check(
        stable_pformat(tree, app.srcdir), basename="doctree-frontmatter", extension=".xml"
    )


@pytest.mark.sphinx("html", testroot="rst")
def test_rst_and_myst_give_the_same_doctree(app: SphinxTestApp, rootdir: Any) -> None:
    """The rST root mirrors the MyST one: their phase nodes must be identical."""
    app.build()
    rst = stable_pformat(app.env.get_doctree("discovery"), app.srcdir)
    expected = (rootdir.parent / "test_roots" / "doctree-discovery.xml").read_text()
    assert rst.replace("discovery.rst", "discovery.md") == expected

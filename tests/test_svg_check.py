"""The SVG allow-list on its own (no Sphinx): what a pictogram file may hold.

Every hostile shape is refused with a phrase naming what was found and what was expected,
however it is spelled (a prefix bound to the SVG namespace, a character reference, a
doctype); every pictogram the package ships, and every one in the docs' examples, passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import HOSTILE_SVG, SVG_OPEN, svg

from sphinx_phases.core.pictograms import BUILTIN_DIR
from sphinx_phases.core.svg_check import EXPECTED, check_svg

ROOT = Path(__file__).resolve().parents[1]
NOT_SVG = {
    "text": (b"just some text, no svg here", "not well-formed XML"),
    "no-namespace": (b"<svg><rect/></svg>", "its root is element 'svg' (no namespace)"),
    "html": (
        b'<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>',
        "its root is element 'html'",
    ),
    "unknown-encoding": (b'<?xml version="1.0" encoding="x-nope"?><svg/>', "unknown encoding"),
}

BENIGN = {
    "shapes": svg('<rect width="8" height="8" fill="#0b0c0c"/><circle cx="4" cy="4" r="2"/>'),
    "gradient": svg(
        '<defs><linearGradient id="g" x2="1"><stop offset="0" stop-color="red"/>'
        '<stop offset="1" stop-color="blue"/></linearGradient></defs>'
        '<rect width="8" height="8" fill="url(#g)" style="stroke: url( \'#g\' )"/>'
    ),
    "local-use": svg(
        '<symbol id="s"><path d="M0 0h8"/></symbol><use href="#s"/><use xlink:href="#s"/>'
    ),
    "text": svg(
        '<title>A title</title><desc>A description</desc><text xml:space="preserve" '
        'font-family="sans-serif" text-anchor="middle"><tspan>Hi (see image)</tspan></text>'
    ),
    "style": svg("<style>.a{fill:var(--x,#000)}@media (prefers-color-scheme:dark){.a{}}</style>"),
    "declaration-comment-bom": (
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- <script>alert(1)</script> -->'
        + svg("").decode()
    ).encode(),
    "utf-16": (SVG_OPEN + '<rect width="8" height="8"/></svg>').encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_SVG))
def test_hostile_svgs_are_refused_saying_what_was_found(name: str) -> None:
    data, phrase = HOSTILE_SVG[name]
    reason = check_svg(data)
    assert reason is not None
    assert reason.startswith("holds "), reason
    assert phrase in reason, reason
    assert reason.endswith(f"; {EXPECTED}")


@pytest.mark.parametrize("name", sorted(NOT_SVG))
def test_files_that_are_not_svg_are_refused(name: str) -> None:
    data, phrase = NOT_SVG[name]
    reason = check_svg(data)
    assert reason is not None
    assert reason.startswith("is not an SVG image"), reason
    assert phrase in reason, reason
    assert "expected an <svg> document" in reason


@pytest.mark.parametrize("name", sorted(BENIGN))
def test_drawings_pass(name: str) -> None:
    assert check_svg(BENIGN[name]) is None


SHIPPED = sorted(BUILTIN_DIR.glob("*.svg")) + sorted((ROOT / "docs").rglob("*.svg"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_and_documented_pictogram_passes(path: Path) -> None:
    assert check_svg(path.read_bytes()) is None


def test_the_shipped_pictograms_are_all_checked() -> None:
    assert len([p for p in SHIPPED if p.parent == BUILTIN_DIR]) == 19


def test_a_deep_or_wide_file_is_judged_without_recursion() -> None:
    deep = svg("<g>" * 50_000 + "</g>" * 50_000)
    assert check_svg(deep) is None
    assert "element 'script'" in (
        check_svg(svg("<g>" * 50_000 + "<script/>" + "</g>" * 50_000)) or ""
    )

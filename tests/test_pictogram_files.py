"""Static checks on the bundled SVG pictograms (no Sphinx needed).

The pictograms are decorative, themeable and safe to inline into any page: these tests pin
the exact set of files, the root element, the colour hooks (custom properties with light and
dark fallbacks) and the absence of anything active or external.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest

from sphinx_phases.core.svg_check import check_svg

try:
    from defusedxml.ElementTree import fromstring
except ImportError:  # pragma: no cover - defusedxml is in the testing extra
    from xml.etree.ElementTree import fromstring

PICTOGRAM_DIR = Path(__file__).resolve().parents[1] / "src" / "sphinx_phases" / "pictograms"

SVG_NS = "http://www.w3.org/2000/svg"

EXPECTED_NAMES = frozenset(
    {
        # team size per phase
        "discovery-small",
        "alpha-medium",
        "beta-large",
        "live-larger",
        # general pictograms
        "backlog",
        "blog",
        "code",
        "design-and-build",
        "discussion",
        "presentation",
        "prototype",
        "team",
        "user-needs",
        "website",
        # one per standard phase
        "discovery",
        "alpha",
        "beta",
        "live",
        "retirement",
    }
)

ROOT_ATTRIBUTES = {
    "viewBox": "0 0 64 64",
    "width": "64",
    "height": "64",
    "aria-hidden": "true",
    "focusable": "false",
}

FORBIDDEN_ELEMENTS = frozenset(
    {
        "title",
        "script",
        "foreignObject",
        "use",
        "image",
        "a",
        "iframe",
        "linearGradient",
        "radialGradient",
        "filter",
    }
)

# Colour must come from the classes only, so that themes can restyle every drawing.
FORBIDDEN_ATTRIBUTES = frozenset({"style", "fill", "stroke", "color", "stop-color"})

ALLOWED_CLASSES = frozenset({"ink", "ink-fill", "accent", "accent-fill"})

MAX_BYTES = 2048


def _local(name: str) -> str:
    """Strip an ElementTree ``{namespace}`` prefix from a tag or attribute name."""
    return name.rsplit("}", 1)[-1]


def _path(name: str) -> Path:
    return PICTOGRAM_DIR / f"{name}.svg"


def _parse(name: str) -> Element:
    return fromstring(_path(name).read_bytes())


def test_exact_set_of_pictograms() -> None:
    found = {p.stem for p in PICTOGRAM_DIR.glob("*.svg")}
    assert found == EXPECTED_NAMES, (
        f"missing: {sorted(EXPECTED_NAMES - found)}, unexpected: {sorted(found - EXPECTED_NAMES)}"
    )


def test_license_note_present() -> None:
    text = (PICTOGRAM_DIR / "LICENSE").read_text(encoding="utf-8")
    assert "MIT" in text
    assert "sphinx-phases contributors" in text


@pytest.fixture(params=sorted(EXPECTED_NAMES))
def name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_size_and_encoding(name: str) -> None:
    data = _path(name).read_bytes()
    assert len(data) < MAX_BYTES, f"{name}.svg is {len(data)} bytes"
    text = data.decode("utf-8")  # raises if not UTF-8
    assert "<!DOCTYPE" not in text
    assert "<!ENTITY" not in text


def test_passes_the_allow_list_a_project_pictogram_must_pass(name: str) -> None:
    assert check_svg(_path(name).read_bytes()) is None


def test_root_element(name: str) -> None:
    root = _parse(name)
    assert root.tag == f"{{{SVG_NS}}}svg"
    for attribute, value in ROOT_ATTRIBUTES.items():
        assert root.get(attribute) == value, f"{name}.svg: {attribute}={root.get(attribute)!r}"


def test_no_forbidden_elements(name: str) -> None:
    root = _parse(name)
    for element in root.iter():
        assert element.tag.startswith(f"{{{SVG_NS}}}"), f"{name}.svg: foreign {element.tag}"
        assert _local(element.tag) not in FORBIDDEN_ELEMENTS, f"{name}.svg: <{element.tag}>"


def test_no_event_handlers_links_or_inline_colour(name: str) -> None:
    root = _parse(name)
    for element in root.iter():
        for attribute in element.attrib:
            local = _local(attribute)
            assert not local.lower().startswith("on"), f"{name}.svg: {attribute}"
            assert local != "href", f"{name}.svg: {attribute}"
            assert local not in FORBIDDEN_ATTRIBUTES, f"{name}.svg: {attribute}"


def test_no_external_references(name: str) -> None:
    text = _path(name).read_text(encoding="utf-8")
    assert "@import" not in text
    for target in re.findall(r"url\(\s*['\"]?([^'\")\s]*)", text):
        assert target.startswith("#"), f"{name}.svg: url({target})"
    assert "javascript:" not in text.lower()


def test_only_the_theme_classes(name: str) -> None:
    root = _parse(name)
    used: set[str] = set()
    for element in root.iter():
        used.update(element.get("class", "").split())
    assert used <= ALLOWED_CLASSES, f"{name}.svg: {sorted(used - ALLOWED_CLASSES)}"
    assert used & {"ink", "ink-fill"}, f"{name}.svg draws nothing in ink"
    assert used & {"accent", "accent-fill"}, f"{name}.svg has no accent"


def test_style_has_colour_hooks_and_dark_fallbacks(name: str) -> None:
    root = _parse(name)
    styles = [e for e in root.iter() if _local(e.tag) == "style"]
    assert len(styles) == 1, f"{name}.svg: {len(styles)} <style> elements"
    css = re.sub(r"\s+", "", styles[0].text or "")
    assert "var(--phases-pictogram-ink,#0b0c0c)" in css
    assert "var(--phases-pictogram-accent,#1d70b8)" in css
    media = css.find("@media(prefers-color-scheme:dark)")
    assert media != -1, f"{name}.svg: no prefers-color-scheme block"
    dark = css[media:]
    assert "var(--phases-pictogram-ink,#f3f2f1)" in dark
    assert "var(--phases-pictogram-accent,#5694ca)" in dark

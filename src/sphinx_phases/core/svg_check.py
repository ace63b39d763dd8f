"""Whether an SVG file holds drawing only: parsed as XML, then judged by allow-lists (no Sphinx).

A project's pictograms are copied into the site, where a reader can open one on its own and
a browser then runs whatever it holds. So the file is parsed (DTDs, entities and processing
instructions refused, see docs/how-to/pictograms.md) and every element and attribute is
judged by its namespace and local name, whatever prefix the file gives it: SVG drawing
elements and presentation attributes only, CSS that fetches nothing, and links only to
``#`` ids of the same file.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from sphinx_phases.core.inputs import excerpt

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

EXPECTED = (
    "expected an SVG of shapes only: drawing elements and presentation attributes of the "
    "SVG namespace, with links only to '#' ids in the same file"
)


def _names(*lines: str) -> frozenset[str]:
    return frozenset(" ".join(lines).split())


ELEMENTS = _names(
    "svg g defs symbol use title desc metadata style path rect circle ellipse line polyline "
    "polygon text tspan textPath linearGradient radialGradient stop clipPath mask pattern "
    "marker filter feGaussianBlur feOffset feFlood feBlend feComposite feColorMatrix feMerge "
    "feMergeNode feMorphology feDropShadow",
)
ATTRIBUTES = _names(
    "id class lang role tabindex focusable version baseProfile viewBox preserveAspectRatio "
    "width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points pathLength transform "
    "href offset gradientUnits gradientTransform spreadMethod clipPathUnits maskUnits "
    "maskContentUnits patternUnits patternContentUnits patternTransform markerUnits "
    "markerWidth markerHeight refX refY orient viewTarget dx dy rotate textLength "
    "lengthAdjust startOffset method spacing side type media style "
    "filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 "
    "values radius edgeMode",
    # presentation attributes
    "fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin "
    "stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity color "
    "display visibility overflow clip clip-path clip-rule mask marker marker-start "
    "marker-mid marker-end stop-color stop-opacity flood-color flood-opacity lighting-color "
    "color-interpolation color-interpolation-filters color-rendering shape-rendering "
    "text-rendering image-rendering vector-effect paint-order mix-blend-mode isolation "
    "font font-family font-size font-size-adjust font-stretch font-style font-variant "
    "font-weight text-anchor text-decoration dominant-baseline alignment-baseline "
    "baseline-shift letter-spacing word-spacing writing-mode direction unicode-bidi "
    "aria-hidden aria-label aria-labelledby aria-describedby",
)
# Other namespaces' attributes that only name a link or the text's language and spacing.
NAMESPACED_ATTRIBUTES = frozenset({(XLINK_NS, "href"), (XML_NS, "space"), (XML_NS, "lang")})

_LOCAL_LINK = re.compile(r"#[^\s\"'()<>\\]*")
# Every value is read as CSS, as presentation attributes are: a function that fetches is
# kept only as url(#id) or src(#id), into the same file; escapes, which could hide one, and
# imports or scripts are refused.
_CSS_FETCH = re.compile(r"(?<!\w)(url|src|image-set|image|cross-fade)\(\s*[\"']?([^\"')]*)", re.I)
_CSS_ACTIVE = re.compile(r"@import|expression\(|behavior\s*:|-moz-binding|\\", re.IGNORECASE)
_CONTROLS = re.compile(r"[\x00-\x20]+")


class _Refused(Exception):  # noqa: N818 (a refusal, not an error of ours)
    pass


class _Builder(TreeBuilder):
    """A tree builder that refuses processing instructions (``<?xml-stylesheet?>``)."""

    def pi(self, target: str, text: str | None = None) -> Element:
        raise _Refused(f"holds a processing instruction ({excerpt(target)})")


def check_svg(data: bytes) -> str | None:
    """Why *data* cannot be a pictogram, as a phrase with what was expected, or None."""
    parser = DefusedXMLParser(
        target=_Builder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    try:
        parser.feed(data)
        root = parser.close()
    except _Refused as refused:
        return f"{refused}; {EXPECTED}"
    except DTDForbidden:
        return f"holds a document type declaration; {EXPECTED}"
    except EntitiesForbidden:
        return f"holds an entity declaration; {EXPECTED}"
    except DefusedXmlException:
        return f"refers to an external entity; {EXPECTED}"
    except (ParseError, ValueError, LookupError) as exc:
        return f"is not an SVG image (not well-formed XML: {exc}); expected an <svg> document"
    if root.tag != f"{{{SVG_NS}}}svg":
        return (
            f"is not an SVG image (its root is {_element(root)}); expected an <svg> "
            "document in the SVG namespace"
        )
    found = next(filter(None, map(_check_element, root.iter())), None)
    return f"holds {found}; {EXPECTED}" if found else None


def _check_element(element: Element) -> str | None:
    namespace, name = _split(element.tag)
    if namespace != SVG_NS or name not in ELEMENTS:
        return _element(element)
    if name == "style":
        problem = _check_value("".join(element.itertext()))
        if problem:
            return f"{_element(element)} with {problem}"
    for key, value in element.attrib.items():
        namespace, attribute = _split(key)
        allowed = (
            attribute in ATTRIBUTES
            if namespace is None
            else (namespace, attribute) in NAMESPACED_ATTRIBUTES
        )
        where = f"attribute {excerpt(attribute)}"
        if namespace is not None:
            where += f" (namespace {excerpt(namespace)})"
        where += f" on element {excerpt(name)}"
        if not allowed:
            return where
        problem = _check_value(value)
        if problem is None and attribute == "href" and not _LOCAL_LINK.fullmatch(value.strip()):
            problem = f"a link out of the file ({excerpt(value)})"
        if problem:
            return f"{where} with {problem}"
    return None


def _check_value(value: str) -> str | None:
    """What in *value*, read as CSS, could run or fetch something, or None."""
    compact = _CONTROLS.sub("", value).lower()
    for scheme in ("javascript:", "vbscript:"):
        if scheme in compact:
            return f"a {scheme} URL"
    active = _CSS_ACTIVE.search(value)
    if active:
        return f"CSS that can fetch or run something ({excerpt(active.group())})"
    for match in _CSS_FETCH.finditer(value):
        function, target = match.group(1).lower(), match.group(2).strip()
        if function not in ("url", "src") or not target.startswith("#"):
            return f"a reference out of the file ({excerpt(match.group())})"
    return None


def _split(name: str) -> tuple[str | None, str]:
    """``{namespace}local`` as (namespace, local); no namespace as (None, local)."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def _element(element: Element) -> str:
    namespace, name = _split(element.tag)
    where = f"namespace {excerpt(namespace)}" if namespace else "no namespace"
    return f"element {excerpt(name)} ({where})"

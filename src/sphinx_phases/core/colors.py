"""Phase colours: the legacy palette and a strict check of CSS colour syntax (no Sphinx import).

A declared colour is written into an HTML ``style`` attribute as the value of a CSS custom
property (``style="--phases-color: VALUE"``). A custom property accepts almost any token
sequence, so the browser would not reject a bad value for us, and a value such as
``red; background: url(...)`` or ``red} body {...`` would break out of the declaration.

Approach: a strict allowlist grammar, written here with anchored, ASCII-only regular
expressions. A CSS parser (tinycss2) would be the other way, but it is not a run-time
dependency of this package (the run-time dependencies are fixed), and a parser answers "is
this CSS?", not "is this safe in a style attribute?". The allowlist answers both: an
accepted value is made only of ASCII letters, digits, CSS whitespace and ``# % . + - ( ) , /``,
so it cannot contain ``;``, ``{``, ``}``, a quote, a backslash, ``<``, ``>``, ``&``, ``url(``,
``expression(`` or a comment. The tests check the grammar against tinycss2's CSS Color
Level 4 parser as an oracle (tests/test_colors.py).

Accepted, following CSS Color Level 4 (keywords, function names and units are ASCII
case-insensitive):

* the 148 named colours, ``transparent`` and ``currentcolor``;
* hex ``#rgb``, ``#rgba``, ``#rrggbb``, ``#rrggbbaa``;
* legacy comma syntax, commas throughout: ``rgb(255, 128, 0)``, ``rgb(100%, 50%, 0%, 0.5)``
  (all numbers or all percentages), ``rgba(...)``, ``hsl(120deg, 50%, 50%)``, ``hsla(...)``;
* modern space syntax with an optional ``/ alpha`` and ``none`` for a missing channel:
  ``rgb()``/``rgba()``, ``hsl()``/``hsla()``, ``hwb()``, ``lab()``, ``lch()``, ``oklab()``,
  ``oklch()``; a hue is a number or an angle (``deg``, ``grad``, ``rad``, ``turn``);
* ``var(--name)`` and ``var(--name, FALLBACK)``, where the name is ASCII letters, digits,
  ``-`` and ``_`` and the fallback is itself an accepted colour (nested ``var()`` up to
  three deep).

Refused although CSS Color Level 4 allows them, because they are rare and tinycss2 1.5
(the oracle) refuses them too: a mix of numbers and percentages among the ``rgb()``
channels or the ``hsl()`` saturation and lightness, and ``none`` as the alpha. Stricter than
CSS: modern-syntax channels must be separated by whitespace (``rgb(1-2 3)`` is refused).
Comma and space syntax never mix (``rgb(1 2, 3)`` is refused), and the legacy comma syntax
exists for ``rgb()``/``rgba()``/``hsl()``/``hsla()`` only, without ``none``. ``color()``,
``color-mix()``, relative colours, system colours and ``var()`` inside a function are not
accepted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx_phases.core.sequence.result import Resolution

#: The standard phases, in their usual order: each has a built-in pictogram named like it
#: and a colour of the legacy palette, and the command line puts migrated pages in this
#: order (docs/reference/declaring.md).
STANDARD_PHASES = ("discovery", "alpha", "beta", "live", "retirement")

# The legacy service manual's palette for the standard phases, in their order.
LEGACY_PALETTE = dict(
    zip(STANDARD_PHASES, ("#912b88", "#d53880", "#f47738", "#00703c", "#505a5f"), strict=True)
)

#: What a colour warning says was expected (after "expected ").
COLOR_EXPECTATION = (
    "a CSS colour: a colour name, transparent, currentcolor, #rgb, #rgba, #rrggbb, "
    "#rrggbbaa, rgb(...), hsl(...), hwb(...), lab(...), lch(...), oklab(...), oklch(...) "
    "or var(--name)"
)

# CSS whitespace only: Python's \s would also take U+00A0 and other Unicode spaces.
_CSS_WHITESPACE = " \t\n\r\f"
_WS = r"[ \t\n\r\f]"
_NUM = r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:e[+-]?[0-9]+)?"
_PCT = _NUM + "%"
_HUE = _NUM + r"(?:deg|grad|rad|turn)?"
_ALPHA = _NUM + "%?"
_NONE = "none"


def _either(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


def _legacy(*channels: str) -> str:
    """``( a , b , c [, alpha] )``: commas throughout."""
    comma = f"{_WS}*,{_WS}*"
    return rf"\({_WS}*" + comma.join(channels) + rf"(?:{comma}{_ALPHA})?{_WS}*\)"


def _modern(*channels: str) -> str:
    """``( a b c [/ alpha] )``: whitespace between the channels, no commas."""
    return rf"\({_WS}*" + f"{_WS}+".join(channels) + rf"(?:{_WS}*/{_WS}*{_ALPHA})?{_WS}*\)"


_num = _either(_NUM, _NONE)
_pct = _either(_PCT, _NONE)
_hue = _either(_HUE, _NONE)
_any = _either(_NUM, _PCT, _NONE)

_FUNCTION = re.compile(
    _either(
        "rgba?"
        + _either(
            _legacy(_NUM, _NUM, _NUM),
            _legacy(_PCT, _PCT, _PCT),
            _modern(_num, _num, _num),
            _modern(_pct, _pct, _pct),
        ),
        "hsla?"
        + _either(
            _legacy(_HUE, _PCT, _PCT),
            _modern(_hue, _pct, _pct),
            _modern(_hue, _num, _num),
        ),
        "hwb" + _modern(_hue, _any, _any),
        "(?:ok)?lab" + _modern(_any, _any, _any),
        "(?:ok)?lch" + _modern(_any, _any, _hue),
    ),
    re.ASCII | re.IGNORECASE,
)
_HEX = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", re.ASCII | re.IGNORECASE)
_VAR = re.compile(
    rf"var\({_WS}*(--[a-z0-9_-]+){_WS}*(?:,(?P<fallback>.*))?\)",
    re.ASCII | re.IGNORECASE | re.DOTALL,
)
_VAR_DEPTH = 3

# CSS Color Level 4 named colours (transparent and currentcolor are checked apart).
_NAMES = frozenset(
    [
        "aliceblue",
        "antiquewhite",
        "aqua",
        "aquamarine",
        "azure",
        "beige",
        "bisque",
        "black",
        "blanchedalmond",
        "blue",
        "blueviolet",
        "brown",
        "burlywood",
        "cadetblue",
        "chartreuse",
        "chocolate",
        "coral",
        "cornflowerblue",
        "cornsilk",
        "crimson",
        "cyan",
        "darkblue",
        "darkcyan",
        "darkgoldenrod",
        "darkgray",
        "darkgreen",
        "darkgrey",
        "darkkhaki",
        "darkmagenta",
        "darkolivegreen",
        "darkorange",
        "darkorchid",
        "darkred",
        "darksalmon",
        "darkseagreen",
        "darkslateblue",
        "darkslategray",
        "darkslategrey",
        "darkturquoise",
        "darkviolet",
        "deeppink",
        "deepskyblue",
        "dimgray",
        "dimgrey",
        "dodgerblue",
        "firebrick",
        "floralwhite",
        "forestgreen",
        "fuchsia",
        "gainsboro",
        "ghostwhite",
        "gold",
        "goldenrod",
        "gray",
        "green",
        "greenyellow",
        "grey",
        "honeydew",
        "hotpink",
        "indianred",
        "indigo",
        "ivory",
        "khaki",
        "lavender",
        "lavenderblush",
        "lawngreen",
        "lemonchiffon",
        "lightblue",
        "lightcoral",
        "lightcyan",
        "lightgoldenrodyellow",
        "lightgray",
        "lightgreen",
        "lightgrey",
        "lightpink",
        "lightsalmon",
        "lightseagreen",
        "lightskyblue",
        "lightslategray",
        "lightslategrey",
        "lightsteelblue",
        "lightyellow",
        "lime",
        "limegreen",
        "linen",
        "magenta",
        "maroon",
        "mediumaquamarine",
        "mediumblue",
        "mediumorchid",
        "mediumpurple",
        "mediumseagreen",
        "mediumslateblue",
        "mediumspringgreen",
        "mediumturquoise",
        "mediumvioletred",
        "midnightblue",
        "mintcream",
        "mistyrose",
        "moccasin",
        "navajowhite",
        "navy",
        "oldlace",
        "olive",
        "olivedrab",
        "orange",
        "orangered",
        "orchid",
        "palegoldenrod",
        "palegreen",
        "paleturquoise",
        "palevioletred",
        "papayawhip",
        "peachpuff",
        "peru",
        "pink",
        "plum",
        "powderblue",
        "purple",
        "rebeccapurple",
        "red",
        "rosybrown",
        "royalblue",
        "saddlebrown",
        "salmon",
        "sandybrown",
        "seagreen",
        "seashell",
        "sienna",
        "silver",
        "skyblue",
        "slateblue",
        "slategray",
        "slategrey",
        "snow",
        "springgreen",
        "steelblue",
        "tan",
        "teal",
        "thistle",
        "tomato",
        "turquoise",
        "violet",
        "wheat",
        "white",
        "whitesmoke",
        "yellow",
        "yellowgreen",
    ]
)


def _is_color(value: str, depth: int) -> bool:
    if not value.isascii():
        return False
    if _HEX.fullmatch(value) or _FUNCTION.fullmatch(value):
        return True
    lower = value.lower()
    if lower in _NAMES or lower in ("transparent", "currentcolor"):
        return True
    var = _VAR.fullmatch(value)
    if var is None or depth >= _VAR_DEPTH:
        return False
    fallback = var.group("fallback")
    return fallback is None or _is_color(fallback.strip(_CSS_WHITESPACE), depth + 1)


def is_css_color(value: str) -> bool:
    """Whether *value* is a CSS colour that is safe to put in a ``style`` attribute.

    Surrounding CSS whitespace is ignored; see the module docstring for the grammar.
    """
    return _is_color(value.strip(_CSS_WHITESPACE), 0)


def phase_color(phase_id: str, declared: str | None) -> str | None:
    """The colour a phase is drawn in: its own, else the legacy palette, else none."""
    return declared or LEGACY_PALETTE.get(phase_id)


def family_color(resolution: Resolution, phase_id: str) -> str | None:
    """The colour a phase's page wears: its own, else that of the nearest phase it is part
    of that has one (Private beta's navigation in Beta's orange)."""
    climber: str | None = phase_id
    while climber is not None:
        color = phase_color(climber, resolution.decls[climber].color)
        if color:
            return color
        climber = resolution.phases[climber].parent
    return None

"""Phase colours: the legacy palette and a strict check of CSS colour syntax (no Sphinx import).

A colour lands in a ``style`` attribute, so only values that cannot break out of a CSS
declaration are accepted: hex, ``rgb()``/``hsl()`` with numbers, or a CSS colour name.
"""

from __future__ import annotations

import re

# The legacy service manual's palette for the standard phases.
LEGACY_PALETTE = {
    "discovery": "#912b88",
    "alpha": "#d53880",
    "beta": "#f47738",
    "live": "#00703c",
    "retirement": "#505a5f",
}

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:%|deg|turn|rad|grad)?"
_FUNCTION = re.compile(
    rf"(?:rgba?|hsla?)\(\s*{_NUMBER}(?:\s*[,\s/]\s*{_NUMBER}){{2,3}}\s*\)", re.IGNORECASE
)
_NAMES = frozenset(
    """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen""".split()
)


def is_css_color(value: str) -> bool:
    """Whether *value* is a colour that is safe to put in a ``style`` attribute."""
    value = value.strip()
    return bool(
        _HEX.fullmatch(value) or _FUNCTION.fullmatch(value) or value.lower() in _NAMES
    )


def phase_color(phase_id: str, declared: str | None) -> str | None:
    """The colour a phase is drawn in: its own, else the legacy palette, else none."""
    return declared or LEGACY_PALETTE.get(phase_id)

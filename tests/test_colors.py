"""The colour check (sphinx_phases.core.colors): a table of accepted and refused values, and
hypothesis properties with tinycss2's CSS Color Level 4 parser as the oracle.

tinycss2 is a test dependency only (the ``testing`` extra); the check itself is a strict
allowlist grammar, because a colour lands in a ``style`` attribute.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_phases.core.colors import LEGACY_PALETTE, is_css_color, phase_color

tinycss2_color4 = pytest.importorskip("tinycss2.color4")

# Nothing accepted may contain a character or a word that could leave the declaration
# ``--phases-color: VALUE`` or the attribute, or load anything.
DANGEROUS = re.compile(r"""[;{}"'\\<>&!@*]|url\(|expression\(|/\*|<!--|-->""", re.IGNORECASE)
SAFE_CHARACTERS = re.compile(r"[A-Za-z0-9#%.+\-(),/ \t\n\r\f_]*")

ACCEPTED = [
    # Names, transparent, currentcolor, in any ASCII case.
    "red",
    "RebeccaPurple",
    "LIGHTGOLDENRODYELLOW",
    "transparent",
    "Transparent",
    "currentcolor",
    "currentColor",
    "CURRENTCOLOR",
    # Hex 3, 4, 6, 8.
    "#fff",
    "#FfFa",
    "#f47738",
    "#F47738cc",
    # Legacy comma syntax: commas throughout.
    "rgb(1, 2, 3)",
    "rgb(1,2,3)",
    "rgb(255, 128, 0, 0.5)",
    "rgb(100%, 50%, 0%, 50%)",
    "rgba(1, 2, 3)",
    "rgba(1, 2, 3, .5)",
    "RGBA( 1 , 2 , 3 , 1 )",
    "hsl(120, 50%, 50%)",
    "hsl(120deg, 50%, 50%, 0.3)",
    "hsla(0.5turn, 100%, 25%, 1)",
    "hsl(-1.5rad, 0%, 0%)",
    # Modern space syntax, optional alpha, none.
    "rgb(1 2 3)",
    "rgb(255 128 0 / 0.5)",
    "rgb(255 128 0/50%)",
    "rgb(100% 50% 0%)",
    "rgba(1 2 3 / 1)",
    "rgb(none 2 3)",
    "rgb(none none none)",
    "rgb(NONE 50% 0%)",
    "rgb(1e2 2.5 +3)",
    "hsl(120 50% 50%)",
    "hsl(120deg 50 50 / .25)",
    "hsl(none 50% none)",
    "hsla(200grad 10% 10%)",
    "hwb(120 10% 20%)",
    "hwb(120deg 10 20 / 50%)",
    "hwb(none none 30%)",
    "lab(50% 20 -30)",
    "lab(50 -20% 30% / 0.5)",
    "lab(none 0 0)",
    "lch(50% 30 120deg)",
    "lch(50 30% 2rad / 1)",
    "LCH(50% 30 120DEG)",
    "lch(50% 30 none)",
    "oklab(0.5 0.1 -0.1)",
    "oklab(50% -0.1 0.1 / 50%)",
    "oklch(70% 0.1 200)",
    "oklch(0.7 0.1 200deg / 0.5)",
    "oklch(0.7 none 0.25turn)",
    # var() with a safe name and a colour fallback.
    "var(--brand)",
    "var( --brand )",
    "VAR(--Brand_2)",
    "var(--brand, red)",
    "var(--brand,#f47738)",
    "var(--brand, rgb(1 2 3 / 0.5))",
    "var(--a, var(--b, var(--c, transparent)))",
    # Surrounding CSS whitespace is ignored.
    "  red\t",
]

REFUSED = [
    "",
    " ",
    "nocolour",
    "red blue",
    "#ff",
    "#fffff",
    "#fffffff",
    "#ggg",
    "# fff",
    "fff",
    # Comma and space syntax mixed; wrong counts; stray separators.
    "rgb(1 2, 3)",
    "rgb(1, 2 3)",
    "rgb(1 2 3, 0.5)",
    "rgb(1, 2, 3 / 0.5)",
    "rgb(1 2)",
    "rgb(1, 2)",
    "rgb(1 2 3 4)",
    "rgb(1, 2, 3,)",
    "rgb(1, 2, 3, 4, 5)",
    "rgb(1 2 3 /)",
    "rgb(1/2/3)",
    "rgb()",
    "rgb (1 2 3)",
    "rgb(1 2 3",
    "rgb(1 2 3))",
    "rgb(1. 2 3)",
    "rgb(1-2 3)",
    # Legacy syntax: same type throughout, no none, hsl needs percentages.
    "rgb(1, 2%, 3)",
    "rgb(none, 2, 3)",
    "hsl(120, 50, 50)",
    "hsl(none, 50%, 50%)",
    # Legacy syntax does not exist for these.
    "hwb(120, 10%, 20%)",
    "lab(50%, 20, -30)",
    "lch(50%, 30, 120)",
    "oklab(0.5, 0.1, 0.1)",
    "oklch(0.7, 0.1, 200)",
    # Wrong units or types.
    "rgb(1px 2 3)",
    "rgb(1deg 2 3)",
    "hsl(120px 50% 50%)",
    "hsl(120 50%% 50%)",
    "lab(50deg 20 30)",
    "lch(50% 30deg 120)",
    "oklch(0.7 0.1 200% )",
    "rgb(1 2 3 / 1deg)",
    # Valid CSS Color 4 that the grammar refuses on purpose (see the module docstring).
    "rgb(1 2% 3)",
    "hsl(120 50% 50)",
    "rgb(1 2 3 / none)",
    "color(srgb 1 0 0)",
    "color-mix(in srgb, red, blue)",
    "Canvas",
    "rgb(var(--r) 0 0)",
    # var(): a safe name, a colour fallback, not too deep.
    "var(brand)",
    "var(--)",
    "var(-brand)",
    "var(--brand,)",
    "var(--brand, )",
    "var(--brand, nocolour)",
    "var(--brand, red; x: y)",
    "var(--brand, url(x))",
    "var(--br and)",
    "var(--br\\61 nd)",
    "var(--brand",
    "var(--brand))",
    "var(--a, var(--b, var(--c, var(--d, red))))",
    # Hostile values: leaving the declaration, loading anything, markup.
    "red;",
    "red; background: url(x)",
    "red;} body{display:none",
    "red} body {display:none",
    "#fff; background: url(x)",
    "url(javascript:alert(1))",
    "expression(alert(1))",
    '"></style><script>alert(1)</script>',
    "red/* comment */",
    "'red'",
    '"red"',
    "\\72 ed",
    "red !important",
    # Non-ASCII look-alikes: Unicode digits, spaces and case folding.
    "rgb(\u0661 2 3)",
    "rgb(1\u00a02\u00a03)",
    "red\u00a0",
    "\u212ahaki",
    "o\u212alch(0.7 0.1 200)",
    "h\u017fl(120 50% 50%)",
    "r\u0435d",
]


@pytest.mark.parametrize("value", ACCEPTED)
def test_accepted(value: str) -> None:
    assert is_css_color(value)


@pytest.mark.parametrize("value", REFUSED)
def test_refused(value: str) -> None:
    assert not is_css_color(value)


def test_the_legacy_palette_is_accepted() -> None:
    assert all(is_css_color(color) for color in LEGACY_PALETTE.values())
    assert phase_color("beta", None) == LEGACY_PALETTE["beta"]
    assert phase_color("beta", "red") == "red"
    assert phase_color("other", None) is None


# -- the oracle ------------------------------------------------------------------------------


def tinycss2_parses(value: str) -> bool:
    """Whether tinycss2's CSS Color Level 4 parser reads *value* as a colour.

    ASCII-lowercased first: CSS colour syntax is ASCII case-insensitive, but tinycss2 1.5
    compares angle units case-sensitively (it refuses ``120DEG``).
    """
    lowered = "".join(c.lower() if c.isascii() else c for c in value)
    try:
        return tinycss2_color4.parse_color(lowered) is not None
    except ValueError:  # tinycss2 1.5 raises on an empty ``color()``
        return False


VAR = re.compile(
    r"[ \t\n\r\f]*var\([ \t\n\r\f]*--[A-Za-z0-9_-]+[ \t\n\r\f]*(?:,(.*))?\)[ \t\n\r\f]*",
    re.IGNORECASE | re.DOTALL,
)


def oracle_accepts(value: str) -> bool:
    """tinycss2 on *value*, or on its var() fallback (tinycss2 cannot evaluate var())."""
    var = VAR.fullmatch(value)
    if var is None:
        return tinycss2_parses(value)
    return var.group(1) is None or oracle_accepts(var.group(1))


def test_the_accepted_table_passes_the_oracle() -> None:
    for value in ACCEPTED:
        assert oracle_accepts(value), value


# -- generators ------------------------------------------------------------------------------

FUNCTIONS = ["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "RGB", "Hsl"]
FUNCTIONS += ["OKLCH", "var", "color", "url", "expression", "rgb ", "calc"]


@st.composite
def css_number(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(["", "", "-", "+"]))
    whole = draw(st.integers(0, 400).map(str))
    fraction = draw(st.sampled_from(["", "", ".5", ".25", ".0"]))
    if draw(st.booleans()) and fraction:
        whole = draw(st.sampled_from([whole, ""]))
    exponent = draw(st.sampled_from(["", "", "", "e1", "e-2", "E+1"]))
    return sign + whole + fraction + exponent


number = css_number()
percentage = number.map(lambda n: n + "%")
angle = st.tuples(number, st.sampled_from(["", "deg", "grad", "rad", "turn", "DEG", "Turn"])).map(
    "".join
)
none = st.sampled_from(["none", "NONE", "None"])
spaces = st.sampled_from(["", " ", "  ", "\t"])
gaps = st.sampled_from([" ", "  ", "\t", " \n "])

# Token soup: any mix of the pieces a colour is made of, and a few hostile ones.
TOKENS = [number, percentage, angle, none, st.sampled_from(list(" ,/()%#-+.;{}'\"\\:!*"))]
TOKENS += [st.sampled_from(["red", "transparent", "currentcolor", "--brand", "px", "url(x)"])]
TOKENS += [st.sampled_from(["#fff", "#f47738", "#ffff", "#ffffffff", "#12345", "e", "\u00a0"])]
token = st.one_of(TOKENS)


@st.composite
def colour_like(draw: st.DrawFn) -> str:
    """A string shaped like a colour: mostly a function of random tokens."""
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return "".join(draw(st.lists(token, max_size=6)))
    if kind == 1:
        return draw(st.text(st.sampled_from(list("#0123456789abcdefABCDEFgG;")), max_size=10))
    name = draw(st.sampled_from(FUNCTIONS))
    inner = "".join(draw(st.lists(st.one_of(token, spaces), max_size=12)))
    close = draw(st.sampled_from([")", ")", ")", "", "))", ") ;"]))
    return f"{name}({inner}{close}"


@st.composite
def modern(draw: st.DrawFn, name: str, *channels: st.SearchStrategy[str]) -> str:
    values = [draw(channel) for channel in channels]
    alpha = draw(
        st.one_of(st.just(""), st.tuples(spaces, number | percentage).map(lambda a: "/".join(a)))
    )
    if alpha:
        alpha = draw(spaces) + alpha
    return (
        f"{name}({draw(spaces)}" + "".join(v + draw(gaps) for v in values).rstrip() + alpha + ")"
    )


@st.composite
def legacy(draw: st.DrawFn, name: str, *channels: st.SearchStrategy[str]) -> str:
    values = [draw(channel) for channel in channels]
    if draw(st.booleans()):
        values.append(draw(number | percentage))
    return (
        f"{name}({draw(spaces)}" + ",".join(draw(spaces) + v + draw(spaces) for v in values) + ")"
    )


def _name(*names: str) -> st.SearchStrategy[str]:
    return st.sampled_from([*names, *(n.upper() for n in names)])


any_channel = number | percentage | none
VALID_FUNCTIONS = st.one_of(
    _name("rgb", "rgba").flatmap(lambda n: legacy(n, number, number, number)),
    _name("rgb", "rgba").flatmap(lambda n: legacy(n, percentage, percentage, percentage)),
    _name("hsl", "hsla").flatmap(lambda n: legacy(n, angle, percentage, percentage)),
    # Modern rgb() and hsl() allow mixing numbers and percentages; tinycss2 does not, and
    # the property below only asks for what tinycss2 accepts.
    _name("rgb", "rgba").flatmap(lambda n: modern(n, any_channel, any_channel, any_channel)),
    _name("hsl", "hsla").flatmap(lambda n: modern(n, angle | none, any_channel, any_channel)),
    _name("hwb").flatmap(lambda n: modern(n, angle | none, any_channel, any_channel)),
    _name("lab", "oklab").flatmap(lambda n: modern(n, any_channel, any_channel, any_channel)),
    _name("lch", "oklch").flatmap(lambda n: modern(n, any_channel, any_channel, angle | none)),
)
hex_colour = (
    st.integers(0, 3)
    .flatmap(
        lambda i: st.text(
            st.sampled_from("0123456789abcdefABCDEF"),
            min_size=(3, 4, 6, 8)[i],
            max_size=(3, 4, 6, 8)[i],
        )
    )
    .map(lambda digits: "#" + digits)
)
keyword = st.sampled_from(["red", "transparent", "currentcolor", "CurrentColor", "RebeccaPurple"])
valid_colour = st.one_of(VALID_FUNCTIONS, hex_colour, keyword)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid colour (or var() with one) after one to three random edits: near misses."""
    value = draw(st.one_of(valid_colour, valid_colour.map(lambda c: f"var(--brand, {c})")))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(value)))
        edit = draw(st.integers(0, 2))
        if edit == 0:  # insert a token
            value = value[:at] + draw(token) + value[at:]
        elif edit == 1:  # delete a span
            value = value[:at] + value[at + draw(st.integers(1, 4)) :]
        else:  # replace a character
            value = value[:at] + draw(st.sampled_from(list(" ,/()%#-+.;e"))) + value[at + 1 :]
    return value


def safe(value: str) -> bool:
    return SAFE_CHARACTERS.fullmatch(value) is not None and DANGEROUS.search(value) is None


@settings(max_examples=1000, deadline=None)
@given(st.one_of(colour_like(), mutated()))
def test_whatever_is_accepted_is_a_safe_colour(value: str) -> None:
    if is_css_color(value):
        assert safe(value), value
        assert oracle_accepts(value), value


@settings(max_examples=500, deadline=None)
@given(valid_colour)
def test_every_valid_form_tinycss2_reads_is_accepted(value: str) -> None:
    if tinycss2_parses(value):
        assert is_css_color(value), value
        assert is_css_color(f"var(--brand, {value})"), value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_accepted_is_safe(value: str) -> None:
    if is_css_color(value):
        assert safe(value), value
        assert oracle_accepts(value), value

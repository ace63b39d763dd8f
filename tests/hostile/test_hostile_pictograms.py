"""Project pictograms that hold more than drawing are refused, never copied into the site.

One project names every hostile SVG of ``tests/conftest.py`` in ``phases_pictograms``
(and a few in a ``phases_pictogram_dirs`` folder), uses each in a role and in a
``phase-outputs`` item, and is built as a user builds it. Each file is refused with one
``phases.pictogram`` warning at the conf.py line that names it, saying what it holds and
what was expected; its uses show their label; nothing of it reaches the output.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import HOSTILE_SVG, SVG_OPEN, svg
from tests.hostile.helpers import Build, count_example, fuzz_examples

from sphinx_phases.core.svg_check import EXPECTED, check_svg

OK = svg('<rect width="8" height="8"/>')
# Files in the folder, by stem: the shapes a regex on the raw bytes let through.
IN_FOLDER = {
    "folder-prefixed-script": HOSTILE_SVG["prefixed-svg-script"],
    "folder-xhtml-script": HOSTILE_SVG["xhtml-script"],
    "folder-encoded-javascript": HOSTILE_SVG["entity-encoded-javascript-value"],
    "folder-foreign-prefix": (
        svg(
            "<s:foreignObject/>",
            SVG_OPEN[:-1] + ' xmlns:s="http://www.w3.org/2000/svg">',
        ),
        "element 'foreignObject'",
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp_path = tmp_path_factory.mktemp("pictograms")
    src = tmp_path / "src"
    (src / "_pics").mkdir(parents=True)
    for name, (data, _phrase) in HOSTILE_SVG.items():
        (src / f"{name}.svg").write_bytes(data)
    for name, (data, _phrase) in IN_FOLDER.items():
        (src / "_pics" / f"{name}.svg").write_bytes(data)
    (src / "ok.svg").write_bytes(OK)
    named = {name: f"{name}.svg" for name in [*HOSTILE_SVG, "ok"]}
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_phases"]\n'
        f"phases_pictograms = {named!r}\n"
        'phases_pictogram_dirs = ["_pics"]\n'
    )
    names = [*HOSTILE_SVG, *IN_FOLDER, "ok"]
    roles = " ".join(f"{{pictogram}}`{name}`" for name in names)
    items = "\n".join(f"- {{pictogram}}`{name}` Item {name}" for name in names)
    (src / "index.md").write_text(
        f"# Home\n\n```{{phase}} home\n```\n\n{roles}\n\n```{{phase-outputs}}\n{items}\n```\n"
    )
    result = Build(src, tmp_path / "out")
    result.assert_finished()
    result.assert_every_page_rendered()
    return result


@pytest.mark.parametrize("name", sorted(HOSTILE_SVG))
def test_each_hostile_file_is_refused_once_at_its_conf_line(built: Build, name: str) -> None:
    _data, phrase = HOSTILE_SVG[name]
    mine = [w for w in built.phase_warnings if f"'{name}'" in w]
    assert len(mine) == 1, built.phase_warnings
    assert mine[0].startswith(f"conf.py:2: WARNING: pictogram '{name}': '{name}.svg' holds ")
    assert phrase in mine[0]
    assert mine[0].endswith(f"; {EXPECTED} [phases.pictogram]")


@pytest.mark.parametrize("name", sorted(IN_FOLDER))
def test_each_hostile_folder_file_is_refused_once_at_its_conf_line(
    built: Build, name: str
) -> None:
    _data, phrase = IN_FOLDER[name]
    mine = [w for w in built.phase_warnings if f"'{name}.svg'" in w]
    assert len(mine) == 1, built.phase_warnings
    assert mine[0].startswith(f"conf.py:3: WARNING: pictogram file '{name}.svg' in '_pics' holds ")
    assert phrase in mine[0]
    assert mine[0].endswith(f"; {EXPECTED} [phases.pictogram]")


def test_only_the_drawing_is_copied(built: Build) -> None:
    folder = built.outdir / "_static" / "phases-pictograms"
    assert sorted(p.name for p in folder.iterdir()) == ["ok.svg"]
    assert (folder / "ok.svg").read_bytes() == OK
    for path in built.outdir.rglob("*"):
        if path.is_file():
            assert b"alert(1)" not in path.read_bytes(), path
            assert b"evil.example" not in path.read_bytes(), path


def test_uses_of_a_refused_file_show_their_label_and_are_not_reported_again(
    built: Build,
) -> None:
    assert not [w for w in built.phase_warnings if "is not known" in w]
    assert len(built.phase_warnings) == len(HOSTILE_SVG) + len(IN_FOLDER)
    html = (built.outdir / "index.html").read_text("utf8")
    for name in [*HOSTILE_SVG, *IN_FOLDER]:
        # The role shows the name's words; the list item its own label, without an image.
        label = name.replace("-", " ")
        assert f'<span class="phases-pictogram-missing">{label}</span>' in html
        assert f"<p>Item {name}</p>" in html
        assert f"{name}.svg" not in html
    images = re.findall(r'<img class="phases-pictogram" src="([^"]+)"', html)
    assert len(images) == 2  # the role and the item of 'ok'
    assert set(images) == {"_static/phases-pictograms/ok.svg"}


# -- fuzz: drawings however spelled pass; one hostile piece anywhere is refused --------------

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XLINK_NS = "http://www.w3.org/1999/xlink"
SHAPES = ["g", "rect", "circle", "path", "defs", "text", "tspan", "symbol"]
BENIGN_ATTRIBUTES = [
    ("fill", "#1d70b8"),
    ("d", "M0 0h8v8z"),
    ("class", "ink accent"),
    ("transform", "translate(1 2) rotate(3)"),
    ("stroke", "url(#g)"),
    ("style", "fill: var(--x, #000)"),
    ("href", "#s"),
]
ACTIVE_ELEMENTS = ["script", "foreignObject", "animate", "set", "a", "image", "iframe", "handler"]
ACTIVE_ATTRIBUTES = [
    ("onload", "alert(1)"),
    ("onclick", "x()"),
    ("href", "javascript:alert(1)"),
    ("href", "https://evil.example/x.svg#s"),
    ("fill", "javascript:alert(1)"),
    ("fill", "url(https://evil.example/x#g)"),
    ("style", "fill: url(//evil.example/x)"),
    ("style", "@import 'x.css'"),
]


def _encode(draw: st.DrawFn, text: str) -> str:
    """*text* with some characters written as character references, as XML allows."""
    return "".join(
        f"&#{ord(c)};" if c.isalnum() and draw(st.integers(0, 3)) == 0 else c for c in text
    )


@st.composite
def drawings(draw: st.DrawFn) -> tuple[str, bool]:
    """An SVG document, and whether one hostile element or attribute was put in it."""
    prefix = draw(st.sampled_from(["", "s", "svg"]))

    def tag(local: str, p: str = prefix) -> str:
        return f"{p}:{local}" if p else local

    def attributes(pairs: list[tuple[str, str]]) -> str:
        out = ""
        for name, value in pairs:
            if name == "href" and draw(st.booleans()):
                name = "xl:href"
            out += f' {name}="{_encode(draw, value)}"'
        return out

    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        name = tag(draw(st.sampled_from(SHAPES)))
        chosen = draw(st.lists(st.sampled_from(BENIGN_ATTRIBUTES), max_size=3, unique=True))
        pieces.append(f"<{name}{attributes(chosen)}>")
    hostile = draw(st.booleans())
    if hostile:
        if draw(st.booleans()):
            local = draw(st.sampled_from(ACTIVE_ELEMENTS))
            p = draw(st.sampled_from([prefix, "h"]))  # 'h' is bound to XHTML
            piece = f"<{tag(local, p)}>alert(1)</{tag(local, p)}>"
        else:
            name = tag(draw(st.sampled_from(SHAPES)))
            piece = f"<{name}{attributes([draw(st.sampled_from(ACTIVE_ATTRIBUTES))])}/>"
        pieces.insert(draw(st.integers(0, len(pieces))), piece)
    # Each opening tag is closed, at once or around what follows.
    body, stack = "", []
    for piece in pieces:
        if piece.endswith("/>") or "alert(1)</" in piece:
            body += piece
            continue
        body += piece
        stack.append(piece[1:].split(" ", 1)[0].rstrip(">"))
        if draw(st.booleans()):
            body += f"</{stack.pop()}>"
    body += "".join(f"</{name}>" for name in reversed(stack))
    xmlns = f' xmlns:{prefix}="{SVG_NS}"' if prefix else ""
    root = tag("svg")
    text = (
        f'<{root} xmlns="{SVG_NS}"{xmlns} xmlns:h="{XHTML_NS}" xmlns:xl="{XLINK_NS}">'
        f"{body}</{root}>"
    )
    return text, hostile


@settings(max_examples=fuzz_examples(300), deadline=2000)
@given(drawings())
def test_a_hostile_piece_is_refused_however_spelled(case: tuple[str, bool]) -> None:
    count_example("pictograms: drawings with and without a hostile piece")
    text, hostile = case
    reason = check_svg(text.encode())
    if hostile:
        assert reason is not None, text
        assert reason.startswith("holds "), reason
    else:
        assert reason is None, (text, reason)


@settings(max_examples=fuzz_examples(300), deadline=2000)
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_are_judged_without_raising(data: bytes) -> None:
    count_example("pictograms: arbitrary bytes")
    reason = check_svg(data)
    assert reason is None or "expected" in reason

"""The documentation's generated reference tables read well in the text builder too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

EXT = Path(__file__).parents[1] / "docs" / "_ext"
DIRECTIVES = ("phases-config-reference", "phases-warning-reference", "phases-option-reference")


@pytest.fixture(scope="module")
def text_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    srcdir = tmp_path_factory.mktemp("src")
    (srcdir / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXT)!r})\n"
        'extensions = ["myst_parser", "sphinx_phases", "reference"]\n'
    )
    toctree = "\n".join(DIRECTIVES)
    (srcdir / "index.md").write_text(f"# Reference\n\n```{{toctree}}\n{toctree}\n```\n")
    for name in DIRECTIVES:
        (srcdir / f"{name}.md").write_text(f"# {name}\n\n```{{{name}}}\n```\n")
    out = tmp_path_factory.mktemp("text")
    assert build_main(["-q", "-W", "-b", "text", str(srcdir), str(out)]) == 0
    return {name: (out / f"{name}.txt").read_text("utf-8") for name in DIRECTIVES}


@pytest.mark.parametrize("name", DIRECTIVES)
def test_a_reference_table_fits_a_terminal(text_pages: dict[str, str], name: str) -> None:
    rows = [line for line in text_pages[name].splitlines() if line.startswith(("+", "|"))]
    assert rows, "no table"
    assert max(map(len, rows)) <= 78
    # Narrow columns would cut every word: "| s | e | t |" letter by letter.
    assert not any(re.fullmatch(r"\|( \S \|)+", row) for row in rows), rows[:5]


@pytest.mark.parametrize("name", DIRECTIVES)
def test_code_in_a_reference_table_is_written_as_a_word(
    text_pages: dict[str, str], name: str
) -> None:
    # A bare literal in a cell came out letter-spaced: '" p h a s e s . o p t i o n "'.
    assert not re.search(r'" (\S ){3,}', text_pages[name])
    first = {"phases-config-reference": '"phases_sequence"'}.get(name, '"')
    assert first in text_pages[name]


def test_every_name_is_whole_in_its_column(text_pages: dict[str, str]) -> None:
    text = text_pages["phases-config-reference"]
    for setting in ("phases_required_questions", "phases_default_pictogram", "phases_json"):
        assert f'"{setting}"' in text

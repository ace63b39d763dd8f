"""The example service manual in Welsh, as the documentation site builds it
(docs/examples/cy, docs/_ext/examples.py): the extension writes no English of its own.

The author's words stay as written (English, but for the stage titles, which the example
translates), so the scan skips them: it reads the text the extension generates, that is
the text of its markup (every element with a ``phases-`` class, its ``aria-label``s), the
Phase index and the general index, less each piece of text that is the author's own
(found in the example's sources). In what is left, no English label of the extension's
catalogue may appear.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "sphinx_phases" / "locale"
EXAMPLE = ROOT / "docs" / "example-service"
PUNCTUATION = " :,.;?!()-\u2013"  # \u2013: the en dash between two phases


def _examples() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "examples", ROOT / "docs" / "_ext" / "examples.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build(tmp: Path, *overrides: str) -> Path:
    examples = _examples()
    out = tmp / "html"
    command = examples.command(examples.WELSH, out, tmp / "doctrees")
    # The theme is the site's own choice; the extension's markup is the same in any theme
    # (tests/test_themes.py), and this one comes with Sphinx.
    command[-2:-2] = ["-D", "html_theme=alabaster", *overrides]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return out


def _normal(text: str) -> str:
    return " ".join(text.split())


def english_labels() -> dict[str, str]:
    """The words of each English label the Welsh catalogue translates, placeholders
    aside: each piece of words, mapped to the label it is part of."""
    with (LOCALE / "sphinx_phases.pot").open("rb") as handle:
        template = [m.id for m in read_po(handle) if m.id]
    with (LOCALE / "cy" / "LC_MESSAGES" / "sphinx_phases.po").open("rb") as handle:
        welsh = {m.id: m.string for m in read_po(handle) if m.id}
    words: dict[str, str] = {}
    for message in template:
        for form in message if isinstance(message, tuple) else (message,):
            if not welsh.get(message) or welsh[message] == message:
                continue
            for piece in re.split(r"\{[a-z_]+\}", form):
                piece = piece.strip(PUNCTUATION)
                if piece:
                    words.setdefault(piece, form)
    return words


def _authors_words() -> str:
    """Everything the example's author wrote: its pages, sequence file and standard."""
    files = sorted(EXAMPLE.glob("*.md")) + sorted(EXAMPLE.glob("*.yml"))
    return "\n".join(_normal(path.read_text("utf8")) for path in files)


def generated_text(page: BeautifulSoup) -> Iterator[str]:
    """Each piece of text (and ``aria-label``) of the extension's markup on *page*."""
    marked = page.find_all(class_=re.compile(r"^phases-"))
    seen: set[int] = set()
    for element in marked:
        for text in element.find_all(string=True):
            if id(text) not in seen:
                seen.add(id(text))
                yield _normal(text)
        for labelled in [element, *element.find_all(attrs={"aria-label": True})]:
            if isinstance(labelled, Tag) and labelled.get("aria-label"):
                yield _normal(str(labelled["aria-label"]))


def english_found(out: Path) -> list[str]:
    """Each English label found among what the extension wrote, as page: text (label)."""
    labels = english_labels()
    authors = _authors_words()
    found: list[str] = []
    for path in sorted(out.glob("*.html")):
        page = BeautifulSoup(path.read_text("utf8"), "html.parser")
        texts = list(generated_text(page))
        if path.name in ("phases-index.html", "genindex.html"):
            body = page.select_one('[role="main"]') or page.body
            texts += [_normal(t) for t in body.find_all(string=True)]
        for text in dict.fromkeys(texts):
            bare = text.strip(PUNCTUATION)
            if not bare:
                continue
            if bare in labels:  # a label alone, even a word the author also writes
                found.append(f"{path.name}: {text!r} ({labels[bare]!r})")
            elif bare not in authors:  # words of a label among other words
                found += [
                    f"{path.name}: {text!r} ({label!r})"
                    for piece, label in labels.items()
                    if len(piece) > 3 and re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)
                ]
    return found


@pytest.fixture(scope="module")
def welsh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("cy"))


def test_the_welsh_example_writes_no_english_of_its_own(welsh: Path) -> None:
    assert english_found(welsh) == []


def test_the_welsh_example_shows_welsh_labels_and_translated_stages(welsh: Path) -> None:
    alpha = BeautifulSoup((welsh / "alpha.html").read_text("utf8"), "html.parser")
    facts = alpha.select_one("dl.phases-facts")
    assert [_normal(dt.get_text()) for dt in facts.select("dt")][:2] == ["Safle", "Cam"]
    assert [_normal(dd.get_text()) for dd in facts.select("dd")][:2] == [
        "Cyfnod 2 o 5",
        "Archwilio",
    ]
    overview = BeautifulSoup((welsh / "overview.html").read_text("utf8"), "html.parser")
    stages = [_normal(t.get_text(" ")) for t in overview.select(".phases-stage__title")]
    assert stages[:2] == ["Cam: Archwilio", "Cam: Adeiladu a rhedeg"]


def test_the_scan_finds_english_labels_in_an_english_build(tmp_path: Path) -> None:
    # The same scan of the same manual built in English finds the labels it looks for.
    found = english_found(_build(tmp_path, "-D", "language=en"))
    for label in ("Next phase", "Stage", "Phase 2 of 5", "Phase index", "(phase)"):
        assert any(label in line for line in found), label

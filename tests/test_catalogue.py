"""The message catalogue: regenerated from the code, translated in full into Welsh, and a
Welsh build writes no English of its own."""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "sphinx_phases" / "locale"
# What the extension generates on a page (the author's own words are not its to translate).
GENERATED = (
    "nav.phases-nav, dl.phases-facts, .phases-banner, .phases-stage__title, "
    ".phases-sequence__gate, .phases-sequence__loop, .phases-card__children, "
    "table.phases-table thead, .phases-standard-coverage__caption, "
    "table.phases-standard-coverage thead, .phases-mark, .phases-gate__criteria-label, "
    ".phases-tag"
)


def _messages(path: Path) -> dict[Any, Any]:
    """Each message's id and translation: strings, or tuples of forms for a plural."""
    with path.open("rb") as handle:
        return {message.id: message.string for message in read_po(handle) if message.id}


def _forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


def _fields(text: str | tuple[str, ...]) -> set[str]:
    """The placeholders of a message, or of each form of a plural (the same in each)."""
    return {
        name
        for form in _forms(text)
        for _text, name, _spec, _conv in string.Formatter().parse(form)
        if name
    }


def test_the_template_is_what_the_code_says() -> None:
    # Fails when a string is added to or changed in the code without running the tool.
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "messages.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_welsh_catalogue_translates_every_message() -> None:
    template = _messages(LOCALE / "sphinx_phases.pot")
    welsh = _messages(LOCALE / "cy" / "LC_MESSAGES" / "sphinx_phases.po")
    assert template, "no messages extracted"
    # (A plural's every form: tests/test_plurals.py.)
    missing = [message for message in template if not any(_forms(welsh.get(message, "")))]
    assert missing == []
    # A translation fills the same placeholders, or the page shows a KeyError's text.
    wrong = [m for m in template if _fields(m) != _fields(welsh[m])]
    assert wrong == []


def test_a_welsh_build_writes_no_english_of_its_own(make_app: Any, copy_root: Any) -> None:
    srcdir = copy_root("gates")
    with (srcdir / "index.md").open("a", encoding="utf8") as index:
        index.write("\n```{phase-sequence}\n:style: line\n```\n")
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "cy"})
    app.build()
    welsh = _messages(LOCALE / "cy" / "LC_MESSAGES" / "sphinx_phases.po")
    # Each English label's words, where they differ from the Welsh (placeholders aside).
    english = {
        words
        for message, translation in welsh.items()
        if message != translation
        for form in _forms(message)
        for words in re.split(r"\{[a-z]+\}", form)
        if len(words.strip(" :,.()")) > 3
    }
    found = []
    for page in sorted(Path(app.outdir).glob("*.html")):
        soup = BeautifulSoup(page.read_text("utf8"), "html.parser")
        text = " ".join(" ".join(n.get_text(" ").split()) for n in soup.select(GENERATED))
        found += [f"{page.name}: {w!r}" for w in sorted(english) if w.strip(" :,.()") in text]
    assert found == []

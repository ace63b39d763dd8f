"""A damaged words file beside the doctrees is never trusted (issue 21 item 8).

``.doctrees/phases-words/PAGE.pickle`` keeps a page's phase words for the pages that
show them (sphinx_ext/content.py). One that is truncated, corrupt, or another page's
(swapped) is read as if it were missing: the page's doctree is read instead, so the
overview shows what a clean build shows, with no traceback and no summary dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import build, phase_warnings

PAGES = {
    "conf.py": 'extensions = ["myst_parser", "sphinx_phases"]\n',
    "index.md": "# Manual\n\n```{toctree}\nalpha\nbeta\noverview\n```\n",
    "alpha.md": (
        "# Alpha\n\n```{phase} alpha\n\nTry risky ideas.\n```\n\n"
        "```{phase-question} objective\nLearn what alpha should learn.\n```\n"
    ),
    "beta.md": (
        "# Beta\n\n```{phase} beta\n\nBuild it for real.\n```\n\n"
        "```{phase-question} objective\nLearn what beta should learn.\n```\n"
    ),
    "overview.md": (
        "# Overview\n\n```{phase-sequence}\n```\n\n"
        "```{phase-table}\n:columns: title, objective\n```\n"
    ),
}
WORDS = ("Try risky ideas.", "Build it for real.", "alpha should learn", "beta should learn")


def _truncated(folder: Path) -> None:
    alpha = folder / "alpha.pickle"
    alpha.write_bytes(alpha.read_bytes()[:60])


def _swapped(folder: Path) -> None:
    alpha, beta = folder / "alpha.pickle", folder / "beta.pickle"
    a, b = alpha.read_bytes(), beta.read_bytes()
    alpha.write_bytes(b)
    beta.write_bytes(a)


def _class_renamed(folder: Path) -> None:
    # The nodes name a class that does not exist: what a file kept by another version
    # of docutils, or a flipped byte, gives (AttributeError when unpickled).
    alpha = folder / "alpha.pickle"
    alpha.write_bytes(alpha.read_bytes().replace(b"docutils.nodes", b"docutils.nodez"))


def _garbage(folder: Path) -> None:
    (folder / "alpha.pickle").write_bytes(b"\x80\x05not a pickle at all" * 20)


def _not_a_list(folder: Path) -> None:
    import pickle

    (folder / "alpha.pickle").write_bytes(pickle.dumps({"summary": "alpha"}))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncated,
    "swapped": _swapped,
    "class-renamed": _class_renamed,
    "garbage": _garbage,
    "not-a-list": _not_a_list,
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_words_file_is_read_from_the_doctree(
    make_app: Any, tmp_path: Path, damage: str
) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    for name, text in PAGES.items():
        (srcdir / name).write_text(text, "utf8")
    app, _ = build(make_app, srcdir)
    overview = (app.outdir / "overview.html").read_text("utf8")
    assert all(words in overview for words in WORDS)
    folder = Path(app.doctreedir, "phases-words")
    DAMAGE[damage](folder)
    # Only the overview is read again: the phases' words come from their files.
    (srcdir / "overview.md").write_text(PAGES["overview.md"] + "\nAgain.\n", "utf8")
    app, written = build(make_app, srcdir)
    assert "overview" in written
    assert "alpha" not in written
    overview = (app.outdir / "overview.html").read_text("utf8")
    for words in WORDS:
        assert overview.count(words) >= 1, (damage, words)
    assert phase_warnings(app) == []

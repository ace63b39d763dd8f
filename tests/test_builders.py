"""Every builder renders a phase site without a warning, and each keeps the meaning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sphinx.locale
from sphinx.cmd.build import build_main

from sphinx_phases.render import nodes as phase_nodes
from sphinx_phases.render.writers import FORMATS, HANDLERS

BUILDERS = [
    "html",
    "dirhtml",
    "singlehtml",
    "epub",
    "latex",
    "text",
    "man",
    "texinfo",
    "linkcheck",
    "dummy",
    "xml",
    "pseudoxml",
    "json",
    "pickle",
]


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_is_clean_under_w(copy_root: Any, tmp_path: Path, builder: str) -> None:
    srcdir = copy_root("service")
    outdir, doctrees = tmp_path / "out", tmp_path / "doctrees"
    # Doctrees outside the output folder, or epub would try to pack them.
    args = ["-W", "-q", "-b", builder, "-d", str(doctrees), str(srcdir), str(outdir)]
    assert build_main(args) == 0


def test_json_pages_carry_the_index_names_as_text(
    copy_root: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index names are class-level labels; the json builder serialises them in every
    # page's context, so they must be strings in the build's language, not lazy proxies.
    srcdir = copy_root("service")
    # Sphinx keeps each catalogue's translator for the process; the Welsh one must not
    # outlive this test.
    monkeypatch.setattr(sphinx.locale, "translators", {})
    for language, expected in (("en", "Phase index"), ("cy", "Mynegai cyfnodau")):
        outdir = tmp_path / language
        assert (
            build_main(
                ["-q", "-b", "json", "-D", f"language={language}", str(srcdir), str(outdir)]
            )
            == 0
        )
        page = json.loads((outdir / "alpha.fjson").read_text("utf8"))
        assert ["phases-index", expected] in [link[:2] for link in page["rellinks"]]


def test_every_node_has_a_handler_for_every_format() -> None:
    assert set(HANDLERS) == {getattr(phase_nodes, name) for name in phase_nodes.__all__}
    for handlers in HANDLERS.values():
        assert set(handlers) == set(FORMATS)


def test_text_keeps_the_navigation_and_labels(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert build_main(["-q", "-b", "text", str(srcdir), str(tmp_path)]) == 0
    live = (tmp_path / "live.txt").read_text("utf8")
    assert "Previous: Public beta, part of Beta" in live
    assert "Go back to: Discovery" in live
    assert "Next, the final phase: Retirement" in live
    assert "* Live service" in live  # decorative pictograms leave only their label
    index = (tmp_path / "index.txt").read_text("utf8")
    assert "[team]" in index  # an inline pictogram keeps its meaning as text
    alpha = (tmp_path / "alpha.txt").read_text("utf8")
    assert "**Draft** This page is a draft" in alpha


def test_latex_writes_the_navigation_as_linked_text(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert build_main(["-q", "-b", "latex", str(srcdir), str(tmp_path)]) == 0
    tex = next(tmp_path.glob("*.tex")).read_text("utf8")
    assert (
        r"{\hyperref[\detokenize{beta:phase-beta}]{\sphinxcrossref{"
        r"\DUrole{phases-nav__label}{Next phase}\DUrole{phases-nav__sep}{: }"
        r"\DUrole{phases-nav__title}{Beta}}}}"
    ) in tex
    assert "Live service" in tex
    assert "{[}team{]}" in tex  # SVG pictograms fall back to their label, "[team]"
    assert "This page is a draft" in tex


def test_epub_carries_the_stylesheet_and_pictograms(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert (
        build_main(["-q", "-b", "epub", "-d", str(tmp_path / "d"), str(srcdir), str(tmp_path)])
        == 0
    )
    assert (tmp_path / "_static" / "phases.css").is_file()
    assert (tmp_path / "_static" / "phases-pictograms" / "website.svg").is_file()
    assert not (tmp_path / "phases.json").exists()


# A builder the extension registers nothing for: a TextBuilder subclass under another name
# and format, and a builder whose translator knows only docutils' standard nodes.
CUSTOM_BUILDERS = """
from docutils import nodes
from sphinx.builders import Builder
from sphinx.builders.text import TextBuilder
from sphinx.util.docutils import SphinxTranslator


class PlainTextBuilder(TextBuilder):
    name = "plaintext"
    format = "plaintext"


class Words(SphinxTranslator):
    \"\"\"Writes every word, one paragraph per line; knows docutils' standard nodes only.\"\"\"

    def __init__(self, document, builder):
        super().__init__(document, builder)
        self.lines = [""]

    def visit_Text(self, node):
        self.lines[-1] += node.astext()

    def depart_Text(self, node):
        pass

    def visit_paragraph(self, node):
        self.lines.append("")

    def depart_paragraph(self, node):
        self.lines.append("")

    def unknown_visit(self, node):
        pass

    def unknown_departure(self, node):
        pass


class WordsBuilder(Builder):
    name = "words"
    format = "words"
    default_translator_class = Words

    def get_outdated_docs(self):
        return self.env.found_docs

    def get_target_uri(self, docname, typ=None):
        return docname

    def prepare_writing(self, docnames):
        pass

    def write_doc(self, docname, doctree):
        visitor = self.create_translator(doctree, self)
        doctree.walkabout(visitor)
        text = "\\n".join(line for line in visitor.lines if line.strip())
        (self.outdir / f"{docname}.words").write_text(text, encoding="utf-8")


def setup(app):
    app.add_builder(PlainTextBuilder)
    app.add_builder(WordsBuilder)
"""


@pytest.mark.parametrize(("builder", "suffix"), [("plaintext", "txt"), ("words", "words")])
def test_a_builder_without_handlers_writes_the_navigation(
    copy_root: Any, tmp_path: Path, builder: str, suffix: str
) -> None:
    srcdir = copy_root("service")
    (srcdir / "custom_builders.py").write_text(CUSTOM_BUILDERS)
    with (srcdir / "conf.py").open("a") as conf:
        conf.write("\nimport sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n")
        conf.write('extensions.append("custom_builders")\n')
    out = tmp_path / "out"
    assert build_main(["-W", "-q", "-b", builder, str(srcdir), str(out)]) == 0
    live = (out / f"live.{suffix}").read_text("utf8")
    assert "Previous: Public beta, part of Beta" in live
    assert "Go back to: Discovery" in live
    assert "Next, the final phase: Retirement" in live


def test_navigation_words_stay_out_of_the_search_index(copy_root: Any, tmp_path: Path) -> None:
    srcdir = copy_root("service")
    assert build_main(["-q", "-b", "html", str(srcdir), str(tmp_path)]) == 0
    index = (tmp_path / "searchindex.js").read_text("utf8")
    terms = json.loads(index[index.index("(") + 1 : index.rindex(")")])["terms"]
    live = (tmp_path / "live.html").read_text("utf8")
    assert "Previous" in live
    for word in ("previou", "previous", "sub", "final"):
        assert word not in terms, word

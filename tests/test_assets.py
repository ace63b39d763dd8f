"""Static files: a site pays only for what it uses, and incremental output equals clean output.

The stylesheet ships through ``html_static_path`` and is linked only from pages that show
the extension's markup; pictograms are copied only while used; ``phases.json`` is written
only when there is a phase.
"""

from __future__ import annotations

import re
import shutil
import zlib
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main
from tests.conftest import ROOTS

import sphinx_phases

STATIC_DIR = Path(sphinx_phases.__file__).parent / "static"

HTML_BUILDERS = ["html", "dirhtml", "singlehtml", "epub"]
# Page (docname) -> output file, per builder.
PAGE_FILE = {
    "html": "{}.html",
    "dirhtml": "{}/index.html",
    "epub": "{}.xhtml",
}


def page_file(builder: str, docname: str) -> str:
    if builder == "dirhtml" and docname == "index":
        return "index.html"
    return PAGE_FILE[builder].format(docname)


def copy_root(name: str, dest: Path) -> Path:
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def build(srcdir: Path, outdir: Path, builder: str = "html", *extra: str) -> list[str]:
    """Build like ``sphinx-build`` does; return the warnings, one per line."""
    doctrees = outdir.parent / f"{outdir.name}-doctrees"  # outside, or epub packs them
    warnings = outdir.parent / f"{outdir.name}-warnings.txt"
    args = ["-q", "-b", builder, "-d", str(doctrees), "-w", str(warnings), *extra]
    assert build_main([*args, str(srcdir), str(outdir)]) == 0
    text = warnings.read_text("utf8")
    return [line.replace(str(srcdir), "SRC") for line in text.splitlines() if line.strip()]


def files(outdir: Path, under: str = "") -> list[str]:
    root = outdir / under
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def links_stylesheet(path: Path) -> bool:
    soup = BeautifulSoup(path.read_text("utf8"), "html.parser")
    return any("phases.css" in link.get("href", "") for link in soup.select("link"))


# -- the package's static folder ----------------------------------------------------------


def test_static_folder_holds_only_what_every_page_may_reference() -> None:
    # Sphinx copies all of html_static_path; pictograms are copied apart, when used.
    assert sorted(p.name for p in STATIC_DIR.iterdir()) == ["phases.css"]


def test_stylesheet_ships_through_html_static_path(make_app: Any, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("assets-mixed", tmp_path / "src"))
    app.build()
    assert str(STATIC_DIR) in app.config.html_static_path
    css = Path(app.outdir, "_static", "phases.css")
    assert css.read_bytes() == (STATIC_DIR / "phases.css").read_bytes()
    # Copied before the pages are written, so Sphinx adds its checksum to the link.
    assert re.search(r'href="_static/phases\.css\?v=[0-9a-f]{8}"', css_link_of(app, "alpha"))


def css_link_of(app: Any, docname: str) -> str:
    soup = BeautifulSoup(Path(app.outdir, f"{docname}.html").read_text("utf8"), "html.parser")
    return str(soup.select_one('link[href*="phases.css"]'))


def test_a_project_stylesheet_of_the_same_name_wins(tmp_path: Path) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    (srcdir / "_static").mkdir()
    (srcdir / "_static" / "phases.css").write_text("/* the project's own */\n")
    with (srcdir / "conf.py").open("a") as conf:
        conf.write('html_static_path = ["_static"]\n')
    build(srcdir, tmp_path / "out")
    assert (tmp_path / "out" / "_static" / "phases.css").read_text() == "/* the project's own */\n"


# -- a phase-free site pays nothing ----------------------------------------------------------

# Sphinx records each extension's env_version in the search index ("envversion"), whatever
# the pages hold; that entry names the extension, not anything it wrote.
_ENVVERSION = re.compile(r',\s*"sphinx_phases":\s*\d+')
# Sphinx registers a std label for every domain index, as it does py-modindex on a site
# without Python modules; the page itself is written only when the index has entries.
_INDEX_LABEL = re.compile(
    rb"phases-(?:index|sequence) std:label -1 \S+ Phase (?:index|sequence)\n"
)


def output_tree(outdir: Path) -> dict[str, bytes]:
    tree = {}
    for name in files(outdir):
        if name == ".buildinfo":  # the hash of the configuration, which differs by design
            continue
        data = (outdir / name).read_bytes()
        if name == "searchindex.js":
            data = _ENVVERSION.sub("", data.decode("utf8")).encode("utf8")
        elif name == "objects.inv":
            head, _, body = data.partition(b"zlib.\n")
            data = head + _INDEX_LABEL.sub(b"", zlib.decompress(body))
        elif name.endswith(".epub"):  # a zip, stamped with the time: its files are compared
            continue
        elif name == "content.opf":  # stamped with the build's time
            data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"", data)
        tree[name] = data
    return tree


@pytest.mark.parametrize("builder", HTML_BUILDERS)
def test_a_phase_free_site_is_unchanged_by_the_extension(tmp_path: Path, builder: str) -> None:
    without = copy_root("assets-plain", tmp_path / "without")
    with_ext = copy_root("assets-plain", tmp_path / "with")
    with (with_ext / "conf.py").open("a") as conf:
        conf.write('extensions.append("sphinx_phases")\n')
    warnings_without = build(without, tmp_path / "out-without", builder)
    warnings_with = build(with_ext, tmp_path / "out-with", builder)
    assert warnings_with == warnings_without == []
    out = tmp_path / "out-with"
    assert not (out / "phases.json").exists()
    assert not (out / "_static" / "phases.css").exists()
    assert not (out / "_static" / "phases-pictograms").exists()
    assert output_tree(out) == output_tree(tmp_path / "out-without")


# -- the stylesheet is linked where the markup shows -----------------------------------------


@pytest.mark.parametrize("builder", ["html", "dirhtml", "epub"])
def test_stylesheet_is_linked_only_from_pages_with_phase_markup(
    tmp_path: Path, builder: str
) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    out = tmp_path / "out"
    assert build(srcdir, out, builder) == []
    linked = {doc: links_stylesheet(out / page_file(builder, doc)) for doc in DOCS}
    assert linked == {
        "index": False,  # a toctree only
        "discovery": True,
        "alpha": True,
        "overview": True,
        "plain": False,
    }
    assert (out / "_static" / "phases.css").is_file()
    if builder != "epub":  # an epub has no general index page
        assert not links_stylesheet(out / page_file(builder, "genindex"))


DOCS = ["index", "discovery", "alpha", "overview", "plain"]


def test_singlehtml_links_the_stylesheet_when_the_book_shows_a_phase(tmp_path: Path) -> None:
    plain = copy_root("assets-plain", tmp_path / "plain")
    with (plain / "conf.py").open("a") as conf:
        conf.write('extensions.append("sphinx_phases")\n')
    build(plain, tmp_path / "plain-out", "singlehtml")
    assert not links_stylesheet(tmp_path / "plain-out" / "index.html")
    mixed = copy_root("assets-mixed", tmp_path / "mixed")
    build(mixed, tmp_path / "mixed-out", "singlehtml")
    assert links_stylesheet(tmp_path / "mixed-out" / "index.html")
    assert (tmp_path / "mixed-out" / "_static" / "phases.css").is_file()


def test_parallel_write_links_as_a_serial_one(tmp_path: Path) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    build(srcdir, tmp_path / "serial")
    build(srcdir, tmp_path / "parallel", "html", "-j", "2")
    for doc in [*DOCS, "genindex", "search"]:
        serial = (tmp_path / "serial" / f"{doc}.html").read_text("utf8")
        assert serial == (tmp_path / "parallel" / f"{doc}.html").read_text("utf8"), doc


def test_a_pictogram_alone_brings_the_stylesheet(tmp_path: Path) -> None:
    srcdir = copy_root("assets-plain", tmp_path / "src")
    with (srcdir / "conf.py").open("a") as conf:
        conf.write('extensions.append("sphinx_phases")\n')
    guide = srcdir / "guide.md"
    guide.write_text(guide.read_text() + "\nBy a {pictogram}`team`.\n")
    out = tmp_path / "out"
    assert build(srcdir, out) == []
    assert links_stylesheet(out / "guide.html")
    assert not links_stylesheet(out / "faq.html")
    assert files(out, "_static/phases-pictograms") == ["team.svg"]
    assert (out / "_static" / "phases.css").is_file()
    assert not (out / "phases.json").exists()  # no phase, no export


# -- pictograms, used ones only, in every HTML builder -----------------------------------------

# discovery.md shows team and website; the overview shows each phase's own (its id).
USED = ["alpha.svg", "discovery.svg", "team.svg", "website.svg"]


@pytest.mark.parametrize("builder", HTML_BUILDERS)
def test_used_pictograms_are_copied(tmp_path: Path, builder: str) -> None:
    out = tmp_path / "out"
    build(copy_root("assets-mixed", tmp_path / "src"), out, builder)
    assert files(out, "_static/phases-pictograms") == USED


# -- incremental output equals clean output, files included ----------------------------------


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def assert_files_as_clean(srcdir: Path, out: Path, builder: str, tmp_path: Path) -> None:
    clean = copy_root_of(srcdir, tmp_path / "clean-src")
    build(clean, tmp_path / "clean-out", builder)
    # The extension's files. Sphinx itself leaves behind pages it no longer writes (a
    # removed document's, or an emptied domain index's), so the whole tree may differ.
    assert files(out, "_static") == files(tmp_path / "clean-out", "_static")
    assert (out / "phases.json").exists() == (tmp_path / "clean-out" / "phases.json").exists()


def copy_root_of(srcdir: Path, dest: Path) -> Path:
    shutil.copytree(srcdir, dest)
    return dest


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_removing_the_last_use_of_a_pictogram_removes_its_file(
    tmp_path: Path, builder: str
) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    out = tmp_path / "out"
    build(srcdir, out, builder)
    assert files(out, "_static/phases-pictograms") == USED
    edit(srcdir / "discovery.md", "- {pictogram}`website` A prototype\n", "")
    build(srcdir, out, builder)
    assert files(out, "_static/phases-pictograms") == ["alpha.svg", "discovery.svg", "team.svg"]
    assert_files_as_clean(srcdir, out, builder, tmp_path)


def test_removing_every_pictogram_removes_the_folder(tmp_path: Path) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    out = tmp_path / "out"
    build(srcdir, out)
    edit(srcdir / "discovery.md", "- {pictogram}`website` A prototype\n", "")
    edit(srcdir / "discovery.md", "- {pictogram}`team` A team\n", "- A team\n")
    (srcdir / "overview.md").write_text("# Overview\n\nThe phases: {phase}`discovery`.\n")
    build(srcdir, out)
    assert not (out / "_static" / "phases-pictograms").exists()
    assert_files_as_clean(srcdir, out, "html", tmp_path)


def test_only_the_extensions_own_files_are_removed(tmp_path: Path) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    out = tmp_path / "out"
    build(srcdir, out)
    (out / "_static" / "site.css").write_text("/* someone else's */\n")
    edit(srcdir / "discovery.md", "- {pictogram}`website` A prototype\n", "")
    build(srcdir, out)
    assert (out / "_static" / "site.css").is_file()


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_a_site_that_loses_its_last_phase_loses_the_extensions_files(
    tmp_path: Path, builder: str
) -> None:
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    out = tmp_path / "out"
    build(srcdir, out, builder)
    assert (out / "phases.json").is_file()
    for page in ("discovery", "alpha", "overview"):
        (srcdir / f"{page}.md").write_text(f"# {page.title()}\n\nNothing about phases.\n")
    build(srcdir, out, builder)
    assert not (out / "phases.json").exists()
    assert not (out / "_static" / "phases.css").exists()
    assert not (out / "_static" / "phases-pictograms").exists()
    assert_files_as_clean(srcdir, out, builder, tmp_path)
    for name in files(out):
        if name.endswith(".html"):
            assert not links_stylesheet(out / name), name


def test_a_second_build_rewrites_nothing(tmp_path: Path) -> None:
    # The static folder must not make the next run see a changed configuration.
    srcdir = copy_root("assets-mixed", tmp_path / "src")
    out = tmp_path / "out"
    build(srcdir, out)
    pages = [f"{doc}.html" for doc in DOCS]
    before = {name: (out / name).stat().st_mtime_ns for name in pages}
    build(srcdir, out)
    assert {name: (out / name).stat().st_mtime_ns for name in pages} == before

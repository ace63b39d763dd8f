"""The phases domain: objects.inv, intersphinx from another project, and the indices."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.util.inventory import InventoryFile
from tests.conftest import warning_lines


def test_inventory_and_intersphinx(make_app: Any, copy_root: Any, tmp_path: Path) -> None:
    manual = make_app("html", srcdir=copy_root("service", dest="manual"))
    manual.build()
    manual.cleanup()
    inventory_path = Path(manual.outdir, "objects.inv")
    with inventory_path.open("rb") as handle:
        inventory = InventoryFile.load(handle, "https://manual.example/", posixpath.join)
    phases = inventory["phases:phase"]
    assert sorted(phases) == [
        "alpha",
        "beta",
        "discovery",
        "live",
        "private-beta",
        "public-beta",
        "retirement",
    ]
    live = phases["live"]
    live_uri = live.uri if hasattr(live, "uri") else live[2]
    assert live_uri == "https://manual.example/live.html#phase-live"

    # Another project links to the manual's phases through intersphinx, offline.
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.intersphinx", "sphinx_phases"]\n'
        f'intersphinx_mapping = {{"manual": ("https://manual.example/", "{inventory_path}")}}\n'
    )
    (other / "index.md").write_text(
        "# Other\n\nSee {external+manual:phases:phase}`live` and "
        "{external+manual:phases:phase}`the beta <beta>`; {phase}`alpha` falls back to the "
        "inventory when no local page declares it.\n"
    )
    app = make_app("html", srcdir=other)
    app.build()
    assert warning_lines(app) == []
    soup = BeautifulSoup(Path(app.outdir, "index.html").read_text("utf8"), "html.parser")
    links = {a.get_text(): a["href"] for a in soup.select("a.reference.external")}
    assert links == {
        "Live": "https://manual.example/live.html#phase-live",
        "the beta": "https://manual.example/beta.html#phase-beta",
        "Alpha": "https://manual.example/alpha.html#phase-alpha",
    }


def test_phase_index_and_general_index(make_app: Any, copy_root: Any) -> None:
    app = make_app("html", srcdir=copy_root("service"))
    app.build()
    soup = BeautifulSoup(Path(app.outdir, "phases-index.html").read_text("utf8"), "html.parser")
    entries = [a.get_text() for a in soup.select("table.indextable a")]
    assert entries == [
        "Alpha",
        "Beta",
        "Discovery",
        "Live",
        "Private beta",
        "Public beta",
        "Retirement",
    ]
    genindex = Path(app.outdir, "genindex.html").read_text("utf8")
    assert "Live (phase)" in genindex


def test_the_phase_sequence_index_lists_phases_in_reading_order(
    make_app: Any, copy_root: Any
) -> None:
    app = make_app("html", srcdir=copy_root("service"))
    app.build()
    page = Path(app.outdir, "phases-sequence.html").read_text("utf8")
    soup = BeautifulSoup(page, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select("table.indextable a")]
    assert titles == [
        "Discovery",
        "Alpha",
        "Beta",
        "Private beta",
        "Public beta",
        "Live",
        "Retirement",
    ]

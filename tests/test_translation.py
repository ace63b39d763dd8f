"""A manual in another language, the Sphinx way: ``gettext`` extracts a phase's and a
gate's words, and the configuration's stage titles and standard points, a catalogue
translates them, and a ``language`` build shows the translation everywhere those words
appear; editing the catalogue rewrites exactly the pages showing the entry."""

from __future__ import annotations

import gettext
import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from tests.conftest import assert_same_as_clean, build, edit, phase_warnings

ALPHA = """# Alpha

```{phase} alpha
:subtitle: Try the riskiest ideas
:duration: 6 to 8 weeks
:team: A small team

Try things.
```

```{phase-gate} alpha-assessment
:title: Alpha assessment
:authority: Assessment panel
:outcome: met

- The riskiest assumptions have been tested
```
"""

TRANSLATIONS = {
    "Alpha": "Alffa",
    "Try the riskiest ideas": "Rhoi cynnig ar y syniadau mwyaf peryglus",
    "6 to 8 weeks": "6 i 8 wythnos",
    "A small team": "Tîm bach",
    "Try things.": "Rhoi cynnig arni.",
    "Alpha assessment": "Asesiad alffa",
    "Assessment panel": "Panel asesu",
    "The riskiest assumptions have been tested": "Profwyd y rhagdybiaethau mwyaf peryglus",
}


# The configuration's words (the root's phases.yml and standard.yml), in their catalogue.
SETTINGS = {
    "Explore": "Archwilio",
    "Service Standard": "Safon Gwasanaeth",
    "Solve a whole problem": "Datrys problem gyfan",
}


def _po(entries: dict[str, str]) -> str:
    body = "".join(f'\nmsgid "{k}"\nmsgstr "{v}"\n' for k, v in entries.items())
    return 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + body


def _page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf8"), "html.parser")


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def _project(copy_root: Any, dest: str = "src") -> Path:
    srcdir = copy_root("gates", dest)
    (srcdir / "alpha.md").write_text(ALPHA)
    with (srcdir / "conf.py").open("a", encoding="utf8") as conf:
        conf.write('locale_dirs = ["locales"]\n')
    return srcdir


def _welsh_project(copy_root: Any, dest: str = "src") -> Path:
    """The project built in Welsh, with alpha's and the configuration's catalogues."""
    srcdir = _project(copy_root, dest)
    messages = srcdir / "locales" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "alpha.po").write_text(_po(TRANSLATIONS))
    (messages / "phases-config.po").write_text(_po(SETTINGS))
    with (srcdir / "conf.py").open("a", encoding="utf8") as conf:
        conf.write('language = "cy"\n')
    return srcdir


def test_gettext_extracts_the_words_of_phases_and_gates(make_app: Any, copy_root: Any) -> None:
    srcdir = _project(copy_root)
    app = make_app("gettext", srcdir=srcdir)
    app.build()
    template = (app.outdir / "alpha.pot").read_text("utf8")
    for message in TRANSLATIONS:
        assert f'msgid "{message}"' in template, message
    # The configuration's words, each where it is written (relative to the .pot file).
    settings = (app.outdir / "phases-config.pot").read_text("utf8")
    entries = [
        (lines[0], lines[1])
        for lines in (block.splitlines() for block in settings.split("\n\n")[1:])
    ]
    assert entries == [
        ("#: ../../phases.yml:3", 'msgid "Explore"'),
        ("#: ../../phases.yml:4", 'msgid "Deliver"'),
        ("#: ../../standard.yml:1", 'msgid "Service Standard"'),
        ("#: ../../standard.yml:3", 'msgid "Understand users and their needs"'),
        ("#: ../../standard.yml:3", "#: ../../standard.yml:4"),  # "Users", a section
        ("#: ../../standard.yml:4", 'msgid "Solve a whole problem"'),
        ("#: ../../standard.yml:5", 'msgid "Work in the open"'),
        ("#: ../../standard.yml:5", 'msgid "Team"'),
    ]


def test_gettext_takes_conf_py_words_at_their_setting(make_app: Any, copy_root: Any) -> None:
    srcdir = _project(copy_root)
    conf = srcdir / "conf.py"
    edit(
        conf,
        'phases_standards = {"service-standard": "standard.yml"}',
        'phases_standards = {"tcop": [{"id": "1", "title": "Define user needs"}]}',
    )
    with conf.open("a", encoding="utf8") as more:
        more.write('phases_stages = [{"id": "later", "title": "Later", "phases": ["live"]}]\n')
    app = make_app("gettext", srcdir=srcdir)
    app.build()
    settings = (app.outdir / "phases-config.pot").read_text("utf8")
    blocks = [block.splitlines()[:2] for block in settings.split("\n\n")[1:]]
    assert blocks == [
        ["#: ../../phases.yml:3", 'msgid "Explore"'],
        ["#: ../../phases.yml:4", 'msgid "Deliver"'],
        ["#: ../../conf.py:6", 'msgid "Later"'],
        ["#: ../../conf.py:3", 'msgid "Tcop"'],  # titled after its id, there
        ["#: ../../conf.py:3", 'msgid "Define user needs"'],
    ]


def test_one_compact_catalogue_takes_the_configuration_s_words(
    make_app: Any, copy_root: Any
) -> None:
    srcdir = _project(copy_root)
    app = make_app("gettext", srcdir=srcdir, confoverrides={"gettext_compact": "manual"})
    app.build()
    # No catalogue of their own: the configuration's words join the one named. (Sphinx may
    # add sphinx.pot for templates: pydata-sphinx-theme, built earlier in the same process
    # by test_themes, appends to the templates_path default list that every project shares.)
    names = {path.name for path in app.outdir.glob("*.pot")} - {"sphinx.pot"}
    assert names == {"manual.pot"}
    template = (app.outdir / "manual.pot").read_text("utf8")
    for message in (*TRANSLATIONS, "Explore", "Solve a whole problem"):
        assert f'msgid "{message}"' in template, message


def test_a_translated_build_shows_the_translation_everywhere(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = _welsh_project(copy_root)
    messages = srcdir / "locales" / "cy" / "LC_MESSAGES"
    app, _written = build(make_app, srcdir)
    assert phase_warnings(app) == []
    out = app.outdir
    # Its own page: heading, lead, facts, the gate's heading, facts and criteria.
    alpha = _page(out, "alpha.html")
    assert alpha.h1.get_text(strip=True).startswith("Alffa")
    assert _text(alpha.select_one("p.phases-lead")) == "Rhoi cynnig ar y syniadau mwyaf peryglus"
    facts = _text(alpha.select_one("dl.phases-facts:not(.phases-gate__facts)"))
    assert "6 i 8 wythnos" in facts
    assert "Tîm bach" in facts
    gate = alpha.select_one("section.phases-gate")
    assert _text(gate.select_one(".phases-gate__title")) == "Asesiad alffa"
    assert "Panel asesu" in _text(gate.select_one(".phases-gate__facts"))
    # The neighbours' navigation; the overviews, the table, the index and the export.
    assert "Alffa" in _text(_page(out, "discovery.html").select_one("nav.phases-nav"))
    assert "Asesiad alffa" in _text(_page(out, "alpha.html").select_one(".phases-nav__gate"))
    assert "Asesiad alffa" in _text(_page(out, "beta.html").select_one("dl.phases-facts"))
    index = _page(out, "index.html")
    for overview in index.select(".phases-stages, table.phases-table"):
        assert "Alffa" in _text(overview)
        assert "Asesiad alffa" in _text(overview)
    assert "Rhoi cynnig arni." in _text(index.select_one(".phases-stages"))
    phase_index = _text(_page(out, "phases-index.html"))
    assert "Alffa" in phase_index
    assert "Asesiad alffa" in phase_index
    data = json.loads((out / "phases.json").read_text("utf8"))
    assert data["language"] == "cy"
    alpha_data = next(p for p in data["phases"] if p["id"] == "alpha")
    assert (alpha_data["title"], alpha_data["subtitle"], alpha_data["duration"]) == (
        "Alffa",
        "Rhoi cynnig ar y syniadau mwyaf peryglus",
        "6 i 8 wythnos",
    )
    assert alpha_data["summary"] == "Rhoi cynnig arni."
    first = data["gates"][0]
    assert (first["title"], first["authority"]) == ("Asesiad alffa", "Panel asesu")
    assert first["criteria"] == [
        {"text": "Profwyd y rhagdybiaethau mwyaf peryglus", "points": [], "kind": "criteria"}
    ]

    # A stage title: the overviews' stage groups, the table's stage column, the facts of
    # the phases in it, the export; the stage without a translation stays as written.
    stage_titles = [_text(title) for title in index.select(".phases-stage__title")]
    assert stage_titles == ["Cam: Archwilio", "Cam: Deliver"] * 2  # each sequence style
    cells = [_text(row.select("td, th")[1]) for row in index.select("table.phases-table tbody tr")]
    assert cells == ["Archwilio", "Archwilio", "Deliver", "Deliver", "Deliver", "Deliver"]
    for page in ("discovery.html", "alpha.html"):
        facts = _page(out, page).select_one("dl.phases-facts")
        stage = [_text(dt.find_next_sibling("dd")) for dt in facts.select("dt")]
        assert "Archwilio" in stage, page
    assert [(s["id"], s["title"]) for s in data["stages"]] == [
        ("explore", "Archwilio"),
        ("deliver", "Deliver"),
    ]
    # A standard point's title: the listing, the {standard} role, a criterion citing a
    # point, a gate's facts (the standard's title), the export.
    listing = index.select_one(".phases-standard")
    assert [_text(point) for point in listing.select("dd")] == [
        "Understand users and their needs",
        "Datrys problem gyfan",
        "Work in the open",
    ]
    role = index.select_one('a[href="#standard-service-standard-2"]')
    assert _text(role) == "2. Datrys problem gyfan"
    assessed = _page(out, "public-beta.html").select_one(".phases-gate__facts")
    assert "Safon Gwasanaeth: 1, 2, 3" in _text(assessed)
    standard = data["standards"][0]
    assert (standard["title"], standard["points"][1]["title"]) == (
        "Safon Gwasanaeth",
        "Datrys problem gyfan",
    )

    # Editing the catalogue rewrites the pages that show the entry, as a clean build would.
    edit(messages / "alpha.po", '"Asesiad alffa"', '"Asesiad y cyfnod alffa"')
    # Python's gettext keeps each .mo it has read for the life of the process; a real
    # rebuild is a new process, so this one forgets them too.
    gettext._translations.clear()  # type: ignore[attr-defined]
    app, written = build(make_app, srcdir)
    assert written == ["alpha", "beta", "index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path / "phase")

    # So does editing an entry of the configuration's words: a stage title shows in the
    # facts of its phases and in the overviews, this point's title only on the index.
    edit(messages / "phases-config.po", '"Archwilio"', '"Darganfod"')
    gettext._translations.clear()  # type: ignore[attr-defined]
    app, written = build(make_app, srcdir)
    assert written == ["alpha", "discovery", "index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path / "stage")
    edit(messages / "phases-config.po", '"Datrys problem gyfan"', '"Datrys y broblem gyfan"')
    gettext._translations.clear()  # type: ignore[attr-defined]
    app, written = build(make_app, srcdir)
    assert written == ["index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path / "point")
    assert (
        "Datrys y broblem gyfan"
        in json.loads((app.outdir / "phases.json").read_text("utf8"))["standards"][0]["points"][1][
            "title"
        ]
    )


def test_a_parallel_translated_build_equals_a_serial_one(make_app: Any, copy_root: Any) -> None:
    built = []
    for dest, parallel in (("serial", 0), ("parallel", 2)):
        srcdir = _welsh_project(copy_root, dest)
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        built.append(app.outdir)
    serial, parallel_out = built
    names = sorted(path.name for path in serial.glob("*.html"))
    assert names == sorted(path.name for path in parallel_out.glob("*.html"))
    for name in [*names, "phases.json"]:
        assert (serial / name).read_text("utf8") == (parallel_out / name).read_text("utf8"), name
    assert "Archwilio" in (serial / "phases.json").read_text("utf8")


def test_an_unreadable_catalogue_is_one_warning(make_app: Any, copy_root: Any) -> None:
    srcdir = _project(copy_root)
    messages = srcdir / "locales" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "phases-config.mo").write_bytes(b"not a catalogue")
    app = make_app("html", srcdir=srcdir, confoverrides={"language": "cy"})
    app.build()
    assert phase_warnings(app) == [
        # A file with no lines: Sphinx writes its path and an empty line number.
        "locales/cy/LC_MESSAGES/phases-config.mo:: WARNING: the catalogue 'phases-config.mo' "
        "cannot be read (Bad magic number); expected a compiled .mo file (Sphinx compiles "
        "each .po file it finds); the words it translates stay as written [phases.config]"
    ]
    index = _page(app.outdir, "index.html")
    assert [_text(t) for t in index.select(".phases-stage__title")][:2] == [
        "Cam: Explore",
        "Cam: Deliver",
    ]

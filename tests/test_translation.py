"""A manual in another language, the Sphinx way: ``gettext`` extracts a phase's and a
gate's words, a catalogue translates them, and a ``language`` build shows the translation
everywhere those words appear; editing the catalogue rewrites exactly the pages showing
the entry."""

from __future__ import annotations

import gettext
import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from tests.conftest import phase_warnings
from tests.test_incremental import assert_same_as_clean, build, edit

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


def _po(entries: dict[str, str]) -> str:
    body = "".join(f'\nmsgid "{k}"\nmsgstr "{v}"\n' for k, v in entries.items())
    return 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + body


def _page(outdir: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / name).read_text("utf8"), "html.parser")


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def _project(copy_root: Any) -> Path:
    srcdir = copy_root("gates")
    (srcdir / "alpha.md").write_text(ALPHA)
    with (srcdir / "conf.py").open("a", encoding="utf8") as conf:
        conf.write('locale_dirs = ["locales"]\n')
    return srcdir


def test_gettext_extracts_the_words_of_phases_and_gates(make_app: Any, copy_root: Any) -> None:
    srcdir = _project(copy_root)
    app = make_app("gettext", srcdir=srcdir)
    app.build()
    template = (app.outdir / "alpha.pot").read_text("utf8")
    for message in TRANSLATIONS:
        assert f'msgid "{message}"' in template, message


def test_a_translated_build_shows_the_translation_everywhere(
    make_app: Any, copy_root: Any, tmp_path: Path
) -> None:
    srcdir = _project(copy_root)
    messages = srcdir / "locales" / "cy" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "alpha.po").write_text(_po(TRANSLATIONS))
    with (srcdir / "conf.py").open("a", encoding="utf8") as conf:
        conf.write('language = "cy"\n')
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
    assert first["criteria"] == [{"text": "Profwyd y rhagdybiaethau mwyaf peryglus", "points": []}]

    # Editing the catalogue rewrites the pages that show the entry, as a clean build would.
    edit(messages / "alpha.po", '"Asesiad alffa"', '"Asesiad y cyfnod alffa"')
    # Python's gettext keeps each .mo it has read for the life of the process; a real
    # rebuild is a new process, so this one forgets them too.
    gettext._translations.clear()  # type: ignore[attr-defined]
    app, written = build(make_app, srcdir)
    assert written == ["alpha", "beta", "index"]
    assert_same_as_clean(make_app, app, srcdir, tmp_path)

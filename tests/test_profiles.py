"""Profiles and labels: a life cycle's own words, looked up in the documented order."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sphinx.locale
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from tests.conftest import phase_warnings

from sphinx_phases.core.labels import message_ids
from sphinx_phases.core.profile import BUILTIN, MEANS, builtin, load_profile

PAGES = {
    "index.md": "# Manual\n\n```{toctree}\ndiscovery\nscoping\n```\n",
    "discovery.md": "# Discovery\n\n```{phase} discovery\n:next: scoping\n\nFind ideas.\n```\n",
    "scoping.md": "# Scoping\n\n```{phase} scoping\n:previous: discovery\n\nLook closer.\n```\n",
}


def _project(tmp_path: Path, conf: str, extra: dict[str, str] | None = None) -> Path:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_phases"]\n' + conf)
    for name, text in {**PAGES, **(extra or {})}.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        (srcdir / name).write_text(text)
    return srcdir


@pytest.fixture(autouse=True)
def _fresh_translators(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sphinx keeps each catalogue's translator for the process.
    monkeypatch.setattr(sphinx.locale, "translators", {})


def _nav(app: SphinxTestApp, page: str) -> str:
    soup = BeautifulSoup((app.outdir / page).read_text("utf8"), "html.parser")
    nav = soup.select_one("nav.phases-nav")
    assert nav is not None
    return " ".join(nav.get_text(" ").split())


@pytest.mark.parametrize("name", BUILTIN)
def test_every_builtin_profile_reads_cleanly_and_speaks_known_messages(name: str) -> None:
    profile = builtin(name)
    assert profile.decisions
    assert {d.means for d in profile.decisions} <= set(MEANS)
    assert profile.decision("pending") is not None
    assert profile.criteria
    assert set(profile.labels_for("en")) <= set(message_ids())
    phase_ids = {phase_id for phase_id, _title in profile.phases}
    for _gate, _title, after, before in profile.gates:
        assert {after, before} <= phase_ids


def test_stage_gate_words_replace_phase_in_the_navigation_and_indexes(
    make_app: Any, tmp_path: Path
) -> None:
    app = make_app("html", srcdir=_project(tmp_path, 'phases_profile = "stage-gate"\n'))
    app.build()
    assert phase_warnings(app) == []
    nav = _nav(app, "discovery.html")
    assert nav == "This is the first stage Next, the final stage : Scoping"
    assert "phase" not in _nav(app, "scoping.html").lower()
    assert (app.outdir / "phases-index.html").is_file()
    index = (app.outdir / "phases-index.html").read_text("utf8")
    assert "Stage index" in index


def test_labels_beat_the_project_catalogue_which_beats_the_profile(
    make_app: Any, tmp_path: Path
) -> None:
    catalogue = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Next, the final phase"\nmsgstr "Loses to phases_labels"\n\n'
        'msgid "This is the first phase"\nmsgstr "Start here"\n'
    )
    srcdir = _project(
        tmp_path,
        'phases_profile = "stage-gate"\nphases_labels = {"Next, the final phase": "Last"}\n',
        {"locales/en/LC_MESSAGES/sphinx_phases.po": catalogue},
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == []
    # phases_labels over the catalogue, the catalogue over the profile:
    assert _nav(app, "discovery.html") == "Start here Last : Scoping"
    assert "Stage index" in (app.outdir / "phases-index.html").read_text("utf8")  # profile


def test_a_project_profile_file_and_its_mistakes(make_app: Any, tmp_path: Path) -> None:
    profile = (
        "title: Procurement\n"
        'labels:\n  en: {"Next, the final phase": "Last step", Nxt phase: x}\n'
        "decisions:\n"
        "  - {id: award, label: Award, means: proceed}\n"
        "  - {id: retender, label: Retender}\n"
        "  - {id: drop, label: Drop, means: vanish}\n"
    )
    srcdir = _project(tmp_path, 'phases_profile = "profile.yml"\n', {"profile.yml": profile})
    loaded, problems = load_profile("profile.yml", srcdir, srcdir)
    assert [d.id for d in loaded.decisions] == ["award"]
    # Each mistake at its own line, the unknown label id too (issue 23, "Bad input").
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (3, "profile: labels 'en' renames 'Nxt phase', which is not a message of the extension"),
        (6, "profile: a decision has no means"),
        (7, "profile: decision 'drop' means 'vanish'"),
    ]
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = phase_warnings(app)
    assert len(warnings) == 3
    assert "Last step" in _nav(app, "discovery.html")
    unknown = [w for w in warnings if "'Nxt phase', which is not a message" in w]
    assert len(unknown) == 1
    assert unknown[0].startswith("profile.yml:3: WARNING: ")
    assert "did you mean 'Next phase'" in unknown[0]


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        ("no-such", "is not a built-in profile"),
        ("../outside.yml", "outside the project"),
        ("missing.yml", "phases_profile names 'missing.yml'"),
    ],
)
def test_a_profile_that_cannot_be_used_falls_back_with_one_warning(
    make_app: Any, tmp_path: Path, value: str, phrase: str
) -> None:
    (tmp_path / "outside.yml").write_text("title: Outside\n")
    app = make_app("html", srcdir=_project(tmp_path, f"phases_profile = {value!r}\n"))
    app.build()
    warnings = phase_warnings(app)
    assert len(warnings) == 1
    assert warnings[0].startswith("conf.py:2: WARNING: ")
    assert phrase in warnings[0]
    assert "the final phase" in _nav(app, "discovery.html")  # the default profile's words


def test_the_default_profile_asks_the_default_questions() -> None:
    from sphinx_phases.core.config import DEFAULT_QUESTIONS

    assert dict(builtin("gov-uk").questions) == DEFAULT_QUESTIONS
    assert list(builtin("gov-uk").questions) == list(DEFAULT_QUESTIONS)


GATED = {
    "discovery.md": "# Discovery\n\n```{phase} discovery\n:next: scoping\n\nFind ideas.\n```\n\n"
    "```{phase-gate} gate-1\n:title: Gate 1: Idea Screen\n:outcome: OUTCOME\n\n"
    "- The idea fits the strategy\n```\n",
}


@pytest.mark.parametrize("builder", ["html", "text", "latex"])
def test_a_gate_records_a_decision_of_the_profile_in_its_words(
    make_app: Any, tmp_path: Path, builder: str
) -> None:
    pages = {"discovery.md": GATED["discovery.md"].replace("OUTCOME", "recycle")}
    srcdir = _project(tmp_path, 'phases_profile = "stage-gate"\n', pages)
    (srcdir / "index.md").write_text(PAGES["index.md"] + "\n```{phase-sequence}\n```\n")
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert phase_warnings(app) == []
    if builder == "html":
        soup = BeautifulSoup((app.outdir / "index.html").read_text("utf8"), "html.parser")
        tag = soup.select_one(".phases-sequence__gate .phases-tag")
        assert tag is not None
        # Read with what it is; shown as the decision's word alone.
        assert tag.get_text() == "Outcome: Recycle"
        assert tag.select_one(".phases-hidden").get_text() == "Outcome: "
        assert "phases-tag--means-return" in tag["class"]
        exported = (app.outdir / "phases.json").read_text("utf8")
        assert '"outcome": "recycle"' in exported
        assert '"outcome_means": "return"' in exported
    elif builder == "text":
        assert "Gate 1: Idea Screen [Recycle]" in (app.outdir / "index.txt").read_text("utf8")
    else:
        tex = next(Path(app.outdir).glob("*.tex")).read_text("utf8")
        assert r"{[}\DUrole{phases-tag}{\DUrole{phases-tag--recycle}" in tex


def test_an_outcome_the_profile_lacks_is_one_located_warning(
    make_app: Any, tmp_path: Path
) -> None:
    pages = {"discovery.md": GATED["discovery.md"].replace("OUTCOME", "met")}
    app = make_app("html", srcdir=_project(tmp_path, 'phases_profile = "stage-gate"\n', pages))
    app.build()
    assert phase_warnings(app) == [
        "discovery.md:11: WARNING: phase-gate: outcome 'met' is not valid: expected one of "
        "the profile's decisions: pending, go, kill, hold, recycle [phases.option]"
    ]


_NAMED = re.compile(r"\b(phases?|stages?|gates?)\b", re.IGNORECASE)


def _renamed(message: str) -> str:
    """*message* with every word naming a phase, stage or gate replaced, placeholders kept."""
    swap = {"phase": "step", "phases": "steps", "stage": "group", "stages": "groups"}
    swap |= {"gate": "checkpoint", "gates": "checkpoints"}

    def one(match: re.Match[str]) -> str:
        word = swap[match.group(0).lower()]
        return word.capitalize() if match.group(0)[0].isupper() else word

    parts = re.split(r"(\{[^}]*\})", message)  # placeholders stay as they are
    return "".join(p if p.startswith("{") else _NAMED.sub(one, p) for p in parts)


def _latex_words(tex: str) -> str:
    """What a LaTeX file prints: its body without commands and without the identifiers
    of labels, references, classes and roles (``phase-discovery``, ``phases-nav__label``:
    lower-case names with a ``-``, ``_`` or ``:``, which no reader sees)."""
    body = tex.split("\\begin{document}", 1)[-1]
    body = re.sub(r"DUrole[a-z0-9_-]+", " ", body)
    body = re.sub(r"[\{\[][a-z0-9:_.-]*[-_:][a-z0-9:_.-]*[\}\]]", " ", body)
    return re.sub(r"\\[A-Za-z@]+\*?", " ", body)


@pytest.mark.parametrize("builder", ["html", "text", "latex"])
def test_a_profile_that_renames_every_part_leaves_no_generated_part_word(
    make_app: Any, tmp_path: Path, builder: str
) -> None:
    labels = {m: _renamed(m) for m in message_ids() if _NAMED.search(m)}
    profile = "title: Plain words\nlabels:\n  en:\n" + "".join(
        f"    {json.dumps(k)}: {json.dumps(v)}\n" for k, v in labels.items()
    )
    pages = {
        "profile.yml": profile,
        "index.md": PAGES["index.md"] + "\n```{phase-sequence}\n```\n\n```{phase-table}\n"
        ":columns: title, status, stage, gate\n```\n",
        "discovery.md": PAGES["discovery.md"]
        + "\n```{phase-gate} check\n:title: First check\n:outcome: met\n\n- Ideas found\n```\n",
    }
    conf = (
        'phases_profile = "profile.yml"\n'
        'phases_stages = [{"id": "early", "title": "Early", "phases": ["discovery", "scoping"]}]\n'
    )
    app = make_app(builder, srcdir=_project(tmp_path, conf, pages))
    app.build()
    assert phase_warnings(app) == []
    found = []
    suffix = {"html": "*.html", "text": "*.txt", "latex": "*.tex"}[builder]
    for page in sorted(Path(app.outdir).glob(suffix)):
        text = page.read_text("utf8")
        if builder == "latex":
            text = _latex_words(text)
        if builder == "html":
            soup = BeautifulSoup(text, "html.parser")
            for hidden in soup(["script", "style"]):
                hidden.decompose()
            named = [t.get(a, "") for t in soup.find_all(True) for a in ("aria-label", "title")]
            text = soup.get_text(" ") + " " + " ".join(str(n) for n in named)
        found += [f"{page.name}: {m.group(0)}" for m in _NAMED.finditer(text)]
    assert found == []

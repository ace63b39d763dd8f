"""The sites that ``site_overhead.py`` builds: one manual of N phases, written four ways.

Every variant is a ``Variant``: the Sphinx extension its ``conf.py`` loads (besides
MyST), the settings it adds, and the functions writing a phase page and the overview
page. The gated variants add a gate after every third top-level phase, assessed
against a 14-point standard that each gate's criteria cite.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sphinx_phases

PICTOGRAMS = Path(sphinx_phases.__file__).parent / "pictograms"
PER_PART = 50
OUTPUTS = [("website", "Live service"), ("discussion", "User feedback"), ("team", "Team size")]
PHASE_PICTOGRAMS = ["discovery", "alpha", "beta", "live", "retirement"]
BANNER = {
    "draft": ("Draft", "This page is a draft: it may be incomplete or change completely."),
    "review": ("In review", "This page is being reviewed: it may still change."),
}
QUESTION_TITLES = {
    "objective": "What is the objective of {noun}?",
    "contents": "What should be in {noun}?",
    "team": "Who do I need?",
}
DURATION = "6 to 8 weeks"
TEAM = "Service manager, Developers"
PROSE = (
    "The team works in short cycles, shows its work to the people who will use the "
    "service, and writes down what it learns so that the next phase starts from evidence "
    "rather than from assumptions. Each cycle ends with a decision: carry on, change "
    "course or stop."
)

CONF = """\
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "ext"))
project = "Benchmark manual"
extensions = ["myst_parser"{extra}]
html_theme = "alabaster"
html_sidebars = {{"**": []}}
if os.environ.get("BENCH_PAGES_LOG"):
    extensions.append("bench_record")
{settings}"""

# sphinx-needs 9: need types, fields and link types (needs_links replaces the deprecated
# needs_extra_links). Each phase is a need of type "need", titled "Phase".
NEEDS_SETTINGS = """\
needs_types = [
    {"directive": "need", "title": "Phase", "prefix": "PHASE_", "color": "#BFD8D2",
     "style": "node"},
]
needs_id_required = True
needs_id_regex = r"^PHASE_P[0-9]{4}$"
needs_fields = {
    "duration": {"schema": {"type": "string"}},
    "team": {"schema": {"type": "string"}},
}
# "duration" is the phase's own text field, not needgantt's number of days.
needs_duration_option = "gantt_duration"
needs_links = {
    "previous": {"incoming": "followed by", "outgoing": "previous"},
    "next": {"incoming": "preceded by", "outgoing": "next"},
}
"""

STUB_EXTENSION = '''\
"""The floor: the phase markup parsed, nothing resolved, checked or generated."""
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

OPTIONS = ["title", "subtitle", "previous", "next", "parent", "loops-to", "status",
           "pictogram", "color", "noun", "duration", "team", "caption", "phase",
           "style", "columns", "after", "before", "authority", "standard", "outcome",
           "date", "ratings", "coverage"]


class Block(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {name: directives.unchanged for name in OPTIONS}

    def run(self):
        node = nodes.container()
        node += self.parse_content_to_nodes()
        return [node]


class Question(Block):
    def run(self):
        section = nodes.section(ids=["question-" + self.arguments[0]])
        section += nodes.title(self.arguments[0], self.arguments[0])
        section += self.parse_content_to_nodes()
        return [section]


class Text(SphinxRole):
    def run(self):
        return [nodes.inline(self.text, self.text)], []


def setup(app):
    for name in ["phase", "phase-outputs", "phase-activities", "phase-nav",
                 "phase-sequence", "phase-table", "phase-gate", "phase-standard"]:
        app.add_directive(name, Block)
    app.add_directive("phase-question", Question)
    for name in ["phase", "pictogram", "gate", "standard"]:
        app.add_role(name, Text())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''

RECORD_EXTENSION = '''\
"""Append every page written to $BENCH_PAGES_LOG: "doc NAME" or "extra NAME"."""
import os


def record(app, pagename, templatename, context, doctree):
    kind = "doc" if doctree is not None else "extra"
    with open(os.environ["BENCH_PAGES_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{kind} {pagename}\\n")


def setup(app):
    app.connect("html-page-context", record)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
'''


# -- the site's structure, shared by every variant ---------------------------------------


class Manual:
    """N phases: p{i} is a sub-phase of p{i-1} when i % 10 == 9, top-level otherwise."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.top = [i for i in range(size) if not self.is_sub(i)]
        self.top_index = {i: k for k, i in enumerate(self.top)}

    @staticmethod
    def is_sub(i: int) -> bool:
        return i % 10 == 9

    def doc(self, i: int) -> str:
        return f"p{i:04d}"

    def need_id(self, i: int) -> str:
        return f"PHASE_P{i:04d}"

    def part(self, i: int) -> str:
        return f"part-{i // PER_PART:02d}"

    def parts(self) -> list[str]:
        return sorted({self.part(i) for i in range(self.size)})

    def previous(self, i: int) -> int | None:
        if self.is_sub(i):
            return None  # the only sub-phase of its parent: first and last of its group
        k = self.top_index[i]
        return self.top[k - 1] if k > 0 else None

    def next(self, i: int) -> int | None:
        if self.is_sub(i):
            return None
        k = self.top_index[i]
        return self.top[k + 1] if k + 1 < len(self.top) else None

    def parent(self, i: int) -> int | None:
        return i - 1 if self.is_sub(i) else None

    def child(self, i: int) -> int | None:
        return i + 1 if i + 1 < self.size and self.is_sub(i + 1) else None

    def loops_to(self, i: int) -> int | None:
        return i - 50 if i % 100 == 50 else None

    def explicit_links(self, i: int) -> bool:
        return not self.is_sub(i) and self.top_index[i] % 3 == 0

    def status(self, i: int) -> str:
        return {3: "draft", 5: "review"}.get(i % 7, "published")

    def pictogram(self, i: int) -> str | None:
        return PHASE_PICTOGRAMS[(i // 5) % 5] if i % 5 == 0 else None

    def questions(self, i: int) -> list[str]:
        return ["objective", "contents", "team"] if i % 2 == 0 else ["objective", "team"]

    def referenced(self, i: int) -> list[int]:
        """The phases that page i names with {phase} roles, in page order."""
        targets = [self.previous(i), self.next(i), i + 10 if i + 10 < self.size else None]
        return [t for t in targets if t is not None]

    def gated(self, i: int) -> bool:
        """A gate stands after every third top-level phase that has a next one."""
        return not self.is_sub(i) and self.next(i) is not None and self.top_index[i] % 3 == 2

    def title(self, i: int, titles: dict[int, str]) -> str:
        return titles.get(i, f"Phase {i}")

    def summary(self, i: int) -> str:
        return f"Phase {i} turns what the team has learned into a working part of the service."

    def answer(self, i: int, key: str) -> str:
        return f"The {key} of phase {i} is set by the team at its start. {PROSE}"


Titles = dict[int, str]


class SplitManual(Manual):
    """The same phases in *cycles* folders of consecutive pages (``lc0/``...), each page
    linking only within its folder: one site's worth of pages, to build as one life cycle
    (``split``) or as one life cycle per folder (``lifecycles``)."""

    def __init__(self, size: int, cycles: int) -> None:
        super().__init__(size)
        self.cycles = cycles
        self.block_size = max(1, size // cycles)

    def block(self, i: int) -> int:
        return min(i // self.block_size, self.cycles - 1)

    def doc(self, i: int) -> str:
        return f"lc{self.block(i)}/p{i:04d}"

    def part(self, i: int) -> str:
        return f"lc{self.block(i)}/part-{i // PER_PART:02d}"

    def _within(self, i: int, t: int | None) -> int | None:
        return t if t is not None and self.block(t) == self.block(i) else None

    def previous(self, i: int) -> int | None:
        return self._within(i, super().previous(i))

    def next(self, i: int) -> int | None:
        return self._within(i, super().next(i))

    def referenced(self, i: int) -> list[int]:
        return [t for t in super().referenced(i) if self.block(t) == self.block(i)]

    def loops_to(self, i: int) -> int | None:
        return self._within(i, super().loops_to(i))

    def lifecycles(self) -> str:
        entries = ", ".join(f'"lc{k}": {{"root": "lc{k}/"}}' for k in range(self.cycles))
        return f"phases_lifecycles = {{{entries}}}\n"


# -- phases (and stub): the phase markup -------------------------------------------------


def phase_page(m: Manual, i: int, titles: Titles, edited: bool = False) -> str:
    title = m.title(i, titles)
    options = [f":title: {title}"]
    if m.explicit_links(i):
        prev, nxt = m.previous(i), m.next(i)
        options += [f":previous: p{prev}"] if prev is not None else []
        options += [f":next: p{nxt}"] if nxt is not None else []
    if m.parent(i) is not None:
        options.append(f":parent: p{m.parent(i)}")
    if m.loops_to(i) is not None:
        options.append(f":loops-to: p{m.loops_to(i)}")
    if m.status(i) != "published":
        options.append(f":status: {m.status(i)}")
    if m.pictogram(i):
        options.append(f":pictogram: {m.pictogram(i)}")
    options += [f":duration: {DURATION}", f":team: {TEAM}"]
    roles = ", ".join(f"{{phase}}`p{t}`" for t in m.referenced(i))
    lines = [
        f"# {title}",
        "",
        f"```{{phase}} p{i}",
        *options,
        "",
        m.summary(i),
        "```",
        "",
        f"{PROSE} See also {roles}." + (" Edited." if edited else ""),
        "",
        "```{phase-outputs}",
        ":caption: Typical outputs and activities",
        "",
        *(f"- {{pictogram}}`{name}` {label}" for name, label in OUTPUTS),
        "```",
        "",
    ]
    for key in m.questions(i):
        lines += [f"```{{phase-question}} {key}", m.answer(i, key), "", PROSE, "```", ""]
    return "\n".join(lines)


def phase_overview(m: Manual, titles: Titles) -> str:
    lines = [*overview_intro()]
    lines += ["```{phase-sequence}", "```", ""]
    lines += ["```{phase-table}", ":columns: title, status, duration, objective", "```", ""]
    return "\n".join(lines)


def lifecycles_overview(m: Manual, titles: Titles) -> str:
    """An overview of each life cycle: together, the rows of one overview of the split
    site."""
    assert isinstance(m, SplitManual)
    lines = [*overview_intro()]
    for k in range(m.cycles):
        lines += ["```{phase-sequence}", f":lifecycle: lc{k}", "```", ""]
        lines += ["```{phase-table}", f":lifecycle: lc{k}"]
        lines += [":columns: title, status, duration, objective", "```", ""]
    return "\n".join(lines)


# -- gated: a gate on every third boundary, assessed against a 14-point standard --------

POINTS = 14
# Criteria and the points they cite; every gate assesses all the points.
CRITERIA = [
    ("The team knows who its users are and what they need", (1, 2)),
    ("The whole journey was tried with people who will use it", (3,)),
    ("The plan for the next phase names the skills it still lacks", (6,)),
    ("The technology chosen can be changed later", (11,)),
]
GATE_TEXT = "A panel decides whether the team is ready to start the next phase."
STANDARD_YAML = "\n".join(
    ["title: Benchmark standard", "points:"]
    + [f"  - id: {n}\n    title: Point {n} of the benchmark standard" for n in range(1, 15)]
)


def gate_title(m: Manual, i: int, titles: Titles) -> str:
    return f"Assessment after {m.title(i, titles)}"


def gate_markup(m: Manual, i: int, titles: Titles) -> list[str]:
    if not m.gated(i):
        return []
    cite = "{standard}"
    return [
        f"```{{phase-gate}} g{i:04d}",
        f":title: {gate_title(m, i, titles)}",
        ":authority: An assessment panel",
        ":standard: all",
        ":outcome: met",
        ":date: 2026-03-12",
        "",
        GATE_TEXT,
        "",
        *(f"- {text} " + " ".join(f"{cite}`{p}`" for p in points) for text, points in CRITERIA),
        "```",
        "",
    ]


def gated_phase_page(m: Manual, i: int, titles: Titles) -> str:
    return phase_page(m, i, titles) + "\n".join(gate_markup(m, i, titles))


def gated_phase_extra(m: Manual) -> dict[str, str]:
    return {
        "standard.yml": STANDARD_YAML + "\n",
        "standard.md": "# Benchmark standard\n\n```{phase-standard}\n```\n",
    }


def gated_plain_page(m: Manual, i: int, titles: Titles) -> str:
    """The plain page with its gate written by hand: a section, the decision in words,
    the criteria linking to the standard's points, and the note on the next link."""
    page = handwritten_page(m, i, titles, needs=False)
    if not m.gated(i):
        return page
    nav = page.rstrip("\n").rsplit("\n", 1)[1]
    gate = gate_title(m, i, titles)
    lines = [
        f"(g{i:04d})=",
        f"## {gate}",
        "",
        "**Decided by** An assessment panel. **Points assessed** 1 to 14. "
        "**Outcome** Met, 2026-03-12.",
        "",
        GATE_TEXT,
        "",
        "**Criteria**",
        "",
        *(
            f"- {text} " + " ".join(f"{{ref}}`Point {p} <point-{p}>`" for p in points)
            for text, points in CRITERIA
        ),
        "",
        nav.replace(" | Next phase:", f" | After the {{ref}}`{gate} <g{i:04d}>`, next phase:"),
        "",
    ]
    body = page.rstrip("\n").rsplit("\n", 1)[0]
    return body + "\n" + "\n".join(lines)


def gated_plain_extra(m: Manual) -> dict[str, str]:
    lines = ["# Benchmark standard", ""]
    for n in range(1, POINTS + 1):
        lines += [f"(point-{n})=", f"## {n}. Point {n} of the benchmark standard", ""]
    return {"standard.md": "\n".join(lines)}


def gated_plain_overview(m: Manual, titles: Titles) -> str:
    """The plain overview, with a step for each gate in the hand-made list."""
    return plain_overview(m, titles, gates=True)


# -- plain and needs: written by hand ----------------------------------------------------


def plain_page(m: Manual, i: int, titles: Titles) -> str:
    return handwritten_page(m, i, titles, needs=False)


def needs_page(m: Manual, i: int, titles: Titles) -> str:
    return handwritten_page(m, i, titles, needs=True)


def handwritten_page(m: Manual, i: int, titles: Titles, needs: bool) -> str:
    """The plain page; with needs, the summary is a need and references are need roles."""
    title = m.title(i, titles)
    lines = [f"# {title}", ""]
    if m.status(i) in BANNER:
        tag, text = BANNER[m.status(i)]
        lines += [f"**{tag}** {text}", ""]
    if needs:
        lines += need_directive(m, i, titles)
        links = ", ".join(f"{{need}}`{m.need_id(t)}`" for t in m.referenced(i))
    else:
        lines += [m.summary(i), ""]
        links = ", ".join(page_link(m, t, titles) for t in m.referenced(i))
    lines += [
        f"{PROSE} See also {links}.",
        "",
        "**Typical outputs and activities**",
        "",
        *(f"- ![](_pictograms/{name}.svg) {label}" for name, label in OUTPUTS),
        "",
    ]
    noun = f"the {title.lower()} phase"
    for key in m.questions(i):
        heading = QUESTION_TITLES[key].format(noun=noun)
        lines += [f"## {heading}", "", m.answer(i, key), "", PROSE, ""]
    lines += [" | ".join(handwritten_nav(m, i, titles)), ""]
    return "\n".join(lines)


def need_directive(m: Manual, i: int, titles: Titles) -> list[str]:
    options = [f":id: {m.need_id(i)}", f":status: {m.status(i)}"]
    prev, nxt = m.previous(i), m.next(i)
    options += [f":previous: {m.need_id(prev)}"] if prev is not None else []
    options += [f":next: {m.need_id(nxt)}"] if nxt is not None else []
    options += [f":duration: {DURATION}", f":team: {TEAM}"]
    return [f"```{{need}} {m.title(i, titles)}", *options, "", m.summary(i), "```", ""]


def page_link(m: Manual, t: int, titles: Titles) -> str:
    return f"[{m.title(t, titles)}]({m.doc(t)}.md)"


def handwritten_nav(m: Manual, i: int, titles: Titles) -> list[str]:
    nav = []
    prev, nxt = m.previous(i), m.next(i)
    if prev is not None:
        nav.append(f"Previous phase: {page_link(m, prev, titles)}")
    if nxt is not None:
        label = "Final phase" if nxt == m.top[-1] else "Next phase"
        nav.append(f"{label}: {page_link(m, nxt, titles)}")
    related = [
        ("Part of", m.parent(i)),
        ("Sub-phase", m.child(i)),
        ("Go back to", m.loops_to(i)),
    ]
    nav += [f"{label}: {page_link(m, t, titles)}" for label, t in related if t is not None]
    return nav


def overview_intro() -> list[str]:
    return ["# Overview", "", "Every phase of the service, in order.", ""]


def handwritten_sequence(m: Manual, titles: Titles, gates: bool = False) -> list[str]:
    lines = []
    for number, i in enumerate(m.top, start=1):
        pic = f"![](_pictograms/{m.pictogram(i)}.svg) " if m.pictogram(i) else ""
        status = f" *{BANNER[m.status(i)][0]}*" if m.status(i) in BANNER else ""
        lines += [f"{number}. {pic}{page_link(m, i, titles)}{status}", ""]
        lines += [f"   {m.summary(i)}", ""]
        child = m.child(i)
        if child is not None:
            lines += [f"   1. {page_link(m, child, titles)}", ""]
        if gates and m.gated(i):
            lines += [f"   Gate: {{ref}}`{gate_title(m, i, titles)} <g{i:04d}>`", ""]
    return lines


def plain_overview(m: Manual, titles: Titles, gates: bool = False) -> str:
    lines = [*overview_intro(), *handwritten_sequence(m, titles, gates)]
    lines += ["| Phase | Status | Duration | Objective |", "|---|---|---|---|"]
    for i in range(m.size):
        first = m.answer(i, "objective")
        lines.append(f"| {page_link(m, i, titles)} | {m.status(i)} | {DURATION} | {first} |")
    return "\n".join(lines) + "\n"


def needs_overview(m: Manual, titles: Titles) -> str:
    lines = [*overview_intro(), *handwritten_sequence(m, titles)]
    lines += ["```{needtable}", ":columns: id, title, status, duration", ":style: table"]
    return "\n".join([*lines, "```", ""])


# -- the variants ------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    name: str
    extension: str | None  # loaded besides myst_parser
    page: Callable[[Manual, int, Titles], str]
    overview: Callable[[Manual, Titles], str]
    settings: str = ""  # appended to conf.py
    pictograms: bool = False  # copy the SVG pictograms for Markdown images
    requires: tuple[str, str] | None = None  # (module, distribution) it needs, else skipped
    extra: Callable[[Manual], dict[str, str]] | None = None  # more files; pages join the index
    cycles: int = 0  # pages in this many folders (SplitManual); 0: all at the top
    lifecycles: bool = False  # one life cycle per folder (phases_lifecycles)

    def missing(self) -> str | None:
        """Why this variant cannot be built with this interpreter, or None."""
        if self.requires and importlib.util.find_spec(self.requires[0]) is None:
            module, distribution = self.requires
            return f"{module} cannot be imported (pip install {distribution})"
        return None


VARIANTS = {
    v.name: v
    for v in (
        Variant("plain", None, plain_page, plain_overview, pictograms=True),
        Variant("stub", "stub_phases", phase_page, phase_overview),
        Variant("phases", "sphinx_phases", phase_page, phase_overview),
        Variant(
            "needs",
            "sphinx_needs",
            needs_page,
            needs_overview,
            settings=NEEDS_SETTINGS,
            pictograms=True,
            requires=("sphinx_needs", "sphinx-needs"),
        ),
        Variant(
            "gated-plain",
            None,
            gated_plain_page,
            gated_plain_overview,
            pictograms=True,
            extra=gated_plain_extra,
        ),
        Variant(
            "gated-stub", "stub_phases", gated_phase_page, phase_overview, extra=gated_phase_extra
        ),
        Variant(
            "gated",
            "sphinx_phases",
            gated_phase_page,
            phase_overview,
            settings='phases_standards = {"bench": "standard.yml"}\n',
            extra=gated_phase_extra,
        ),
        Variant("split", "sphinx_phases", phase_page, phase_overview, cycles=10),
        Variant(
            "lifecycles",
            "sphinx_phases",
            phase_page,
            lifecycles_overview,
            cycles=10,
            lifecycles=True,
        ),
    )
}


def write_site(root: Path, name: str, m: Manual, titles: Titles | None = None) -> Path:
    """Write (or rewrite) one variant's sources under root/name/src; return that folder."""
    variant = VARIANTS[name]
    titles = titles or {}
    src = root / name / "src"
    src.mkdir(parents=True, exist_ok=True)
    extra = f', "{variant.extension}"' if variant.extension else ""
    settings = variant.settings
    if variant.cycles:
        m = SplitManual(m.size, variant.cycles)
        settings += m.lifecycles() if variant.lifecycles else ""
        for k in range(variant.cycles):
            (src / f"lc{k}").mkdir(exist_ok=True)
    write_text(src / "conf.py", CONF.format(extra=extra, settings=settings))
    if variant.pictograms:
        shutil.copytree(PICTOGRAMS, src / "_pictograms", dirs_exist_ok=True)
    parts = m.parts()
    files = variant.extra(m) if variant.extra else {}
    for filename, text in files.items():
        write_text(src / filename, text)
    pages = [filename[:-3] for filename in files if filename.endswith(".md")]
    index = ["# Benchmark manual", "", "```{toctree}", ":maxdepth: 1", "", "overview", *pages]
    index += parts
    write_text(src / "index.md", "\n".join([*index, "```", ""]))
    write_text(src / "overview.md", variant.overview(m, titles))
    for part in parts:
        members = [m.doc(i) for i in range(m.size) if m.part(i) == part]
        text = [f"# Part {part[-2:]}", "", PROSE, "", "```{toctree}", ":maxdepth: 1", ""]
        here = part.rpartition("/")[0]  # a toctree names its pages from its own folder
        members = [d.removeprefix(here + "/") if here else d for d in members]
        write_text(src / f"{part}.md", "\n".join([*text, *members, "```", ""]))
    for i in range(m.size):
        write_text(src / f"{m.doc(i)}.md", variant.page(m, i, titles))
    return src


def write_text(path: Path, text: str) -> None:
    """Write only when the text changes, so an incremental build sees only real edits."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def write_extensions(root: Path) -> None:
    ext = root / "ext"
    ext.mkdir(parents=True, exist_ok=True)
    (ext / "stub_phases.py").write_text(STUB_EXTENSION, encoding="utf-8")
    (ext / "bench_record.py").write_text(RECORD_EXTENSION, encoding="utf-8")

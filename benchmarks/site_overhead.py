"""What sphinx-phases costs a whole HTML build, against plain MyST and a do-nothing stub.

    python benchmarks/site_overhead.py [--sizes 300 1000] [--repeat 3] [--profile]
        [--no-rebuilds] [--keep DIR]

For each size N it generates, in a temporary folder, three sites with the same text:

``phases``
    N phase pages, each with a ``phase`` directive (explicit previous/next on every
    third top-level phase, the rest from the toctree; a sub-phase per ten pages, a loop
    per hundred, some draft/review statuses and pictograms), ``{phase}`` roles, a
    ``phase-outputs`` list of ``{pictogram}`` items and two or three ``phase-question``
    sections; an overview page with ``phase-sequence`` and ``phase-table``; part pages
    (50 phases each) and an index holding the toctrees.
``plain``
    The same site written by hand in plain MyST, as the legacy manual was: headings
    instead of questions, Markdown links for roles and for "Previous phase / Next
    phase", Markdown images pointing at copies of the SVG pictograms, a hand-made
    numbered list and table on the overview page.
``stub``
    The phase sources again, built with a stub extension (written into the temporary
    folder) whose directives and roles only parse their content and return plain nodes:
    the floor that any implementation of this markup pays.

Every build is ``python -m sphinx -b html`` in its own subprocess (so no module cache
leaks between builds), alabaster theme, no sidebars, fresh output folder, serial. The
builds are interleaved (plain, stub, phases, plain, ...) ``--repeat`` times and the best
of each is kept, which is the least disturbed by other processes. Printed per size, for
wall time and for CPU time (user + system of the build process, which other processes on
a busy machine disturb much less): the best times, ``phases/plain`` (target <= 1.00),
``phases/stub`` (target <= 1.05) and the extension's cost per page over the stub.

Then, on the largest site, incremental rebuilds of the phase site: a tiny extension
records every page passed to ``html-page-context``, and the script prints how many
documents each rebuild wrote, against the set it expects: an unchanged rebuild (none),
editing one page's body text (that page and its toctree parent) and retitling one phase
(the page, its toctree parent, its sequence neighbours, its sub-phase, the pages whose
``{phase}`` roles name it, and the overview page). Pages that Sphinx writes on every
build (genindex, search, domain indices) are counted apart.

``--profile`` also runs the phase build of the largest site under cProfile and prints
where the time in ``sphinx_phases`` goes: the extension's entry points (cumulative) and
its own functions (self time).
"""

from __future__ import annotations

import argparse
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sphinx_phases

PICTOGRAMS = Path(sphinx_phases.__file__).parent / "pictograms"
PER_PART = 50
OUTPUTS = [("website", "Live service"), ("discussion", "User feedback"), ("team", "Team size")]
PHASE_PICTOGRAMS = ["discovery", "alpha", "beta", "live", "retirement"]
VARIANTS = ("plain", "stub", "phases")
BANNER = {
    "draft": ("Draft", "This page is a draft: it may be incomplete or change completely."),
    "review": ("In review", "This page is being reviewed: it may still change."),
}
QUESTION_TITLES = {
    "objective": "What is the objective of {noun}?",
    "contents": "What should be in {noun}?",
    "team": "Who do I need?",
}
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
"""

STUB_EXTENSION = '''\
"""The floor: the phase markup parsed, nothing resolved, checked or generated."""
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

OPTIONS = ["title", "subtitle", "previous", "next", "parent", "loops-to", "status",
           "pictogram", "color", "noun", "duration", "team", "caption", "phase",
           "style", "columns"]


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
                 "phase-sequence", "phase-table"]:
        app.add_directive(name, Block)
    app.add_directive("phase-question", Question)
    app.add_role("phase", Text())
    app.add_role("pictogram", Text())
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


# -- the site's structure, shared by the three variants ---------------------------------


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

    def title(self, i: int, titles: dict[int, str]) -> str:
        return titles.get(i, f"Phase {i}")

    def summary(self, i: int) -> str:
        return f"Phase {i} turns what the team has learned into a working part of the service."

    def answer(self, i: int, key: str) -> str:
        return f"The {key} of phase {i} is set by the team at its start. {PROSE}"


def phase_page(m: Manual, i: int, titles: dict[int, str], edited: bool = False) -> str:
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
    options += [":duration: 6 to 8 weeks", ":team: Service manager, Developers"]
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


def plain_page(m: Manual, i: int, titles: dict[int, str]) -> str:
    title = m.title(i, titles)

    def link(t: int) -> str:
        return f"[{m.title(t, titles)}]({m.doc(t)}.md)"

    lines = [f"# {title}", ""]
    if m.status(i) in BANNER:
        tag, text = BANNER[m.status(i)]
        lines += [f"**{tag}** {text}", ""]
    links = ", ".join(link(t) for t in m.referenced(i))
    lines += [
        m.summary(i),
        "",
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
    nav = []
    prev, nxt = m.previous(i), m.next(i)
    if prev is not None:
        nav.append(f"Previous phase: {link(prev)}")
    if nxt is not None:
        label = "Final phase" if nxt == m.top[-1] else "Next phase"
        nav.append(f"{label}: {link(nxt)}")
    if m.parent(i) is not None:
        nav.append(f"Part of: {link(m.parent(i))}")  # type: ignore[arg-type]
    if m.child(i) is not None:
        nav.append(f"Sub-phase: {link(m.child(i))}")  # type: ignore[arg-type]
    if m.loops_to(i) is not None:
        nav.append(f"Go back to: {link(m.loops_to(i))}")  # type: ignore[arg-type]
    lines += [" | ".join(nav), ""]
    return "\n".join(lines)


def overview_page(m: Manual, plain: bool, titles: dict[int, str]) -> str:
    lines = ["# Overview", "", "Every phase of the service, in order.", ""]
    if not plain:
        lines += [
            "```{phase-sequence}",
            "```",
            "",
            "```{phase-table}",
            ":columns: title, status, duration, objective",
            "```",
            "",
        ]
        return "\n".join(lines)
    for number, i in enumerate(m.top, start=1):
        pic = f"![](_pictograms/{m.pictogram(i)}.svg) " if m.pictogram(i) else ""
        status = f" *{BANNER[m.status(i)][0]}*" if m.status(i) in BANNER else ""
        lines += [f"{number}. {pic}[{m.title(i, titles)}]({m.doc(i)}.md){status}", ""]
        lines += [f"   {m.summary(i)}", ""]
        child = m.child(i)
        if child is not None:
            lines += [f"   1. [{m.title(child, titles)}]({m.doc(child)}.md)", ""]
    lines += ["| Phase | Status | Duration | Objective |", "|---|---|---|---|"]
    for i in range(m.size):
        first = m.answer(i, "objective")
        lines.append(
            f"| [{m.title(i, titles)}]({m.doc(i)}.md) | {m.status(i)} | 6 to 8 weeks | {first} |"
        )
    return "\n".join(lines) + "\n"


def write_site(root: Path, variant: str, m: Manual, titles: dict[int, str] | None = None) -> Path:
    """Write (or rewrite) one variant's sources under root/variant/src; return that folder."""
    titles = titles or {}
    src = root / variant / "src"
    src.mkdir(parents=True, exist_ok=True)
    extra = {"plain": "", "stub": ', "stub_phases"', "phases": ', "sphinx_phases"'}[variant]
    _write(src / "conf.py", CONF.format(extra=extra))
    plain = variant == "plain"
    if plain:
        shutil.copytree(PICTOGRAMS, src / "_pictograms", dirs_exist_ok=True)
    parts = m.parts()
    index = ["# Benchmark manual", "", "```{toctree}", ":maxdepth: 1", "", "overview", *parts]
    _write(src / "index.md", "\n".join([*index, "```", ""]))
    _write(src / "overview.md", overview_page(m, plain, titles))
    for part in parts:
        members = [m.doc(i) for i in range(m.size) if m.part(i) == part]
        text = [f"# Part {part[5:]}", "", PROSE, "", "```{toctree}", ":maxdepth: 1", ""]
        _write(src / f"{part}.md", "\n".join([*text, *members, "```", ""]))
    for i in range(m.size):
        page = plain_page(m, i, titles) if plain else phase_page(m, i, titles)
        _write(src / f"{m.doc(i)}.md", page)
    return src


def _write(path: Path, text: str) -> None:
    """Write only when the text changes, so an incremental build sees only real edits."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def write_extensions(root: Path) -> None:
    ext = root / "ext"
    ext.mkdir(parents=True, exist_ok=True)
    (ext / "stub_phases.py").write_text(STUB_EXTENSION, encoding="utf-8")
    (ext / "bench_record.py").write_text(RECORD_EXTENSION, encoding="utf-8")


# -- building --------------------------------------------------------------------------


def sphinx_build(
    src: Path, out: Path, env: dict[str, str] | None = None, profile: Path | None = None
) -> tuple[float, list[str], float]:
    """One build in a subprocess: (wall seconds, warning lines, CPU seconds)."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "sphinx", "-b", "html", "-q", str(src), str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        command, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode != 0:
        raise SystemExit(f"build of {src} failed:\n{done.stdout}\n{done.stderr}")
    warnings = [line for line in done.stderr.splitlines() if "WARNING" in line]
    return seconds, warnings, cpu


def fresh_build(root: Path, variant: str) -> tuple[float, list[str], float]:
    out = root / variant / "out"
    shutil.rmtree(out, ignore_errors=True)
    return sphinx_build(root / variant / "src", out)


def time_size(root: Path, size: int, repeat: int) -> dict[str, tuple[float, float]]:
    m = Manual(size)
    write_site(root, "plain", m)
    write_site(root, "stub", m)  # the phase sources, with the stub extension
    write_site(root, "phases", m)
    wall = dict.fromkeys(VARIANTS, float("inf"))
    cpu = dict.fromkeys(VARIANTS, float("inf"))
    for run in range(repeat):
        for variant in VARIANTS:
            seconds, warnings, cpu_seconds = fresh_build(root, variant)
            wall[variant] = min(wall[variant], seconds)
            cpu[variant] = min(cpu[variant], cpu_seconds)
            if run == 0 and warnings:
                print(f"  {variant}: {len(warnings)} warnings, first: {warnings[0]}")
    return {variant: (wall[variant], cpu[variant]) for variant in VARIANTS}


def report_size(size: int, best: dict[str, tuple[float, float]]) -> None:
    def verdict(ratio: float, target: float) -> str:
        if ratio <= target:
            return "met"
        return f"MISSED by {(ratio - target) * 100:.0f} pts"

    for kind, column in (("wall", 0), ("cpu", 1)):
        plain, stub, phases = (best[v][column] for v in VARIANTS)
        over_plain, over_stub = phases / plain, phases / stub
        print(
            f"{size:>6} {kind:>4} {plain:>8.2f} {stub:>8.2f} {phases:>8.2f}"
            f"   {over_plain:>5.2f} {verdict(over_plain, 1.00):<20}"
            f" {over_stub:>5.2f} {verdict(over_stub, 1.05):<20}"
            f" {(phases - stub) / size * 1000:>6.2f}"
        )


# -- incremental rebuilds ----------------------------------------------------------------


def written(log: Path) -> tuple[set[str], set[str]]:
    docs, extras = set(), set()
    if log.is_file():
        for line in log.read_text(encoding="utf-8").splitlines():
            kind, name = line.split(" ", 1)
            (docs if kind == "doc" else extras).add(name)
        log.unlink()
    return docs, extras


def rebuilds(root: Path, size: int) -> None:
    m = Manual(size)
    src = write_site(root, "phases", m)
    out = root / "phases" / "incremental"
    shutil.rmtree(out, ignore_errors=True)
    log = root / "pages.log"
    env = {"BENCH_PAGES_LOG": str(log)}
    sphinx_build(src, out, env)
    docs, _extras = written(log)
    print(f"  first build: {len(docs)} documents written")

    def step(name: str, expected: set[str]) -> None:
        # Sphinx compares modification times; make sure the edit is newer than the build.
        time.sleep(0.05)
        seconds, warnings, _cpu = sphinx_build(src, out, env)
        docs, extras = written(log)
        verdict = "as expected" if docs == expected else "DIFFERS"
        print(
            f"  {name:<28} {len(docs):>4} documents (expected {len(expected)}, {verdict}),"
            f" {len(extras)} other pages, {seconds:.1f}s"
        )
        if docs != expected:
            print(f"      extra: {sorted(docs - expected)[:12]}")
            print(f"      missing: {sorted(expected - docs)[:12]}")
        if warnings:
            print(f"      {len(warnings)} warnings, first: {warnings[0]}")

    step("unchanged rebuild", set())

    edited = next(i for i in range(size // 2, size) if not m.is_sub(i) and m.child(i) is None)
    path = src / f"{m.doc(edited)}.md"
    _write(path, phase_page(m, edited, {}, edited=True))
    step(f"edit body of {m.doc(edited)}", {m.doc(edited), m.part(edited)})

    retitled = next(i for i in range(size // 2, size) if m.child(i) is not None)
    titles = {retitled: f"Renamed phase {retitled}"}
    _write(src / f"{m.doc(retitled)}.md", phase_page(m, retitled, titles))
    named = [m.previous(retitled), m.next(retitled), m.child(retitled), m.parent(retitled)]
    referrers = [i for i in range(size) if retitled in m.referenced(i)]
    shown = {m.doc(retitled), "overview"} | {
        m.doc(i) for i in [*named, *referrers] if i is not None
    }
    # Sphinx itself adds the toctree parent of every page it writes: the part pages of
    # these, and the index for the overview.
    parents = {m.part(int(doc[1:])) for doc in shown if doc != "overview"} | {"index"}
    step(f"retitle {m.doc(retitled)}", shown | parents)
    print(
        f"      = {len(shown)} pages showing the phase (itself, neighbours, sub-phase, "
        f"referrers, overview) + {len(parents)} toctree parents"
    )


# -- profile --------------------------------------------------------------------------


def profile(root: Path, size: int) -> None:
    m = Manual(size)
    src = write_site(root, "phases", m)
    out = root / "phases" / "profiled"
    shutil.rmtree(out, ignore_errors=True)
    stats_file = root / "phases.prof"
    seconds, _warnings, _cpu = sphinx_build(src, out, profile=stats_file)
    stats = pstats.Stats(str(stats_file))
    raw = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_cc, _nc, _tt, ct, _callers) in raw.values())
    mine = {key: value for key, value in raw.items() if "sphinx_phases" in key[0]}
    own = sum(tt for (_cc, _nc, tt, _ct, _callers) in mine.values())
    print(f"\nProfile of the phase build at {size} pages ({seconds:.1f}s wall under cProfile)")
    print(f"  profiled total {total:.2f}s; self time inside sphinx_phases {own:.2f}s")

    def name(key: tuple[str, int, str]) -> str:
        filename, line, function = key
        short = filename.split("sphinx_phases/", 1)[-1]
        return f"{short}:{line}({function})"

    # Entry points: functions of the package that no other function of the package calls.
    entries = {
        key: value
        for key, value in mine.items()
        if not any("sphinx_phases" in caller[0] for caller in value[4])
    }
    print(f"\n  entry points called by Sphinx/docutils, by cumulative time (of {total:.2f}s)")
    print(f"  {'calls':>8} {'cum (s)':>8} {'per call (ms)':>14}  function")
    ranked = sorted(entries.items(), key=lambda kv: kv[1][3], reverse=True)
    for key, (_cc, calls, _tt, cum, _callers) in ranked[:15]:
        print(f"  {calls:>8} {cum:>8.3f} {cum / calls * 1000:>14.3f}  {name(key)}")
    print("\n  package functions by self time")
    print(f"  {'calls':>8} {'self (s)':>8} {'cum (s)':>8}  function")
    ranked = sorted(mine.items(), key=lambda kv: kv[1][2], reverse=True)
    for key, (_cc, calls, tt, cum, _callers) in ranked[:15]:
        print(f"  {calls:>8} {tt:>8.3f} {cum:>8.3f}  {name(key)}")


def main() -> None:
    first_line, _, rest = __doc__.partition("\n\n")
    parser = argparse.ArgumentParser(
        description=first_line,
        epilog=rest,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs (best kept)")
    parser.add_argument("--profile", action="store_true", help="profile the largest site")
    parser.add_argument("--no-rebuilds", action="store_true", help="skip the rebuild counts")
    parser.add_argument("--keep", type=Path, help="build in DIR and keep it (default: a temp)")
    args = parser.parse_args()

    import sphinx

    print(
        f"Python {sys.version.split()[0]}, Sphinx {sphinx.__version__}, "
        f"sphinx-phases {sphinx_phases.__version__}, {os.cpu_count()} CPUs, "
        f"best of {args.repeat} interleaved fresh builds"
    )
    with tempfile.TemporaryDirectory(prefix="phases-bench-") as temp:
        base = args.keep or Path(temp)
        print(
            f"\n{'pages':>6} {'time':>4} {'plain(s)':>8} {'stub(s)':>8} {'phases(s)':>8}"
            f"   {'phases/plain (<= 1.00)':<26} {'phases/stub (<= 1.05)':<26}"
            f" ms/page over stub"
        )
        for size in args.sizes:
            root = base / f"n{size}"
            write_extensions(root)
            report_size(size, time_size(root, size, args.repeat))
        largest = max(args.sizes)
        root = base / f"n{largest}"
        if not args.no_rebuilds:
            print(f"\nDocuments rewritten by rebuilds of the {largest}-page phase site")
            rebuilds(root, largest)
        if args.profile:
            profile(root, largest)


if __name__ == "__main__":
    main()

"""What sphinx-phases costs a whole HTML build, against plain MyST, a do-nothing stub and
sphinx-needs.

    python benchmarks/site_overhead.py [--sizes 300 1000] [--repeat 3]
        [--variants plain stub phases needs] [--profile] [--no-rebuilds] [--keep DIR]

For each size N it generates, in a temporary folder, up to four sites with the same text
(``site_pages.py`` writes them):

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
``gated``, ``gated-stub``, ``gated-plain``
    ``phases``, ``stub`` and ``plain`` with a gate after every third top-level phase:
    a ``phase-gate`` (title, authority, all 14 points of a standard assessed, outcome,
    date, four criteria citing points with ``{standard}``) and a page listing the
    standard with ``phase-standard``; by hand, a section with the decision in words,
    criteria linking to the points of a hand-written standard page, a note on the next
    link and a step in the overview's list.
``split``, ``lifecycles``
    The phase site with its pages in ten folders, each page linking only within its
    folder, built as one life cycle and as ten (``phases_lifecycles``): their ratio is
    what several life cycles cost (target <= 1.05).
``needs``
    The plain site with sphinx-needs, the closest real peer: each phase's summary is a
    ``need`` (id ``PHASE_P0001``, status, duration and team fields, ``previous`` and
    ``next`` links declared with ``needs_links``), the pages name each other with
    ``{need}`` roles, the overview's table is a ``needtable``; previous/next navigation,
    status banners and pictograms stay hand-written as in ``plain``. sphinx-needs is not
    a dependency: install it into the interpreter running this script (``pip install
    sphinx-needs``); without it the variant is skipped, with a note.

Every build is ``python -m sphinx -b html`` in its own subprocess (so no module cache
leaks between builds), alabaster theme, no sidebars, fresh output folder, serial. The
builds are interleaved (plain, stub, phases, needs, plain, ...) ``--repeat`` times and the
best of each is kept, which is the least disturbed by other processes. ``--variants``
picks which sites to build (default: all that can be). Printed per size, for wall time
and for CPU time (user + system of the build process, which other processes on a busy
machine disturb much less): the best times, ``phases/plain`` (target <= 0.95),
``phases/stub`` (target <= 1.05), ``phases/needs`` (target <= 0.65, CPU), the same two
first ratios for the gated sites, and the extension's cost per page over the stub.

Then a memory table: the build process's peak resident memory (its own ``ru_maxrss``,
read with ``os.wait4``) and the size of the pickled environment
(``OUT/.doctrees/environment.pickle``) for each variant, with ``phases/plain`` for both
(targets, at 1,000 and 3,000 pages: at most 1.15 for the peak RSS, 1.5 for the pickle).
``--sizes 1000 3000 --repeat 1 --no-rebuilds`` checks them.

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
import importlib.metadata
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from site_pages import VARIANTS, Manual, phase_page, write_extensions, write_site, write_text

# -- building --------------------------------------------------------------------------

# (numerator, denominator, target): printed when both variants are built.
TIME_RATIOS = [
    ("phases", "plain", 0.95),
    ("phases", "stub", 1.05),
    ("phases", "needs", 0.65),
    ("gated", "gated-plain", 0.95),
    ("gated", "gated-stub", 1.05),
    ("lifecycles", "split", 1.05),  # ten life cycles against the same pages as one
]
RSS_TARGET = 1.15  # phases/plain peak RSS
PICKLE_TARGET = 1.50  # phases/plain environment.pickle
MB = 1024 * 1024


@dataclass
class Build:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    rss: float  # peak resident memory of the build process, bytes
    pickle: float  # size of environment.pickle, bytes (0 when there is none)
    warnings: list[str]


def run_process(
    command: list[str], env: dict[str, str]
) -> tuple[int, str, str, float, resource.struct_rusage]:
    """Run command; return (exit code, stdout, stderr, wall seconds, its own rusage).

    ``os.wait4`` gives the resource usage of that one process (CPU time, peak RSS),
    where ``RUSAGE_CHILDREN`` would give a sum of CPU times and a maximum of peak RSS
    over every child so far.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    return process.returncode, stdout, stderr, seconds, usage


def sphinx_build(
    src: Path, out: Path, env: dict[str, str] | None = None, profile: Path | None = None
) -> Build:
    """One build in a subprocess."""
    command = [sys.executable]
    if profile is not None:
        command += ["-m", "cProfile", "-o", str(profile)]
    command += ["-m", "sphinx", "-b", "html", "-q", str(src), str(out)]
    code, stdout, stderr, seconds, usage = run_process(command, {**os.environ, **(env or {})})
    if code != 0:
        raise SystemExit(f"build of {src} failed:\n{stdout}\n{stderr}")
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    cpu = usage.ru_utime + usage.ru_stime
    pickle = out / ".doctrees" / "environment.pickle"
    size = pickle.stat().st_size if pickle.is_file() else 0
    warnings = [line for line in stderr.splitlines() if "WARNING" in line]
    return Build(seconds, cpu, rss, size, warnings)


def fresh_build(root: Path, variant: str) -> Build:
    out = root / variant / "out"
    shutil.rmtree(out, ignore_errors=True)
    return sphinx_build(root / variant / "src", out)


def best(a: Build | None, b: Build) -> Build:
    """Each measure's minimum, the least disturbed by other processes."""
    if a is None:
        return b
    return Build(
        min(a.wall, b.wall), min(a.cpu, b.cpu), min(a.rss, b.rss), min(a.pickle, b.pickle), []
    )


def measure_size(root: Path, size: int, repeat: int, variants: list[str]) -> dict[str, Build]:
    m = Manual(size)
    for variant in variants:
        write_site(root, variant, m)
    results: dict[str, Build | None] = dict.fromkeys(variants)
    for run in range(repeat):
        for variant in variants:
            build = fresh_build(root, variant)
            results[variant] = best(results[variant], build)
            if run == 0 and build.warnings:
                print(f"  {variant}: {len(build.warnings)} warnings, first: {build.warnings[0]}")
    return {variant: build for variant, build in results.items() if build is not None}


# -- reporting -------------------------------------------------------------------------


def verdict(ratio: float, target: float) -> str:
    if ratio <= target:
        return f"{ratio:>5.2f} met"
    return f"{ratio:>5.2f} MISSED by {(ratio - target) * 100:.0f} pts"


def time_ratios(variants: list[str]) -> list[tuple[str, str, float]]:
    return [r for r in TIME_RATIOS if r[0] in variants and r[1] in variants]


def time_header(variants: list[str]) -> str:
    columns = "".join(f" {v + '(s)':>9}" for v in variants)
    ratios = "".join(f"   {f'{a}/{b} (<= {t:.2f})':<27}" for a, b, t in time_ratios(variants))
    per_page = "   ms/page over stub" if {"phases", "stub"} <= set(variants) else ""
    return f"{'pages':>6} {'time':>4}{columns}{ratios}{per_page}"


def report_time(size: int, results: dict[str, Build]) -> None:
    variants = list(results)
    for kind in ("wall", "cpu"):
        seconds = {v: getattr(results[v], kind) for v in variants}
        line = f"{size:>6} {kind:>4}" + "".join(f" {seconds[v]:>9.2f}" for v in variants)
        for a, b, target in time_ratios(variants):
            line += f"   {verdict(seconds[a] / seconds[b], target):<27}"
        if {"phases", "stub"} <= set(variants):
            line += f"   {(seconds['phases'] - seconds['stub']) / size * 1000:>6.2f}"
        print(line.rstrip())


def report_memory(all_results: dict[int, dict[str, Build]]) -> None:
    print("\nMemory (MB): peak RSS of the build process, size of environment.pickle")
    print(
        f"  targets at 1,000 and 3,000 pages: phases/plain rss <= {RSS_TARGET:.2f},"
        f" pickle <= {PICKLE_TARGET:.2f}"
    )
    variants = list(next(iter(all_results.values())))
    with_ratio = {"phases", "plain"} <= set(variants)
    columns = "".join(f" {v:>9}" for v in variants)
    print(f"{'pages':>6} {'what':>6}{columns}" + ("   phases/plain" if with_ratio else ""))
    for size, results in all_results.items():
        for kind, target, digits in (("rss", RSS_TARGET, 1), ("pickle", PICKLE_TARGET, 2)):
            mb = {v: getattr(results[v], kind) / MB for v in variants}
            line = f"{size:>6} {kind:>6}" + "".join(f" {mb[v]:>9.{digits}f}" for v in variants)
            if with_ratio:
                line += f"   {verdict(mb['phases'] / mb['plain'], target)}"
            print(line)


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
        build = sphinx_build(src, out, env)
        docs, extras = written(log)
        outcome = "as expected" if docs == expected else "DIFFERS"
        print(
            f"  {name:<28} {len(docs):>4} documents (expected {len(expected)}, {outcome}),"
            f" {len(extras)} other pages, {build.wall:.1f}s"
        )
        if docs != expected:
            print(f"      extra: {sorted(docs - expected)[:12]}")
            print(f"      missing: {sorted(expected - docs)[:12]}")
        if build.warnings:
            print(f"      {len(build.warnings)} warnings, first: {build.warnings[0]}")

    step("unchanged rebuild", set())

    edited = next(i for i in range(size // 2, size) if not m.is_sub(i) and m.child(i) is None)
    path = src / f"{m.doc(edited)}.md"
    write_text(path, phase_page(m, edited, {}, edited=True))
    step(f"edit body of {m.doc(edited)}", {m.doc(edited), m.part(edited)})

    retitled = next(i for i in range(size // 2, size) if m.child(i) is not None)
    titles = {retitled: f"Renamed phase {retitled}"}
    write_text(src / f"{m.doc(retitled)}.md", phase_page(m, retitled, titles))
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
    seconds = sphinx_build(src, out, profile=stats_file).wall
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


def buildable(requested: list[str] | None) -> list[str]:
    """The requested variants (default: all) that this interpreter can build, in order."""
    chosen = []
    for name, variant in VARIANTS.items():
        if requested is not None and name not in requested:
            continue
        reason = variant.missing()
        if reason:
            print(f"{name} variant skipped: with {sys.executable}, {reason}")
        else:
            chosen.append(name)
    return chosen


def versions(variants: list[str]) -> str:
    names = ["sphinx", "myst-parser", "docutils", "sphinx-phases"]
    names += ["sphinx-needs"] if "needs" in variants else []
    return ", ".join(f"{name} {importlib.metadata.version(name)}" for name in names)


def main() -> None:
    first_line, _, rest = __doc__.partition("\n\n")
    parser = argparse.ArgumentParser(
        description=first_line,
        epilog=rest,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs (best kept)")
    parser.add_argument(
        "--variants",
        nargs="+",
        choices=list(VARIANTS),
        metavar="NAME",
        help=f"sites to build, of {', '.join(VARIANTS)} (default: all)",
    )
    parser.add_argument("--profile", action="store_true", help="profile the largest site")
    parser.add_argument("--no-rebuilds", action="store_true", help="skip the rebuild counts")
    parser.add_argument("--keep", type=Path, help="build in DIR and keep it (default: a temp)")
    args = parser.parse_args()

    variants = buildable(args.variants)
    if not variants:
        raise SystemExit("no variant to build")
    print(
        f"Python {sys.version.split()[0]}, {versions(variants)}, {os.cpu_count()} CPUs, "
        f"best of {args.repeat} interleaved fresh builds"
    )
    with tempfile.TemporaryDirectory(prefix="phases-bench-") as temp:
        base = args.keep or Path(temp)
        results = {}
        print(f"\n{time_header(variants)}")
        for size in args.sizes:
            root = base / f"n{size}"
            write_extensions(root)
            results[size] = measure_size(root, size, args.repeat, variants)
            report_time(size, results[size])
        report_memory(results)
        largest = max(args.sizes)
        root = base / f"n{largest}"
        if not args.no_rebuilds and "phases" in variants:
            print(f"\nDocuments rewritten by rebuilds of the {largest}-page phase site")
            rebuilds(root, largest)
        if args.profile:
            profile(root, largest)


if __name__ == "__main__":
    main()

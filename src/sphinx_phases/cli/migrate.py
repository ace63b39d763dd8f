"""``sphinx-phases migrate``: read legacy pages, decide their names, convert, write.

Choices made where the legacy pages are ambiguous (all visible in the report):

- A ``{:.intro}`` lead paragraph stays the first paragraph, as ``{.intro}`` (MyST
  attrs_block), rather than becoming ``summary``: it often holds links, and a front-matter
  string would lose them.
- Two pages claiming one id: a page named after the phase it declares beats one that only
  mentions it (``ideal-alphas.md`` says ``phase: alpha``; it is written as a page with no
  phase); otherwise the first source wins and the others are not written.
- Page titles keep their words ("Alpha phase"); the phase title drops a trailing "phase".
- Empty headings are dropped (they are unfilled template questions, or stand over a
  comment only); headings shift so that the body starts at H2 under the page title,
  without skipping levels.
- Sections that ``legacy.yml`` names (``## Summary``, ``## Team``, ``## Duration``)
  become the phase summary or a ``phase-question`` where that is faithful (see
  :func:`sphinx_phases.cli.outline.lift_sections`); gates are never invented.
- A subtitle that every phase page shares is the site's strap line and is dropped.
- Existing ``index.md`` and ``conf.py`` are never replaced, even with ``--force``.

What is written, and where (docs/how-to/migrate.md): OUTDIR may not be a source folder or
inside one; no file is written over a source, through a symbolic link, or over anything
but a regular file; the ``--report`` file is an output like the pages. Any refusal means
nothing at all is written.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sphinx_phases.cli.convert import convert_body
from sphinx_phases.cli.frontmatter import PageMeta, parse_meta
from sphinx_phases.cli.ids import filename_to_id
from sphinx_phases.cli.legacy import normalise
from sphinx_phases.cli.links import LinkContext
from sphinx_phases.cli.report import FileReport, Issue, Report
from sphinx_phases.cli.sanitise import safe_markdown
from sphinx_phases.cli.sources import expand_sources, read_source
from sphinx_phases.cli.writer import (
    PagePlan,
    conf_py,
    index_md,
    page_text,
    phase_mapping,
    refusal,
    write_into,
)

_PHASE_SUFFIX: Final = re.compile(r"\s+phase$", re.I)


@dataclass
class Options:
    sources: list[Path]
    outdir: Path
    base_url: str | None = None
    dry_run: bool = False
    force: bool = False
    #: The ``--report`` file, checked like the pages (the caller writes it).
    report: Path | None = None


@dataclass
class _Page:
    meta: PageMeta
    lines: list[str]
    report: FileReport
    plan: PagePlan | None = None
    is_phase: bool = False


@dataclass
class _Run:
    options: Options
    report: Report = field(default_factory=Report)
    pages: list[_Page] = field(default_factory=list)
    index: _Page | None = None
    attributes: bool = False
    #: Every source file read, resolved: never written over.
    sources: set[Path] = field(default_factory=set)


def migrate(options: Options) -> Report:
    """Run a whole migration and return its report (files written unless dry-run)."""
    run = _Run(options)
    outdir_problem = _outdir_problem(options)
    if outdir_problem is not None:
        run.report.errors.append(outdir_problem)
        run.report.report_refused = options.report is not None
        return run.report
    for path, display, root in expand_sources(options.sources):
        report = run.report.for_source(display)
        lines = read_source(path, report, [root])
        run.sources.add(path.resolve())
        if lines is not None:
            meta = parse_meta(lines, path.stem)
            _safe_title(meta, report)
            run.pages.append(_Page(meta, lines, report))
    _assign_names(run)
    _drop_shared_subtitle(run)
    for page in run.pages:
        if page.plan is not None:  # a page that is not written has only its conflict to say
            page.report.issues[:0] = page.meta.issues
    ctx = LinkContext(
        pages={_key(p): p.plan.name for p in run.pages if p.plan and p is not run.index},
        phase_ids=frozenset(p.meta.ident for p in run.pages if p.is_phase),
        base_url=options.base_url,
    )
    if run.index is not None:
        ctx.pages["index"] = "index.md"
    for page in run.pages:
        if page.plan is not None:
            _convert(page, ctx, run)
    _write(run)
    return run.report


def _outdir_problem(options: Options) -> str | None:
    """Why OUTDIR cannot be written to at all: it is a source folder, or inside one."""
    outdir = options.outdir.resolve()
    for source in options.sources:
        if source.is_dir() and outdir.is_relative_to(source.resolve()):
            where = "is the" if outdir == source.resolve() else "is inside the"
            return (
                f"OUTDIR {options.outdir} {where} source folder {source}; expected a "
                "folder outside the legacy pages (nothing written)"
            )
    return None


def _safe_title(meta: PageMeta, report: FileReport) -> None:
    """The title becomes the page's heading: no HTML in it may run (see sanitise)."""
    heading, dropped = safe_markdown(f"# {meta.title}")
    if dropped:
        message = "HTML that could run code, or is not on the allow-list, dropped from the title"
        report.add(1, "dropped", f"{message}: {'; '.join(w for _, w in dropped)}", meta.title)
        meta.title = heading.removeprefix("# ").strip() or meta.ident


def _key(page: _Page) -> str:
    return page.meta.ident if page.is_phase else page.plan.name[:-3] if page.plan else ""


def _assign_names(run: _Run) -> None:
    """Give each page its output name; the first claim on an id wins (see module doc)."""
    outdir = run.options.outdir
    has_index = os.path.lexists(outdir / "index.md")
    taken: dict[str, str] = {}
    # A page named after the phase it declares is *the* page of that phase; one that only
    # mentions a phase (ideal-alphas.md says `phase: alpha`) yields to it whatever the order.
    ordered = [p for p in run.pages if p.meta.canonical] + [
        p for p in run.pages if not p.meta.canonical
    ]
    for page in ordered:
        meta, source = page.meta, page.report.source
        if meta.is_index:
            if has_index or run.index is not None:
                where = (
                    "OUTDIR already has an index.md"
                    if has_index
                    else (f"{taken['index']} already provides the index page")
                )
                page.report.add(1, "conflict", f"index page not written: {where}")
                continue
            run.index, taken["index"] = page, source
            page.plan = PagePlan("index.md", meta.title)
            continue
        if meta.ident not in taken:
            taken[meta.ident] = source
            page.plan, page.is_phase = PagePlan(f"{meta.ident}.md", meta.title), True
            continue
        stem = filename_to_id(Path(source).stem)
        message = f"phase '{meta.ident}' is already declared by {taken[meta.ident]}"
        if not meta.canonical and stem not in taken:
            taken[stem] = source
            page.plan = PagePlan(f"{stem}.md", meta.title)
            page.report.add(1, "conflict", f"{message}; written as a page with no phase")
        else:
            page.report.add(1, "conflict", f"{message} (the first wins); not written")


def _drop_shared_subtitle(run: _Run) -> None:
    """A subtitle on every phase page is the site's strap line, not a phase's own."""
    phases = [page for page in run.pages if page.is_phase]
    shared = {normalise(page.meta.subtitle or "") for page in phases}
    if len(phases) < 2 or len(shared) != 1 or shared == {""}:
        return
    message = "subtitle dropped: every migrated phase page has it, so it is the site's"
    for page in phases:
        front = page.lines[: page.meta.body_start]
        lines = [i + 1 for i, text in enumerate(front) if text.startswith("subtitle:")]
        text = f"subtitle: {page.meta.subtitle}"
        page.meta.issues.append(Issue(lines[0] if lines else 1, "dropped", message, text))
        page.meta.subtitle = None


def _convert(page: _Page, ctx: LinkContext, run: _Run) -> None:
    plan, meta = page.plan, page.meta
    assert plan is not None
    own = meta.ident if page.is_phase else None
    try:
        converted = convert_body(
            page.lines[meta.body_start :],
            meta.body_start + 1,
            ctx,
            own,
            summary_given="summary" in meta.extra,
        )
    except Exception as exc:  # a converter bug must not lose the other pages' work
        page.report.add(1, "error", f"internal error, page not converted: {exc!r}")
        page.plan = None
        return
    page.report.extend(converted.issues)
    run.attributes = run.attributes or converted.uses_attributes
    page.report.output = plan.name
    if page is run.index:
        plan.text = converted.body
        return
    if page.is_phase:
        page.report.phase = meta.ident
        fields = dict(meta.extra)
        fields.setdefault("title", _PHASE_SUFFIX.sub("", meta.title) or meta.title)
        fields.setdefault("subtitle", meta.subtitle or "")
        fields.setdefault("previous", converted.previous or "")
        fields.setdefault("next", converted.next or "")
        fields.setdefault("status", meta.status or "")
        fields.setdefault("summary", converted.summary or "")
        plan.phase = phase_mapping(meta.ident, fields)
        plan.previous, plan.next = plan.phase.get("previous"), plan.phase.get("next")
    plan.text = page_text(meta.title, converted.body, plan.phase)


def _write(run: _Run) -> None:
    options, report = run.options, run.report
    outdir = options.outdir
    plans = [p.plan for p in run.pages if p.plan is not None and p is not run.index]
    files = {plan.name: plan.text for plan in plans}
    # A link or other non-file named index.md or conf.py counts as one: never replaced.
    index_exists = os.path.lexists(outdir / "index.md")
    if not index_exists:
        index = run.index.plan if run.index and run.index.plan else None
        title = index.title if index else "Service phases"
        files["index.md"] = index_md(title, index.text if index else "", plans)
    elif plans:
        names = ", ".join(plan.name for plan in plans)
        report.notes.append(f"OUTDIR already has an index.md: add to its toctree: {names}")
    if not os.path.lexists(outdir / "conf.py"):
        files["conf.py"] = conf_py(attributes=run.attributes)
    elif run.attributes:
        report.notes.append(
            "OUTDIR already has a conf.py: the pages use {.class} attribute lines,"
            ' so add "attrs_block" to myst_enable_extensions'
        )
    refused = _refusals(run, files)
    if refused:
        report.notes.append("no page written, because some output files cannot be written")
        return
    report.written = sorted(files)
    if options.dry_run:
        return
    replace = {name for name in files if os.path.lexists(outdir / name)}
    try:
        write_into(outdir, files, replace)
    except OSError as exc:
        report.errors.append(f"cannot write to {outdir}: {exc}")
        report.written = []


def _refusals(run: _Run, files: dict[str, str]) -> bool:
    """Report every file of *files* (and the report file) that may not be written."""
    options, report = run.options, run.report
    outdir = options.outdir.resolve()
    found = False
    for page in run.pages:
        if page.plan is None or page is run.index:
            continue
        target = options.outdir / page.plan.name
        if outdir / page.plan.name in run.sources:
            reason: str | None = f"{target} is a source of this run; not overwritten"
        else:
            reason = refusal(target, replace=options.force)
        if reason is not None:
            page.report.add(1, "error", reason)
            found = True
    if options.report is not None:
        # The index and conf.py are never replaced, even with --force: nor by the report.
        outputs = {outdir / name for name in [*files, "index.md", "conf.py"]}
        reason = _report_refusal(run, outputs)
        if reason is not None:
            report.errors.append(f"--report: {reason}")
            report.report_refused = True
            found = True
    return found


def _report_refusal(run: _Run, outputs: set[Path]) -> str | None:
    path = run.options.report
    assert path is not None
    resolved = path.resolve()
    if resolved in run.sources:
        return f"{path} is a source of this run; not overwritten"
    if resolved in outputs:
        return f"{path} is a page this run writes (or OUTDIR's index or conf.py); not written"
    return refusal(path, replace=run.options.force)

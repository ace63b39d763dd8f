"""The ``sphinx-phases`` commands: arguments, exit status and messages (see ``cli/__init__``).

Exit status: 0 when all went well (a migration report is a normal result), 1 when a
problem was reported (an unreadable source, a refused overwrite), 2 for a usage error.
Everything here is plain Python: no Sphinx application is created.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sphinx_phases import __version__
from sphinx_phases.cli.ids import is_phase_id
from sphinx_phases.cli.init import (
    CONF,
    InitError,
    choose_profile,
    lifecycle_skeleton,
    refusals,
    skeleton,
    write_skeleton,
)
from sphinx_phases.cli.labels import labels_report
from sphinx_phases.cli.migrate import Options, migrate
from sphinx_phases.cli.new import NewPage, advice, new_page, write_new
from sphinx_phases.cli.project import conf_namespace, default_project, find_conf, read_project
from sphinx_phases.cli.writer import append_to, write_file
from sphinx_phases.core.inputs import FileRefused, read_file
from sphinx_phases.core.lifecycles import read_lifecycles
from sphinx_phases.core.messages import expected_id


def _phase_id(value: str) -> str:
    if not is_phase_id(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not valid: {expected_id(value)}, like 'public-beta'"
        )
    return value


def _base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{value!r} is not an http(s) URL")
    return value.rstrip("/")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-phases",
        description="Tools for Sphinx service manuals written one page per delivery phase.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    migrate_cmd = commands.add_parser(
        "migrate",
        help="convert legacy Jekyll/kramdown/wiki phase pages to MyST phase pages",
        description="Convert legacy phase pages to MyST phase pages, with a report of "
        "everything dropped, kept raw or left unresolved.",
    )
    migrate_cmd.add_argument("sources", nargs="+", type=Path, metavar="SRC",
                             help="legacy page, or a folder of them")  # fmt: skip
    migrate_cmd.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR",
                             help="folder for the migrated pages (made if missing)")  # fmt: skip
    migrate_cmd.add_argument("--base-url", type=_base_url, metavar="URL",
                             help="make site-absolute links (/a/b) into URL/a/b")  # fmt: skip
    migrate_cmd.add_argument("--dry-run", action="store_true",
                             help="write nothing, print the report")  # fmt: skip
    migrate_cmd.add_argument("--report", type=Path, metavar="FILE",
                             help="also write the report as JSON to FILE (a new file, "
                             "unless --force)")  # fmt: skip
    migrate_cmd.add_argument("--force", action="store_true",
                             help="overwrite pages that already exist in OUTDIR, and "
                             "an existing report FILE (never a link or a source)")  # fmt: skip

    new_cmd = commands.add_parser(
        "new",
        help="write a new phase page with the project's questions",
        description="Write DIR/ID.md, a draft phase page declared with the phase directive, "
        "with one phase-question per question of the project. The questions, the required "
        "ones and the sequence come from the project's conf.py: --project's, else DIR's or "
        "the current folder's, when there is one (it is run, as sphinx-build runs it).",
    )
    new_cmd.add_argument("ident", type=_phase_id, metavar="ID", help="the new phase's id")
    new_cmd.add_argument("--title", help="display name (default: the id as written)")
    new_cmd.add_argument("--previous", type=_phase_id, metavar="P", help="previous phase id")
    new_cmd.add_argument("--next", type=_phase_id, metavar="N", help="next phase id")
    new_cmd.add_argument("-o", "--output", type=Path, default=Path(), metavar="DIR",
                         help="folder to write to (default: the current folder)")  # fmt: skip
    new_cmd.add_argument("--project", type=Path, metavar="PROJECT",
                         help="the Sphinx project's folder, whose conf.py to read")  # fmt: skip
    new_cmd.add_argument("--front-matter", action="store_true",
                         help="declare the phase in front matter instead")  # fmt: skip
    init_cmd = commands.add_parser(
        "init",
        help="start a new manual: conf.py, the sequence, an index and a page per phase",
        description="Write a new manual into DIR that builds at once: conf.py, phases.yml "
        "(the profile's phases and stages), index.md (overviews and the table of contents) "
        "and one draft page per phase with the profile's questions and gates. Nothing is "
        "overwritten: when one of the files exists in DIR, none is written.",
    )
    init_cmd.add_argument("folder", type=Path, metavar="DIR",
                          help="the new manual's folder (made if missing)")  # fmt: skip
    init_cmd.add_argument("--profile", metavar="NAME",
                          help="a built-in profile (gov-uk, the default, stage-gate, "
                          "prince2, nasa) or the path of a profile YAML file, "
                          "copied into DIR")  # fmt: skip
    init_cmd.add_argument("--title", default="Service manual",
                          help="the manual's title (default: %(default)s)")  # fmt: skip
    init_cmd.add_argument("--lifecycle", metavar="NAME",
                          help="add a life cycle NAME to the project in DIR: its pages go "
                          "in DIR/NAME/, and conf.py gains its phases_lifecycles entry "
                          "(written, when DIR has no conf.py yet)")  # fmt: skip
    labels_cmd = commands.add_parser(
        "labels",
        help="print every message id with the text a build of the project shows",
        description="Print each of the extension's messages, the text a build shows for it "
        "(profile, project catalogue and phases_labels applied) and where that text comes "
        "from, tab-separated: the starting point for phases_labels or a catalogue.",
    )
    labels_cmd.add_argument("--project", type=Path, metavar="PROJECT",
                            help="the Sphinx project's folder (default: here)")  # fmt: skip
    labels_cmd.add_argument("--language", metavar="LANG",
                            help="the language to show (default: the project's)")  # fmt: skip
    labels_cmd.add_argument("--lifecycle", metavar="NAME",
                            help="the labels of the project's life cycle NAME, its own "
                            "profile and labels over the project's")  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    if args.command == "migrate":
        return _migrate(args)
    if args.command == "new":
        return _new(args)
    if args.command == "labels":
        return _labels(args)
    if args.command == "init":
        return _init(args)
    parser.print_help(sys.stderr)
    return 2


def _labels(args: argparse.Namespace) -> int:
    conf = find_conf(args.project, [Path()])
    namespace: dict[str, object] = {}
    if conf is not None:
        namespace, problem = conf_namespace(conf)
        if problem:
            print(f"sphinx-phases labels: warning: {problem}", file=sys.stderr)
    if args.lifecycle is not None:
        found, _problems = read_lifecycles(namespace.get("phases_lifecycles"))
        cycle = found.get(args.lifecycle) if found.configured else None
        if cycle is None:
            names = ", ".join(found.names) if found.configured else "none"
            print(
                f"sphinx-phases labels: error: the project has no life cycle "
                f"{args.lifecycle!r} (its life cycles: {names})",
                file=sys.stderr,
            )
            return 2
        namespace = {**namespace, **{f"phases_{k}": v for k, v in cycle.settings.items()}}
    sys.stdout.write(labels_report(conf, namespace, args.language))
    return 0


def _init(args: argparse.Namespace) -> int:
    if not args.title.strip():
        print("sphinx-phases init: error: --title is empty", file=sys.stderr)
        return 2
    conf_path = args.folder / CONF
    appended = ""
    first = False  # the first life cycle of a project that had none
    try:
        chosen = choose_profile(args.profile, args.folder)
        if args.lifecycle is not None:
            conf = _read_conf(conf_path)
            first = conf is not None and "phases_lifecycles" not in conf
            files, appended = lifecycle_skeleton(chosen, args.title, args.lifecycle, conf)
        else:
            files = skeleton(chosen, args.title)
    except InitError as error:
        print(f"sphinx-phases init: error: {error}", file=sys.stderr)
        return 1
    for problem in chosen.problems:
        print(f"sphinx-phases init: warning: {problem}", file=sys.stderr)
    refused = refusals(args.folder, list(files))
    if refused:
        for reason in refused:
            print(f"sphinx-phases init: error: {reason}", file=sys.stderr)
        print("sphinx-phases init: error: nothing was written", file=sys.stderr)
        return 1
    try:
        written = write_skeleton(args.folder, files)
        if appended:
            append_to(conf_path, appended)
            written.append(conf_path)
    except OSError as exc:
        print(f"sphinx-phases init: error: cannot write the manual: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{'added to' if path == conf_path and appended else 'wrote'} {path}")
    if appended:
        index = f"{args.lifecycle}/index"
        print(f"note: add {index} to a toctree of the project, so that readers reach it")
    if first:
        print(
            "note: pages outside every life cycle's folder belong to none: give the "
            "project's other phase pages a life cycle of their own in phases_lifecycles"
        )
    folder = shlex.quote(str(args.folder))
    build = shlex.quote(str(args.folder / "_build" / "html"))
    print(f"next: sphinx-build -b html {folder} {build}")
    print("note: the build warns about each required question until its answer is written")
    return 0


def _read_conf(path: Path) -> str | None:
    """The text of the project's conf.py; None when there is none."""
    if not os.path.lexists(path):
        return None
    try:
        return read_file(path, [path.resolve().parent]).decode("utf-8-sig")
    except (FileRefused, OSError, UnicodeDecodeError) as exc:
        raise InitError(f"cannot read {path}: {exc}") from exc


def _migrate(args: argparse.Namespace) -> int:
    options = Options(
        sources=args.sources,
        outdir=args.output,
        base_url=args.base_url,
        dry_run=args.dry_run,
        force=args.force,
        report=args.report,
    )
    report = migrate(options)
    sys.stdout.write(report.to_text(dry_run=args.dry_run))
    status = 1 if report.has_errors else 0
    if args.report is not None and not report.report_refused:
        try:
            # Checked by migrate like the pages; written the same way (no link followed).
            write_file(args.report, report.to_json(), replace=args.force)
        except OSError as exc:
            print(f"sphinx-phases: error: cannot write the report: {exc}", file=sys.stderr)
            status = 1
    if status:
        print("sphinx-phases: problems were reported (see 'error' lines)", file=sys.stderr)
    return status


def _new(args: argparse.Namespace) -> int:
    if args.title is not None and not args.title.strip():
        print("sphinx-phases new: error: --title is empty", file=sys.stderr)
        return 2
    conf = find_conf(args.project, [args.output, Path()])
    if args.project is not None and conf is None:
        print(f"sphinx-phases new: error: no conf.py in {args.project}", file=sys.stderr)
        return 2
    project = read_project(conf, args.output) if conf is not None else default_project()
    for problem in project.problems:
        print(f"sphinx-phases new: warning: {problem}", file=sys.stderr)
    page = NewPage(args.ident, args.title, args.previous, args.next, args.front_matter)
    try:
        target = write_new(args.output, args.ident, new_page(page, project))
    except FileExistsError:
        print(
            f"sphinx-phases new: error: {args.output / (args.ident + '.md')} exists;"
            " not overwritten",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"sphinx-phases new: error: cannot write the page: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {target}")
    for line in advice(page, project):
        print(f"note: {line}")
    return 0

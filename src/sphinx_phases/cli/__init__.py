"""The ``sphinx-phases`` command line: ``migrate`` legacy pages, start a ``new`` phase page.

Exit status: 0 when all went well (a migration report is a normal result), 1 when a
problem was reported (an unreadable source, a refused overwrite), 2 for a usage error.
Everything here is plain Python: no Sphinx application is created.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlsplit

from sphinx_phases import __version__
from sphinx_phases.cli.ids import is_phase_id
from sphinx_phases.cli.migrate import Options, migrate
from sphinx_phases.cli.new import new_page, write_new

__all__ = ["main"]


def _phase_id(value: str) -> str:
    if not is_phase_id(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a phase id (lower-case letters, digits and '-', e.g. public-beta)"
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
                             help="also write the report as JSON to FILE")  # fmt: skip
    migrate_cmd.add_argument("--force", action="store_true",
                             help="overwrite pages that already exist in OUTDIR")  # fmt: skip

    new_cmd = commands.add_parser(
        "new",
        help="write a new phase page with the standard questions",
        description="Write DIR/ID.md, a draft phase page with the standard questions.",
    )
    new_cmd.add_argument("ident", type=_phase_id, metavar="ID", help="the new phase's id")
    new_cmd.add_argument("--title", help="display name (default: from the id)")
    new_cmd.add_argument("--previous", type=_phase_id, metavar="P", help="previous phase id")
    new_cmd.add_argument("--next", type=_phase_id, metavar="N", help="next phase id")
    new_cmd.add_argument("-o", "--output", type=Path, default=Path(), metavar="DIR",
                         help="folder to write to (default: the current folder)")  # fmt: skip
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
    parser.print_help(sys.stderr)
    return 2


def _migrate(args: argparse.Namespace) -> int:
    options = Options(
        sources=args.sources,
        outdir=args.output,
        base_url=args.base_url,
        dry_run=args.dry_run,
        force=args.force,
    )
    report = migrate(options)
    sys.stdout.write(report.to_text(dry_run=args.dry_run))
    status = 1 if report.has_errors else 0
    if args.report is not None:
        try:
            args.report.write_text(report.to_json(), encoding="utf-8")
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
    text = new_page(args.ident, args.title, args.previous, args.next)
    try:
        target = write_new(args.output, args.ident, text)
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
    return 0

"""The ``briefing`` command: a thin adapter over load, validate, render and MkDocs.

Exit codes: 0 success; 1 the briefing is invalid or the site failed to build; 2 the command was used
wrongly (an unknown option, a missing folder, a site folder it must not replace); 74 the machine could not
read or write a file (disk full, read-only, busy, no permission); 70 a bug of ours; 130 stopped by Ctrl-C
(SIGINT), 143 by SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from generator import editor_schemas, export
from generator.command_line import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_IO,
    EXIT_OK,
    EXIT_TERMINATED,
    EXIT_USAGE,
    content_option,
    no_content_folder,
)
from generator.editions import History, with_history
from generator.errors import BriefingError, Location, Problem
from generator.fields import Category
from generator.find import escaped
from generator.model import Briefing
from generator.scaffold import CATEGORIES, InvalidId, ScaffoldError, new_entity
from generator.validate import load_briefing

TRACEBACK_VARIABLE = "BRIEFING_TRACEBACK"
"""The environment variable that, set to 1, shows an internal error's traceback as ``--traceback`` does."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; never lets a traceback reach the user, unless asked for (``--traceback``)."""
    arguments = None
    try:
        arguments = build_parser().parse_args(argv)
        _terminate_as_interrupted()
        return int(arguments.run(arguments))
    except KeyboardInterrupt as interrupted:
        terminated = isinstance(interrupted, Terminated)
        print(f"briefing: stopped by {'SIGTERM' if terminated else 'Ctrl-C'}", file=sys.stderr)
        return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
    except OSError as error:  # the machine's doing, not the briefing's: a full disk, a read-only folder...
        print(f"briefing: {describe_os_error(error)}", file=sys.stderr)
        return EXIT_IO
    except Exception as error:  # a bug of ours: say so in one line, after the traceback if asked for
        return _internal_error(error, asked=getattr(arguments, "traceback", False))


def _internal_error(error: Exception, *, asked: bool) -> int:
    """Report a bug of ours in one line, saying how to see its traceback, or after it when asked for."""
    if asked or os.environ.get(TRACEBACK_VARIABLE) == "1":
        traceback.print_exception(error, file=sys.stderr)
        how = "with the traceback above"
    else:
        how = f"with the traceback that --traceback (or {TRACEBACK_VARIABLE}=1) shows"
    message = f"internal error ({type(error).__name__}: {error}); please report it, {how}"
    print(f"briefing: {message}", file=sys.stderr)
    return EXIT_BUG


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop as Ctrl-C does, so that a build removes its staging folder on the way out."""


def _terminate_as_interrupted() -> None:
    def stop(number: int, frame: object) -> None:
        raise Terminated

    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGTERM, stop)


def describe_os_error(error: OSError) -> str:
    """What the machine refused, in one line: the file and the reason, without a traceback."""
    reason = error.strerror or str(error)
    names = [name for name in (error.filename, error.filename2) if name is not None]
    if not names:
        return reason
    shown = " -> ".join(_printable_path(name) for name in names)
    return f"{shown}: {reason}"


def _printable_path(name: str | bytes | int) -> str:
    """A file name as a terminal can show it, bytes that are not UTF-8 written as escapes."""
    if isinstance(name, bytes):
        name = name.decode("utf-8", "backslashreplace")
    elif isinstance(name, str):
        name = escaped(name)
    return str(name)


DISTRIBUTION = "briefing-site"
"""The name the package is installed under; the command is ``briefing``, the import package ``generator``."""


def installed_version() -> str:
    """The installed distribution's version, or a word that says it is not installed (run from a checkout)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return f"(not installed: pip install {DISTRIBUTION})"


def build_parser() -> argparse.ArgumentParser:
    """The command line: one subcommand a task."""
    parser = argparse.ArgumentParser(
        prog="briefing", description="Check, render and build a briefing site from its YAML content."
    )
    parser.add_argument(
        "--traceback", action="store_true", help="on an internal error (exit 70), show its traceback too"
    )
    parser.add_argument("--version", action="version", version=f"briefing {installed_version()}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        help="validate the briefing and report every problem as path:line:column: message",
        description="Validate the briefing; report every problem found, each with its place in the files.",
    )
    content_option(check)
    check.set_defaults(run=_check)

    build = commands.add_parser(
        "build",
        help="build the site strictly with MkDocs",
        description="Validate the briefing and build the site with MkDocs, strictly: any warning fails.",
    )
    content_option(build)
    build.add_argument(
        "--site-dir", metavar="DIR", help="where to build the site (default: mkdocs.yml's site_dir)"
    )
    build.add_argument("--config", default="mkdocs.yml", metavar="FILE", help="the MkDocs configuration")
    build.add_argument(
        "--force",
        action="store_true",
        help="replace a site folder that holds things no briefing build made (its dot-entries stay)",
    )
    build.set_defaults(run=_build)

    render = commands.add_parser(
        "render",
        help="write the whole site's sources to a folder, for Zensical or any Markdown site engine",
        description=(
            "Validate the briefing and write into DIR what a site engine needs to build its site without the "
            "plugin: the pages as Markdown with their metadata as front matter, the data files and each "
            "claim's own page under DIR/docs, and DIR/zensical.toml, so that 'zensical build' in DIR needs "
            "nothing else."
        ),
    )
    content_option(render)
    render.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="the folder to write into; only files written there before are replaced or removed",
    )
    render.add_argument(
        "--site-url",
        default=os.environ.get("SITE_URL") or None,
        metavar="URL",
        help="the address the site is published at, for the feed's links and the claims' ClaimReviews "
        "(default: $SITE_URL, as mkdocs.yml has it)",
    )
    render.set_defaults(run=_render)

    exporting = commands.add_parser(
        "export",
        help="print the briefing as data: JSON (briefing.json), the stance matrix as CSV, or the Atom feed",
        description="Validate the briefing and print it as data, as the built site holds it.",
    )
    exporting.add_argument("--format", choices=list(export.FILES), default="json", help="(default: json)")
    exporting.add_argument("--site-url", metavar="URL", help="the site's address, for the feed's links")
    content_option(exporting)
    exporting.set_defaults(run=_export)

    new = commands.add_parser(
        "new",
        help="write a commented template file for a new entity, to fill in",
        description=(
            "Write <content>/<folder>/<id>.yml: a template of a new entity with its id, every required key "
            "left empty to fill in, and the optional keys as comments. Refuses an id already in use."
        ),
    )
    new.add_argument("category", choices=list(CATEGORIES), help="what to add")
    new.add_argument("id", help="the new entity's id, unique across the briefing (e.g. kim-yo-jong)")
    content_option(new)
    new.set_defaults(run=_new)
    _history_commands(commands)
    editor_schemas.register(commands)
    from generator import init, listing, rename  # the author's commands, each in a module of its own

    init.register(commands)
    listing.register(commands)
    rename.register(commands)
    return parser


def _history_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``briefing edition`` and ``briefing diff``."""
    edition = commands.add_parser(
        "edition",
        help="record the briefing as it is now as a new edition, with its update",
        description=(
            "Record the briefing as it is now as a new edition in <content>/editions/, and put its update "
            "(date and text) at the top of the updates in briefing.yml. Refuses a date before the last "
            "edition's, and an edition in which nothing changed unless --allow-empty."
        ),
    )
    edition.add_argument("--date", required=True, metavar="DATE", help="the edition's date (e.g. 2025-04-02)")
    edition.add_argument("--text", required=True, metavar="TEXT", help="what changed, for the update (prose)")
    edition.add_argument(
        "--allow-empty", action="store_true", help="record the edition even if nothing changed since the last"
    )
    content_option(edition)
    edition.set_defaults(run=_edition)

    diff = commands.add_parser(
        "diff",
        help="print what changed between two versions of the briefing, one change a line",
        description=(
            "Compare two versions of the briefing, each a content folder or a git revision (the content "
            "folder as that revision of its repository holds it), and print each change on a line: entities "
            "added and removed, status, stance and assessment changes, new citations, other fields changed."
        ),
    )
    diff.add_argument("old", metavar="OLD", help="the older version: a content folder, or a git revision")
    diff.add_argument(
        "new",
        metavar="NEW",
        nargs="?",
        help="the newer version, as OLD (default: the content folder as it is)",
    )
    diff.add_argument("--format", choices=["text", "json"], default="text", help="(default: text)")
    content_option(diff)
    diff.set_defaults(run=_diff)


def _load_with_history(command: str, content: Path) -> tuple[Briefing, History] | int:
    """The briefing and its recorded editions, or the exit code after reporting why they cannot be had."""
    if no_content_folder(command, content):
        return EXIT_USAGE
    try:
        return with_history(content, load_briefing)
    except BriefingError as error:
        return _invalid(command, error)


def _invalid(command: str, error: BriefingError) -> int:
    """Report every problem, then their count; the exit code of an invalid briefing."""
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(f"briefing {command}: {error.summary()}", file=sys.stderr)
    return EXIT_INVALID


def _check(arguments: argparse.Namespace) -> int:
    content = Path(arguments.content)
    editor_schemas.refresh_for_check(content)
    loaded = _load_with_history("check", content)
    if isinstance(loaded, int):
        return loaded
    briefing, history = loaded
    editions = len(history.editions)
    recorded = f", {editions} recorded edition{'s' * (editions != 1)}" if editions else ""
    print(f"{content.as_posix()}: valid: {counts(briefing)}{recorded}")
    return EXIT_OK


def _render(arguments: argparse.Namespace) -> int:
    from generator.pages_folder import Refused, check_folder, write_pages
    from generator.zensical import site_sources

    content, out = Path(arguments.content), Path(arguments.out)
    try:
        check_folder(out, content)
        loaded = _load_with_history("render", content)
        if isinstance(loaded, int):
            return loaded
        written = write_pages(out, site_sources(*loaded, arguments.site_url))
    except Refused as refused:
        for reason in refused.reasons:
            print(f"briefing render: {_printable_path(reason)}", file=sys.stderr)
        return EXIT_USAGE
    print(written.summary(_printable_path(out.as_posix())))
    return EXIT_OK


def _build(arguments: argparse.Namespace) -> int:
    from generator.site import SiteError, UnsafeSiteFolder, build_site

    config_file = Path(arguments.config)
    if not config_file.is_file():
        print(
            f"briefing build: no MkDocs configuration at '{config_file}'; give one with --config FILE",
            file=sys.stderr,
        )
        return EXIT_USAGE
    content = Path(arguments.content)
    if no_content_folder("build", content):
        return EXIT_USAGE
    site_dir = Path(arguments.site_dir) if arguments.site_dir else None
    try:
        build_site(config_file, content, site_dir, force=arguments.force)
    except UnsafeSiteFolder as error:
        print(f"briefing build: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SiteError as error:
        print(f"briefing build: {error}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _export(arguments: argparse.Namespace) -> int:
    loaded = _load_with_history("export", Path(arguments.content))
    if isinstance(loaded, int):
        return loaded
    briefing, history = loaded
    if arguments.format == "atom":
        written = export.atom_feed(briefing, arguments.site_url, history)
    else:
        written = (
            export.briefing_json(briefing, history)
            if arguments.format == "json"
            else export.stance_csv(briefing)
        )
    sys.stdout.write(written)
    return EXIT_OK


def _new(arguments: argparse.Namespace) -> int:
    content = Path(arguments.content)
    if no_content_folder("new", content):
        return EXIT_USAGE
    try:
        path = new_entity(content, arguments.category, arguments.id)
    except ScaffoldError as error:
        print(f"briefing new: {error}", file=sys.stderr)
        return EXIT_USAGE if isinstance(error, InvalidId) else EXIT_INVALID
    print(f"wrote {path.as_posix()}: fill in its empty values, then run briefing check")
    return EXIT_OK


def _edition(arguments: argparse.Namespace) -> int:
    from generator.recording import Refused, record_edition

    content = Path(arguments.content)
    if no_content_folder("edition", content):
        return EXIT_USAGE
    try:
        recorded = record_edition(
            content, arguments.date, arguments.text, load_briefing, allow_empty=arguments.allow_empty
        )
    except Refused as refused:
        print(f"briefing edition: {refused}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as error:
        return _invalid("edition", error)
    where = _printable_path(recorded.path.as_posix())
    update = (
        f"its update is at the top of the updates in {_printable_path(recorded.briefing_file.as_posix())}"
        if recorded.briefing_file
        else "its update was in the updates already"
    )
    whole = ", the whole briefing as it is" if recorded.number == 1 else ""
    print(f"recorded edition {recorded.number} in {where}{whole}; {update}")
    if recorded.number > 1:
        for change in recorded.changes:
            print(change.words())
    return EXIT_OK


def _diff(arguments: argparse.Namespace) -> int:
    from generator.history import State, compare
    from generator.revisions import RevisionError, content_at

    content = Path(arguments.content)
    states = []
    try:
        with contextlib.ExitStack() as taken:
            for version in (arguments.old, arguments.new or arguments.content):
                if Path(version).is_dir():
                    folder, name = Path(version), Path(version).as_posix()
                elif not content.is_dir():
                    print(
                        f"briefing diff: '{version}' is not a folder; to read it as a git revision of the "
                        f"content folder's repository, give the content folder with --content DIR",
                        file=sys.stderr,
                    )
                    return EXIT_USAGE
                else:
                    folder, name = taken.enter_context(content_at(version, content))
                briefing = _load_version(folder, name)
                if isinstance(briefing, int):
                    return briefing
                states.append(State.of(export.briefing_data(briefing)))
    except RevisionError as error:
        print(f"briefing diff: {error}", file=sys.stderr)
        return EXIT_USAGE
    old, new = states
    changes = compare(old, new)
    if arguments.format == "json":
        print(json.dumps({"changes": [change.data() for change in changes]}, ensure_ascii=False, indent=2))
    else:
        for change in changes:
            print(change.words())
    return EXIT_OK


def _load_version(folder: Path, name: str) -> Briefing | int:
    """One version of the briefing for ``diff``; its problems located under its name (``HEAD~1:content``)."""
    try:
        return load_briefing(folder)
    except BriefingError as error:
        prefix = folder.as_posix()
        renamed = [
            Problem(
                Location(_joined(name, problem.location.path.removeprefix(prefix)), *problem.location[1:]),
                problem.message,
            )
            if problem.location.path.startswith(prefix)
            else problem
            for problem in error.problems
        ]
        return _invalid("diff", BriefingError(renamed))


def _joined(name: str, path: str) -> str:
    """A path inside a version of the content folder (``/claims/x.yml``), named under the version's name."""
    return name + path.lstrip("/") if name.endswith((":", "/")) else name + path


def counts(briefing: Briefing) -> str:
    """Count the briefing's entities per category, in words."""
    found = [(len(briefing.of(category)), category) for category in Category]
    return ", ".join(
        f"{number} {category.value if number == 1 else category.plural}" for number, category in found
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The command line; with no command it starts the application window.

Exit codes: 0 success, 1 failure, 2 bad input (usage errors included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mmtracker import __version__
from mmtracker.logic.codes import Phase
from mmtracker.logic.families import ITEM_FAMILY, Family, find_family
from mmtracker.logic.worklist_order import Show

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mmtracker.logic.policy import Policy

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, not {text!r}") from None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 366:
        raise argparse.ArgumentTypeError(f"expected a number of days from 0 to 366, not {text!r}")
    return value


def _phase(text: str) -> Phase:
    """A phase named in any case (``maintenance``, ``MAINTENANCE``)."""
    for phase in Phase:
        if text.strip().upper() == phase.value:
            return phase
    accepted = ", ".join(p.value for p in Phase)
    raise argparse.ArgumentTypeError(f"unknown phase {text!r}; accepted (any case): {accepted}")


def _item(text: str) -> Family | str:
    """A family of care items (its id or English name, any case), else a prefix of item ids."""
    family = find_family(text)
    if family is not None:
        return family
    if text and any(item_id.startswith(text) for item_id in ITEM_FAMILY):  # every care item
        return text
    families = ", ".join(f.value for f in Family)
    raise argparse.ArgumentTypeError(
        f"{text!r} is neither a family of care items ({families}) "
        "nor the start of a care-item id (e.g. bta. or renal.za_dose)"
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


class _Version(argparse.Action):
    """``--version``: the application's version and the database schema it writes (read on use)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from mmtracker.storage.schema import head_revision

        print(f"mmtracker {__version__}, database schema {head_revision()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(prog="mmtracker", description=__doc__)
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="print the version and the schema version"
    )
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy URL of the database")
    parser.add_argument("--demo", action="store_true", help="open the separate demo database")
    parser.add_argument("--lang", choices=["en", "zh_CN"], default=None, help="interface language")
    sub = parser.add_subparsers(dest="command")

    def with_database(p: argparse.ArgumentParser, demo: bool = True) -> argparse.ArgumentParser:
        """The database options, also accepted after the command (``worklist --demo``)."""
        p.add_argument(
            "--database",
            metavar="URL",
            default=argparse.SUPPRESS,
            help="SQLAlchemy URL of the database",
        )
        if demo:
            p.add_argument(
                "--demo",
                action="store_true",
                default=argparse.SUPPRESS,
                help="use the separate demo database (created on first use)",
            )
        return p

    demo = with_database(
        sub.add_parser("demo", help="create a demo database of synthetic patients")
    )
    demo.add_argument("--patients", type=_positive, default=200, help="how many patients")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.add_argument(
        "--as-of", type=_date, default=None, help="the demo's 'today' (default: today)"
    )

    export = with_database(
        sub.add_parser("export-record", help="write one patient's record as JSON")
    )
    export.add_argument("--mrn", required=True, help="medical record number")
    export.add_argument(
        "--out", type=Path, default=None, help="file to write (default: standard output)"
    )

    imp = with_database(sub.add_parser("import-record", help="read one patient's record from JSON"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--replace", action="store_true", help="overwrite a patient with the same MRN")

    evaluate = sub.add_parser(
        "evaluate", help="assess one record file and print the assessment as JSON"
    )
    evaluate.add_argument("record", type=Path, metavar="RECORD.json", help="a patient record file")
    evaluate.add_argument(
        "--as-of", type=_date, default=None, help="the date to assess on (default: today)"
    )
    evaluate.add_argument(
        "--policy", type=Path, default=None, metavar="FILE", help="a clinic policy file (TOML)"
    )
    evaluate.add_argument(
        "--units",
        choices=["si", "conventional"],
        default="si",
        help="unit system of the laboratory values (default: si)",
    )
    evaluate.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        default=argparse.SUPPRESS,
        help="language of the message texts (default: en)",
    )

    work = with_database(
        sub.add_parser("worklist", help="every patient's alerts and due or overdue checks")
    )
    work.add_argument("--as-of", type=_date, default=None, help="the day (default: today)")
    work.add_argument(
        "--within",
        type=_days,
        default=None,
        metavar="DAYS",
        help="count items due within DAYS as due soon (default: the policy's lead_days)",
    )
    work.add_argument(
        "--item",
        type=_item,
        default=None,
        metavar="FAMILY|PREFIX",
        help="only the items of a family ("
        + ", ".join(f.value for f in Family)
        + "; its name also, e.g. 'bone therapy'), else those whose id starts so (bta.)",
    )
    work.add_argument(
        "--phase",
        action="append",
        type=_phase,
        default=[],
        metavar="PHASE",
        help="only patients in this phase, any case: "
        + ", ".join(p.value for p in Phase)
        + " (repeatable)",
    )
    work.add_argument(
        "--status",
        action="append",
        choices=[s.value for s in Show],
        default=[],
        help="what to show (repeatable; default: urgent, overdue, due_soon)",
    )
    work.add_argument("--format", choices=["table", "json", "csv"], default="table")
    work.add_argument("--ids", action="store_true", help="show each item's id too (table and csv)")
    work.add_argument(
        "--policy", type=Path, default=None, metavar="FILE", help="a clinic policy file (TOML)"
    )
    work.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        default=argparse.SUPPRESS,
        help="language of the texts (default: en)",
    )

    bench = with_database(  # the bench builds a demo database of its own: no --demo
        sub.add_parser(
            "bench", help="measure the worklist, a save and a full re-assessment on a demo"
        ),
        demo=False,
    )
    bench.add_argument("--patients", type=_positive, default=10_000, help="demo patients")
    bench.add_argument("--seed", type=int, default=1, help="random seed of the demo")
    bench.add_argument("--runs", type=_positive, default=5, help="fresh processes per figure")
    bench.add_argument("--as-of", type=_date, default=None, help="the day (default: today)")

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    with_database(db_sub.add_parser("upgrade", help="apply pending schema migrations"))
    with_database(db_sub.add_parser("check", help="integrity check and schema-version report"))
    reassess = with_database(
        db_sub.add_parser("reassess", help="re-assess stale stored care-item state")
    )
    reassess.add_argument("--all", action="store_true", help="every live patient, stale or not")
    reassess.add_argument("--as-of", type=_date, default=None, help="the day (default: today)")
    reassess.add_argument(
        "--policy", type=Path, default=None, metavar="FILE", help="a clinic policy file (TOML)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (or the GUI) and return the exit code."""
    args = build_parser().parse_args(argv)
    if args.demo and args.database:
        print(
            "error: --demo and --database exclude each other: --demo opens the separate "
            "demo database, --database URL names another",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if args.command is None:
        return _main(args)
    # A command builds many objects with next to no reference cycles among them, then ends:
    # the cyclic collector would only scan them again and again. The window keeps it running.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(args)
    finally:
        if argv is not None:  # called from a program that goes on: its collector as it was
            gc.unfreeze()
            if collecting:
                gc.enable()


def _main(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import DBAPIError

    from mmtracker.logic.policy import PolicyError
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.services import NotFoundError, ValidationError

    try:
        if args.command is None:
            return _gui(args)
        return int(COMMANDS[args.command](args))
    except ValidationError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PolicyError as exc:  # a refused --policy file (worklist, db reassess)
        for refused in exc.problems:
            print(f"error: policy: {refused}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (StorageError, NotFoundError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except DBAPIError as exc:  # locked, read-only, full, corrupt or unreachable database
        print(f"error: the database cannot be used: {exc.orig}", file=sys.stderr)
        return EXIT_FAILURE


def _url(args: argparse.Namespace, demo: bool = False) -> str:
    from mmtracker.config import database_url

    return database_url(args.database, demo=demo or args.demo)


def _engine(args: argparse.Namespace) -> Engine:
    """An engine on the chosen database; with ``--demo``, the demo database filled on first use."""
    from mmtracker.workflows import open_demo_engine, open_engine

    if args.demo:
        from mmtracker.config import actor

        return open_demo_engine(_url(args), actor(), dt.date.today())
    return open_engine(_url(args))


NO_DISPLAY = (
    "mmtracker: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
    "to run it headless use `xvfb-run mmtracker` or set QT_QPA_PLATFORM=offscreen"
)


def no_display() -> bool:
    """True on a Linux or BSD machine with no display for the window and no Qt platform chosen."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def _gui(args: argparse.Namespace) -> int:
    if no_display():  # before Qt, which would abort on the missing xcb connection
        print(NO_DISPLAY, file=sys.stderr)
        return EXIT_FAILURE
    from mmtracker.ui.app import run

    return run(database=args.database, demo=args.demo, lang=args.lang)


def _demo(args: argparse.Namespace) -> int:
    import time

    from mmtracker.config import actor
    from mmtracker.workflows import NotEmptyError, fill_demo, open_engine

    url = _url(args, demo=True)
    engine = open_engine(url)
    started = time.perf_counter()
    try:
        ids = fill_demo(engine, args.patients, args.seed, args.as_of or dt.date.today(), actor())
    except NotEmptyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(
        f"{len(ids)} demo patients written to {engine.url.render_as_string()} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return EXIT_OK


def _export_record(args: argparse.Namespace) -> int:
    from mmtracker.record import record_document
    from mmtracker.storage.loaders import load_record_rows, patient_id_for_mrn

    engine = _engine(args)
    patient_id = patient_id_for_mrn(engine, args.mrn)
    text = (
        json.dumps(
            record_document(load_record_rows(engine, [patient_id])[patient_id]),
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return EXIT_OK


def _import_record(args: argparse.Namespace) -> int:
    from mmtracker.config import actor
    from mmtracker.record import load_record_file
    from mmtracker.storage.bulk import write_records

    record, problems = load_record_file(args.file)
    if record is None:
        for problem in problems:
            print(f"error: {args.file}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    engine = _engine(args)
    write_records(engine, [record], actor(), replace=args.replace)
    print(f"imported {record.patient.mrn}")
    return EXIT_OK


def _evaluate(args: argparse.Namespace) -> int:
    """Assess a record file on a date and print the assessment (docs/assessment-format.md)."""
    from mmtracker.assessment_json import assessment_document
    from mmtracker.config import load_policy
    from mmtracker.logic.assessment import assess
    from mmtracker.logic.policy import PolicyError
    from mmtracker.logic.units import UnitSystem
    from mmtracker.record import load_record_file, record_history

    record, problems = load_record_file(args.record)
    if record is None:
        for problem in problems:
            print(f"error: {args.record}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        policy = load_policy(args.policy)
    except PolicyError as exc:
        for refused in exc.problems:
            print(f"error: policy: {refused}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(
            f"error: policy: {args.policy}: cannot be read: {exc.strerror or exc}", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    _warn(policy)
    assessment = assess(record_history(record), args.as_of or dt.date.today(), policy)
    document = assessment_document(assessment, UnitSystem(args.units), args.lang or "en")
    _write_utf8(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _write_utf8(text: str) -> None:
    """Write to standard output as UTF-8, whatever the console's own encoding."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def _db(args: argparse.Namespace) -> int:
    from mmtracker.storage.check import check_database
    from mmtracker.storage.engine import make_engine
    from mmtracker.storage.schema import backup_sqlite, upgrade

    engine = make_engine(_url(args))
    if args.db_command == "upgrade":
        from mmtracker.config import paths

        backup = backup_sqlite(engine, paths().backups)
        if backup:
            print(f"backup written to {backup}")
        state = upgrade(engine)
        print(f"schema at {state.current} (head {state.head})")
        return EXIT_OK
    if args.db_command == "reassess":
        return _reassess(args)
    report = check_database(engine)
    for line in report.lines:
        print(line)
    return EXIT_OK if report.ok else EXIT_FAILURE


def _policy(args: argparse.Namespace) -> Policy:
    from mmtracker.config import load_policy

    policy = load_policy(args.policy)
    _warn(policy)
    return policy


def _warn(policy: Policy) -> None:
    """The policy's warnings (e.g. an old key read as its new one, D37) on standard error."""
    for warning in policy.warnings:
        print(f"warning: policy: {warning}", file=sys.stderr)


def _progress(done: int, total: int) -> None:
    """A progress bar on standard error."""
    width = 40
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _worklist(args: argparse.Namespace) -> int:
    from mmtracker.logic.worklist_order import DEFAULT_SHOW
    from mmtracker.storage.worklist import worklist
    from mmtracker.workflows import patient_count
    from mmtracker.worklist_output import FORMATS

    policy = _policy(args)
    # The modules loaded live until the process ends: the final collection need not scan them.
    gc.freeze()
    engine = _engine(args)
    family = args.item if isinstance(args.item, Family) else None
    rows = worklist(
        engine,
        args.as_of or dt.date.today(),
        policy,
        within=args.within,
        item_prefix="" if family is not None or args.item is None else args.item,
        phases=args.phase,
        show=[Show(s) for s in args.status] or DEFAULT_SHOW,
        progress=_progress if sys.stderr.isatty() else None,
    )
    if family is not None:
        rows = [row for row in rows if ITEM_FAMILY[row.item.id] is family]
    if not rows and patient_count(engine) == 0:
        empty = (
            f"the database {engine.url.render_as_string()} holds no patients yet; to try "
            "mmtracker on made-up patients run `mmtracker --demo worklist`, or fill an empty "
            "database with `mmtracker demo`"
        )
        if args.format == "table":
            print(empty)
            return EXIT_OK
        print(empty, file=sys.stderr)  # the output stays a document a program can read
    _write_utf8(FORMATS[args.format](rows, args.lang or "en", ids=args.ids))
    return EXIT_OK


def _reassess(args: argparse.Namespace) -> int:
    import time

    from mmtracker.storage.state import reassess_all, refresh_stale

    policy = _policy(args)
    engine = _engine(args)
    started = time.perf_counter()
    run = reassess_all if args.all else refresh_stale
    count = run(engine, args.as_of or dt.date.today(), policy, _progress)
    print(f"{count} patients re-assessed in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from mmtracker.bench import bench

    return bench(args)


COMMANDS = {
    "bench": _bench,
    "demo": _demo,
    "export-record": _export_record,
    "import-record": _import_record,
    "evaluate": _evaluate,
    "worklist": _worklist,
    "db": _db,
}


if __name__ == "__main__":
    sys.exit(main())

"""The command line; with no command it starts the application window.

Exit codes: 0 success, 1 failure, 2 bad input (usage errors included), 3 internal error
(a fault of mmtracker: one line says so; the details go to the error log in the data
folder, mmtracker/error_log.py).
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
from mmtracker.logic.families import ITEM_FAMILY, Family, find_family, name_words
from mmtracker.logic.worklist_order import Show

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from mmtracker.logic.policy import Policy
    from mmtracker.pdf_export import Layout
    from mmtracker.storage.worklist import WorklistRow

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


AS_OF_EARLIEST = dt.date(1900, 1, 1)
AS_OF_YEARS_AHEAD = 5  # the latest day a command is run as of: today and 5 years


def _date(text: str) -> dt.date:
    """A day a command is run as of: YYYY-MM-DD from 1900-01-01 to today + 5 years."""
    shown = text if len(text) <= 40 else text[:40] + "…"
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, not {shown!r}") from None
    from mmtracker.logic.dates import add_months

    latest = add_months(dt.date.today(), 12 * AS_OF_YEARS_AHEAD)
    if not AS_OF_EARLIEST <= day <= latest:
        raise argparse.ArgumentTypeError(
            f"{day} is outside the accepted range {AS_OF_EARLIEST} to {latest} "
            f"(today and {AS_OF_YEARS_AHEAD} years on)"
        )
    return day


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 366:
        raise argparse.ArgumentTypeError(f"expected a number of days from 0 to 366, not {text!r}")
    return value


def _phase(text: str) -> Phase:
    """A phase by its code in any case (``maintenance``), or by the label the table shows or
    its first words (``newly diagnosed`` for "newly diagnosed MM (NDMM)"), when only one fits.
    """
    from mmtracker.english import CODES

    wanted = name_words(text)
    for phase in Phase:
        if wanted == [phase.value.casefold()]:
            return phase
    fitting = [p for p in Phase if wanted and name_words(CODES[p.value])[: len(wanted)] == wanted]
    if len(fitting) == 1:
        return fitting[0]
    accepted = ", ".join(p.value for p in Phase)
    raise argparse.ArgumentTypeError(
        f"unknown phase {text!r}; accepted (any case): {accepted}, or the phase as the "
        "table names it (e.g. 'newly diagnosed')"
    )


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


def _worklist_filters(parser: argparse.ArgumentParser) -> None:
    """The worklist's filters (the worklist command's, and a printed list's)."""
    parser.add_argument(
        "--within",
        type=_days,
        default=None,
        metavar="DAYS",
        help="count items due within DAYS as due soon (default: the policy's lead_days)",
    )
    parser.add_argument(
        "--item",
        type=_item,
        default=None,
        metavar="FAMILY|PREFIX",
        help="only the items of a family ("
        + ", ".join(f.value for f in Family)
        + "; its name also, e.g. 'bone therapy'), else those whose id starts so (bta.)",
    )
    parser.add_argument(
        "--phase",
        action="append",
        type=_phase,
        default=[],
        metavar="PHASE",
        help="only patients in this phase, any case: "
        + ", ".join(p.value for p in Phase)
        + ", or as the table names it, e.g. 'newly diagnosed' (repeatable)",
    )
    parser.add_argument(
        "--status",
        action="append",
        type=str.casefold,  # any case, as --phase
        choices=[s.value for s in Show],
        default=[],
        help="what to show (repeatable; default: urgent, overdue, due_soon)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(prog="mmtracker", description=__doc__)
    parser.add_argument(
        "--version", action=_Version, nargs=0, help="print the version and the schema version"
    )
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy URL of the database")
    parser.add_argument("--demo", action="store_true", help="open the separate demo database")
    parser.add_argument(
        "--user", metavar="NAME", default=None, help="sign in as this user of the database"
    )
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        type=Path,
        default=None,
        help=f"the password, from a file only its owner reads (also {PASSWORD_FILE_ENV})",
    )
    parser.add_argument("--lang", choices=["en", "zh_CN"], default=None, help="interface language")
    sub = parser.add_subparsers(dest="command")

    def with_database(
        p: argparse.ArgumentParser, demo: bool = True, database: bool = True
    ) -> argparse.ArgumentParser:
        """The database and sign-in options, also accepted after the command (``worklist
        --demo``, ``user list --user ada``).

        A command that takes no ``--demo`` (or no ``--database``) still accepts it unlisted,
        so that :func:`main` refuses it in one line wherever it stands.
        """
        p.add_argument(
            "--database",
            metavar="URL",
            default=argparse.SUPPRESS,
            help="SQLAlchemy URL of the database" if database else argparse.SUPPRESS,
        )
        p.add_argument(
            "--demo",
            action="store_true",
            default=argparse.SUPPRESS,
            help="use the separate demo database (created on first use)"
            if demo
            else argparse.SUPPRESS,
        )
        p.add_argument(
            "--user",
            metavar="NAME",
            default=argparse.SUPPRESS,
            help="sign in as this user of the database" if database else argparse.SUPPRESS,
        )
        p.add_argument(
            "--password-file",
            metavar="FILE",
            type=Path,
            default=argparse.SUPPRESS,
            help="the password of --user, from a file only its owner reads"
            if database
            else argparse.SUPPRESS,
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
    imp.add_argument(
        "--replace",
        action="store_true",
        help="make the file's record that of the patient with the same MRN (audited)",
    )
    imp.add_argument(
        "--force",
        action="store_true",
        help="with --replace: also when the record changed after the file was exported",
    )
    imp.add_argument(
        "--reason", metavar="TEXT", default=None, help="why the record is replaced (audited)"
    )

    evaluate = with_database(  # no database: --demo and --database are refused
        sub.add_parser("evaluate", help="assess one record file and print the assessment as JSON"),
        demo=False,
        database=False,
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
    _worklist_filters(work)
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

    pdf = with_database(
        sub.add_parser(
            "export-pdf",
            help="print a visit summary, the clinic day's summaries, or the worklist as PDF",
        )
    )
    what = pdf.add_mutually_exclusive_group(required=True)
    what.add_argument("--mrn", help="the visit summary of this patient")
    what.add_argument("--worklist", action="store_true", help="the worklist (its filters below)")
    what.add_argument(
        "--clinic-day",
        type=_date,
        metavar="DAY",
        help="the summaries of every patient whose next visit is DAY, into --out-dir",
    )
    pdf.add_argument(
        "--as-of",
        type=_date,
        default=None,
        help="the day assessed (default: today; for --clinic-day, that day)",
    )
    pdf.add_argument("--out", type=Path, default=None, help="the PDF file to write")
    pdf.add_argument(
        "--out-dir", type=Path, default=None, help="the folder of the clinic day's summaries"
    )
    pdf.add_argument("--paper", choices=["a4", "letter"], default="a4")
    pdf.add_argument("--units", choices=["si", "conventional"], default="si")
    pdf.add_argument(
        "--lang",
        choices=["en", "zh_CN"],
        default=argparse.SUPPRESS,
        help="language of the document (default: en)",
    )
    pdf.add_argument(
        "--policy", type=Path, default=None, metavar="FILE", help="a clinic policy file (TOML)"
    )
    _worklist_filters(pdf)

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
    bench.add_argument(
        "--only",
        choices=["security"],
        default=None,
        help="only these figures (security: the audit chain in a save, audit verify, sign-in)",
    )
    bench.add_argument(
        "--audit-rows", type=_positive, default=None, help="audit rows verified (1,000,000)"
    )

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
    backup = with_database(db_sub.add_parser("backup", help="back up the database now"))
    backup.add_argument(
        "--to", type=Path, default=None, metavar="DIR", help="folder (default: the backups folder)"
    )
    restore = with_database(
        db_sub.add_parser("restore", help="replace the database by a backup (kept first)")
    )
    restore.add_argument("backup_file", type=Path, metavar="FILE", help="an SQLite backup")
    restore.add_argument(
        "--other-database",
        action="store_true",
        help="restore a copy of another database (its own id differs) all the same",
    )
    grant = with_database(
        db_sub.add_parser(
            "grant", help="make or update the workstations' PostgreSQL role (database owner)"
        )
    )
    grant.add_argument("role", metavar="ROLE", help="role name: a-z, 0-9 and _, up to 63")
    grant.add_argument(
        "--new-password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="set the role's password from a file only its owner reads",
    )
    db_password = with_database(
        db_sub.add_parser(
            "password", help="keep the PostgreSQL password of --database in the system keyring"
        )
    )
    keeping = db_password.add_mutually_exclusive_group()
    keeping.add_argument(
        "--new-password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the password, from a file only its owner reads (default: typed twice)",
    )
    keeping.add_argument(
        "--forget", action="store_true", help="take the password out of the keyring"
    )

    user = sub.add_parser("user", help="the users of the database (administrators)")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = with_database(user_sub.add_parser("add", help="make a user (asks the password)"))
    add.add_argument("name", help="sign-in name: letters a-z, digits, '.', '_', '-'")
    add.add_argument("--role", required=True, choices=["nurse", "physician", "administrator"])
    add.add_argument("--display-name", default=None, help="full name (default: the name)")
    add.add_argument(
        "--new-password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the new user's password, from a file only its owner reads",
    )
    with_database(user_sub.add_parser("list", help="the users and their roles"))
    change = with_database(
        user_sub.add_parser("change", help="a user's role, name or account (administrators)")
    )
    change.add_argument("name", help="the user's sign-in name")
    change.add_argument("--role", default=None, choices=["nurse", "physician", "administrator"])
    change.add_argument("--display-name", default=None, help="full name")
    state = change.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true", help="the account may not sign in")
    state.add_argument("--enable", action="store_true", help="the account may sign in again")
    change.add_argument(
        "--unlock", action="store_true", help="lift a lock-out after failed sign-ins"
    )
    reset = with_database(
        user_sub.add_parser(
            "reset-password", help="give a user a new password (administrators; lifts a lock-out)"
        )
    )
    reset.add_argument("name", help="the user's sign-in name")
    reset.add_argument(
        "--new-password-file",
        type=Path,
        default=None,
        metavar="FILE",
        help="the new password, from a file only its owner reads",
    )

    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    with_database(
        audit_sub.add_parser(
            "verify", help="recompute the audit's hash chain and name the first broken row"
        )
    )
    return parser


# Why a command refuses an option it has no use for.
REFUSED = {
    ("evaluate", "--demo"): "evaluate assesses a record file and uses no database",
    ("evaluate", "--database"): "evaluate assesses a record file and uses no database",
    ("evaluate", "--user"): "evaluate assesses a record file and needs no sign-in",
    ("bench", "--demo"): (
        "bench builds a demo database of its own (in the data folder, or at --database URL)"
    ),
}


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
    for option, given in (
        ("--demo", args.demo),
        ("--database", args.database),
        ("--user", args.user),
    ):
        refused = REFUSED.get((args.command, option))
        if given and refused:
            print(f"error: {option}: {refused}", file=sys.stderr)
            return EXIT_BAD_INPUT
    from mmtracker.config import PRIVATE_UMASK

    umask = os.umask(PRIVATE_UMASK)  # every file made is its owner's only (docs/security.md)
    if args.command is None:  # the window, which keeps the cyclic collector running
        try:
            return _main(args)
        finally:
            if argv is not None:
                os.umask(umask)
    # A command builds many objects with next to no reference cycles among them, then ends:
    # the cyclic collector would only scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(args)
    finally:
        if argv is not None:  # called from a program that goes on: its state as it was
            from mmtracker.config import sign_in_as

            sign_in_as(None)
            os.umask(umask)
            gc.unfreeze()
            if collecting:
                gc.enable()


def _main(args: argparse.Namespace) -> int:
    try:
        if args.command is None:
            return _gui(args)
        return int(COMMANDS[args.command](args))
    except Exception as exc:
        code = _explained(exc)
        return _internal_error(args, exc) if code is None else code


def _internal_error(args: argparse.Namespace, error: Exception) -> int:
    """Say in one line, without a traceback, that mmtracker failed where it should not, and
    log the details (:func:`mmtracker.error_log.log_error`: no message, no arguments)."""
    from mmtracker.error_log import log_error

    sub_command = next(
        (getattr(args, f"{name}_command", "") for name in ("db", "audit", "user")
         if getattr(args, f"{name}_command", "")),
        "",
    )  # fmt: skip
    command = " ".join(filter(None, ["mmtracker", args.command, sub_command]))
    said = f"error: internal error ({type(error).__name__}) in `{command}`"
    try:
        log = log_error(command, error)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        details = f"the error log could not be written ({where}{exc.strerror or exc})"
    else:
        details = f"the details are in {log}; please pass that file on to your IT support"
    print(f"{said}; nothing was saved in part; {details}", file=sys.stderr)
    return EXIT_INTERNAL


def _explained(exc: Exception) -> int | None:
    """Print why the command failed and return its exit code; None for an unforeseen error.

    The exception classes are imported here, when one is raised: the window is shown
    before SQLAlchemy is imported, which it loads off its GUI thread (mmtracker/ui/app.py).
    """
    from sqlalchemy.exc import DBAPIError

    from mmtracker.config import SettingError
    from mmtracker.logic.policy import PolicyError
    from mmtracker.storage.engine import StorageError
    from mmtracker.storage.outcomes import NotFoundError, ValidationError

    if isinstance(exc, SignInRefused):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from mmtracker.storage.users import PermissionDeniedError

    if isinstance(exc, PermissionDeniedError):  # the role the action needs
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if isinstance(exc, SettingError):  # a database URL or settings file that cannot be used
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(exc, ValidationError):
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(exc, PolicyError):  # a refused or unreadable policy file
        for refused in exc.problems:
            print(f"error: policy: {refused}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(exc, (StorageError, NotFoundError, ValueError, OSError)):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if isinstance(exc, DBAPIError):  # locked, read-only, full, corrupt or unreachable database
        print(f"error: the database cannot be used: {exc.orig}", file=sys.stderr)
        return EXIT_FAILURE
    return None


def _url(args: argparse.Namespace, demo: bool = False, existing: bool = False) -> str:
    """The chosen database's URL, checked; ``existing``: refuse an SQLite file that is not there
    (a command that only reads; the per-user clinic and demo databases are made on first use).
    """
    from mmtracker.workflows import checked_database_url

    return checked_database_url(args.database, demo=demo or args.demo, existing=existing)


def _engine(args: argparse.Namespace, existing: bool = False) -> Engine:
    """An engine on the chosen database, its user signed in (:func:`_sign_in`); with
    ``--demo``, the demo database filled on first use."""
    from mmtracker.workflows import open_demo_engine, open_engine

    if args.demo:
        from mmtracker.config import actor

        return open_demo_engine(_url(args), actor(), dt.date.today())
    return _sign_in(args, open_engine(_url(args, existing=existing)))


def _reading_engine(args: argparse.Namespace) -> Engine:
    """An engine for a command that only reads: a database this account cannot write is
    opened read-only (:func:`mmtracker.workflows.open_reading_engine`)."""
    if args.demo:
        return _engine(args, existing=True)
    from mmtracker.workflows import open_reading_engine

    return _sign_in(args, open_reading_engine(_url(args, existing=True)))


PASSWORD_FILE_ENV = "MMTRACKER_PASSWORD_FILE"


class SignInRefused(Exception):
    """No sign-in where the database needs one; the message says what to give."""


def _sign_in(args: argparse.Namespace, engine: Engine) -> Engine:
    """Sign in to a database that has users (``--user``; the password from
    ``--password-file``, ``MMTRACKER_PASSWORD_FILE`` or the terminal): the user is then the
    actor of every write. A demo database needs none; one without users runs as the
    operating system's user, and a command that writes says so."""
    from mmtracker.config import actor, sign_in_as
    from mmtracker.storage.engine import read_only
    from mmtracker.storage.marks import is_demo
    from mmtracker.storage.users import SignInError, authenticate, has_users

    with engine.connect() as conn:
        users = has_users(conn)
    if not users or is_demo(engine):
        if args.user is not None:
            print(f"note: this database has no users; --user {args.user} is not needed",
                  file=sys.stderr)  # fmt: skip
        elif args.command in WRITING_COMMANDS and getattr(args, "user_command", "") != "list":
            print(
                f"note: this database has no users yet; writing as {actor()} (make its first "
                "administrator: mmtracker user add NAME --role administrator)",
                file=sys.stderr,
            )
        return engine
    if args.user is None:
        raise SignInRefused("this database has users: sign in with --user NAME")
    try:
        user = authenticate(engine, args.user, _password(args), record=not read_only(engine))
    except SignInError as exc:
        raise SignInRefused(f"--user {args.user}: {exc}") from None
    sign_in_as(user.name)
    return engine


WRITING_COMMANDS = frozenset({"import-record", "user"})


def _administering(args: argparse.Namespace, engine: Engine, what: str) -> Engine:
    """``engine`` once its user is signed in as an administrator (a database without users:
    anyone)."""
    return _required_administrator(_sign_in(args, engine), what)


def _required_administrator(engine: Engine, what: str) -> Engine:
    """``engine``, its signed-in user an administrator (a database without users: anyone);
    PermissionDeniedError otherwise."""
    from mmtracker.config import actor
    from mmtracker.storage.users import Role, has_users, require

    with engine.connect() as conn:
        if has_users(conn):
            require(conn, actor(), Role.ADMINISTRATOR, what)
    return engine


def _password(args: argparse.Namespace) -> str:
    """The password of ``--user``: from its file, only if only its owner may read it, or
    typed at the terminal."""
    chosen = args.password_file or os.environ.get(PASSWORD_FILE_ENV)
    if chosen:
        return _password_from(Path(chosen))
    if not sys.stdin.isatty():
        raise SignInRefused(
            f"no password for --user {args.user}: give --password-file FILE (or set "
            f"{PASSWORD_FILE_ENV}), or run the command at a terminal"
        )
    import getpass

    return getpass.getpass(f"password of {args.user}: ")


def _password_from(path: Path) -> str:
    """The first line of a password file its caller owns and no one else may read."""
    try:
        found = path.stat()
        if os.name == "posix" and (found.st_uid != os.getuid() or found.st_mode & 0o077):
            raise SignInRefused(
                f"the password file {path} must be yours and readable by you only "
                f"(chmod 600 {path}); it is mode {found.st_mode & 0o777:o}"
            )
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SignInRefused(f"the password file {path} cannot be read: {exc.strerror}") from None
    return lines[0] if lines else ""


HEADLESS = "to run it headless use `xvfb-run mmtracker` or set QT_QPA_PLATFORM=offscreen"
NO_DISPLAY = (
    "mmtracker: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
    + HEADLESS
)
# Qt's platforms that need a display server; any other (offscreen, minimal, vnc, eglfs …) needs none.
X_PLATFORMS = frozenset({"xcb"})
WAYLAND_PLATFORMS = frozenset({"wayland", "wayland-egl"})
CONNECT_TIMEOUT_S = 0.5


def _connects(address: str | tuple[str, int]) -> bool:
    """True when a socket connects to ``address`` (a Unix socket path, or host and port)."""
    import socket

    try:
        if isinstance(address, tuple):
            socket.create_connection(address, CONNECT_TIMEOUT_S).close()
            return True
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(CONNECT_TIMEOUT_S)
            conn.connect(address)
        return True
    except OSError:
        return False


def x_display_reachable(display: str) -> bool:
    """True when the X server of ``display`` (``:0``, ``:0.0``, ``host:10``) takes a connection.

    ``:n`` and ``unix:n``: the socket ``/tmp/.X11-unix/Xn`` (or the Linux abstract one of that
    name); ``host:n``: TCP port 6000 + n.
    """
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        return _connects(path) or (sys.platform == "linux" and _connects("\0" + path))
    return _connects((host, 6000 + int(number)))


def wayland_display_reachable(display: str) -> bool:
    """True when the Wayland compositor's socket (in ``$XDG_RUNTIME_DIR``) takes a connection."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    path = display if os.path.isabs(display) else os.path.join(runtime, display)
    return bool(runtime or os.path.isabs(display)) and _connects(path)


def display_problem() -> str | None:
    """Why the window cannot be shown here (one line naming the headless ways), or None.

    Checked before Qt starts, which aborts when its xcb or Wayland connection fails. Only on
    Linux and the BSDs, and only for the platforms that need a display server: a
    ``QT_QPA_PLATFORM`` of offscreen, minimal, vnc and the like is left to Qt.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    # Qt tries a list "wayland;xcb" in order; a platform may carry options ("xcb:opt").
    platforms = [p.split(":", 1)[0].strip() for p in chosen.split(";") if p.strip()]
    if any(p not in X_PLATFORMS | WAYLAND_PLATFORMS for p in platforms):
        return None
    x_wanted = not platforms or bool(X_PLATFORMS.intersection(platforms))
    wayland_wanted = not platforms or bool(WAYLAND_PLATFORMS.intersection(platforms))
    x_display = os.environ.get("DISPLAY", "") if x_wanted else ""
    wayland_display = os.environ.get("WAYLAND_DISPLAY", "") if wayland_wanted else ""
    if not platforms and not x_display and not wayland_display:
        return NO_DISPLAY
    if x_display and x_display_reachable(x_display):
        return None
    if wayland_display and wayland_display_reachable(wayland_display):
        return None
    tried = [
        f"{name}={value}"
        for name, value in (("DISPLAY", x_display), ("WAYLAND_DISPLAY", wayland_display))
        if value
    ]
    if not tried:
        needed = "DISPLAY" if x_wanted else "WAYLAND_DISPLAY"
        return f"mmtracker: QT_QPA_PLATFORM={chosen} needs a display, but {needed} is not set; " + (
            HEADLESS
        )
    platform = f" (QT_QPA_PLATFORM={chosen})" if platforms else ""
    return f"mmtracker: no display server answers at {' or '.join(tried)}{platform}; {HEADLESS}"


def _gui(args: argparse.Namespace) -> int:
    from mmtracker.config import database_url

    database_url(args.database, demo=args.demo)  # its shape only: no SQLAlchemy before Qt
    problem = display_problem()
    if problem:  # before Qt, which would abort on the failed xcb or Wayland connection
        print(problem, file=sys.stderr)
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


def _patient_of_mrn(args: argparse.Namespace, engine: Engine) -> int | None:
    """The database id of the patient of ``--mrn``; None, said on standard error, if none
    (and where to look instead: the demo database holds it)."""
    from mmtracker.storage.engine import database_label
    from mmtracker.storage.loaders import patient_id_for_mrn
    from mmtracker.storage.outcomes import NotFoundError

    try:
        return patient_id_for_mrn(engine, args.mrn)
    except NotFoundError as exc:
        searched = database_label(engine)
        hint = (
            "" if args.demo or not _in_demo(args.mrn) else "; the demo database has it: add --demo"
        )
        print(f"error: {exc} in {searched}{hint}", file=sys.stderr)
        return None


def _export_record(args: argparse.Namespace) -> int:
    from mmtracker.config import actor
    from mmtracker.files import write_text
    from mmtracker.workflows import record_text

    out: Path | None = args.out
    if out is not None and not out.parent.is_dir():  # said before the database is read
        print(f"error: --out: no folder {out.parent} to write {out} in", file=sys.stderr)
        return EXIT_BAD_INPUT
    engine = _reading_engine(args)
    patient_id = _patient_of_mrn(args, engine)
    if patient_id is None:
        return EXIT_FAILURE
    text = record_text(engine, patient_id, actor())
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_text(out, text)  # whole or not at all, 0600, never through a link
    except OSError as exc:
        print(f"error: --out: {out} cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {out}")
    return EXIT_OK


def _in_demo(mrn: str) -> bool:
    """True when the per-user demo database exists and holds a patient with this MRN."""
    from sqlalchemy.exc import DBAPIError

    from mmtracker.config import paths, sqlite_url
    from mmtracker.storage.engine import make_engine
    from mmtracker.storage.loaders import patient_id_for_mrn
    from mmtracker.storage.outcomes import NotFoundError

    demo = paths().demo_database
    if not demo.exists():
        return False
    engine = make_engine(sqlite_url(demo))
    try:
        patient_id_for_mrn(engine, mrn)
    except (NotFoundError, DBAPIError):  # not there, or a demo database not made yet
        return False
    finally:
        engine.dispose()
    return True


def _import_record(args: argparse.Namespace) -> int:
    from mmtracker.config import actor
    from mmtracker.record import load_record_file
    from mmtracker.storage.bulk import write_records
    from mmtracker.storage.namesakes import namesake_warning, namesakes
    from mmtracker.storage.outcomes import Replacing, ValidationError

    if (args.force or args.reason is not None) and not args.replace:
        print("error: --force and --reason go with --replace", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.force and not (args.reason or "").strip():
        print("error: --force needs --reason TEXT: say why the record is replaced", file=sys.stderr)
        return EXIT_BAD_INPUT
    record, problems = load_record_file(args.file)
    if record is None:
        for problem in problems:
            print(f"error: {args.file}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    engine = _engine(args)
    same = namesakes(engine, record.patient)
    replace = Replacing(args.reason, args.force) if args.replace else None
    replacing = args.replace and _patient_of_mrn_or_none(engine, record.patient.mrn) is not None
    try:
        write_records(engine, [record], actor(), replace=replace)
    except ValidationError as exc:
        for problem in exc.problems:
            print(f"error: {args.file}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if same:
        print(f"warning: {args.file}: {namesake_warning(record.patient, same)}", file=sys.stderr)
    print(f"{'replaced' if replacing else 'imported'} {record.patient.mrn}")
    return EXIT_OK


def _patient_of_mrn_or_none(engine: Engine, mrn: str) -> int | None:
    """The database id of the patient with ``mrn``; None when there is none."""
    from mmtracker.storage.loaders import patient_id_for_mrn
    from mmtracker.storage.outcomes import NotFoundError

    try:
        return patient_id_for_mrn(engine, mrn)
    except NotFoundError:
        return None


def _evaluate(args: argparse.Namespace) -> int:
    """Assess a record file on a date and print the assessment (docs/assessment-format.md)."""
    from mmtracker.assessment_json import assessment_document
    from mmtracker.logic.assessment import assess
    from mmtracker.logic.units import UnitSystem
    from mmtracker.record import load_record_file, record_history

    record, problems = load_record_file(args.record)
    if record is None:
        for problem in problems:
            print(f"error: {args.record}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    policy = _policy(args)  # a refused or unreadable file: PolicyError, exit 2 (_main)
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

    if args.db_command == "upgrade":
        return _upgrade(_administering(args, make_engine(_url(args)), "upgrading the database"))
    if args.db_command == "reassess":
        return _reassess(args)
    if args.db_command == "backup":
        return _backup(args)
    if args.db_command == "restore":
        return _restore(args)
    if args.db_command == "grant":
        return _grant(args)
    if args.db_command == "password":
        return _db_password(args)
    from mmtracker.config import paths

    engine = _sign_in(args, make_engine(_url(args, existing=True)))
    report = check_database(engine, paths().data)
    for line in report.lines:
        print(line)
    return EXIT_OK if report.ok else EXIT_FAILURE


def _grant(args: argparse.Namespace) -> int:
    """db grant ROLE: the workstations' PostgreSQL role made or brought up to date (an
    administrator, connected as the database's owner; docs/security.md)."""
    from mmtracker.storage.engine import is_sqlite, make_engine
    from mmtracker.storage.grants import grant_workstation_role, role_problem

    problem = role_problem(args.role)
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    engine = make_engine(_url(args))
    try:
        if is_sqlite(engine):
            print(
                "error: db grant gives a PostgreSQL role its rights; an SQLite database has "
                "no roles (give --database a postgresql:// URL)",
                file=sys.stderr,
            )
            return EXIT_BAD_INPUT
        password = None
        if args.new_password_file is not None:
            password = _password_from(args.new_password_file)
            if not password:
                print(f"error: --new-password-file {args.new_password_file}: the file is empty",
                      file=sys.stderr)  # fmt: skip
                return EXIT_BAD_INPUT
        _administering(args, engine, "granting a database role")
        for line in grant_workstation_role(engine, args.role, password):
            print(line)
    finally:
        engine.dispose()
    return EXIT_OK


def _db_password(args: argparse.Namespace) -> int:
    """db password: the PostgreSQL password of the database's user, host, port and name
    kept in (or, ``--forget``, taken out of) the system keyring."""
    from sqlalchemy.engine import make_url

    from mmtracker.storage.connection import forget_password, keyring_username, store_password

    url = make_url(_url(args))
    if url.get_backend_name() != "postgresql":
        print("error: db password keeps the password of a PostgreSQL database (a "
              "postgresql:// --database URL); SQLite has none", file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    if url.password is not None or "password" in url.query:
        print("error: the database URL holds a password itself; give it without one, as the "
              "workstations will", file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    key = keyring_username(url)
    if args.forget:
        forgotten = forget_password(url)
        print(f"password of {key} {'taken out of' if forgotten else 'was not in'} the keyring")
        return EXIT_OK
    password = _new_password(args, f"PostgreSQL password of {key}")
    if password is None:
        return EXIT_BAD_INPUT
    if not password:
        print("error: the password is empty", file=sys.stderr)
        return EXIT_BAD_INPUT
    store_password(url, password)
    print(f"password of {key} kept in the system keyring")
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    """db backup: a verified copy of an SQLite file, or pg_dump of a PostgreSQL database."""
    from mmtracker.config import paths
    from mmtracker.storage.backups import BackupError, pg_dump_backup, take_backup
    from mmtracker.storage.engine import make_engine, sqlite_file

    url = _url(args, existing=True)
    _administering(args, make_engine(url), "backing up the database").dispose()
    folder: Path = args.to or paths().backups
    try:
        database = sqlite_file(url)
        if database is None:
            written = pg_dump_backup(url, folder)
        else:
            written = take_backup(database, folder, "manual")
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"backup written to {written}")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    """db restore FILE: the SQLite database replaced by a backup, itself backed up first."""
    from mmtracker.config import actor, paths
    from mmtracker.storage.anchors import AnchorError
    from mmtracker.storage.backups import BackupError, after_restore, restore
    from mmtracker.storage.engine import make_engine, sqlite_file
    from mmtracker.storage.schema import known_revisions
    from mmtracker.workflows import open_engine

    url = _url(args)
    database = sqlite_file(url)
    if database is None:
        print(
            "error: db restore restores an SQLite database; restore PostgreSQL with pg_restore "
            "(docs/security.md)",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    if not args.backup_file.is_file():
        print(f"error: no backup file {args.backup_file}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if database.is_file():
        _administering(args, make_engine(url), "restoring a backup").dispose()
    try:
        kept = restore(
            args.backup_file,
            database,
            paths().backups,
            known_revisions(),
            other_database=args.other_database,
        )
    except BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    if kept != database:
        print(f"the database as it was is kept in {kept}")
    print(f"{database} restored from {args.backup_file}")
    engine = open_engine(url)  # an older schema's backup migrated first
    try:
        after_restore(
            engine, args.backup_file, paths().data, actor(), None if kept == database else kept
        )
    except AnchorError as exc:
        print(f"warning: the restored audit does not chain onto its backup's anchor: {exc}; "
              "`mmtracker audit verify` says where", file=sys.stderr)  # fmt: skip
        return EXIT_FAILURE
    finally:
        engine.dispose()
    print("the restore is in the audit, and this workstation's anchor is the backup's")
    return EXIT_OK


def _user(args: argparse.Namespace) -> int:
    """user add / list / change / reset-password: the users of the database (an administrator
    signed in, or anyone on a database without users, who makes its first administrator)."""
    from mmtracker.config import actor
    from mmtracker.storage.users import Role, change_user, create_user, list_users, set_password

    engine = _engine(args, existing=True)
    if args.user_command == "list":
        accounts = list_users(_required_administrator(engine, "listing the users"))
        if not accounts:
            print("this database has no users yet: everyone writes as the operating system's "
                  "user (make its first: mmtracker user add NAME --role administrator)")  # fmt: skip
        for found in accounts:
            state = "" if found.active else " (disabled)"
            if found.locked_until is not None:
                state += f" (locked until {found.locked_until.astimezone():%Y-%m-%d %H:%M})"
            print(f"{found.name}\t{found.role}\t{found.display_name}{state}")
        return EXIT_OK
    if args.user_command == "change":
        active = False if args.disable else True if args.enable else None
        role = None if args.role is None else Role(args.role)
        changed = change_user(
            engine,
            args.name,
            actor(),
            role=role,
            active=active,
            display_name=args.display_name,
            unlock=args.unlock,
        )
        state = "" if changed.active else ", disabled"
        if args.unlock:
            state += ", no lock-out: may sign in" if changed.active else ", no lock-out"
        print(f"user {changed.name}: {changed.role}, {changed.display_name}{state}")
        return EXIT_OK
    password = _new_password(args, f"new password for {args.name}")
    if password is None:
        return EXIT_BAD_INPUT
    if args.user_command == "reset-password":
        set_password(engine, args.name, password, actor())
        print(f"user {args.name.strip().casefold()}: password reset")
        return EXIT_OK
    made = create_user(
        engine, args.name, args.display_name or args.name, Role(args.role), password, actor()
    )
    print(f"user {made.name} ({made.role}) made")
    return EXIT_OK


def _new_password(args: argparse.Namespace, prompt: str) -> str | None:
    """A new password from ``--new-password-file`` or typed twice at the terminal after
    ``prompt``; None (and why, on standard error) when there is none."""
    if args.new_password_file is not None:
        return _password_from(args.new_password_file)
    if not sys.stdin.isatty():
        print("error: give --new-password-file FILE, or run the command at a terminal",
              file=sys.stderr)  # fmt: skip
        return None
    import getpass

    password = getpass.getpass(f"{prompt}: ")
    if getpass.getpass("the same password again: ") != password:
        print("error: the two passwords differ", file=sys.stderr)
        return None
    return password


def _audit(args: argparse.Namespace) -> int:
    """audit verify: the audit's hash chain recomputed, against this workstation's anchor."""
    from mmtracker.config import paths
    from mmtracker.storage.check import CheckReport, check_chain

    engine = _reading_engine(args)
    report = CheckReport()
    check_chain(engine, paths().data, report)
    for line in report.lines:
        print(line)
    return EXIT_OK if report.ok else EXIT_FAILURE


def _upgrade(engine: Engine) -> int:
    """Apply pending migrations; an SQLite file that holds a schema is backed up first."""
    from mmtracker.config import paths
    from mmtracker.storage.schema import migrate, schema_state

    before = schema_state(engine)
    if before.up_to_date:
        print(f"schema at {before.current}, nothing to do")
        return EXIT_OK
    migrated = migrate(engine, paths().backups)  # an empty database holds nothing to back up
    if migrated.backup:
        print(f"backup written to {migrated.backup}")
    if migrated.repaired:
        print(migrated.repaired)
    state = migrated.state
    print(f"schema upgraded from {before.current or 'an empty database'} to {state.current}")
    return EXIT_OK


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
    from mmtracker.worklist_output import FORMATS

    policy = _policy(args)
    # The modules loaded live until the process ends: the final collection need not scan them.
    gc.freeze()
    rows, engine = _worklist_rows(args, args.as_of or dt.date.today(), policy)
    if not rows and _empty(engine or _reading_engine(args), args):
        return EXIT_OK
    _write_utf8(FORMATS[args.format](rows, args.lang or "en", ids=args.ids))
    return EXIT_OK


def _worklist_rows(
    args: argparse.Namespace, as_of: dt.date, policy: Policy
) -> tuple[list[WorklistRow], Engine | None]:
    """The worklist's rows as the filters of ``args`` choose them, and the engine opened
    (signed in) to read them; None when the file was read directly."""
    from mmtracker.logic.worklist_order import DEFAULT_SHOW
    from mmtracker.storage.direct import direct_reads
    from mmtracker.storage.worklist import stored_worklist, worklist

    family = args.item if isinstance(args.item, Family) else None
    wanted = {
        "within": args.within,
        "item_prefix": "" if family is not None or args.item is None else args.item,
        "phases": args.phase,
        "show": [Show(s) for s in args.status] or DEFAULT_SHOW,
    }
    engine: Engine | None = None
    with direct_reads(_url(args, existing=not args.demo), as_of, policy) as fetch:
        rows = None if fetch is None else stored_worklist(fetch, as_of, policy, **wanted)
    if rows is None:  # something to do first (migrate, re-assess, fill the demo): the usual way
        engine = _reading_engine(args)
        progress = _progress if sys.stderr.isatty() else None
        rows = worklist(engine, as_of, policy, progress=progress, **wanted)
    if family is not None:
        rows = [row for row in rows if ITEM_FAMILY[row.item.id] is family]
    return list(rows), engine


def _export_pdf(args: argparse.Namespace) -> int:
    """export-pdf: a visit summary, the clinic day's summaries or the worklist, as PDF."""
    from mmtracker.config import clinic_name
    from mmtracker.logic.units import UnitSystem
    from mmtracker.pdf_export import ExportRefused, Layout
    from mmtracker.reports.pdf_fonts import FontMissing

    layout = Layout(
        lang=args.lang or "en",
        paper=args.paper,
        units=UnitSystem.CONVENTIONAL if args.units == "conventional" else UnitSystem.SI,
        clinic=clinic_name(),
    )
    try:
        if args.clinic_day is not None:
            return _clinic_day_pdfs(args, layout)
        if args.worklist:
            return _worklist_pdf(args, layout)
        return _summary_pdf(args, layout)
    except ExportRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FontMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE


def _pdf_out(args: argparse.Namespace, default: str) -> Path:
    """The file a PDF goes to, its folder checked before anything is read."""
    from mmtracker.pdf_export import ExportRefused, writable_folder

    if args.out_dir is not None:
        raise ExportRefused("--out-dir: only for --clinic-day; give one file with --out")
    out: Path = args.out if args.out is not None else Path(default)
    if out.is_dir():
        raise ExportRefused(f"--out: {out} is a folder; give the file to write")
    writable_folder(out.parent if str(out.parent) else Path("."), "--out")
    return out


def _written(out: Path) -> int:
    print(f"wrote {out}")
    return EXIT_OK


def _summary_pdf(args: argparse.Namespace, layout: Layout) -> int:
    from mmtracker.pdf_export import summary_name, summary_request, write_summary

    as_of = args.as_of or dt.date.today()
    out = _pdf_out(args, summary_name(args.mrn, as_of))
    policy = _policy(args)
    engine = _reading_engine(args)
    patient_id = _patient_of_mrn(args, engine)
    if patient_id is None:
        return EXIT_FAILURE
    request = summary_request(engine, patient_id, as_of, policy, layout)
    _write_pdf(lambda: write_summary(request, out), out)
    _accessed(engine, patient_id, "print")
    return _written(out)


def _accessed(engine: Engine, patient_id: int, action: str) -> None:
    """Audit who printed or exported the patient's record (mmtracker/storage/views.py)."""
    from mmtracker.config import actor
    from mmtracker.storage.views import record_access

    record_access(engine, patient_id, actor(), action)


def _write_pdf(write: Callable[[], None], out: Path) -> None:
    """Write a PDF; a file system that refuses it is said naming the file."""
    from mmtracker.pdf_export import ExportRefused

    try:
        write()
    except OSError as exc:
        raise ExportRefused(f"--out: {out} cannot be written: {exc.strerror or exc}") from None


def _worklist_pdf(args: argparse.Namespace, layout: Layout) -> int:
    from mmtracker.pdf_export import worklist_name, write_worklist

    day = args.as_of or dt.date.today()
    out = _pdf_out(args, worklist_name(day))
    policy = _policy(args)
    rows, _engine = _worklist_rows(args, day, policy)
    from mmtracker import i18n
    from mmtracker.logic.worklist_order import DEFAULT_SHOW

    texts = i18n.language(layout.lang)
    shown = [Show(s) for s in args.status] or [s for s in Show if s in DEFAULT_SHOW]
    filters = texts.translate(i18n.CODES_CONTEXT, i18n.LIST_SEPARATOR).join(
        [
            *(texts.code_label(s.value) for s in shown),
            *(texts.code_label(p.value) for p in args.phase),
            *([texts.code_label(str(args.item))] if args.item else []),
        ]
    )
    _write_pdf(lambda: write_worklist(rows, day, filters, layout, out), out)
    return _written(out)


def _clinic_day_pdfs(args: argparse.Namespace, layout: Layout) -> int:
    import time

    from mmtracker.pdf_export import (
        ExportRefused,
        clinic_day_patients,
        writable_folder,
        write_clinic_day,
    )

    if args.out is not None:
        raise ExportRefused("--out: --clinic-day writes one file per patient: give --out-dir")
    if args.out_dir is None:
        raise ExportRefused("--out-dir: required with --clinic-day (the folder of the summaries)")
    writable_folder(args.out_dir, "--out-dir")
    policy = _policy(args)
    engine = _reading_engine(args)
    patients = clinic_day_patients(engine, args.clinic_day)
    started = time.perf_counter()
    url = engine.url.render_as_string(hide_password=False)
    written = write_clinic_day(
        url, patients, args.as_of or args.clinic_day, policy, layout, args.out_dir
    )
    from mmtracker.config import actor
    from mmtracker.storage.views import record_accesses

    record_accesses(engine, patients, actor(), "print")
    print(
        f"{len(written)} visit summaries for {args.clinic_day} written to {args.out_dir} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return EXIT_OK


def _empty(engine: Engine, args: argparse.Namespace) -> bool:
    """For a database holding no patients, say how to try the demo; True when that is all
    the output (the table) is."""
    from mmtracker import i18n
    from mmtracker.storage.engine import database_label
    from mmtracker.workflows import patient_count

    if patient_count(engine) != 0:
        return False
    language = i18n.language(args.lang or "en")
    empty = language.translate(
        "worklist",
        "the database {database} holds no patients yet; to try mmtracker on made-up "
        "patients run `mmtracker --demo worklist`, or fill an empty database with "
        "`mmtracker demo`",
    ).format(database=database_label(engine))
    if args.format == "table":
        _write_utf8(empty + "\n")
        return True
    print(empty, file=sys.stderr)  # the output stays a document a program can read
    return False


def _reassess(args: argparse.Namespace) -> int:
    import time

    from mmtracker.storage.state import reassess_all, refresh_stale

    policy = _policy(args)
    engine = _engine(args, existing=True)
    started = time.perf_counter()
    run = reassess_all if args.all else refresh_stale
    count = run(engine, args.as_of or dt.date.today(), policy, _progress)
    print(f"{count} patients re-assessed in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


def _bench(args: argparse.Namespace) -> int:
    from mmtracker.bench import bench

    if args.database:
        _url(args)  # a URL that cannot be used is refused before anything is built
    return bench(args)


COMMANDS = {
    "bench": _bench,
    "export-pdf": _export_pdf,
    "demo": _demo,
    "export-record": _export_record,
    "import-record": _import_record,
    "evaluate": _evaluate,
    "worklist": _worklist,
    "db": _db,
    "audit": _audit,
    "user": _user,
}


if __name__ == "__main__":
    sys.exit(main())

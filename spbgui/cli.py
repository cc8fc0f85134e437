"""spbgui-cli: the program's services without a window.

Every failure ends in one plain Russian line on stderr: exit 2 for a command
line it cannot understand, 1 for input it refuses. Never a traceback; an
unexpected error is written in full to the log file, and the line says where.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from spbgui import __version__
from spbgui.commands import args as args_
from spbgui.errors import UserError, enable_crash_log, log_unexpected

EXIT_REFUSED = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage + error
        self.exit(
            EXIT_USAGE, f"{self.prog}: неверная команда: {message}. Справка: {self.prog} --help\n"
        )


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def cmd_info(args: argparse.Namespace) -> int:
    from spbgui.commands.database import open_to_read
    from spbgui.services import records

    db = open_to_read(args)
    try:
        c = records.counts(db=db, year=args.year)
        _print_json(
            {
                "database": db.display_name,
                "years": records.event_years(db=db),
                "counts": c.as_dict(),
            }
        )
    finally:
        db.close()
    return 0


def cmd_dump(args: argparse.Namespace) -> int:
    from spbgui.commands.database import open_to_read
    from spbgui.services import records

    db = open_to_read(args)
    try:
        _print_json(records.dump(db=db, year=args.year))
    finally:
        db.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="spbgui-cli",
        description="Города-партнёры Санкт-Петербурга: работа с базой без окна.",
    )
    p.add_argument("--version", action="version", version=f"spbgui {__version__}")
    sub = p.add_subparsers(dest="command", parser_class=_Parser, metavar="КОМАНДА")

    def db_arg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--db",
            metavar="ПУТЬ",
            type=args_.database,
            help="файл базы данных или адрес SQLAlchemy (по умолчанию — база пользователя)",
        )

    info = sub.add_parser("info", help="сколько записей в базе (JSON)")
    db_arg(info)
    info.add_argument("--year", type=args_.year, help="считать мероприятия этого года")
    info.set_defaults(func=cmd_info)

    dump = sub.add_parser("dump", help="все записи базы (JSON)")
    db_arg(dump)
    dump.add_argument("--json", action="store_true", help="вывести JSON (единственный формат)")
    dump.add_argument("--year", type=args_.year, help="только мероприятия этого года")
    dump.set_defaults(func=cmd_dump)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, db_arg)
    return p


# Subcommands that live in their own modules; each has
# register(subparsers, db_arg) and sets ``func`` on its parser; each opens its
# database through spbgui.commands.database.
COMMAND_MODULES: tuple[str, ...] = (
    "spbgui.commands.import_table",
    "spbgui.commands.report",
    "spbgui.commands.export",
    "spbgui.commands.stats",
)


def _quiet_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


_ends_at_once = False  # set by main() for a command that asked for it


def main(argv: Sequence[str] | None = None) -> int:
    global _ends_at_once
    parser = build_parser()
    args = parser.parse_args(argv)
    _ends_at_once = bool(getattr(args, "ends_at_once", False))
    if not getattr(args, "func", None):
        parser.error("укажите команду (info, dump, …)")
    enable_crash_log()
    try:
        return int(args.func(args))
    except UserError as exc:
        # One line: a driver's message may bring its own line breaks (psycopg's «Is the
        # server running…» hint), which would split the line a script reads.
        print(f"spbgui-cli: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("spbgui-cli: прервано.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # «spbgui-cli dump | head»: the reader had enough. Not an error; and Python must not
        # complain again when it flushes stdout at exit.
        _quiet_stdout()
        return 0
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            # «dump > file» on a full disk: foreseeable, and said so (and nothing more is
            # written when Python flushes stdout at exit).
            _quiet_stdout()
            print(
                "spbgui-cli: не удалось записать результат: на диске не хватает места. "
                "Освободите место и повторите.",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        where = log_unexpected(exc)
        details = f"Подробности: {where}" if where else "Журнал записать не удалось."
        print(f"spbgui-cli: непредвиденная ошибка: {exc}. {details}", file=sys.stderr)
        return EXIT_REFUSED


def run() -> NoReturn:
    """The ``spbgui-cli`` program: :func:`main`, and its exit code.

    A command that leaves nothing to tidy (``import``: its database closed, its files
    written and closed, its reading children ended) ends the process at once, without
    Python's tidying of every object it made: 0.15-0.25 s after a 20,000-row import,
    while the clerk waits for the prompt (issue 17). What was printed is flushed and
    the log closed first.
    """
    code = main()
    if _ends_at_once:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        logging.shutdown()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":
    run()

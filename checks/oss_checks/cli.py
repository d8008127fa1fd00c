"""The ``oss-checks`` command line: a parser for every command, and one way to fail.

Exit codes: 0 clean, 1 findings, 2 usage, configuration or internal error. Every
error is one line on stderr; no command prints a traceback. A closed output pipe
(``oss-checks check | head``) ends the program quietly.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO, cast

from oss_checks import __version__
from oss_checks.commands import COMMANDS, HelpFormatter
from oss_checks.errors import EXIT_ERROR, UserError


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command; given the arguments, only the named command's options.

    A run uses one command, and importing the others and declaring their options costs
    more than a per-file hook's whole check of a few files. When the arguments start with a
    command, the other commands get no parser at all: argparse hands everything after the
    command's name to its parser, so only ``oss-checks --help`` lists them.
    """
    parser = argparse.ArgumentParser(
        prog="oss-checks",
        description="Check that a repository keeps open-source ways of working.",
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"oss-checks {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = None if argv is None else next((arg for arg in argv if not arg.startswith("-")), "")
    alone = named in COMMANDS and argv is not None and argv[0] == named
    for name, (module, help_text) in COMMANDS.items():
        if alone and name != named:
            continue
        command = commands.add_parser(
            name, help=help_text, description=help_text, formatter_class=HelpFormatter
        )
        if named is None or named == name:
            importlib.import_module(module).add_arguments(command)
    return parser


class _TolerantOutput:
    """Standard output that survives its reader: a closed pipe or a terminal that cannot show a character.

    After the reader of a pipe went away (``oss-checks check | head``) the rest of the
    output is dropped and the command finishes with its own exit code; a character the
    stream's encoding lacks (a file name that is not UTF-8, on an ASCII terminal) is
    written as an escape.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._closed = False

    def write(self, text: str) -> int:
        if not self._closed:
            try:
                self._stream.write(text)
            except UnicodeEncodeError:
                encoding = self._stream.encoding or "utf-8"
                self._write(text.encode(encoding, "backslashreplace").decode(encoding))
            except BrokenPipeError:
                self._close()
        return len(text)

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
        except BrokenPipeError:
            self._close()

    def flush(self) -> None:
        if not self._closed:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._close()

    def _close(self) -> None:
        self._closed = True
        try:
            # The interpreter flushes stdout at exit; point the descriptor at nothing first.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command: ``argv`` (without the program's name), else this process's command line.

    Without ``argv`` the process ends when the command does (``oss-checks``, ``python -m
    oss_checks``), and :func:`ending_process` is called first.
    """
    if argv is None:
        try:
            return _main(sys.argv[1:])
        finally:
            ending_process()
    return _main(list(argv))


def ending_process() -> None:
    """Leave the objects of this run to the end of the process, which comes next.

    The interpreter's last garbage collections walk every object still alive, the loaded
    modules and the run's cached files: 8 to 10 ms after a per-file hook's run. Frozen, they
    are left out of those walks, and the memory goes back to the system with the process.
    """
    import gc

    gc.freeze()


def _main(arguments: list[str]) -> int:
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    saved = sys.stdout
    sys.stdout = cast(TextIO, _TolerantOutput(saved))
    try:
        result: int = importlib.import_module(COMMANDS[args.command][0]).run(args)
        sys.stdout.flush()
    except UserError as exc:
        print(f"oss-checks: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("oss-checks: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        print(f"oss-checks: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        sys.stdout = saved
    return result

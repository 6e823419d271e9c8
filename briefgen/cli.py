# PYTHON_ARGCOMPLETE_OK
"""Command line: ``briefgen --audience press`` builds the bundled brief for the press.

Thin, as MkDocs' commands are: parse arguments, call a function in :mod:`briefgen.commands`, and
turn errors into exit statuses: 2 for bad input (one line naming file, line and field), 1 for an
internal fault (a short message; ``--debug`` shows the traceback).

``build`` is also the default command: the top-level parser carries the build options itself and
the subcommands are optional, so ``briefgen -a press`` and ``briefgen build -a press`` are the same
and shell completion sees both. argparse rather than click/typer: no extra dependency, and the
whole parser imports in a few milliseconds, which matters for a tool run from scripts.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
import textwrap
import traceback
from collections.abc import Sequence

from briefgen import __version__
from briefgen.commands import build as build_cmd
from briefgen.commands import ingest, new, preview, profiles, schema, validate
from briefgen.errors import InputError, Problem, first_line

EXIT_OK, EXIT_FAULT, EXIT_INPUT = 0, 1, 2

USAGE = """\
briefgen [build] [BRIEF] [-a NAME] [-f FORMATS] [-o DIR] [options]
       briefgen COMMAND [options]"""

DESCRIPTION = """\
Build audience-specific Word briefings, PowerPoint decks and PDFs from one
event brief (brief.yaml, in Chinese or English). Each audience (executive,
press, academic, or a profile of your own) gets its own selection, order and
length. With no command, briefgen builds; with no brief, it builds the
bundled example (Belt and Road Forum 2017)."""

EPILOG = """\
examples:
  briefgen --audience press          the bundled example, for the press
  briefgen new my-event --lang en    start a brief from a small example
  briefgen validate my-event         list every problem, one per line
  briefgen build my-event -a all -f docx,pdf
                                     every audience, as Word and PDF
  briefgen profiles show executive   what the executive edition keeps

Run 'briefgen COMMAND --help' for a command's options; docs/cli.md has more.
Exit status: 0 done, 1 internal fault, 2 bad input (one line per problem:
FILE:LINE:COLUMN: FIELD: PROBLEM)."""

#: Commands, in the order ``--help`` lists them; each module has ``HELP``, ``configure``, ``run``.
COMMANDS = {
    "build": build_cmd,
    "validate": validate,
    "preview": preview,
    "new": new,
    "profiles": profiles,
    "schema": schema,
    "ingest": ingest,
}


def _common(p: argparse.ArgumentParser, top: bool) -> None:
    """-q, -v, --debug on the top level and on every subcommand (either place works)."""
    # SUPPRESS on subcommands, so `briefgen -q validate X` is not reset by validate's default.
    default = (lambda value: value) if top else (lambda value: argparse.SUPPRESS)
    g = p.add_argument_group("output")
    g.add_argument("-q", "--quiet", action="store_true", default=default(False),
                   help="print nothing on success (errors still go to stderr)")
    g.add_argument("-v", "--verbose", action="count", default=default(0),
                   help="say what each stage did and how long it took (-vv: more)")
    g.add_argument("--debug", action="store_true", default=default(False),
                   help="show the traceback of an internal fault")


def parser() -> argparse.ArgumentParser:
    """The whole command line: build options at the top level, plus one subparser per command."""
    p = argparse.ArgumentParser(
        prog="briefgen", usage=USAGE, description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"briefgen {__version__}",
                   help="print the version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title="commands",
                           description="(none given: build)")
    build_cmd.configure(p, positional=False)
    _common(p, top=True)
    for name, module in COMMANDS.items():
        sp = sub.add_parser(name, prog=f"briefgen {name}", help=module.HELP,
                            description=_wrap(module.DESCRIPTION),
                            epilog=getattr(module, "EPILOG", None),
                            formatter_class=argparse.RawDescriptionHelpFormatter,
                            add_help=name != "ingest")
        module.configure(sp)
        if name != "ingest":
            _common(sp, top=False)
    return p


def _wrap(text: str, width: int = 79) -> str:
    """Re-flow each paragraph of a description to the width argparse uses for help."""
    return "\n\n".join(textwrap.fill(" ".join(par.split()), width, break_on_hyphens=False)
                       for par in text.split("\n\n"))


def _enable_completion(p: argparse.ArgumentParser) -> None:
    """Answer the shell's completion request (argcomplete), when there is one."""
    if "_ARGCOMPLETE" not in os.environ:
        return
    try:
        import argcomplete
    except ImportError:
        return
    argcomplete.autocomplete(p)


_GLOBAL_FLAGS = ("-q", "--quiet", "-v", "-vv", "--verbose", "--debug")


def _first_word(argv: list[str]) -> int:
    """Index of the first argument after the options every command takes."""
    i = 0
    while i < len(argv) and argv[i] in _GLOBAL_FLAGS:
        i += 1
    return i


def _split_ingest(argv: list[str]) -> list[str] | None:
    """Arguments after ``ingest`` when it is the command: they belong to the ingest helper."""
    i = _first_word(argv)
    return argv[i + 1:] if i < len(argv) and argv[i] == "ingest" else None


def _with_command(argv: list[str]) -> list[str]:
    """``briefgen BRIEF ...`` is ``briefgen build BRIEF ...`` (build is the default command):
    a first word that is no command and no option names the brief."""
    i = _first_word(argv)
    if i < len(argv) and not argv[i].startswith("-") and argv[i] not in COMMANDS:
        return [*argv[:i], "build", *argv[i:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    rest = _split_ingest(argv)
    if rest is not None:  # ingest parses its own options, --help included
        command, debug = "ingest", "--debug" in argv[: len(argv) - len(rest)]

        def call() -> int:
            return ingest.forward(rest)
    else:
        p = parser()
        _enable_completion(p)
        args = p.parse_args(_with_command(argv))
        command, debug = args.command or "build", args.debug
        _setup_logging(args.verbose, args.quiet)

        def call() -> int:
            return COMMANDS[command].run(args)
    try:
        return call()
    except InputError as exc:
        _report(exc, command)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("briefgen: interrupted; no partial file was left", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `briefgen ... | head -1`: the reader left early; not a fault of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if debug:
            traceback.print_exc()
        print(f"briefgen: internal error: {type(exc).__name__}: {first_line(exc)}"
              + ("" if debug else " (run with --debug for details)"), file=sys.stderr)
        return EXIT_FAULT


#: What the library calls a parameter in its errors (:func:`briefgen.build`), as the command
#: line spells it; and the words of its hints that name a parameter.
FLAGS = {"audiences": "--audience", "formats": "--format"}
HINT_FLAGS = {"a profile in profile_files": "--profile FILE"}


def as_flags(problem: Problem) -> Problem:
    """``problem`` as a command-line user reads it: parameter names become the flags."""
    if not isinstance(problem.path, str) or problem.path not in FLAGS:
        return problem
    hint = problem.hint
    for words, flag in HINT_FLAGS.items():
        hint = hint.replace(words, flag) if hint else hint
    return dataclasses.replace(problem, path=FLAGS[problem.path], hint=hint)


def _report(exc: InputError, command: str) -> None:
    """Every problem, one per line; build shows the first and counts the rest (short CI logs)."""
    shown = exc.problems[:1] if command == "build" else exc.problems
    for problem in shown:
        print(str(as_flags(problem)), file=sys.stderr)
    more = len(exc.problems) - len(shown)
    if more:
        print(f"briefgen: {more} more problem{'s' if more > 1 else ''} in this input "
              "('briefgen validate' lists them all)", file=sys.stderr)


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet or not verbose else (
        logging.INFO if verbose == 1 else logging.DEBUG)
    logger = logging.getLogger("briefgen")
    logger.setLevel(level)
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("briefgen: %(message)s"))
        logger.addHandler(handler)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is now (tests and callers may swap it)."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())



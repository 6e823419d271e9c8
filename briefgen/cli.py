"""Command line: ``briefgen --audience press`` builds the bundled brief for the press.

Thin, as MkDocs' commands are: parse arguments, call :func:`briefgen.build.build`, and turn
errors into exit statuses: 2 for bad input (one line naming file, line and field), 1 for an
internal fault (a short message; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from briefgen import __version__
from briefgen.errors import InputError

EXIT_OK, EXIT_FAULT, EXIT_INPUT = 0, 1, 2


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefgen",
        description="Build audience-specific Word briefings and PowerPoint decks from an "
                    "event brief. With no --brief, builds the bundled Belt and Road Forum "
                    "2017 example.",
    )
    p.add_argument("--audience", "-a", action="append", default=None, metavar="NAME",
                   help="executive, academic, press, all, or a custom profile's id "
                        "(repeatable; default: press)")
    p.add_argument("--brief", "-b", type=Path, default=None,
                   help="brief.yaml or the folder holding it (default: the bundled example)")
    p.add_argument("--profile", "-p", type=Path, action="append", default=[], metavar="FILE",
                   help="a custom audience profile (YAML; may 'extends: press')")
    p.add_argument("--out", "-o", type=Path, default=Path("out"),
                   help="output folder, created if missing (default: out)")
    p.add_argument("--format", "-f", type=_csv, default=["docx", "pptx"],
                   help="comma-separated formats: docx,pptx (default: both)")
    p.add_argument("--docx-template", type=Path, default=None, metavar="FILE",
                   help="an organisation's .docx/.dotx whose styles to use")
    p.add_argument("--pptx-template", type=Path, default=None, metavar="FILE",
                   help="an organisation's .pptx/.potx whose masters and layouts to use")
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing on success")
    p.add_argument("--debug", action="store_true", help="show tracebacks of internal faults")
    p.add_argument("--version", action="version", version=f"briefgen {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        from briefgen.build import build

        audiences = args.audience or ["press"]
        outputs = build(
            brief=args.brief, audiences=audiences, formats=args.format, out=args.out,
            profile_files=args.profile, docx_template=args.docx_template,
            pptx_template=args.pptx_template,
            on_file=None if args.quiet else (lambda o: print(o.path, flush=True)),
        )
    except InputError as exc:
        print(str(exc.problems[0]), file=sys.stderr)
        more = len(exc.problems) - 1
        if more:
            print(f"briefgen: {more} more problem{'s' if more > 1 else ''} in this input",
                  file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("briefgen: interrupted; no partial file was left", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
        if args.debug:
            traceback.print_exc()
        print(f"briefgen: internal error: {type(exc).__name__}: {exc}"
              + ("" if args.debug else " (run with --debug for details)"), file=sys.stderr)
        return EXIT_FAULT
    del outputs
    return EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())

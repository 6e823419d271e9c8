"""``briefgen build``, the default command: options map one to one onto :func:`briefgen.build`.

stdout carries the written paths, one per line, for scripts; everything for people (a status line
on a terminal, the result table, ``-v`` timings) goes to stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefgen.errors import InputError

HELP = "build DOCX/PPTX/PDF files for one or more audiences (the default command)"
DESCRIPTION = """\
Build the brief for each audience in each format. Output files are named BRIEF-ID-AUDIENCE.EXT
and written atomically: a failed build leaves earlier files untouched. The written paths are
printed on stdout, one per line; a table of pages, sizes and times goes to stderr when more than
one audience is built (or with -v)."""
EPILOG = """\
examples:
  briefgen build                     bundled example: press, DOCX and PPTX
  briefgen build my-event -a executive -a press
  briefgen build my-event -a all -f pdf -o dist
  briefgen build my-event -p desk.yaml
                                     also the custom profile in desk.yaml"""

# As briefgen.load.audiences; not imported (speed).
BUILTIN_AUDIENCES = ("executive", "press", "academic")
FORMAT_CHOICES = ("docx", "pptx", "pdf")


def _formats(value: str) -> list[str]:
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in FORMAT_CHOICES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {unknown[0]!r}; use docx, pptx, pdf or a list: docx,pdf"
            if unknown else "name at least one format: docx, pptx or pdf")
    return names


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
    return int(value)


def _complete_audiences(**_: object) -> list[str]:
    return [*BUILTIN_AUDIENCES, "all"]


def _complete_formats(**_: object) -> list[str]:
    return ["docx,pptx", "docx", "pptx", "pdf", "docx,pdf", "docx,pptx,pdf"]


def configure(p: argparse.ArgumentParser, positional: bool = True) -> None:
    """Add the build options to ``p`` (the top level, or the ``build`` subcommand).

    On the subcommand, defaults are suppressed: the top-level parser has set them already, and
    a subparser's defaults would otherwise overwrite options given before ``build``.
    """
    def d(value: object) -> object:
        return argparse.SUPPRESS if positional else value

    what = p.add_argument_group("what to build")
    if positional:
        what.add_argument("brief_path", nargs="?", type=Path, metavar="BRIEF", default=None,
                          help="brief.yaml or the folder holding it (same as --brief)")
    what.add_argument("-b", "--brief", type=Path, default=d(None), metavar="BRIEF",
                      help="brief.yaml or the folder holding it (default: the bundled example)")
    what.add_argument("-a", "--audience", action="append", default=d(None), metavar="NAME",
                      help="executive, press, academic, all, or a custom profile's id; repeat "
                           "for several (default: press)"
                      ).completer = _complete_audiences  # type: ignore[attr-defined]
    what.add_argument("-p", "--profile", type=Path, action="append", default=d([]),
                      metavar="FILE", help="a custom audience profile (YAML; may say "
                                           "'extends: press'); repeatable, always built")
    what.add_argument("-f", "--format", type=_formats, default=d(["docx", "pptx"]),
                      metavar="FORMATS", help="comma-separated: docx, pptx, pdf (pdf converts "
                                              "the DOCX with LibreOffice; default: docx,pptx)"
                      ).completer = _complete_formats  # type: ignore[attr-defined]
    where = p.add_argument_group("where and how")
    where.add_argument("-o", "--out", type=Path, default=d(Path("out")), metavar="DIR",
                       help="output folder, created if missing (default: out)")
    where.add_argument("--docx-template", type=Path, default=d(None), metavar="FILE",
                       help="an organisation's .docx/.dotx whose styles to use")
    where.add_argument("--pptx-template", type=Path, default=d(None), metavar="FILE",
                       help="an organisation's .pptx/.potx whose masters and layouts to use")
    where.add_argument("-j", "--jobs", type=_jobs, default=d(None), metavar="N",
                       help="render in N processes (default: 2 when a CPU is idle, else 1)")
    where.add_argument("--no-cache", action="store_true", default=d(False),
                       help="load and plan afresh and lay out the contents again, instead of "
                            "reusing what an earlier build of the same unchanged files found")


def run(args: argparse.Namespace) -> int:
    """Build, print each path as it is written, then the result table."""
    from briefgen.commands.report import Reporter
    from briefgen.pipeline import build

    positional = getattr(args, "brief_path", None)
    if positional is not None and args.brief is not None:
        raise InputError.single("BRIEF", "the brief is given twice (as BRIEF and as --brief)",
                                hint="give one of them")
    reporter = Reporter(quiet=args.quiet, verbose=args.verbose)
    audiences = args.audience or ["press"]
    try:
        outputs = build(
            brief=positional or args.brief, audiences=audiences, formats=args.format,
            out=args.out, profile_files=args.profile, docx_template=args.docx_template,
            pptx_template=args.pptx_template, on_file=reporter.file, jobs=args.jobs,
            cache=not args.no_cache,
        )
    finally:
        reporter.clear()
    reporter.summary(outputs)
    return 0

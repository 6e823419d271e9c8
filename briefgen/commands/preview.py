"""``briefgen preview``: build, then write one page showing every page and slide per audience.

With ``--watch`` the page is served on 127.0.0.1 and rebuilt whenever the brief, a profile or a
template is saved; the open page reloads itself.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefgen.commands import build as build_cmd
from briefgen.errors import InputError

if TYPE_CHECKING:
    from briefgen.preview.make import Options

HELP = "write a page showing every page and slide each audience gets, and why (--watch: live)"
DESCRIPTION = """\
Build the brief (every audience unless -a says otherwise) and write OUT/preview/index.html: one
folder that opens from disk, with each page of the DOCX and each slide of the PPTX as a picture,
the speaker notes, and what each audience got and why (sections and the rule that chose them,
summary lengths against their budgets, figures, charts, quotes, warnings). Needs LibreOffice.
With --watch, serve the page on 127.0.0.1 and rebuild it whenever the brief, a profile or a
template is saved; the page reloads itself, and a bad edit shows its error on the page."""
EPILOG = """\
examples:
  briefgen preview                   the bundled example, all audiences
  briefgen preview my-event --watch  edit my-event/brief.yaml and watch the page change
  briefgen preview my-event -a executive -a press -o review"""


def configure(p: argparse.ArgumentParser) -> None:
    build_cmd.configure(p)
    live = p.add_argument_group("live preview")
    live.add_argument("-w", "--watch", action="store_true",
                      help="serve the page on 127.0.0.1 and rebuild when an input is saved")
    live.add_argument("--port", type=int, default=0, metavar="N",
                      help="port to serve on with --watch (default: a free one, printed)")


def options(args: argparse.Namespace) -> Options:
    """The preview's :class:`~briefgen.preview.make.Options` from the command line."""
    from briefgen.preview.make import Options

    positional = getattr(args, "brief_path", None)
    if positional is not None and args.brief is not None:
        raise InputError.single("BRIEF", "the brief is given twice (as BRIEF and as --brief)",
                                hint="give one of them")
    return Options(brief=positional or args.brief, audiences=args.audience or ["all"],
                   profile_files=args.profile, formats=args.format, out=args.out,
                   docx_template=args.docx_template, pptx_template=args.pptx_template,
                   jobs=args.jobs or 1, cache=not args.no_cache)


def run(args: argparse.Namespace) -> int:
    """Write the page and print its path; with --watch, serve it until interrupted."""
    from briefgen.preview.make import make_preview

    opts = options(args)
    if args.watch:
        from briefgen.preview.watch import serve

        return serve(opts, args.port, quiet=args.quiet)
    from briefgen.office import resident
    from briefgen.preview.make import find_soffice

    with resident.kept_running(find_soffice()):  # one start per CPU for all conversions
        preview = make_preview(opts)
    if not args.quiet:
        print(preview.index)
    return 0

"""``briefgen ingest``: turn a source document into a draft brief (the ingest helper's command).

The command lives in :mod:`briefgen.ingest.command`; this module only forwards the arguments, and
imports it when ``ingest`` is run, so other commands never pay for its dependencies.
"""

from __future__ import annotations

import argparse
import sys

HELP = "draft a brief.yaml from a source document (run 'briefgen ingest --help')"
DESCRIPTION = "Draft a brief from a source document. Options are the ingest helper's own."


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="FILE ...",
                   help="a source document, and ingest's options")


def forward(argv: list[str]) -> int:
    """Run the ingest command with ``argv``; exit status 2 when it is not installed."""
    try:
        from briefgen.ingest.command import main
    except ModuleNotFoundError as exc:
        if exc.name not in ("briefgen.ingest", "briefgen.ingest.command"):
            raise
        print("briefgen: ingest is not available in this installation "
              "(the module briefgen.ingest.command is missing)", file=sys.stderr)
        return 2
    return main(list(argv))


def run(args: argparse.Namespace) -> int:
    return forward(args.args)

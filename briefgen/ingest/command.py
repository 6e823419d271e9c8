"""``briefgen ingest FILE [--out DIR]``: draft DIR/brief.yaml from a .txt, .md, .docx or .pdf.

Exit 0 and print the path written; exit 2 with one line ``PATH: what is wrong (hint)`` on
stderr for input that cannot be read (nothing is written); exit 1 for a fault of our own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen.errors import InputError

EXIT_OK, EXIT_FAULT, EXIT_INPUT = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="briefgen ingest",
        description="Draft a brief.yaml from raw event text (.txt, .md, .docx or .pdf). "
                    "Lines marked '# check:' in the draft are guesses to verify.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the source document")
    p.add_argument("--out", "-o", type=Path, default=None, metavar="DIR",
                   help="folder for brief.yaml (default: ./<id>/ from the title or file name)")
    return p


def main(argv: list[str]) -> int:
    """Run the command; return the exit status."""
    args = parser().parse_args(argv)
    from briefgen.ingest.draft import DraftError, ingest, write_draft

    try:
        draft = ingest(args.file)
        folder = args.out if args.out is not None else Path(draft.brief_id)
        target = folder / "brief.yaml"
        if folder.exists() and not folder.is_dir():
            raise InputError.single(folder, "is a file, not a folder", hint="give --out DIR")
        written = write_draft(draft, target)
    except InputError as exc:
        print(str(exc.problems[0]), file=sys.stderr)
        return EXIT_INPUT
    except DraftError as exc:
        print(f"briefgen ingest: internal error: {exc}", file=sys.stderr)
        return EXIT_FAULT
    print(written)
    return EXIT_OK

"""``briefgen validate``: every problem build would meet, one per line, before anything is built.

It loads the briefs and profiles and then plans each audience, because a profile may name a
section or figure the brief lacks: that is only found when the two meet.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefgen.errors import InputError, Problem

HELP = "check briefs (and profiles) and list every problem, one per line"
DESCRIPTION = """\
Check each BRIEF and every --profile without writing anything: YAML syntax, the schema, ids and
references, picture paths, and whether each audience can be planned from the brief. Problems go
to stderr, one per line, as FILE:LINE:COLUMN: FIELD: PROBLEM (HINT); the exit status is 2 when
there is any, 0 when all is well."""
EPILOG = """\
examples:
  briefgen validate my-event
  briefgen validate briefs/*/ -p desk.yaml
  briefgen validate my-event 2>&1 | head      the first problems"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("briefs", nargs="+", type=Path, metavar="BRIEF",
                   help="brief.yaml or the folder holding it; several may be given")
    p.add_argument("-p", "--profile", type=Path, action="append", default=[], metavar="FILE",
                   help="a custom audience profile to check too (repeatable)")


def check(briefs: list[Path], profile_files: list[Path]) -> tuple[list[Problem], list[str]]:
    """All problems in ``briefs`` and ``profile_files``, and a one-line note per valid brief."""
    from briefgen.load.brief import load_brief
    from briefgen.load.profile import builtin_profiles, load_profile
    from briefgen.plan.audience import plan_for

    problems: list[Problem] = []
    profiles = []
    for f in profile_files:
        try:
            profiles.append(load_profile(f))
        except InputError as exc:
            problems += exc.problems
    builtins = [load_profile(name) for name in builtin_profiles()]
    notes = []
    for path in briefs:
        try:
            loaded = load_brief(path)
        except InputError as exc:
            problems += exc.problems
            continue
        before = len(problems)
        for profile in [*builtins, *profiles]:
            try:
                plan_for(loaded, profile)
            except InputError as exc:
                problems += exc.problems
        if len(problems) == before:
            b = loaded.brief
            notes.append(f"{loaded.path}: ok ({_count(b.sections, 'section')}, "
                         f"{_count(b.figures, 'figure')}, {_count(b.charts, 'chart')}; "
                         f"plans for {', '.join(p.id for p in [*builtins, *profiles])})")
    return list(dict.fromkeys(problems)), notes


def _count(items: list[object], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


def run(args: argparse.Namespace) -> int:
    problems, notes = check(args.briefs, args.profile)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not args.quiet:
        for note in notes:
            print(note)
    return 2 if problems else 0

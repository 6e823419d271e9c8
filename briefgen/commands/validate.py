"""``briefgen validate``: every problem build would meet, one per line, before anything is built.

It loads the briefs and profiles and then plans each audience, because a profile may name a
section or figure the brief lacks: that is only found when the two meet.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import InputError, Problem

if TYPE_CHECKING:
    from briefgen.load.tags import TagReport, Vocabulary

HELP = "check briefs (and profiles) and list every problem, one per line"
DESCRIPTION = """\
Check each BRIEF and every --profile without writing anything: YAML syntax, the schema, ids and
references, picture paths, and whether each audience can be planned from the brief. Problems go
to stderr, one per line, as FILE:LINE:COLUMN: FIELD: PROBLEM (HINT); the exit status is 2 when
there is any, 0 when all is well. A tag that looks like a typo of one the profiles select on
is a warning (stderr, exit status 0). For a valid brief, stdout says what each audience will
get: where its lead or bottom line comes from, how many sections, figures, charts, quotes and
slides, and which tags no profile selects on."""
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


@dataclass
class Report:
    """What validate found: problems (exit 2), warnings (exit 0) and lines for stdout."""

    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check(briefs: list[Path], profile_files: list[Path]) -> Report:
    """All problems in ``briefs`` and ``profile_files``; for each valid brief, warnings about
    its tags, a one-line note and one line per audience on what it will get."""
    from briefgen.load.brief import load_brief
    from briefgen.load.profile import builtin_profiles, load_profile
    from briefgen.load.tags import Vocabulary
    from briefgen.plan.audience import plan_for
    from briefgen.plan.describe import describe

    report = Report()
    profiles = []
    for f in profile_files:
        try:
            profiles.append(load_profile(f))
        except InputError as exc:
            report.problems += exc.problems
    every = [*(load_profile(name) for name in builtin_profiles()), *profiles]
    vocabulary = Vocabulary.of(every)
    for path in briefs:
        try:
            loaded = load_brief(path)
        except InputError as exc:
            report.problems += exc.problems
            continue
        before = len(report.problems)
        plans = []
        for profile in every:
            try:
                plans.append(plan_for(loaded, profile))
            except InputError as exc:
                report.problems += exc.problems
        if len(report.problems) > before:
            continue
        tags = _tags(loaded.path, vocabulary)
        report.warnings += tags.typos
        b = loaded.brief
        report.notes.append(f"{loaded.path}: ok ({_count(b.sections, 'section')}, "
                            f"{_count(b.figures, 'figure')}, {_count(b.charts, 'chart')}; "
                            f"plans for {', '.join(p.id for p in every)})")
        report.notes += [f"  {describe(plan, b)}" for plan in plans]
        if tags.unused:
            report.notes.append(f"  tags no profile selects on: {', '.join(tags.unused)} "
                                f"(they change nothing; see: briefgen profiles show NAME)")
    report.problems = list(dict.fromkeys(report.problems))
    return report


def _tags(path: Path, vocabulary: Vocabulary) -> TagReport:
    """The brief's tags against the vocabulary, located in its YAML (read again: a valid
    brief's model keeps no positions)."""
    from briefgen.load.tags import check_tags
    from briefgen.load.validate import problem_at
    from briefgen.load.yaml_source import load_yaml

    src = load_yaml(path)
    return check_tags(src.data, vocabulary,
                      lambda loc, what, hint: problem_at(src, loc, what, hint))


def _count(items: list[object], noun: str) -> str:
    return f"{len(items)} {noun}{'s' if len(items) != 1 else ''}"


def run(args: argparse.Namespace) -> int:
    report = check(args.briefs, args.profile)
    for problem in [*report.problems, *report.warnings]:
        print(problem, file=sys.stderr)
    if not args.quiet:
        for note in report.notes:
            print(note)
    return 2 if report.problems else 0

"""The slip messages say what to write, and writing it works; no slip makes them crash.

The exact messages are error-corpus cases (tests/data/bad/slip-*.yaml). Here a user who does
what each message says, one message at a time, must end with a brief that loads; and briefs
mangled with the characters these slips are made of must give located one-line messages only.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from briefgen.errors import InputError, Problem
from briefgen.load.brief import load_brief
from briefgen.load.written_numbers import value_hint
from tests.load.test_error_corpus import LINE_FORMAT

DATA = Path(__file__).resolve().parents[1] / "data"
SLIPS = sorted((DATA / "bad").glob("slip-*.yaml"))
#: Fixes whose every word is in the hint; the rest (value split into fields) are tested below.
FOLLOWED = [p for p in SLIPS if "in-value" not in p.name]

_INDENT = re.compile(r"indent it with (\d+ )?spaces|start it at the beginning of the line")
_QUOTE = re.compile(r"put the text in quotes: (?:(\w+): )?(?P<q>[\"'])(?P<text>.*)(?P=q)$")
_WRITE = re.compile(r"write (\w+): (\S+)$")


def follow(problem: Problem, line: str) -> str:
    """``line`` rewritten as the problem's hint says."""
    hint = problem.hint or ""
    if "a tab here" in problem.message:
        return line[: problem.col - 1] + " " + line[problem.col:]
    indent = _INDENT.search(hint)
    if indent:
        assert indent[1] or line.lstrip(" \t").startswith("#"), "how many spaces?"
        return " " * int(indent[1] or 2) + line.lstrip(" \t")
    quote = _QUOTE.search(hint)
    if quote:
        text = quote["text"].replace("''", "'") if quote["q"] == "'" else quote["text"]
        if text.endswith("..."):  # shown shortened: the text runs to the end of the line
            start = line.index(text[:-3])
            text = line[start:].rstrip()
        assert text in line
        quoted = text.replace("'", "''") if quote["q"] == "'" else text
        return line.replace(text, quote["q"] + quoted + quote["q"], 1)
    write = _WRITE.search(hint)
    if write:
        return re.sub(rf"\b{write[1]}: [^{{}}]*?(?=, \w+:|\}}|$)", f"{write[1]}: {write[2]}",
                      line, count=1)
    raise AssertionError(f"no fix to follow in {problem}")


@pytest.mark.parametrize("case", FOLLOWED, ids=lambda p: p.stem)
def test_doing_what_the_messages_say_gives_a_brief_that_loads(case: Path, tmp_path):
    brief = tmp_path / "brief.yaml"
    text = case.read_text("utf-8")
    for _ in range(60):
        brief.write_text(text, "utf-8")
        try:
            load_brief(brief)
            return
        except InputError as exc:
            problem = exc.problems[0]
        lines = text.split("\n")
        fixed = follow(problem, lines[problem.line - 1])
        assert fixed != lines[problem.line - 1], f"following {problem} changed nothing"
        lines[problem.line - 1] = fixed
        text = "\n".join(lines)
    pytest.fail("still not loading after 60 fixes")


@pytest.mark.parametrize(("written", "figure", "hint"), [
    ("97.2 billion", {"unit": "US dollars"}, "write value: 97.2 with scale: billion"),
    ("97.2 billion U.S. dollars", {},
     "write value: 97.2 with scale: billion and unit: U.S. dollars"),
    ("about 20 %", {}, "write value: 20 with unit: % and qualifier: about"),
    ("1.2万亿元", {"unit": "元"}, "write value: 1.2 with scale: 万亿"),
    ("130多个国家", {}, "write value: 130 with unit: 个国家 and qualifier: more_than"),
    ("约800名", {"unit": "名"}, "write value: 800 with qualifier: about"),
    ("超过1,500", {}, "write value: 1500 with qualifier: over"),
    ("roughly 20 countries", {}, "write value: 20 with unit: countries and qualifier: about"),
    ("forty", {}, None),
    ("1.2.3", {}, None),
])
def test_a_value_written_in_words_says_which_field_takes_each_word(written, figure, hint):
    assert value_hint(written, figure) == hint


@pytest.mark.parametrize("rest", ["UN Climate Change Executive Secretary", "000", "2020-03-01",
                                  "~", "true"])
def test_a_comma_in_braces_is_told_whatever_yaml_makes_of_the_rest(rest, tmp_path):
    case = DATA / "bad" / "slip-comma-in-speaker-en.yaml"
    brief = tmp_path / "brief.yaml"
    brief.write_text(case.read_text("utf-8").replace("UN Climate Change Executive Secretary",
                                                     rest), "utf-8")
    with pytest.raises(InputError) as info:
        load_brief(brief)
    expected = (f"{brief}:43:88: quotes[0].speaker: the comma after 'Simon Stiell' ends the "
                f'text inside {{...}} (put the text in quotes: speaker: "Simon Stiell, {rest}")')
    assert [str(p) for p in info.value.problems] == [expected]


SLIP_PARTS = ["\t", ": ", ",", ", x", '"', "'", "\n\t", "1,000", "- ", "{", "}", "[", " #"]


def test_briefs_mangled_with_slips_get_located_one_line_messages(tmp_path):
    bases = [(DATA.parent / "fixtures" / "minimal-zh" / "brief.yaml").read_text("utf-8"),
             (DATA / "bad" / "chart-mixed-units-en.yaml").read_text("utf-8")]
    rng = random.Random(16)
    brief = tmp_path / "brief.yaml"
    for _ in range(300):
        text = rng.choice(bases)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(SLIP_PARTS) + text[at:]
        brief.write_text(text, "utf-8")
        try:
            load_brief(brief)
        except InputError as exc:
            assert all(LINE_FORMAT.match(str(p)) for p in exc.problems), exc.problems

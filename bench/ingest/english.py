"""The English ingest benchmark: five texts of our own in ``bench/ingest/en`` (two wire stories,
a press release, a PDF briefing with running headers and page numbers, a fact sheet), each with
what a careful reader takes from it in ``en/expected.yaml``. Every draft must load and build
for every audience without edits. Scores: figure recall and precision (``score_figures``), the
share of figure labels that read as noun phrases (``is_noun_phrase``), dates, place and title
exactly right, quote recall (``score_quotes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.ingest.score import FigureScore, QuoteScore, is_noun_phrase, score_figures, score_quotes
from briefgen.ingest.draft import ingest, write_draft
from briefgen.pipeline import build

HERE = Path(__file__).resolve().parent / "en"
NOTE = ("Texts written for this benchmark (fictional events), each with the facts a careful "
        "reader takes from it in `en/expected.yaml`. The two `heldout-` texts were written "
        "after the rules were tuned on the first five, and their first runs were: the wire "
        "story, every figure, date, place and quote right, 3 of 7 labels in need of editing; "
        "the press release, every figure and quote right, but the title (`NEWS RELEASE`), the "
        "last day (`runs until 13 June`) and one label (`Attendance rose`) wrong, and `over "
        "four years` read as a qualifier. Those were fixed by general rules, so the table now "
        "shows them right; treat it as the score of texts the rules have seen. Figures match "
        "on value, scale and the "
        "unit's head noun; a label counts as a noun phrase by `score.is_noun_phrase` (no "
        "number, no finite verb, no trailing function word: a heuristic, not a parser); dates, "
        "place and title must be exactly right; a quote is found when a draft quote starts with "
        "its words and names its speaker. Built: files written by `briefgen build --audience "
        "all` from the draft as it is.")


@dataclass(frozen=True)
class EnglishResult:
    name: str
    kind: str
    figs: FigureScore
    labels_ok: int
    labels: int
    bad_labels: list[str]
    dates_ok: bool
    place_ok: bool
    title_ok: bool
    quotes: QuoteScore
    got: dict[str, Any]
    built: int


def expected_cases() -> dict[str, dict[str, Any]]:
    return yaml.safe_load((HERE / "expected.yaml").read_text("utf-8"))


def score_text(name: str, expected: dict[str, Any], work: Path,
               build_outputs: bool = True) -> EnglishResult:
    """Ingest ``en/name``, write and load the draft, build it, and score it."""
    target = write_draft(ingest(HERE / name), work / name / "brief.yaml")
    built = len(build(brief=target.parent, audiences=["all"], out=work / name / "out")) \
        if build_outputs else 0
    got = yaml.safe_load(target.read_text("utf-8"))
    ref = [dict(f, id=f"{f['value']}") for f in expected["figures"]]
    labels = [f["label"] for f in got["figures"]]
    bad = [x for x in labels if not is_noun_phrase(x)]
    meta = got["meta"]
    want = expected["dates"]
    return EnglishResult(
        name=name, kind=expected["kind"], figs=score_figures(ref, got["figures"], "en"),
        labels_ok=len(labels) - len(bad), labels=len(labels), bad_labels=bad,
        dates_ok=(meta["dates"]["start"], meta["dates"]["end"]) == (want["start"], want["end"]),
        place_ok=meta["place"] == expected["place"], title_ok=meta["title"] == expected["title"],
        quotes=score_quotes(expected["quotes"], got.get("quotes") or []), got=got, built=built)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}% ({a}/{b})" if b else "-"


def table(results: list[EnglishResult]) -> str:
    """Markdown table: one row per text and a total row."""
    rows = ["| text | kind | figure recall | figure precision | noun-phrase labels | dates "
            "| place | title | quote recall | built |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    tick = {True: "right", False: "**wrong**"}
    for r in results:
        f = r.figs
        rows.append(f"| {r.name} | {r.kind.split(' (')[0]} | {_pct(f.matched, f.reference)} "
                    f"| {_pct(f.extracted - len(f.wrong), f.extracted)} "
                    f"| {_pct(r.labels_ok, r.labels)} | {tick[r.dates_ok]} | {tick[r.place_ok]} "
                    f"| {tick[r.title_ok]} | {_pct(r.quotes.found, r.quotes.expected)} "
                    f"| {r.built} files |")
    total = lambda attr: sum(attr(r) for r in results)  # noqa: E731
    right = _pct(total(lambda r: r.figs.extracted - len(r.figs.wrong)),
                 total(lambda r: r.figs.extracted))
    rows.append(
        f"| **all** | | {_pct(total(lambda r: r.figs.matched), total(lambda r: r.figs.reference))} "
        f"| {right} "
        f"| {_pct(total(lambda r: r.labels_ok), total(lambda r: r.labels))} "
        f"| {total(lambda r: r.dates_ok)}/{len(results)} "
        f"| {total(lambda r: r.place_ok)}/{len(results)} "
        f"| {total(lambda r: r.title_ok)}/{len(results)} "
        f"| {_pct(total(lambda r: r.quotes.found), total(lambda r: r.quotes.expected))} | |")
    return "\n".join(rows)


def details(r: EnglishResult) -> str:
    """What went wrong in one text, for the console."""
    m = r.got["meta"]
    return (f"{r.name}: title={m['title']!r} place={m['place']!r} dates={m['dates']}\n"
            f"  missed figures: {r.figs.missed}\n  not expected: {r.figs.wrong}\n"
            f"  labels not noun phrases: {r.bad_labels}\n  missed quotes: {r.quotes.missed}")


def run(work: Path) -> list[EnglishResult]:
    return [score_text(name, exp, work) for name, exp in expected_cases().items()]


if __name__ == "__main__":
    import sys
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        results = [score_text(n, e, Path(tmp), build_outputs="--no-build" not in sys.argv)
                   for n, e in expected_cases().items()]
    print(table(results))
    for r in results:
        print(details(r))

"""Section summaries against hand-written references, and the time to summarise a whole brief.

Run from the repository root: ``python bench/summaries/run.py`` (``--dry-run``: print, do not
touch the README). For every section of both
bundled briefs and two budgets (short = the executive profile's summary budget, long = the
academic one's), it scores against ``tests/data/reference-summaries/{zh,en}.yaml``:

* briefgen with each profile's priors and wanted figure terms (as the plan calls it);
* lead: the section's sentences in order; random: sentences in a random order (seed 2017, the
  mean of 20 draws); each open peer that runs here (see ``peers.py``). These are all fitted
  alike: sentences in rank order, each taken if it still fits, none compressed, printed in
  source order.

ROUGE F1 x 100 (``rouge.py``): characters for Chinese, lower-cased words for English. The table
goes into bench/README.md between its markers.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE.parent), str(HERE)]

import yaml  # noqa: E402
from peers import Peer, peers  # noqa: E402
from readme_block import write_block  # noqa: E402
from rouge import scores  # noqa: E402

from briefgen.load.brief import load_brief  # noqa: E402
from briefgen.load.profile import load_profile  # noqa: E402
from briefgen.plan.audience import _Planner  # noqa: E402
from briefgen.plan.summarize import summarize  # noqa: E402
from briefgen.text.measure import measure  # noqa: E402
from briefgen.text.segment import sentences  # noqa: E402

EDITIONS = {"zh": "belt-and-road-forum-2017", "en": "belt-and-road-forum-2017-en"}
PROFILES = ("executive", "press", "academic")
SEED, DRAWS = 2017, 20
Summary = Callable[[Sequence[str], int], str]


def _join(parts: Sequence[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(parts)


def fit(ranked: Sequence[str], order: Sequence[str], lang: str, budget: int, extra: int = 0) -> str:
    """Ranked units taken while they fit (``extra`` each: a missing end mark), in source order."""
    room, taken = budget, []
    for unit in ranked:
        size = measure(unit, lang) + extra
        if unit not in taken and size <= room:
            taken.append(unit)
            room -= size
    pos = {u: k for k, u in enumerate(order)}
    taken.sort(key=lambda u: pos.get(u, len(pos)))
    return _join(taken, lang)


def _units(paragraphs: Sequence[str], lang: str) -> list[str]:
    return [s for p in paragraphs for s in sentences(p, lang)]


def systems(lang: str, brief, peer_list: list[Peer]) -> dict[str, Summary | str]:
    """Name -> summary function (or the reason it could not run)."""
    out: dict[str, Summary | str] = {}
    for name in PROFILES:
        planner = _Planner(brief, load_profile(name))
        out[f"briefgen ({name} priors)"] = lambda ps, b, pr=planner.priors, w=planner.wanted: _join(
            summarize(ps, lang, b, pr, w), lang
        )
    out["lead"] = lambda ps, b: fit(_units(ps, lang), _units(ps, lang), lang, b)

    def rand(ps: Sequence[str], b: int, draw: int) -> str:
        units = _units(ps, lang)
        shuffled = units[:]
        random.Random(SEED + draw).shuffle(shuffled)
        return fit(shuffled, units, lang, b)

    out["random (mean of 20)"] = rand  # type: ignore[assignment]
    for peer in peer_list:
        if lang not in peer.langs:
            continue
        if peer.rank is None:
            out[peer.name] = peer.reason
            continue
        extra = 0 if peer.end_mark or lang == "en" else 1

        def run(ps: Sequence[str], b: int, peer: Peer = peer, extra: int = extra) -> str:
            text = "\n".join(ps)
            ranked = peer.rank(text, lang)
            order = sorted(ranked, key=lambda u: (text.find(u), ranked.index(u)))
            return fit(ranked, order, lang, b, extra)

        out[peer.name] = run
    return out


def evaluate(lang: str, peer_list: list[Peer]) -> tuple[list[str], dict]:
    """Mean ROUGE and fill per system and budget."""
    brief = load_brief(ROOT / "briefs" / EDITIONS[lang])
    refs_path = ROOT / "tests/data/reference-summaries" / f"{lang}.yaml"
    refs = yaml.safe_load(refs_path.read_text("utf-8"))
    budgets = {
        "short": load_profile("executive").summary.for_lang(lang),
        "long": load_profile("academic").summary.for_lang(lang),
    }
    results: dict[str, dict[str, list[float] | str]] = {}
    for name, fn in systems(lang, brief, peer_list).items():
        results[name] = {}
        for label, budget in budgets.items():
            if isinstance(fn, str):
                results[name][label] = fn
                continue
            rows = []
            for section in brief.brief.sections:
                ref = refs[section.id][label]
                if name.startswith("random"):
                    draws = [fn(section.paragraphs, budget, d) for d in range(DRAWS)]  # type: ignore[call-arg]
                    got = [scores(c, ref, lang) for c in draws]
                    fill = statistics.mean(measure(c, lang) for c in draws) / budget
                    rows.append([statistics.mean(x[k] for x in got) for k in range(3)] + [fill])
                else:
                    cand = fn(section.paragraphs, budget)
                    rows.append([*scores(cand, ref, lang), measure(cand, lang) / budget])
            results[name][label] = [100 * statistics.mean(r[k] for r in rows) for k in range(4)]
    return list(budgets.items()), results


def table(lang: str, budgets, results) -> str:
    unit = "characters" if lang == "zh" else "words"
    head = " | ".join(f"{label} ({b} {unit}) R-1 | R-2 | R-L | fill %" for label, b in budgets)
    lines = [f"| {lang} | {head} |", "|---" * (1 + 4 * len(budgets)) + "|"]
    for name, per in results.items():
        cells = []
        for label, _ in budgets:
            v = per[label]
            cells += [v] + [""] * 3 if isinstance(v, str) else [f"{x:.1f}" for x in v]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdict(lang: str, budgets, results) -> list[str]:
    """Where briefgen (each profile) is not ahead of lead or a peer, per budget and metric."""
    notes = []
    ours = [n for n in results if n.startswith("briefgen")]
    others = [n for n in results if not n.startswith("briefgen") and not n.startswith("random")]
    for label, _ in budgets:
        for o in others:
            theirs = results[o][label]
            if isinstance(theirs, str):
                continue
            for n in ours:
                mine = results[n][label]
                behind = [m for k, m in enumerate(("R-1", "R-2", "R-L")) if mine[k] <= theirs[k]]
                if behind:
                    notes.append(f"{lang} {label}: {n} not ahead of {o} on {', '.join(behind)}")
    return notes


def cross_check() -> str:
    """How far the own English ROUGE is from the ``rouge-score`` package (no stemming)."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        return "rouge-score is not installed: no cross-check"
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    brief = load_brief(ROOT / "briefs" / EDITIONS["en"])
    refs_path = ROOT / "tests/data/reference-summaries/en.yaml"
    refs = yaml.safe_load(refs_path.read_text("utf-8"))
    worst = 0.0
    for section in brief.brief.sections:
        for label in ("short", "long"):
            cand = " ".join(summarize(section.paragraphs, "en", 40 if label == "short" else 110))
            theirs = scorer.score(refs[section.id][label], cand)
            mine = scores(cand, refs[section.id][label], "en")
            for k, key in enumerate(("rouge1", "rouge2", "rougeL")):
                worst = max(worst, abs(mine[k] - theirs[key].fmeasure))
    version = importlib.metadata.version("rouge-score")
    return f"checked against rouge-score {version} on English: largest difference {100 * worst:.2f}"


def _peer_notes(peer_list: list[Peer]) -> str:
    """One note per reason: "sumy-TextRank, sumy-LexRank (en): could not run: …"."""
    by_reason: dict[str, list[str]] = {}
    for p in peer_list:
        if p.reason:
            by_reason.setdefault(p.reason, []).append(f"{p.name} ({'/'.join(p.langs)})")
    return "; ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())


SPEED_CODE = """
import json, sys, time
calls = json.loads(sys.stdin.read())
t0 = time.perf_counter()
import re
from briefgen.plan.summarize import FigureTerms, Priors, summarize
from briefgen.text.tokens import tag_zh
t1 = time.perf_counter()
if sys.argv[1] == "warm":
    tag_zh("预热")
t2 = time.perf_counter()
for paras, lang, budget, priors, wanted in calls:
    summarize(paras, lang, budget, Priors(*priors), FigureTerms(wanted and re.compile(wanted)))
t3 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))
"""


def speed() -> dict[str, list[float]]:
    """Seconds to summarise both briefs for all three audiences (sections and bottom lines),
    each in a fresh process: cold (the word cutter loads on first use) and with it preloaded."""
    calls = []
    for lang, edition in EDITIONS.items():
        brief = load_brief(ROOT / "briefs" / edition)
        for name in PROFILES:
            p = _Planner(brief, load_profile(name))
            pri = [p.priors.position, p.priors.figures, p.priors.entities, p.priors.causal]
            # the figure terms travel as their one pattern, as the plan holds them (FigureTerms)
            wanted = p.wanted.pattern.pattern if p.wanted.pattern else None
            for t in p.texts:
                budget = p._budget(t.section)
                calls.append([list(t.section.paragraphs), lang, budget, pri, wanted])
            paras = [x for t in p.texts for x in t.section.paragraphs]
            calls.append([paras, lang, p.profile.bottom_line.for_lang(lang), pri, wanted])
    out: dict[str, list[float]] = {"calls": [len(calls)]}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for mode in ("cold", "warm"):
        runs = []
        for _ in range(3):
            res = subprocess.run(
                [sys.executable, "-c", SPEED_CODE, mode],
                input=json.dumps(calls),
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                check=True,
            )
            runs.append(json.loads(res.stdout))
        out[mode] = min(runs, key=lambda r: r[2])
    return out


def main() -> None:
    t0 = time.perf_counter()
    peer_list = peers()
    blocks, notes = [], []
    for lang in EDITIONS:
        if not (ROOT / "briefs" / EDITIONS[lang] / "brief.yaml").is_file():
            notes.append(f"{lang}: brief not found, skipped")
            continue
        budgets, results = evaluate(lang, peer_list)
        blocks.append(table(lang, budgets, results))
        notes += verdict(lang, budgets, results)
    sp = speed()
    text = "\n\n".join(blocks)
    text += (
        "\n\nROUGE F1 x 100, mean over the 13 sections of each brief; Chinese on characters, "
        "English on lower-cased words (own implementation, `bench/summaries/rouge.py`; "
        + cross_check()
        + "). "
        "fill = summary length / budget. Peers and baselines are fitted alike: sentences in "
        "rank order while they fit, none compressed. Peers: "
        + _peer_notes(peer_list)
        + ".\n\n"
        f"Speed: {sp['calls'][0]} summarize calls (every section and the bottom line of both "
        "briefs for executive, press and academic), each set in a fresh process: "
        f"{sp['cold'][2]:.2f} s cold (includes loading the word cutter's dictionary on first "
        f"use), {sp['warm'][2]:.2f} s with the cutter preloaded ({sp['warm'][1]:.2f} s to load it; "
        f"import {sp['warm'][0]:.2f} s).\n"
    )
    if notes:
        text += "\nNot ahead:\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"
    else:
        text += (
            "\nbriefgen (every profile) is ahead of lead and every peer that runs, on R-1, R-2 "
            "and R-L, at both budgets, in both languages.\n"
        )
    if "--dry-run" not in sys.argv:
        write_block("summaries", text)
    print(text)
    print(f"(bench took {time.perf_counter() - t0:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()

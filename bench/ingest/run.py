"""Ingest benchmark: draft briefs from the seed text and from briefgen's own DOCX/PDF, scored
against the hand-made briefs. Run from the repository root: ``python bench/ingest/run.py``.

Cases: the Chinese seed (a PDF extract, as .txt) against ``briefs/belt-and-road-forum-2017``;
round trips: each bundled brief (Chinese, and the English edition when present) built to DOCX
for the academic audience, and that DOCX converted to PDF by LibreOffice when ``soffice`` is on
PATH, ingested and scored against the brief it was built from; and the English texts of
``en/`` against ``en/expected.yaml`` (see ``english.py``). Scores: see ``score.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml

from bench.ingest import english
from bench.ingest.score import cer, joined, score_figures, score_headings
from bench.readme_block import write_block
from briefgen.ingest.clean import blocks_from_lines
from briefgen.ingest.draft import ingest, write_draft
from briefgen.ingest.read import read_source
from briefgen.load.brief import load_brief
from briefgen.pipeline import build

SEED = Path("/work/shared/seed/belt-and-road-forum-2017.txt")
ZH = ROOT / "briefs" / "belt-and-road-forum-2017" / "brief.yaml"
EN = ROOT / "briefs" / "belt-and-road-forum-2017-en" / "brief.yaml"


def score_case(name: str, source: Path, reference: Path, work: Path) -> dict[str, object]:
    """Ingest ``source``, check the draft loads, and score it against ``reference``."""
    ref = yaml.safe_load(reference.read_text("utf-8"))
    lang = ref["meta"]["language"]
    start = time.perf_counter()
    draft = ingest(source)
    seconds = time.perf_counter() - start
    target = write_draft(draft, work / name / "brief.yaml")
    load_brief(target)
    got = yaml.safe_load(target.read_text("utf-8"))
    raw_blocks = read_source(source)
    figs = score_figures(ref["figures"], got["figures"], lang)
    heads = score_headings([s["title"] for s in ref["sections"]],
                           [s["title"] for s in got["sections"]],
                           [b.text for b in raw_blocks])
    ref_text = joined([p for s in ref["sections"] for p in s["paragraphs"]], lang)
    got_text = joined([p for s in got["sections"] for p in s["paragraphs"]], lang)
    raw_text = joined([b.text for b in raw_blocks], lang)
    cleaned = joined([b.text for b in blocks_from_lines(raw_blocks)], lang)
    return {"name": name, "figs": figs, "heads": heads, "cer": cer(got_text, ref_text),
            "cer_clean": cer(cleaned, ref_text), "cer_raw": cer(raw_text, ref_text),
            "seconds": seconds, "sections": len(got["sections"])}


def round_trip_sources(brief: Path, tmp: Path) -> list[tuple[str, Path]]:
    """The brief built to DOCX by briefgen, and that DOCX as PDF if LibreOffice is here."""
    out = build(brief=brief, audiences=["academic"], formats=["docx"], out=tmp)
    docx = out[0].path
    cases = [("docx", docx)]
    soffice = shutil.which("soffice")
    if soffice:
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp),
                        str(docx)], check=True, capture_output=True, timeout=300)
        cases.append(("pdf", docx.with_suffix(".pdf")))
    return cases


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def row(r: dict[str, object]) -> str:
    f, h = r["figs"], r["heads"]
    return (f"| {r['name']} | {pct(f.recall)} ({f.matched}/{f.reference}) | {pct(f.recall_all)} "
            f"| {pct(f.precision)} ({f.extracted - len(f.wrong)}/{f.extracted}) "
            f"| {h.found_in_source}/{h.in_source} | {h.found}/{h.reference} | {pct(h.precision)} "
            f"| {pct(r['cer'])} | {pct(r['cer_clean'])} | {pct(r['cer_raw'])} "
            f"| {r['seconds']:.2f} |")


def main() -> None:
    results = []
    notes = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        results.append(score_case("zh seed .txt (PDF extract)", SEED, ZH, tmp))
        for label, brief in (("zh", ZH), ("en", EN)):
            if not brief.exists():
                notes.append(f"{label}: {brief.relative_to(ROOT)} is missing; round trip skipped.")
                continue
            for kind, path in round_trip_sources(brief.parent, tmp / f"build-{label}"):
                results.append(score_case(f"{label} round trip .{kind}", path, brief, tmp))
        if not shutil.which("soffice"):
            notes.append("soffice is not on PATH: PDF round trips skipped.")
        en_results = english.run(tmp / "english")
    header = ("| case | figure recall | recall incl. derived | figure precision "
              "| headings (in source) | headings (all) | heading precision "
              "| CER draft | CER cleaned | CER raw | seconds |\n"
              "|---|---|---|---|---|---|---|---|---|---|---|")
    table = "\n".join([header] + [row(r) for r in results])
    text = (table + "\n\n" + "".join(f"- {n}\n" for n in notes) + ("\n" if notes else "")
            + "Figure recall leaves out the reference's `derived` figures (counted by the editor, "
            "not written as numbers); precision counts a draft figure right when a reference "
            "figure has the same value, scale and unit. Headings (in source) counts the "
            "reference titles the source prints as a line; the others were written by the "
            "editor. CER compares section paragraphs (draft) or all cleaned/raw text with the "
            "reference paragraphs; the editor's reordering and the round trip's extra parts "
            "(key points, figure tables) count as errors. Definitions: `bench/ingest/score.py`."
            "\n\n### English texts (`bench/ingest/en`, `python -m bench.ingest.english`)\n\n"
            + english.table(en_results) + "\n\n" + english.NOTE)
    write_block("ingest", text)
    print(table)
    for n in notes:
        print(n)
    for r in results:
        f = r["figs"]
        print(f"\n{r['name']}: missed {f.missed}\n  not in reference: {f.wrong}")
    print("\n" + english.table(en_results))
    for e in en_results:
        print(english.details(e))


if __name__ == "__main__":
    main()

"""A brief as pandoc Markdown, one file per audience, from the same plan briefgen renders.

The benchmark gives pandoc the content briefgen has already decided: the plan's blocks (headings,
summaries, bullet lists, figure tables, charts, quotes, timeline, sources) and the chart PNGs
from briefgen's chart cache. pandoc then only converts, so the comparison is of turning decided
content into DOCX and PPTX, plus, for briefgen, the deciding.

    python bench/speed/export_md.py [BRIEF] [OUTDIR]
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefgen.load.audiences import BUILTIN_AUDIENCES
from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.pipeline import chart_cache_dir
from briefgen.plan import model as m
from briefgen.plan.audience import plan_for


def _text(text: str) -> str:
    """Escape what Markdown would read as markup at the start of a line or inline."""
    out = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    return out.replace("<", "\\<").replace("#", "\\#").replace("|", "\\|")


def _cell(text: str | None) -> str:
    return _text(text or "").replace("\n", " ")


def _meta(plan: m.DocPlan) -> list[str]:
    def q(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["---", f"title: {q(plan.meta.title)}"]
    if plan.meta.subtitle:
        lines.append(f"subtitle: {q(plan.meta.subtitle)}")
    lines += [f"date: {q(plan.meta.date_text)}", f"author: {q(plan.meta.organiser)}",
              f"lang: {'zh-CN' if plan.meta.language == 'zh' else 'en-GB'}"]
    if plan.toc:
        lines.append("toc: true")
    return [*lines, "---", ""]


def block_md(block: m.Block, charts: Mapping[str, Path]) -> list[str]:
    """Markdown lines of one plan block (then a blank line)."""
    if isinstance(block, m.Heading):
        return ["#" * block.level + " " + _text(block.text), ""]
    if isinstance(block, m.Paragraph):
        return [_text(block.text), ""]
    if isinstance(block, m.BulletList):
        return [*(f"- {_text(item)}" for item in block.items), ""]
    if isinstance(block, m.FigureTable):
        rows = ["| " + " | ".join(_cell(h) for h in block.header) + " |",
                "|---|---|---|---|"]
        rows += [f"| {_cell(r.label)} | {_cell(r.display)} | {_cell(r.change)} | "
                 f"{_cell(r.source)} |" for r in block.rows]
        return [*rows, "", f": {_text(block.caption)}", ""]
    if isinstance(block, m.ChartBlock):
        chart = block.chart
        return [f"![{_text(chart.caption)}]({charts[chart.id].as_posix()})", "",
                _text(chart.source), ""]
    if isinstance(block, m.QuoteBlock):
        q = block.quote
        return [f"> {_text(q.text)}", ">", f"> — {_text(q.speaker)}", ""]
    if isinstance(block, m.TimelineBlock):
        return [*(f"- **{_text(t.date)}** {_text(t.label)}"
                  + (f": {_text(t.detail)}" if t.detail else "") for t in block.items), ""]
    if isinstance(block, m.SourcesBlock):
        return [*(f"{s.number}. {_text(s.text)}" for s in block.sources), ""]
    if isinstance(block, m.TocBlock):
        return []  # pandoc writes the contents itself (toc: true in the metadata)
    raise TypeError(f"no Markdown for {type(block).__name__}")


def plan_markdown(plan: m.DocPlan, charts: Mapping[str, Path]) -> str:
    """The whole document of ``plan`` as pandoc Markdown."""
    lines = _meta(plan)
    for block in plan.blocks:
        lines += block_md(block, charts)
    return "\n".join(lines)


def all_chart_pictures(plans: list[m.DocPlan]) -> dict[str, Path]:
    """Every chart of the plans drawn as briefgen draws its pictures (cached by content)."""
    from briefgen.charts.render import render_charts

    specs = {c.id: c for plan in plans for c in plan.charts}
    return render_charts(specs.values(), chart_cache_dir(), plans[0].timeline) if specs else {}


def export(brief: Path, out: Path, audiences: tuple[str, ...] = BUILTIN_AUDIENCES) -> list[Path]:
    """Write ``out/BRIEF-ID-AUDIENCE.md`` for each audience; return the files."""
    loaded = load_brief(brief)
    plans = [plan_for(loaded, load_profile(a)) for a in audiences]
    charts = all_chart_pictures(plans)  # pandoc has no native charts: every chart as a PNG
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for plan in plans:
        path = out / f"{plan.meta.brief_id}-{plan.meta.audience}.md"
        path.write_text(plan_markdown(plan, charts), "utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    from briefgen.load import yaml_source
    from briefgen.resources import default_brief

    yaml_source.MAX_BYTES = 10**9  # scaled benchmark briefs exceed the loader's 2 MB guard

    args = sys.argv[1:]
    for p in export(Path(args[0]) if args else default_brief(),
                    Path(args[1]) if len(args) > 1 else Path("out-md")):
        print(p)

"""Content ranking: what matters most in a brief when no profile rule says so.

Sections are ranked by what an editor looks at (where the section stands, how many figures and
quotes it carries, how many names and dates it gives, how much it says, and how central its
sentences are to the whole brief by the summariser's own scores). Figures, charts and quotes
follow the sections that cite them: those of the most important section first.
Every weight is a share of a score in [0, 1]; ties go to the earlier item, so the order is
deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from briefgen.load.schema import Chart, Figure, Quote, Section
from briefgen.plan.select import Pick
from briefgen.plan.summarize import FigureTerms, Priors, text_scores
from briefgen.text.measure import measure
from briefgen.text.tokens import entity_count

#: Shares of a section's score. Position leads: briefs open with the news.
WEIGHTS = {"position": 0.40, "central": 0.20, "figures": 0.15, "entities": 0.10,
           "quotes": 0.10, "length": 0.05}


def section_scores(sections: Sequence[Section], lang: str, priors: Priors,
                   wanted: FigureTerms) -> list[float]:
    """Score in [0, 1] per section, in source order."""
    n = len(sections)
    central = text_scores([s.paragraphs for s in sections], lang, priors, wanted)
    sizes = [sum(measure(p, lang) for p in s.paragraphs) for s in sections]
    longest = max(sizes, default=0) or 1
    out = []
    for i, (section, c, size) in enumerate(zip(sections, central, sizes)):
        lead = section.paragraphs[0] if section.paragraphs else ""
        features = {
            "position": 1.0 - i / n if n > 1 else 1.0,
            "central": c,
            "figures": min(len(set(section.figures)), 4) / 4,
            "entities": min(entity_count(lead, lang), 5) / 5,
            "quotes": min(len(section.quotes), 2) / 2,
            "length": math.sqrt(size / longest),
        }
        out.append(round(sum(WEIGHTS[k] * v for k, v in features.items()), 4))
    return out


def ranked_sections(sections: Sequence[Section], scores: Sequence[float]) -> list[Pick[Section]]:
    """Sections best first (earlier on a tie), each with its score as the reason."""
    order = sorted(range(len(sections)), key=lambda i: (-scores[i], i))
    return [Pick(sections[i], f"ranked {scores[i]:.2f}") for i in order]


def _cited(order: Sequence[Section], attr: str) -> list[tuple[str, str]]:
    """(item id, section id) for the items ``attr`` of each section cites, in ``order``."""
    out: dict[str, str] = {}
    for section in order:
        for item in getattr(section, attr):
            out.setdefault(item, section.id)
    return list(out.items())


def _by_citation(items: Sequence[Figure] | Sequence[Chart] | Sequence[Quote],
                 order: Sequence[Section], attr: str) -> list[Pick]:
    by_id = {x.id: x for x in items}
    out = [Pick(by_id[i], f"cited by {sid}") for i, sid in _cited(order, attr) if i in by_id]
    seen = {p.item.id for p in out}
    return out + [Pick(x, "not cited") for x in items if x.id not in seen]


def ranked_figures(figures: Sequence[Figure], order: Sequence[Section]) -> list[Pick[Figure]]:
    """Figures cited by the most important sections first (``order``: chosen sections, then the
    rest, best first), uncited figures last in source order."""
    return _by_citation(figures, order, "figures")


def ranked_quotes(quotes: Sequence[Quote], order: Sequence[Section]) -> list[Pick[Quote]]:
    """Quotes in the order of the sections that cite them; uncited ones last."""
    return _by_citation(quotes, order, "quotes")


def ranked_charts(charts: Sequence[Chart], order: Sequence[Section],
                  figures: Sequence[Figure]) -> list[Pick[Chart]]:
    """Charts cited by the most important sections first, then charts drawing the best-ranked
    figures, then the rest in source order."""
    cited = _by_citation(charts, order, "charts")
    head = [p for p in cited if p.reason != "not cited"]
    rank = {f.id: k for k, f in enumerate(figures)}
    rest = [p.item for p in cited if p.reason == "not cited"]
    rest.sort(key=lambda c: min((rank[f] for f in c.figures if f in rank), default=len(rank)))
    return head + [Pick(c, "draws cited figures" if any(f in rank for f in c.figures)
                        else "not cited") for c in rest]

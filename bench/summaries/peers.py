"""Open summarisers to compare with: each ranks a section's sentences, best first.

A peer returns its sentences in its own segmentation, best first; the bench fits them to the
budget the same way for everyone (take them in rank order while they fit, compress none, print
them in source order). A peer that cannot run here says why instead of failing the bench.

* textrank4zh (Chinese): needs two shims for networkx 3 — ``from_numpy_matrix`` was renamed
  ``from_numpy_array``, and ``pagerank`` wants SciPy, so the pure-Python PageRank stands in.
* snownlp (Chinese): its ``summary`` ranks clauses (it splits at ，too) and drops punctuation.
* sumy: Chinese through its jieba tokenizer. English needs NLTK's punkt model, which cannot be
  downloaded here (no network but PyPI), so the stock English tokenizer cannot run; the
  ``(own split)`` rows give sumy briefgen's sentence splitter and a regex word tokenizer instead.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.text.segment import sentences

__all__ = ["Peer", "peers"]

Ranker = Callable[[str, str], list[str]]


@dataclass
class Peer:
    name: str
    langs: tuple[str, ...]
    rank: Ranker | None  # None: could not run
    reason: str = ""  # why it could not run, or a note on how it ran
    end_mark: bool = True  # its sentences keep their end mark (else the fit counts one more char)


def _textrank4zh() -> Ranker:
    warnings.filterwarnings("ignore")
    import networkx as nx
    from networkx.algorithms.link_analysis import pagerank_alg

    if not hasattr(nx, "from_numpy_matrix"):
        nx.from_numpy_matrix = nx.from_numpy_array
    import textrank4zh.util as util
    from textrank4zh import TextRank4Sentence

    util.nx.pagerank = pagerank_alg._pagerank_python

    def rank(text: str, lang: str) -> list[str]:
        tr = TextRank4Sentence()
        tr.analyze(text=text, lower=True, source="all_filters")
        return [s.sentence for s in tr.get_key_sentences(num=10_000)]

    return rank


def _snownlp() -> Ranker:
    from snownlp import SnowNLP

    def rank(text: str, lang: str) -> list[str]:
        s = SnowNLP(text)
        return list(s.summary(len(s.sentences)))

    return rank


class _OwnTokenizer:
    """sumy tokenizer interface backed by briefgen's sentence splitter and a word regex."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.language = "english" if lang == "en" else "chinese"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentences(paragraph, self.lang))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", sentence))


def _sumy(algorithm: str, lang: str, own_split: bool) -> Callable[[], Ranker]:
    def load() -> Ranker:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        cls = {"TextRank": TextRankSummarizer, "LexRank": LexRankSummarizer, "LSA": LsaSummarizer}
        language = "english" if lang == "en" else "chinese"
        if not own_split:
            Tokenizer(language)  # English raises LookupError without NLTK punkt

        def rank(text: str, lang: str = lang) -> list[str]:
            tok = _OwnTokenizer(lang) if own_split else Tokenizer(language)
            doc = PlaintextParser.from_string(text, tok).document
            summ = cls[algorithm](Stemmer(language))
            summ.stop_words = get_stop_words(language)
            total = len(doc.sentences)
            order: list[str] = []
            # sumy returns the top n in document order: the rank is the order they come in
            for n in range(1, total + 1):
                for s in summ(doc, n):
                    if str(s) not in order:
                        order.append(str(s))
            return order

        return rank

    return load


def _try(name: str, langs: tuple[str, ...], load: Callable[[], Ranker], **kw) -> Peer:
    try:
        return Peer(name, langs, load(), **kw)
    except Exception as exc:  # noqa: BLE001 - any failure to load is reported, not raised
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Peer(name, langs, None, f"could not run: {type(exc).__name__}: {msg}")


def peers() -> list[Peer]:
    """Every peer, loaded if it can be."""
    out = [
        _try(
            "textrank4zh",
            ("zh",),
            _textrank4zh,
            end_mark=False,
            reason="networkx 3 shims (from_numpy_array, pure-Python PageRank)",
        ),
        _try("snownlp", ("zh",), _snownlp, end_mark=False, reason="ranks clauses, not sentences"),
    ]
    for algo in ("TextRank", "LexRank", "LSA"):
        out.append(_try(f"sumy-{algo}", ("zh",), _sumy(algo, "zh", own_split=False)))
        stock = _try(f"sumy-{algo}", ("en",), _sumy(algo, "en", own_split=False))
        if stock.rank is None:
            stock.reason = (
                "could not run: NLTK punkt tokenizer data is not installed and cannot be downloaded"
            )
        out.append(stock)
        out.append(
            _try(
                f"sumy-{algo} (own split)",
                ("en",),
                _sumy(algo, "en", own_split=True),
                reason="briefgen's sentence splitter and a regex word tokenizer stand in "
                "for NLTK punkt",
            )
        )
    return out

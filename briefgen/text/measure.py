"""Text length in the unit an audience profile budgets in.

Chinese budgets count characters: every non-whitespace character, CJK punctuation included, so
``"增长0.6%。"`` measures 7. English budgets count words: whitespace-separated tokens that
contain at least one letter or digit, so ``"U.S. exports rose 0.7% — a record."`` measures 6 (the
dash alone is not a word; ``U.S.``, ``0.7%`` and ``record.`` are).

Both measures are additive over sentences: the measure of sentences joined with ``""`` (Chinese)
or ``" "`` (English) is the sum of their measures, which is what budget fitting relies on.
"""

from __future__ import annotations

import re

__all__ = ["measure", "norm_lang"]

_WS = re.compile(r"\s+")
_WORDISH = re.compile(r"\w")


def norm_lang(lang: str) -> str:
    """``'zh'`` for any Chinese tag (``zh``, ``zh-CN``, ``zh_Hans``), else ``'en'``."""
    return "zh" if lang.lower().startswith("zh") else "en"


def measure(text: str, lang: str) -> int:
    """Length in the profile's unit: characters for 'zh' (every non-whitespace character, CJK
    punctuation included), words for 'en'."""
    if norm_lang(lang) == "zh":
        return len(_WS.sub("", text))
    return sum(1 for tok in text.split() if _WORDISH.search(tok))

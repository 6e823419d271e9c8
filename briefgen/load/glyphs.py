"""Which characters the chart pictures cannot draw, checked before anything is drawn.

Chart pictures are drawn with Noto Sans CJK SC and DejaVu Sans. A character neither has (an
emoji, a rare script) would come out as an empty box, so the loader refuses it in the text that
goes into a picture, with a message naming the field. The fonts' character maps are read with
fontTools (a matplotlib dependency) only when a text holds a character outside the ranges both
fonts are known to cover.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.fonts import CJK_TTC_INDEX_SC, cjk_font_path
from briefgen.text.lexicon.script import CJK_SYMBOLS, FULLWIDTH_FORMS, HAN, KANA

#: ASCII, Latin-1, general punctuation, CJK symbols, kana, CJK ideographs, full-width forms.
_SURELY_COVERED = re.compile(
    f"[\u0000-\u024f\u2000-\u206f{CJK_SYMBOLS}{KANA}{HAN}{FULLWIDTH_FORMS}]*")


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    from briefgen.fonts import dejavu_font_path

    cjk = TTCollection(str(cjk_font_path())).fonts[CJK_TTC_INDEX_SC].getBestCmap()
    dejavu = TTFont(str(dejavu_font_path())).getBestCmap()
    return frozenset(cjk) | frozenset(dejavu)


def undrawable(text: str) -> str:
    """The characters of ``text`` no chart font has, in order, each once ("" when none)."""
    if _SURELY_COVERED.fullmatch(text):
        return ""
    covered = _covered()
    out = [c for c in text if ord(c) not in covered and not c.isspace()]
    return "".join(dict.fromkeys(out))

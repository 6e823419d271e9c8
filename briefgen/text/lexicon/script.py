"""Which characters are Chinese, which marks open and close, and where a line may not break.

Two Han ranges on purpose: ``HAN`` is the CJK Unified Ideographs block (every character a
modern Chinese text uses); ``HAN_ALL`` adds Extension A and the compatibility ideographs, for
the checks that must not split or miscount a rare character (sentence ends, tokens, spacing).

The marks are one table, ``BRACKETS``: sentence splitting pairs them, a sentence's end keeps
its ``CLOSERS``, and the line breakers of the PPTX fit and the chart pictures never start a line
with a closer nor end one with an opener, so the three can not disagree about a mark.
"""

from __future__ import annotations

import re
import unicodedata

#: CJK Unified Ideographs, as a regex character-class body.
HAN = "\u4e00-\u9fff"
#: ``HAN`` plus Extension A and the CJK compatibility ideographs.
HAN_ALL = "\u3400-\u4dbf" + HAN + "\uf900-\ufaff"
#: One character of ``HAN``.
HAN_CHAR = re.compile(f"[{HAN}]")
#: One character of ``HAN_ALL``.
HAN_ALL_CHAR = re.compile(f"[{HAN_ALL}]")

#: CJK Symbols and Punctuation (、。〈〉「」【】 and the ideographic space), a class body.
CJK_SYMBOLS = "\u3000-\u303f"
#: Hiragana and Katakana, a class body.
KANA = "\u3040-\u30ff"
#: Halfwidth and Fullwidth Forms, a class body.
FULLWIDTH_FORMS = "\uff00-\uffef"
#: Punctuation a Chinese text sets full width: CJK symbols, the full-width forms that are not
#: letters or digits, and the quotes, ellipsis, dash and middle dot it shares with English.
CJK_PUNCT = (CJK_SYMBOLS + "\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
             + "“”‘’…—·")


def is_wide(ch: str) -> bool:
    """Whether ``ch`` is drawn one em wide (East Asian width W or F): Han, kana, full width."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


#: Opening mark -> its closing mark, for quotes and brackets that come in asymmetric pairs.
BRACKETS: dict[str, str] = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "【": "】",
    "[": "]",
    "《": "》",
    "〈": "〉",
    "﹁": "﹂",
    "〔": "〕",
    "{": "}",
}
#: Closing mark -> its opening mark.
CLOSE_TO_OPEN: dict[str, str] = {v: k for k, v in BRACKETS.items()}
#: Quote marks that both open and close: they pair in order of appearance.
SYMMETRIC = '"＂'
#: Closing quotes and brackets that may follow a sentence's end mark ("。” and .'): every
#: closing bracket, the symmetric quotes and the apostrophe (an English single quote).
CLOSERS = "".join(BRACKETS.values()) + SYMMETRIC + "'"

# Line breaking (Chinese kinsoku, as in the W3C "Requirements for Chinese Text Layout" and
# Unicode's line-break classes CL/CP/EX/IS/NS/IN and OP/QU): a line never starts with a closing
# or end mark and never ends on an opening one. A dash may start a line (UAX 14 class B2).
#: Characters a line may not start with: closers, end and pause marks, ellipsis, percent signs.
NO_BREAK_BEFORE = frozenset(CLOSERS + "。，、；：！？…%％‰・·,.;:!?")
#: Characters a line may not end with: the opening marks.
NO_BREAK_AFTER = frozenset(BRACKETS)
#: Marks that come doubled and are one unit: no break inside "——" or "……".
GLUE_PAIRS = frozenset("—…")

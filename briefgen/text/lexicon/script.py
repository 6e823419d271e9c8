"""Which characters are Chinese, which marks close a sentence, and where a line may not break.

Two Han ranges on purpose: ``HAN`` is the CJK Unified Ideographs block (every character a
modern Chinese text uses); ``HAN_ALL`` adds Extension A and the compatibility ideographs, for
the checks that must not split or miscount a rare character (sentence ends, tokens, spacing).
"""

from __future__ import annotations

import re

#: CJK Unified Ideographs, as a regex character-class body.
HAN = "\u4e00-\u9fff"
#: ``HAN`` plus Extension A and the CJK compatibility ideographs.
HAN_ALL = "\u3400-\u4dbf" + HAN + "\uf900-\ufaff"
#: One character of ``HAN``.
HAN_CHAR = re.compile(f"[{HAN}]")
#: One character of ``HAN_ALL``.
HAN_ALL_CHAR = re.compile(f"[{HAN_ALL}]")

#: Closing quotes and brackets that may follow a sentence's end mark ("。” and .").
CLOSERS = "”’」』）)】]》〉﹂\"＂'"

# Line breaking (Chinese kinsoku, as in the W3C "Requirements for Chinese Text Layout" and
# Unicode's line-break classes CL/CP/EX/IS/NS/IN and OP/QU): a line never starts with a closing
# or end mark and never ends on an opening one.
#: Characters a line may not start with.
NO_BREAK_BEFORE = frozenset("。，、；：！？）」』”’》〉】〕…%％‰・·,.;:!?)]}'\"")
#: Characters a line may not end with.
NO_BREAK_AFTER = frozenset("（「『“‘《〈【〔([{")
#: Marks that come doubled and are one unit: no break inside "——" or "……".
GLUE_PAIRS = frozenset("—…")

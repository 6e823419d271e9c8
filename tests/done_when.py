"""Issue 14's "Done when" sizes and the number reading its checks share: the corpus tests
(tests/test_other_events.py) read built files, the fuzz property (tests/fuzz/
test_plan_invariants.py) reads plans, and both must hold the same promises."""

from __future__ import annotations

import re

#: The "Done when" sizes: (Chinese characters, English words).
EXECUTIVE_BODY = {"zh": 120, "en": 50}
PRESS_BODY = {"zh": 250, "en": 100}
CONTENT_SLIDES = {"executive": 4, "press": 5}
MEMO_PAGES = 2

#: A number in digits, with or without thousands separators: 3.1, 1,240, 5120 (of 5120亿).
NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)")


def numbers_in(text: str) -> set[float]:
    """Numbers written in digits, in Chinese or English text (3.1, 1,240, 5120亿 -> 5120)."""
    return {float(m.group().replace(",", "")) for m in NUMBER.finditer(text)}

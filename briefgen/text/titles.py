"""Short slide titles: a complete phrase that fits, never a title cut mid-word.

Chinese titles shed, in turn, brackets, quotes, adverbs (已经, 正在), a leading 关于, a quoted
qualifier (“一带一路”倡议), and a book title's words down to its genre (《…专项规划》 -> 专项规划);
only then is a noun-phrase prefix taken. English titles shed brackets, quotes and a leading
"On"/"Report on", then fall back to the part before a colon or dash and a prefix that does not
end on a preposition.
"""

from __future__ import annotations

import re

from briefgen.text.lexicon.clause_words import EN_DANGLING
from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import drop_parentheticals
from briefgen.text.tokens import tag_zh

__all__ = ["short_title"]

_ZH_QUOTES = "“”‘’「」『』\"'"
_ZH_TITLE_ADVERBS = re.compile(r"已经|正在|将会|不断|进一步|成功|顺利|隆重|圆满")
_ZH_LEAD_QUALIFIER = re.compile(r"^(?:关于|有关|对于)")
_ZH_QUOTED_QUALIFIER = re.compile(
    r"^[“「『\"]([^”」』\"]{1,12})[”」』\"](?:倡议|战略|计划|工程|项目|框架|建设)?(?:的)?"
)
_EN_TITLE_LEAD = re.compile(
    r"^(?:on|about|regarding|concerning|re:|report on|note on|briefing on)\s+", re.I
)
_EN_TITLE_CUT = frozenset(
    "in at on for with by to from of during after before under over as amid via held and or".split()
)


def _fit(text: str, lang: str, max_len: int) -> bool:
    return bool(text.strip()) and measure(text, lang) <= max_len


def _balanced(text: str) -> bool:
    return all(
        text.count(a) == text.count(b)
        for a, b in ("“”", "《》", "（）", "()", "「」", "『』", "‘’")
    )


def _zh_book_heads(text: str) -> str:
    """《推进“一带一路”建设科技创新合作专项规划》 -> 专项规划 (a document title's genre)."""

    def head(m: re.Match[str]) -> str:
        words = [w for w, f in tag_zh(re.sub(f"[{_ZH_QUOTES}]", "", m.group(1))) if f != "x"]
        tail = (
            "".join(words[-2:]) if len(words) >= 2 and len(words[-1]) < 3 else "".join(words[-1:])
        )
        return tail or m.group(0)

    return re.sub(r"《([^》]+)》", head, text)


def _zh_phrase_prefix(text: str, max_len: int) -> tuple[str | None, str | None]:
    """Longest word prefixes that fit: (a whole noun phrase, followed by a verb or the end;
    any prefix ending on a noun)."""
    words = tag_zh(text)
    acc = ""
    clean = nounish = None
    for i, (word, flag) in enumerate(words):
        acc += word
        if measure(acc, "zh") > max_len:
            break
        if not _balanced(acc):
            continue
        if flag[:1] == "n" or flag in ("vn", "j", "l", "i") or word in "”》":
            nounish = acc
            nxt = words[i + 1][1] if i + 1 < len(words) else ""
            if not nxt or not (nxt[:1] == "n" or nxt in ("vn", "j")):
                clean = acc
    return clean, nounish


def _en_phrase_prefix(text: str, max_len: int) -> str | None:
    words = text.split()
    clean = nondangling = None
    for k in range(1, min(len(words), max_len) + 1):
        last = words[k - 1].lower().strip(",:;\"'")
        if last in EN_DANGLING or last in _EN_TITLE_CUT:
            continue
        cand = " ".join(words[:k]).rstrip(",:;")
        if not _balanced(cand):
            continue
        nondangling = cand
        nxt = words[k].lower().strip(",:;") if k < len(words) else ""
        if k == len(words) or nxt in _EN_TITLE_CUT or words[k - 1][-1:] in ",:;":
            clean = cand
    if clean and len(clean.split()) * 2 >= max_len:
        return clean
    return nondangling or clean


def short_title(title: str, lang: str, max_len: int) -> str:
    """A slide title no longer than ``max_len``, a complete phrase: brackets and quotes go
    first; for Chinese, leading 关于/“一带一路”倡议-style qualifiers only if needed to fit."""
    lang = norm_lang(lang)
    t = re.sub(r"\s+", " ", title).strip()
    if lang == "zh":
        t = re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", t)
    t = t.rstrip("。.；;，,：:")
    if max_len <= 0 or not t:
        return ""
    if _fit(t, lang, max_len):
        return t
    # Each step shortens a little more; the first form that fits wins.
    steps: list[str] = []
    if lang == "zh":
        cur = drop_parentheticals(t, lang).strip()
        steps.append(cur)
        cur = re.sub(f"[{_ZH_QUOTES}]", "", cur)
        steps.append(cur)
        cur = _ZH_TITLE_ADVERBS.sub("", cur)
        steps.append(cur)
        subject = cur
        cur = _ZH_LEAD_QUALIFIER.sub("", cur)
        steps.append(cur)
        steps.append(_zh_book_heads(cur))
        unqualified = _ZH_QUOTED_QUALIFIER.sub(
            "",
            _ZH_LEAD_QUALIFIER.sub("", _ZH_TITLE_ADVERBS.sub("", drop_parentheticals(t, lang))),
            count=1,
        )
        unqualified = re.sub(f"[{_ZH_QUOTES}]", "", unqualified)
        if len(unqualified) >= 2:
            steps.append(unqualified)
            steps.append(_zh_book_heads(unqualified))
        steps += re.split(r"[：:]|——", subject)
        for s in steps:
            s = s.strip().rstrip("。.；;，,：:、")
            if _fit(s, lang, max_len) and _balanced(s):
                return s
        found = [
            _zh_phrase_prefix(b, max_len)
            for b in (_zh_book_heads(subject), _zh_book_heads(unqualified))
        ]
        for clean, _ in found:
            if clean and measure(clean, "zh") * 2 >= max_len:
                return clean
        options = [x for pair in found for x in pair if x]
        if options:
            return max(options, key=lambda x: measure(x, "zh"))  # first of the longest
        acc = ""
        for word, _ in tag_zh(_zh_book_heads(subject)):
            if measure(acc + word, "zh") > max_len:
                break
            acc += word
        return acc or subject[:max_len]
    cur = drop_parentheticals(t, lang).strip()
    steps.append(cur)
    cur = re.sub(r"[\"“”]", "", cur)
    steps.append(cur)
    cur = _EN_TITLE_LEAD.sub("", cur)
    cur = cur[:1].upper() + cur[1:]
    steps.append(cur)
    parts = re.split(r":\s+|\s+[—–-]\s+", cur)
    steps += [p[:1].upper() + p[1:] for p in parts]
    for s in steps:
        s = s.strip().rstrip(",;:")
        if _fit(s, lang, max_len) and _balanced(s):
            return s
    p = _en_phrase_prefix(parts[0], max_len) or _en_phrase_prefix(cur, max_len)
    if p:
        return p
    return " ".join(cur.split()[:max_len])

"""Slide bullet lines from summary sentences: a complete phrase that fits, no end mark.

A sentence too long for a bullet sheds its asides, its lead-in clauses (time, place, purpose:
"2016年，", "In 2016,") and then trailing clauses, as summaries do. A summary sentence that is a
list with its lead-in ("…四方面成果：一是…；二是…。") becomes one bullet per item, markers
dropped, since a slide is a list already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.text.compress import (
    clause_core,
    compressions,
    finish,
    is_aside,
    zh_major,
    zh_scope_end,
)
from briefgen.text.lexicon.clause_words import (
    EN_LEAD_WORDS,
    EN_LIST_MARKER,
    EN_TRAILING_DETAIL,
    EN_TRAILING_LIST,
    ZH_LEAD_WHOLE,
    ZH_LEAD_WORDS,
    ZH_LIST_MARKER,
    ZH_REPORTING_END,
)
from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import clauses, drop_parentheticals, sentences
from briefgen.text.tokens import tag_zh

__all__ = ["bullets"]

# Bullets may be shorter than a summary's compressions: a slide line needs no context.
_FLOOR = {"zh": 6, "en": 4}
_EN_JOINER = re.compile(r"^(?:and|but|or|so|yet)\s+(?=\S)", re.I)
_EN_KEEP_DOT = frozenset("etc inc ltd co corp jr sr bn mn approx".split())
_EN_ITEM = re.compile(
    r"(?:^|[;.]\s+)(?:and\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"finally|lastly),\s+",
    re.I,
)


def _strip_end(text: str, lang: str) -> str:
    """A bullet line: the sentence without its trailing 。/. (abbreviations such as U.S. kept)."""
    s = text.strip()
    if lang == "en" and s.endswith("."):
        last = s.split()[-1]
        if re.fullmatch(r"(?:[A-Za-z]\.){2,}", last) or last[:-1].lower() in _EN_KEEP_DOT:
            return s
    return s.rstrip("。.；;，,：:、 ")


def _droppable_lead(piece: str, lang: str) -> bool:
    """A lead-in a bullet may drop: time, place, purpose, condition ("2016年，", "In 2016,")."""
    if lang == "en":
        words = clause_core(piece).split()
        first = words[0].strip("\"'“‘(") if words else ""
        return first.lower() in EN_LEAD_WORDS or (
            first.islower() and len(first) > 4 and first.endswith(("ed", "ing"))
        )
    c = ZH_LIST_MARKER.sub("", re.sub(r"\s+", "", clause_core(piece)))
    words = tag_zh(c) if c else ()
    return bool(
        ZH_LEAD_WHOLE.match(c)
        or ZH_REPORTING_END.search(c)
        or (words and words[0][0] in ZH_LEAD_WORDS)
    )


def _forms(sentence: str, lang: str) -> list[str]:
    s = sentence.strip()
    marker = ZH_LIST_MARKER if lang == "zh" else EN_LIST_MARKER
    s = marker.sub("", s, count=1) or s
    if lang == "en" and s[:1].islower():
        s = s[0].upper() + s[1:]
    bare = drop_parentheticals(s, lang)
    forms = [finish(bare, lang), finish(s, lang), *compressions(s, lang, _FLOOR[lang], leads=False)]
    pieces = clauses(bare, lang)
    if lang == "zh":
        pieces = zh_major(pieces)
    lead = 0
    if lang == "zh":
        lead = zh_scope_end(pieces) + 1
    while lead < len(pieces) - 1 and _droppable_lead(pieces[lead], lang):
        lead += 1
    if 0 < lead < len(pieces):
        rest = "".join(pieces[lead:])
        if lang == "en":  # "…, and infrastructure needs…" -> "Infrastructure needs…"
            rest = _EN_JOINER.sub("", rest.lstrip(), count=1)
        if lang == "en" and rest[:1].islower():
            rest = rest[0].upper() + rest[1:]
        forms += [finish(rest, lang), *compressions(rest, lang, _FLOOR[lang], leads=False)]
    if lang == "en":  # last resort: the sentence without its trailing detail
        forms += [finish(cut, lang) for form in list(forms) for cut in _en_without_detail(form)]
    return forms


def _en_without_detail(text: str) -> list[str]:
    """``text`` without its trailing detail phrase, and without its trailing enumeration:
    each cut that leaves at least the bullet floor of words."""
    out = []
    for pattern in (EN_TRAILING_DETAIL, EN_TRAILING_LIST):
        cut = pattern.sub("", text.strip()).rstrip(" ,;")
        if cut != text.strip() and len(cut.split()) >= _FLOOR["en"]:
            out.append(cut)
    return out


def _list_items(sentence: str, lang: str) -> list[str] | None:
    """The items of a summary sentence that is a lead-in and a list, or None."""
    s = sentence.strip()
    if lang == "zh":
        parts = sentences(s, "zh")
        if len(parts) > 1 and parts[0].rstrip().endswith("："):
            items = parts[1:]
            if all(ZH_LIST_MARKER.match(p) for p in items):
                return items
        return None
    lead, colon, rest = s.partition(": ")
    if not colon or not _EN_ITEM.match(rest):
        return None
    items = [x for x in _EN_ITEM.split(rest) if x and x.strip()]
    return items if len(items) > 1 else None


def _fit(sentence: str, lang: str, max_len: int) -> str | None:
    for form in _forms(sentence, lang):
        line = _strip_end(form, lang)
        if line and measure(line, lang) <= max_len and _stands_alone(line, lang):
            return line
    return None


def _stands_alone(line: str, lang: str) -> bool:
    """An English bullet has the floor's words, more than lead-ins and a verb: never "Up 0.6%",
    "In 2016, despite persistently weak demand" or "The Belt and Road Forum" (what is left
    when a compression drops the main clause or the predicate)."""
    if lang != "en":
        return True
    words = [w.strip("\"'“”‘’(),;:.").lower() for w in line.split()]
    if len(words) < _FLOOR["en"]:
        return False
    if all(_droppable_lead(piece, lang) for piece in clauses(line, lang)):
        return False
    return any(w in _EN_VERB_CUES or (len(w) > 3 and w.endswith("ed")) for w in words[1:])


#: Words that show a clause has a predicate: auxiliaries, modals and common irregular verbs
#: (regular past forms end in -ed). A bullet without any is taken for a fragment; a real one
#: missed here only falls back to another form or to the key points.
_EN_VERB_CUES = frozenset("""
    is are was were be been being has have had will would can could shall should may might
    must do does did held met set made took gave grew rose fell came went won led built became
    began saw said put kept brought sent spent paid ran chose left meet sets makes takes gives
    grows rises falls comes goes leads builds becomes begins sees says puts keeps brings sends
    spends pays runs need needs remain remains stand stands reach reaches
""".split())


def bullets(sentences: Sequence[str], lang: str, max_len: int, limit: int) -> tuple[str, ...]:
    """Up to ``limit`` bullet lines, each a complete phrase of measure <= ``max_len``, taken from
    the sentences in order (leading clauses that fit; no trailing 。; no ellipsis)."""
    lang = norm_lang(lang)
    out: list[str] = []
    if max_len <= 0 or limit <= 0:
        return ()
    for sent in sentences:
        if not sent or not sent.strip() or is_aside(sent):
            continue
        for piece in _list_items(sent, lang) or [sent]:
            if len(out) >= limit:
                return tuple(out)
            line = _fit(piece, lang, max_len)
            if line and line not in out:
                out.append(line)
    return tuple(out)

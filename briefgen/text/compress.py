"""Shorter complete forms of a sentence, cut at clause boundaries, and clean sentence ends.

A summary may shorten a sentence that is too long for the room left, but only to something a
reader takes for a whole sentence: the sentence without its （…）/(…) asides, or a prefix of its
clauses whose last separator becomes 。/. . Most of this module is the rules that say where such
a cut is allowed.

Chinese: the kept part needs a main clause and must not end on a lead-in (在…情况下，), a
reporting verb (数据显示，), a dangling word (的, 和) or half of a correlative pair (虽然…，);
never inside a list, never after a colon.

English has no part-of-speech tagger here, so its rules are stricter: the kept part needs a
finite verb (an auxiliary, a past form in -ed, a common irregular or present form), and the
dropped part must open with something that can go (", and Xi attended ...", ", which ...",
", including ...", ", up 0.6%", "; ..."), never a noun phrase that continues a list
("attended by officials, scholars, ...").

Both: a compression shorter than 12 characters or 7 words is too thin to stand alone
("深化金融合作。", "Financial cooperation should be deepened.") and is not offered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefgen.text.lexicon.clause_words import (
    BACK_OPENER,
    EN_APPOSITIVE,
    EN_DANGLING,
    EN_FINITE,
    EN_KEEP_LEAD,
    EN_LEAD_WORDS,
    EN_NOT_BEFORE_VERB,
    EN_ORDINAL,
    EN_RELATIVE_ASIDE,
    EN_REPORTING_END,
    EN_SUBJECT_START,
    EN_SUBORDINATOR,
    EN_TAIL_OPENERS,
    EN_TIME,
    EN_TRAILING_DETAIL,
    EN_TRAILING_LIST,
    ZH_CORRELATIVE,
    ZH_COUNTED,
    ZH_DANGLING_END,
    ZH_KEEP_LEAD,
    ZH_LEAD_WHOLE,
    ZH_LEAD_WORDS,
    ZH_LIST_MARKER,
    ZH_NOMINAL_END,
    ZH_NP_SUBJECT,
    ZH_REPORTING_END,
    ZH_SCOPE_CLOSE,
    ZH_SCOPE_PREPS,
    ZH_TIME,
)
from briefgen.text.lexicon.script import CLOSERS
from briefgen.text.measure import measure, norm_lang
from briefgen.text.segment import bracket_pairs, clauses, drop_parentheticals
from briefgen.text.tokens import tag_zh

__all__ = [
    "finish",
    "soft_end",
    "is_aside",
    "compressions",
    "complete",
    "en_finite",
    "zh_lead",
    "en_lead",
    "zh_major",
    "zh_scope_end",
    "clause_core",
]

ZH_END = "。！？"
EN_END = ".!?"
ELLIPSIS_END = re.compile(r"(?:…+|⋯+|\.{2,}|。{2,})$")
#: Shortest compression worth keeping, in the budget's unit.
MIN_COMPRESSION = {"zh": 12, "en": 7}

# ----------------------------------------------------------------------------- sentence endings


def _core_end(text: str) -> int:
    """Index just past the last character that is not a closing mark or whitespace."""
    k = len(text)
    while k > 0 and (text[k - 1] in CLOSERS or text[k - 1].isspace()):
        k -= 1
    return k


def is_aside(text: str) -> bool:
    """Whether the whole text is one parenthetical such as （来源：新华社，2017年5月15日）."""
    s = text.strip()
    return bool(s) and s[0] in "（(" and (0, len(s) - 1) in bracket_pairs(s)


def finish(text: str, lang: str) -> str:
    """``text`` as a stand-alone sentence: ends with 。！？ (or . ! ?), never with an ellipsis.

    A trailing ，；：、 becomes 。/. ; an ellipsis is replaced by 。/. ; text with no end mark gets
    one after any closing quote. A sentence that is wholly an aside in brackets is left as is.
    """
    lang = norm_lang(lang)
    s = text.strip()
    if not s or is_aside(s):
        return s
    stop = "。" if lang == "zh" else "."
    ends = ZH_END + "!?" if lang == "zh" else EN_END + "。！？"
    k = _core_end(s)
    core, tail = s[:k], s[k:]
    m = ELLIPSIS_END.search(core)
    if m:
        core = core[: m.start()].rstrip()
        if core and core[-1] in "，、；：,;:":
            core = core[:-1]
        if not core:
            return s
        return core + stop + tail
    if not core:
        return s
    last = core[-1]
    if last in ends:
        return s
    if last in "，、；：,;:—–-":
        kept = core[:-1].rstrip()
        if not kept:
            return s
        if kept[-1] in ends:  # "totalled $14.5 bn.," -> "totalled $14.5 bn."
            return kept + tail
        return kept + stop + tail
    return core + tail + stop


def soft_end(text: str) -> bool:
    """Whether the sentence ends with ； or ： (it reads on into the next sentence)."""
    s = text.strip()
    k = _core_end(s)
    return k == len(s) and k > 0 and s[k - 1] in "；：;:"


# ----------------------------------------------------------------------------- clause rules


def clause_core(clause: str) -> str:
    """A clause without surrounding whitespace and its separator."""
    return clause.strip().rstrip("，、；：,;:。！？.!?").strip()


@lru_cache(maxsize=16384)
def zh_lead(clause: str) -> bool:
    """Whether a Chinese clause is a lead-in (time, place, purpose, condition), no main clause."""
    c = re.sub(r"\s+", "", clause_core(clause))
    c = ZH_LIST_MARKER.sub("", c)
    if not c:
        return True
    if ZH_LEAD_WHOLE.match(c) or ZH_REPORTING_END.search(c):
        return True
    if ZH_NP_SUBJECT.match(c):
        return True
    words = tag_zh(c)
    if words and words[0][0] in ZH_LEAD_WORDS:
        return True
    m = ZH_NOMINAL_END.match(c)
    if m and (words[-1][1] == "vn" or not any(_is_verb(f) for _, f in tag_zh(m.group("head")))):
        return True
    # "科技创新合作作为…的重要组成部分，…": 作为 without 将/把/以 before it is a lead-in
    return "作为" in c and not re.search(r"[将把以].*作为", c)


def _is_verb(flag: str) -> bool:
    return flag[:1] == "v" and flag != "vn"


def zh_major(pieces: Sequence[str]) -> list[str]:
    """Clause pieces merged so that an enumeration (A、B、C，) stays one clause."""
    out: list[str] = []
    buf = ""
    for p in pieces:
        buf += p
        if not p.rstrip().endswith("、"):
            out.append(buf)
            buf = ""
    if buf:
        out.append(buf)
    return out


def zh_scope_end(pieces: Sequence[str]) -> int:
    """Index of the clause that closes a leading preposition's object (-1 if none)."""
    first = ZH_LIST_MARKER.sub("", re.sub(r"\s+", "", clause_core(pieces[0])))
    words = tag_zh(first) if first else ()
    if not words or words[0][0] not in ZH_SCOPE_PREPS or ZH_SCOPE_CLOSE.search(first):
        return 0 if words and words[0][0] in ZH_LEAD_WORDS else -1
    for e in range(1, min(len(pieces), 5)):
        if ZH_SCOPE_CLOSE.search(re.sub(r"\s+", "", clause_core(pieces[e]))):
            return e
    return 0


@lru_cache(maxsize=16384)
def en_lead(clause: str) -> bool:
    """Whether an English clause is a lead-in ("In 2016,", "According to X,") or too short."""
    c = clause_core(clause)
    words = c.split()
    if len(words) <= 2:
        return True
    raw = words[0].strip("\"'“‘(")
    first = raw.lower()
    if first in EN_LEAD_WORDS or EN_REPORTING_END.search(c):
        return True
    # a participle phrase: "launched in 2013", "linking 25 cities"
    return raw.islower() and len(raw) > 4 and raw.endswith(("ed", "ing"))


@lru_cache(maxsize=16384)
def en_finite(text: str) -> bool:
    """Whether English text has a finite verb, roughly (no tagger: a word list and -ed forms)."""
    if EN_FINITE.search(text):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    for prev, word in zip(words, words[1:]):
        if (
            word.islower()
            and "-" not in word
            and len(word) > 4
            and word.endswith("ed")
            and prev.lower() not in EN_NOT_BEFORE_VERB
        ):
            return True
    return False


def _en_scope_end(pieces: Sequence[str]) -> int:
    """Index of the last clause of a subject + appositive lead ("Dr. Li, a researcher, said");
    not a participle lead-in ("Opening the seminar, the director said")."""
    if (len(pieces) > 1 and len(pieces[0].split()) <= 5 and not en_lead(pieces[0])
            and not _en_lead_in(pieces[0])):
        nxt = pieces[1].split()
        if nxt and nxt[0].strip("\"'“‘(").lower() in EN_APPOSITIVE:
            return 1
    return -1


def _en_droppable(rest: str, after_main: bool, tail: str = "") -> bool:
    """Whether the part after a comma may be dropped: a new clause or phrase, not a list item.

    :param after_main: the kept part ends with its main clause (nothing listed after it yet)
    :param tail: everything after the comma; a new clause's verb may come after an aside
        ("…, and the two leaders, who met in 2023, agreed …")
    """
    words = [w.strip("\"'“‘(").lower() for w in rest.split()]
    if not words or not words[0]:
        return False
    first = words[0]
    if first in ("and", "or") and len(words) > 1 and words[1][:1].isdigit():
        return True  # "…totalled $14.5 bn., or 8.5% of outbound investment"
    if first in ("and", "or"):
        # a new clause ("…, and Xi attended", "…, and in its vision it states") or the second of
        # two predicates ("has produced results, and has become …"); not the last of a list of
        # predicates ("set up A, propose B, and provide C"), nor an item ("and fourth, …")
        raw = rest.split()[1] if len(rest.split()) > 1 else ""
        clause = raw[:1].isupper() or words[1] in EN_SUBJECT_START or words[1] in EN_LEAD_WORDS
        return (clause or after_main) and words[1] not in EN_ORDINAL and en_finite(tail or rest)
    if first in EN_TAIL_OPENERS:
        return True
    if first[:1].isdigit() or first.startswith("$"):
        return True  # "..., 8.5% of China's total outbound investment"
    return len(first) > 3 and first.isalpha() and first.endswith(("ing", "ed"))


def _valid_cut(pieces: Sequence[str], k: int, lang: str, floor: int) -> bool:
    """Whether ``pieces[:k]`` is a complete sentence once its last separator becomes 。/. ."""
    head, last = pieces[:k], pieces[k - 1].rstrip()
    if not last:
        return False
    sep = last[-1]
    core = clause_core(last)
    if not core or ELLIPSIS_END.search(core):
        return False
    prefix = "".join(head)
    if measure(prefix, lang) < floor:
        return False
    if lang == "zh":
        if sep not in "，；,;。！？":
            return False
        if zh_lead(last) or ZH_DANGLING_END.search(core) or ZH_CORRELATIVE.search(core):
            return False
        if re.search(r"不仅|不但|一方面", prefix) and not re.search(
            r"而且|并且|也|还|另一方面", "".join(head[1:]) if len(head) > 1 else ""
        ):
            return False
        if any(p.rstrip()[-1:] in "：:" for p in head):
            return False  # what follows a colon is what the sentence announces
        short = [len(clause_core(p)) <= 5 for p in pieces[k - 1 : k + 2]]
        opens_list = k < len(pieces) and re.match(
            r"\s*(?:即|包括|例如|比如|诸如|分别是|也就是)", pieces[k]
        )
        if opens_list and ZH_COUNTED.search(core):
            return False  # "包含四大理念，即…": the count announces what is cut
        in_list = (len(short) >= 2 and short[0] and short[1]) or (
            len(short) == 3 and short[1] and short[2] and not opens_list
        )
        if in_list:
            return False  # inside a list written with ，: "和平合作，开放包容，互学互鉴，互利共赢"
        scope = zh_scope_end(pieces)
        if k - 1 <= scope:
            return False
        return any(not zh_lead(p) for p in head[scope + 1 :])
    if sep not in ",;":
        return False
    if en_lead(last):
        return False
    words = core.split()
    if words and words[-1].lower().strip("\"'”’)") in EN_DANGLING:
        return False
    rest = pieces[k] if k < len(pieces) else ""
    rest_words = clause_core(rest).split()
    if (
        sep == ","
        and len(rest_words) <= 4
        and (len(words) <= 4 or (rest_words and rest_words[0].lower() in ("and", "or")))
    ):
        return False  # inside a list: "A, B, and C"
    if sep == "," and not _en_droppable(rest, all(en_lead(p) for p in head[:-1]),
                                        "".join(pieces[k:])):
        return False
    if re.search(r"\bnot only\b", prefix, re.I) and not re.search(r"\bbut\b", prefix, re.I):
        return False
    scope = _en_scope_end(pieces)
    if k - 1 <= scope:
        return False
    main = [p for p in head[scope + 1 :] if not en_lead(p)]
    if not main or not en_finite("".join(main)):
        return False
    opened = list(EN_SUBORDINATOR.finditer(core))
    return not opened or en_finite(core[opened[-1].end():])


def _drop_lead(sentence: str, lang: str) -> str | None:
    """The sentence without its leading lead-in clauses (purpose, setting, attribution), its time
    kept: "为聚焦…，4月12日在青岛举行了…" -> "4月12日在青岛举行了…";
    "At the invitation of X, a total of 29 …" -> "A total of 29 …";
    None when there is none or the rest is no sentence."""
    pieces = clauses(sentence, lang)
    if lang == "zh":
        pieces = zh_major(pieces)
        k = max(zh_scope_end(pieces) + 1, 0)
        while k < len(pieces) - 1 and zh_lead(pieces[k]):
            k += 1
        is_time = lambda p: bool(ZH_TIME.match(re.sub(r"\s+", "", clause_core(p))))  # noqa: E731
        keep_lead = ZH_KEEP_LEAD
    else:
        if _en_scope_end(pieces) >= 0:
            return None
        k = 0
        while k < len(pieces) - 1 and _en_lead_in(pieces[k]):
            k += 1
        is_time = lambda p: bool(EN_TIME.match(clause_core(p)))  # noqa: E731
        keep_lead = EN_KEEP_LEAD
    leads = pieces[:k]
    if not leads or any(keep_lead.match(clause_core(p)) for p in leads):
        return None
    kept = [p for p in leads if is_time(p)]
    if len(kept) == len(leads):
        return None
    rest = "".join(pieces[k:])
    if BACK_OPENER[lang].match(rest) or not complete(rest, lang):
        return None
    if lang == "en" and not en_finite(pieces[k]):
        return None  # "To build infrastructure, | create jobs and promote growth, countries …"
    out = "".join(kept) + rest
    if lang == "en":
        out = out[0].upper() + out[1:]
    return out


def _en_lead_in(piece: str) -> bool:
    """An English lead-in: opens with a preposition, conjunction or participle ("To focus on",
    "At the invitation of", "Launched in 2013")."""
    words = clause_core(piece).split()
    first = words[0].strip("\"'“‘(") if words else ""
    return first.lower() in EN_LEAD_WORDS or (
        first[:1].isupper() and first[1:].islower() and first.endswith(("ed", "ing"))
        and len(first) > 5
    )


def _aside_before_verb(m: re.Match[str]) -> str:
    """Drop the aside only when the main clause's verb follows it ("…, agreed", "…, had
    flagged"); otherwise the commas belong to a list ("…, which insures cities, farmers and")."""
    after = m.string[m.end():].split()
    return " " if after and en_finite("it " + after[0]) else m.group(0)


def en_without_asides(sentence: str) -> list[str]:
    """Shorter forms of an English sentence that keep its main clause whole: without its
    relative-clause asides, without a trailing enumeration or detail phrase, and both."""
    out: list[str] = []
    bases = [sentence.strip()]
    no_relative = EN_RELATIVE_ASIDE.sub(_aside_before_verb, bases[0])
    if no_relative != bases[0]:
        bases.append(no_relative)
    for base in list(bases):
        for pattern in (EN_TRAILING_LIST, EN_TRAILING_DETAIL):
            cut = pattern.sub("", base).rstrip(" ,;")
            if cut != base and len(cut.split()) >= 4 and en_finite(cut):
                bases.append(cut + ".")
    for base in bases[1:]:
        if base not in out:
            out.append(base)
    return out


@lru_cache(maxsize=8192)
def _compressions(sentence: str, lang: str, floor: int, leads: bool) -> tuple[str, ...]:
    out: list[str] = []
    seen = {finish(sentence, lang)}
    bases = [sentence]
    bare = drop_parentheticals(sentence, lang)
    if bare != sentence:
        bases.append(bare)
    if lang == "en":
        bases += [b for b in en_without_asides(bare) if b not in bases]
    for base in list(bases) if leads else ():
        dropped = _drop_lead(base, lang)
        if dropped is not None:
            bases.append(dropped)
    for base in bases:
        whole = finish(base, lang)
        if whole not in seen:
            seen.add(whole)
            out.append(whole)
        pieces = clauses(base, lang)
        if lang == "zh":
            pieces = zh_major(pieces)
        for k in range(len(pieces) - 1, 0, -1):
            if _valid_cut(pieces, k, lang, floor):
                text = finish("".join(pieces[:k]), lang)
                if text not in seen:
                    seen.add(text)
                    out.append(text)
    out.sort(key=lambda t: -measure(t, lang))  # stable: ties keep generation order
    return tuple(out)


def compressions(
    sentence: str, lang: str, floor: int | None = None, leads: bool = True
) -> tuple[str, ...]:
    """Shorter complete forms of ``sentence``, longest first (not including the sentence itself).

    Each is the sentence, without its （…） asides and (``leads``) without its leading lead-in
    clauses but its time, cut after a clause whose separator (，；,;) becomes 。/. , where the
    rules above allow it. A cut shorter than ``floor`` (default: 12 characters, 7 words) is not
    offered; slide bullets ask for less, and drop lead-ins their own way.
    """
    lang = norm_lang(lang)
    floor = MIN_COMPRESSION[lang] if floor is None else floor
    return _compressions(sentence.strip(), lang, floor, leads)


@lru_cache(maxsize=8192)
def complete(text: str, lang: str) -> bool:
    """Whether ``text`` reads as a whole sentence: a main clause (English: a finite verb)."""
    lang = norm_lang(lang)
    s = text.strip()
    if measure(s, lang) < (6 if lang == "zh" else 4):
        return False
    pieces = clauses(s, lang)
    if lang == "zh":
        pieces = zh_major(pieces)
        scope = zh_scope_end(pieces)
        return any(not zh_lead(p) for p in pieces[scope + 1 :])
    main = [p for p in pieces[_en_scope_end(pieces) + 1 :] if not en_lead(p)]
    return bool(main) and en_finite("".join(main))

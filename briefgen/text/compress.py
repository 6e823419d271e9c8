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

from briefgen.text.measure import measure, norm_lang
from briefgen.text.lexicon.calendar_words import EN_MONTH_FULL
from briefgen.text.lexicon.script import CLOSERS, HAN
from briefgen.text.segment import bracket_pairs, clauses, drop_parentheticals
from briefgen.text.tokens import tag_zh

__all__ = [
    "BACK_OPENER",
    "CONNECTIVE",
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
    "ZH_LIST_MARKER",
    "EN_LIST_MARKER",
    "ZH_LEAD_WORDS",
    "ZH_LEAD_WHOLE",
    "ZH_REPORTING_END",
    "EN_LEAD_WORDS",
    "EN_DANGLING",
]

ZH_END = "。！？"
EN_END = ".!?"
ELLIPSIS_END = re.compile(r"(?:…+|⋯+|\.{2,}|。{2,})$")
#: Shortest compression worth keeping, in the budget's unit.
MIN_COMPRESSION = {"zh": 12, "en": 7}

# ----------------------------------------------------------------------------- Chinese rules

#: Clause openers that make a clause an adverbial/subordinate lead-in, not a main clause.
ZH_LEAD_WORDS = frozenset(
    """为了 为 随着 在 由于 如同 截至 截止 面对 针对 通过 根据 按照 依据 依照 据 对于 关于 鉴于 基于
    自从 自 当 经过 作为 除了 除 凭借 借助 围绕 虽然 虽 尽管 如果 假如 即使 只要 只有 若 因为 一旦
    无论 不管 从 趁 伴随 立足 着眼 本着 为此 于是 此外 同时 另外 首先 其次 最后 总之 其中 然而
    但是 但 不过 而且 并且 并 以及 因此 所以 例如 比如 诸如 即 乃至 甚至 还有 与此同时""".split()
)
ZH_LEAD_WHOLE = re.compile(
    r"^(?:目前|当前|如今|现在|近年来|近期|今年初|今年|去年|明年|下一步|截至目前|可以说|据悉|据了解|"
    r"据介绍|数据显示|纵观世界|具体来说|具体而言|换言之|也就是说|总的来看|总体来看|一般来说|事实上|"
    r"实际上|特别是|尤其是|(?:[\d\s]+|[一二三四五六七八九十两]+)多?年多?(?:底|初|末|中|以来|来|前|后|内|间)?|"
    r"[\d\s]+年[\d\s]+月(?:[\d\s]+日)?|"
    r"[\d\s]+月[\d\s]+日|应.{0,14}(?:邀请|之邀|要求|请求)|"
    r".*(?:以来|年多?来|月多?来|之后|之前|以后|期间|之际|当中|之中|的时候|情况下|背景下|前提下|基础上|框架下))$"
)
# Prepositions whose noun-phrase object may run over several clauses: "面对A，B，C的挑战，…".
_ZH_SCOPE_PREPS = frozenset(
    "面对 在 针对 对于 鉴于 基于 围绕 按照 根据 依据 凭借 借助 经过 当 伴随".split()
)
_ZH_SCOPE_CLOSE = re.compile(r"(?:的[^，的“”]{1,4}|下|中|上|时|之际|期间|方面)$")
# "国家级联合实验室的建设，…" / "该联盟的成立，…": a nominalised subject, not a clause.
_ZH_NOMINAL_END = re.compile(r"^(?P<head>[^，的]{1,24})的[^，的“”]{1,4}$")
# "由中国发起的“丝路书香”工程，…": a subject noun phrase, not a clause of its own.
_ZH_NP_SUBJECT = re.compile(r"^(?:由|经|被).{1,24}的[^，。、的]{1,14}$")
ZH_REPORTING_END = re.compile(
    r"(?:显示|表示|指出|认为|强调|称|说|介绍|透露|宣布|说明|看来|来看|而言|来说|表明|提出|是)$"
)
_ZH_DANGLING_END = re.compile(
    r"(?:的|和|与|及|或|把|被|对|向|将|从|在|为|等于|以及|包括|即|身份|名义)$"
)
_ZH_CORRELATIVE = re.compile(
    r"虽然|虽|尽管|不仅|不但|不只|如果|假如|即使|只要|只有|一方面|因为|由于|一旦|无论|不管|除了|与其|宁可|既"
)
# "四大理念", "五个方面", "4项行动": a counted noun that the next clause spells out.
_ZH_COUNTED = re.compile(
    r"[一二三四五六七八九十两几\d]+(?:大|个|项|类|点|种|条|方面)[" + HAN + "]{0,4}$"
)
#: 一是, 第一，, （一）, 一、, 1., ① at the start of a sentence.
ZH_LIST_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+(?:[，、]|是)|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[①-⑳])\s*"
)

# ----------------------------------------------------------------------------- English rules

EN_LEAD_WORDS = frozenset(
    """in on at for with by as since after before when while although though if because despite
    according under over during following to from amid among unlike like given through across
    within without once until unless whereas throughout upon beyond besides however meanwhile
    moreover furthermore also still yet thus therefore hence indeed overall today yesterday last
    next earlier later now then first second third finally instead nevertheless nonetheless and
    but or so which who whom where whose including such not""".split()
)
_EN_APPOSITIVE = frozenset("a an the who which whose whom one its his her their".split())
EN_DANGLING = frozenset(
    "the a an of to and or for in with by that than as from at on into its their his her".split()
)
_EN_REPORTING_END = re.compile(
    r"\b(?:said|says|say|noted|added|stated|announced|reported|told \w+|explained)$", re.I
)
#: "1.", "(a)", "•", or "First," / "Second," ... at the start of a sentence.
EN_LIST_MARKER = re.compile(
    r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[•·\-–—*]|(?:First|Second|Third|Fourth|Fifth|Sixth|"
    r"Seventh|Eighth|Ninth|Tenth|Firstly|Secondly|Thirdly|Finally|Lastly),)\s+"
)
# Finite verbs, roughly: auxiliaries and modals, common irregular past forms, and present forms
# that open a predicate ("sets out", "aims to"). Past forms in -ed are found by _en_finite.
# Case-sensitive on purpose: "May" is a month.
_EN_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|shall|should|may|might|must|does|do|"
    r"did|put|set|made|took|held|gave|brought|built|began|became|grew|rose|fell|met|led|saw|won|"
    r"sent|spent|went|came|ran|said|told|found|kept|left|paid|sold|got|drew|chose|wrote|spoke|"
    r"stood|bore|sets|turns|focuses|rests|aims|runs|says|states|shows|calls|includes|covers|seeks|"
    r"remains|becomes|takes|makes|gives|provides|plans|hopes|expects|needs|reaches|links|helps|"
    r"leads|marks|holds|brings|stands|lies|goes|comes|means|represents|accounts|totals|amounts)\b"
)
_EN_NOT_BEFORE_VERB = frozenset(
    "the a an its their his her our of and or with by for in on at to from as than into".split()
)
# What may open the part of an English sentence that a cut after a comma drops.
_EN_TAIL_OPENERS = frozenset(
    """which who whom whose where when with without including such as from to up down in on at
    by for through under after before since thus thereby while whereas but yet although though
    because despite so compared accounting along together mainly mostly especially
    notably""".split()
)
_EN_SUBJECT_START = frozenset(
    """the a an this these that those its their his her our it they we he she there more many most
    some all each both several other others no""".split()
)
_EN_ORDINAL = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth finally lastly".split()
)


# ----------------------------------------------------------------------------- openers

# Openers that point back at the sentence before. Connectives (因此, However) may be dropped when
# the rest stands alone; pronouns and determiners (其中, 这, It, These) may not.
_ZH_CONNECTIVE = (
    r"因此|所以|因而|此外|另外|与此同时|同时|然而|但是|不过|而且|并且|对此|为此|于是|总之|另一方面|但"
)
_ZH_POINTER = r"其中|其(?![他它余])|这|该|此|上述|以上|前述|他们|它们|他|她|并|而|也|却"
_EN_CONNECTIVE = (
    r"However|Also|Therefore|Thus|Hence|Meanwhile|Moreover|Furthermore|In addition|Besides|"
    r"Nevertheless|Nonetheless|Consequently|As a result|Still|Yet|Then|Instead|Likewise|"
    r"Similarly|In turn|At the same time|But|And|So|It can be said that|"
    r"It (?:was|is) (?:against|in|under|on|with) (?:this|these|that|such) [^,.;]*? that"
)
_EN_POINTER = (
    r"This|These|That|Those|It|Its|They|Their|Them|He|His|She|Her|Such|Both|Another|"
    r"Of (?:these|this|them|which|that)|The (?:latter|former|same)|Or|Otherwise"
)
#: A sentence opener that points back at the sentence before.
BACK_OPENER = {
    "zh": re.compile(rf"^\s*(?:{_ZH_CONNECTIVE}|{_ZH_POINTER})"),
    "en": re.compile(rf"^\s*[\"“‘]?(?:{_EN_CONNECTIVE}|{_EN_POINTER})\b"),
}
#: A connective opener (with its comma) that may be dropped when the rest stands alone.
CONNECTIVE = {
    "zh": re.compile(rf"^\s*(?:{_ZH_CONNECTIVE})\s*[，,]?\s*"),
    "en": re.compile(rf"^\s*(?:{_EN_CONNECTIVE})\b\s*,?\s*"),
}
# Lead-ins a compression may drop keep the sentence's time ("2016年，", "In 2016,") and never
# drop a condition or a source ("如果…", "据…", "If …", "According to …").
_ZH_TIME = re.compile(
    r"^(?:\d+年(?:\d+月(?:\d+日)?)?(?:底|初|末|以来)?|\d+月\d+日|今年初?|去年|明年|目前|当前|"
    r"截至目前|近年来|\d+年多?来|[一二三四五六七八九十两]+年多?来)$"
)
_ZH_KEEP_LEAD = re.compile(r"^(?:如果|假如|若|只要|只有|一旦|除非|除了|据|根据|按照|依据|依照)")
_EN_TIME = re.compile(
    r"^(?:in|on|since|by|at the end of|early|late|over|during|until|from)\b.{0,30}"
    rf"(?:\b1[89]\d\d\b|\b20\d\d\b|{EN_MONTH_FULL}|years?\b|months?\b|weeks?\b)",
    re.I,
)
_EN_KEEP_LEAD = re.compile(r"^(?:if|unless|provided|according|once|only)\b", re.I)

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
    if _ZH_NP_SUBJECT.match(c):
        return True
    words = tag_zh(c)
    if words and words[0][0] in ZH_LEAD_WORDS:
        return True
    m = _ZH_NOMINAL_END.match(c)
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
    if not words or words[0][0] not in _ZH_SCOPE_PREPS or _ZH_SCOPE_CLOSE.search(first):
        return 0 if words and words[0][0] in ZH_LEAD_WORDS else -1
    for e in range(1, min(len(pieces), 5)):
        if _ZH_SCOPE_CLOSE.search(re.sub(r"\s+", "", clause_core(pieces[e]))):
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
    if first in EN_LEAD_WORDS or _EN_REPORTING_END.search(c):
        return True
    # a participle phrase: "launched in 2013", "linking 25 cities"
    return raw.islower() and len(raw) > 4 and raw.endswith(("ed", "ing"))


@lru_cache(maxsize=16384)
def en_finite(text: str) -> bool:
    """Whether English text has a finite verb, roughly (no tagger: a word list and -ed forms)."""
    if _EN_FINITE.search(text):
        return True
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    for prev, word in zip(words, words[1:]):
        if (
            word.islower()
            and "-" not in word
            and len(word) > 4
            and word.endswith("ed")
            and prev.lower() not in _EN_NOT_BEFORE_VERB
        ):
            return True
    return False


def _en_scope_end(pieces: Sequence[str]) -> int:
    """Index of the last clause of a subject + appositive lead ("Dr. Li, a researcher, said");
    not a participle lead-in ("Opening the seminar, the director said")."""
    if (len(pieces) > 1 and len(pieces[0].split()) <= 5 and not en_lead(pieces[0])
            and not _en_lead_in(pieces[0])):
        nxt = pieces[1].split()
        if nxt and nxt[0].strip("\"'“‘(").lower() in _EN_APPOSITIVE:
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
        clause = raw[:1].isupper() or words[1] in _EN_SUBJECT_START or words[1] in EN_LEAD_WORDS
        return (clause or after_main) and words[1] not in _EN_ORDINAL and en_finite(tail or rest)
    if first in _EN_TAIL_OPENERS:
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
        if zh_lead(last) or _ZH_DANGLING_END.search(core) or _ZH_CORRELATIVE.search(core):
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
        if opens_list and _ZH_COUNTED.search(core):
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
    opened = list(_EN_SUBORDINATOR.finditer(core))
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
        is_time = lambda p: bool(_ZH_TIME.match(re.sub(r"\s+", "", clause_core(p))))  # noqa: E731
        keep_lead = _ZH_KEEP_LEAD
    else:
        if _en_scope_end(pieces) >= 0:
            return None
        k = 0
        while k < len(pieces) - 1 and _en_lead_in(pieces[k]):
            k += 1
        is_time = lambda p: bool(_EN_TIME.match(clause_core(p)))  # noqa: E731
        keep_lead = _EN_KEEP_LEAD
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


#: A non-restrictive relative clause or participle phrase between commas: "X, who had last met
#: in 2023, agreed", "a score, introduced to speed up checks, had flagged".
_EN_RELATIVE_ASIDE = re.compile(
    r",\s+(?:who|whom|whose|which|[a-z]{3,}ed\b|to be)\s+[^,;:]+,\s+(?=[a-z])")
#: Words that open a subordinate clause: a cut must not leave one without its verb
#: ("…described how an automated fraud-risk score.").
_EN_SUBORDINATOR = re.compile(r"\b(?:how|that|whether|why|what|which|who|where|when|if)\s",
                              re.I)
#: A trailing ", with …" / ", including …" / ", such as …" phrase: detail a shorter form can
#: leave out ("…cooperation zones, with cumulative investment of over 18.5 billion").
EN_TRAILING_DETAIL = re.compile(
    r",\s+(?:with|including|such as|mainly|especially)\s+[^,;]+[.!?]?$", re.I)
#: A trailing enumeration after a preposition or participle: "…agreements covering trade,
#: infrastructure, agriculture and education", "…projects in steel, cement and other sectors".
_ITEM = r"(?:[^\s,;]+\s+){0,3}[^\s,;.!?]+"  # a list item: one to four words
EN_TRAILING_LIST = re.compile(
    rf"\s+(?:in|on|across|from|for|of|such as|including|covering|involving|spanning)\s+"
    rf"{_ITEM}(?:,\s*{_ITEM})+,?\s+(?:and|or)\s+(?:other\s+)?{_ITEM}[.!?]?$", re.I)


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
    no_relative = _EN_RELATIVE_ASIDE.sub(_aside_before_verb, bases[0])
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

"""Words and patterns that say what a clause is: a lead-in, a reporting verb, a dangling end,
a list marker, a connective that points back, a finite English verb.

:mod:`briefgen.text.compress` uses them to decide where a sentence may be cut, and the
summarizers (:mod:`briefgen.text.discourse`, :mod:`briefgen.text.bullets`,
:mod:`briefgen.text.titles`) to judge clauses; they live here so a word added for one reaches
all. Chinese lists are in characters, English ones lower-case unless a comment says otherwise.
"""

from __future__ import annotations

import re

from briefgen.text.lexicon.calendar_words import EN_MONTH_FULL
from briefgen.text.lexicon.script import HAN

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
ZH_SCOPE_PREPS = frozenset(
    "面对 在 针对 对于 鉴于 基于 围绕 按照 根据 依据 凭借 借助 经过 当 伴随".split()
)
ZH_SCOPE_CLOSE = re.compile(r"(?:的[^，的“”]{1,4}|下|中|上|时|之际|期间|方面)$")
# "国家级联合实验室的建设，…" / "该联盟的成立，…": a nominalised subject, not a clause.
ZH_NOMINAL_END = re.compile(r"^(?P<head>[^，的]{1,24})的[^，的“”]{1,4}$")
# "由中国发起的“丝路书香”工程，…": a subject noun phrase, not a clause of its own.
ZH_NP_SUBJECT = re.compile(r"^(?:由|经|被).{1,24}的[^，。、的]{1,14}$")
ZH_REPORTING_END = re.compile(
    r"(?:显示|表示|指出|认为|强调|称|说|介绍|透露|宣布|说明|看来|来看|而言|来说|表明|提出|是)$"
)
ZH_DANGLING_END = re.compile(
    r"(?:的|和|与|及|或|把|被|对|向|将|从|在|为|等于|以及|包括|即|身份|名义)$"
)
ZH_CORRELATIVE = re.compile(
    r"虽然|虽|尽管|不仅|不但|不只|如果|假如|即使|只要|只有|一方面|因为|由于|一旦|无论|不管|除了|与其|宁可|既"
)
# "四大理念", "五个方面", "4项行动": a counted noun that the next clause spells out.
ZH_COUNTED = re.compile(
    r"[一二三四五六七八九十两几\d]+(?:大|个|项|类|点|种|条|方面)[" + HAN + "]{0,4}$"
)
#: A Chinese list item's marker: 一是, 第一，, （一）, 一、, 1., ① (a group, no anchors).
ZH_LIST_MARKER_BODY = (
    r"(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、是]|"
    r"[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d)|[①-⑳])"
)
#: 一是, 第一，, （一）, 一、, 1., ① at the start of a sentence, with the spaces around it.
ZH_LIST_MARKER = re.compile(rf"^\s*{ZH_LIST_MARKER_BODY}\s*")

# ----------------------------------------------------------------------------- English rules

EN_LEAD_WORDS = frozenset(
    """in on at for with by as since after before when while although though if because despite
    according under over during following to from amid among unlike like given through across
    within without once until unless whereas throughout upon beyond besides however meanwhile
    moreover furthermore also still yet thus therefore hence indeed overall today yesterday last
    next earlier later now then first second third finally instead nevertheless nonetheless and
    but or so which who whom where whose including such not""".split()
)
EN_APPOSITIVE = frozenset("a an the who which whose whom one its his her their".split())
EN_DANGLING = frozenset(
    "the a an of to and or for in with by that than as from at on into its their his her".split()
)
EN_REPORTING_END = re.compile(
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
EN_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|shall|should|may|might|must|does|do|"
    r"did|put|set|made|took|held|gave|brought|built|began|became|grew|rose|fell|met|led|saw|won|"
    r"sent|spent|went|came|ran|said|told|found|kept|left|paid|sold|got|drew|chose|wrote|spoke|"
    r"stood|bore|sets|turns|focuses|rests|aims|runs|says|states|shows|calls|includes|covers|seeks|"
    r"remains|becomes|takes|makes|gives|provides|plans|hopes|expects|needs|reaches|links|helps|"
    r"leads|marks|holds|brings|stands|lies|goes|comes|means|represents|accounts|totals|amounts)\b"
)
EN_NOT_BEFORE_VERB = frozenset(
    "the a an its their his her our of and or with by for in on at to from as than into".split()
)
# What may open the part of an English sentence that a cut after a comma drops.
EN_TAIL_OPENERS = frozenset(
    """which who whom whose where when with without including such as from to up down in on at
    by for through under after before since thus thereby while whereas but yet although though
    because despite so compared accounting along together mainly mostly especially
    notably""".split()
)
EN_SUBJECT_START = frozenset(
    """the a an this these that those its their his her our it they we he she there more many most
    some all each both several other others no""".split()
)
EN_ORDINAL = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth finally lastly".split()
)


# ----------------------------------------------------------------------------- openers

# Openers that point back at the sentence before. Connectives (因此, However) may be dropped when
# the rest stands alone; pronouns and determiners (其中, 这, It, These) may not.
ZH_CONNECTIVE = (
    r"因此|所以|因而|此外|另外|与此同时|同时|然而|但是|不过|而且|并且|对此|为此|于是|总之|另一方面|但"
)
ZH_POINTER = r"其中|其(?![他它余])|这|该|此|上述|以上|前述|他们|它们|他|她|并|而|也|却"
EN_CONNECTIVE = (
    r"However|Also|Therefore|Thus|Hence|Meanwhile|Moreover|Furthermore|In addition|Besides|"
    r"Nevertheless|Nonetheless|Consequently|As a result|Still|Yet|Then|Instead|Likewise|"
    r"Similarly|In turn|At the same time|But|And|So|It can be said that|"
    r"It (?:was|is) (?:against|in|under|on|with) (?:this|these|that|such) [^,.;]*? that"
)
EN_POINTER = (
    r"This|These|That|Those|It|Its|They|Their|Them|He|His|She|Her|Such|Both|Another|"
    r"Of (?:these|this|them|which|that)|The (?:latter|former|same)|Or|Otherwise"
)
#: A sentence opener that points back at the sentence before.
BACK_OPENER = {
    "zh": re.compile(rf"^\s*(?:{ZH_CONNECTIVE}|{ZH_POINTER})"),
    "en": re.compile(rf"^\s*[\"“‘]?(?:{EN_CONNECTIVE}|{EN_POINTER})\b"),
}
#: A connective opener (with its comma) that may be dropped when the rest stands alone.
CONNECTIVE = {
    "zh": re.compile(rf"^\s*(?:{ZH_CONNECTIVE})\s*[，,]?\s*"),
    "en": re.compile(rf"^\s*(?:{EN_CONNECTIVE})\b\s*,?\s*"),
}
# Lead-ins a compression may drop keep the sentence's time ("2016年，", "In 2016,") and never
# drop a condition or a source ("如果…", "据…", "If …", "According to …").
ZH_TIME = re.compile(
    r"^(?:\d+年(?:\d+月(?:\d+日)?)?(?:底|初|末|以来)?|\d+月\d+日|今年初?|去年|明年|目前|当前|"
    r"截至目前|近年来|\d+年多?来|[一二三四五六七八九十两]+年多?来)$"
)
ZH_KEEP_LEAD = re.compile(r"^(?:如果|假如|若|只要|只有|一旦|除非|除了|据|根据|按照|依据|依照)")
EN_TIME = re.compile(
    r"^(?:in|on|since|by|at the end of|early|late|over|during|until|from)\b.{0,30}"
    rf"(?:\b1[89]\d\d\b|\b20\d\d\b|{EN_MONTH_FULL}|years?\b|months?\b|weeks?\b)",
    re.I,
)
EN_KEEP_LEAD = re.compile(r"^(?:if|unless|provided|according|once|only)\b", re.I)


#: A non-restrictive relative clause or participle phrase between commas: "X, who had last met
#: in 2023, agreed", "a score, introduced to speed up checks, had flagged".
EN_RELATIVE_ASIDE = re.compile(
    r",\s+(?:who|whom|whose|which|[a-z]{3,}ed\b|to be)\s+[^,;:]+,\s+(?=[a-z])")
#: Words that open a subordinate clause: a cut must not leave one without its verb
#: ("…described how an automated fraud-risk score.").
EN_SUBORDINATOR = re.compile(r"\b(?:how|that|whether|why|what|which|who|where|when|if)\s",
                              re.I)
#: A trailing ", with …" / ", including …" / ", such as …" phrase: detail a shorter form can
#: leave out ("…cooperation zones, with cumulative investment of over 18.5 billion").
EN_TRAILING_DETAIL = re.compile(
    r",\s+(?:with|including|such as|mainly|especially)\s+[^,;]+[.!?]?$", re.I)
#: A trailing enumeration after a preposition or participle: "…agreements covering trade,
#: infrastructure, agriculture and education", "…projects in steel, cement and other sectors".
ITEM = r"(?:[^\s,;]+\s+){0,3}[^\s,;.!?]+"  # a list item: one to four words
EN_TRAILING_LIST = re.compile(
    rf"\s+(?:in|on|across|from|for|of|such as|including|covering|involving|spanning)\s+"
    rf"{ITEM}(?:,\s*{ITEM})+,?\s+(?:and|or)\s+(?:other\s+)?{ITEM}[.!?]?$", re.I)

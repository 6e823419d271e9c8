"""Tags proposed for a draft's sections and figures, so every audience gets content.

Profiles pick sections and figures by tag (``sections: [tag:news, tag:trade, ...]``,
``figures: {include: [tag:headline, tag:key, ...]}``); a draft without tags leaves every
audience but the one that takes ``*`` empty. The role vocabulary is read from the built-in
profiles themselves, so a role a profile adds or drops is proposed or not without a copy kept
here; this module only keeps a small bilingual lexicon of words that signal each role. A role
with no lexicon entry is never proposed, and a lexicon entry for a role no profile selects is
never used (a test holds the lexicon to the profiles). Every proposal is marked ``# check:
tags``: a word count is a hint, not a reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from briefgen.load.tags import builtin_vocabulary

#: Words that signal a role, per language. English words match at a word start (``export``
#: matches exports); Chinese words match anywhere.
LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "news": {"en": ("opened", "closed", "opens", "closes", "held", "met ", "convened", "attended",
                    "today", "yesterday", "ended", "concluded", "took place", "gathered"),
             "zh": ("举行", "开幕", "闭幕", "召开", "出席", "举办", "会见", "宣布")},
    "trade": {"en": ("trade", "export", "import", "deal", "agreement", "investor", "investment",
                     "market", "e-commerce", "business", "commerce"),
              "zh": ("贸易", "进出口", "出口", "进口", "投资", "经贸", "协议", "合同", "市场")},
    "connectivity": {"en": ("port", "rail", "road", "shipping", "corridor", "infrastructure",
                            "grid", "cable", "flight", "logistics", "route", "network",
                            "data centre", "station"),
                     "zh": ("铁路", "港口", "互联互通", "基础设施", "班列", "航线", "公路",
                            "通道", "物流", "电网")},
    "finance": {"en": ("fund", "bank", "loan", "financ", "capital", "credit", "bond", "budget",
                       "spend", "cost", "pledge"),
                "zh": ("资金", "银行", "贷款", "融资", "基金", "金融", "投融资")},
    "aid": {"en": ("aid", "assistance", "grant", "donat", "scholarship", "training",
                   "humanitarian", "relief", "capacity building", "poverty"),
            "zh": ("援助", "捐赠", "奖学金", "培训", "减贫", "扶贫", "人道")},
    "communique": {"en": ("communique", "communiqué", "declaration", "joint statement",
                          "action plan", "roadmap", "adopted", "consensus"),
                   "zh": ("公报", "宣言", "联合声明", "共识", "行动计划", "通过了")},
    "outlook": {"en": ("next", "will ", "future", "by 20", "plan", "target", "expect"),
                "zh": ("未来", "展望", "将于", "计划", "下一届", "目标")},
    "background": {"en": ("history", "founded", "since", "first forum", "launched in",
                          "background", "previous", "established"),
                   "zh": ("背景", "以来", "首次", "历史", "提出", "成立")},
    "headline": {"en": ("record", "total", "largest", "in all", "delegat", "heads of state",
                        "participants", "attend"),
                 "zh": ("总", "累计", "创", "共有", "出席", "代表", "元首")},
    "key": {"en": ("signed", "worth", "billion", "agreements", "commitments", "pledged"),
            "zh": ("签署", "亿", "万亿", "协议", "成果")},
}
MAX_TAGS = 2


@dataclass(frozen=True)
class Roles:
    """Tag names the built-in profiles select sections and figures by."""

    sections: frozenset[str]
    figures: frozenset[str]


@cache
def profile_roles() -> Roles:
    """Every ``tag:NAME`` the built-in profiles use for sections, and for figures (the one
    vocabulary ``briefgen validate`` and the docs show, read from the profile files)."""
    vocabulary = builtin_vocabulary()
    return Roles(frozenset(vocabulary.names("section")), frozenset(vocabulary.names("figure")))


def section_tags(title: str, paragraphs: list[str], lang: str, first: bool = False) -> list[str]:
    """Up to two section roles whose words the section uses most (two hits, or one in the
    title). The first section of a text that reports an event (one news word) is ``news``
    first: a wire story's lead is the news whatever its topic."""
    text = " ".join(paragraphs)
    scored = []
    for role in sorted(profile_roles().sections):
        hits = _hits(role, text, lang) + 2 * _hits(role, title, lang)
        if role == "news" and first and hits:
            hits = 1000
        if hits >= 2:
            scored.append((-hits, role))
    return [role for _, role in sorted(scored)[:MAX_TAGS]]


def figure_tags(sentence: str, lang: str) -> list[str]:
    """Up to two figure roles whose words the figure's sentence uses."""
    scored = [(-_hits(role, sentence, lang), role) for role in sorted(profile_roles().figures)]
    return [role for hits, role in sorted(scored) if hits < 0][:MAX_TAGS]


def _hits(role: str, text: str, lang: str) -> int:
    words = LEXICON.get(role, {}).get(lang, ())
    if lang == "zh":
        return sum(text.count(w) for w in words)
    low = text.lower()
    return sum(len(re.findall(r"\b" + re.escape(w), low)) for w in words)

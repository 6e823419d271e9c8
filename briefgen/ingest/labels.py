"""Short labels for figures: what is counted, taken from the clause around the number.

``X为/是/达N`` gives X (进出口总额为6.3万亿元 -> 进出口总额); otherwise the clause with the number
taken out, its counted noun kept (签署了130多个运输协定 -> 签署了运输协定). Leading dates and
connectives (2016年, 其中, 目前, ``In 2016,``) go. Labels are drafts: the YAML marks each one
``# check: label``.
"""

from __future__ import annotations

import re

from briefgen.ingest.figures import _TIME_UNITS, Found
from briefgen.ingest.labels_en import english_label
from briefgen.text.lexicon.script import HAN_CHAR

MAX_LABEL = 40
_ZH_CLAUSE = re.compile(r"[，。；：！？,;:]")
_ZH_LEAD = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|初)?|今年初|今年|目前|截至目前|其中|数据显示|此外|同时|"
    r"并且|并|而且|共计|共有|共|已经|已|累计|据统计|另外|可以说|为|向|在|将在|将|\s)+")
_ZH_LINK = re.compile(r"(?:为|是|达到|达|约为|共计|总计|合计|共有|有|超过|近|约|逾)$")
_EN_LEAD = re.compile(r"^(?:(?:in|since|by) \d{4}|of this|to date|data show that|a total of|"
                      r"an? |the |and |with |\s)+", re.IGNORECASE)
_EN_LINK = re.compile(r"\s+(?:was|were|is|are|reached|totalled|totaled|of|stood at|amounted to)"
                      r"\s*$", re.IGNORECASE)


def label_for(f: Found, lang: str) -> str:
    """A short label for ``f`` from its sentence (English: ``labels_en.english_label``)."""
    if lang == "en" and (label := english_label(f)):
        return label
    s = f.sentence
    left_start = max((m.end() for m in _clause_marks(s, lang) if m.end() <= f.start), default=0)
    right_end = min((m.start() for m in _clause_marks(s, lang) if m.start() >= f.end),
                    default=len(s))
    left = s[left_start:f.start]
    right = s[f.end:right_end]
    label = _zh_label(left, right, f) if lang == "zh" else _en_label(left, right, f)
    label = _balance(label.strip(" ，,、：:；;"))
    if len(label) < 2 and left_start > 0:
        # 共200多期: the clause says too little; the one before names the thing
        prev_start = max((m.end() for m in _clause_marks(s, lang) if m.end() < left_start - 1),
                         default=0)
        prev = s[prev_start:left_start].strip(" ，,、：:；;")
        label = _balance((_ZH_LEAD.sub("", prev) if lang == "zh" else prev) + label)
    if not label:
        label = s[left_start:right_end].strip() or s.strip()
    return _cap(label)


def _balance(text: str) -> str:
    """Drop a quote mark whose partner was cut off: ``一带一路”倡议`` -> ``一带一路倡议``."""
    for a, b in ("“”", "‘’", "《》", "（）"):
        if text.count(a) != text.count(b):
            text = text.replace(a, "").replace(b, "")
    return text.strip()


def _clause_marks(s: str, lang: str) -> list[re.Match[str]]:
    pattern = _ZH_CLAUSE if lang == "zh" else re.compile(r"[,;:.!?](?=\s|$)")
    return list(pattern.finditer(s))


def _zh_label(left: str, right: str, f: Found) -> str:
    # another figure earlier in the clause, with its noun (近11亿美元税收和 / 100个“幸福家园”、)
    left = re.sub(r"[超近约逾]?\d[\d.,]*[万亿]*(?:多|余)?[^\s，、和及]{0,8}?(?:和|、|及)", "", left)
    left = _ZH_LEAD.sub("", left)
    if f.unit in _TIME_UNITS:
        # 3年多来, 未来5年内: the span is what the label names
        after = re.match(r"[内来后间]|以来", right)
        return left + f.text + (after.group(0) if after else "")
    if _ZH_LINK.search(left) and len(_ZH_LINK.sub("", left)) >= 2:
        return _ZH_LINK.sub("", left).rstrip("的")
    noun = f.unit[1:] if f.unit.startswith(("个", "家", "大")) and len(f.unit) > 1 else ""
    noun = noun or f.noun
    right = re.split(r"\d|和\d", right, maxsplit=1)[0]
    tail = noun if noun else ""
    if not noun:
        tail = re.split(r"的|和|[（(]", right, maxsplit=1)[0][:12]
    return (left.rstrip("的") + tail).strip()


def _en_label(left: str, right: str, f: Found) -> str:
    left = re.sub(r"\s+", " ", left).strip()
    left = _EN_LEAD.sub("", left)
    left = _EN_LINK.sub("", left).strip()
    if left and len(left.split()) >= 2:
        return left[0].upper() + left[1:]
    unit = f.unit if f.unit != "%" else ""
    tail = re.split(r"\d", right, maxsplit=1)[0].strip()
    text = " ".join(p for p in (left, unit, tail) if p)
    return (text[0].upper() + text[1:]) if text else ""


def _cap(label: str) -> str:
    if len(label) <= MAX_LABEL * (1 if HAN_CHAR.search(label) else 2):
        return label
    cut = label[: MAX_LABEL * (1 if HAN_CHAR.search(label) else 2)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"

"""Find numeric facts in a sentence: value, scale, unit, qualifier, change and period.

What counts as a figure: a number followed by a unit (a measure word such as 个/条/趟/人次, a
currency, %, or in English a noun). A number with no unit is not a fact we can label, so it is
skipped; that also skips most names (愿景2025, 2030愿景, 地平线2020计划).

Decisions, each a rule a reader can check:

* Dates are not figures: 2016年, 9月, 14日, 2016年9月, 5月14日至15日, ``in 2016``, ``14 May``.
  A four-digit number 1900-2100 before 年 is a year; 3年, 5年内 are durations and are figures.
* Ordinals written in digits (第71届, 第2344号, ``the 71st session``, ``Resolution 2344``) are
  kept, tagged ``ordinal``: a session or resolution number is a fact a brief cites, but it is
  not an amount, so charts never use it. Ordinals in words (第一, 第二次) are sequencing words and
  are skipped.
* Chinese numerals are read with ``cn2an`` (四方面 -> 4, 五个方面 -> 5, 两 -> 2, 一百二十 -> 120);
  a lone 一 is skipped (一带一路, 一批, 一是), and so are list markers (一是, （二）) and 两年一度.
* Qualifiers: 多/余/more than -> more_than; 超过/逾/over -> over; 近/将近/nearly -> nearly;
  约/左右/about -> about.
* ``增长0.6%`` / ``up 0.6%`` is the change of the figure before it in the sentence, not a figure;
  下降/减少/down make it negative.
* Ranges (20至30个, 20-30 countries) keep the low end as value and are tagged ``range``.
* A bare 元 takes the currency named earlier in the text (元人民币), since 其中出口3.8万亿元 means
  the same renminbi as the total before it.
* The unit keeps a noun only when the noun is a kind of thing counted in statistics (国家,
  国际组织, 城市, 方面, 部门...; 个国家和国际组织 too); otherwise the noun is what the label
  names (130多个运输协定 -> unit 个, label 运输协定). jieba's word cut stops 国家 from being read
  out of 国家元首.
"""

from __future__ import annotations

import re
from dataclasses import replace

import cn2an

from briefgen.ingest.comparisons import apply_comparisons
from briefgen.ingest.found import Found
from briefgen.ingest.numwords import NUMBER_WORDS, word_value
from briefgen.text.lexicon.calendar_words import EN_MONTH
from briefgen.text.lexicon.script import HAN, HAN_CHAR
from briefgen.text.tokens import tag_zh

EN_SCALES = {"thousand": "thousand", "million": "million", "billion": "billion",
             "trillion": "trillion", "bn": "billion", "mn": "million", "tn": "trillion"}

#: Measure words and units written after a Chinese number, longest first in the pattern.
ZH_UNITS = ["个月", "人次", "平方公里", "平方米", "公里", "千米", "千瓦", "兆瓦", "公顷", "小时",
            "分钟", "百分点", "个", "位", "名", "人", "家", "所", "项", "条", "趟", "列", "次",
            "期", "届", "号", "岁", "年", "天", "周", "吨", "米", "辆", "架", "艘", "座", "件",
            "台", "套", "份", "部", "本", "种", "批", "场", "篇", "册", "宗", "处", "支", "枚",
            "只", "头", "株", "棵", "亩", "倍", "间", "栋", "户", "例", "股", "对", "轮", "门",
            "首", "幅", "款", "片", "块", "段", "层", "级", "类", "方面", "大"]
ZH_CURRENCIES = ("元人民币", "美元", "欧元", "日元", "英镑", "港元", "港币", "卢布", "元")
#: Nouns that belong in the unit: kinds of counted things, not the things themselves.
ZH_UNIT_NOUNS = ("国家和国际组织", "国家和地区", "国际组织", "国家", "地区", "城市", "省份", "省",
                 "部门", "方面", "领域", "行业", "理念", "发展理念")
_TIME_UNITS = {"年", "个月", "天", "小时", "周"}
_CN_NUM = "[一二两三四五六七八九十][一二两三四五六七八九十百千零〇]*"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"

_ZH = re.compile(
    rf"(?P<ord>第)?(?P<pre>超过|逾|超|将近|接近|近|约|大约)?"
    rf"(?P<num>{_NUM}|{_CN_NUM})"
    rf"(?:(?:至|到|~|～|-|—|－)(?P<num2>{_NUM}|{_CN_NUM}))?"
    r"(?P<more>多|余)?(?P<scale>万亿|亿|万)?(?P<more2>多|余)?"
    rf"(?P<unit>%|％|‰|{'|'.join(ZH_CURRENCIES)}|{'|'.join(ZH_UNITS)})?"
    r"(?P<more3>多|余)?(?P<post>以上|左右)?"
)
_ZH_PRE = {"超过": "over", "逾": "over", "超": "over", "将近": "nearly", "接近": "nearly",
           "近": "nearly", "约": "about", "大约": "about"}
_ZH_CHANGE = re.compile(r"(同比|比上年|较上年)?(增长|增加|上升|提高|下降|减少|降低|回落)了?$")
_ZH_DOWN = ("下降", "减少", "降低", "回落")

_EN = re.compile(
    r"(?P<pre>more than|over|nearly|almost|about|around|approximately|roughly|some|at least|"
    r"close to|in excess of|up to)?\s*"
    r"(?P<cur>US\$|\$|€|£|¥|RMB\s?|CNY\s?|USD\s?)?"
    rf"(?P<num>{_NUM}|\b{NUMBER_WORDS}\b)(?P<ord>st|nd|rd|th)?"
    rf"(?:\s*(?:-|–|to)\s*(?P<num2>{_NUM}))?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|tn)\b)?"
    r"(?P<pct>\s*(?:%|per ?cent\b))?",
    re.IGNORECASE,
)
_EN_PRE = {"more than": "more_than", "over": "over", "in excess of": "over", "at least": "over",
           "nearly": "nearly", "almost": "nearly", "close to": "nearly", "up to": "nearly",
           "about": "about", "around": "about", "approximately": "about", "roughly": "about",
           "some": "about"}
_EN_STOP = frozenset(["the", "a", "an", "in", "on", "at", "to", "from", "with", "for", "by", "was",
                      "were", "is", "are", "be", "been", "being", "have", "has", "had", "will",
                      "would", "shall", "should", "can", "could", "may", "might", "that", "which",
                      "who", "whom", "whose", "this", "these", "those", "as", "than", "over",
                      "under", "since", "across", "through", "per", "each", "into", "onto", "up",
                      "down", "out", "its", "their", "his", "her", "our", "it", "they", "he", "she",
                      "we", "you", "during", "while", "when", "where", "after", "before", "between",
                      "among", "against", "about", "around", "not", "no", "or", "but", "so", "also",
                      "including", "include", "includes", "included", "like", "such", "via",
                      "toward", "towards", "worth", "along", "within", "outside", "inside", "near",
                      "beyond", "among", "amid", "throughout"])
_TIME_WORDS = frozenset("days weeks months years decades hours".split())
#: Units of measure: ``120 gigawatts of solar capacity`` counts gigawatts, not capacity.
_MEASURES = frozenset("days weeks months years hours minutes gigawatts megawatts kilowatts "
                      "kilometres kilometers miles metres meters tonnes tons hectares acres "
                      "litres liters barrels percent".split())
#: Present-tense verbs that follow a counted noun (``6 countries share the reef``).
PRESENT_VERBS = frozenset("share shares depend depends live lives work works cover covers "
                              "serve serves attend attend join joins take make say says need "
                              "needs use uses face faces receive receives support supports meet "
                              "meets hold holds sign signs agree agrees want plan plans expect "
                              "expects come go remain remains account accounts run runs "
                              "features feature brings draws attracts hosts welcomes".split())
_EN_CURRENCIES = frozenset(["yuan", "renminbi", "rmb", "dollars", "dollar", "euros", "euro",
                            "pounds", "yen", "rupees", "roubles", "rubles", "francs"])
_EN_CHANGE = re.compile(r"\b(?:up|down|rose|fell|grew|increased|decreased|dropped|declined|"
                        r"an? (?:increase|rise|growth|decrease|drop|fall|decline) of|"
                        r"(?:increase|growth|rise|decline|drop|fall) of)\s*(?:by\s*)?$",
                        re.IGNORECASE)
_EN_DOWN = re.compile(r"down|fell|decreased|dropped|declined|decrease|drop|fall|decline",
                      re.IGNORECASE)
_EN_IDENT = re.compile(r"\b(?:No\.|Resolution|Article|Session|Number)\s+(\d+)\b")
_EN_DATEISH = re.compile(rf"^\s*(?:{EN_MONTH})\b", re.IGNORECASE)
_EN_MONTH_BEFORE = re.compile(rf"\b(?:{EN_MONTH})\.?\s*$", re.IGNORECASE)

_QUOTED = re.compile(r"“[^“”]{1,14}”|「[^「」]{1,14}」|\"[^\"]{1,14}\"")


def find_figures(sentence: str, lang: str) -> list[Found]:
    """Every figure in ``sentence`` (Chinese or English), in order, with changes attached."""
    if lang == "zh":
        return _attach_changes(_find_zh(sentence), sentence, lang)
    return apply_comparisons(_attach_changes(_find_en(sentence), sentence, lang), sentence)


# ----------------------------------------------------------------------------- Chinese


def cn_value(text: str) -> float | None:
    """``"6.3"`` -> 6.3, ``"3,700"`` -> 3700, ``"四"`` -> 4, ``"两"`` -> 2 (cn2an); else None."""
    if re.fullmatch(_NUM, text):
        return float(text.replace(",", ""))
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _in_short_quote(sentence: str, start: int) -> bool:
    return any(m.start() < start < m.end() for m in _QUOTED.finditer(sentence))


def _find_zh(sentence: str) -> list[Found]:
    out: list[Found] = []
    for m in _ZH.finditer(sentence):
        num, unit = m.group("num"), m.group("unit") or ""
        arabic = num[0].isdigit()
        unit = "%" if unit == "％" else unit
        if not unit:
            continue  # a number with no unit names nothing we can label
        after = sentence[m.end():]
        if arabic and m.start("num") > 0 and sentence[m.start("num") - 1].isdigit():
            continue
        if not arabic and (num == "一" or re.match(r"[是、）)]", after)):
            continue
        if unit == "年" and (
            (arabic and len(num) == 4 and 1900 <= float(num) <= 2100)
            or after.startswith(("一度", "一次"))
            or re.match(r"\d{1,2}月", after)
        ):
            continue  # a year, or 两年一度
        if unit == "年" and not arabic and after.startswith("一"):
            continue
        if unit in ("月", "日") or (unit == "号" and not m.group("ord")):
            continue
        if unit == "大" and not HAN_CHAR.match(after):
            continue
        if m.group("ord") and not arabic:
            continue  # 第一, 第二次: sequencing words
        if _in_short_quote(sentence, m.start("num")):
            continue
        value = cn_value(num)
        if value is None:
            continue
        high = cn_value(m.group("num2")) if m.group("num2") else None
        if high is not None and high <= value:
            high = None
        qualifier = _ZH_PRE.get(m.group("pre") or "")
        if m.group("more") or m.group("more2") or m.group("more3"):
            qualifier = "more_than"
        if m.group("post") == "以上":
            qualifier = qualifier or "over"
        elif m.group("post") == "左右":
            qualifier = "about"
        end = m.end()
        noun = ""
        if unit in ("个", "家", "大", "项", "类") or unit == "方面":
            extra = _unit_noun(sentence[m.end():])
            if extra and unit != "方面":
                unit += extra
                end += len(extra)
        if unit == "大":
            unit = ""
        if unit in ZH_UNITS and unit not in _TIME_UNITS:
            noun = _noun_after(sentence[end:])
        tags: tuple[str, ...] = ()
        if m.group("ord"):
            tags += ("ordinal",)
        if high is not None:
            tags += ("range",)
        start = m.start("ord") if m.group("ord") else m.start()
        out.append(Found(value=value, scale=m.group("scale"), unit=unit, qualifier=qualifier,
                         start=start, end=end, sentence=sentence, tags=tags, high=high,
                         noun=noun))
    return out


def _unit_noun(rest: str) -> str:
    """The counted-kind noun that continues a measure word (个 + 国家和国际组织), or ""."""
    for noun in ZH_UNIT_NOUNS:
        if rest.startswith(noun) and _word_boundary(rest, len(noun)):
            # 国家 + 和/及/与 + another kind: the unit is the pair
            tail = rest[len(noun):]
            for link in ("和", "及", "与"):
                for other in ZH_UNIT_NOUNS:
                    pair = link + other
                    if tail.startswith(pair) and _word_boundary(rest, len(noun) + len(pair)):
                        return noun + pair
            return noun
    if rest.startswith("大"):
        return ""
    return ""


def _word_boundary(text: str, at: int) -> bool:
    """jieba puts a word boundary at ``at`` (so 国家 is not read out of 国家元首)."""
    pos = 0
    for word, _ in tag_zh(text[: at + 6]):
        pos += len(word)
        if pos == at:
            return True
        if pos > at:
            return False
    return pos == at


def _noun_after(rest: str) -> str:
    """The words after a unit that name what is counted (运输协定, 青年科学家), up to 10 characters.

    Skips a leading 的 (400亿美元的丝路基金); stops at punctuation, digits, and at a verb,
    preposition or particle once a noun is in hand; ``和`` joins two nouns (科学技术和管理人员).
    """
    rest = rest.removeprefix("的")
    m = re.match(rf"[{HAN}“”‘’\-]+", rest)
    if not m or rest.startswith("以"):
        return ""
    span = re.split(r"的|等|和\d", m.group(0), maxsplit=1)[0]
    tagged = [(w.strip("“”‘’"), pos) for w, pos in tag_zh(span)]
    words: list[str] = []
    has_noun = False
    for i, (word, pos) in enumerate(tagged):
        size = len("".join(words))
        if not word or size + len(word) > 10:
            break
        if pos == "c":
            nxt = tagged[i + 1] if i + 1 < len(tagged) else ("", "")
            if not (has_noun and nxt[1].startswith("n") and size + 1 + len(nxt[0]) <= 10):
                break
        elif has_noun and (pos == "v" or pos[:1] in "pdurmqx"):
            break
        words.append(word)
        has_noun = has_noun or pos.startswith(("n", "l", "j")) and pos != "vn"
        if size + len(word) >= 6 and has_noun and pos != "c":
            nxt = tagged[i + 1] if i + 1 < len(tagged) else ("", "")
            if not nxt[1].startswith("n"):
                break
    return "".join(words)


# ----------------------------------------------------------------------------- English


def _find_en(sentence: str) -> list[Found]:
    out: list[Found] = []
    idents = {m.start(1) for m in _EN_IDENT.finditer(sentence)}
    for m in _EN.finditer(sentence):
        num = m.group("num")
        if not num:
            continue
        start_num = m.start("num")
        before, after = sentence[:start_num], sentence[m.end():]
        glued = re.search(r"[\w.,-]$", before) and not before.endswith((" ", "$", "€", "£", "¥"))
        if glued and not m.group("cur"):
            continue  # part of a word or code (G20, A4)
        value = _en_value(num)
        if value is None or (num[0].isupper() and before.strip()):
            continue  # "Two Corridors and One Economic Circle": a name
        if m.group("ord") and re.match(r"[-\s]century", after, re.IGNORECASE):
            continue  # 21st-century: a period, not a figure
        scale = EN_SCALES.get((m.group("scale") or "").lower())
        ordinal = bool(m.group("ord")) or start_num in idents
        pct = bool(m.group("pct"))
        is_year = (re.fullmatch(r"\d{4}", num) and 1900 <= value <= 2100 and not scale
                   and not pct)
        if _EN_DATEISH.match(after) or _EN_MONTH_BEFORE.search(before) or (
                is_year and not ordinal):
            continue
        unit = "%" if pct else ""
        noun_end = m.end()
        if not unit and not ordinal:
            unit, noun_end = _en_unit(sentence, m.end())
            if not unit and scale:
                # "the number of people ... doubled to 12 million": the noun came first
                counted = re.search(r"\bnumber of ([a-z]+)", before)
                unit = counted.group(1) if counted else ""
            if m.group("cur"):
                cur = m.group("cur").strip().upper()
                unit = {"$": "US dollars", "US$": "US dollars", "USD": "US dollars", "€": "euros",
                        "£": "pounds", "¥": "yuan", "RMB": "yuan", "CNY": "yuan"}.get(cur, unit)
                noun_end = m.end()
        if ordinal:
            if m.group("ord"):
                noun_end = m.end()
            unit = ""
        qualifier = _EN_PRE.get((m.group("pre") or "").lower())
        if qualifier == "over" and unit in _TIME_WORDS:
            qualifier = None  # "over four years" is a span, not "more than four years"
        start = m.start("pre") if m.group("pre") else (
            m.start("cur") if m.group("cur") else start_num)
        high = _en_value(m.group("num2")) if m.group("num2") else None
        tags = (("ordinal",) if ordinal else ()) + (("range",) if high else ())
        out.append(Found(value=value, scale=scale, unit=unit, qualifier=qualifier, start=start,
                         end=noun_end, sentence=sentence, tags=tags, high=high))
    return _share_units(out, sentence)


def _en_value(text: str) -> float | None:
    if re.fullmatch(_NUM, text):
        return float(text.replace(",", ""))
    return word_value(text)


def _en_unit(sentence: str, at: int) -> tuple[str, int]:
    """Up to five words after the number that name what is counted; stops at function words.

    ``U.S. dollars`` is one unit, ``US dollars``; ``eleven of the agreements`` counts agreements.
    """
    if m := re.match(r"\s*(?:U\.\s?S\.|US)\s+dollars?\b", sentence[at:]):
        return "US dollars", at + m.end()
    m = re.match(r"\s+of (?:the|these|those|its|their) ([a-z][a-z-]+)\b", sentence[at:])
    if m and m.group(1) not in _EN_STOP:
        return m.group(1), at + m.end()
    words: list[str] = []
    end = at
    for m in re.finditer(r"\s*([A-Za-z][A-Za-z'’\-]*)", sentence[at:]):
        if m.start() != (end - at):
            break
        word = m.group(1)
        low = word.lower()
        if low == "of" and words and words[-1].lower() in _MEASURES:
            break
        if low in ("of", "and") and words and len(words) < 4:
            words.append(word)
            end = at + m.end()
            continue
        if low in _EN_STOP or low in EN_SCALES or len(words) >= 5 or (
                words and low.endswith("ed") and verb_here(words[-1], sentence[at + m.end():])
        ) or (words and low in PRESENT_VERBS):
            break  # "130 countries attended", "6 countries share": a verb ends the noun
        words.append(word)
        end = at + m.end()
        if low in _EN_CURRENCIES:
            break  # "3.8 trillion yuan and imports": a currency ends the unit
    while words and words[-1].lower() in ("of", "and"):
        words.pop()
    unit = " ".join(words)
    end = (at + sentence[at:].find(unit) + len(unit)) if unit else at
    if unit in ("dollar", "euro", "pound"):
        unit += "s"  # "a 3.5 billion dollar plan": the amount is in dollars
    return unit, end


def verb_here(previous: str, rest: str) -> bool:
    """Is an -ed word after ``previous`` a verb (``countries attended the``) rather than a
    participle inside the noun (``marine protected areas``)? A verb follows a plural noun or
    ``of``/``and``, or is followed by a function word or nothing."""
    nxt = re.match(r"\s*([A-Za-z]+)", rest)
    low = previous.lower()
    return (low in ("of", "and") or (low.endswith("s") and not low.endswith("ss"))
            or not nxt or nxt.group(1).lower() in _EN_STOP)


def _share_units(found: list[Found], sentence: str) -> list[Found]:
    """``six or 12 months``: a number left without a unit takes the next one's."""
    out = list(found)
    for i, f in enumerate(out[:-1]):
        nxt = out[i + 1]
        gap = sentence[f.end:nxt.start]
        if not f.unit and not f.tags and re.fullmatch(r"\s*(?:or|to|and|-|–)\s*", gap):
            out[i] = replace(f, unit=nxt.unit)
    return [f for f in out if f.unit or f.scale or "ordinal" in f.tags]


# ----------------------------------------------------------------------------- changes


def _attach_changes(found: list[Found], sentence: str, lang: str) -> list[Found]:
    """Turn ``增长0.6%`` / ``up 0.6%`` into the change of the previous figure in the sentence."""
    out: list[Found] = []
    for f in found:
        before = sentence[: f.start]
        pattern = _ZH_CHANGE if lang == "zh" else _EN_CHANGE
        m = pattern.search(before.rstrip()) if f.unit == "%" else None
        signed = f.unit == "%" and re.search(r"[+＋−-]\s*$", before)
        if signed and out and out[-1].change_pct is None:
            # a table's change column: +0.6% after the value it qualifies
            sign = -1 if before.rstrip()[-1] in "−-" else 1
            out[-1] = replace(out[-1], change_pct=sign * f.value)
            continue
        if m and out and out[-1].change_pct is None and "ordinal" not in out[-1].tags:
            down = (m.group(2) in _ZH_DOWN) if lang == "zh" else bool(_EN_DOWN.search(m.group(0)))
            out[-1] = replace(out[-1], change_pct=-f.value if down else f.value)
            continue
        out.append(f)
    return out

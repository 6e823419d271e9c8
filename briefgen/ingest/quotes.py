"""Quotations in running text: who said what.

Chinese: ``X表示/指出/强调/说：“…”`` (speaker = the sentence's subject, up to 在/中/，),
``X的主题是“…”`` (a theme is quoted as the event's words, speaker ``X主题``), and
``如同X指出的那样，…`` (an unquoted report of someone's words). English, read a paragraph at
a time since a quotation often runs over sentences: ``"…," said X, title``, ``"…," X, title,
said``, ``X said: "…"``, ``X told reporters: "…"``, ``X: "…"``, ``the theme of X was “…”`` and
``As X pointed out …, …``; ``she said`` takes the last speaker named before it. Quoted short
names (“光明之路”) are not quotations: a quote needs eight characters (zh) or four words (en).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ZH_SAID = re.compile(r"(?:表示|指出|强调|说|称|宣布|认为|写道)[：:，,]?\s*"
                      r"“(?P<q>[^“”]{8,}(?:“[^“”]*”[^“”]*)*)”")
_ZH_THEME = re.compile(r"(?P<s>[^，。；“”]{1,30}?)的?主题(?:是|为)“(?P<q>[^“”]{6,})”")
_ZH_AS = re.compile(r"^(?:如同|正如)(?P<s>.+?)(?:指出|所说|强调|讲|说)的那样[，,](?P<q>.{8,})$")
_EN_SAID = re.compile(r"(?P<s>[A-Z][\w.'’ -]{2,60}?)\s+(?:said|says|stated|noted|stressed|"
                      r"pointed out|told [\w ]+?)[,:]?\s+[“\"](?P<q>[^”\"]{12,})[”\"]")
_EN_SAID_AFTER = re.compile(r"[“\"](?P<q>[^”\"]{12,})[,.]?[”\"],?\s+(?:said|says)\s+"
                            r"(?P<s>[A-Z][\w.'’ -]{2,60}?)[,.]")
_EN_THEME = re.compile(r"[Tt]he theme of (?P<s>[\w' -]{2,60}?) (?:was|is) "
                       r"[“\"](?P<q>[^”\"]{12,})[”\"]")
_EN_AS = re.compile(r"^As (?P<s>.+?) (?:pointed out|said|noted|stressed)\b[^,]*, (?P<q>.{20,})$")


@dataclass(frozen=True)
class FoundQuote:
    """A quotation and who said it."""

    text: str
    speaker: str
    sentence: str


def find_quotes(sentence: str, lang: str) -> list[FoundQuote]:
    """Quotations in one sentence (at most one per pattern)."""
    found: list[FoundQuote] = []
    if lang == "zh":
        if m := _ZH_AS.match(sentence):
            found.append(FoundQuote(m.group("q").strip(), _zh_speaker(m.group("s")), sentence))
        if m := _ZH_THEME.search(sentence):
            subject = re.sub(r"^(?:这次|本次|此次)", "", m.group("s")).strip("的")
            found.append(FoundQuote(m.group("q"), f"{subject or '会议'}主题", sentence))
        elif m := _ZH_SAID.search(sentence):
            found.append(FoundQuote(m.group("q"), _zh_speaker(sentence[: m.start()]), sentence))
    else:
        if m := _EN_AS.match(sentence):
            found.append(FoundQuote(m.group("q").strip(), _en_speaker(m.group("s")), sentence))
        for pattern in (_EN_THEME, _EN_SAID, _EN_SAID_AFTER):
            if m := pattern.search(sentence):
                speaker = m.group("s").strip()
                if pattern is _EN_THEME:
                    speaker = f"Theme of {speaker}"
                found.append(FoundQuote(m.group("q").strip(), _en_speaker(speaker), sentence))
                break
    return [q for q in found if _long_enough(q.text, lang)]


_VERB = r"(?:said|says|added|adds|stressed|noted|told [\w ]{2,30}?|declared|warned|explained)"
_NAME = (r"(?P<s>he|she|they|(?:[A-Z][\w.'’-]*|of|the|and|de|van|von)"
         r"(?: (?:[A-Z][\w.'’-]*|of|the|and|de|van|von)){0,7})")
_Q = r"[“\"](?P<q>[^”\"]{12,})[”\"]"
_EN_PARA = (
    re.compile(_Q + r"\s*,?\s+" + _VERB + r"\s+" + _NAME),  # "…," said X
    re.compile(_Q + r"\s*,?\s+" + _NAME + r"(?:,[^,“”\"]{2,120},)?\s+" + _VERB + r"\b"),
    re.compile(_NAME + r"(?:,[^,“”\"]{2,120},)?\s+" + _VERB + r"(?: that)?[,:]?\s+" + _Q),
    re.compile(_NAME + r":\s+" + _Q),
)
_PRONOUN = re.compile(r"^(?:he|she|they)$", re.IGNORECASE)


def find_english_quotes(paragraph: str, last_speaker: str | None = None) -> list[FoundQuote]:
    """Quotations in an English paragraph, in order; a pronoun speaker is the last speaker
    named before it (in this paragraph, else ``last_speaker``)."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _EN_PARA:
        for m in pattern.finditer(paragraph):
            span = (m.start("q"), m.end("q"))
            if any(a < span[1] and span[0] < b for a, b in taken):
                continue
            text = m.group("q").strip().rstrip(",")
            if _long_enough(text, "en"):
                taken.append(span)
                found.append((span[0], m.group("s").strip(), text))
    out: list[FoundQuote] = []
    for _, speaker, text in sorted(found):
        if _PRONOUN.match(speaker):
            if not last_speaker:
                continue
            speaker = last_speaker
        if speaker[:1].isupper():
            last_speaker = _en_speaker(speaker)
            out.append(FoundQuote(text, last_speaker, paragraph))
    return out


def _zh_speaker(text: str) -> str:
    """The subject at the start of ``text``: up to 在/中/时/，/的那样."""
    head = re.split(r"在|中|时|，|,|对", text.strip(), maxsplit=1)[0].strip()
    return head[:60] or "（待核实）"


def _en_speaker(text: str) -> str:
    head = re.split(r"\s+(?:in|at|during|when)\s+", text.strip(), maxsplit=1)[0]
    return head[:120] or "unknown speaker"


def _long_enough(text: str, lang: str) -> bool:
    return len(text) >= 8 if lang == "zh" else len(text.split()) >= 4

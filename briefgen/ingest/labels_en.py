"""English figure labels: a short noun phrase naming what is counted, never a clause fragment.

A brief's figure table reads ``Countries sending delegations | 140``, not ``Delegations came
from | 140``. The label is built around the figure's own noun (its unit) or, for money and
shares, the noun phrase the amount belongs to, with the clause around the number supplying a
qualifier:

* a modifier after the noun: ``20 ports in Africa and South Asia`` -> ``Ports in Africa and
  South Asia``; ``120 gigawatts of solar and wind capacity`` -> ``Gigawatts of solar and wind
  capacity``;
* the figure as subject: ``Thirteen countries pledged to ...`` -> ``Countries pledging to ...``;
  ``22 areas were announced`` -> ``Areas announced``;
* ``X from N countries`` -> ``Countries sending X``;
* the figure as object of a past-tense verb: ``companies signed 210 agreements`` ->
  ``Agreements signed by companies``;
* money: ``agreements worth $N`` -> ``Agreements signed by companies`` (the noun before
  ``worth/of``), ``S reached N`` -> ``S``, ``S will spend N`` -> ``Spending by S``, ``S cost N``
  -> ``Cost of S``; shares: ``N percent of X`` -> ``Share of X``.

Every label is at most eight words, holds no number, and does not end with a function word.
"""

from __future__ import annotations

import re

from briefgen.ingest.figures import PRESENT_VERBS, verb_here
from briefgen.ingest.found import Found
from briefgen.ingest.numwords import NUMBER_WORDS
from briefgen.text.lexicon.calendar_words import WEEKDAY_NUMBER

MAX_WORDS = 8
FUNCTION = frozenset(
    "a an the of in on at to from by with for and or but nor as than that which who whose "
    "into onto over under since across through per via about around between among during "
    "worth is are was were be been being has have had will would can could may might shall "
    "should said says its their his her our it they he she we this these those next last "
    "also now then just only some more most such very".split())
_LINK = re.compile(r"\s*(?:\b(?:is|are|was|were|has been|have been)\s+)?\b(?:worth|of|at|to|"
                   r"reached|totalled|totaled|totalling|totaling|amounted to|stood at|valued at|"
                   r"is|are|was|were|by|about|around|some|nearly|almost|more than|over|"
                   r"approximately|roughly|at least|up to|close to)\s*$", re.IGNORECASE)
_LEAD = re.compile(r"^(?:and|but|while|with|as|in \d{4}|on the \w+ day|"
                   r"at the [\w -]+?(?=,)|also)\b\s*", re.IGNORECASE)
#: Verbs whose amount is best named by a noun: ``S will spend N`` -> ``Spending by S``.
_VERB_NOUN = {"spend": "Spending by", "spent": "Spending by", "spends": "Spending by",
              "invest": "Investment by", "invested": "Investment by",
              "invests": "Investment by", "pledge": "Pledges by", "pledged": "Pledges by",
              "pledges": "Pledges by", "cost": "Cost of", "costs": "Cost of",
              "raise": "Funds raised by", "raised": "Funds raised by",
              "export": "Exports of", "exported": "Exports of", "exports": "Exports of",
              "import": "Imports of", "imported": "Imports of", "imports": "Imports of",
              "lend": "Lending by", "lent": "Lending by", "earn": "Earnings of",
              "earned": "Earnings of", "earns": "Earnings of", "committed": "Commitments by",
              "commit": "Commitments by", "provide": "Funding from", "provided": "Funding from",
              "allocated": "Allocations by", "allocate": "Allocations by"}
_IRREGULAR = {"drew": "drawing", "made": "making", "won": "winning", "took": "taking",
              "gave": "giving", "came": "coming", "went": "going", "sent": "sending",
              "met": "meeting", "built": "building", "set": "setting", "spent": "spending",
              "saw": "seeing", "brought": "bringing", "held": "holding", "got": "getting",
              "put": "putting", "ran": "running", "sold": "selling", "bought": "buying",
              "depend": "depending", "share": "sharing", "cover": "covering",
              "covers": "covering", "serve": "serving", "serves": "serving",
              "include": "including", "includes": "including", "have": "having",
              "has": "having", "live": "living", "work": "working", "use": "using"}
_AUX = frozenset("will would shall should can could may might must to plans plan has have had "
                 "already also jointly together".split())
_PASSIVE = re.compile(r"^(?:were|was|are|is|have been|has been|had been)\s+(\w+ed)\b")
_PREPS = ("in", "of", "for", "from", "along", "across", "at", "on", "with", "under", "to",
          "within", "outside", "inside", "near", "around", "among", "between")
_CURRENCY_WORDS = ("dollar", "yuan", "renminbi", "euro", "pound", "yen", "rupee", "rouble",
                   "ruble", "franc")
_CHANGE_VERBS = frozenset("rose fell grew increased decreased dropped declined jumped climbed "
                          "slipped surged".split())
_WHEN = frozenset([*WEEKDAY_NUMBER, *"today yesterday tomorrow week month year".split()])
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def english_label(f: Found) -> str:
    """The label for ``f`` (see module doc); "" when the clause gives nothing to build on."""
    left, right = _clause(f)
    unit = f.unit
    if m := re.search(r"\bnumber of ((?:[\w-]+ ){0,5}?[\w-]+) (?:had|has|have|was|were|is|are|"
                      r"rose|grew|fell|doubled|tripled|reached)\b", f.sentence[: f.start]):
        return _finish(m.group(1).split())  # "the number of people living in X had doubled"
    money = any(w in unit.lower() for w in _CURRENCY_WORDS) or (f.scale and not unit)
    if unit == "%":
        if left and left[-1].lower() in _CHANGE_VERBS and len(left) >= 2:
            return _finish(["Change", "in"] + [w.lower() if w[0].isupper() and not w.isupper()
                                               else w for w in left[:-1]])  # attendance rose
        return _finish(_share(right) or _amount_of(left, right))
    adjective = bool(re.search(r"\b(?:dollar|euro|pound)$", f.text))  # "a 3.5 billion dollar plan"
    if money and right and right[0].lower() not in FUNCTION and (
            adjective or not _looks_verb(right[0].lower())):
        return _finish(_tail(right))  # "a 3.5 billion dollar plan to bring irrigation"
    if money or not unit:
        label = _amount_of(left, right)
        return _finish(label if label[:1] and not label[0].lower().endswith("ed") else [])
    return _finish(_counted(unit, left, right))


# ----------------------------------------------------------------------------- clause


def _clause(f: Found) -> tuple[list[str], list[str]]:
    """Words of the clause before and after the figure, numbers and what follows them cut."""
    s = f.sentence.replace("“", "").replace("”", "").replace('"', "")
    shift = len(f.sentence[: f.start]) - len(f.sentence[: f.start].replace("“", "")
                                             .replace("”", "").replace('"', ""))
    start, end = f.start - shift, f.end - shift
    marks = [m.end() for m in re.finditer(r"[,;:()]|--|—|\.(?=\s)", s[:start])]
    left_text = s[max(marks, default=0):start]
    if re.search(r"\d", left_text) and re.search(r"\b(?:and|or)\s*$", left_text):
        # "Delegates from 31 countries and 12 ...": what the first figure hangs on
        left_text = re.sub(r"\S*\d[\d,.]*(?:\s+\w+){0,4}\s+(?:and|or)\s*$", "", left_text)
    left_text = re.sub(r"(?:US\$|\$|€|£)?\d[\d,.]*\s*(?:%|percent|per cent)?", "", left_text)
    right_text = re.split(rf"[,;:()]|--|—|\.(?=\s|$)|\d|\b(?i:{NUMBER_WORDS})\b", s[end:],
                          maxsplit=1)[0]
    return _WORD.findall(_lead(left_text)), _WORD.findall(right_text)


def _lead(text: str) -> str:
    text = text.strip()
    while (m := _LEAD.match(text)) and m.end():
        text = text[m.end():].strip()
    return text


# ----------------------------------------------------------------------------- counted nouns


def _counted(unit: str, left: list[str], right: list[str]) -> list[str]:
    head = unit.split()
    if right:
        first = right[0].lower()
        if m := _PASSIVE.match(" ".join(right).lower()):
            return head + [m.group(1)] + _tail(right[2 + (" been " in " ".join(right[:3])):])
        if not left and (_looks_verb(first) or first in PRESENT_VERBS):
            return head + [_gerund(first)] + _tail(right[1:])
        if first in _PREPS and len(right) > 1 and len(_tail(right)) > 1:
            return head + _tail(right)
        if first.endswith("ed") and len(right) > 2 and right[1].lower() in _PREPS + ("by",):
            return head + [right[0]] + _tail(right[1:])  # "agreements signed by operators"
    low = [w.lower() for w in left]
    if low and low[-1] in ("from", "by") and len(low) >= 2:
        who = _noun_before(left[:-1])
        if who:
            return head + ["sending" if low[-1] == "from" else "backing"] + who
    if len(low) >= 2 and low[-1].endswith("ed") and low[-1] not in FUNCTION:
        subject = _subject(left[:-1])
        if subject:
            return head + [low[-1], "by"] + subject
    return head


def _looks_verb(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR or word in PRESENT_VERBS


def _gerund(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("eed"):
        return w[:-1] + "ing"
    if w.endswith("ed"):
        base = w[:-2]
        if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in "ls":
            base = base[:-1]  # planned -> plan
        return base + "ing"
    return w.removesuffix("s") + "ing"


def _noun_before(words: list[str]) -> list[str]:
    """The noun phrase just before a preposition, skipping one verb (``Delegations came``)."""
    words = list(words)
    if words and _looks_verb(words[-1].lower()):
        words = words[:-1]
    out: list[str] = []
    for w in reversed(words):
        if w.lower() in FUNCTION or _looks_verb(w.lower()):
            break
        out.insert(0, w.lower() if w[0].isupper() and not w.isupper() else w)
        if len(out) == 3:
            break
    return out


def _subject(words: list[str]) -> list[str]:
    """A short subject (at most four words): ``the forum``, ``companies``."""
    text = _lead(" ".join(words))
    out = _WORD.findall(text)
    if len(out) > 5:  # "companies attending the business conference on Tuesday": its head
        out = out[:5]
        while out and out[-1].lower() in FUNCTION:
            out.pop()
    if not out or any(w.lower() in ("will", "would", "has", "have") for w in out):
        return []
    return [out[0].lower() if out[0][0].isupper() and not out[0].isupper() else out[0]] + out[1:]


# ----------------------------------------------------------------------------- amounts


def _share(right: list[str]) -> list[str]:
    if right and right[0].lower() == "of" and len(right) > 1:
        rest = [("the" if w.lower() in ("their", "its", "our", "his", "her") else w)
                for w in right[1:]]
        return ["Share", "of"] + _tail(rest)
    return []


def _amount_of(left: list[str], right: list[str]) -> list[str]:
    """The noun phrase an amount belongs to (``agreements worth``, ``Trade ... reached``)."""
    text = " ".join(left)
    value = bool(re.search(r"\bworth\s*$", text))
    prefix = ["Value", "of"] if value else []
    while (m := _LINK.search(text)) and m.start() < len(text):
        text = text[: m.start()].rstrip()
        if not m.group(0).strip():
            break
    words = _WORD.findall(text)
    if not words:
        return _tail(right)
    low = [w.lower() for w in words]
    for i in range(len(low) - 1, -1, -1):
        if low[i] in _VERB_NOUN:
            before = [w for w in words[:i] if w.lower() not in _AUX]
            subject = _subject(before)
            if subject:
                return _VERB_NOUN[low[i]].split() + subject + _tail(right)
            break
    # the noun phrase at the end: back to a verb or the start
    np: list[str] = []
    j = len(words) - 1
    while j >= 0 and not (_looks_verb(low[j]) or low[j] in ("will", "would", "signed", "has",
                                                          "have", "is", "are")):
        np.insert(0, words[j])
        j -= 1
        if np[0].lower() in ("a", "an") and len(np) > 1:
            break  # "will manage a trust fund": the noun phrase starts at its article
    if np and j >= 0 and low[j].endswith("ed"):
        subject = _subject(words[:j])
        if subject:
            return prefix + [w.lower() if prefix else w for w in np] + [low[j], "by"] + subject
    while len(np) > 1 and np[0].lower() in ("a", "an", "the"):
        np = np[1:]
    if np and len(np) == 1 and right and right[0].lower() in _PREPS:
        return np + _tail(right)
    return np or _tail(right)


# ----------------------------------------------------------------------------- finishing


def _tail(words: list[str]) -> list[str]:
    """A modifier after the noun (``in Africa and South Asia``), up to the next verb
    (``along the Mekong | agreed``)."""
    out: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _WHEN or (low in ("on", "this", "last", "next") and i + 1 < len(words)
                            and words[i + 1].lower() in _WHEN):
            break  # "African countries on Thursday": when, not what
        after_to = i and words[i - 1].lower() == "to"
        verb = (low.endswith("ed") and verb_here(words[i - 1], " ".join(words[i + 1:i + 2]))
                or low in PRESENT_VERBS and not after_to or low in ("will", "would"))
        if i and verb:
            break
        out.append(w)
    return out


def _finish(words: list[str]) -> str:
    words = [w for w in words if w]
    if len(words) > MAX_WORDS:
        rest = words[MAX_WORDS].lower()
        words = words[:MAX_WORDS]
        if rest in FUNCTION:  # "small farms hit | by drought": the last word needs the rest
            words = words[:-1]
        if any(w.lower() in ("and", "or") for w in words[-2:]):  # "operators and shipping"
            cut = max(i for i, w in enumerate(words) if w.lower() in ("and", "or"))
            words = words[:cut]
    while words and (words[-1].lower() in FUNCTION or (
            len(words) >= 2 and words[-2].lower() == "to")):
        words = words[:-1] if words[-1].lower() in FUNCTION else words[:-2]
    if not words:
        return ""
    if len(words) > 1 and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    first = words[0]
    if first.islower():
        first = first[0].upper() + first[1:]
    return " ".join([first] + words[1:])

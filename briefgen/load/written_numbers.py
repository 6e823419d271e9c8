"""A figure's value written as a reader says it (``97.2 billion``, ``1.2万亿元``, ``130多``),
split into the fields the schema has for each part.

A brief keeps the number, its scale, its unit and how exact it is in separate fields
(``value``, ``scale``, ``unit``, ``qualifier``), so an author who copies "97.2 billion U.S.
dollars" from a wire story into ``value:`` needs to be told where each word goes, not just that
a number was expected.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefgen.load.schema import Qualifier, Scale

_QUALIFIER_BEFORE = {
    "more than": Qualifier.more_than, "over": Qualifier.over, "nearly": Qualifier.nearly,
    "almost": Qualifier.nearly, "about": Qualifier.about, "around": Qualifier.about,
    "approximately": Qualifier.about, "roughly": Qualifier.about, "some": Qualifier.about,
    "超过": Qualifier.over, "逾": Qualifier.over, "近": Qualifier.nearly,
    "将近": Qualifier.nearly, "约": Qualifier.about,
}
_QUALIFIER_AFTER = {"多": Qualifier.more_than, "余": Qualifier.more_than}
#: Longest first, so 万亿 is not read as 万.
_SCALES = sorted((s.value for s in Scale), key=len, reverse=True)

_WRITTEN = re.compile(
    r"^(?P<before>{before})?\s*(?P<number>[-+]?\d[\d,]*(?:\.\d+)?)\s*"
    r"(?P<after>{after})?\s*(?P<scale>{scales})?\s*(?P<after2>{after})?\s*(?P<unit>.*?)$".format(
        before="|".join(sorted(_QUALIFIER_BEFORE, key=len, reverse=True)),
        after="|".join(_QUALIFIER_AFTER),
        scales="|".join(_SCALES)),
    re.IGNORECASE)


def split_value(text: str, figure: Mapping[str, Any]) -> dict[str, str] | None:
    """The fields to write for ``text`` given as a figure's value (those the figure lacks or
    states differently), or None when ``text`` does not start with a number."""
    found = _WRITTEN.match(text.strip())
    if found is None or re.match(r"[\d.,]", found["unit"]):
        return None  # 1.2.3, 1 2: not a number with words, and no field to put the rest in
    number = found["number"].replace(",", "")
    fields = {"value": number}
    qualifier = _QUALIFIER_BEFORE.get((found["before"] or "").lower()) or \
        _QUALIFIER_AFTER.get(found["after"] or found["after2"] or "")
    scale = next((s for s in _SCALES if found["scale"] and s.lower() == found["scale"].lower()),
                 None)
    unit = found["unit"].strip()
    for name, part in (("scale", scale), ("unit", unit), ("qualifier", qualifier)):
        written = part.value if isinstance(part, Qualifier) else part
        if written and str(figure.get(name) or "") != written:
            fields[name] = written
    return fields


def value_hint(text: str, figure: Mapping[str, Any]) -> str | None:
    """``write value: 97.2 with scale: billion`` for a value written with its words, else None."""
    fields = split_value(text, figure)
    if fields is None:
        return None
    parts = [f"{name}: {written}" for name, written in fields.items()]
    rest = ", ".join(parts[1:-1]) + " and " + parts[-1] if len(parts) > 2 else "".join(parts[1:])
    return f"write {parts[0]}" + (f" with {rest}" if rest else "")

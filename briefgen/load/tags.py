"""The tag vocabulary: which tags the audience profiles act on, read from the profiles themselves.

A brief's ``tags`` are free words, but a profile only acts on the ones its rules name
(``tag:news`` in ``sections``, ``tag:headline`` in ``figures`` or ``slides.kpi``...). Nobody
should have to learn that list from our example brief, so it is derived here from the profile
files, never kept by hand, and shown where users look: docs/schema.md, the ``briefgen new``
scaffold, ``briefgen profiles show`` and ``briefgen validate``'s warnings.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from briefgen.errors import Problem
from briefgen.load.profile import Profile, builtin_profiles, load_profile

Kind = Literal["section", "figure", "chart"]
KINDS: tuple[Kind, ...] = ("section", "figure", "chart")
#: The brief's list that holds each kind of item.
LISTS: dict[Kind, str] = {"section": "sections", "figure": "figures", "chart": "charts"}
#: Which kind a rule acts on, by where it sits in a profile; a rule anywhere else (a key a
#: later profile format adds) counts for every kind, so it never causes a false warning.
_RULE_KINDS: dict[tuple[str, ...], tuple[Kind, ...]] = {
    ("sections",): ("section",), ("section_budgets",): ("section",),
    ("figures",): ("figure",), ("slides", "kpi"): ("figure",), ("charts",): ("chart",),
}
#: How alike an unknown tag and a known one must be to suggest the known one (difflib's ratio).
#: Typos score 0.85-0.96 (conectivity/connectivity 0.96, trde/trade 0.89); distinct words that
#: share letters stay under it (zones/news 0.67).
TYPO_CUTOFF = 0.8
PREFIX = "tag:"


def _selectors(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every ``tag:NAME`` in a profile's data (list items and mapping keys), with its path."""
    if isinstance(value, str):
        if value.startswith(PREFIX) and value[len(PREFIX):]:
            yield path, value[len(PREFIX):]
    elif isinstance(value, Mapping):
        for key, inner in value.items():
            yield from _selectors(key, path)
            yield from _selectors(inner, (*path, str(key)))
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _selectors(inner, path)


def _kinds_at(path: tuple[str, ...]) -> tuple[Kind, ...]:
    for prefix, kinds in _RULE_KINDS.items():
        if path[:len(prefix)] == prefix:
            return kinds
    return KINDS


@dataclass(frozen=True)
class Vocabulary:
    """Per kind, each tag some profile acts on and the ids of the profiles that do."""

    tags: Mapping[Kind, Mapping[str, tuple[str, ...]]]

    @classmethod
    def of(cls, profiles: Iterable[Profile]) -> Vocabulary:
        found: dict[Kind, dict[str, list[str]]] = {k: {} for k in KINDS}
        for profile in profiles:
            for path, tag in _selectors(profile.model_dump(mode="json")):
                for kind in _kinds_at(path):
                    users = found[kind].setdefault(tag, [])
                    if profile.id not in users:
                        users.append(profile.id)
        return cls({k: {t: tuple(found[k][t]) for t in sorted(found[k])} for k in KINDS})

    def names(self, kind: Kind) -> list[str]:
        return list(self.tags[kind])

    def suggestion(self, tag: str, kind: Kind) -> str | None:
        """The known tag ``tag`` is probably a typo of: of its own kind first, then any kind.

        None when ``tag`` is itself known for another kind (a figure tagged like its section
        is a habit, not a typo) or resembles nothing known.
        """
        every = sorted({t for k in KINDS for t in self.names(k)})
        if tag in every:
            return None
        for pool in (self.names(kind), every):
            close = difflib.get_close_matches(tag, pool, n=1, cutoff=TYPO_CUTOFF)
            if close:
                return close[0]
        return None

    def lines(self, indent: str = "") -> list[str]:
        """One line per kind: "sections: aid, background, communique, ..."."""
        return [f"{indent}{LISTS[k]}: {', '.join(self.names(k)) or '(none)'}" for k in KINDS]


def builtin_vocabulary() -> Vocabulary:
    """The vocabulary of the built-in profiles (templates/profiles/*.yaml)."""
    return Vocabulary.of(load_profile(name) for name in builtin_profiles())


@dataclass(frozen=True)
class TagReport:
    """What a brief's tags mean to the profiles: likely typos, and tags no profile acts on."""

    typos: tuple[Problem, ...]  # located, each with a did-you-mean
    unused: tuple[str, ...]  # tags no profile acts on, for any kind, and like no known tag


#: Makes a located Problem from a field path, a message and a hint (problem_at on the brief).
Locate = Callable[[tuple[str | int, ...], str, str], Problem]


def check_tags(data: Any, vocabulary: Vocabulary, locate: Locate) -> TagReport:
    """Compare the tags of a brief's sections, figures and charts with ``vocabulary``.

    ``data`` is the brief as loaded from YAML (its lists of mappings) and ``locate`` turns a
    field path into a Problem (``load.validate.problem_at`` bound to the brief's source).
    """
    typos: list[Problem] = []
    unused: dict[str, None] = {}
    for kind in KINDS:
        known = vocabulary.tags[kind]
        items = data.get(LISTS[kind]) if isinstance(data, Mapping) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            tags = item.get("tags") if isinstance(item, Mapping) else None
            for j, tag in enumerate(tags if isinstance(tags, list) else []):
                tag = str(tag)
                if tag in known:
                    continue
                close = vocabulary.suggestion(tag, kind)
                if close is None:
                    if not any(tag in vocabulary.tags[k] for k in KINDS):
                        unused[tag] = None
                    continue
                typos.append(locate((LISTS[kind], i, "tags", j),
                                    f"warning: no profile selects {LISTS[kind]} by tag {tag!r}",
                                    f"did you mean {close!r}?"))
    return TagReport(tuple(typos), tuple(unused))

"""Profile selectors (``*``, ``tag:NAME``, plain ids) as preferences or as an explicit filter.

A profile serves every brief, and most briefs carry no tags a profile knows (or none at all). So
a rule only ranks: what ``prefer`` matches comes first, in the rules' order, and the planner's
content ranking fills the rest of the budget. Only ``only`` filters; that is the profile
author's choice, never the accident of a missing tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from briefgen.errors import InputError
from briefgen.load.profile import Select


class Tagged(Protocol):
    id: str
    tags: list[str]


T = TypeVar("T", bound=Tagged)


@dataclass(frozen=True)
class Pick(Generic[T]):
    """A chosen item and why: ``rule tag:news``, ``only trade``, ``ranked 0.83``..."""

    item: T
    reason: str


def matched(items: Sequence[T], rules: Sequence[str], what: str = "item",
            owner: str = "profile", verb: str = "rule") -> list[Pick[T]]:
    """Items matched by ``rules`` in the rules' order (each once), with the rule as reason.

    ``*`` matches every item, in source order; ``tag:NAME`` the items carrying the tag (none is
    fine: a profile serves many briefs); a plain id must exist, else InputError.
    """
    chosen: list[Pick[T]] = []
    seen: set[str] = set()
    by_id = {item.id: item for item in items}

    def add(item: T, rule: str) -> None:
        if item.id not in seen:
            seen.add(item.id)
            chosen.append(Pick(item, f"{verb} {rule}"))

    for rule in rules:
        if rule == "*":
            for item in items:
                add(item, rule)
        elif rule.startswith("tag:"):
            for item in items:
                if rule[4:] in item.tags:
                    add(item, rule)
        elif rule in by_id:
            add(by_id[rule], rule)
        else:
            raise InputError.single(owner, f"names {what} {rule!r}, which the brief does not have",
                                    hint=f"use one of {', '.join(sorted(by_id))} or tag:NAME")
    return chosen


def choose(items: Sequence[T], rule: Select, ranked: Sequence[Pick[T]], what: str = "item",
           owner: str = "profile") -> list[Pick[T]]:
    """The items a profile gets, most important first, capped at ``rule.max``.

    With ``rule.only`` just what it matches; otherwise what ``rule.prefer`` matches, then the
    rest in the order of ``ranked`` (the planner's content ranking, with its reasons).
    """
    if rule.only is not None:
        out = matched(items, rule.only, what, owner, "only")
    else:
        out = matched(items, rule.prefer, what, owner)
        seen = {p.item.id for p in out}
        out += [p for p in ranked if p.item.id not in seen]
    return out if rule.max is None else out[:rule.max]


def select(items: Sequence[T], include: Sequence[str], limit: int | None = None,
           what: str = "item", owner: str = "profile") -> list[T]:
    """Items matched by ``include`` in its order (each once), capped at ``limit``: a filter."""
    chosen = [p.item for p in matched(items, include, what, owner)]
    return chosen if limit is None else chosen[:limit]

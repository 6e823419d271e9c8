"""Profile selectors: ``*``, ``tag:NAME`` and plain ids, applied in the profile's order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from briefgen.errors import InputError


class Tagged(Protocol):
    id: str
    tags: list[str]


T = TypeVar("T", bound=Tagged)


def select(items: Sequence[T], include: Sequence[str], limit: int | None = None,
           what: str = "item", owner: str = "profile") -> list[T]:
    """Items matched by ``include`` in its order (each once), capped at ``limit``.

    ``*`` adds every item not yet chosen, in source order; ``tag:NAME`` adds items carrying the
    tag (none is fine: a profile serves many briefs); a plain id must exist, else InputError.
    """
    chosen: list[T] = []
    seen: set[str] = set()
    by_id = {item.id: item for item in items}

    def add(item: T) -> None:
        if item.id not in seen:
            seen.add(item.id)
            chosen.append(item)

    for entry in include:
        if entry == "*":
            for item in items:
                add(item)
        elif entry.startswith("tag:"):
            tag = entry[4:]
            for item in items:
                if tag in item.tags:
                    add(item)
        elif entry in by_id:
            add(by_id[entry])
        else:
            raise InputError.single(owner, f"names {what} {entry!r}, which the brief does not have",
                                    hint=f"use one of {', '.join(sorted(by_id))} or tag:NAME")
    return chosen if limit is None else chosen[:limit]

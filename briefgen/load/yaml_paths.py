"""Where a value sits in a YAML file: a field path, and how messages write it.

Its own module so that both the reader (:mod:`yaml_source`) and the slips it explains
(:mod:`yaml_slips`) can use it without importing each other.
"""

from __future__ import annotations

#: A field path: mapping keys and list indexes from the root, ``("sections", 3, "title")``.
Loc = tuple[str | int, ...]


def field_path(loc: Loc) -> str:
    """``("sections", 3, "title")`` -> ``sections[3].title``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out

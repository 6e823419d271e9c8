"""Write the draft brief as YAML with comments, check it loads, and put it in place.

The YAML is laid out by hand so that comments can sit anywhere (``# from: <sentence>`` above a
figure, ``# check: label`` at the end of a line); each scalar is rendered by PyYAML's safe
dumper, so quoting is always right. ruamel.yaml could do both, but its comment API works on
parsed documents and would add a dependency for what is one screen of code here. Output depends
only on the input file, so two runs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import BriefgenError, InputError
from briefgen.ingest.assemble import Note, assemble
from briefgen.ingest.clean import blocks_from_lines
from briefgen.ingest.read import read_source
from briefgen.ingest.structure import outline
from briefgen.load.brief import load_brief
from briefgen.write import temporary_sibling

HEADER = """\
# Draft brief made by `briefgen ingest` from {name}.
# Every value was guessed from the text: read the lines marked "# check:", fix what is wrong,
# then run `briefgen validate` on this file. "# from:" names the sentence a figure came from.
"""


class DraftError(BriefgenError):
    """The draft did not load: a fault in ingest, not in the user's file."""


@dataclass(frozen=True)
class Draft:
    """A draft brief's YAML text and the id it proposes."""

    text: str
    brief_id: str


def ingest(path: Path) -> Draft:
    """Read ``path`` and return the draft brief (raises InputError for unreadable input)."""
    blocks = blocks_from_lines(read_source(path))
    if not any(b.text.strip() for b in blocks):
        raise InputError.single(path, "no text found", hint="nothing to ingest")
    data = assemble(outline(blocks, fallback_title=path.stem), path)
    text = HEADER.format(name=path.name) + to_yaml(data)
    return Draft(text, data["meta"]["id"].value)


def write_draft(draft: Draft, target: Path) -> Path:
    """Write ``draft`` to ``target`` (a brief.yaml path) after checking that it loads."""
    with temporary_sibling(target) as tmp:
        tmp.write_text(draft.text, "utf-8")
        try:
            load_brief(tmp)
        except InputError as exc:
            raise DraftError(f"the draft does not load: {exc}") from None
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    return target


# ----------------------------------------------------------------------------- YAML


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML of ``data`` (dicts, lists, scalars, Notes), blank line between parts."""
    lines: list[str] = []
    for key, value in data.items():
        if lines:
            lines.append("")
        lines += _entry(key, value, 0)
    return "\n".join(lines) + "\n"


def _entry(key: str, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    note = value if isinstance(value, Note) else Note(value)
    out = [f"{pad}# {c}" for c in note.before]
    v = note.value
    tail = f"  # {note.after}" if note.after else ""
    if isinstance(v, dict):
        return out + [f"{pad}{key}:{tail}"] + _mapping(v, indent + 2)
    if isinstance(v, list) and v and not _flow(v):
        return out + [f"{pad}{key}:{tail}"] + _sequence(v, indent + 2)
    return out + [f"{pad}{key}: {_scalar(v)}{tail}"]


def _mapping(d: dict[str, Any], indent: int) -> list[str]:
    out: list[str] = []
    for key, value in d.items():
        out += _entry(key, value, indent)
    return out


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for item in items:
        note = item if isinstance(item, Note) else Note(item)
        out += [f"{pad}# {c}" for c in note.before]
        v = note.value
        if isinstance(v, dict):
            body = _mapping(v, indent + 2)
            first = body.index(next(line for line in body if not line.lstrip().startswith("#")))
            out += body[:first] + [pad + "- " + body[first][indent + 2:]] + body[first + 1:]
        else:
            tail = f"  # {note.after}" if note.after else ""
            out.append(f"{pad}- {_scalar(v)}{tail}")
    return out


def _flow(items: list[Any]) -> bool:
    """Short lists of short scalars (ids, tags) read best on one line."""
    plain = [i.value if isinstance(i, Note) else i for i in items]
    return all(isinstance(i, str) and len(i) <= 40 for i in plain) and len(plain) <= 20 and all(
        not isinstance(i, Note) or not (i.before or i.after) for i in items)


def _scalar(v: Any) -> str:
    if isinstance(v, Note):
        v = v.value
    if isinstance(v, list):
        return "[" + ", ".join(_scalar(i) for i in v) + "]"
    if isinstance(v, dt.date):
        return v.isoformat()
    text = yaml.safe_dump(v, allow_unicode=True, width=2**31 - 1, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()

"""``briefgen schema``: JSON Schema of brief.yaml (or of a profile), for editor completion.

The schema comes from the pydantic models, so it cannot drift from what ``load_brief`` accepts.
Two adjustments make it match the loader rather than pydantic's idea of the input:

- a few fields are read as text when YAML gives a number (``period: 2016``, a timeline
  ``date: 2013``), so the schema allows integers there too;
- a profile that ``extends`` a built-in needs only the keys it changes, so required keys are
  enforced only for a profile without ``extends``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

HELP = "print the JSON Schema of brief.yaml (or of a profile) for editors"
DESCRIPTION = """\
Print the JSON Schema of a brief (or, with --profile, of an audience profile). Editors with a
YAML language server use it for completion, hover help and checks while typing."""
EPILOG = """\
examples:
  briefgen schema > brief.schema.json
  briefgen schema --profile > profile.schema.json

Then make this the first line of brief.yaml (VS Code's YAML extension and
other editors with the YAML language server read it):
  # yaml-language-server: $schema=brief.schema.json
'briefgen new' writes brief.schema.json and that line for you."""

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: (model, field) pairs the loader turns from a YAML integer into text.
INTEGER_AS_TEXT = {("Figure", "period"), ("TimelineEvent", "date")}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", action="store_true",
                   help="the schema of an audience profile instead of a brief")
    p.add_argument("--indent", type=int, default=2, metavar="N",
                   help="spaces per indent level (default: 2; 0 for one line)")


def brief_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of brief.yaml."""
    from briefgen.load.schema import Brief

    schema = Brief.model_json_schema()
    for (model, field) in INTEGER_AS_TEXT:
        _allow_integer(schema["$defs"][model]["properties"][field])
    return {"$schema": DRAFT, **schema}


def profile_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of an audience profile, full or ``extends``-ing a built-in."""
    from briefgen.load.profile import Profile

    schema = Profile.model_json_schema()
    required = schema.pop("required", [])
    for definition in schema.get("$defs", {}).values():
        definition.pop("required", None)  # nested keys are merged with the built-in's
    schema["if"] = {"not": {"required": ["extends"]}}
    schema["then"] = {"required": required}
    return {"$schema": DRAFT, **schema}


def _allow_integer(prop: dict[str, Any]) -> None:
    if "anyOf" in prop:
        prop["anyOf"].append({"type": "integer"})
        return
    text = {k: prop.pop(k) for k in list(prop) if k in ("type", "pattern", "maxLength",
                                                         "minLength", "format")}
    prop["anyOf"] = [text, {"type": "integer"}]


def run(args: argparse.Namespace) -> int:
    schema = profile_schema() if args.profile else brief_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=args.indent or None))
    return 0

"""Generate the Markdown schema reference (docs/schema.md) from the pydantic models.

``python -m briefgen.load.schema_doc > docs/schema.md``; a test checks the file is current, so
the reference never drifts from the code.
"""

from __future__ import annotations

import enum
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from briefgen.load.profile import Profile
from briefgen.load.schema import Brief


def _type_name(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (list, tuple):
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"mapping {_type_name(args[0])} → {_type_name(args[1])}"
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if args and (origin is typing.Union or str(origin) == "<class 'types.UnionType'>"):
        names = [_type_name(a) for a in args if a is not type(None)]
        return " or ".join(names) + (" (optional)" if type(None) in args else "")
    if origin is typing.Annotated:
        return _type_name(args[0])
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return " \\| ".join(f"`{m.value}`" for m in annotation)
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


def _models(root: type[BaseModel]) -> list[type[BaseModel]]:
    """``root`` and every model it contains, in first-use order."""
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for inner in _inner_models(info.annotation):
                visit(inner)

    visit(root)
    return seen


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in _inner_models(a)]


def _row(name: str, info: FieldInfo) -> str:
    required = "yes" if info.is_required() else "no"
    desc = (info.description or "").replace("|", "\\|")
    return f"| `{name}` | {_type_name(info.annotation)} | {required} | {desc} |"


def tag_table() -> list[str]:
    """The tags the built-in profiles select on, per kind of item, from the profile files."""
    from briefgen.load.tags import KINDS, LISTS, builtin_vocabulary

    vocabulary = builtin_vocabulary()
    tags = sorted({t for k in KINDS for t in vocabulary.tags[k]})
    lines = ["## Tags", "",
             "`tags` on sections, figures and charts are your own words. A profile acts only on "
             "the tags its rules name (`tag:NAME` in `sections`, `figures`, `charts`, "
             "`slides.kpi`); the built-in profiles name these (generated from "
             "`templates/profiles/`). Other tags are kept and change nothing; "
             "`briefgen validate` warns about a tag that looks like a typo of one of these.", "",
             "| tag | " + " | ".join(LISTS[k] for k in KINDS) + " |",
             "|---|" + "---|" * len(KINDS)]
    for tag in tags:
        cells = [", ".join(vocabulary.tags[k].get(tag, ())) or "—" for k in KINDS]
        lines.append(f"| `{tag}` | " + " | ".join(cells) + " |")
    return [*lines, ""]


def render(roots: tuple[type[BaseModel], ...] = (Brief, Profile)) -> str:
    lines = ["# Schema reference", "",
             "Generated from the models in `briefgen/load/` by "
             "`python -m briefgen.load.schema_doc > docs/schema.md`. Unknown keys are errors.", ""]
    for root in roots:
        for model in _models(root):
            lines += [f"## {model.__name__}", "", (model.__doc__ or "").strip().splitlines()[0],
                      "", "| field | type | required | meaning |", "|---|---|---|---|"]
            lines += [_row(n, i) for n, i in model.model_fields.items()]
            lines.append("")
        if root is Brief:
            lines += tag_table()
    return "\n".join(lines)


if __name__ == "__main__":
    print(render())

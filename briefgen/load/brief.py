"""Load a brief: find the file, parse it safely, validate schema and references.

Validation collects every problem it can before raising, in file order:

1. the file itself (size, encoding, YAML syntax) stops at the first problem: nothing after a
   syntax error can be trusted;
2. schema problems (every one pydantic finds) and control characters in any text are reported
   together;
3. references (ids, cross-references, chart data, picture paths) are checked only when the
   schema passes, because they need a well-formed brief to follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError
from briefgen.load.references import check_paths, check_references, check_text
from briefgen.load.schema import Brief
from briefgen.load.validate import in_file_order, validate_model
from briefgen.load.yaml_source import load_yaml


@dataclass(frozen=True)
class LoadedBrief:
    """A valid brief and the folder its relative paths are confined to."""

    brief: Brief
    path: Path

    @property
    def folder(self) -> Path:
        return self.path.parent


def resolve_brief_path(path: Path) -> Path:
    """``brief.yaml`` itself, or the ``brief.yaml`` inside a folder."""
    if path.is_dir():
        return path / "brief.yaml"
    return path


def load_brief(path: Path) -> LoadedBrief:
    """Parse and validate the brief at ``path`` (a file or its folder); raise InputError."""
    path = resolve_brief_path(path)
    src = load_yaml(path)
    text = check_text(src)
    try:
        brief = validate_model(src, Brief)
    except InputError as exc:
        raise InputError(in_file_order(exc.problems + text)) from None
    problems = check_references(brief, src) + check_paths(brief, src, path.parent) + text
    if problems:
        raise InputError(in_file_order(problems))
    return LoadedBrief(brief=brief, path=path)

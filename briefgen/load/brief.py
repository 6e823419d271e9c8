"""Load a brief: find the file, parse it safely, validate schema and references."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError
from briefgen.load.references import check_paths, check_references
from briefgen.load.schema import Brief
from briefgen.load.validate import validate_model
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
    brief = validate_model(src, Brief)
    problems = check_references(brief, src) + check_paths(brief, src, path.parent)
    if problems:
        raise InputError(problems)
    return LoadedBrief(brief=brief, path=path)

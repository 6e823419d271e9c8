"""briefgen: audience-specific Word briefings and PowerPoint decks from structured event content.

One call builds everything::

    import briefgen
    briefgen.build(brief="my-event", audiences=["executive", "press"], out="out")

or take the steps one at a time (load -> plan -> render), to inspect or change the plan::

    loaded = briefgen.load_brief("my-event")           # LoadedBrief, or InputError
    plan = briefgen.plan_for(loaded, briefgen.load_profile("press"))   # DocPlan

Names are imported on first use (PEP 562), so ``import briefgen`` costs almost nothing and a
script that only validates never loads python-docx, python-pptx or matplotlib.
"""

from __future__ import annotations

import importlib
from os import PathLike
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> module that defines it, imported on first use.
_LAZY = {
    "build": "briefgen.pipeline",
    "Output": "briefgen.pipeline",
    "LoadedBrief": "briefgen.load.brief",
    "Profile": "briefgen.load.profile",
    "builtin_profiles": "briefgen.load.profile",
    "Brief": "briefgen.load.schema",
    "plan_for": "briefgen.plan.audience",
    "DocPlan": "briefgen.plan.model",
    "BriefgenError": "briefgen.errors",
    "InputError": "briefgen.errors",
    "Problem": "briefgen.errors",
}

__all__ = [
    "Brief",
    "BriefgenError",
    "DocPlan",
    "InputError",
    "LoadedBrief",
    "Output",
    "Problem",
    "Profile",
    "__version__",
    "build",
    "builtin_profiles",
    "example_brief",
    "load_brief",
    "load_profile",
    "plan_for",
]

if TYPE_CHECKING:
    from pathlib import Path

    from briefgen.errors import BriefgenError, InputError, Problem
    from briefgen.load.brief import LoadedBrief
    from briefgen.load.profile import Profile, builtin_profiles
    from briefgen.load.schema import Brief
    from briefgen.pipeline import Output, build
    from briefgen.plan.audience import plan_for
    from briefgen.plan.model import DocPlan


def load_brief(path: str | PathLike[str]) -> LoadedBrief:
    """Parse and validate a brief (``brief.yaml`` or its folder).

    :raises InputError: with ``.problems``, one located :class:`Problem` per mistake found.
    """
    from pathlib import Path

    from briefgen.load.brief import load_brief as load

    return load(Path(path))


def load_profile(name_or_path: str | PathLike[str]) -> Profile:
    """A built-in profile by id (``"press"``), or a profile file, which may ``extends:`` one.

    :raises InputError: for a bad file; an unknown id is read as a file name that is missing.
    """
    from pathlib import Path

    from briefgen.load.profile import builtin_profiles
    from briefgen.load.profile import load_profile as load

    if isinstance(name_or_path, str) and name_or_path in builtin_profiles():
        return load(name_or_path)
    return load(Path(name_or_path))


def example_brief() -> Path:
    """The bundled example brief (Belt and Road Forum 2017, in Chinese): what the CLI builds
    when no brief is given."""
    from briefgen.resources import default_brief

    return default_brief()


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

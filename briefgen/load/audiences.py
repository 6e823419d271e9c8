"""Which profiles a build makes files for: audience names and profile files, resolved.

Errors name the parameter at fault (``audiences``), as a library caller knows it; the command
line maps parameter names to its flags (:mod:`briefgen.commands.build`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefgen.errors import InputError
from briefgen.load.profile import Profile, builtin_profiles, load_profile

#: What ``all`` stands for, in build order.
BUILTIN_AUDIENCES = ("executive", "press", "academic")


def resolve_profiles(audiences: Sequence[str], profile_files: Sequence[Path]) -> list[Profile]:
    """Profiles for ``audiences`` (``all`` = the three built-ins) and the user's profile files.

    A custom profile is built whether or not ``audiences`` names it; naming it sets its place.

    :raises InputError: for an audience that is neither built in nor in ``profile_files``.
    """
    custom = {p.id: p for p in (load_profile(Path(f)) for f in profile_files)}
    builtins = builtin_profiles()
    names: list[str] = []
    for name in audiences:
        names += list(BUILTIN_AUDIENCES) if name == "all" else [name]
    profiles: list[Profile] = []
    for name in dict.fromkeys(names):
        if name in custom:
            profiles.append(custom.pop(name))
        elif name in builtins:
            profiles.append(load_profile(name))
        else:
            raise InputError.single("audiences", f"unknown audience {name!r}",
                                    hint=f"use {', '.join([*builtins, *custom])}, all, "
                                         "or a profile in profile_files")
    return profiles + list(custom.values())

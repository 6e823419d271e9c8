"""``briefgen profiles``: the built-in audiences, and the YAML behind each."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import InputError

if TYPE_CHECKING:
    from briefgen.load.profile import Profile

HELP = "list the built-in audience profiles, or show one as YAML"
DESCRIPTION = """\
An audience profile decides what one audience gets: which sections, in which order, how long
the summaries are, which figures and charts, and the shape of the deck. 'briefgen profiles'
lists the built-ins; 'briefgen profiles show NAME' prints one, ready to copy into a file of your
own that starts with 'extends: NAME' and changes only what differs, and ends with the tags it
selects sections, figures and charts on, as comments."""
EPILOG = """\
examples:
  briefgen profiles
  briefgen profiles show press         the press profile, as shipped
  briefgen profiles show desk.yaml     a profile file, merged with its base

A profile of your own (desk.yaml) needs only what differs:
  extends: press
  id: trade-desk
  sections: [tag:trade, tag:news]
and is built with: briefgen -p desk.yaml -a trade-desk"""


def configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION", title="actions",
                           description="(none given: list)")
    sub.add_parser("list", help="list the built-in profiles (the default)",
                   description="List the built-in profiles: id, name and purpose.")
    show = sub.add_parser("show", help="print a profile as YAML",
                          description="Print a built-in profile's YAML file, or a custom "
                                      "profile file merged with the profile it extends.")
    show.add_argument("name", metavar="NAME",
                      help="a built-in id (executive, press, academic) or a profile file"
                      ).completer = _complete_names  # type: ignore[attr-defined]


def _complete_names(**_: object) -> list[str]:
    from briefgen.load.profile import builtin_profiles

    return list(builtin_profiles())


def purpose(path: Path) -> str:
    """The profile file's opening comment: one line on whom it serves."""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
        if line.strip():
            break
    return ""


def listing() -> str:
    """One line per built-in: id, English and Chinese names, purpose."""
    from briefgen.load.profile import builtin_profiles, load_profile

    rows = []
    for name, path in builtin_profiles().items():
        profile = load_profile(name)
        rows.append((name, f"{profile.name['en']} / {profile.name['zh']}", purpose(path)))
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    return "\n".join(f"{r[0].ljust(widths[0])}  {r[1].ljust(widths[1])}  {r[2]}".rstrip()
                     for r in rows)


def show(name: str) -> str:
    """A built-in's YAML as shipped, or a custom file merged and validated, as YAML; then, as
    comments, the tags it selects on (what a brief's tags must say for it to act on them)."""
    from briefgen.load.profile import builtin_profiles, load_profile

    builtins = builtin_profiles()
    if name in builtins:
        return builtins[name].read_text("utf-8") + tag_comment(load_profile(name))
    path = Path(name)
    if not path.is_file():
        raise InputError.single(name, "no built-in profile or profile file of this name",
                                hint=f"built-ins: {', '.join(builtins)}")
    import yaml

    profile = load_profile(path)
    data = profile.model_dump(mode="json", exclude_none=True)
    return f"# {path}, merged with what it extends\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100) + tag_comment(profile)


def tag_comment(profile: Profile) -> str:
    """YAML comment lines: the tags ``profile`` selects sections, figures and charts on."""
    from briefgen.load.tags import Vocabulary

    lines = Vocabulary.of([profile]).lines("#   ")
    return ("\n# Tags this profile selects on (a brief's other tags change nothing):\n"
            + "\n".join(lines) + "\n")


def run(args: argparse.Namespace) -> int:
    print(show(args.name) if args.action == "show" else listing(), end="")
    if args.action != "show":
        print()
    return 0

"""Safe YAML reading that remembers where every value came from.

Briefs are edited by hand under deadline, so an error must name the line. We compose the YAML
node tree (which carries positions), build plain Python data from it with PyYAML's safe
constructor, and keep the tree to map a field path such as ``("sections", 3, "title")`` back to a
line and column. Aliases are refused outright (no alias bombs), and size and depth are capped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import InputError

MAX_BYTES = 2_000_000
MAX_DEPTH = 20

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlSource:
    """Parsed YAML data plus its node tree, for locating fields."""

    path: Path
    data: Any
    root: yaml.Node | None

    def locate(self, loc: Loc) -> tuple[int, int] | None:
        """1-based (line, column) of the deepest node on ``loc`` that exists in the file."""
        node = self.root
        if node is None:
            return None
        mark = node.start_mark
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            mark = node.start_mark
        return mark.line + 1, mark.column + 1


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a small UTF-8 text file with a one-line reason."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(path, "file not found") from None
    except IsADirectoryError:
        raise InputError.single(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError.single(path, f"cannot read: {exc.strerror}") from None
    if len(raw) > MAX_BYTES:
        raise InputError.single(path, f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError.single(path, "file is UTF-16 text", hint="save it as UTF-8")
    if b"\x00" in raw:
        raise InputError.single(path, "file is binary, not YAML text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(path, "file is not UTF-8 text (GBK or another legacy encoding?)",
                                line=line, hint="save it as UTF-8") from None


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors/aliases and deep nesting while composing."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed in briefs",
                                       event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                           self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(path: Path) -> YamlSource:
    """Read and parse ``path`` safely; every failure is an InputError naming line and column."""
    text = read_text(path)
    loader = _NoAliasLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        hint = None
        tag = re.search(r"tag '?tag:yaml\.org,2002:([^'\s]+)", problem) or re.search(
            r"tag '?(![^'\s]*)", problem)
        if "constructor for the tag" in problem and tag:
            name = tag.group(1)
            problem = f"tag {'!!' + name if not name.startswith('!') else name} is not allowed"
            hint = "briefs are plain data: remove the tag"
        raise InputError.single(path, problem, line=mark.line + 1 if mark else None,
                                col=mark.column + 1 if mark else None, hint=hint) from None
    except yaml.YAMLError as exc:
        raise InputError.single(path, f"invalid YAML: {exc}".splitlines()[0]) from None
    finally:
        loader.dispose()
    return YamlSource(path=path, data=data, root=root)

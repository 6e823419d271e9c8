"""Safe YAML reading that remembers where every value came from.

Briefs are edited by hand under deadline, so an error must name the line. We compose the YAML
node tree (which carries positions), build plain Python data from it with PyYAML's safe
constructor, and keep the tree to map a field path such as ``("sections", 3, "title")`` back to a
line and column.

What is refused, each with a located one-line reason:

- files over :data:`MAX_BYTES`, UTF-16, binary (NUL bytes) and non-UTF-8 (GBK) files;
- aliases (``*name``), outright: a brief has no use for them, and refusing them is the simplest
  defence against alias bombs ("billion laughs"). Anchors alone are harmless and allowed;
- nesting deeper than :data:`MAX_DEPTH`;
- tags beyond plain data: ``!!python/...``, ``!!binary``, ``!!set``, ``!!omap``, ``!!pairs``
  and any local ``!tag``;
- a key given twice in one mapping (PyYAML would silently keep the last one, losing text);
- dates that do not exist (``2017-02-30``) and control characters YAML itself cannot carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from briefgen.errors import InputError

MAX_BYTES = 2_000_000
MAX_DEPTH = 20

Loc = tuple[str | int, ...]

#: Tags the safe constructor knows but a brief has no use for.
_REFUSED_TAGS = ("binary", "set", "omap", "pairs")


@dataclass(frozen=True)
class YamlSource:
    """Parsed YAML data plus its node tree, for locating fields."""

    path: Path
    data: Any
    root: yaml.Node | None

    def locate(self, loc: Loc, key: bool = False) -> tuple[int, int] | None:
        """1-based (line, column) of the deepest node on ``loc`` that exists in the file.

        With ``key``, a path ending in a mapping key gives the key's position, not its value's
        (an unknown field is pointed at by its name).
        """
        node = self.root
        if node is None:
            return None
        mark = node.start_mark
        for i, part in enumerate(loc):
            last = i == len(loc) - 1
            if key and last and isinstance(node, yaml.MappingNode):
                name = _key(node, part)
                if name is not None:
                    mark = name.start_mark
                    break
            child = _child(node, part)
            if child is None:
                break
            node = child
            mark = node.start_mark
        return mark.line + 1, mark.column + 1


def _key(node: yaml.MappingNode, part: str | int) -> yaml.Node | None:
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == str(part):
            return key
    return None


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a one-line InputError: missing, a folder, unreadable, too big.

    The size is checked before reading, so a huge file is never loaded, and again after, for a
    file that grew or a FIFO.
    """
    def too_big(size: int) -> InputError:
        return InputError.single(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")

    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise too_big(size)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(path, "file not found") from None
    except IsADirectoryError:
        raise InputError.single(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError.single(path, f"cannot read: {exc.strerror}") from None
    if len(raw) > max_bytes:
        raise too_big(len(raw))
    return raw


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a small UTF-8 text file with a one-line reason."""
    raw = read_capped(path, MAX_BYTES)
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


class _Refused(ConstructorError):
    """A construct we refuse, with a hint for the one-line message."""

    def __init__(self, problem: str, mark: yaml.Mark, hint: str | None = None) -> None:
        super().__init__(None, None, problem, mark)
        self.hint = hint


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, deep nesting, duplicate keys and non-data tags."""

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

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], yaml.Node] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode):
                first = seen.setdefault((key.tag, key.value), key)
                if first is not key:
                    raise _Refused(f"key {key.value!r} appears twice in this mapping",
                                   key.start_mark,
                                   f"first on line {first.start_mark.line + 1}; keep one")
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _Refused(f"{node.value!r} is not a real date", node.start_mark,
                           "check the day and month") from None


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)
for _tag in _REFUSED_TAGS:
    _SafeLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _SafeLoader.construct_undefined)


def _tag_problem(problem: str) -> tuple[str, str | None]:
    """``could not determine a constructor for the tag ...`` -> a short message and a hint."""
    tag = re.search(r"tag '?tag:yaml\.org,2002:([^'\s]+)", problem) or re.search(
        r"tag '?(![^'\s]*)", problem)
    if "constructor for the tag" in problem and tag:
        name = tag.group(1)
        shown = name if name.startswith("!") else "!!" + name
        return f"tag {shown} is not allowed", "briefs are plain data: remove the tag"
    return problem, None


def load_yaml(path: Path) -> YamlSource:
    """Read and parse ``path`` safely; every failure is an InputError naming line and column."""
    text = read_text(path)
    loader = None
    try:
        loader = _SafeLoader(text)  # the reader checks for unprintable characters here
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem, hint = _tag_problem((exc.problem or exc.context or "invalid YAML").strip())
        hint = getattr(exc, "hint", None) or hint
        raise InputError.single(path, problem, line=mark.line + 1 if mark else None,
                                col=mark.column + 1 if mark else None, hint=hint) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError.single(path, f"contains the control character U+{char:04X}, which YAML "
                                      "cannot hold", line=line, col=col,
                                hint="delete it") from None
    except yaml.YAMLError as exc:
        raise InputError.single(path, f"invalid YAML: {exc}".splitlines()[0]) from None
    except RecursionError:  # nesting is capped above; this is a last line of defence
        raise InputError.single(path, "nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlSource(path=path, data=data, root=root)

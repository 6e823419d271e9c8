"""Safe YAML reading that remembers where every value came from.

Briefs are edited by hand under deadline, so an error must name the line. We compose the YAML
node tree (which carries positions), build plain Python data from it with PyYAML's safe
constructor, and use the tree to map a field path such as ``("sections", 3, "title")`` back to a
line and column.

Two parsers share the composer and every check below. libyaml (PyYAML's C scanner and parser)
reads a file several times faster and builds the data. The pure-Python parser is the reference
for every message: it reads a file libyaml refuses, and it builds the tree that locates
problems, only when there is one to locate. Where the two disagree about a position (an empty
value: end of its line or start of the next?) the message is the pure parser's, as before; a
file the pure parser refuses stays refused with its message whenever any problem is found in
it. Text with tabs, byte-order marks or tags, where the two read differently, goes to the pure
parser alone. What is left: a file that libyaml reads as the YAML spec says and the pure parser
refuses (``[a?b]``: "?" inside a flow scalar) and that is otherwise valid is now accepted.

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

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.cyaml import CParser
from yaml.resolver import Resolver

from briefgen.errors import InputError
from briefgen.load.yaml_paths import Loc, field_path
from briefgen.load.yaml_slips import explain_syntax
from briefgen.resources import note_read

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Loc", "YamlSource", "field_path", "load_yaml",
           "read_capped", "read_text"]

MAX_BYTES = 2_000_000
MAX_DEPTH = 20

#: Tags the safe constructor knows but a brief has no use for.
_REFUSED_TAGS = ("binary", "set", "omap", "pairs")

#: Where libyaml and the pure-Python parser part ways: tabs and byte-order marks (libyaml accepts
#: "key:\tvalue") and tags (an empty "!" scalar is '' to one, None to the other). Rare in a
#: brief, so text with any of them is left to the pure-Python parser.
_LIBYAML_DIFFERS = re.compile(r"[\t\ufeff]|(?:^|[\s\[{,])!", re.MULTILINE)


@dataclass(frozen=True)
class YamlSource:
    """Parsed YAML data plus the text it came from, for locating fields."""

    path: Path
    data: Any
    text: str

    @cached_property
    def root(self) -> yaml.Node | None:
        """The pure-Python parser's node tree, whose positions messages give (built on demand).

        Raises that parser's InputError for a file only libyaml accepts: a file with a problem
        to report gets the message it always got.
        """
        return _parse_or_report(self.path, self.text)[0]

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

    def written(self, loc: Loc) -> str | None:
        """The text of the value at ``loc`` exactly as the file has it (None if not there)."""
        node = self.root
        for part in loc:
            node = _child(node, part) if node is not None else None
        if node is None:
            return None
        return self.text[node.start_mark.index: node.end_mark.index]


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
    if (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
            and 0 <= part < len(node.value)):
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
        note_read(path, raw)
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


class _Checks:
    """Refuses aliases, deep nesting, duplicate keys and non-data tags (mixed into a loader)."""

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


class _SafeLoader(_Checks, yaml.SafeLoader):
    """The pure-Python loader: its messages are the ones users see."""


class _FastLoader(_Checks, Composer, CParser, SafeConstructor, Resolver):
    """libyaml's scanner and parser under the same Python composer and checks.

    Scanning is most of the cost of reading a brief, and libyaml does it several times faster;
    composing stays in Python (the C composer would follow aliases and recurse without limit).
    A file it refuses is read again by :class:`_SafeLoader`, whose messages are the reference.
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


for _loader in (_SafeLoader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _Checks.construct_yaml_timestamp)
    for _tag in _REFUSED_TAGS:
        _loader.add_constructor(f"tag:yaml.org,2002:{_tag}", SafeConstructor.construct_undefined)


def _tag_problem(problem: str) -> tuple[str, str | None]:
    """``could not determine a constructor for the tag ...`` -> a short message and a hint."""
    tag = re.search(r"tag '?tag:yaml\.org,2002:([^'\s]+)", problem) or re.search(
        r"tag '?(![^'\s]*)", problem)
    if "constructor for the tag" in problem and tag:
        name = tag.group(1)
        shown = name if name.startswith("!") else "!!" + name
        return f"tag {shown} is not allowed", "briefs are plain data: remove the tag"
    return problem, None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is parsed.

    Parsing makes a node, its marks and its value for every scalar, and none of them form a
    cycle; on a long brief the collector's full passes over them cost more than the parse.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse(loader_class: type[_Checks], text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree of ``text`` and the plain data built from it."""
    with _collector_paused():
        loader = loader_class(text)  # the pure reader checks for unprintable characters here
        try:
            root = loader.get_single_node()
            return root, loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()


def load_yaml(path: Path) -> YamlSource:
    """Read and parse ``path`` safely; every failure is an InputError naming line and column."""
    text = read_text(path)
    if _LIBYAML_DIFFERS.search(text):
        return YamlSource(path, _parse_or_report(path, text)[1], text)
    try:
        data = _parse(_FastLoader, text)[1]
    except Exception:  # noqa: BLE001 - the reference parser says what is wrong (or accepts it)
        data = _parse_or_report(path, text)[1]
    return YamlSource(path, data, text)


def _parse_or_report(path: Path, text: str) -> tuple[yaml.Node | None, Any]:
    """:func:`_parse` with the pure-Python parser; its failures become one located InputError."""
    try:
        return _parse(_SafeLoader, text)
    except yaml.MarkedYAMLError as exc:
        slip = explain_syntax(path, text, exc)
        if slip is not None:
            raise InputError([slip]) from None
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

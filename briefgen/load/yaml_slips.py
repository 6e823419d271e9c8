"""The YAML slips people make by hand, explained as what to write instead.

PyYAML describes its own state ("found character '\\t' that cannot start any token", "mapping
values are not allowed here"); someone editing a brief needs the field and the fix. Each
recogniser here looks at the line the parser stopped on, applies the fix it would suggest to a
copy of the text, and speaks only when that fix makes the line readable and the field can be
named from the repaired file: the suggestion is tried, not guessed.

Two slips are valid YAML and only show as schema errors: a comma inside ``{...}`` ends a value,
so ``{speaker: Simon Stiell, UN Climate Change Executive Secretary}`` gains a field named after
the rest of the text, and ``{value: 10,000}`` becomes ``value: 10`` and a field ``000``.
:func:`comma_slips` finds those in the node tree and says which value the comma cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from yaml.constructor import SafeConstructor

from briefgen.errors import Problem
from briefgen.load.yaml_paths import Loc, field_path

if TYPE_CHECKING:  # yaml_source imports this module to explain its parse errors
    from briefgen.load.yaml_source import YamlSource

#: Line breaks as PyYAML counts them, so line numbers agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
#: ``- - key: value`` -> lead ``- - ``, key, value (a block mapping line, perhaps a list item).
_BLOCK_PAIR = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^\s#'\"{\[\]},&*!|>%@`-][^:#]*?)"
                         r":[ ]+(?P<value>\S.*?)[ ]*$")
#: A field name as the schemas spell them; a key written as text (``Xi:``) is not one.
_FIELD = r"[a-z_][a-z0-9_]*"
_FLOW_KEY = re.compile(rf"[{{,][ ]*(?P<key>{_FIELD}):[ ]+")
_NEXT_FLOW_KEY = re.compile(rf"[ ]*,[ ]*{_FIELD}:[ ]")
_SHOWN = 60
#: Each suggested fix is tried by reading the file again (about 0.2 s for the 42 kB bundled
#: brief); above this size no fix is tried and the tab message goes without field and count.
_MAX_TRIED_CHARS = 150_000


def explain_syntax(path: Path, text: str, exc: yaml.MarkedYAMLError) -> Problem | None:
    """A located problem saying what to write instead, for a slip this module knows; else None."""
    mark = exc.problem_mark
    if mark is None or not isinstance(exc, (yaml.scanner.ScannerError, yaml.parser.ParserError)):
        return None  # tags, aliases, duplicate keys, dates: read fine, refused on purpose
    lines = _LINE_BREAK.split(text)
    if not 0 <= mark.line < len(lines):
        return None
    if exc.problem and exc.problem.startswith("found character '\\t'"):
        return _tab(path, lines, mark.line, mark.column)
    return _unquoted_text(path, lines, mark.line, mark.column)


_TAB_INDENT = "a tab indents this line; YAML indents with spaces only"
#: Indents tried for a tab-indented line after reading tabs as 2, 4 or 8 spaces (each try reads
#: the whole file again, so a wrong guess costs time only on this error path).
_INDENT_TRIES = 6


def _tab(path: Path, lines: list[str], row: int, col: int) -> Problem:
    """A tab where YAML wants spaces: say how many spaces to write instead."""
    line = lines[row]
    indent = len(line) - len(line.lstrip(" \t"))
    if col >= indent:
        fixed = line[:col] + " " + line[col + 1:]
        after = len(fixed) - len(fixed[col:].lstrip(" "))
        loc = _loc_at(_readable(lines, row, fixed), row, after)
        return Problem(path, row + 1, col + 1, field_path(loc) if loc else "",
                       "a tab here, where YAML allows only spaces", "write a space instead")
    return _tab_indent(path, lines, row, col, line[indent:])


def _tab_indent(path: Path, lines: list[str], row: int, col: int, body: str) -> Problem:
    """A tab in a line's indent: the spaces that make the line start its field or item.

    First as if every tab in the file were 2, 4 or 8 spaces (an editor's tabs, one per level:
    then the hint says so, for all of them at once); else at the indents of the lines above.
    """
    more = sum(map(_tab_indented, lines[row + 1:]))
    tail = f"; {more} more line{'s' if more > 1 else ''} indented with tabs" if more else ""
    if body.startswith("#"):
        return Problem(path, row + 1, col + 1, "", "a tab indents this comment; YAML indents "
                       "with spaces only", f"indent it with spaces{tail}")
    dashes = len(re.match(r"(?:-[ ]+)*", body).group())
    for width in (2, 4, 8):
        expanded = [_expand_tabs(text, width) for text in lines]
        spaces = len(expanded[row]) - len(body)
        root = _readable(expanded, row, expanded[row], whole=True)
        loc = _loc_at(root, row, spaces + dashes) or _text_over(root, row)
        if loc is not None:
            each = f"{tail}: write {width} spaces for each tab" if more else ""
            return Problem(path, row + 1, col + 1, field_path(loc), _TAB_INDENT,
                           f"indent it with {spaces} spaces instead{each}")
    for spaces in islice(_indents_near(lines, row), _INDENT_TRIES):
        loc = _loc_at(_readable(lines, row, " " * spaces + body), row, spaces + dashes)
        if loc is not None:
            how = (f"indent it with {spaces} spaces" if spaces
                   else "start it at the beginning of the line")
            return Problem(path, row + 1, col + 1, field_path(loc), _TAB_INDENT,
                           f"{how} instead{tail}")
    return Problem(path, row + 1, col + 1, "", _TAB_INDENT, f"indent it with spaces{tail}")


def _expand_tabs(line: str, width: int) -> str:
    """``line`` with each tab in its indent written as ``width`` spaces."""
    indent = len(line) - len(line.lstrip(" \t"))
    return line[:indent].replace("\t", " " * width) + line[indent:]


def _indents_near(lines: list[str], row: int) -> Iterator[int]:
    """Indents worth trying for ``row``, likeliest first.

    One level under the previous line when that line opens a block (ends in ``:``); then the
    previous line's content column (after any ``- ``: a sibling), its own indent, one level
    deeper; then the indents of earlier lines, nearest first (closing blocks). Lines indented
    with tabs are skipped: their indent is what is in question. An indent that makes the line
    part of the text above it is no answer: :func:`_tab` wants a field or item starting there.
    """
    def spaced(line: str) -> tuple[int, int, bool] | None:
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith(("#", "\t")):
            return None
        own = len(line) - len(stripped)
        return own, own + len(re.match(r"(?:-[ ]+)*", stripped).group()), _opens_block(line)

    seen: set[int] = set()

    def new(spaces: int) -> bool:
        fresh = spaces not in seen
        seen.add(spaces)
        return fresh

    earlier = [s for s in map(spaced, reversed(lines[:row])) if s]
    if earlier and earlier[0][2]:
        yield earlier[0][1] + 2
        seen.add(earlier[0][1] + 2)
    for i, (own, content, _) in enumerate(earlier):
        for spaces in (content, own, content + 2) if i == 0 else (own,):
            if new(spaces):
                yield spaces


def _opens_block(line: str) -> bool:
    return line.split(" #")[0].rstrip().endswith(":")


def _tab_indented(line: str) -> bool:
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


def _unquoted_text(path: Path, lines: list[str], row: int, col: int) -> Problem | None:
    """Text YAML cannot take unquoted (": " inside it, a leading quote mark, a comma in {...}):
    put it in quotes, shown as the line to write."""
    line = lines[row]
    found = _flow_value(line, col) or _block_value(line)
    if found is None:
        return None
    start, end, key = found
    if " #" in line[start:end]:  # a comment ends plain text; it stays outside the quotes
        end = start + len(line[start:end].split(" #")[0].rstrip())
    if not start <= col <= end:
        return None
    value = line[start:end]
    why = _why_quote(value, line[col:col + 1])
    if why is None:
        return None
    root = _readable(lines, row, line[:start] + quoted(value) + line[end:])
    loc = _loc_at(root, row, start)
    if loc is None:
        return None
    written = f"{key}: {quoted(shortened(value))}" if key else f"- {quoted(shortened(value))}"
    return Problem(path, row + 1, col + 1, field_path(loc), why,
                   f"put the text in quotes: {written}")


def _block_value(line: str) -> tuple[int, int, str | None] | None:
    """Span of the text to quote on a block line, and the key to show before it (None: the text
    is a list item, as in ``- Xi: ...``, whose 'key' is part of the text)."""
    pair = _BLOCK_PAIR.match(line)
    if pair is None or pair.group("value")[0] in "{[|>":
        return None
    if re.fullmatch(_FIELD, pair.group("key")):
        return pair.start("value"), pair.end("value"), pair.group("key")
    if pair.group("lead").rstrip().endswith("-"):
        return pair.start("key"), pair.end("value"), None
    return pair.start("value"), pair.end("value"), pair.group("key")


def _flow_value(line: str, col: int) -> tuple[int, int, str] | None:
    """Span of the value inside ``{...}`` that holds column ``col``: from its key to the next
    ``, field:`` or the closing brace."""
    keys = [k for k in _FLOW_KEY.finditer(line) if k.end() <= col]
    if not keys or "{" not in line[: keys[-1].start() + 1]:
        return None
    start = keys[-1].end()
    following = _NEXT_FLOW_KEY.search(line, col)
    end = following.start() if following else line.rfind("}")
    if end <= start:
        return None
    return start, len(line[:end].rstrip()), keys[-1].group("key")


def _why_quote(value: str, at: str) -> str | None:
    if value[:1] in "\"'":
        return "text that starts with a quote mark ends at the closing quote"
    if at == ":" or ": " in value:
        return 'the text holds ": ", which YAML reads as a new key'
    if at == ",":
        return "a comma inside {...} ends the text"
    return None


def quoted(text: str) -> str:
    """``text`` as a YAML scalar in double quotes, or single quotes when it holds ``"`` or
    ``\\``."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def shortened(text: str) -> str:
    """``text`` on one line, cut to a length a one-line message can show."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3].rstrip() + "..."


def _readable(lines: list[str], row: int, fixed: str, whole: bool = False) -> yaml.Node | None:
    """The node tree of the text with line ``row`` replaced, when that makes it readable up to
    and including ``row`` (a later slip is the next message's business: the tree is then of the
    text up to ``row``); with ``whole``, only when it makes the whole text readable."""
    def compose(text_lines: list[str]) -> yaml.Node | None:
        return yaml.compose("\n".join(text_lines), Loader=yaml.SafeLoader)

    if sum(map(len, lines)) > _MAX_TRIED_CHARS:
        return None
    try:
        return compose([*lines[:row], fixed, *lines[row + 1:]])
    except yaml.MarkedYAMLError as exc:
        if whole or exc.problem_mark is None or exc.problem_mark.line <= row:
            return None
    except (yaml.YAMLError, RecursionError):
        return None
    try:
        return compose([*lines[:row], fixed])
    except (yaml.YAMLError, RecursionError):
        return None


def _loc_at(node: yaml.Node | None, row: int, col: int, loc: Loc = ()) -> Loc | None:
    """The field path of the key, scalar value or list item that starts at ``row``/``col``
    (0-based)."""
    def here(n: yaml.Node) -> bool:
        return n.start_mark.line == row and n.start_mark.column == col

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if here(key) or (here(value) and isinstance(value, yaml.ScalarNode)):
                return (*loc, key.value)
            found = _loc_at(value, row, col, (*loc, key.value))
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            if here(item):
                return (*loc, i)
            found = _loc_at(item, row, col, (*loc, i))
            if found is not None:
                return found
    return None


def _text_over(node: yaml.Node | None, row: int, loc: Loc = ()) -> Loc | None:
    """The field path of the text (a ``|`` or ``>`` block, say) that runs over line ``row``."""
    if isinstance(node, yaml.ScalarNode):
        return loc if node.start_mark.line < row <= node.end_mark.line else None
    pairs = node.value if isinstance(node, yaml.MappingNode) else list(
        enumerate(node.value)) if isinstance(node, yaml.SequenceNode) else []
    for key, value in pairs:
        found = _text_over(value, row, (*loc, key.value if isinstance(key, yaml.Node) else key))
        if found is not None:
            return found
    return None


def comma_slips(src: YamlSource) -> list[tuple[Problem, set[Loc]]]:
    """Values cut by a comma inside ``{...}``: a problem for each, with the data paths of the
    'fields' the rest of the value became (their schema errors are what the problem explains)."""
    slips = []
    for loc, node in _flow_mappings(src.root):
        owner: tuple[yaml.Node, yaml.Node] | None = None
        cut: list[yaml.Node] = []
        for key, value in [*node.value, (None, None)]:
            if key is not None and owner is not None and _without_colon(src.text, key) and \
                    isinstance(owner[1], yaml.ScalarNode) and owner[1].style is None:
                cut.append(key)
                continue
            if owner is not None and cut:
                slips.append((_comma_problem(src, loc, *owner, cut),
                              {(*loc, part) for k in cut for part in _key_in_errors(k)}))
            owner, cut = (key, value), []
    return slips


def _flow_mappings(node: yaml.Node | None, loc: Loc = ()) -> Iterator[tuple[Loc, yaml.MappingNode]]:
    if isinstance(node, yaml.MappingNode):
        if node.flow_style:
            yield loc, node
        for key, value in node.value:
            yield from _flow_mappings(value, (*loc, key.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _flow_mappings(item, (*loc, i))


def _without_colon(text: str, key: yaml.Node) -> bool:
    """A plain key written with no ``:`` after it: YAML gives it an empty value."""
    return (isinstance(key, yaml.ScalarNode) and key.style is None
            and not text[key.end_mark.index:].lstrip(" ").startswith(":"))


def _key_in_errors(key: yaml.Node) -> tuple[object, ...]:
    """How a schema error's path may name ``key``: as the data has it (``000`` is the number 0)
    and, for a key that is neither text nor a whole number (a date), as pydantic shows it."""
    try:
        data = SafeConstructor().construct_object(key)
    except (yaml.YAMLError, ValueError, TypeError):
        return (key.value,)
    return (data,) if isinstance(data, (str, int)) else (data, repr(data))


def _comma_problem(src: YamlSource, loc: Loc, key: yaml.Node, value: yaml.Node,
                   cut: list[yaml.Node]) -> Problem:
    written = src.text[value.start_mark.index: cut[-1].end_mark.index]
    parts = [p.strip() for p in written.split(",")]
    line, col = value.start_mark.line + 1, value.start_mark.column + 1
    where = field_path((*loc, key.value))
    if value.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float") and all(
            p.isdigit() for p in parts[1:]):
        number = "".join(parts) if all(len(p) == 3 for p in parts[1:]) else ".".join(parts)
        return Problem(src.path, line, col, where,
                       f"the comma in {shortened(written)} ends the number inside {{...}}",
                       f"write {key.value}: {number}")
    return Problem(src.path, line, col, where,
                   f"the comma after {shortened(parts[0])!r} ends the text inside {{...}}",
                   f"put the text in quotes: {key.value}: {quoted(shortened(written))}")

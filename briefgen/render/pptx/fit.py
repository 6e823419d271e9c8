"""Measure text with real font metrics, so no slide relies on autofit or overflows its box.

PowerPoint only shrinks text (``normAutofit``) when it opens a file, LibreOffice does it its own
way, and neither splits a slide. So the writer decides here: it wraps text the way a renderer
does (CJK breaks between any two characters except before closing and after opening
punctuation; other scripts break at spaces), counts lines x line height and compares the result
with the box less its insets. Widths come from Pillow with the Noto Sans CJK SC face for CJK and,
unless the deck names that same face for Latin text, DejaVu Sans for the rest: a missing Latin
face (Calibri on a Linux box) is replaced by DejaVu (DejaVu Sans Bold for bold text), which is
wider than Calibri, so the estimate errs on the safe side everywhere.
"""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

from briefgen.fonts import CJK_FAMILY, CJK_TTC_INDEX_SC, cjk_font_path
from briefgen.text.lexicon.script import GLUE_PAIRS, NO_BREAK_AFTER, NO_BREAK_BEFORE, is_wide

EMU_PER_PT = 12700
LINE_FACTOR = 1.2  # line height = font size x 1.2; the writer sets exactly this (a:spcPts)
WIDTH_SAFETY = 0.97  # use 97 % of the measured width: rounding and hinting differ by renderer
BOLD_FACTOR = 1.08  # bold Noto Latin glyphs are wider; the bundled collection has no bold face
AUTOSPACE_EM = 0.25  # LibreOffice adds ~1/4 em between CJK and Latin letters or digits
_UNITS = 1000  # fonts are loaded at 1000 px, so an advance / 1000 is the width at 1 pt



@dataclass(frozen=True)
class Insets:
    """Text-frame insets in EMU, as a:bodyPr lIns/tIns/rIns/bIns (PowerPoint's defaults)."""

    left: int = 91440
    top: int = 45720
    right: int = 91440
    bottom: int = 45720


DEFAULT_INSETS = Insets()


# --------------------------------------------------------------------------- metrics


def _dejavu_path(bold: bool = False) -> Path | None:
    """DejaVu Sans (or Sans Bold) from matplotlib's bundled fonts (a project dependency), so
    every machine measures with the same file; None if matplotlib is absent."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path(next(iter(spec.submodule_search_locations))) / "mpl-data/fonts/ttf" / name
    return path if path.exists() else None


@lru_cache(maxsize=4)
def _font(face: str) -> ImageFont.FreeTypeFont:
    """The Pillow font that stands in for ``face`` (see the module docstring)."""
    if face in ("DejaVu", "DejaVu-Bold"):
        dejavu = _dejavu_path(bold=face == "DejaVu-Bold")
        if dejavu is not None:
            return ImageFont.truetype(str(dejavu), _UNITS)
    return ImageFont.truetype(str(cjk_font_path()), _UNITS, index=CJK_TTC_INDEX_SC)


AMBIGUOUS = set("“”‘’…—·")  # drawn full width in CJK text, narrow in Latin text


def is_cjk(ch: str) -> bool:
    """True for characters a renderer may draw with the East Asian (a:ea) face."""
    return ch in AMBIGUOUS or is_wide(ch)


@lru_cache(maxsize=16384)
def _advance(face: str, ch: str) -> float:
    """Advance width of ``ch`` in ``face`` at 1 pt. Each Pillow call costs ~0.1 ms whatever
    its length (the layout engine is set up per call), so each character is measured once per
    face, however many faces and weights ask for it."""
    return _font(face).getlength(ch) / _UNITS


@lru_cache(maxsize=8192)
def char_width(ch: str, latin_face: str, bold: bool = False) -> float:
    """Advance width of ``ch`` at 1 pt, in points; ambiguous characters take the wider face."""
    cjk = is_cjk(ch)
    if cjk and ch not in AMBIGUOUS:  # drawn with the East Asian face: the Latin one is moot
        return _advance(CJK_FAMILY, ch)
    if latin_face == CJK_FAMILY:  # the bundled collection has no bold face: scale regular
        latin = _advance(CJK_FAMILY, ch) * (BOLD_FACTOR if bold else 1.0)
    else:  # a stand-in renderer falls back to DejaVu Sans Bold, wider than 8 % over regular
        latin = _advance("DejaVu-Bold" if bold else "DejaVu", ch)
    return max(latin, _advance(CJK_FAMILY, ch)) if cjk else latin


def _kind(ch: str) -> int:
    """0 for punctuation and spaces, 1 for Latin letters and digits, 2 for CJK ones."""
    if not ch.isalnum():
        return 0
    return 2 if is_wide(ch) else 1


def _pads(a: str, b: str) -> bool:
    """True if LibreOffice pads between adjacent characters ``a`` and ``b``."""
    ka, kb = _kind(a), _kind(b)
    return bool(ka and kb and ka != kb)


def _autospaces(text: str) -> int:
    """How many CJK/Latin boundaries LibreOffice pads ("space between Asian and non-Asian
    text", on by default; PowerPoint does not pad, so counting them only errs on the safe side)."""
    return sum(1 for a, b in itertools.pairwise(text) if _pads(a, b))


@lru_cache(maxsize=65536)
def _em_width(text: str, latin_face: str, bold: bool) -> float:
    """Width of ``text`` (trailing spaces included) at 1 pt, autospace included."""
    return sum(char_width(c, latin_face, bold) for c in text) + AUTOSPACE_EM * _autospaces(text)


def text_width(text: str, size_pt: float, latin_face: str = CJK_FAMILY,
               bold: bool = False) -> float:
    """Width of ``text`` in points at ``size_pt``, ignoring trailing spaces."""
    return _em_width(text.rstrip(" "), latin_face, bold) * size_pt


# --------------------------------------------------------------------------- line breaking


def _atoms(text: str) -> list[str]:
    """Unbreakable pieces: one CJK character, or a word with its trailing spaces."""
    atoms: list[str] = []
    for ch in text:
        prev = atoms[-1] if atoms else ""
        if not prev:
            atoms.append(ch)
        elif (ch == " " or ch in NO_BREAK_BEFORE or prev[-1] in NO_BREAK_AFTER
              or (ch in GLUE_PAIRS and prev[-1] == ch)):
            atoms[-1] += ch
        elif not is_cjk(ch) and not is_cjk(prev[-1]) and prev[-1] != " ":
            atoms[-1] += ch  # inside a Latin word or number
        else:
            atoms.append(ch)
    return atoms


def wrap(text: str, width_pt: float, size_pt: float, latin_face: str = CJK_FAMILY,
         bold: bool = False) -> list[str]:
    """Break one paragraph into lines no wider than ``width_pt``.

    The lines are slices of ``text``: ``"".join(wrap(text, ...)) == text``, so text split across
    slides is never lost. A word wider than the line is broken between characters, as
    PowerPoint does.
    """
    return list(_wrap(text, width_pt, size_pt, latin_face, bold))


@lru_cache(maxsize=16384)
def _wrap(text: str, width_pt: float, size_pt: float, latin_face: str,
          bold: bool) -> tuple[str, ...]:
    """:func:`wrap`, remembered: splitting a list over slides and stepping a size down measure
    the same paragraph in the same box many times over."""
    limit = width_pt * WIDTH_SAFETY
    lines: list[str] = []
    line, line_em = "", 0.0  # the line so far and its width at 1 pt, trailing spaces included
    for atom in _pieces(_atoms(text), limit, size_pt, latin_face, bold):
        joint = AUTOSPACE_EM if line and _pads(line[-1], atom[0]) else 0.0
        ink = line_em + joint + _em_width(atom.rstrip(" "), latin_face, bold)
        if line and ink * size_pt > limit:
            lines.append(line)
            line, line_em = atom, _em_width(atom, latin_face, bold)
        else:
            line += atom
            line_em += joint + _em_width(atom, latin_face, bold)
    lines.append(line)
    return tuple(lines)


#: A wrapped title whose last line is shorter than this share of its longest is balanced.
SHORT_LAST_LINE = 0.5


def balanced(text: str, width_pt: float, size_pt: float, latin_face: str = CJK_FAMILY,
             bold: bool = False) -> list[str]:
    """:func:`wrap`'s lines, or, when its last line is short (one character of a Chinese title
    alone on it: "…第二十六次会" / "议"), as many lines of about equal width: the narrowest
    width that still breaks ``text`` into that many lines, found by halving."""
    lines = wrap(text, width_pt, size_pt, latin_face, bold)
    widths = [text_width(line, size_pt, latin_face, bold) for line in lines]
    if len(lines) < 2 or widths[-1] >= SHORT_LAST_LINE * max(widths):
        return lines
    low, high = sum(widths) / len(lines) / WIDTH_SAFETY, width_pt
    for _ in range(12):
        middle = (low + high) / 2
        if len(wrap(text, middle, size_pt, latin_face, bold)) > len(lines):
            low = middle
        else:
            high = middle
    return wrap(text, high, size_pt, latin_face, bold)


def _pieces(atoms: list[str], limit: float, size_pt: float, latin_face: str,
            bold: bool) -> Iterator[str]:
    """Atoms, with any atom wider than a whole line cut into character runs that fit."""
    for atom in atoms:
        if text_width(atom, size_pt, latin_face, bold) <= limit:
            yield atom
            continue
        run = ""
        for ch in atom:
            if run and text_width(run + ch, size_pt, latin_face, bold) > limit:
                yield run
                run = ""
            run += ch
        yield run


# --------------------------------------------------------------------------- boxes


@dataclass(frozen=True)
class Box:
    """What a text frame offers: its size in EMU and how it sets text (one style per frame)."""

    width_emu: int
    height_emu: int
    size_pt: float
    space_before_pt: float = 0.0  # before every paragraph but the first
    indent_emu: int = 0  # a:pPr/@marL: the bullet's hanging indent
    insets: Insets = DEFAULT_INSETS
    latin_face: str = CJK_FAMILY
    bold: bool = False
    bold_index: int | None = None  # one paragraph set bold when the rest are not

    @property
    def line_width_pt(self) -> float:
        inner = self.width_emu - self.insets.left - self.insets.right - self.indent_emu
        return inner / EMU_PER_PT

    @property
    def inner_height_pt(self) -> float:
        return (self.height_emu - self.insets.top - self.insets.bottom) / EMU_PER_PT

    def at(self, size_pt: float) -> Box:
        """The same box at another font size."""
        return replace(self, size_pt=size_pt)

    def lines(self, paragraph: str, bold: bool | None = None) -> list[str]:
        bold = self.bold if bold is None else bold
        return wrap(paragraph, self.line_width_pt, self.size_pt, self.latin_face, bold)

    def height_pt(self, paragraphs: Sequence[str]) -> float:
        """Height the paragraphs need: lines x line height plus the space between paragraphs."""
        width = self.line_width_pt
        count = sum(len(_wrap(p, width, self.size_pt, self.latin_face,
                              self.bold or i == self.bold_index))
                    for i, p in enumerate(paragraphs))
        gaps = max(len(paragraphs) - 1, 0) * self.space_before_pt
        return count * self.size_pt * LINE_FACTOR + gaps

    def fits(self, paragraphs: Sequence[str]) -> bool:
        return self.height_pt(paragraphs) <= self.inner_height_pt + 0.01


def fits(text_lines: Sequence[str], box_width_emu: int, box_height_emu: int, size_pt: float,
         *, space_before_pt: float = 0.0, indent_emu: int = 0,
         insets: Insets = DEFAULT_INSETS, latin_face: str = CJK_FAMILY,
         bold: bool = False) -> bool:
    """True if the paragraphs ``text_lines`` fit the box at ``size_pt`` without overflowing."""
    box = Box(box_width_emu, box_height_emu, size_pt, space_before_pt, indent_emu, insets,
              latin_face, bold)
    return box.fits(text_lines)


def split_to_fit(items: Sequence[str], box: Box, balance: bool = True) -> list[tuple[str, ...]]:
    """Pack ``items`` (one paragraph each) into as few boxes as needed, in order.

    An item taller than a whole box is cut at line breaks into pieces that each fit; the pieces
    join back to the item, so nothing is lost. With ``balance`` the boxes are filled evenly
    (7 + 6 + 6 rather than 9 + 9 + 1), by lowering the height budget while the count holds.
    """
    pieces = list(_fitting_pieces(items, box))
    chunks = _pack(pieces, box, box.inner_height_pt)
    low, high = 0.0, box.inner_height_pt
    while balance and len(chunks) > 1 and high - low > 1.0:
        budget = (low + high) / 2
        trial = _pack(pieces, box, budget)
        if len(trial) == len(chunks) and all(box.height_pt(c) <= budget for c in trial):
            chunks, high = trial, budget
        else:
            low = budget
    return chunks


def _pack(pieces: Sequence[str], box: Box, budget_pt: float) -> list[tuple[str, ...]]:
    """Greedy packing of paragraphs into groups no taller than ``budget_pt``."""
    chunks: list[tuple[str, ...]] = []
    current: list[str] = []
    for piece in pieces:
        if current and box.height_pt([*current, piece]) > budget_pt + 0.01:
            chunks.append(tuple(current))
            current = []
        current.append(piece)
    if current:
        chunks.append(tuple(current))
    return chunks


def _fitting_pieces(items: Sequence[str], box: Box) -> Iterator[str]:
    """Items unchanged, except that one too tall for an empty box is cut into box-sized parts."""
    per_box = max(int(box.inner_height_pt // (box.size_pt * LINE_FACTOR)), 1)
    for item in items:
        if box.fits([item]):
            yield item
            continue
        lines = box.lines(item)
        for start in range(0, len(lines), per_box):
            yield "".join(lines[start:start + per_box])


def fit_size(paragraphs: Sequence[str], box: Box, floor_pt: float,
             step_pt: float = 2.0, max_lines: int | None = None) -> tuple[float, bool]:
    """Largest size from ``box.size_pt`` down to ``floor_pt`` (in steps) at which the wrapped
    paragraphs fit; ``(floor_pt, False)`` when even the floor does not.

    :param max_lines: also require each paragraph to take at most this many lines (a key figure
        reads best on one line); when no size allows it, the height alone decides.
    """
    sizes = [box.size_pt]
    while sizes[-1] > floor_pt:
        sizes.append(max(sizes[-1] - step_pt, floor_pt))

    def short(size: float) -> bool:
        return max_lines is None or all(len(box.at(size).lines(p)) <= max_lines
                                        for p in paragraphs)

    for size in sizes:
        if box.at(size).fits(paragraphs) and short(size):
            return size, True
    if max_lines is not None:
        return fit_size(paragraphs, box, floor_pt, step_pt)
    return floor_pt, box.at(floor_pt).fits(paragraphs)

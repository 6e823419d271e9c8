"""Text measurement and fitting for the PPTX writer: line breaking, fits, splits, sizes."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.render.pptx import fit
from briefgen.render.pptx.fit import Box, fit_size, fits, split_to_fit, text_width, wrap

ZH = "“一带一路”将会被建设成为和平之路，繁荣之路，开放之路，创新之路，文明之路。"
EN = ("The Belt and Road will be a road of peace, prosperity, openness, innovation and "
      "civilisations.")
EMU_IN = 914400

mixed_text = st.text(
    alphabet=st.sampled_from(list("一带路和平之，。、；：！？）（「」“”abc XYZ 0.6% ——")),
    min_size=0, max_size=120)


@settings(max_examples=200, deadline=None)
@given(text=mixed_text, width=st.floats(min_value=20, max_value=600))
def test_wrap_keeps_every_character_and_respects_the_width(text: str, width: float) -> None:
    lines = wrap(text, width, 18)
    assert "".join(lines) == text
    for line in lines:
        if len(line.rstrip(" ")) > 1:  # one glyph may be wider than a very narrow line
            assert text_width(line, 18) <= width * fit.WIDTH_SAFETY + 1e-6


def test_cjk_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    lines = wrap(ZH, 230, 24)
    assert len(lines) > 2
    for line in lines[1:]:
        assert line[0] not in fit.NO_BREAK_BEFORE
    for line in lines[:-1]:
        assert line[-1] not in fit.NO_BREAK_AFTER


def test_english_breaks_at_spaces() -> None:
    lines = wrap(EN, 300, 24, latin_face="Calibri")
    assert len(lines) > 1
    words = EN.split()
    assert [w for line in lines for w in line.split()] == words


def test_a_word_longer_than_the_line_is_broken_between_characters() -> None:
    word = "internationalisation" * 3
    lines = wrap(word, 100, 24, latin_face="Calibri")
    assert "".join(lines) == word and len(lines) > 2


def test_latin_measures_wider_with_a_missing_face_than_with_noto() -> None:
    # Calibri is not shipped: DejaVu stands in, which is wider, so the estimate is safe.
    assert text_width("Trade and investment", 20, "Calibri") > text_width(
        "Trade and investment", 20, "Noto Sans CJK SC")


def test_cjk_latin_boundaries_get_libreoffice_autospace() -> None:
    plain = sum(fit.char_width(c, "Noto Sans CJK SC") for c in "2016年") * 20
    assert text_width("2016年", 20) == pytest.approx(plain + fit.AUTOSPACE_EM * 20)


def test_fits_counts_lines_times_line_height_plus_spacing() -> None:
    width = 6 * EMU_IN
    one_line = int((24 * 1.2) * fit.EMU_PER_PT) + 91440  # one 24 pt line plus both insets
    assert fits(["短句"], width, one_line, 24)
    assert not fits(["短句", "短句"], width, one_line, 24)
    two_lines = one_line + int(24 * 1.2 * fit.EMU_PER_PT)
    assert fits(["短句", "短句"], width, two_lines, 24)
    assert not fits(["短句", "短句"], width, two_lines, 24, space_before_pt=12)
    assert not fits([ZH], width, one_line, 24)


def test_indent_and_insets_narrow_the_line() -> None:
    box = Box(3 * EMU_IN, 6 * EMU_IN, 24)
    indented = Box(3 * EMU_IN, 6 * EMU_IN, 24, indent_emu=EMU_IN)
    assert len(indented.lines(ZH)) > len(box.lines(ZH))


def test_split_to_fit_packs_in_order_and_every_chunk_fits() -> None:
    items = [f"第{i}条：进出口总额6.3万亿元，增长0.6%" for i in range(40)]
    box = Box(11 * EMU_IN, 5 * EMU_IN, 24, space_before_pt=12, indent_emu=int(0.4 * EMU_IN))
    chunks = split_to_fit(items, box)
    assert len(chunks) > 1
    assert [item for chunk in chunks for item in chunk] == items
    assert all(box.fits(chunk) for chunk in chunks)
    sizes = [len(chunk) for chunk in chunks]
    assert max(sizes) - min(sizes) <= 1  # balanced, no orphan slide


def test_an_item_taller_than_a_box_is_cut_at_line_breaks_without_loss() -> None:
    box = Box(5 * EMU_IN, 2 * EMU_IN, 24)
    huge = ZH * 12
    chunks = split_to_fit(["前言", huge, "结语"], box)
    assert "".join(p for chunk in chunks for p in chunk) == "前言" + huge + "结语"
    assert all(box.fits(chunk) for chunk in chunks)


def test_fit_size_steps_down_to_the_largest_size_that_fits() -> None:
    box = Box(8 * EMU_IN, int(1.0 * EMU_IN), 36)
    size, ok = fit_size([EN], box, 16)
    assert ok and 16 <= size < 36
    assert box.at(size).fits([EN]) and not box.at(size + 2).fits([EN])
    size, ok = fit_size([EN * 10], box, 16)
    assert (size, ok) == (16, False)


def test_fit_size_can_keep_a_key_figure_on_one_line() -> None:
    box = Box(int(2.5 * EMU_IN), int(1.5 * EMU_IN), 54, latin_face="Calibri", bold=True)
    wrapped, ok = fit_size(["6.3 trillion"], box, 20)
    assert ok and len(box.at(wrapped).lines("6.3 trillion")) == 2  # height alone allows it
    single, ok = fit_size(["6.3 trillion"], box, 20, max_lines=1)
    assert ok and single < wrapped and len(box.at(single).lines("6.3 trillion")) == 1


def test_bold_latin_is_measured_with_the_bold_face() -> None:
    regular = text_width("Belt and Road Forum", 20, "Calibri")
    bold = text_width("Belt and Road Forum", 20, "Calibri", bold=True)
    assert bold > regular * fit.BOLD_FACTOR  # DejaVu Sans Bold is wider than 8 % more


def test_one_bold_paragraph_is_measured_bold_and_the_rest_regular() -> None:
    label = "Talented Young Scientist Programme launched under the partnership programme"
    box = Box(int(2 * EMU_IN), 6 * EMU_IN, 16, latin_face="Calibri")
    plain = box.height_pt([label, EN])
    one = dataclasses.replace(box, bold_index=0).height_pt([label, EN])
    every = dataclasses.replace(box, bold=True).height_pt([label, EN])
    assert plain <= one <= every and plain < every


@pytest.mark.parametrize("face", [fit.CJK_FAMILY, "DejaVu"])
@pytest.mark.parametrize("bold", [False, True])
def test_a_character_width_is_the_face_pillow_measures_it_in(face: str, bold: bool) -> None:
    """Each character is measured once per face (``_advance``); the width is still the
    East Asian face's for CJK, the wider of both for ambiguous marks, the Latin one else."""
    cjk_font = fit._font(fit.CJK_FAMILY)
    latin_font = cjk_font if face == fit.CJK_FAMILY else fit._font(
        "DejaVu-Bold" if bold else "DejaVu")
    factor = fit.BOLD_FACTOR if bold and face == fit.CJK_FAMILY else 1.0
    for ch in "一路，A g5%“”…—·":
        latin = latin_font.getlength(ch) / 1000 * factor
        cjk = cjk_font.getlength(ch) / 1000
        expected = (max(latin, cjk) if ch in fit.AMBIGUOUS
                    else cjk if fit.is_cjk(ch) else latin)
        assert fit.char_width(ch, face, bold) == expected, ch

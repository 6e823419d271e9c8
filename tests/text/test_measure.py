"""Length measure: characters for Chinese, words for English, additive over sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefgen.text.measure import measure, norm_lang


def test_chinese_counts_every_non_whitespace_character_including_punctuation():
    assert measure("增长0.6%。", "zh") == 7
    assert measure("“一带一路”倡议", "zh") == 8
    assert measure("6.3 万亿元\n人民币", "zh") == 9  # spaces and line breaks do not count
    assert measure("（来源：新华社）", "zh") == 8
    assert measure("", "zh") == 0
    assert measure(" \t\u3000\n", "zh") == 0  # the ideographic space is whitespace too


def test_english_counts_words_with_a_letter_or_digit():
    assert measure("Exports rose 0.7% to 3.8 trillion yuan.", "en") == 7
    assert measure("The U.S. and the U.N. met — briefly.", "en") == 7  # the dash is no word
    assert measure("well-known Belt-and-Road", "en") == 2
    assert measure("  ", "en") == 0
    assert measure("... — !", "en") == 0


def test_language_tags_are_normalised():
    assert norm_lang("zh") == norm_lang("zh-CN") == norm_lang("ZH_Hans") == "zh"
    assert norm_lang("en") == norm_lang("en-US") == "en"
    assert measure("论坛", "zh-CN") == 2
    assert measure("one two", "en-GB") == 2


@given(st.text(), st.text())
def test_chinese_measure_is_additive(a, b):
    assert measure(a + b, "zh") == measure(a, "zh") + measure(b, "zh")


@given(st.lists(st.text(min_size=0, max_size=30), max_size=6))
def test_english_measure_is_additive_over_space_joined_sentences(parts):
    assert measure(" ".join(parts), "en") == sum(measure(p, "en") for p in parts)

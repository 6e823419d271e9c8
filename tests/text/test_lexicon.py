"""briefgen/text/lexicon: one table of marks and names that every stage reads the same way."""

from __future__ import annotations

import itertools
import re

from babel.dates import get_day_names, get_month_names
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefgen.charts import draw
from briefgen.render.pptx import fit
from briefgen.text.lexicon.calendar_words import (
    EN_MONTH,
    EN_MONTH_ABBREVIATIONS,
    EN_MONTH_NAMES,
    EN_WEEKDAY_NAMES,
    MONTH_NUMBER,
)
from briefgen.text.lexicon.clause_words import ZH_LIST_MARKER
from briefgen.text.lexicon.script import (
    BRACKETS,
    CLOSERS,
    NO_BREAK_AFTER,
    NO_BREAK_BEFORE,
    SYMMETRIC,
    is_wide,
)
from briefgen.text.segment import bracket_pairs, sentences


def test_every_closing_mark_closes_a_sentence_and_never_starts_a_line() -> None:
    assert set(BRACKETS.values()) | set(SYMMETRIC) <= set(CLOSERS)
    assert set(CLOSERS) <= NO_BREAK_BEFORE
    assert set(BRACKETS) == NO_BREAK_AFTER
    assert not NO_BREAK_BEFORE & NO_BREAK_AFTER


def test_tortoise_shell_brackets_pair_like_the_others() -> None:
    text = "国发〔2023〕5号"
    assert bracket_pairs(text) == [(text.index("〔"), text.index("〕"))]


def test_a_period_after_a_closing_bracket_ends_a_chinese_sentence() -> None:
    assert sentences("会议通过了决议（全文见附件）. 各方表示支持。", "zh") == [
        "会议通过了决议（全文见附件）.", "各方表示支持。"]


def test_month_names_and_abbreviations_are_one_list() -> None:
    assert EN_MONTH_NAMES[8] == "September"
    assert MONTH_NUMBER["sept"] == MONTH_NUMBER["sep"] == MONTH_NUMBER["september"] == 9
    assert re.fullmatch(EN_MONTH, "Sept") and re.fullmatch(EN_MONTH, "May")
    assert not re.fullmatch(EN_MONTH, "Mayor")
    assert sentences("They met on Sept. 5 in Paris. Talks went on.", "en") == [
        "They met on Sept. 5 in Paris.", "Talks went on."]


def test_month_and_weekday_names_are_cldr_english() -> None:
    wide, short = get_month_names("wide", locale="en"), get_month_names("abbreviated", locale="en")
    assert tuple(wide[m] for m in range(1, 13)) == EN_MONTH_NAMES
    assert set(EN_MONTH_ABBREVIATIONS) == {short[m] for m in range(1, 13) if m != 5} | {"Sept"}
    assert tuple(get_day_names("wide", locale="en")[d] for d in range(7)) == EN_WEEKDAY_NAMES


def test_list_marker_takes_its_spaces() -> None:
    assert ZH_LIST_MARKER.sub("", " 第一，加强合作") == "加强合作"
    assert ZH_LIST_MARKER.sub("", "（二） 深化交流") == "深化交流"


def test_wide_characters_are_han_kana_and_full_width_forms() -> None:
    assert all(is_wide(ch) for ch in "中カ，（")
    assert not any(is_wide(ch) for ch in "a1,“—")


# Runs of marks and Latin letters are kept short, so every unbreakable piece fits a line.
label_text = st.text(
    alphabet=st.sampled_from(list("一带路和平之，。、；：！？）（「」“”《》abc0.6%——")), min_size=1,
    max_size=60).filter(lambda t: not re.search(r"[^一带路和平之]{4}", t))


@settings(max_examples=150, deadline=None)
@given(text=label_text, width=st.floats(min_value=10, max_value=30))
@example(text="一二三四五六七八九十”好", width=10.0)  # the chart labels once broke before ”
def test_chart_labels_and_slides_break_lines_by_the_same_rules(text: str, width: float) -> None:
    for lines in (draw.wrap(text, width, balance=False).split("\n"),
                  fit.wrap(text, width * 18, 18)):
        assert "".join(lines) == text
        for before, after in itertools.pairwise(lines):
            assert after[:1] not in NO_BREAK_BEFORE, lines
            assert before[-1:] not in NO_BREAK_AFTER, lines

"""plan.dedupe: what the deck-wide pass does with a repeat, on slides made by hand."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.plan.dedupe import dedupe_bullets, near_duplicate, section_refill
from briefgen.plan.model import Slide
from briefgen.text.tokens import tokens

SUMMARY = Slide("bullets", "Bottom line", bullets=(
    "Leaders of 29 countries attended the forum in Beijing",
    "Trade with partner countries reached 6.3 trillion yuan"))


def section(title: str, *lines: str, cont: bool = False) -> Slide:
    return Slide("bullets", title + (" (cont.)" if cont else ""), bullets=lines,
                 continued_label=" (cont.)")


def test_a_repeat_gives_way_to_the_sections_next_new_line():
    trade = section("Trade", "Trade with partner countries reached 6.3 trillion yuan, up 0.6%",
                    "Exports grew faster than imports")
    refill = section_refill([("Trade", ["Exports grew faster than imports. Railways carried "
                                        "3,700 freight trains to Europe."])], "en",
                            lambda sentences: [s.rstrip(".") for s in sentences])
    out = dedupe_bullets([SUMMARY, trade], "en", refill)
    assert out[0] == SUMMARY  # the first occurrence stays where it was
    assert out[1].bullets == ("Exports grew faster than imports",
                              "Railways carried 3,700 freight trains to Europe")


def test_without_a_new_line_the_first_slide_keeps_one_and_a_continuation_goes():
    first = section("Forum", "Leaders of 29 countries attended the forum in Beijing")
    cont = section("Forum", "Trade with partner countries reached 6.3 trillion yuan", cont=True)
    out = dedupe_bullets([SUMMARY, first, cont], "en")
    assert [s.title for s in out] == ["Bottom line", "Forum"]
    assert out[1].bullets == first.bullets  # a title alone would be worse than a repeat


def test_distinct_lines_that_share_words_both_stay():
    zh = (Slide("bullets", "要点",
                bullets=("“一带一路”国际合作高峰论坛于5月14日至15日在北京举行",)),
          Slide("bullets", "圆桌峰会",
                bullets=("“一带一路”国际合作高峰论坛5月15日在北京举行圆桌峰会",)))
    assert dedupe_bullets(zh, "zh") == zh
    other = (Slide("kpi", "Numbers"), Slide("bullets", "A", bullets=("Exports grew",)),
             Slide("sources", "Sources", bullets=("Exports grew",)))
    assert dedupe_bullets(other, "en") == other  # only bullet slides are compared


def test_a_section_left_with_only_a_repeat_takes_the_line_back_from_the_summary():
    only = section("Trade", "Trade with partner countries reached 6.3 trillion yuan")
    out = dedupe_bullets([SUMMARY, only], "en")
    assert out[0].bullets == ("Leaders of 29 countries attended the forum in Beijing",)
    assert out[1].bullets == only.bullets  # said once, where it belongs


def test_a_summary_keeps_its_first_line_when_a_section_has_only_that_line():
    """The bottom line's first line is its topic sentence: the section repeats it rather than
    the summary opening with its second line."""
    only = section("Forum", "Leaders of 29 countries attended the forum in Beijing")
    out = dedupe_bullets([SUMMARY, only], "en")
    assert out[0] == SUMMARY
    assert out[1].bullets == only.bullets


LINES = ("Exports grew faster than imports", "Exports grew faster than imports last year",
         "Railways carried 3,700 freight trains to Europe", "Leaders of 29 countries attended",
         "The forum closed with a joint communique", "A fund of 40 billion dollars was set up")
TITLES = ("Bottom line", "Trade", "Forum")


@st.composite
def decks(draw) -> list[Slide]:
    slides = []
    for _ in range(draw(st.integers(1, 7))):
        if draw(st.booleans()):
            slides.append(Slide("kpi", "Numbers"))
            continue
        lines = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=3, unique=True))
        slides.append(section(draw(st.sampled_from(TITLES)), *lines, cont=draw(st.booleans())))
    return slides


@settings(max_examples=150, deadline=None)
@given(decks(), st.lists(st.sampled_from(LINES), max_size=4))
def test_dedupe_property(slides, spare):
    out = dedupe_bullets(slides, "en", lambda _title: spare)
    bullets = [s for s in out if s.kind == "bullets"]
    assert [s for s in out if s.kind != "bullets"] == [s for s in slides if s.kind != "bullets"]
    assert all(s.bullets for s in bullets)  # no slide left with its title alone
    firsts = [s.title for s in slides if s.kind == "bullets" and not s.title.endswith("(cont.)")]
    assert [s.title for s in bullets if not s.title.endswith("(cont.)")] == firsts
    said = [(k, line) for k, s in enumerate(bullets) for line in s.bullets]
    for i, (k, a) in enumerate(said):
        for m, b in said[i + 1:]:
            if near_duplicate(tokens(a, "en"), tokens(b, "en")) or a == b:
                # the one repeat allowed: a section's only line that an earlier slide had
                # alone, or as its first line (a summary's topic sentence)
                assert len(bullets[m].bullets) == 1, (a, b)
                assert len(bullets[k].bullets) == 1 or bullets[k].bullets[0] == a, (a, b)

"""briefgen/ingest/clean.py: PDF extraction damage repaired."""

from __future__ import annotations

from briefgen.ingest.clean import blocks_from_lines, normalize, reorder_items
from briefgen.ingest.read import PAGE_BREAK, Block


def _lines(*lines: str) -> list[Block]:
    return [Block(line, "line") for line in lines]


def _texts(blocks: list[Block], kind: str | None = None) -> list[str]:
    return [b.text for b in blocks if kind is None or b.kind == kind]


def test_spaces_between_cjk_and_digits_are_removed() -> None:
    assert normalize("于 5 月 14 日至 15 日在北京举行") == "于5月14日至15日在北京举行"
    assert (normalize("随 着“ 一 带 一 路” 建 设 提 速， 雅 万 高 铁")
            == "随着“一带一路”建设提速，雅万高铁")
    assert normalize("中国 - 蒙古生物高分子") == "中国-蒙古生物高分子"
    assert normalize("第７１届") == "第71届"


def test_spaces_between_latin_words_stay() -> None:
    assert normalize("the Belt and Road 2016") == "the Belt and Road 2016"


def test_lines_broken_mid_sentence_are_joined() -> None:
    # as in the seed: a blank line after every line, so one blank line is only a line break
    blocks = blocks_from_lines(_lines(
        "“一带一路”国际合作高峰论坛于 5 月 14 日至 15 日在北京举行，"
        "中国国家主席习近平出席论坛开", "",
        "幕式并主持领导人圆桌峰会。应习近平主席邀请，"
        "共有 29 个国家元首和政府首脑出席论坛。出席论坛的", "",
        "有来自 130 多个国家的官员。", "",
        "论坛的主题是“加强国际合作，共建‘一带一路 '，实现共赢发展”。", ""))
    first = ("“一带一路”国际合作高峰论坛于5月14日至15日在北京举行，中国国家主席习近平出席论坛开幕式"
             "并主持领导人圆桌峰会。应习近平主席邀请，共有29个国家元首和政府首脑出席论坛。出席论坛的"
             "有来自130多个国家的官员。")
    assert _texts(blocks) == [first, "论坛的主题是“加强国际合作，共建‘一带一路’，实现共赢发展”。"]


def test_english_lines_join_with_a_space_and_undo_hyphens() -> None:
    blocks = blocks_from_lines(_lines("Total trade between China and the coun-",
                                      "tries along the route was 6.3 trillion yuan."))
    joined = "Total trade between China and the countries along the route was 6.3 trillion yuan."
    assert _texts(blocks) == [joined]


def test_running_headers_are_dropped_after_their_first_occurrence() -> None:
    header = "“一带一路”倡议已经取得重要收获和成果"
    blocks = blocks_from_lines(_lines(
        header, "", "“一带一路”把世界的机遇变为中国的机遇。", "", "", "",
        header, "", "2016 年，中国与沿线国家经贸合作取得了可喜的成绩。", "", "", "",
        header, "", "目前中欧之间已开行 3700 多趟中欧班列。", ""))
    assert _texts(blocks).count(header) == 1
    assert blocks[0] == Block(header, "heading")
    assert len(_texts(blocks, "para")) == 3


def test_page_numbers_and_page_top_headers_go() -> None:
    blocks = blocks_from_lines(_lines(
        "Forum report", "The forum opened in Beijing.", "3", PAGE_BREAK,
        "Forum report", "It closed a day later.", "Page 4 of 9"))
    assert "3" not in _texts(blocks) and "Page 4 of 9" not in _texts(blocks)
    assert _texts(blocks).count("Forum report") == 1


def test_list_items_keep_their_own_paragraphs() -> None:
    blocks = blocks_from_lines(_lines(
        "“一带一路”倡议合作的重点为以下五个方面：", "",
        "一是政策沟通，这是“一带一路”建设的重要保障。", "",
        "二是设施联通，这是“一带一路”建设的优先领域。", "",
        "（三）贸易畅通。", "", "4. 资金融通。", ""))
    assert len(_texts(blocks, "para")) == 5


def test_an_inline_list_after_a_colon_stays_in_its_paragraph() -> None:
    blocks = blocks_from_lines(_lines("论坛重点打造了四方面成果：",
                                      "一是凝聚更多共识；二是明确合作方向。"))
    assert _texts(blocks) == ["论坛重点打造了四方面成果：一是凝聚更多共识；二是明确合作方向。"]


def test_items_out_of_order_are_sorted_and_the_lead_in_goes_first() -> None:
    paras = [Block(t) for t in ("一是甲。", "二是乙。", "三是丙。", "五是戊。", "四是丁。",
                                "重点为以下五个方面：")]
    assert _texts(reorder_items(paras)) == ["重点为以下五个方面：", "一是甲。", "二是乙。",
                                            "三是丙。", "四是丁。", "五是戊。"]


def test_captions_and_source_notes_are_told_apart() -> None:
    blocks = blocks_from_lines(_lines(
        "高峰论坛在北京举行", "", "习近平主席同出席论坛的代表们合影", "",
        "论坛于5月14日举行。", "", "（来源：新华社，2017年5月15日）"))
    assert [b.kind for b in blocks] == ["heading", "caption", "para", "source"]


def test_a_line_ending_in_chinese_punctuation_joins_a_latin_word_without_a_space() -> None:
    blocks = blocks_from_lines(_lines("各方同意在多边机制内加强协调，",
                                      "APEC成员将继续推动贸易自由化。"))
    assert _texts(blocks) == ["各方同意在多边机制内加强协调，APEC成员将继续推动贸易自由化。"]

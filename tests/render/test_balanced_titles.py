"""Titles that would end with a short last line ("…第二十六次会" / "议") are broken into lines of
about equal length: on the DOCX cover and masthead, and on every slide title."""

from __future__ import annotations

import io

from docx import Document
from pptx import Presentation

from briefgen.render.docx.balance import balanced
from briefgen.render.pptx import fit

TITLE = "上海合作组织成员国元首理事会第二十六次会议"  # 21 characters


def test_a_chinese_title_one_character_over_a_line_is_broken_in_the_middle() -> None:
    assert balanced(TITLE, 451, 22) == "上海合作组织成员国元首\n理事会第二十六次会议"
    assert balanced(TITLE, 600, 22) == TITLE  # fits on one line
    one_line = "第五届全球数字贸易博览会在杭州闭幕"
    assert balanced(one_line, 451, 22) == one_line
    assert balanced("Asia-Pacific Climate Resilience Conference", 200, 22) == (
        "Asia-Pacific Climate Resilience Conference")  # narrow letters: left to the word processor


def test_a_line_never_starts_with_a_closing_mark() -> None:
    text = "关于进一步扩大开放与深化合作》的联合声明和相关倡议文本等"  # 28: 》 is the 15th
    assert balanced(text, 451, 22) == "关于进一步扩大开放与深化合作》\n的联合声明和相关倡议文本等"


def test_slide_titles_balance_by_measured_width() -> None:
    assert fit.wrap(TITLE, 640, 40)[-1] == "二十六次会议" or len(fit.wrap(TITLE, 640, 40)[-1]) < 8
    lines = fit.balanced(TITLE, 640, 40)
    assert "".join(lines) == TITLE and len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 1


def test_the_writers_put_the_breaks_in(tmp_path) -> None:
    from briefgen.pipeline import build

    brief = tmp_path / "brief"
    brief.mkdir()
    source = (__import__("pathlib").Path(__file__).parents[1] / "data" / "briefs" /
              "sco-summit-zh" / "brief.yaml")
    (brief / "brief.yaml").write_bytes(source.read_bytes())
    outputs = {o.format: o.path for o in build(brief=brief, audiences=["executive"],
                                               formats=["docx", "pptx"], out=tmp_path / "out")}
    doc = Document(str(outputs["docx"]))
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    assert title.text == "上海合作组织成员国元首\n理事会第二十六次会议"
    deck = Presentation(io.BytesIO(outputs["pptx"].read_bytes()))
    shown = deck.slides[0].shapes.title.text_frame.text
    assert shown.replace("\v", "") == TITLE and "\v" in shown


def test_a_memo_detail_line_breaks_between_its_parts() -> None:
    from briefgen.render.docx.balance import between_parts

    parts = ["2026年7月14日–15日", "比什凯克", "上海合作组织秘书处、吉尔吉斯共和国政府"]
    assert between_parts(parts, "  ·  ", 451, 12) == (
        "2026年7月14日–15日  ·  比什凯克\n上海合作组织秘书处、吉尔吉斯共和国政府")
    short = ["4–5 November 2026", "Mombasa", "Kenya Ports Authority"]
    assert between_parts(short, "  ·  ", 451, 11) == "  ·  ".join(short)  # fits: one line

"""Sentences that lean on others: lists with their lead-in, openers that point back."""

from __future__ import annotations

import pytest

from briefgen.text.discourse import groups, item_head, list_marker, refers_back, stand_alone
from briefgen.text.segment import sentences

FORUM = (
    "论坛的主题是“加强国际合作，共建‘一带一路’，实现共赢发展”。"
    "论坛重点打造了四方面成果：一是凝聚更多共识；二是明确合作方向；三是推动项目落地；四是完善支撑体系。"
)
PRIORITIES = [
    "“一带一路”倡议合作的重点为以下五个方面：",
    "一是政策沟通，这是“一带一路”建设的重要保障。",
    "二是设施联通，这是“一带一路”建设的优先领域。",
    "三是贸易畅通，这是“一带一路”建设的重点内容。",
]
BACKGROUND = ("中国与不少国家发展理念相通，发展目标相近，发展路径相合。"
              "因此，“一带一路”倡议提出后得到了100多个国家和国际组织的积极响应和支持。")


def _groups(paragraphs, lang):
    sents, paras = [], []
    for p, para in enumerate(paragraphs):
        for s in sentences(para, lang):
            sents.append(s)
            paras.append(p)
    return sents, groups(sents, paras, lang)


def _texts(group, lang="zh"):
    sep = "" if lang == "zh" else " "
    return [sep.join(f.parts) for f in group.forms]


def test_list_items_never_leave_their_lead_in():
    sents, grps = _groups([FORUM], "zh")
    lead = sents.index("论坛重点打造了四方面成果：")
    (grp,) = [g for g in grps if g.first == lead]
    assert grp.last == len(sents) - 1
    texts = _texts(grp)
    assert (
        texts[0]
        == "论坛重点打造了四方面成果：一是凝聚更多共识；二是明确合作方向；"
        "三是推动项目落地；四是完善支撑体系。"
    )
    assert (
        "论坛重点打造了四方面成果：一是凝聚更多共识；二是明确合作方向。" in texts
    )  # trailing items go
    assert all(t.startswith("论坛重点打造了四方面成果：") for t in texts)
    assert not any(t.startswith("一是") for g in grps for t in _texts(g))


def test_items_in_their_own_paragraphs_and_their_heads():
    _, grps = _groups(PRIORITIES, "zh")
    (grp,) = grps
    texts = _texts(grp)
    assert (
        "“一带一路”倡议合作的重点为以下五个方面：一是政策沟通；二是设施联通；三是贸易畅通。"
        in texts
    )
    assert not any(
        t == "“一带一路”倡议合作的重点为以下五个方面。" for t in texts
    )  # no bare lead-in


def test_english_items_and_heads():
    paras = [
        "Cooperation focuses on the following three areas:",
        "First, policy coordination, which is an important guarantee for building the Belt and "
        "Road.",
        "Second, facilities connectivity, which is a priority area for building the Belt and Road.",
        "Third, unimpeded trade, which is a key focus of building the Belt and Road.",
    ]
    _, grps = _groups(paras, "en")
    (grp,) = grps
    texts = _texts(grp, "en")
    assert (
        "Cooperation focuses on the following three areas: first, policy coordination; second, "
        "facilities connectivity; third, unimpeded trade."
    ) in texts
    assert item_head(paras[1], "en") == "First, policy coordination"
    assert item_head("一是政策沟通，这是保障。", "zh") == "一是政策沟通"


def test_a_sentence_that_points_back_comes_with_its_predecessor_or_loses_the_connective():
    sents, grps = _groups([BACKGROUND], "zh")
    (grp,) = grps
    texts = _texts(grp)
    assert sents[0] + sents[1] in texts
    assert "“一带一路”倡议提出后得到了100多个国家和国际组织的积极响应和支持。" in texts
    assert sents[1] not in texts  # never "因此，…" on its own


def test_pointers_cannot_be_dropped():
    trade = ("2016年中国与沿线国家的进出口总额为6.3万亿元人民币，增长0.6%。"
             "其中出口3.8万亿元，增长0.7%；进口2.4万亿元，增长0.5%。")
    _, grps = _groups([trade], "zh")
    texts = [t for g in grps for t in _texts(g)]
    assert not any(t.startswith("其中") for t in texts)
    assert any(t.endswith("其中出口3.8万亿元，增长0.7%；进口2.4万亿元，增长0.5%。") for t in texts)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "因此，“一带一路”倡议提出后得到了积极响应和支持。",
            "zh",
            "“一带一路”倡议提出后得到了积极响应和支持。",
        ),
        (
            "在这一背景下，中国国家主席习近平2013年提出共建丝绸之路经济带的倡议。",
            "zh",
            "中国国家主席习近平2013年提出共建丝绸之路经济带的倡议。",
        ),
        ("其中出口3.8万亿元，增长0.7%。", "zh", None),
        ("该联盟的成立，将推动沿线国家航天创新要素的全方位交流。", "zh", None),
        (
            "Therefore, the initiative has received support from more than 100 countries.",
            "en",
            "The initiative has received support from more than 100 countries.",
        ),
        (
            "It was against this background that President Xi Jinping put forward the initiative "
            "in 2013.",
            "en",
            "President Xi Jinping put forward the initiative in 2013.",
        ),
        ("This innovative project has attracted many countries.", "en", None),
        ("Of this, exports were 3.8 trillion yuan, up 0.7%.", "en", None),
    ],
)
def test_stand_alone(sentence, lang, expected):
    assert refers_back(sentence, lang)
    assert stand_alone(sentence, lang) == expected


def test_what_does_not_point_back():
    assert not refers_back("中国与沿线国家签署了130多个运输协定。", "zh")
    assert not refers_back("其他一些国家的自贸区谈判也已经完成。", "zh")  # 其他 is not 其
    assert not refers_back("The forum was held in Beijing.", "en")
    assert list_marker("（一）加强政策沟通；", "zh") and list_marker("Second, trade.", "en")
    assert not list_marker("第71届联合国大会通过决议。", "zh")

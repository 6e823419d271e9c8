"""Labels filled without Jinja2 when they are plain text with {{ name }} placeholders: the same
text as the sandbox gives, and everything else still goes through the sandbox."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.plan.labels import _simple_fill, base_labels, fill
from briefgen.text.templates import render_text

NAMES = ("n", "count", "title")
VALUES = {"n": 3, "count": 2.5, "title": "一带一路"}
text = st.text(alphabet=st.sampled_from(list("ab 图表{}%#\n（）:")), max_size=12)
placeholder = st.builds(lambda name, left, right: "{{" + left + name + right + "}}",
                        st.sampled_from(NAMES), st.sampled_from(["", " "]),
                        st.sampled_from(["", " "]))


@given(st.lists(st.one_of(text, placeholder), max_size=6).map("".join))
def test_a_label_filled_directly_reads_as_the_sandbox_fills_it(source):
    direct = _simple_fill(source, VALUES)
    if direct is not None:
        assert direct == render_text(source, "label", **VALUES)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_bundled_label_is_filled_without_jinja(lang):
    for key, source in base_labels(lang).items():
        values = {name: 1 for name in re.findall(r"\{\{\s*(\w+)", source)}
        assert _simple_fill(source, values) == render_text(source, key, **values), key


def test_the_direct_fill_refuses_what_the_sandbox_refuses_for_length():
    """labels.py keeps its own copy of the source limit (importing it would import Jinja2)."""
    from briefgen.plan import labels
    from briefgen.text import templates

    assert labels._MAX_SOURCE == templates.MAX_SOURCE


def test_anything_more_goes_through_the_sandbox():
    labels = {"upper": "{{ title | upper }}", "missing": "图{{ m }}", "attr": "{{ n.__class__ }}"}
    assert fill(labels, "upper", title="ab") == "AB"
    with pytest.raises(InputError, match="label missing"):
        fill(labels, "missing", n=1)
    with pytest.raises(InputError, match="label attr"):
        fill(labels, "attr", n=1)

"""Label templates run in a fenced sandbox: injection payloads and resource bombs are refused."""

from __future__ import annotations

import time

import pytest

from briefgen.errors import InputError
from briefgen.text.templates import MAX_OUTPUT, check_template, render_text

PAYLOADS = {
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ cycler.__init__.__globals__.os }}",
    "self": "{{ self._TemplateReference__context }}",
    "range-loop": "{% for x in range(10**9) %}{{ n }}{% endfor %}",
    "range-call": "{{ range(10**9)|length }}",
    "attr-filter": "{{ n|attr('__class__') }}",
    "item-dunder": "{{ n['__class__'] }}",
    "item-indirect": "{{ n[k] }}",
    "format-method": "{{ '{0.__class__}'.format(n) }}",
    "string-repeat": "{{ 'x' * 1000000000 }}",
    "list-repeat": "{{ [n] * 100000 }}",
    "percent-width": "{{ '%0999999999d' % 1 }}",
    "center": "{{ n|center(1000000000) }}",
    "lipsum": "{{ lipsum(100000) }}",
    "set-doubling": "{% set a = 'xx' %}{% set a = a ~ a %}{{ a }}",
    "macro": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "include": "{% include '/etc/passwd' %}",
    "namespace": "{{ namespace }}",
    "config": "{{ config }}",
    "power": "{{ 10 ** 10 ** 10 }}",
    "long-source": "x" * 600,
}


@pytest.mark.parametrize("source", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_payload_is_an_input_error_naming_the_label(source):
    start = time.perf_counter()
    with pytest.raises(InputError) as info:
        render_text(source, "label figure_caption", n=3, k="__class__")
    # Not a speed check (bench/ measures speed): 10 ** 10 ** 10 evaluated would run for hours,
    # so a payload refused before it runs ends in far under this bound on any machine.
    assert time.perf_counter() - start < 30.0
    message = str(info.value.problems[0])
    assert message.startswith("label figure_caption: template ")
    assert "\n" not in message


@pytest.mark.parametrize("source, expected", [
    ("Figure {{ n }}", "Figure 3"),
    ("{{ n }}{% if n > 1 %} items{% else %} item{% endif %}", "3 items"),
    ("{{ place|upper }}, {{ date }}", "BEIJING, 14 May"),
    ("{{ '-' * 3 }}{{ n * 2 }}{{ (n / 2)|round(1) }}", "---61.5"),
    ("{{ place[:3] }}{{ n is odd }}", "BeiTrue"),
    ("{{ empty|default('-', true) }}", "-"),
])
def test_ordinary_labels_render(source, expected):
    assert render_text(source, "label x", n=3, place="Beijing", date="14 May",
                       empty="") == expected


def test_a_misspelt_name_is_refused_before_rendering():
    assert check_template("Figure {{ number }}", {"n"}) == (
        "unknown name 'number'", "this label can use: n")
    assert check_template("{{ x }}", ()) == ("unknown name 'x'", "this label takes no placeholders")


def test_runtime_error_in_a_label_is_an_input_error():
    with pytest.raises(InputError, match=r"label change: template '\{\{ n / 0 \}\}' failed: "
                                         "ZeroDivisionError"):
        render_text("{{ n / 0 }}", "label change", n=1)


def test_output_is_capped():
    with pytest.raises(InputError, match="over the 4,000-character limit"):
        render_text("{{ n ~ n ~ n ~ n ~ n }}", "label x", n="y" * MAX_OUTPUT)


def test_text_is_not_escaped_python_docx_does_that():
    assert render_text("{{ a }} & <b>", "label x", a="R&D <x>") == "R&D <x> & <b>"


def test_the_names_a_label_reads_come_from_parsing_it_with_the_same_fences() -> None:
    from briefgen.text.templates import UnsafeTemplate, compile_template, template_names

    source = "{{ n }}{% if year %} ({{ year|string }}){% endif %}"
    assert template_names(source) == compile_template(source).names == {"n", "year"}
    refused = 0
    for payload in PAYLOADS.values():  # refused by both, or read alike by both
        try:
            names = compile_template(payload).names
        except UnsafeTemplate as exc:
            refused += 1
            with pytest.raises(UnsafeTemplate) as again:
                template_names(payload)
            assert str(again.value) == str(exc)
        else:
            assert template_names(payload) == names
    assert refused >= 10

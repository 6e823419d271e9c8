"""Safe YAML reading: positions are kept, dangerous constructs refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.load import yaml_source
from briefgen.load.yaml_source import load_yaml


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    return path


def test_locate_points_at_the_nested_value(tmp_path):
    src = load_yaml(write(tmp_path, "a:\n  b:\n    - 1\n    - {c: 2}\n"))
    assert src.locate(("a", "b", 1, "c")) == (4, 11)


def test_locate_stops_at_the_deepest_existing_node(tmp_path):
    src = load_yaml(write(tmp_path, "a:\n  b: 1\n"))
    assert src.locate(("a", "missing")) == (2, 3)


def test_anchors_without_aliases_are_fine(tmp_path):
    assert load_yaml(write(tmp_path, "a: &x 1\nb: 2\n")).data == {"a": 1, "b": 2}


def test_deep_nesting_is_refused(tmp_path):
    with pytest.raises(InputError, match="nested deeper"):
        load_yaml(write(tmp_path, "a: " + "[" * 30 + "]" * 30 + "\n"))


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\n".encode("utf-8"))
    assert load_yaml(path).data == {"a": 1}


def test_a_key_given_twice_is_refused_at_the_second(tmp_path):
    with pytest.raises(InputError) as info:
        load_yaml(write(tmp_path, "meta:\n  title: A\n  title: B\n"))
    assert str(info.value) == (f"{tmp_path / 'x.yaml'}:3:3: key 'title' appears twice in this "
                               "mapping (first on line 2; keep one)")


def test_the_same_text_key_in_sibling_mappings_is_fine(tmp_path):
    assert load_yaml(write(tmp_path, "- {id: a}\n- {id: b}\n")).data == [{"id": "a"}, {"id": "b"}]


@pytest.mark.parametrize("text", ["a: *x\n", "a: &x [1]\nb: *x\n", "a: &x {k: 1}\nb: {<<: *x}\n"])
def test_every_alias_is_refused(tmp_path, text):
    with pytest.raises(InputError, match=r"aliases \(\*name\) are not allowed"):
        load_yaml(write(tmp_path, text))


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['ls']", "!!python/name:os.sep",
                                 "!!binary aGk=", "!!set {a}", "!include x.yaml", "!!omap [a: 1]"])
def test_tags_beyond_plain_data_are_refused(tmp_path, tag):
    with pytest.raises(InputError, match=r"^.*:1:4: tag \S+ is not allowed \(briefs are plain"):
        load_yaml(write(tmp_path, f"a: {tag}\n"))


def test_a_date_that_does_not_exist_is_located(tmp_path):
    with pytest.raises(InputError, match=r":2:12: '2017-02-29' is not a real date"):
        load_yaml(write(tmp_path, "a: 1\npublished: 2017-02-29\n"))


def test_a_raw_control_character_is_located(tmp_path):
    with pytest.raises(InputError, match=r":2:6: contains the control character U\+001B"):
        load_yaml(write(tmp_path, "a: 1\nb: ab\x1bc\n"))


def test_nan_and_inf_load_as_floats_for_the_schema_to_refuse(tmp_path):
    data = load_yaml(write(tmp_path, "a: .nan\nb: -.inf\n")).data
    assert data["a"] != data["a"] and data["b"] == float("-inf")


def test_size_is_checked_before_the_file_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, "a: 1\n")
    monkeypatch.setattr("briefgen.load.yaml_source.MAX_BYTES", 3)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read an oversized file"))
    with pytest.raises(InputError, match="file is 5 bytes, over the 3-byte limit"):
        load_yaml(path)


def test_a_folder_and_a_missing_file_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="is a folder, not a file"):
        load_yaml(tmp_path)
    with pytest.raises(InputError, match="file not found"):
        load_yaml(tmp_path / "nope.yaml")


def test_deep_nesting_in_block_style_is_refused(tmp_path):
    text = "".join("  " * i + f"k{i}:\n" for i in range(25)) + "  " * 25 + "v\n"
    with pytest.raises(InputError, match="nested deeper than 20 levels"):
        load_yaml(write(tmp_path, text))


# ----------------------------------------------------------------------------- two parsers


def _good_yaml() -> list[Path]:
    root = Path(__file__).resolve().parents[2]
    return sorted([*root.glob("briefs/*/brief.yaml"), *root.glob("tests/fixtures/*/brief.yaml"),
                   *root.glob("templates/profiles/*.yaml"), *root.glob("templates/labels/*.yaml")])


@pytest.mark.parametrize("path", _good_yaml(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_libyaml_and_the_pure_parser_build_the_same_data(path):
    text = path.read_text("utf-8-sig")
    assert yaml_source._parse(yaml_source._FastLoader, text)[1] == \
        yaml_source._parse(yaml_source._SafeLoader, text)[1]


def test_positions_are_the_pure_parsers(tmp_path):
    # libyaml puts an empty value in a flow mapping one column further on
    src = load_yaml(write(tmp_path, "a: {b: }\n"))
    assert src.locate(("a", "b")) == (1, 7)


def test_a_file_only_libyaml_reads_keeps_its_message_when_a_problem_is_located(tmp_path):
    # '?' inside a flow scalar: valid YAML, which the pure parser refuses
    src = load_yaml(write(tmp_path, "k: [a?b]\n"))
    assert src.data == {"k": ["a?b"]}
    with pytest.raises(InputError, match=r":1:6: expected ',' or ']', but got '\?'"):
        src.locate(("k", 0))


def test_a_tab_is_refused_by_the_pure_parser_although_libyaml_reads_it(tmp_path):
    with pytest.raises(InputError, match=r":1:3: a: a tab here, where YAML allows only spaces"):
        load_yaml(write(tmp_path, "a:\tb\n"))


def test_an_empty_tagged_value_reads_as_the_pure_parser_reads_it(tmp_path):
    assert load_yaml(write(tmp_path, "a: !\nb: 1\n")).data == {"a": None, "b": 1}  # libyaml: ''

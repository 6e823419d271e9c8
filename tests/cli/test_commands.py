"""Every subcommand as a user types it: validate, new, profiles, schema, ingest, help, version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from briefgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "data" / "bad"
BRIEFS = sorted((ROOT / "briefs").glob("*/brief.yaml"))
PROFILES = sorted((ROOT / "templates" / "profiles").glob("*.yaml"))


# --------------------------------------------------------------------------- help and version


def test_version_prints_name_and_version(capsys):
    from briefgen import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefgen {__version__}"


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["new"], ["profiles"],
                                     ["profiles", "show"], ["schema"]])
def test_every_help_fits_a_terminal_and_shows_an_example_or_option(command, capsys,
                                                                    monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: briefgen")
    assert max(len(line) for line in text.splitlines()) <= 80
    if not command:
        assert all(name in text for name in ("build", "validate", "new", "profiles", "schema",
                                             "ingest", "--audience", "examples:"))


# --------------------------------------------------------------------------- validate


@pytest.mark.parametrize("brief", BRIEFS, ids=lambda p: p.parent.name)
def test_validate_accepts_the_bundled_briefs(brief, capsys):
    assert main(["validate", str(brief.parent)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith(f"{brief}: ok (") and "plans for" in out


@pytest.mark.parametrize("case", ["several-references", "several-problems", "missing-figure-ref"])
def test_validate_lists_every_problem_one_per_line_and_exits_2(case, capsys):
    path = BAD / f"{case}.yaml"
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    expected = (BAD / f"{case}.expect").read_text("utf-8").format(path=path).strip()
    assert out == ""
    assert err.strip().splitlines() == expected.splitlines()
    assert all(line.startswith(f"{path}:") for line in err.strip().splitlines())


def test_validate_checks_profiles_and_plans_with_them(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("extends: press\nid: desk\nsummary: {zh: 3, en: 60}\n", "utf-8")
    stray = tmp_path / "stray.yaml"  # valid on its own, but names a section the brief lacks
    stray.write_text("extends: press\nid: stray\nsections: [no-such-section]\n", "utf-8")
    assert main(["validate", str(BRIEFS[0].parent), "-p", str(bad), "-p", str(stray)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{bad}:3:") and "summary.zh" in lines[0]
    assert "stray" in lines[1] and "no-such-section" in lines[1]


def test_validate_quiet_prints_nothing_on_success(capsys):
    assert main(["validate", "-q", str(BRIEFS[0])]) == 0
    assert capsys.readouterr() == ("", "")


# --------------------------------------------------------------------------- new


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_brief_validates_and_builds_for_every_audience(tmp_path, lang, capsys):
    folder = tmp_path / "My Forum 2025"
    assert main(["new", str(folder), "--lang", lang]) == 0
    brief = folder / "brief.yaml"
    assert capsys.readouterr().out.strip() == str(brief)
    data = yaml.safe_load(brief.read_text("utf-8"))
    assert data["meta"]["id"] == "my-forum-2025" and data["meta"]["language"] == lang
    assert (len(data["sections"]), len(data["figures"]), len(data["charts"])) == (2, 3, 1)
    assert data["quotes"] and data["timeline"] and data["sources"]
    text = brief.read_text("utf-8")
    assert "/" in text.splitlines()[1] and any("\u4e00" <= c <= "\u9fff" for c in text)  # zh+en
    assert main(["validate", str(folder)]) == 0
    out = tmp_path / "out"
    assert main(["build", str(folder), "-a", "all", "-o", str(out), "-q"]) == 0
    assert len(list(out.glob("my-forum-2025-*.docx"))) == 3
    assert len(list(out.glob("my-forum-2025-*.pptx"))) == 3


def test_new_refuses_to_overwrite_a_brief(tmp_path, capsys):
    assert main(["new", str(tmp_path / "ev"), "-q"]) == 0
    before = (tmp_path / "ev" / "brief.yaml").read_bytes()
    assert main(["new", str(tmp_path / "ev")]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "ev" / "brief.yaml").read_bytes() == before


# --------------------------------------------------------------------------- profiles


def test_profiles_lists_each_builtin_with_its_names(capsys):
    assert main(["profiles"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[0] for line in lines] == [p.stem for p in PROFILES]
    press = next(line for line in lines if line.startswith("press"))
    assert "Press release" in press and "新闻发布版" in press


def test_profiles_show_prints_the_shipped_yaml(capsys):
    assert main(["profiles", "show", "executive"]) == 0
    shipped = (ROOT / "templates/profiles/executive.yaml").read_text("utf-8")
    out = capsys.readouterr().out
    assert out.startswith(shipped)  # then, as comments, the tags it selects on (test_tags.py)
    assert all(line.startswith("#") for line in out[len(shipped):].split("\n") if line)


def test_profiles_show_merges_a_custom_profile(tmp_path, capsys):
    desk = tmp_path / "desk.yaml"
    desk.write_text("extends: executive\nid: desk\nsummary: {zh: 90, en: 45}\n", "utf-8")
    assert main(["profiles", "show", str(desk)]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)
    assert shown["id"] == "desk" and shown["summary"] == {"zh": 90, "en": 45}
    assert shown["slides"]["max_slides"] == 10  # from executive


def test_profiles_show_unknown_name_exits_2(capsys):
    assert main(["profiles", "show", "minister"]) == 2
    assert "built-ins: academic, executive, press" in capsys.readouterr().err


# --------------------------------------------------------------------------- schema


def _yaml_as_editors_read_it(path: Path) -> object:
    """YAML 1.2 as a language server reads it: dates stay strings (JSON has no date type)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(path.read_text("utf-8"), Loader=Loader)


def _schema(args: list[str], capsys) -> dict:
    assert main(["schema", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_schema_is_valid_json_schema_and_accepts_both_bundled_briefs(capsys, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema([], capsys)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert main(["new", str(tmp_path / "ev"), "-q"]) == 0
    for brief in [*BRIEFS, tmp_path / "ev" / "brief.yaml"]:
        errors = [f"{list(e.absolute_path)}: {e.message}"
                  for e in validator.iter_errors(_yaml_as_editors_read_it(brief))]
        assert errors == [], brief
    assert json.loads((tmp_path / "ev" / "brief.schema.json").read_text("utf-8")) == schema


def test_schema_rejects_what_the_loader_rejects(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(_schema([], capsys))
    data = _yaml_as_editors_read_it(BRIEFS[0])
    data["meta"]["titel"] = data["meta"].pop("title")
    assert not validator.is_valid(data)


def test_profile_schema_accepts_builtins_and_partial_profiles_that_extend(capsys):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema(["--profile"], capsys)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in PROFILES:
        assert validator.is_valid(yaml.safe_load(path.read_text("utf-8"))), path
    assert validator.is_valid({"extends": "press", "id": "desk", "slides": {"max_slides": 8}})
    assert not validator.is_valid({"id": "desk", "slides": {"max_slides": 8}})  # no extends
    assert not validator.is_valid({"extends": "press", "id": "desk", "sumary": {}})
    # selections: a bare list of rules, the old key include, never an unknown key
    assert validator.is_valid({"extends": "press", "id": "desk", "sections": ["tag:x", "*"]})
    assert validator.is_valid({"extends": "press", "id": "desk",
                               "figures": {"include": ["tag:key"], "max": 3}})
    assert not validator.is_valid({"extends": "press", "id": "desk",
                                   "sections": {"only": ["a"], "bogus": 1}})


# --------------------------------------------------------------------------- ingest


def test_ingest_is_forwarded_or_explained(monkeypatch, capsys, tmp_path):
    try:
        import briefgen.ingest.command  # noqa: F401
    except ModuleNotFoundError:
        assert main(["ingest", str(tmp_path / "x.txt")]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "ingest is not available" in err[0]
        return
    seen = []
    monkeypatch.setattr("briefgen.ingest.command.main", lambda argv: seen.append(argv) or 0)
    assert main(["-q", "ingest", "source.docx", "--help"]) == 0
    assert seen == [["source.docx", "--help"]]

"""What the preview says when it cannot run, and how it reads the plan (no LibreOffice needed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.build import plan_brief
from briefgen.cli import main
from briefgen.load.brief import load_brief
from briefgen.load.profile import load_profile
from briefgen.plan.model import DocPlan
from briefgen.preview.facts import describe, rule_for
from briefgen.resources import default_brief


def test_without_libreoffice_one_line_exit_2_nothing_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    out = tmp_path / "out"
    assert main(["preview", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "LibreOffice" in err[0] and "apt-get install" in err[0]
    assert not out.exists()


def test_bad_brief_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    brief = tmp_path / "brief.yaml"
    brief.write_text("meta: {id: x\n", encoding="utf-8")
    assert main(["preview", str(brief), "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.startswith(f"{brief}:")
    assert not (tmp_path / "out" / "preview").exists()


@dataclass(frozen=True)
class _Choice:
    kind: str
    id: str
    reason: str


@dataclass(frozen=True)
class _PlanWithChoices(DocPlan):
    """A plan as it will be once DocPlan records its choices (DocPlan.choices)."""

    choices: tuple[_Choice, ...] = ()


def _plans(lang: str = "zh") -> tuple[list[DocPlan], object]:
    brief = default_brief() if lang == "zh" else default_brief().parents[1] / \
        "belt-and-road-forum-2017-en" / "brief.yaml"
    return plan_brief(brief, ["all"], []), load_brief(brief).brief


def test_reasons_come_from_the_plan_when_it_records_them() -> None:
    plans, brief = _plans()
    executive = plans[0]
    first = brief.sections[0]
    plan = _PlanWithChoices(**{k: getattr(executive, k) for k in executive.__dataclass_fields__},
                            choices=(_Choice("section", first.id, "ranked 0.83"),
                                     _Choice("figure", "trade", "cited by the lead")))
    facts = describe(plan, load_profile("executive"), brief)
    assert facts.sections[0].reason == "ranked 0.83"
    assert [(c.kind, c.id, c.reason) for c in facts.choices] == [
        ("figure", "trade", "cited by the lead")]
    # Without recorded choices, the profile's first selector that takes the section.
    assert describe(executive, load_profile("executive"), brief).sections[0].reason == \
        rule_for(first, load_profile("executive").sections) == "rule tag:news"


def test_english_summaries_are_counted_in_words_against_their_budget() -> None:
    plans, brief = _plans("en")
    facts = describe(plans[1], load_profile("press"), brief)
    assert facts.unit == "words" and facts.sections
    budget = load_profile("press").summary.en
    assert all(s.budget == budget and 0 < s.length <= budget for s in facts.sections)

"""Every broken input in tests/data/bad/ gets exactly its expected one-line message."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.load.brief import load_brief

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
CASES = sorted(BAD.glob("*.yaml"))


def test_corpus_is_not_empty():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_brief_reports_expected_message(case: Path):
    expected = case.with_suffix(".expect").read_text("utf-8").strip().format(path=case)
    with pytest.raises(InputError) as info:
        load_brief(case)
    message = str(info.value.problems[0])
    assert message == expected
    assert "\n" not in message

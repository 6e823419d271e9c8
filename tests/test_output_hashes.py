"""The bundled briefs build to the very bytes recorded in tests/data/output-hashes.json.

A refactor must leave every file byte-identical; a change meant to alter the output regenerates
the record (``python tests/update_output_hashes.py``) and commits it with the change, so the
diff shows which files it touched. The record also names what else decides the bytes (library
versions, zlib, LibreOffice): where they differ from this machine's, a difference means nothing,
and the test skips, except under CI (``CI=true``), which installs the same versions and fails.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.update_output_hashes import (
    COMMAND,
    HASHES,
    build,
    environment,
    lays_out_contents,
    office_available,
)

RECORD = json.loads(HASHES.read_text("utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, str]:
    return build(tmp_path_factory.mktemp("output-hashes"))


@pytest.fixture(scope="module")
def same_environment() -> None:
    """Skip (or fail under CI) when what decides the bytes differs from the record's."""
    here = environment()
    recorded = RECORD["made_with"]
    if not office_available():
        here = {k: v for k, v in here.items() if k != "LibreOffice"}
        recorded = {k: v for k, v in recorded.items() if k != "LibreOffice"}
    differ = {k: (recorded.get(k), here.get(k)) for k in recorded.keys() | here.keys()
              if recorded.get(k) != here.get(k)}
    if differ:
        message = f"made with other versions (recorded, here): {differ}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


def test_the_record_covers_every_audience_of_both_briefs() -> None:
    names = RECORD["files"]
    assert len(names) == 12
    assert {n.rsplit("-", 1)[1] for n in names} == {"executive.docx", "executive.pptx",
                                                    "press.docx", "press.pptx",
                                                    "academic.docx", "academic.pptx"}


@pytest.mark.parametrize("name", sorted(RECORD["files"]))
def test_output_is_byte_identical_to_the_record(name, built, same_environment) -> None:
    if lays_out_contents(name) and not office_available():
        pytest.skip("LibreOffice or poppler missing: the contents page numbers are not laid "
                    "out, so this file differs from the record by design")
    assert name in built, f"{name} was not built"
    assert built[name] == RECORD["files"][name], (
        f"{name} changed. If the change is intended, run `{COMMAND}` and commit "
        f"{HASHES.name} with it; otherwise the change altered output it should not have.")


def test_no_unrecorded_output(built) -> None:
    assert sorted(built) == sorted(RECORD["files"]), f"new or missing files: run `{COMMAND}`"

"""Plans reused between builds: only while every input is unchanged, never stale, never trusted
blindly (briefgen/plan_cache.py)."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from briefgen import plan_cache
from briefgen.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "minimal-zh"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


@pytest.fixture
def brief(tmp_path, monkeypatch) -> Path:
    """A copy of the minimal brief to edit, with an empty cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFGEN_CACHE", raising=False)
    folder = tmp_path / "brief"
    shutil.copytree(FIXTURE, folder)
    return folder / "brief.yaml"


def build(brief: Path, out: Path, *extra: str) -> dict[str, str]:
    assert main(["--brief", str(brief), "-a", "press", "-f", "docx", "-o", str(out), "-q",
                 "-j", "1", *extra]) == 0
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def text_of(docx: Path) -> str:
    return "\n".join(p.text for p in Document(str(docx)).paragraphs)


def no_loading(monkeypatch) -> None:
    """Make loading fail: a build that still succeeds took its plans from the cache."""
    import briefgen.load.brief

    def refuse(path):
        raise AssertionError("loaded although the cache had the plans")

    monkeypatch.setattr(briefgen.load.brief, "load_brief", refuse)


def entries(brief: Path) -> list[Path]:
    return sorted((brief.parents[1] / "cache" / "briefgen" / "plans").glob("*.pickle"))


def test_an_unchanged_brief_reuses_its_plans_and_gives_the_same_bytes(brief, tmp_path,
                                                                       monkeypatch):
    first = build(brief, tmp_path / "a")
    assert len(entries(brief)) == 1
    no_loading(monkeypatch)
    assert build(brief, tmp_path / "b") == first


def test_an_edited_brief_is_loaded_and_planned_again(brief, tmp_path):
    build(brief, tmp_path / "a")
    text = brief.read_text("utf-8")
    brief.write_text(text.replace("深入交流", "坦诚深入交流"), "utf-8")
    build(brief, tmp_path / "b")
    assert "坦诚深入交流" in text_of(tmp_path / "b" / "mini-forum-press.docx")


def test_an_edit_that_keeps_size_and_time_is_still_seen(brief, tmp_path):
    """Files read are compared by content, not by size and time."""
    build(brief, tmp_path / "a")
    stat = brief.stat()
    text = brief.read_text("utf-8")
    brief.write_text(text.replace("上海举行", "北京举行"), "utf-8")  # same length in bytes
    os.utime(brief, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    build(brief, tmp_path / "b")
    assert "北京举行" in text_of(tmp_path / "b" / "mini-forum-press.docx")


def test_an_edited_custom_profile_is_read_again(brief, tmp_path):
    profile = tmp_path / "desk.yaml"
    profile.write_text("id: desk\nextends: press\nname: {zh: 值班, en: Desk}\n", "utf-8")
    build(brief, tmp_path / "a", "-p", str(profile), "-a", "desk")
    profile.write_text("id: desk\nextends: press\nname: {zh: 值班室, en: Desk}\n", "utf-8")
    build(brief, tmp_path / "b", "-p", str(profile), "-a", "desk")
    assert len(entries(brief)) == 1  # the same request, its entry replaced
    assert plan_cache.PlanCache(entries(brief)[0].parent).get(
        plan_cache.Request.of(brief, ["press", "desk"], [profile]))[1].meta.audience == "desk"


def test_a_photo_removed_after_a_build_is_reported_again(brief, tmp_path, capsys):
    (brief.parent / "team.png").write_bytes(PNG)
    with brief.open("a", encoding="utf-8") as handle:
        handle.write("photos:\n  - caption: 合影\n    file: team.png\n")
    build(brief, tmp_path / "a")
    (brief.parent / "team.png").unlink()
    assert main(["--brief", str(brief), "-a", "press", "-o", str(tmp_path / "b"), "-q"]) == 2
    assert "file not found in the brief's folder" in capsys.readouterr().err


def test_source_date_epoch_is_part_of_the_request(brief, tmp_path, monkeypatch):
    build(brief, tmp_path / "a")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(brief, tmp_path / "b")
    assert len(entries(brief)) == 2


def test_no_cache_neither_reads_nor_writes_it(brief, tmp_path, monkeypatch):
    build(brief, tmp_path / "a")
    monkeypatch.setattr(plan_cache.PlanCache, "get", lambda *a: pytest.fail("cache read"))
    monkeypatch.setattr(plan_cache.PlanCache, "put", lambda *a: pytest.fail("cache written"))
    build(brief, tmp_path / "b", "--no-cache")


@pytest.mark.parametrize("damage", ["truncated", "foreign pickle", "code in the pickle",
                                    "dotted name through a briefgen module"])
def test_a_damaged_or_foreign_entry_is_a_miss(brief, tmp_path, damage):
    first = build(brief, tmp_path / "a")
    entry = entries(brief)[0]
    if damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:50])
    elif damage == "foreign pickle":
        entry.write_bytes(pickle.dumps({"plans": "not these"}))
    elif damage == "code in the pickle":  # would run a command if unpickled without care
        entry.write_bytes(_os_system_pickle(f"touch {tmp_path / 'ran'}"))
    else:  # briefgen.pipeline imports os: "os.system" is reachable from it by a dotted name
        entry.write_bytes(_dotted_gadget("briefgen.pipeline", "os.system",
                                         f"touch {tmp_path / 'ran'}"))
    assert build(brief, tmp_path / "b") == first
    assert not (tmp_path / "ran").exists()


def _dotted_gadget(module: str, name: str, argument: str) -> bytes:
    """Protocol 4: STACK_GLOBAL module.name, called with one string argument."""
    def text(value: str) -> bytes:
        data = value.encode()
        return b"\x8c" + bytes([len(data)]) + data

    return (b"\x80\x04" + text(module) + text(name) + b"\x93" + text(argument) + b"\x85R.")


def _os_system_pickle(command: str) -> bytes:
    class Evil:
        def __reduce__(self):
            return os.system, (command,)

    return pickle.dumps(Evil())


def test_a_hit_never_imports_the_loader_libraries(brief, tmp_path):
    build(brief, tmp_path / "a")
    code = ("import sys; from briefgen.cli import main; "
            f"code = main(['--brief', {str(brief)!r}, '-a', 'press', '-f', 'docx', '-o', "
            f"{str(tmp_path / 'b')!r}, '-q', '-j', '1']); "
            "heavy = ('pydantic', 'rjieba', 'jinja2', 'briefgen.plan.summarize'); "
            "print(code, sorted(m for m in heavy if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True, cwd=tmp_path)
    assert done.stdout.split("\n")[0] == "0 []"


def test_the_cache_keeps_the_most_recently_used_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(plan_cache, "KEEP", 2)
    cache = plan_cache.PlanCache(tmp_path)
    deps = plan_cache.Dependencies.of([], [])
    for n, key in enumerate(["a", "b", "c"]):
        cache.put(plan_cache.Request(key), deps, [])
        os.utime(tmp_path / f"{key}.pickle", ns=(n * 10**9, n * 10**9))
    assert cache.get(plan_cache.Request("a")) is None  # pruned when "c" came
    assert cache.get(plan_cache.Request("b")) == []  # a hit makes it the most recent
    cache.put(plan_cache.Request("d"), deps, [])
    assert sorted(p.stem for p in tmp_path.glob("*.pickle")) == ["b", "d"]


def test_a_file_edited_while_the_build_reads_it_is_seen_next_time(brief, tmp_path, monkeypatch):
    """The entry records the bytes the loader read, not the file as it is after the build."""
    import briefgen.load.yaml_source as source

    real = source.read_capped

    def read_then_edit(path, max_bytes):
        data = real(path, max_bytes)
        if path.name == "brief.yaml":
            path.write_text(data.decode("utf-8").replace("上海举行", "北京举行"), "utf-8")
        return data

    monkeypatch.setattr(source, "read_capped", read_then_edit)
    build(brief, tmp_path / "a")
    monkeypatch.setattr(source, "read_capped", real)
    build(brief, tmp_path / "b")
    assert "北京举行" in text_of(tmp_path / "b" / "mini-forum-press.docx")


def test_two_paths_to_one_brief_through_a_symlink_are_two_requests(brief, tmp_path, capsys):
    """Photos are checked in the folder the user named; a second folder whose brief.yaml is a
    symlink to the first must be checked on its own."""
    (brief.parent / "team.png").write_bytes(PNG)
    with brief.open("a", encoding="utf-8") as handle:
        handle.write("photos:\n  - caption: 合影\n    file: team.png\n")
    build(brief, tmp_path / "a")
    other = tmp_path / "other"
    other.mkdir()
    (other / "brief.yaml").symlink_to(brief)
    assert main(["--brief", str(other), "-a", "press", "-o", str(tmp_path / "b"), "-q"]) == 2
    assert "file not found in the brief's folder" in capsys.readouterr().err

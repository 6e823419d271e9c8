"""How long a user waits for ``briefgen preview`` (issue 19): a cold preview of every audience,
and, in ``--watch`` mode, the time from saving a one-word edit to the page serving the new build.

Run from the repository root: ``python bench/preview/run.py`` (``--edits N``: how many edits in
a row, default 4; ``--dry-run``: print, leave bench/README.md alone).

* cold: ``briefgen preview BRIEF --audience all --no-cache`` into an empty folder, an empty
  cache, as a fresh process (LibreOffice started by the command);
* watch: ``briefgen preview BRIEF --audience all --watch`` on a copy of the bundled brief; once
  it serves, a section title gets one word changed, the file is saved, and the clock runs until
  ``/__preview__/version`` (what the open page asks for a few times a second before reloading)
  names a new version whose ``index.html`` holds the new word; then the next edit. The page's
  version changes only when its pictures are all drawn, so what is timed is the edit visible in
  the pages and slides, not only in the facts beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.speed.run import briefgen_cmd, cache_env, compile_briefgen, machine  # noqa: E402
from briefgen.resources import default_brief  # noqa: E402

#: The section title edited, and the words swapped into it in turn.
TITLE = "经贸合作与对外投资"
WORDS = ("贸易", "商贸", "外贸", "经贸")


def cold(work: Path, timeout: float) -> float:
    """Wall time of one cold preview of every audience with nothing cached."""
    out = work / "cold"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run([*briefgen_cmd(), "preview", str(default_brief()), "--audience", "all",
                    "--no-cache", "--quiet", "-o", str(out)], check=True, timeout=timeout,
                   env=cache_env(out / "cache"), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def version(url: str) -> str:
    with urllib.request.urlopen(url + "__preview__/version", timeout=5) as answer:
        return str(json.loads(answer.read())["version"])


def watch(work: Path, edits: int, timeout: float) -> list[float]:
    """Seconds from each save to the page serving a build that shows the edit."""
    folder = work / "brief"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    brief = folder / "brief.yaml"
    text = default_brief().read_text(encoding="utf-8")
    if TITLE not in text:
        raise SystemExit(f"the bundled brief has no section titled {TITLE}")
    brief.write_text(text, encoding="utf-8")
    out = work / "watch-out"
    log = (work / "watch.log").open("w")
    proc = subprocess.Popen([*briefgen_cmd(), "preview", str(brief), "--audience", "all",
                             "--watch", "-o", str(out), "-v"], stdout=subprocess.PIPE,
                            stderr=log, text=True, env=cache_env(work / "watch-cache"))
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()  # printed once the first build is served
        if not url.startswith("http"):
            raise SystemExit(f"preview --watch printed {url!r}; see {work / 'watch.log'}")
        times = []
        for n in range(edits):
            word = WORDS[n % len(WORDS)]
            before = version(url)
            time.sleep(0.6)  # not in the same modification-time tick as the last build
            brief.write_text(text.replace(TITLE, TITLE.replace("经贸", word)), encoding="utf-8")
            saved = time.perf_counter()
            while time.perf_counter() - saved < timeout:
                now = version(url)
                if now != before:
                    page = (out / "preview" / "index.html").read_text(encoding="utf-8")
                    if TITLE.replace("经贸", word) in page:
                        break
                    before = now
                time.sleep(0.05)
            else:
                raise SystemExit(f"edit {n + 1} did not show in {timeout} s")
            times.append(time.perf_counter() - saved)
            time.sleep(1.0)
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--edits", type=int, default=4, help="edits in a row (default 4)")
    p.add_argument("--colds", type=int, default=2, help="cold previews (default 2)")
    p.add_argument("--timeout", type=float, default=300, help="seconds per step (300)")
    p.add_argument("--dry-run", action="store_true", help="print; leave bench/README.md alone")
    args = p.parse_args(argv)
    where = machine()
    compile_briefgen()
    with tempfile.TemporaryDirectory(prefix="briefgen-preview-bench-") as tmp:
        work = Path(tmp)
        colds = [cold(work, args.timeout) for _ in range(args.colds)]
        edits = watch(work, args.edits, args.timeout)
        if os.environ.get("BRIEFGEN_BENCH_KEEP_LOG"):
            shutil.copy(work / "watch.log", os.environ["BRIEFGEN_BENCH_KEEP_LOG"])
    text = "\n".join([
        f"Measured {time.strftime('%Y-%m-%d')} on {where}; the bundled brief, every audience "
        "(six files, about a hundred pages and slides).", "",
        "| case | each run | median | goal |",
        "|---|---|---:|---:|",
        f"| cold preview (`--no-cache`, LibreOffice started) | "
        f"{', '.join(f'{t:.1f} s' for t in colds)} | {statistics.median(colds):.1f} s | "
        f"<= 15 s {'met' if statistics.median(colds) <= 15 else '**not met**'} |",
        f"| `--watch`: save of a one-word edit to the page serving it | "
        f"{', '.join(f'{t:.1f} s' for t in edits)} | {statistics.median(edits):.1f} s | "
        f"<= 5 s {'met' if statistics.median(edits) <= 5 else '**not met**'} |",
    ])
    print(text)
    if not args.dry_run:
        from bench.readme_block import write_block

        write_block("preview", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

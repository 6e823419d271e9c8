"""briefgen against pandoc on the same content, and briefgen's scaling with brief size.

Run from the repository root: ``python bench/speed/run.py`` (``--dry-run``: print, do not touch
bench/README.md; ``--reps N``; ``--scales 1,10,100``; ``--timeout S`` per command).

What is measured, every command as a user runs it (a cold process each time, ``subprocess``),
the three cases of issue 18 against their goals:

* ``briefgen --audience all --format docx,pptx`` again into the folder it built before, nothing
  changed: six files left alone (goal: at most half of pandoc's time);
* ``--no-cache`` for executive and press (four files, nothing reused: load, plan, render;
  goal 1.2x);
* a first build of all six files with an empty cache, LibreOffice on PATH, so the academic
  DOCX's contents are laid out twice for their page numbers (goal 4x); and the same without
  LibreOffice on PATH, for comparison.
* pandoc, converting the same content: the plan of each audience exported as Markdown
  (``export_md.py``: headings, summaries, figure tables, chart PNGs, quotes, sources), then
  ``pandoc X.md -o X.docx`` and ``-o X.pptx`` for the three audiences: six commands, one after
  another (the bar of every ratio), and two at a time. The export is not timed: pandoc gets the
  content already decided.

Wall time (min and median of the repetitions, interleaved so that load on the machine hits
all alike), CPU time (user + system, median) and peak memory (largest resident set of any one
process, from ``os.wait4``: a pool's workers are children of the measured command and count).
Scaling repeats the brief's sections and figures x1, x10, x100 (``scale.py``), with a
per-command timeout. Writes bench/speed/scaling.png and the tables to bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import briefgen
from bench.speed.export_md import export
from bench.speed.scale import write_scaled
from briefgen.resources import default_brief

FORMATS = ("docx", "pptx")


@dataclass(frozen=True)
class Run:
    """One measured command (or group of commands)."""

    wall: float
    cpu: float
    rss_mb: float
    ok: bool = True


def measure(cmd: Sequence[str], env: dict[str, str] | None = None,
            timeout: float | None = None) -> Run:
    """Run ``cmd`` in a fresh process; its wall time, CPU time and peak RSS (with descendants)."""
    # stderr to a file, not a pipe: a chatty child must never block on a full pipe.
    with tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err_file, env=env)
        deadline = None if timeout is None else start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                return Run(time.perf_counter() - start, usage.ru_utime + usage.ru_stime,
                           usage.ru_maxrss / 1024, ok=False)
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err_file.seek(0)
        err = err_file.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-500:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def measure_group(cmds: Sequence[Sequence[str]], parallel: int = 1,
                  timeout: float | None = None) -> Run:
    """Several commands as one job: wall time of the whole, CPU summed, the largest RSS."""
    start = time.perf_counter()
    with ThreadPoolExecutor(parallel) as pool:
        runs = list(pool.map(lambda c: measure(c, timeout=timeout), cmds))
    return Run(time.perf_counter() - start, sum(r.cpu for r in runs),
               max(r.rss_mb for r in runs), ok=all(r.ok for r in runs))


def briefgen_cmd() -> list[str]:
    """The console script next to this Python, as a user runs it; else ``python -m briefgen``."""
    script = Path(sys.executable).with_name("briefgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefgen"]


def pandoc_exe() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if not found:
            raise SystemExit("pandoc is missing: pip install pypandoc-binary") from None
        return found


def pandoc_cmds(pandoc: str, markdown: Sequence[Path], out: Path) -> list[list[str]]:
    return [[pandoc, "--quiet", str(md), "-o", str(out / f"{md.stem}.{fmt}")]
            for md in markdown for fmt in FORMATS]


def cache_env(folder: Path) -> dict[str, str]:
    """The environment with briefgen's cache (chart pictures, contents pages) in ``folder``."""
    return {**os.environ, "XDG_CACHE_HOME": str(folder)}


def without_soffice_env() -> dict[str, str]:
    """PATH with only this Python's folder: no LibreOffice, so no contents-page layout."""
    return {"PATH": str(Path(sys.executable).parent)}


# --------------------------------------------------------------------------- the runs


def compile_briefgen() -> None:
    """Write briefgen's bytecode, as ``pip install`` does for an installed package.

    The warm-up alone does not when the environment says ``PYTHONDONTWRITEBYTECODE`` (as
    sandboxes and CI images often do): every measured build then compiled its ~75 modules from
    source, about a tenth of a first build's CPU time, a cost no installed copy pays. Compiled
    in a child process: compiling here would grow this process, and a measured command's peak
    RSS counts the copy of this process it starts from.
    """
    package = Path(briefgen.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", "--invalidation-mode",
                    "timestamp", str(package)], check=True, stdout=subprocess.DEVNULL)


#: The cases of issue 18, with their goals as a ratio to pandoc's six conversions in turn.
GOALS = {
    "rebuild of all six files, nothing changed": 0.5,
    "first build (--no-cache) of executive + press": 1.2,
    "first build of all six, contents page numbers included": 4.0,
}
PANDOC = "pandoc, 6 commands in turn"


def compare(work: Path, reps: int, timeout: float) -> dict[str, list[Run]]:
    """briefgen's three cases and pandoc on the bundled brief, ``reps`` interleaved repetitions."""
    brief = default_brief()
    markdown = export(brief, work / "md")
    pandoc = pandoc_exe()
    base = [*briefgen_cmd(), "--brief", str(brief), "--format", "docx,pptx", "--quiet"]
    every = [*base, "--audience", "all"]
    two = [*base, "--audience", "executive", "--audience", "press"]
    warm = cache_env(work / "cache")  # filled by the warm-up below, as by a user's first build
    kept = work / "kept"  # the rebuild's output folder, as a user's: the files are there

    def empty(o: Path) -> dict[str, str]:
        return cache_env(o / "cache")

    jobs: dict[str, object] = {
        "rebuild of all six files, nothing changed": lambda o: measure(
            [*every, "-o", str(kept)], env=warm, timeout=timeout),
        "first build (--no-cache) of executive + press": lambda o: measure(
            [*two, "-o", str(o / "out"), "--no-cache"], env=empty(o), timeout=timeout),
        "first build of all six, contents page numbers included": lambda o: measure(
            [*every, "-o", str(o / "out")], env=empty(o), timeout=timeout),
        "first build of all six, no LibreOffice on PATH": lambda o: measure(
            [*every, "-o", str(o / "out")], env={**empty(o), **without_soffice_env()},
            timeout=timeout),
        PANDOC: lambda o: measure_group(pandoc_cmds(pandoc, markdown, o), 1, timeout),
        "pandoc, 2 at a time": lambda o: measure_group(pandoc_cmds(pandoc, markdown, o), 2,
                                                       timeout),
    }
    compile_briefgen()  # the .pyc files an installed package has
    for n, job in enumerate(jobs.values()):  # warm-up: the kept files, their caches
        out = work / "warm" / str(n)
        out.mkdir(parents=True, exist_ok=True)
        job(out)  # type: ignore[operator]
    results: dict[str, list[Run]] = {name: [] for name in jobs}
    for rep in range(reps):
        names = list(jobs) if rep % 2 == 0 else list(reversed(jobs))
        for name in names:
            out = Path(tempfile.mkdtemp(dir=work))
            results[name].append(jobs[name](out))  # type: ignore[operator]
            shutil.rmtree(out)
        print(f"  repetition {rep + 1}/{reps} done", file=sys.stderr)
    return results


#: The loader refuses briefs over 2 MB (a guard against pathological input); x100 is bigger, so
#: scaled briefs are built through this wrapper, which lifts the limit and otherwise runs the CLI.
LIFTED = ("import sys, briefgen.load.yaml_source as y; y.MAX_BYTES = 10**9; "
          "from briefgen.cli import main; sys.exit(main(sys.argv[1:]))")


def scaling(work: Path, factors: Sequence[int], reps: int, timeout: float
            ) -> tuple[dict[tuple[str, int], Run], list[str]]:
    """Time and memory of briefgen and pandoc (in turn) on the brief scaled by each factor."""
    from briefgen.load.yaml_source import MAX_BYTES

    pandoc = pandoc_exe()
    out: dict[tuple[str, int], Run] = {}
    notes: list[str] = []
    for factor in factors:
        brief = write_scaled(default_brief(), factor, work / f"x{factor}")
        lifted = brief.stat().st_size > MAX_BYTES
        if lifted:
            notes.append(f"x{factor} is {brief.stat().st_size / 1e6:.1f} MB, over the loader's "
                         f"{MAX_BYTES / 1e6:.0f} MB limit: built with the limit lifted "
                         "(`LIFTED` in run.py).")
        cli = [sys.executable, "-c", LIFTED] if lifted else briefgen_cmd()
        cmd = [*cli, "--brief", str(brief), "-a", "all", "-f", "docx,pptx", "-q"]
        n = reps if factor < 100 else 1
        # The whole work first (no cache, no LibreOffice: its layouts are not briefgen's cost);
        # when that runs out of time the rebuild is not tried. A rebuild runs once to fill its
        # own cache, then is measured.
        no_office = without_soffice_env()
        cache = cache_env(work / f"x{factor}" / "cache")
        variants = {"briefgen --no-cache": ([*cmd, "--no-cache"], no_office),
                    "briefgen, rebuild, nothing changed": (cmd, {**cache, **no_office})}
        kept = work / f"x{factor}" / "kept"  # the rebuild's folder: its files are there
        stopped = False
        for name, (argv, env) in variants.items():
            if stopped:
                out[(name, factor)] = Run(float("nan"), float("nan"), float("nan"), ok=False)
                continue
            rebuild = "rebuild" in name
            if rebuild:
                measure([*argv, "-o", str(kept)], env=env, timeout=timeout)
            runs = []
            for _ in range(n):
                target = kept if rebuild else Path(tempfile.mkdtemp(dir=work))
                runs.append(measure([*argv, "-o", str(target)], env=env, timeout=timeout))
                if not rebuild:
                    shutil.rmtree(target)
                if not runs[-1].ok:
                    stopped = True
                    break
            out[(name, factor)] = _best(runs)
            print(f"  x{factor} {name}: {_wall(out[(name, factor)])}", file=sys.stderr)
        # Exporting plans the brief as briefgen does; after a timeout above, it would time out too.
        markdown = None if stopped else _export_md(brief, work / f"x{factor}" / "md", timeout)
        if markdown is None:
            markdown = _repeat_md(work / "x1" / "md", factor, work / f"x{factor}" / "md-repeated")
            notes.append(f"x{factor}: briefgen did not finish within {timeout:.0f} s, so there is "
                         f"no plan to export; pandoc converts the x1 Markdown with its body "
                         f"repeated {factor} times.")
        runs = []
        for _ in range(n):
            target = Path(tempfile.mkdtemp(dir=work))
            runs.append(measure_group(pandoc_cmds(pandoc, markdown, target), 1, timeout))
            shutil.rmtree(target)
        out[("pandoc", factor)] = _best(runs)
        print(f"  x{factor} pandoc: {_wall(out[('pandoc', factor)])}", file=sys.stderr)
    return out, notes


def _export_md(brief: Path, folder: Path, timeout: float) -> list[Path] | None:
    """Export in a child process (planning a big brief can take long); None on timeout."""
    try:
        run = subprocess.run([sys.executable, str(HERE / "export_md.py"), str(brief),
                              str(folder)], capture_output=True, text=True, timeout=timeout,
                             check=True)
    except subprocess.TimeoutExpired:
        return None
    return [Path(line) for line in run.stdout.split()]


def _repeat_md(source: Path, factor: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for md in sorted(source.glob("*.md")):
        _, front, body = md.read_text("utf-8").split("---\n", 2)
        path = folder / md.name
        path.write_text(f"---\n{front}---\n" + body * factor, "utf-8")
        written.append(path)
    return written


def _best(runs: list[Run]) -> Run:
    ok = [r for r in runs if r.ok]
    return min(ok, key=lambda r: r.wall) if ok else runs[-1]


def _wall(run: Run) -> str:
    if run.wall != run.wall:  # NaN: not run
        return "not run"
    return f"{run.wall:.2f} s" if run.ok else f"> {run.wall:.0f} s (stopped)"


def _rss(run: Run) -> str:
    return "–" if run.rss_mb != run.rss_mb else f"{run.rss_mb:.0f} MB"


# --------------------------------------------------------------------------- report


def compare_table(results: dict[str, list[Run]]) -> str:
    """Each case's times and its median as a ratio to pandoc's median, with the goal."""
    pandoc = statistics.median(r.wall for r in results[PANDOC])
    rows = [("| command | wall min | wall median | CPU median | peak RSS | median vs pandoc "
             "in turn | goal |"), "|---|---:|---:|---:|---:|---:|---:|"]
    for name, runs in results.items():
        walls = [r.wall for r in runs]
        median = statistics.median(walls)
        if not all(r.ok for r in runs):
            name += " (some runs stopped at the timeout)"
        goal = GOALS.get(name)
        verdict = "" if goal is None else (f"<= {goal}x " +
                                           ("met" if median / pandoc <= goal else "**not met**"))
        rows.append(f"| {name} | {min(walls):.2f} s | {median:.2f} s | "
                    f"{statistics.median(r.cpu for r in runs):.2f} s | "
                    f"{max(r.rss_mb for r in runs):.0f} MB | {median / pandoc:.2f}x | "
                    f"{verdict} |")
    return "\n".join(rows)


def scaling_table(results: dict[tuple[str, int], Run], factors: Sequence[int]) -> str:
    names = list(dict.fromkeys(name for name, _ in results))
    head = "| brief | " + " | ".join(f"{n}: time | {n}: peak RSS" for n in names) + " |"
    rows = [head, "|---|" + "---:|" * (2 * len(names))]
    for factor in factors:
        cells = []
        for name in names:
            run = results[(name, factor)]
            cells += [_wall(run), _rss(run)]
        rows.append(f"| x{factor} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def plot(results: dict[tuple[str, int], Run], factors: Sequence[int], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(10, 4), dpi=120)
    for name in dict.fromkeys(n for n, _ in results):
        xs = [f for f in factors if (name, f) in results and results[(name, f)].wall
              == results[(name, f)].wall]
        runs = [results[(name, f)] for f in xs]
        line = ax_t.plot(xs, [r.wall for r in runs], marker="o", label=name)[0]
        for x, r in zip(xs, runs):
            if not r.ok:  # stopped at the timeout: a lower bound
                ax_t.annotate("stopped", (x, r.wall), textcoords="offset points", xytext=(4, 4),
                              fontsize=8, color=line.get_color())
        ax_m.plot(xs, [r.rss_mb for r in runs], marker="o", label=name)
    for ax, label in ((ax_t, "wall time, s"), (ax_m, "peak RSS of one process, MB")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(list(factors), [f"x{f}" for f in factors])
        ax.set_xlabel("brief size (sections and figures repeated)")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
    ax_t.legend(fontsize=8)
    ax_t.set_title("six files: 3 audiences x DOCX, PPTX", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.system()} {platform.machine()}, {cpus} CPUs, Python "
            f"{platform.python_version()}, load average {load:.1f} at the start")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reps", type=int, default=5, help="repetitions per command (default 5)")
    p.add_argument("--scales", default="1,10,100", help="brief size factors (default 1,10,100)")
    p.add_argument("--scale-reps", type=int, default=2, help="repetitions when scaling")
    p.add_argument("--timeout", type=float, default=600, help="seconds per command (600)")
    p.add_argument("--dry-run", action="store_true", help="print; leave bench/README.md alone")
    args = p.parse_args(argv)
    factors = [int(f) for f in args.scales.split(",")]
    where = machine()
    with tempfile.TemporaryDirectory(prefix="briefgen-speed-") as tmp:
        work = Path(tmp)
        print("briefgen vs pandoc…", file=sys.stderr)
        results = compare(work, args.reps, args.timeout)
        print("scaling…", file=sys.stderr)
        scaled, notes = scaling(work, factors, args.scale_reps, args.timeout)
    plot(scaled, factors, HERE / "scaling.png")
    versions = subprocess.run([pandoc_exe(), "--version"], capture_output=True, text=True,
                              check=True).stdout.splitlines()[0]
    text = "\n".join(line for line in [
        (f"Measured {time.strftime('%Y-%m-%d')} on {where}; {versions}. Each command is a cold "
         f"process, {args.reps} repetitions, interleaved, so load on the machine hits all alike; "
         "ratios are medians against pandoc's six conversions in turn, measured in the same "
         "run. A rebuild goes into the folder of an earlier build of the same brief (its files "
         "are left alone); first builds start from an empty cache."), "",
        compare_table(results), "",
        (f"Scaling (best of {args.scale_reps}; x100 once; timeout {args.timeout:.0f} s per "
         "command): the bundled brief with its sections and figures repeated "
         "(`bench/speed/scale.py`), without LibreOffice (its contents-page layouts are "
         "LibreOffice's time, not briefgen's; at x100 they take about a minute on a first "
         "build); pandoc converts each size's exported Markdown, six commands in turn."), "",
        scaling_table(scaled, factors), "",
        *(f"- {note}" for note in notes), "" if notes else None,
        "![scaling](speed/scaling.png)",
    ] if line is not None)
    print(text)
    if not args.dry_run:
        from bench.readme_block import write_block

        write_block("speed", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Work spread over forked worker processes, results delivered in order.

Workers are forked, so they inherit the brief, plans, renderers and chart paths; only an index
goes to a worker, and only its result (a DocPlan, or a staged file and its time) comes back,
pickled. A worker that dies (killed, out of memory) breaks the pool, which raises
BrokenProcessPool at once instead of waiting for a result that never comes.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import secrets
import sys
import threading
import types
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

from briefgen.errors import InputError, Problem


def worker_count(jobs: int | None, tasks: int, busy: int = 0) -> int:
    """Processes to render with: ``jobs`` if given; else two when the machine has an idle CPU
    besides the ``busy`` ones this build keeps busy otherwise (a LibreOffice started ahead).

    On an idle 2-CPU machine two forked workers render the six files of the bundled brief in
    0.49 s against 0.63 s in one process; on a busy one they are slower than one process, so
    the default looks at the load average first. With a LibreOffice laying out the contents on
    one of the two CPUs, two workers made the first build of all six files slower: 3.9-4.5 s
    against 2.9-3.1 s in one process. Workers run in a ProcessPoolExecutor: one that dies breaks
    the pool, and the build fails at once with a message instead of hanging.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is None:
        # Forking a process that runs other threads (a server, a notebook) can leave a child
        # waiting for a lock forever, and macOS system libraries are not fork-safe: such
        # callers get workers only when they ask.
        safe = sys.platform.startswith("linux") and threading.active_count() == 1
        jobs = 2 if safe and _idle_cpus() - busy >= 1.0 else 1
    return max(1, min(jobs, tasks))


#: Linux's load figures: the fourth field is "tasks running or ready to run/all tasks".
LOADAVG = "/proc/loadavg"


def _idle_cpus() -> float:
    """CPUs this process may use, less those other processes keep busy now: on Linux, the
    tasks running or ready to run this moment (``/proc/loadavg``), this one left out; elsewhere
    the load average of the last minute.

    The average of the last minute lags: after a build that ended a second ago it still says
    one CPU is busy, so builds run one after another (a benchmark, a script looping over
    briefs) never got workers on an idle machine.
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    try:
        with open(LOADAVG, encoding="ascii") as loadavg:
            running = int(loadavg.read().split()[3].split("/")[0])
        return cpus - max(0, running - 1)
    except (OSError, ValueError, IndexError):
        pass
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 0.0
    return cpus - load


T = TypeVar("T")
#: Work functions of the pools running now, by a token per call (a library caller may build
#: from two threads; each pool's forked workers find their own function).
_WORK: dict[str, Callable[[int], object]] = {}


def in_order(work: Callable[[int], T], count: int, workers: int,
             cost: Callable[[int], object], on_done: Callable[[T], None] | None = None) -> list[T]:
    """``[work(0), ..., work(count - 1)]``, computed in ``workers`` forked processes.

    Items start longest first (by ``cost``), so no worker is left with the slowest at the end;
    results are delivered to ``on_done`` and returned in index order all the same. When
    anything fails (or the user presses Ctrl-C), items not started are cancelled and the
    running ones are waited for, so no worker is still busy when the caller cleans up.
    """
    results: list[T] = []
    if workers <= 1 or count < 2:
        for i in range(count):
            results.append(work(i))
            if on_done:
                on_done(results[-1])
        return results
    with _forked(work, min(workers, count)) as submit:
        done: dict[int, T] = {}
        order = sorted(range(count), key=cost, reverse=True)
        for future in as_completed([submit(i) for i in order]):
            index, result = _unwrapped(future)
            done[index] = result
            while len(results) in done:
                results.append(done.pop(len(results)))
                if on_done:
                    on_done(results[-1])
    return results


def beside(work: Callable[[], T], meanwhile: Callable[[], None]) -> T:
    """``work()`` in one forked process while this one runs ``meanwhile()`` (work that needs
    this process, such as importing what comes next); ``work``'s result, or its error."""
    with _forked(lambda index: work(), 1) as submit:
        future = submit(0)
        meanwhile()
        return _unwrapped(future)[1]


@contextmanager
def _forked(work: Callable[[int], T], workers: int) -> Iterator[Callable[[int], Future]]:
    """A pool of ``workers`` forked processes, as a function that submits ``work(index)``.
    When the block ends, by an error or Ctrl-C too, items not started are cancelled and the
    running ones waited for."""
    _pickle_proxies()
    token = secrets.token_hex(8)
    _WORK[token] = work
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        yield lambda index: pool.submit(_call_work, token, index)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        del _WORK[token]


def _unwrapped(future: Future) -> tuple[int, Any]:
    """A worker's (index, result); an InputError it caught is raised here."""
    index, result = future.result()
    if isinstance(result, _Failed):
        raise InputError(result.problems)
    return index, result


@dataclass(frozen=True)
class _Failed:
    """An InputError from a worker: its problems pickle, the exception itself does not."""

    problems: list[Problem]


def _call_work(token: str, index: int) -> tuple[int, object]:
    try:
        return index, _WORK[token](index)
    except InputError as exc:
        return index, _Failed(exc.problems)


@functools.cache
def _pickle_proxies() -> None:
    """Let results that hold a plan's read-only mappings (mappingproxy, which pickle refuses)
    come back from workers: registered with the pool's pickler before the first pool forks,
    not when this module is imported."""
    from briefgen.plan_cache import reduce_proxy

    ForkingPickler.register(types.MappingProxyType, reduce_proxy)

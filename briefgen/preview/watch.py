"""``briefgen preview --watch``: serve the page on 127.0.0.1 and rebuild it when an input is saved.

Standard library only: ``http.server`` serves the preview folder and one small JSON answer,
``/__preview__/version`` (``{"version": ..., "error": ...}``), that the page asks for a few times a
second; it reloads when the version changes and shows the error while there is one. Inputs are
watched by polling their modification times (the brief's folder, profile files, templates), which
works the same on every system and costs microseconds for the few dozen files of a brief.

A bad edit does not touch the page: the build fails before writing anything, the error is shown
over the last good page, and the next good save clears it.
"""

from __future__ import annotations

import functools
import http.server
import json
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import InputError, first_line
from briefgen.office import resident as resident_office
from briefgen.preview.make import Options, find_soffice, make_preview
from briefgen.preview.page import version_of
from briefgen.resources import data_dir

#: Seconds between two looks at the inputs' modification times.
POLL = 0.25
#: Folders never looked into for inputs.
SKIP = frozenset({"__pycache__", "node_modules"})


@dataclass
class State:
    """What the page asks for: the version of the last good page, and the last build's error."""

    version: str = ""
    error: str = ""

    def answer(self) -> bytes:
        return json.dumps({"version": self.version, "error": self.error},
                          ensure_ascii=False).encode()


class Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the preview folder (the page never cached: a reload must show the new one) and
    the version answer."""

    state: State

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/__preview__/version":
            body = self.state.answer()
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        # Pictures are named by their content, so they never change; the page always may.
        immutable = self.path.startswith("/pages/") and self.path.endswith(".png")
        self.send_header("Cache-Control", "max-age=31536000, immutable" if immutable else
                         "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per picture would bury the build messages


def watched_files(options: Options) -> list[Path]:
    """Every file a rebuild depends on: the brief's folder (its pictures too), profile files,
    the organisation's templates, and briefgen's own templates (profiles, labels, page)."""
    brief = options.brief_path
    roots = [brief.parent if brief.is_file() or brief.suffix else brief, data_dir("templates")]
    files = [*options.profile_files, *(t for t in (options.docx_template, options.pptx_template)
                                       if t)]
    out = options.out.resolve()
    for root in roots:
        files += _walk(Path(root), out)
    return files


def _walk(root: Path, out: Path) -> Iterable[Path]:
    if not root.is_dir():
        return
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.name in SKIP or path.resolve() == out:
            continue
        if path.is_dir():
            yield from _walk(path, out)
        else:
            yield path


def stamps(files: Iterable[Path]) -> dict[Path, tuple[int, int]]:
    """Modification time and size of each file (missing files are left out: a deletion is a
    change too)."""
    seen = {}
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        seen[path] = (stat.st_mtime_ns, stat.st_size)
    return seen


def rebuild(options: Options, state: State, say: Callable[[str], None]) -> None:
    """Build once; on success the page's new version, on failure its error (page kept)."""
    started = time.perf_counter()
    try:
        preview = make_preview(options)
    except InputError as exc:
        more = len(exc.problems) - 1
        state.error = str(exc.problems[0]) + (f" (and {more} more)" if more > 0 else "")
    except Exception as exc:  # noqa: BLE001 - a watch session outlives one failed build
        state.error = f"internal error: {type(exc).__name__}: {first_line(exc)}"
    else:
        state.version, state.error = preview.version, ""
        say(f"briefgen: preview rebuilt in {time.perf_counter() - started:.1f} s")
        return
    say(f"briefgen: {state.error} (the page keeps the last good build)")


def serve(options: Options, port: int = 0, quiet: bool = False,
          stop: threading.Event | None = None) -> int:
    """Build, serve on 127.0.0.1:``port`` (0: a free one), print the address, and rebuild on
    every save until interrupted (or ``stop`` is set); exit status 0. LibreOffice runs
    meanwhile, one per CPU (:mod:`briefgen.office.resident`): a rebuild's conversions skip its
    start-up.

    :raises InputError: no LibreOffice, or the first build fails with no earlier page to show.
    """
    soffice = find_soffice()
    main = threading.current_thread() is threading.main_thread()
    # A SIGTERM ends the watch as Ctrl-C does, so the resident LibreOffice is stopped too.
    before = signal.signal(signal.SIGTERM, _interrupt) if main else None
    try:
        with resident_office.kept_running(soffice) as office:
            return _serve(options, office, port, quiet, stop)
    finally:
        if main:
            signal.signal(signal.SIGTERM, before if before is not None else signal.SIG_DFL)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve(options: Options, office: resident_office.ResidentOffices, port: int, quiet: bool,
           stop: threading.Event | None) -> int:
    state = State()
    say = (lambda text: None) if quiet else (lambda text: print(text, file=sys.stderr,
                                                                flush=True))
    index = options.folder / "index.html"
    if not index.is_file():
        state.version = make_preview(options).version  # nothing to show yet: fail as build does
    else:
        rebuild(options, state, say)
        state.version = state.version or version_of(index.read_text(encoding="utf-8"))
    handler = functools.partial(type("PreviewHandler", (Handler,), {"state": state}),
                                directory=str(options.folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    stop = stop or threading.Event()
    try:
        last = stamps(watched_files(options))
        while not stop.wait(POLL):
            now = stamps(watched_files(options))
            if now != last:
                last = now
                office.ensure_running()
                rebuild(options, state, say)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a watch ends
    finally:
        server.shutdown()
        server.server_close()
    return 0

"""What ``briefgen build`` says: paths on stdout, a status line and a result table on stderr.

Plain text rather than rich: the table is six lines, and rich would add a dependency and a
tenth of a second to every run. Pages and slides are read back from the written files.
"""

from __future__ import annotations

import re
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from briefgen.pipeline import Output

DASH = "–"


class Reporter:
    """Receives each written file (``on_file``) and prints the summary at the end."""

    def __init__(self, quiet: bool = False, verbose: int = 0, out: TextIO | None = None,
                 err: TextIO | None = None) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.out, self.err = out or sys.stdout, err or sys.stderr
        self.live = not quiet and self.err.isatty()
        self.count = 0
        self.started = time.perf_counter()
        self._status("building…")

    def file(self, output: Output) -> None:
        """One file is written: its path goes to stdout at once (scripts read it line by line)."""
        self.count += 1
        self.clear()
        if not self.quiet:
            print(output.path, file=self.out, flush=True)
        self._status(f"{self.count} file{'s' if self.count > 1 else ''} written, building…")

    def summary(self, outputs: Sequence[Output]) -> None:
        """The result table, when several audiences were built or -v was given."""
        self.clear()
        if self.quiet or not outputs:
            return
        if self.verbose or len({o.audience for o in outputs}) > 1:
            elapsed = time.perf_counter() - self.started
            print(result_table(outputs, elapsed), file=self.err, flush=True)

    def clear(self) -> None:
        if self.live:
            self.err.write("\r\033[K")
            self.err.flush()

    def _status(self, text: str) -> None:
        if self.live:
            self.err.write(f"\r\033[K{text}")
            self.err.flush()


def result_table(outputs: Sequence[Output], elapsed: float | None = None) -> str:
    """``file  pages  size  time`` for each output, aligned, with a total line.

    A file's time is its own rendering and writing, or "unchanged" for a file that was already
    what the build would write (left alone); the total is ``elapsed`` (wall clock, from start
    to end of the build), since files are rendered in parallel.
    """
    pdf_pages = {(o.path.parent, o.path.stem): length(o) for o in outputs if o.format == "pdf"}
    rows = [("file", "pages", "size", "time")]
    for o in outputs:
        count = length(o)
        if count == DASH and o.format == "docx":  # Word has not paginated it; the PDF has
            count = pdf_pages.get((o.path.parent, o.path.stem), DASH)
        when = "unchanged" if o.unchanged else f"{o.seconds:.2f} s"
        rows.append((str(o.path), count, human_size(o.path.stat().st_size), when))
    total = sum(o.path.stat().st_size for o in outputs)
    seconds = sum(o.seconds for o in outputs) if elapsed is None else elapsed
    rows.append((f"{len(outputs)} file{'s' if len(outputs) != 1 else ''}, wall clock", "",
                 human_size(total), f"{seconds:.2f} s"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].rjust(widths[2]),
                 row[3].rjust(widths[3])]
        lines.append("  ".join(cells).rstrip())
        if n == 0 or n == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def length(output: Output) -> str:
    """``12 pages`` / ``9 slides``, or a dash when the file does not say."""
    if output.format == "pptx":
        n = slide_count(output.path)
        return f"{n} slide{'s' if n != 1 else ''}"
    if output.format == "pdf":
        from briefgen.office import page_count

        pages = page_count(output.path)
    else:
        pages = docx_pages(output.path)
    return DASH if pages is None else f"{pages} page{'s' if pages != 1 else ''}"


_SLIDE_ID = re.compile(rb"<p:sldId\b")


def slide_count(path: Path) -> int:
    """Slides in a deck: the ``p:sldId`` entries of ppt/presentation.xml (python-pptx's count).

    Read from the zip directly; opening the deck with python-pptx would take longer than
    writing the table.
    """
    with zipfile.ZipFile(path) as z:
        return len(_SLIDE_ID.findall(z.read("ppt/presentation.xml")))


def docx_pages(path: Path) -> int | None:
    """Pages from docProps/app.xml, when an application that paginates wrote them.

    python-docx copies the app.xml of its default template (``Pages`` 1, ``Words`` 0) whatever
    the document holds, so a page count next to zero words is not believed.
    """
    try:
        with zipfile.ZipFile(path) as z:
            app = z.read("docProps/app.xml")
    except KeyError:
        return None
    pages = re.search(rb"<Pages>(\d+)</Pages>", app)
    words = re.search(rb"<Words>(\d+)</Words>", app)
    if not pages or not words or int(words.group(1)) == 0:
        return None
    return int(pages.group(1))


def human_size(size: int) -> str:
    """``48 KB``, ``1.2 MB`` (powers of 1024, as file managers show)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"

"""Pictures of every page and slide: LibreOffice makes PDFs, pypdfium2 draws their pages.

Measured on the bundled brief (six files, 101 pages and slides, 2 shared cores): LibreOffice
converts all six in one run in about 4 s; pypdfium2 draws and saves the 101 PNGs at 96 dpi in
2.8 s, where poppler's ``pdftoppm`` takes 12 s. pypdfium2 is a wheel with PDFium inside, so it
needs nothing from the system. Of pypdfium2's time, drawing is a fifth (0.6 s of CPU) and PNG
encoding the rest (2.0 s at zlib level 6, 1.4 s at level 1 for 10% more bytes).

Two content hashes keep the work down. Builds are byte-identical, so a file's hash names its
manifest (``pages/FILEHASH.json``: its pages in order) and its PDF: a file unchanged since the
last preview is not converted again. Each page's picture is named by the hash of its pixels
(``pages/PIXELHASH.png``): after a one-word edit, LibreOffice converts the files that changed,
but only the pages that look different are encoded again, and the browser keeps the rest. And
a DOCX that LibreOffice laid out during the build (to number its contents) is drawn from that
layout's PDF (:mod:`briefgen.contents.laid_out`) instead of being converted again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from briefgen import office
from briefgen.contents import laid_out
from briefgen.office import resident
from briefgen.write import store

log = logging.getLogger("briefgen")

#: Resolution of the pictures: an A4 page is 794 x 1123 pixels, a 16:9 slide 1280 x 720.
DPI = 96
#: zlib level of the PNGs: 1 encodes the bundled brief's pages in two thirds of level 6's time.
PNG_LEVEL = 1
#: LibreOffice runs at once, each with half the files (by size): on two CPUs one converts while
#: the other's PDFs are drawn. A run costs about 1.2 s of CPU to start and 0.4 s per file of
#: the bundled brief, so two runs trade CPU for wall-clock time. (The wall-clock gain is not
#: measured: on the shared machine, load 6-8 on 2 CPUs, one run and two took the same 16-21 s.)
LIBREOFFICE_RUNS = 2
#: Seconds the picture taker waits for the next file of a burst before converting what it has
#: (a LibreOffice start is paid once for the burst; not when LibreOffice is kept running).
GATHER = 1.0
#: PDFium may be used by one thread at a time.
_PDFIUM = threading.Lock()
#: Changes when the pictures would come out differently, so old ones are not reused.
RENDER_VERSION = f"pdfium-png-{DPI}"


@dataclass(frozen=True)
class Snapshot:
    """One office file as pictures: ``pages`` are paths relative to the preview folder."""

    source: Path
    key: str  # content hash of the file (and the render settings)
    pages: tuple[str, ...]
    pdf: str  # the PDF LibreOffice made of it, relative to the preview folder


def file_key(path: Path) -> str:
    digest = hashlib.sha256(RENDER_VERSION.encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def snapshot_all(soffice: str, files: Sequence[Path], folder: Path) -> list[Snapshot]:
    """Pictures of each of ``files`` under ``folder/pages``; only new content is converted."""
    with Snapshotter(soffice, folder) as snapper:
        for path in files:
            snapper.add(path)
        return snapper.finish()


class Snapshotter:
    """Takes pictures of files while the build is still writing the others.

    The build hands over each file as soon as it is in place (``on_file``). Without LibreOffice
    kept running, a worker thread gathers what has arrived (until nothing new comes for
    :data:`GATHER` seconds) and converts it in one LibreOffice run: while LibreOffice lays out
    the academic contents for the build, the files written before it are converted meanwhile,
    on the other CPU. With LibreOffices kept running (``--watch``: no start to pay), one worker
    per LibreOffice converts one file at a time, the largest waiting first, so the last file
    never queues behind others in one LibreOffice while another is idle.
    """

    def __init__(self, soffice: str, folder: Path) -> None:
        self.soffice = soffice
        self.pages_dir = folder / "pages"  # made with the first pictures: none on bad input
        self.keys: dict[Path, str] = {}
        self.waiting: dict[str, Path] = {}
        self.closed = False
        self.failure: BaseException | None = None
        self.changed = threading.Condition()
        lanes = resident.count(soffice)
        self.one_by_one = lanes > 0
        self.workers = [threading.Thread(target=self._work, name=f"preview-snapshots-{n}",
                                         daemon=True) for n in range(max(1, lanes))]
        for worker in self.workers:
            worker.start()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, path: Path) -> None:
        """Take pictures of ``path`` (now, unless the same content has them already)."""
        key = file_key(path)
        with self.changed:
            self.keys[path] = key
            if known(self.pages_dir, key) is None:
                self.waiting[key] = path
                self.changed.notify()

    def close(self) -> None:
        """No more files: convert what is waiting, then let the workers end."""
        with self.changed:
            self.closed = True
            self.changed.notify_all()
        for worker in self.workers:
            worker.join()

    def finish(self) -> list[Snapshot]:
        """The pictures of every file added, in the order added, once all are taken.

        :raises RuntimeError: when LibreOffice failed on a file.
        """
        self.close()
        if self.failure is not None:
            raise self.failure
        return [Snapshot(path, key, tuple(f"pages/{n}" for n in known(self.pages_dir, key) or ()),
                         f"pages/{key}.pdf") for path, key in self.keys.items()]

    def _next_batch(self) -> dict[str, Path]:
        """Files that arrived together, or one by one the largest waiting file (empty when
        closed and nothing waits)."""
        with self.changed:
            while not self.waiting and not self.closed:
                self.changed.wait()
            if self.one_by_one:
                if not self.waiting:
                    return {}
                key = max(self.waiting, key=lambda k: self.waiting[k].stat().st_size)
                return {key: self.waiting.pop(key)}
            while not self.closed:  # more may be on their way: the build writes in bursts
                count = len(self.waiting)
                self.changed.wait(GATHER)
                if len(self.waiting) == count:
                    break
            batch, self.waiting = self.waiting, {}
            return batch

    def _work(self) -> None:
        while batch := self._next_batch():
            if self.failure is not None:
                continue  # drain: the failure is reported once, by finish
            # While the build goes on it has the other CPU (LibreOffice laying out contents):
            # one run; once it is done, the last files are split between two.
            runs = LIBREOFFICE_RUNS if self.closed and not self.one_by_one else 1
            try:
                convert_new(self.soffice, batch, self.pages_dir, runs)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller by finish
                self.failure = exc


def convert_new(soffice: str, files: dict[str, Path], pages_dir: Path,
                runs: int = LIBREOFFICE_RUNS) -> None:
    """Convert ``files`` (by key) in at most ``runs`` LibreOffice runs at once."""
    started = time.perf_counter()
    pages_dir.mkdir(parents=True, exist_ok=True)
    batches = split(files, runs)
    with ThreadPoolExecutor(len(batches)) as pool:
        drawn = sum(pool.map(lambda batch: _convert(soffice, batch, pages_dir), batches))
    log.info("preview: %s files to PDF (%s LibreOffice runs), %s new pictures, in %.2f s",
             len(files), len(batches), drawn, time.perf_counter() - started)


def split(files: dict[str, Path], runs: int) -> list[dict[str, Path]]:
    """``files`` in at most ``runs`` batches of about equal size (largest first, each to the
    lightest batch), so the LibreOffice runs end at about the same time."""
    batches: list[dict[str, Path]] = [{} for _ in range(min(runs, len(files)))]
    weight = [0] * len(batches)
    for key, path in sorted(files.items(), key=lambda kv: -kv[1].stat().st_size):
        lightest = weight.index(min(weight))
        batches[lightest][key] = path
        weight[lightest] += path.stat().st_size
    return batches


def known(pages_dir: Path, key: str) -> list[str] | None:
    """The pictures of an earlier snapshot of the same content, if its PDF and every picture
    are still there."""
    try:
        names = [str(n) for n in json.loads((pages_dir / f"{key}.json").read_text())["pages"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    ok = (pages_dir / f"{key}.pdf").is_file() and all((pages_dir / n).is_file() for n in names)
    return names if ok else None


def _convert(soffice: str, files: dict[str, Path], pages_dir: Path) -> int:
    """One LibreOffice run for ``files`` (linked under their keys: a DOCX and a PPTX of one
    audience share a stem) but those LibreOffice laid out already, then each PDF drawn page by
    page, the manifest last; the number of pictures written (pages that look as before are
    not)."""
    staging = Path(tempfile.mkdtemp(prefix=".briefgen-preview-", dir=pages_dir))
    try:
        made = {key: staging / f"{key}.laid-out.pdf" for key, source in files.items()
                if _laid_out(source, staging / f"{key}.laid-out.pdf")}
        rest = [key for key in files if key not in made]
        for key in rest:
            _link_or_copy(files[key], staging / f"{key}{files[key].suffix}")
        if rest:
            inputs = [staging / f"{key}{files[key].suffix}" for key in rest]
            made.update(zip(rest, office.to_pdfs(soffice, inputs, staging)))
        written = 0
        for key in files:
            names, new = draw_pages(made[key], pages_dir)
            written += new
            os.replace(made[key], pages_dir / f"{key}.pdf")
            store(pages_dir / f"{key}.json", json.dumps({"pages": names}).encode())
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def draw_pages(pdf_file: Path, pages_dir: Path) -> tuple[list[str], int]:
    """Draw each page of ``pdf_file``; save the pictures not already in ``pages_dir``, each
    named by the hash of its pixels. The names, in page order, and how many were new."""
    import pypdfium2  # imported here: only previews need it

    names, new = [], 0
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf_file)
    try:
        for n in range(len(document)):
            with _PDFIUM:
                page = document[n]
                bitmap = page.render(scale=DPI / 72)
                picture = bitmap.to_pil()
                page.close()
            digest = hashlib.sha256(RENDER_VERSION.encode())
            digest.update(f"{picture.mode} {picture.size}".encode())
            digest.update(picture.tobytes())
            name = f"{digest.hexdigest()[:20]}.png"
            names.append(name)
            target = pages_dir / name
            if not target.is_file():
                tmp = target.with_name(f".{target.name}.{threading.get_ident()}.tmp")
                picture.save(tmp, format="PNG", compress_level=PNG_LEVEL)
                os.replace(tmp, target)
                new += 1
        return names, new
    finally:
        with _PDFIUM:
            document.close()


def _laid_out(source: Path, target: Path) -> bool:
    """Write the PDF LibreOffice made of ``source`` when it numbered its contents in this
    process (see :mod:`briefgen.contents.laid_out`); False when there is none."""
    if source.suffix.lower() != ".docx":
        return False
    data = laid_out.pdf_of(source.read_bytes())
    if data is None:
        return False
    target.write_bytes(data)
    return True


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def prune(folder: Path, keep: AbstractSet[str]) -> None:
    """Remove every file of ``folder`` not named in ``keep`` (pictures, PDFs and manifests of
    older builds, copies of files no longer built)."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.is_file() and path.name not in keep:
            path.unlink(missing_ok=True)

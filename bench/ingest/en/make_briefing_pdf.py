"""Make ``briefing-digital-trade.pdf`` from ``briefing-digital-trade.md``: a Word document with a
running header ("... BRIEFING NOTES  page N") and footer on every page, printed to PDF by
LibreOffice, so the benchmark reads a real PDF with real page furniture.

Run from anywhere: ``python bench/ingest/en/make_briefing_pdf.py`` (needs ``soffice``). The PDF is
committed; this script says how it was made.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "briefing-digital-trade.md"
HEADER = "DIGITAL TRADE FORUM BRIEFING NOTES\t\tpage "
FOOTER = "For delegations only - not for publication"


def _page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    """Append a PAGE field, so each page prints its own number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText" if text == "PAGE" else "w:t")
            el.text = text
        run._r.append(el)


def main() -> None:
    lines = SOURCE.read_text("utf-8").splitlines()
    doc = docx.Document()
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.text = HEADER
    _page_field(head)
    section.footer.paragraphs[0].text = FOOTER
    doc.add_paragraph(lines[0], style="Title")
    doc.add_paragraph(lines[1], style="Subtitle")
    for line in lines[2:]:
        if not line.strip():
            continue
        if line[0].isdigit():
            if not line.startswith("1."):
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_paragraph(line, style="Heading 1")
        else:
            doc.add_paragraph(line)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "briefing-digital-trade.docx"
        doc.save(path)
        subprocess.run([shutil.which("soffice") or "soffice", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(path)], check=True, capture_output=True, timeout=300)
        shutil.copy(path.with_suffix(".pdf"), HERE / "briefing-digital-trade.pdf")


if __name__ == "__main__":
    main()

"""Page numbers for a DOCX's contents, found on the pipeline's side of the writer.

A TOC field is only as good as its cached result, and LibreOffice prints that result as it is
(``docs/dev/analysis/docx-toc.md``). So the numbers are filled in by the writer, and found here:
the writer builds the document with a bookmark on each heading and hands a function that
builds it with given numbers (:data:`briefgen.render.docx.toc.LayOut`) to the page-number
function the pipeline gave it (:class:`.page_numbers.PageNumbers`). That function has
LibreOffice lay the document out (:mod:`.layout`, :mod:`briefgen.office`), reads where each
heading fell in the PDF (:mod:`.pdf_pages`), keeps the settled numbers for the next build, and
remembers the last PDF for the preview (:mod:`.laid_out`).
"""

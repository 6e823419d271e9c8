"""The page-number function a build hands the DOCX writer (:class:`PageNumbers`).

The writer only writes: it asks this function for its contents' numbers, passing a function
that builds the document with given numbers. Finding LibreOffice, laying out, and keeping the
settled numbers between builds happen here, on the pipeline's side.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from briefgen import made_from, office
from briefgen.contents.layout import note, settle
from briefgen.contents.page_cache import PageCache
from briefgen.plan import model as m
from briefgen.render.docx.toc import LayOut


class PageNumbers:
    """Contents page numbers from LibreOffice's layout of the finished document.

    :param template: the writer's template (part of what the document is made from).
    :param cache: where settled numbers are kept between builds (None: lay out every time).
    :param native_charts: the writer's setting (part of what the document is made from).
    """

    def __init__(self, template: Path | None = None, cache: PageCache | None = None,
                 native_charts: bool = True) -> None:
        self.template, self.cache, self.native_charts = template, cache, native_charts

    def __call__(self, plan: m.DocPlan, charts: Mapping[str, Path], lay_out: LayOut,
                 entries: int) -> list[int] | None:
        """The numbers of ``plan``'s contents, or None (with a note on stderr) without them."""
        soffice = office.find_soffice()
        if soffice is None:
            note("contents page numbers not filled: LibreOffice not found")
            return None
        source = (made_from.document_source(plan, charts, self.template, self.native_charts)
                  if self.cache else "")
        # The hint's name: what stays the same while a brief is edited (not its headings: an
        # edited heading seldom moves a page, and then one layout of the document as written
        # confirms the last numbers, and that PDF is the one a preview draws).
        name = "\n".join([plan.meta.brief_id, plan.meta.audience,
                          str(self.template or ""), str(entries)])
        return settle(lay_out, soffice, self.cache, name=name, source=source, entries=entries)

"""Adding slides, notes slides and parts to a deck in constant time each, with python-pptx's XML.

python-pptx pays for each new part in proportion to the deck so far: ``next_partname`` walks
every part of the package, relating a slide to the presentation scans all of its relationships,
a new slide id is the maximum over all slide ids, and the notes master is found by scanning the
presentation's relationships again. Over a deck that is quadratic in its slides. Cloning layout
and notes-master placeholders through python-pptx's proxies is also the costliest step of a
slide that has little text.

:class:`SlideMaker` does the same work with counters, and copies each layout's placeholders (and
the notes master's) from a slide prepared once by python-pptx's own cloning code, so every part,
relationship, id and element comes out as python-pptx makes it: the file's bytes do not change.
The bookkeeping is exact as long as every part added to the package while a deck is built is
added through python-pptx's part factories (which ask ``next_partname``) or through this module,
and no part is dropped; the writer only ever adds parts.
"""

from __future__ import annotations

import copy
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.slide import NotesMasterPart, NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.slide import NotesSlide, Slide, SlideLayout

from briefgen.render.pptx import oxml

_SLIDE_NAME = "/ppt/slides/slide%d.xml"  # python-pptx's PresentationPart._next_slide_partname
_NOTES_NAME = "/ppt/notesSlides/notesSlide%d.xml"


class PartNames:
    """``next_partname`` for one package, from a set of taken names kept per name prefix.

    python-pptx returns the highest free ``n <= len(taken) + 1``; this does the same, but reads
    the taken names from the package once per prefix and then records each name it hands out,
    instead of walking the whole package every time.
    """

    def __init__(self, package: Any) -> None:
        self._package = package
        self._taken: dict[str, set[str]] = {}

    def next_partname(self, tmpl: str) -> PackURI:
        """The partname python-pptx's ``OpcPackage.next_partname(tmpl)`` would give now."""
        prefix = tmpl[: (tmpl % 42).find("42")]
        taken = self._taken.get(prefix)
        if taken is None:
            taken = {p.partname for p in self._package.iter_parts()
                     if p.partname.startswith(prefix)}
            self._taken[prefix] = taken
        for n in range(len(taken) + 1, 0, -1):
            candidate = tmpl % n
            if candidate not in taken:
                taken.add(candidate)
                return PackURI(candidate)
        raise AssertionError("no free partname")  # unreachable: n = 1 .. len + 1 has a gap


def install_part_names(prs: Presentation) -> PartNames:
    """Make ``prs``'s package (this one object only) name new parts with :class:`PartNames`."""
    package = prs.part.package
    names = PartNames(package)
    package.next_partname = names.next_partname  # shadows the method on this instance only
    return names


class SlideMaker:
    """Adds slides, each with its layout's placeholders, and notes slides to one presentation."""

    def __init__(self, prs: Presentation) -> None:
        install_part_names(prs)
        self._prs_part = prs.part
        self._package = prs.part.package
        self._ids = oxml.slide_id_list(prs.part)
        self._next_id = oxml.next_slide_id(self._ids)  # python-pptx's rule, once: max id + 1
        self._slides: dict[Any, CT_Slide] = {}  # layout part -> slide with its placeholders
        self._notes: tuple[NotesMasterPart, CT_NotesSlide] | None = None

    @property
    def count(self) -> int:
        """Slides in the deck so far."""
        return len(self._ids)

    def add_slide(self, layout: SlideLayout) -> Slide:
        """A new last slide on ``layout``, as ``prs.slides.add_slide(layout)`` makes it."""
        part = SlidePart(PackURI(_SLIDE_NAME % (self.count + 1)), CT.PML_SLIDE, self._package,
                         copy.deepcopy(self._prepared_slide(layout)))
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        # A new part has no relationship yet, so skip relate_to's scan of the existing ones.
        rId = self._prs_part.rels._add_relationship(RT.SLIDE, part)
        oxml.append_slide_id(self._ids, self._next_id, rId)
        self._next_id += 1
        return part.slide

    def add_notes_slide(self, slide: Slide) -> tuple[NotesSlide, Any | None]:
        """A new notes slide for ``slide`` (which has none yet) and its notes body p:sp (None if
        the notes master has no body), as ``slide.notes_slide`` and ``.notes_placeholder``
        give them."""
        master_part, prepared = self._prepared_notes()
        element = copy.deepcopy(prepared)
        part = NotesSlidePart(self._package.next_partname(_NOTES_NAME), CT.PML_NOTES_SLIDE,
                              self._package, element)
        part.relate_to(master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide, oxml.notes_body(element.cSld.spTree)

    def _prepared_slide(self, layout: SlideLayout) -> CT_Slide:
        """A bare p:sld holding ``layout``'s cloneable placeholders, made once per layout."""
        prepared = self._slides.get(layout.part)
        if prepared is None:
            prepared = CT_Slide.new()
            Slide(prepared, None).shapes.clone_layout_placeholders(layout)
            self._slides[layout.part] = prepared
        return prepared

    def _prepared_notes(self) -> tuple[NotesMasterPart, CT_NotesSlide]:
        """The notes master part (created on first use, as python-pptx does) and a bare p:notes
        holding its cloneable placeholders."""
        if self._notes is None:
            master_part = self._prs_part.notes_master_part
            prepared = CT_NotesSlide.new()
            NotesSlide(prepared, None).clone_master_placeholders(master_part.notes_master)
            self._notes = (master_part, prepared)
        return self._notes

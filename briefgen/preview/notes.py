"""Speaker notes, read back from the written deck: what the speaker will see, not what was
planned."""

from __future__ import annotations

from pathlib import Path


def speaker_notes(deck: Path) -> list[str]:
    """The notes text of each slide of ``deck``, in order ("" for a slide without notes)."""
    from pptx import Presentation

    notes = []
    for slide in Presentation(str(deck)).slides:
        frame = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        notes.append(frame.text.strip() if frame is not None else "")
    return notes

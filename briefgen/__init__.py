"""briefgen: audience-specific Word briefings and PowerPoint decks from structured event content.

Pipeline: load (``briefgen.load``) -> plan (``briefgen.plan``) -> render (``briefgen.render``)
-> write (``briefgen.write``); :func:`briefgen.build.build` runs them all.
"""

__version__ = "0.1.0"

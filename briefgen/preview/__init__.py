"""``briefgen preview``: one local page showing every page and slide each audience got, and why.

- :mod:`.snapshots`: office files -> PDFs (one LibreOffice run) -> page pictures (pypdfium2),
  kept by content hash so an unchanged file is never converted twice;
- :mod:`.facts`: what each audience got and why, read from its DocPlan and its files;
- :mod:`.page`: the HTML page (a Jinja2 template in ``templates/preview``);
- :mod:`.make`: build, snapshot, describe, write ``OUT/preview/index.html``;
- :mod:`.watch`: serve the page on 127.0.0.1 and rebuild when an input is saved.
"""

"""Draft a brief.yaml from raw event text (a brochure, a press release, a PDF extract).

The stages mirror the build's: ``read`` (file -> blocks), ``clean`` (repair extraction damage),
``structure`` (blocks -> title, sections, captions, sources), ``figures`` / ``dates`` /
``quotes`` (facts found in the sentences), ``charts`` (proposals), ``draft`` (YAML with
``# check:`` comments). ``command.main`` is the ``briefgen ingest`` entry point.
"""

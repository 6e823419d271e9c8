"""Suite-wide settings.

Filling the contents page numbers lays the academic DOCX out with LibreOffice (1-3 s a pass).
Only the tests about that feature need it (tests/render/test_docx_toc.py and
tests/test_docx_outputs.py switch it back on); everywhere else it would only cost time.
"""

from __future__ import annotations

import os

os.environ.setdefault("BRIEFGEN_TOC_PAGES", "0")

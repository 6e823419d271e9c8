"""Suite-wide settings.

Filling the contents page numbers lays the academic DOCX out with LibreOffice (1-3 s a pass).
Only the tests about that feature need it (tests/render/test_docx_toc.py and
tests/test_docx_outputs.py switch it back on); everywhere else it would only cost time.

Builds keep chart pictures and contents page numbers in a cache; the suite gets its own, empty
one, so a test never depends on what an earlier run (or the user's builds) left there.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("BRIEFGEN_TOC_PAGES", "0")

_CACHE = tempfile.mkdtemp(prefix="briefgen-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

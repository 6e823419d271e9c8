"""The fonts briefgen draws and measures with, and the face names it writes into documents.

Chinese text uses Noto Sans CJK SC, installed by the ``noto-cjk-sans-otc`` wheel (OFL-1.1), so
charts and text measurement need no system font. The documents name the same faces, so Word,
PowerPoint and LibreOffice pick the Simplified Chinese glyph variants.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

#: Face index of "Noto Sans CJK SC Regular" inside NotoSansCJK-Regular.ttc.
CJK_TTC_INDEX_SC = 2
CJK_FAMILY = "Noto Sans CJK SC"
LATIN_FAMILY_ZH = "Noto Sans CJK SC"
LATIN_FAMILY_EN = "Calibri"


@lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    """Path of the Noto Sans CJK collection shipped by the ``noto-cjk-sans-otc`` wheel."""
    import noto_cjk_sans_otc

    return Path(noto_cjk_sans_otc.FONT_PATH)


@lru_cache(maxsize=1)
def dejavu_font_path() -> Path:
    """Path of the DejaVu Sans matplotlib bundles, which chart pictures fall back to.

    Found without importing matplotlib, so checking that a text can be drawn draws nothing.
    """
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("matplotlib, which bundles DejaVu Sans, is not installed")
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"

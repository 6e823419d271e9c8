"""Replace one marked block of bench/README.md, so each benchmark owns only its own table."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def write_block(name: str, body: str) -> None:
    """Put ``body`` between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
    text = README.read_text("utf-8")
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(\n<!-- {name}:end -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"bench/README.md has no block {name!r}")
    README.write_text(pattern.sub(lambda m: m.group(1) + body.strip() + m.group(2), text), "utf-8")

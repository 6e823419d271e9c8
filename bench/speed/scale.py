"""Bigger briefs for the scaling benchmark: the bundled brief, sections and figures repeated.

Copy k of every section gets the id ``ID-k`` and cites copy k of its figures (``FIG-k``); charts,
quotes and photos stay with the originals, so each copy is new text for the summariser and new
rows for the figure tables, without charts being shown twice.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml


def scaled(data: dict[str, Any], factor: int) -> dict[str, Any]:
    """``data`` (a brief as plain YAML data) with sections and figures ``factor`` times over."""
    out = copy.deepcopy(data)
    if factor == 1:
        return out
    out["meta"]["id"] = f"{data['meta']['id']}-x{factor}"
    zh = data["meta"]["language"] == "zh"
    sections, figures = list(out["sections"]), list(out["figures"])
    for k in range(2, factor + 1):
        for fig in data["figures"]:
            figures.append({**copy.deepcopy(fig), "id": f"{fig['id']}-{k}"})
        for sec in data["sections"]:
            new = copy.deepcopy(sec)
            new["id"] = f"{sec['id']}-{k}"
            new["title"] = f"{sec['title']}（{k}）" if zh else f"{sec['title']} ({k})"
            new["figures"] = [f"{f}-{k}" for f in sec.get("figures", [])]
            new.pop("charts", None)
            new.pop("quotes", None)
            sections.append(new)
    out["sections"], out["figures"] = sections, figures
    return out


def write_scaled(brief: Path, factor: int, folder: Path) -> Path:
    """Write the scaled brief to ``folder/brief.yaml``; return its path."""
    data = yaml.safe_load(brief.read_text("utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "brief.yaml"
    path.write_text(yaml.safe_dump(scaled(data, factor), allow_unicode=True, sort_keys=False,
                                   width=1000), "utf-8")
    return path

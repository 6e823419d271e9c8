"""A figure as found in a sentence: the record that figures, comparisons, labels and charts
share."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Found:
    """One figure found in a sentence, with where it is."""

    value: float
    scale: str | None
    unit: str
    qualifier: str | None
    start: int
    end: int
    sentence: str
    change_pct: float | None = None
    tags: tuple[str, ...] = ()
    high: float | None = None  # upper end of a range
    noun: str = ""  # the counted noun right after the unit, when the unit did not take it
    currency_guess: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        return self.sentence[self.start:self.end]

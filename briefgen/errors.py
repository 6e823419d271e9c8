"""One family of errors, so the CLI can tell the user's mistakes (exit 2) from our faults
(exit 1)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class BriefgenError(Exception):
    """Base of every error briefgen raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as the file allows."""

    path: Path | str
    line: int | None
    col: int | None
    field: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = f"{where}: {self.field + ': ' if self.field else ''}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(BriefgenError):
    """Bad input (brief, profile, template): reported as ``PATH:LINE:COL: field: what (hint)``."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("InputError needs at least one problem")
        self.problems = problems
        super().__init__(str(problems[0]))

    @classmethod
    def single(cls, path: Path | str, message: str, field: str = "", line: int | None = None,
               col: int | None = None, hint: str | None = None) -> InputError:
        return cls([Problem(path, line, col, field, message, hint)])


def first_line(exc: BaseException) -> str:
    """The first non-blank line of an exception's text ("" if none): messages stay one line."""
    return next((line.strip() for line in str(exc).splitlines() if line.strip()), "")

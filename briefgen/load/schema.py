"""Typed schema of an event brief (``brief.yaml``).

Every field carries a description; ``briefgen schema`` and ``docs/schema.md`` are generated
from these models, so the docstrings here *are* the reference documentation.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        max_length=64,
        description="Identifier: lower-case letters, digits and hyphens.",
    ),
]


def _not_a_number(value: object) -> object:
    """Pydantic would read ``published: 2017`` as seconds since 1970; a date must be a date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError("must be a date: YYYY-MM-DD")  # noqa: TRY004 - pydantic wants ValueError
    return value


#: A calendar day, written 2017-05-14 (numbers are refused, not read as timestamps).
Date = Annotated[dt.date, BeforeValidator(_not_a_number)]


def _no_bool(value: object) -> object:
    """Pydantic reads ``true`` as 1 in a number field; YAML's yes/no/on/off make that a trap."""
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")  # noqa: TRY004 - for pydantic
    return value


#: A number that may not be written as true/false (which pydantic would read as 1 or 0).
Number = Annotated[float, BeforeValidator(_no_bool)]
#: A whole number, likewise.
Count = Annotated[int, BeforeValidator(_no_bool)]


def _finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


class Strict(BaseModel):
    """Base model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Language(str, Enum):
    """Language of the brief's text; decides segmentation, budgets (characters or words) and
    labels."""

    zh = "zh"
    en = "en"


class Scale(str, Enum):
    """Multiplier written with the number, as a reader says it (6.3 万亿, 14.5 billion)."""

    wan = "万"
    yi = "亿"
    wanyi = "万亿"
    thousand = "thousand"
    million = "million"
    billion = "billion"
    trillion = "trillion"


SCALE_FACTOR: dict[Scale, float] = {
    Scale.wan: 1e4,
    Scale.yi: 1e8,
    Scale.wanyi: 1e12,
    Scale.thousand: 1e3,
    Scale.million: 1e6,
    Scale.billion: 1e9,
    Scale.trillion: 1e12,
}


class Qualifier(str, Enum):
    """How exact the number is: 130多 / more than 130, 超过 / over, 近 / nearly, 约 / about."""

    more_than = "more_than"
    over = "over"
    nearly = "nearly"
    about = "about"


class ChartKind(str, Enum):
    """Chart type: bar, line and pie draw series; kpi shows big numbers; timeline draws events."""

    bar = "bar"
    line = "line"
    pie = "pie"
    kpi = "kpi"
    timeline = "timeline"


class DateRange(Strict):
    """First and last day of the event."""

    start: Date = Field(description="First day, ISO date (2017-05-14).")
    end: Date = Field(description="Last day, ISO date; equal to start for one-day events.")

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


class Meta(Strict):
    """What the event is: shown on the cover, title slide and document properties."""

    id: Id = Field(description="Identifier of the brief; names the output files.")
    title: str = Field(min_length=1, max_length=200, description="Event title.")
    subtitle: str | None = Field(
        default=None, max_length=255,
        description="Second cover line; at most 255 characters, as the document subject holds.")
    language: Language = Field(description="Language of all text in the brief: zh or en.")
    dates: DateRange = Field(description="When the event took place.")
    place: str = Field(min_length=1, max_length=200, description="City or venue.")
    organiser: str = Field(min_length=1, max_length=200, description="Who held the event.")
    published: Date = Field(
        description="Date of the brief; used as document date and as file metadata time."
    )
    keywords: list[str] = Field(default_factory=list, description="Document keywords.")
    about: str | None = Field(
        default=None,
        max_length=2000,
        description="Boilerplate 'about the event' paragraph for press releases.",
    )


class Source(Strict):
    """Where facts come from; cited by figures, quotes, charts and sections."""

    id: Id = Field(description="Identifier that figures, quotes and sections cite.")
    name: str = Field(min_length=1, max_length=300, description="Publisher or document name.")
    date: Date | None = Field(default=None, description="Publication date.")
    url: str | None = Field(default=None, description="Address, printed as text only.")


class Figure(Strict):
    """One numeric fact: value with its scale and unit, how exact it is, and its source."""

    id: Id = Field(description="Identifier that sections and charts cite.")
    label: str = Field(min_length=1, max_length=200, description="What is counted (进出口总额).")
    value: Number = Field(
        description="The number alone, before the scale: 97.2 for '97.2 billion US dollars' "
                    "(scale: billion, unit: US dollars); 1.2 for 1.2万亿元.")
    scale: Scale | None = Field(default=None, description="万/亿/万亿 or thousand/million/...")
    unit: str = Field(
        default="", max_length=40, description="Unit after the number: 元, 美元, 个国家, %, yuan."
    )
    qualifier: Qualifier | None = Field(default=None, description="more_than, over, nearly, about.")
    period: str | None = Field(default=None, max_length=60, description="Year or span (2016).")
    change_pct: Number | None = Field(default=None, description="Change on the previous period, %.")
    source: Id = Field(description="Id of the source this figure comes from.")
    tags: list[str] = Field(
        default_factory=list,
        description="Your own words; profiles select on some (schema.md, Tags: headline, key...).",
    )

    @field_validator("period", mode="before")
    @classmethod
    def _period_text(cls, v: object) -> object:
        """``period: 2016`` is a year, not a number to compute with."""
        return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

    @field_validator("value", "change_pct")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        return _finite(v)

    @property
    def absolute(self) -> float:
        """The value with its scale applied (6.3 万亿 -> 6.3e12)."""
        return self.value * (SCALE_FACTOR[self.scale] if self.scale else 1.0)


class Series(Strict):
    """An inline data series for a chart whose numbers are not separate figures."""

    name: str = Field(min_length=1, max_length=100, description="Legend name of the series.")
    values: list[Annotated[Number, AfterValidator(_finite)]] = Field(
        min_length=1, description="One value per category.")


class Chart(Strict):
    """A chart drawn from figures (one bar or slice each) or from inline series."""

    id: Id = Field(description="Identifier that sections cite.")
    kind: ChartKind = Field(description="bar, line, pie, kpi or timeline.")
    title: str = Field(min_length=1, max_length=200, description="Chart title and caption text.")
    figures: list[Id] = Field(default_factory=list, description="Figure ids, one point each.")
    categories: list[str] = Field(default_factory=list, description="Category axis for series.")
    series: list[Series] = Field(default_factory=list, description="Inline series.")
    unit: str | None = Field(
        default=None,
        description="Axis unit; defaults to the figures' scale and unit. Needed when the figures "
                    "word one unit differently (billion USD, US$ billion).")
    source: Id | None = Field(default=None, description="Source id; defaults to the figures'.")
    tags: list[str] = Field(
        default_factory=list,
        description="Your own words; profiles select on some (schema.md, Tags: key...).")

    @model_validator(mode="after")
    def _has_data(self) -> Chart:
        if self.kind == ChartKind.timeline:
            return self
        if not self.figures and not self.series:
            raise ValueError("a chart needs figures or series")
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(
                    f"series {s.name!r} has {len(s.values)} values for "
                    f"{len(self.categories)} categories"
                )
        return self


class Quote(Strict):
    """Words someone said or wrote, with who and where."""

    id: Id = Field(description="Identifier that sections cite.")
    text: str = Field(min_length=1, max_length=2000, description="The words, without quotes.")
    speaker: str = Field(min_length=1, max_length=200, description="Who said or wrote them.")
    source: Id = Field(description="Source id.")


class TimelineEvent(Strict):
    """A dated milestone; the timeline shows them in the order the brief lists them."""

    date: str = Field(
        pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
        description="ISO date, as precise as the source: 2013, 2016-11 or 2017-05-14.",
    )
    label: str = Field(min_length=1, max_length=120, description="Short name of the milestone.")
    detail: str | None = Field(default=None, max_length=500, description="One more sentence.")
    source: Id | None = Field(default=None, description="Source id.")

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, v: object) -> object:
        """YAML reads 2017-05-14 as a date and 2013 as a number; keep both as ISO text."""
        return v.isoformat() if isinstance(v, dt.date) else (str(v) if isinstance(v, int) else v)


class Participant(Strict):
    """Who took part: a person or a group, with a count where it is a group."""

    name: str = Field(min_length=1, max_length=200, description="Person or group.")
    role: str | None = Field(default=None, max_length=200, description="Office or part played.")
    figure: Id | None = Field(default=None, description="Figure that counts this group.")


class Photo(Strict):
    """A photograph named in the source: its caption, and the picture file when there is one."""

    caption: str = Field(min_length=1, max_length=300, description="Caption as printed.")
    section: Id | None = Field(default=None, description="Section the photo belongs to.")
    file: str | None = Field(
        default=None, description="Picture path relative to the brief's folder (PNG or JPEG)."
    )


class Section(Strict):
    """A part of the brief: its full text, key points and what it cites."""

    id: Id = Field(description="Identifier; profiles may name it.")
    title: str = Field(min_length=1, max_length=200, description="Heading as printed.")
    tags: list[str] = Field(
        default_factory=list,
        description="Your own words; profiles select on some (schema.md, Tags: news, trade...)."
    )
    paragraphs: list[str] = Field(min_length=1, description="Body text, one paragraph each.")
    key_points: list[str] = Field(default_factory=list, description="Hand-written key points.")
    figures: list[Id] = Field(default_factory=list, description="Figures this text carries.")
    charts: list[Id] = Field(default_factory=list, description="Charts shown with it.")
    quotes: list[Id] = Field(default_factory=list, description="Quotes from it.")
    sources: list[Id] = Field(default_factory=list, description="Sources it draws on.")


class Brief(Strict):
    """A whole event brief: the single input of a build."""

    meta: Meta = Field(description="What, when, where, who.")
    sections: list[Section] = Field(min_length=1, description="The text, in reading order.")
    figures: list[Figure] = Field(default_factory=list, description="Every numeric fact.")
    charts: list[Chart] = Field(default_factory=list, description="Charts of figures or series.")
    quotes: list[Quote] = Field(default_factory=list, description="Quotations.")
    timeline: list[TimelineEvent] = Field(default_factory=list, description="Milestones.")
    participants: list[Participant] = Field(default_factory=list, description="Who took part.")
    photos: list[Photo] = Field(default_factory=list, description="Photographs and captions.")
    sources: list[Source] = Field(min_length=1, description="Everything cited.")
    schema_version: Literal[1] = Field(default=1, description="Version of this schema.")

"""Audience profiles: the data that decides what each audience gets.

A profile is YAML (built-ins live in ``templates/profiles/``). A user's profile may say
``extends: press`` and override only what differs; the two are merged key by key before
validation, so a custom profile is checked exactly like a built-in one.

Label overrides are checked when the profile loads, not when a document is half planned: each
key must be a label that exists, each value a safe template (:mod:`briefgen.text.templates`)
using only the placeholders that label is given, and ``locale`` a locale Babel knows.
Section, figure and chart ids a profile names can only be checked against a brief; that happens
in :mod:`briefgen.plan.select`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from babel import Locale, UnknownLocaleError
from pydantic import Field, model_validator

from briefgen.errors import InputError, Problem
from briefgen.load.schema import Count, Id, Number, Strict
from briefgen.load.validate import in_file_order, problem_at, validate_model
from briefgen.load.yaml_source import YamlSource, load_yaml
from briefgen.resources import data_dir
from briefgen.text.templates import check_template, template_names

Lang = Literal["zh", "en"]


class Budget(Strict):
    """A length per language: characters for Chinese, words for English."""

    zh: Count = Field(ge=10, le=20000, description="Characters of Chinese text.")
    en: Count = Field(ge=5, le=10000, description="Words of English text.")

    def for_lang(self, lang: str) -> int:
        return self.zh if lang == "zh" else self.en


class Select(Strict):
    """Which items of a kind appear, and in what order of importance.

    ``prefer`` rules (ids, ``tag:NAME`` or ``*``) only rank: what they match comes first, in
    the rules' order; every other item is ranked by its content (position, figures and quotes
    it carries, names, length, the summariser's scores) and fills the rest of ``max``. So a
    brief whose tags no profile knows still gets a full document. ``only`` is the explicit
    filter: nothing it does not match appears. ``include`` is the old name of ``prefer``.
    A bare list (``sections: [tag:news, "*"]``) means ``prefer``.
    """

    prefer: list[str] = Field(default_factory=list,
                              description="Ids, tag:NAME or * that rank first, in this order.")
    only: list[str] | None = Field(default=None, description="Ids, tag:NAME or *: nothing else "
                                                             "appears (a filter, not a ranking).")
    max: Count | None = Field(default=None, ge=0, description="At most this many; none = no cap.")

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """Editors accept what the loader accepts: a bare list, and the old key ``include``."""
        schema = handler.resolve_ref_schema(handler(core_schema))
        rules = {"type": "array", "items": {"type": "string"}}
        schema["properties"]["include"] = {**rules, "description": "Old name of prefer."}
        return {"anyOf": [schema, {**rules, "description": "Shorthand for prefer."}]}

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        """A bare list is ``prefer``; ``include`` (the old key) is ``prefer`` too, and wins over
        a ``prefer`` a built-in brought in through ``extends``."""
        if isinstance(data, list):
            return {"prefer": data}
        if isinstance(data, dict) and "include" in data:
            data = dict(data)
            data["prefer"] = data.pop("include")
        return data


class Priors(Strict):
    """Ranking weights for the summariser (see briefgen.plan.summarize.Priors)."""

    position: Number = Field(default=1.0, ge=0, le=10)
    figures: Number = Field(default=0.0, ge=0, le=10)
    entities: Number = Field(default=0.0, ge=0, le=10)
    causal: Number = Field(default=0.0, ge=0, le=10)


SlideKind = Literal["title", "agenda", "bottom_line", "kpi", "sections", "charts", "quotes",
                    "timeline", "sources"]


class Slides(Strict):
    """Deck shape: which slide kinds, in which order, and how full a slide may be."""

    sequence: list[SlideKind] = Field(description="Slide kinds in deck order.")
    section_dividers: bool = Field(default=False, description="A divider slide before sections.")
    bullets_per_slide: Count = Field(ge=1, le=12)
    bullet_length: Budget = Field(description="Longest bullet line.")
    title_length: Budget = Field(description="Longest slide title.")
    kpi: Select = Field(default_factory=Select, description="Figures on the KPI slide (3-6).")
    max_slides: Count | None = Field(default=None, ge=3, description="Cap on the deck's length.")
    notes: Literal["talking_points", "full_text"] = "talking_points"


class Document(Strict):
    """DOCX shape."""

    form: Literal["briefing", "memo", "press_release"] = Field(
        default="briefing", description="briefing: a cover page, then the text; memo: marking, "
                                        "title and date at the top of page one, no cover (a "
                                        "one- or two-page brief); press_release: a headline, "
                                        "dateline and lead.")
    toc: bool = False
    max_pages: Count | None = Field(
        default=None, ge=1, le=50, description="Page budget (A4, estimated by the plan): past "
        "it, fewer charts, a shorter figure table, then fewer sections.")
    section_text: Literal["summary", "full"] = Field(
        default="summary", description="Summaries, or every paragraph of each section.")
    key_points: bool = Field(default=False, description="List each section's key points.")
    figure_table: bool = True
    quotes: bool = True
    timeline: bool = False
    sources: bool = True
    charts: Literal["native", "picture"] = Field(
        default="native", description="Bar, line and pie charts as Word charts that keep their "
                                      "data (native) or as pictures (picture).")


class Profile(Strict):
    """One audience: selection, order, lengths, charts, slides and label wording."""

    id: Id
    extends: Id | None = Field(default=None, description="Built-in profile this one starts from.")
    name: dict[Lang, str] = Field(description="Display name per language.")
    marking: dict[Lang, str] = Field(description="Cover marking, e.g. 供内部参阅.")
    sections: Select = Field(default_factory=Select,
                             description="Sections shown: preferred first, then by rank.")
    summary: Budget = Field(description="Summary length of each section.")
    section_budgets: dict[str, Budget] = Field(
        default_factory=dict, description="Per-section overrides, by id or tag:NAME.")
    bottom_line: Budget = Field(description="Length of the bottom-line summary up front.")
    priors: Priors = Field(default_factory=Priors)
    figures: Select = Field(default_factory=Select, description="Figures in the key-figures table.")
    charts: Select = Field(default_factory=Select, description="Charts shown.")
    slides: Slides
    document: Document = Field(default_factory=Document)
    labels: dict[Lang, dict[str, str]] = Field(
        default_factory=dict, description="Label overrides per language (see templates/labels).")

    @model_validator(mode="after")
    def _bullets_fit_titles(self) -> Profile:
        for lang in ("zh", "en"):
            if self.slides.bullet_length.for_lang(lang) < 4:
                raise ValueError("slides.bullet_length is too short for any bullet")
        return self


def builtin_profiles() -> dict[str, Path]:
    """Built-in profile id -> file."""
    folder = data_dir("templates") / "profiles"
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def _merge(base: Any, override: Any) -> Any:
    """Deep merge of mappings; lists and scalars in ``override`` replace."""
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for key, value in override.items():
            out[key] = _merge(base.get(key), value) if key in base else value
        return out
    return override


@cache
def label_names(lang: str) -> dict[str, frozenset[str]]:
    """Label key -> the placeholders it is given, read from ``templates/labels/<lang>.yaml``."""
    data = load_yaml(data_dir("templates") / "labels" / f"{lang}.yaml").data
    return {str(k): template_names(str(v)) for k, v in data.items()}


def check_labels(profile: Profile, src: YamlSource) -> list[Problem]:
    """Problems with the profile's label overrides: unknown keys, unsafe or broken templates."""
    problems = []
    for lang, overrides in profile.labels.items():
        known = label_names(lang)
        for key, source in overrides.items():
            loc = ("labels", lang, key)
            if key not in known:
                close = difflib.get_close_matches(key, list(known), n=1)
                hint = f"did you mean {close[0]!r}?" if close else "see templates/labels"
                problems.append(problem_at(src, loc, "unknown label", hint, key=True))
            elif key == "locale":
                try:
                    Locale.parse(source)
                except (ValueError, TypeError, UnknownLocaleError):
                    problems.append(problem_at(src, loc, f"unknown locale {source!r}",
                                               "use a locale such as en_GB or zh_CN"))
            elif key == "date_style" and not _date_style_ok(source):
                problems.append(problem_at(src, loc, f"unknown date style {source!r}",
                                           "use a CLDR skeleton of y, M and d, such as yMMMMd"))
            elif wrong := check_template(source, known[key]):
                problems.append(problem_at(src, loc, *wrong))
    return problems


def _date_style_ok(skeleton: str) -> bool:
    """A year-month-day skeleton babel knows: the plan cuts it down to month and year."""
    if set(skeleton) - set("yMLd") or not {"y", "d"} <= set(skeleton) or not set("ML") & set(
            skeleton):
        return False
    from babel.dates import format_skeleton

    try:
        format_skeleton(skeleton, dt.date(2017, 5, 14), locale="en")
    except (KeyError, ValueError):
        return False
    return True


def _validated(src: YamlSource) -> Profile:
    profile = validate_model(src, Profile)
    problems = check_labels(profile, src)
    if problems:
        raise InputError(in_file_order(problems))
    return profile


def load_profile(name_or_path: str | Path) -> Profile:
    """A built-in profile by id, or a user's profile file (which may extend a built-in)."""
    builtins = builtin_profiles()
    if isinstance(name_or_path, str) and name_or_path in builtins:
        return _validated(load_yaml(builtins[name_or_path]))
    src = load_yaml(Path(name_or_path))
    data = src.data
    if isinstance(data, dict) and data.get("extends") is not None:
        base = str(data["extends"])
        if base not in builtins:
            where = src.locate(("extends",))
            close = difflib.get_close_matches(base, list(builtins), n=1)
            raise InputError.single(src.path, f"unknown profile {base!r}", field="extends",
                                    line=where[0] if where else None,
                                    col=where[1] if where else None,
                                    hint=f"did you mean {close[0]!r}?" if close
                                    else f"built-ins: {', '.join(builtins)}")
        data = _merge(load_yaml(builtins[base]).data, data)
    return _validated(replace(src, data=data))

"""``briefgen new``: a brief folder with a small example that validates and builds.

The example is short but touches every part a real brief has (two sections, figures, a chart, a
quote, a timeline, sources), and its comments say in Chinese and English what each key is for, so
a new user edits their way to a first brief instead of reading the schema.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from string import Template

from briefgen.errors import InputError
from briefgen.ids import slug
from briefgen.text.lexicon.calendar_words import EN_MONTH_NAMES

HELP = "start a new brief: NAME/brief.yaml with a small example to edit"
DESCRIPTION = """\
Create the folder NAME with a brief.yaml to edit: a small example with two sections, three
figures, a chart, a quote, a timeline and sources, commented in Chinese and English. It
validates and builds as it is, so you can change it a piece at a time. Next to it goes
brief.schema.json, which gives editors completion while you type."""
EPILOG = """\
examples:
  briefgen new my-forum              Chinese example text (the default)
  briefgen new my-forum --lang en    English example text
  briefgen validate my-forum && briefgen build my-forum -a all"""


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", type=Path, metavar="NAME",
                   help="folder to create; its name (as an id) names the output files")
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help="language of the example text: zh (default) or en")


def _folder_id(folder: Path) -> str:
    """The brief's id from its folder's name: ``My Forum 2025`` -> ``my-forum-2025``."""
    return slug(folder.resolve().name, "event", limit=64, whole_words=False, shortest=1)


def scaffold(folder: Path, lang: str = "zh", today: dt.date | None = None) -> Path:
    """Write ``folder/brief.yaml`` with the example; refuse to overwrite an existing brief."""
    target = folder / "brief.yaml"
    if target.exists():
        raise InputError.single(target, "already exists",
                                hint="choose another NAME, or delete the file first")
    end = today or dt.date.today()
    start = end - dt.timedelta(days=1)
    text = Template(ZH if lang == "zh" else EN).substitute(
        id=_folder_id(folder), start=start, end=end, year=end.year,
        first=end.year - 2, span=_span(start, end, lang), **_tag_lists())
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    from briefgen.commands.schema import brief_schema

    (folder / "brief.schema.json").write_text(
        json.dumps(brief_schema(), ensure_ascii=False, indent=2) + "\n", "utf-8")
    return target


def _tag_lists() -> dict[str, str]:
    """The tags the built-in profiles act on, per kind, for the example's comments (read from
    the profiles, so the comments never name a tag no profile knows)."""
    from briefgen.load.tags import KINDS, builtin_vocabulary

    vocabulary = builtin_vocabulary()
    return {f"{kind}_tags": ", ".join(vocabulary.names(kind)) or "(none)" for kind in KINDS}


def _span(start: dt.date, end: dt.date, lang: str) -> str:
    """The event's days as running text: 4月20日至21日 / 20 to 21 April."""
    if lang == "zh":
        last = f"{end.day}日" if end.month == start.month else f"{end.month}月{end.day}日"
        return f"{start.month}月{start.day}日至{last}"
    month = EN_MONTH_NAMES[start.month - 1]
    first = f"{start.day}" if end.month == start.month else f"{start.day} {month}"
    return f"{first} to {end.day} {EN_MONTH_NAMES[end.month - 1]}"


def run(args: argparse.Namespace) -> int:
    path = scaffold(args.name, args.lang)
    if not args.quiet:
        print(path)
        print(f"next: edit {path}, then: briefgen validate {args.name} && "
              f"briefgen build {args.name} -a all", file=sys.stderr)
    return 0


_HEAD = """\
# yaml-language-server: $$schema=brief.schema.json
# 事件简报 / Event brief. 编辑本文件后运行 / After editing, run:
#   briefgen validate .          检查，每行一个问题 / check it, one problem per line
#   briefgen build . -a all      生成各受众的 Word 与 PowerPoint / Word and PowerPoint for all
# 第一行让编辑器（如 VS Code 的 YAML 扩展）补全和检查；升级 briefgen 后可重新生成：
# The first line gives editors completion and checks; after upgrading briefgen, refresh it:
#   briefgen schema > brief.schema.json
schema_version: 1

# 活动概况：封面、标题页和文档属性 / What the event is: cover, title slide, document properties
meta:
  id: $id                    # 标识，用于输出文件名 / identifier; names the output files
"""

ZH = _HEAD + """\
  title: 示例合作论坛             # 活动名称 / event title
  subtitle: 携手合作 共创未来      # 副标题（可省略）/ second cover line (optional)
  language: zh                   # 全文语言 zh 或 en / language of all text: zh or en
  dates: {start: $start, end: $end}   # 起止日期 / first and last day
  place: 杭州                     # 地点 / city or venue
  organiser: 示例论坛组委会         # 主办方 / who held it
  published: $end                # 简报日期，也是文件元数据时间 / date of the brief
  keywords: [论坛, 合作, 贸易]      # 文档关键词 / document keywords
  about: 示例合作论坛是一年一度的国际合作论坛。  # 新闻稿末尾的“关于”段落 / press-release boilerplate

# 来源：数字、引语和章节引用它们的 id / Sources: figures, quotes and sections cite their ids
sources:
  - {id: agency, name: 示例通讯社, date: $end}
  - {id: organiser, name: 示例论坛组委会官网, date: $end, url: https://example.org/forum}

# 章节：按阅读顺序 / Sections, in reading order. tags 用自己的词；受众模板据以下标签挑选和排序，
# 其他标签不影响输出 / tags are your own words; the profiles pick and order sections by these
# (others change nothing; see: briefgen profiles show press):
#   $section_tags
sections:
  - id: opening
    title: 示例合作论坛在杭州开幕
    tags: [news]
    paragraphs:                  # 正文，每段一项 / body text, one item per paragraph
      - 示例合作论坛于${span}在杭州举行，来自40多个国家和地区的800余名代表出席。论坛主题是“携手合作 共创未来”。
      - 与会代表围绕贸易投资、互联互通和人文交流深入交流，达成广泛共识。论坛闭幕时发表了联合声明。
    key_points:                  # 要点（可省略，省略时自动摘要）/ key points (optional)
      - 40多个国家和地区的800余名代表出席
      - 论坛发表联合声明
    figures: [countries, delegates]   # 本节提到的数字 / figures this text carries
    quotes: [joint-statement]
    sources: [agency]
  - id: trade
    title: 合作项目稳步增长
    tags: [trade]
    paragraphs:
      - 论坛期间共签署合作项目120亿元，比上届增长15%。合作项目数量由${first}年的12个增加到今年的25个，覆盖基础设施、数字经济和绿色能源等领域。
    figures: [signed-value]
    charts: [projects]
    sources: [organiser]

# 数字：value 按文中写法，scale 为 万/亿/万亿 等 / Figures: value as written, scale 万/亿/万亿 or million...
# 数字的 tags / figure tags the profiles pick and order by: $figure_tags
figures:
  - {id: countries, label: 参会国家和地区, value: 40, unit: 个, qualifier: more_than, source: agency, tags: [headline, key]}
  - {id: delegates, label: 与会代表, value: 800, unit: 名, qualifier: more_than, source: agency, tags: [headline]}
  - {id: signed-value, label: 签约金额, value: 120, scale: 亿, unit: 元, period: "$year", change_pct: 15, source: organiser, tags: [key, trade]}

# 图表：由数字或内联数据绘制 / Charts, drawn from figures or inline series (bar, line, pie)
# 图表的 tags / chart tags the profiles pick and order by: $chart_tags
charts:
  - id: projects
    kind: bar
    title: 合作项目数量
    categories: ["$first", "$year"]
    series: [{name: 项目数, values: [12, 25]}]
    unit: 个
    source: organiser
    tags: [key]

# 引语 / Quotes
quotes:
  - {id: joint-statement, text: 合作是通向共同繁荣的必由之路。, speaker: 论坛联合声明, source: agency}

# 大事记：按时间顺序；日期可精确到年、月或日 / Timeline: dates as precise as known (2023, 2023-05, 2023-05-14)
timeline:
  - {date: "$first", label: 首届论坛举办, source: organiser}
  - {date: $start, label: 本届论坛开幕, source: agency}
  - {date: $end, label: 发表联合声明, source: agency}
"""

EN = _HEAD + """\
  title: Example Cooperation Forum          # 活动名称 / event title
  subtitle: Working Together for a Shared Future   # 副标题（可省略）/ second cover line (optional)
  language: en                   # 全文语言 zh 或 en / language of all text: zh or en
  dates: {start: $start, end: $end}   # 起止日期 / first and last day
  place: Hangzhou                # 地点 / city or venue
  organiser: Example Forum Secretariat   # 主办方 / who held it
  published: $end                # 简报日期，也是文件元数据时间 / date of the brief
  keywords: [forum, cooperation, trade]   # 文档关键词 / document keywords
  about: The Example Cooperation Forum is a yearly international forum on cooperation.  # 新闻稿“关于”段落 / press-release boilerplate

# 来源：数字、引语和章节引用它们的 id / Sources: figures, quotes and sections cite their ids
sources:
  - {id: agency, name: Example News Agency, date: $end}
  - {id: organiser, name: Example Forum website, date: $end, url: https://example.org/forum}

# 章节：按阅读顺序 / Sections, in reading order. tags 用自己的词；受众模板据以下标签挑选和排序，
# 其他标签不影响输出 / tags are your own words; the profiles pick and order sections by these
# (others change nothing; see: briefgen profiles show press):
#   $section_tags
sections:
  - id: opening
    title: Example Cooperation Forum opens in Hangzhou
    tags: [news]
    paragraphs:                  # 正文，每段一项 / body text, one item per paragraph
      - The Example Cooperation Forum was held in Hangzhou from $span. More than 800 delegates from more than 40 countries and regions attended. The theme of the forum was “Working Together for a Shared Future”.
      - Delegates discussed trade and investment, connectivity and people-to-people exchanges, and reached broad consensus. The forum closed with a joint statement.
    key_points:                  # 要点（可省略，省略时自动摘要）/ key points (optional)
      - More than 800 delegates from more than 40 countries and regions attended
      - The forum closed with a joint statement
    figures: [countries, delegates]   # 本节提到的数字 / figures this text carries
    quotes: [joint-statement]
    sources: [agency]
  - id: trade
    title: Cooperation projects keep growing
    tags: [trade]
    paragraphs:
      - Cooperation projects worth 12 billion yuan were signed during the forum, up 15% on the previous forum. The number of projects rose from 12 in $first to 25 this year, covering infrastructure, the digital economy and green energy.
    figures: [signed-value]
    charts: [projects]
    sources: [organiser]

# 数字：value 按文中写法，scale 为 万/亿/万亿 等 / Figures: value as written, scale 万/亿/万亿 or million...
# 数字的 tags / figure tags the profiles pick and order by: $figure_tags
figures:
  - {id: countries, label: Countries and regions, value: 40, qualifier: more_than, source: agency, tags: [headline, key]}
  - {id: delegates, label: Delegates, value: 800, qualifier: more_than, source: agency, tags: [headline]}
  - {id: signed-value, label: Projects signed, value: 12, scale: billion, unit: yuan, period: "$year", change_pct: 15, source: organiser, tags: [key, trade]}

# 图表：由数字或内联数据绘制 / Charts, drawn from figures or inline series (bar, line, pie)
# 图表的 tags / chart tags the profiles pick and order by: $chart_tags
charts:
  - id: projects
    kind: bar
    title: Cooperation projects
    categories: ["$first", "$year"]
    series: [{name: Projects, values: [12, 25]}]
    unit: projects
    source: organiser
    tags: [key]

# 引语 / Quotes
quotes:
  - {id: joint-statement, text: Cooperation is the path to shared prosperity., speaker: Joint statement of the forum, source: agency}

# 大事记：按时间顺序；日期可精确到年、月或日 / Timeline: dates as precise as known (2023, 2023-05, 2023-05-14)
timeline:
  - {date: "$first", label: First forum held, source: organiser}
  - {date: $start, label: This year's forum opens, source: agency}
  - {date: $end, label: Joint statement issued, source: agency}
"""

"""The HTML of the preview: one Jinja2 template (``templates/preview``), styles and script inline.

The page works offline and from disk: no CDN, no web font, pictures by relative path. Its words
are in the brief's language, as the documents are. The version in the page is a hash of the page
itself, so the watch page reloads exactly when there is something new to see.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.resources import data_dir

if TYPE_CHECKING:
    from briefgen.preview.make import Preview

VERSION_MARK = "@@preview-version@@"


@dataclass(frozen=True)
class Words:
    """The page's own words in one language."""

    lang: str
    preview: str
    side_by_side: str
    sections: str
    section: str
    why: str
    length: str
    full_text: str
    figures: str
    kpis: str
    charts: str
    quotes: str
    choices: str
    warnings: str
    no_warnings: str
    enlarged: str
    close: str
    units: tuple[str, str, str, str]  # page, pages, slide, slides

    def count(self, fmt: str, n: int) -> str:
        one, many = self.units[:2] if fmt == "docx" else self.units[2:]
        return f"{n} {one if n == 1 else many}" if self.lang == "en" else f"{n} {one}"

    def counts(self, pages: int, slides: int) -> str:
        sep = ", " if self.lang == "en" else "，"
        return sep.join(self.count(fmt, n) for fmt, n in (("docx", pages), ("pptx", slides)) if n)

    def idle_rule(self, rule: str) -> str:
        """A profile rule that takes nothing of this brief, said as a warning."""
        if self.lang == "en":
            return f"profile rule {rule} takes nothing from this brief"
        return f"规则 {rule} 在本简报中没有匹配的内容"

    def page_label(self, fmt: str, n: int) -> str:
        unit = self.units[0] if fmt == "docx" else self.units[2]
        return f"{unit.capitalize()} {n}" if self.lang == "en" else f"第 {n} {unit}"


WORDS = {
    "en": Words("en", "Preview", "Side by side", "Sections chosen", "Section", "Why",
                "Length", "full text", "Key figures table", "KPI tiles", "Charts", "Quotes",
                "Other choices", "Warnings", "No warnings.", "Enlarged page", "Close",
                ("page", "pages", "slide", "slides")),
    "zh": Words("zh", "预览", "并排对照", "选用的章节", "章节", "选用依据", "长度", "全文",
                "关键数据表", "数据卡片", "图表", "引语", "其他选择", "警告", "没有警告。",
                "放大的页面", "关闭", ("页", "页", "张幻灯片", "张幻灯片")),
}


def render_page(preview: Preview) -> str:
    """The page of ``preview``, its version filled in."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(data_dir("templates")),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True)
    lang = "zh" if preview.lang == "zh" else "en"
    html = env.get_template("preview/index.html.j2").render(
        preview=preview, words=WORDS[lang], lang="zh-CN" if lang == "zh" else "en",
        version=VERSION_MARK)
    return html.replace(VERSION_MARK, hashlib.sha256(html.encode()).hexdigest()[:16])


def version_of(html: str) -> str:
    """The version a page carries (its ``preview-version`` meta element)."""
    found = re.search(r'<meta name="preview-version" content="([0-9a-f]+)">', html)
    return found.group(1) if found else ""

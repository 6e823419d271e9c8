"""Contents with page numbers: heading numbers as Word writes them, layouts that settle, and a
filled TOC field that LibreOffice prints as the document paginates."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import ClassVar

import pytest
from lxml import etree

from briefgen import office
from briefgen.contents import layout as cl
from briefgen.contents import page_numbers, pdf_pages
from briefgen.contents.page_cache import PageCache
from briefgen.pipeline import contents_pages
from briefgen.plan.model import Heading
from briefgen.render.docx import toc
from briefgen.render.docx.oxml import ListLevel
from briefgen.render.docx.renderer import TOC_FIELD, DocxRenderer
from briefgen.resources import cache_dir, caching
from tests.fixtures.plans import sample_plan

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
HAS_LAYOUT = shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def render(folder: Path, plan, fill_toc: bool | None = None, page_cache: bool = True,
           **options) -> Path:
    """Render ``plan`` with its contents numbered by LibreOffice (``fill_toc=True``), not at all
    (False), or as a build's writer numbers them (None: the environment decides)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "toc.docx"
    if fill_toc is None:
        contents = contents_pages(None, page_cache)
    else:
        cache = PageCache(cache_dir("toc")) if page_cache and caching() else None
        contents = page_numbers.PageNumbers(cache=cache) if fill_toc else None
    DocxRenderer(contents_pages=contents, **options).render(plan, {}, path)
    return path


def plan_without_charts(lang: str):
    """The sample briefing without its chart blocks (no pictures needed)."""
    import dataclasses

    from briefgen.plan.model import ChartBlock

    plan = sample_plan(lang)
    return dataclasses.replace(plan, blocks=tuple(b for b in plan.blocks
                                                  if not isinstance(b, ChartBlock)), charts=())


def body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("word/document.xml")).find("w:body", NS)


def toc_entries(path: Path) -> list[tuple[str, str, str | None]]:
    """(style, printed text, cached page) of each paragraph of the TOC field's result."""
    return [entry[:3] for entry in toc_links(path)]


def toc_links(path: Path) -> list[tuple[str, str, str | None, str]]:
    """(style, printed text, cached page, bookmark) of each entry of the TOC field's result."""
    entries = []
    for p in body(path).iter(f"{{{W}}}p"):
        style = p.find("w:pPr/w:pStyle", NS)
        if style is None or not style.get(f"{{{W}}}val").lower().startswith("toc"):
            continue
        link = p.find("w:hyperlink", NS)
        if link is None:
            continue
        instr = "".join(t.text for t in link.iter(f"{{{W}}}instrText"))
        texts, page, in_field = [], None, False
        for node in link.iter(f"{{{W}}}t", f"{{{W}}}tab", f"{{{W}}}fldChar"):
            tag = node.tag.split("}")[1]
            if tag == "fldChar":
                in_field = node.get(f"{{{W}}}fldCharType") != "end"
            elif in_field:
                page = node.text
            else:
                texts.append("\t" if tag == "tab" else node.text)
        anchor = link.get(f"{{{W}}}anchor")
        assert not instr or instr.split() == ["PAGEREF", anchor, "\\h"]
        entries.append((style.get(f"{{{W}}}val"), "".join(texts).rstrip("\t"), page, anchor))
    return entries


# ---------------------------------------------------------------------------- heading numbers


@pytest.mark.parametrize("n,text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (16, "十六"),
                                    (20, "二十"), (21, "二十一"), (99, "九十九"), (100, "一百"),
                                    (101, "一百零一"), (110, "一百一十"), (123, "一百二十三"),
                                    (999, "九百九十九"), (1000, "一千"), (1005, "一千零五"),
                                    (1010, "一千零一十"), (1050, "一千零五十"),
                                    (1234, "一千二百三十四"), (10010, "一万零一十"),
                                    (10100, "一万零一百"), (120000, "十二万")])
def test_chinese_counting(n, text) -> None:
    assert toc.chinese_counting(n) == text


@pytest.mark.parametrize("fmt,n,text", [("decimal", 12, "12"), ("upperRoman", 14, "XIV"),
                                        ("lowerLetter", 28, "bb"), ("decimalZero", 3, "03"),
                                        ("chineseCountingThousand", 3, "三"), ("bullet", 1, ""),
                                        ("somethingNew", 4, "4")])
def test_number_formats(fmt, n, text) -> None:
    assert toc.format_number(n, fmt) == text


def test_heading_numbers_follow_the_style_lists() -> None:
    levels = {0: ListLevel("decimal", "%1."), 1: ListLevel("decimal", "%1.%2", suffix="space")}
    numbers = toc.HeadingNumbers({"Heading 1": toc.StyleList(7, 0, levels),
                                  "Heading 2": toc.StyleList(7, 1, levels)})
    got = [numbers.next(s) for s in ("Heading 1", "Heading 2", "Heading 2", "Heading 3",
                                     "Heading 1", "Heading 2")]
    assert got == [("1.", "\t"), ("1.1", " "), ("1.2", " "), ("", ""), ("2.", "\t"),
                   ("2.1", " ")]


def test_chinese_heading_numbers_take_no_separator() -> None:
    level = ListLevel("chineseCounting", "%1、", suffix="nothing", start=1)
    numbers = toc.HeadingNumbers({"Heading 1": toc.StyleList(1, 0, {0: level})})
    assert [numbers.next("Heading 1")[0] for _ in range(11)][-2:] == ["十、", "十一、"]


# ---------------------------------------------------------------------------- finding pages


def test_pdf_names_escape_what_is_not_alphanumeric() -> None:
    assert pdf_pages.pdf_name("_Toc100000001") == "5FToc100000001"
    assert pdf_pages.pdf_name("a-b c") == "a-b20c"


def test_find_heading_skips_contents_lines_and_joins_broken_lines() -> None:
    contents = "Contents\n1.   Abstract.............. 3\n2.   Long heading that wraps....... 3"
    pages = ["cover", contents, "1. Abstract\ntext\n2. Long heading\n   that wraps\n", "x"]
    assert pdf_pages.find_heading(pages, "1.\tAbstract") == 3
    assert pdf_pages.find_heading(pages, "2. Long heading that wraps") == 3
    assert pdf_pages.find_heading(pages, "1. Abstract", after=4) is None


class FakeLayout:
    """Stands in for LibreOffice: pages depend on the numbers the contents print."""

    calls: ClassVar[list[list[int] | None]] = []

    def __init__(self, soffice: str, folder: Path) -> None:
        pass

    def pages(self, docx: bytes, entries) -> list[int]:
        shown = None if docx == b"placeholder" else [int(x) for x in docx.split(b",")]
        FakeLayout.calls.append(shown)
        return self.rule(shown)

    @staticmethod
    def rule(shown):
        return [3, 4]


def fake_build(pages):
    entries = [toc.Entry("_Toc1", "1. One"), toc.Entry("_Toc2", "2. Two")]
    return (b"placeholder" if pages is None else ",".join(map(str, pages)).encode()), entries


def test_settle_takes_one_layout_when_every_number_is_under_100(monkeypatch) -> None:
    FakeLayout.calls = []
    monkeypatch.setattr(cl, "Layout", FakeLayout)
    assert cl.settle(fake_build, "soffice") == [3, 4]
    assert FakeLayout.calls == [None]  # numbers of two digits print as wide as the placeholder


@pytest.mark.parametrize("found,shown,holds", [
    ([3, 4], None, True), ([3, 99], [3, 4], True), ([3, 100], None, False),
    ([3, 4], [3, 100], False), ([], None, False), ([0, 4], None, False)])
def test_fixed_width_holds_for_numbers_under_100(found, shown, holds) -> None:
    assert cl.fixed_width(found, shown) is holds


def test_settle_lays_out_again_while_numbers_of_100_or_more_move_pages(monkeypatch) -> None:
    class Moving(FakeLayout):
        @staticmethod
        def rule(shown):  # printing three-digit numbers pushes the second heading a page on
            return [98, 100] if shown is None else [98, 101]

    FakeLayout.calls = []
    monkeypatch.setattr(cl, "Layout", Moving)
    assert cl.settle(fake_build, "soffice") == [98, 101]
    assert FakeLayout.calls == [None, [98, 100], [98, 101]]


def test_settle_gives_up_after_three_layouts_with_a_note(monkeypatch) -> None:
    class Flapping(FakeLayout):
        @staticmethod
        def rule(shown):
            return [3, 105] if shown in (None, [3, 104]) else [3, 104]

    FakeLayout.calls = []
    monkeypatch.setattr(cl, "Layout", Flapping)
    with pytest.warns(cl.ContentsWarning, match="changed in each of 3 layouts"):
        cl.settle(fake_build, "soffice")
    assert len(FakeLayout.calls) == cl.MAX_PASSES


def test_contents_print_numbers_under_100_two_digits_wide() -> None:
    assert toc.printed_page(7) == ("\u2007", "7")
    assert toc.printed_page(12) == ("", "12")
    assert toc.printed_page(123) == ("", "123")
    assert len("".join(toc.printed_page(toc.PLACEHOLDER_PAGE))) == toc.PAGE_DIGITS


def test_settle_notes_a_failing_libreoffice(monkeypatch) -> None:
    class Failing(FakeLayout):
        def pages(self, docx, entries):
            raise subprocess.CalledProcessError(1, "soffice", stderr=b"Error: source not found")

    monkeypatch.setattr(cl, "Layout", Failing)
    with pytest.warns(cl.ContentsWarning, match="LibreOffice failed .Error: source not found"):
        assert cl.settle(fake_build, "soffice") is None


def test_settled_numbers_are_cached_and_a_hit_lays_nothing_out(monkeypatch, tmp_path) -> None:
    FakeLayout.calls = []
    monkeypatch.setattr(cl, "Layout", FakeLayout)
    cache = PageCache(tmp_path)
    assert cl.settle(fake_build, "soffice", cache, source="plan") == [3, 4]
    assert FakeLayout.calls == [None]
    assert [p.suffix for p in tmp_path.iterdir()] == [".json"]
    assert cl.settle(fake_build, "soffice", cache, source="plan") == [3, 4]
    assert FakeLayout.calls == [None]  # the second build ran no layout


def test_an_edited_document_tries_its_last_numbers_first_and_lays_out_once(monkeypatch,
                                                                         tmp_path) -> None:
    class Reading(FakeLayout):
        def pages(self, docx: bytes, entries) -> list[int]:
            shown = None if docx.startswith(b"placeholder") else [int(x) for x in docx.split(b",")]
            FakeLayout.calls.append(shown)
            return [3, 4]

    def edited(pages):  # the same contents entries, other text (and another source)
        data, entries = fake_build(pages)
        return (b"placeholder, edited" if pages is None else data), entries

    monkeypatch.setattr(cl, "Layout", Reading)
    cache = PageCache(tmp_path)
    FakeLayout.calls = []
    assert cl.settle(fake_build, "soffice", cache, name="brief-academic",
                      source="plan v1") == [3, 4]
    assert FakeLayout.calls == [None]
    FakeLayout.calls = []
    assert cl.settle(edited, "soffice", cache, name="brief-academic", source="plan v2") == [3, 4]
    assert FakeLayout.calls == [[3, 4]]  # one layout confirms the last numbers
    FakeLayout.calls = []
    assert cl.settle(edited, "soffice", cache, name="brief-press", source="plan v2") == [3, 4]
    assert FakeLayout.calls == []  # this very document was laid out before: no layout


def test_an_edited_heading_keeps_the_hint_of_the_last_numbers(monkeypatch, tmp_path) -> None:
    """The hint is named by what stays the same while a brief is edited, not by its headings:
    after a heading's one-word edit the last numbers are tried (one layout, of the document as
    written, which is also the PDF a preview draws)."""
    import dataclasses

    names = []
    monkeypatch.setattr(office, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(page_numbers, "settle", lambda *a, name, **k: names.append(name))
    plan = plan_without_charts("zh")
    first = next(i for i, b in enumerate(plan.blocks) if isinstance(b, Heading))
    edited = dataclasses.replace(plan, blocks=tuple(
        dataclasses.replace(b, text=b.text + "（修订）") if i == first else b
        for i, b in enumerate(plan.blocks)))
    numbers = page_numbers.PageNumbers(cache=PageCache(tmp_path))
    for version in (plan, edited):
        numbers(version, {}, lambda pages: (b"", []), entries=5)
    numbers(plan, {}, lambda pages: (b"", []), entries=6)
    assert names[0] == names[1] and plan.meta.audience in names[0]
    assert names[2] != names[0]  # another number of entries: another document


def test_a_known_source_is_a_hit_without_building_the_document(monkeypatch, tmp_path) -> None:
    FakeLayout.calls = []
    monkeypatch.setattr(cl, "Layout", FakeLayout)
    cache = PageCache(tmp_path)
    assert cl.settle(fake_build, "soffice", cache, source="plan v1") == [3, 4]
    built = []

    def counting(pages):
        built.append(pages)
        return fake_build(pages)

    assert cl.settle(counting, "soffice", cache, source="plan v1") == [3, 4]
    assert built == [] and FakeLayout.calls == [None]
    assert cl.settle(counting, "soffice", cache, source="plan v2") == [3, 4]
    assert built and FakeLayout.calls == [None, None]  # another source


def test_another_document_or_libreoffice_misses_the_cache(tmp_path) -> None:
    cache = PageCache(tmp_path)
    cache.put(cache.key("one document", "soffice"), [3, 4])
    assert cache.get(cache.key("one document", "soffice")) == [3, 4]
    assert cache.get(cache.key("another document", "soffice")) is None
    assert cache.get(cache.key("one document", "/opt/libreoffice7.6/program/soffice")) is None
    assert cache.get(cache.name_key("one document", "soffice")) is None  # a hint is not a hit


@pytest.mark.parametrize("stored", ["not json", "[3, -1]", '{"pages": [3]}', '["3"]'])
def test_an_unreadable_cache_entry_is_a_miss(monkeypatch, tmp_path, stored) -> None:
    FakeLayout.calls = []
    monkeypatch.setattr(cl, "Layout", FakeLayout)
    cache = PageCache(tmp_path)
    (tmp_path / f"{cache.key('plan', 'soffice')}.json").write_text(stored)
    assert cl.settle(fake_build, "soffice", cache, source="plan") == [3, 4]
    assert FakeLayout.calls == [None]


# ---------------------------------------------------------------------------- the renderer


@pytest.mark.parametrize("lang,numbers", [("zh", ["一、", "二、", "三、", "四、"]),
                                          ("en", ["1.\t", "2.\t", "3.\t", "4.\t"])])
def test_entries_link_to_heading_bookmarks_with_words_numbers(tmp_path, lang, numbers) -> None:
    plan = plan_without_charts(lang)
    path = render(tmp_path, plan, fill_toc=False)
    headings = [b for b in plan.blocks if isinstance(b, Heading)]
    assert [h.level for h in headings] == [1, 1, 1, 1]
    entries = toc_entries(path)
    assert [text for _, text, _ in entries] == [n + h.text for n, h in zip(numbers, headings)]
    assert all(page is None for *_, page in entries)  # no page numbers we cannot know
    marks = {m.get(f"{{{W}}}name"): m.getparent() for m in body(path).iter(f"{{{W}}}bookmarkStart")}
    anchors = [a.get(f"{{{W}}}anchor") for a in body(path).iter(f"{{{W}}}hyperlink")]
    assert anchors == list(marks) and len(set(anchors)) == len(headings)
    assert all(re.fullmatch(r"_Toc\d{9}", a) for a in anchors)
    assert ["".join(p.itertext()) for p in marks.values()] == [h.text for h in headings]
    instr = "".join(t.text for t in body(path).iter(f"{{{W}}}instrText"))
    assert TOC_FIELD in instr


def test_without_libreoffice_the_contents_say_so(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFGEN_TOC_PAGES", "1")
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.warns(cl.ContentsWarning,
                      match="contents page numbers not filled: LibreOffice not found"):
        path = render(tmp_path, plan_without_charts("zh"))
    assert all(page is None for *_, page in toc_entries(path))


def test_switched_off_or_without_contents_libreoffice_is_not_run(tmp_path, monkeypatch,
                                                                   recwarn) -> None:
    monkeypatch.setattr(page_numbers, "settle", lambda *a, **k: pytest.fail("laid out"))
    render(tmp_path / "off", plan_without_charts("zh"), fill_toc=False)
    render(tmp_path / "press", sample_plan("zh", "press_release"), fill_toc=True)
    monkeypatch.setenv("BRIEFGEN_TOC_PAGES", "0")
    render(tmp_path / "env", plan_without_charts("zh"))
    assert not [w for w in recwarn if issubclass(w.category, cl.ContentsWarning)]


# ---------------------------------------------------------------------------- LibreOffice


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    """The Chinese sample briefing with its contents filled, and its PDF's page texts."""
    if not HAS_LAYOUT:
        pytest.skip("LibreOffice or poppler-utils is not installed")
    folder = tmp_path_factory.mktemp("toc-zh")
    plan = plan_without_charts("zh")
    path = render(folder, plan, fill_toc=True)
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                   check=True, capture_output=True, timeout=240)
    text = subprocess.run(["pdftotext", "-layout", str(folder / "toc.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    return plan, path, text.split("\f")[:-1], folder / "toc.pdf"


def test_page_numbers_are_where_libreoffice_puts_the_headings(laid_out) -> None:
    _, path, pages, _ = laid_out
    entries = toc_entries(path)
    assert entries and all(page for *_, page in entries)
    for _, printed, page in entries:
        assert pdf_pages.find_heading(pages, printed, after=3) == int(page), printed
    contents = "".join(pages[1].split())
    for _, printed, page in entries:
        assert "".join(printed.split()) in contents
        assert re.search(re.escape("".join(printed.split())) + r"\.+" + page, contents)


def test_without_destinations_the_text_search_finds_the_same_pages(laid_out, tmp_path,
                                                                    monkeypatch) -> None:
    _, path, _, pdf = laid_out  # a plain conversion: no named destinations in it
    layout = cl.Layout("soffice", tmp_path)
    monkeypatch.setattr(layout, "pdf", lambda docx: pdf)
    links = toc_links(path)
    entries = [toc.Entry(bookmark, printed) for _, printed, _, bookmark in links]
    assert pdf_pages.destinations(pdf) == {}
    assert layout.pages(b"", entries) == [int(page) for _, _, page, _ in links]


# ---------------------------------------------------------------------------- LibreOffice ahead


@pytest.fixture
def small_docx(tmp_path) -> bytes:
    path = render(tmp_path, plan_without_charts("en"), fill_toc=False)
    return path.read_bytes()


@pytest.mark.skipif(not HAS_LAYOUT, reason="LibreOffice or poppler-utils is not installed")
def test_a_libreoffice_started_ahead_does_the_conversion(tmp_path, small_docx) -> None:
    started = office.start_office("soffice")
    layout = cl.Layout("soffice", tmp_path)
    pdf = layout.pdf(small_docx)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "profile").exists()  # converted by the running one, in its profile
    assert started.process.poll() is not None and not started.folder.exists()
    assert not office.office_waiting("soffice")


@pytest.mark.skipif(not HAS_LAYOUT, reason="LibreOffice or poppler-utils is not installed")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_layout_settles_the_numbers_a_layout_of_the_finished_document_confirms(
        tmp_path, monkeypatch, lang) -> None:
    """The layout with the placeholder numbers (one LibreOffice run) gives the numbers that a
    second layout, of the document printing them, gives too: the figure space makes a single
    digit as wide as two, in the faces of both sample briefings."""
    runs = []
    real_run = subprocess.run

    def counted(argv, *args, **kwargs):
        runs.append(Path(argv[0]).name)
        return real_run(argv, *args, **kwargs)

    monkeypatch.setattr(office.subprocess, "run", counted)
    plan = plan_without_charts(lang)
    one = toc_entries(render(tmp_path / "one", plan, fill_toc=True, page_cache=False))
    assert runs.count("soffice") == 1
    monkeypatch.setattr(cl, "fixed_width", lambda found, shown: False)
    two = toc_entries(render(tmp_path / "two", plan, fill_toc=True, page_cache=False))
    assert runs.count("soffice") == 3  # the placeholder's layout, then the finished document's
    assert one == two and all(page for *_, page in one)
    assert any(int(page) < 10 for *_, page in one)  # a padded single digit was laid out

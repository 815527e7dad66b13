"""Main text out of news pages: the article without navigation, bylines, captions, share bars,
related links and comments; linear in the page's size and unbroken by hostile markup."""

import re
import time

import lxml.html
import pytest

from extractor.evaluate_main_text import shingle_match
from extractor.parse.encoding import decode
from extractor.parse.html import block_lines, json_ld_article_body, parse_html
from extractor.parse.main_text import boilerplate_hint

from .conftest import SHARED

CN_PAGES = SHARED / "eval" / "crawl-fixtures" / "cn-gbk-news-pages"
SENTENCES = [
    "Copper prices rose sharply on Monday as traders weighed new supply risks in Chile and Peru.",
    "The metal gained 3.2 percent on the London Metal Exchange, its biggest daily rise since March.",
    "Analysts at several banks said smelter outages would keep the market tight into next year.",
    "Chinese buyers returned after a week-long holiday, adding to demand for refined cathode.",
    "Inventories in warehouses tracked by the exchange fell to their lowest level in two years.",
    "Mining companies have struggled to bring new projects on stream because of permitting delays.",
]
TEASER = "Another story about markets that readers may like, with a short excerpt of its first lines here."


def _paragraphs(sentences=SENTENCES) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def _page(article: str, *, head: str = "") -> str:
    return f"""<html><head><title>Copper jumps</title>{head}</head><body>
    <header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li>
      <li><a href="/world">World</a></li></ul></nav></header>
    <div class="layout"><main>{article}</main>
    <aside class="sidebar"><h3>Most read</h3><ul>
      {"".join(f'<li><a href="/s{n}">Most read story number {n} about something else</a></li>' for n in range(8))}
    </ul></aside></div>
    <footer><p>Copyright 2026 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
    </body></html>"""


def _f1(gold: str, predicted: str) -> float:
    tp, fp, fn = shingle_match(gold, predicted)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_main_text_keeps_the_article_and_drops_the_furniture():
    page = parse_html(_page(f"<article><h1>Copper jumps</h1><div class='byline'>By Jane Doe</div>"
                            f"<time datetime='2026-01-05'>5 January 2026</time>{_paragraphs()}</article>"))
    assert page.text.splitlines() == SENTENCES
    assert page.title == "Copper jumps" and page.published_at == "2026-01-05"


@pytest.mark.parametrize("boilerplate", [
    "<div class='share-tools'><a href='#'>Facebook</a> <a href='#'>Twitter</a> <a href='#'>Email</a></div>",
    "<figure><img src='a.jpg'><figcaption>Copper cathodes at a warehouse in Shanghai</figcaption></figure>",
    "<div class='related-stories'><h3>Related</h3><p>" + TEASER + "</p></div>",
    "<div class='newsletter-signup'><p>Sign up for our daily newsletter to get the news first.</p></div>",
    "<p class='sr-only'>Advertisement skip this block for screen readers</p>",
    "<div style='display: none'><p>A hidden paragraph that readers never see on the page at all.</p></div>",
    "<div class='ad-slot'><span>Advertisement</span></div>",
    "<p>Advertisement</p>",
])
def test_main_text_drops_boilerplate_inside_the_article(boilerplate):
    article = _paragraphs(SENTENCES[:3]) + boilerplate + _paragraphs(SENTENCES[3:])
    assert parse_html(_page(f"<article>{article}</article>")).text.splitlines() == SENTENCES


def test_main_text_a_misleading_class_on_the_article_itself_is_ignored():
    # a CMS marks the article with taxonomy classes and a "meta" wrapper: it holds the page's text
    article = (f"<article class='post tag-comments category-share'><div class='meta-field-wrapper'>"
               f"{_paragraphs()}</div></article>")
    assert parse_html(_page(article)).text.splitlines() == SENTENCES


def test_main_text_comments_stay_out():
    comments = "".join(f"<div class='comment'><a href='/u{n}'>user{n}</a><p>{TEASER}</p></div>" for n in range(10))
    page = _page(f"<article>{_paragraphs()}</article><section id='comments'>{comments}</section>")
    assert parse_html(page).text.splitlines() == SENTENCES


def test_main_text_a_teaser_list_longer_than_the_article_loses_to_it():
    teasers = "".join(f"<li><a href='/t{n}'>Headline number {n} of another story</a><br>{TEASER}</li>"
                      for n in range(12))
    page = _page(f"<div class='ticker'><ul>{teasers}</ul></div><div class='story'>{_paragraphs()}</div>"
                 f"<div class='breaking-news-footer'><ul>{teasers}</ul></div>")
    assert parse_html(page).text.splitlines() == SENTENCES


def test_main_text_a_body_split_around_an_advertisement_is_joined():
    article = (f"<div class='lead'><p>{SENTENCES[0]}</p></div><div class='ad'><script>ads()</script></div>"
               f"<div class='text'>{_paragraphs(SENTENCES[1:4])}</div><div class='inline-promo'>"
               f"<a href='/x'>Subscribe now</a></div><div class='text'>{_paragraphs(SENTENCES[4:])}</div>")
    assert parse_html(_page(f"<article>{article}</article>")).text.splitlines() == SENTENCES


def test_main_text_keeps_tables_lists_quotes_and_subheadings_of_the_article():
    article = (_paragraphs(SENTENCES[:2]) + "<h2>What traders say</h2>"
               "<div class='social-embed'><blockquote class='twitter-tweet'><p>Copper is the new oil, "
               "says every trader on this desk today.</p></blockquote></div>"
               "<table><tr><th>Metal</th><th>Price</th></tr><tr><td>Copper</td><td>9,800</td></tr></table>"
               "<ul><li>Chile output fell</li><li>Peru mines blocked</li></ul>" + _paragraphs(SENTENCES[2:]))
    text = parse_html(_page(f"<article>{article}</article>")).text
    for line in ("What traders say", "Copper is the new oil", "Copper", "9,800", "Chile output fell"):
        assert line in text
    assert SENTENCES[-1] in text and "Most read" not in text


def test_main_text_line_breaks_and_links_inside_paragraphs():
    text = parse_html(_page("<article><p>First line<br>second line with <a href='/x'>a link</a> in it, "
                            "and more words to make a sentence.</p>" + _paragraphs() + "</article>")).text
    assert text.startswith("First line\nsecond line with a link in it")


def test_main_text_chinese_page_without_body_tag():
    text = "据悉，铜价周一大幅上涨，交易商权衡智利和秘鲁的新供应风险。分析师表示，冶炼厂停产将使市场在明年保持紧张。"
    page = parse_html(f"<div id='nav'><a href='/'>首页</a> <a href='/c'>财经</a></div><p>{text}</p><p>{text}</p>")
    assert page.text == f"{text}\n{text}"


def test_main_text_json_ld_body_when_the_markup_shows_none():
    body = " ".join(SENTENCES)
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            f'[{{"@type": "WebSite"}}, {{"@type": "NewsArticle", "articleBody": "{body}"}}]}}</script>')
    page = _page("<div id='app'>Loading…</div>", head=head)
    assert parse_html(page).text == body


@pytest.mark.parametrize("script", ['{"articleBody": ', "[" * 100_000 + "]" * 100_000,
                                    '{"a":' * 5000 + "1" + "}" * 5000])
def test_main_text_broken_or_deep_json_ld_is_ignored(script):
    page = _page(f"<article>{_paragraphs()}</article>",
                 head=f'<script type="application/ld+json">{script}</script>')
    assert json_ld_article_body(lxml.html.document_fromstring(page)) == ""
    assert parse_html(page).text.splitlines() == SENTENCES


@pytest.mark.parametrize("hint,boiler", [
    ("share-bar", True), ("socialShare", True), ("article-comments", True), ("tag-commentary", False),
    ("category-related", False), ("byline", True), ("visually-hidden", True), ("story-body", False),
    ("article-content", False), ("mainColumn", False), ("more-news", True), ("hs_cos_wrapper_meta_field", True),
])
def test_main_text_boilerplate_hints(hint, boiler):
    assert boilerplate_hint(hint) is boiler


@pytest.mark.parametrize("html", [
    "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>",
    "<div><span><a>" * 50_000 + "x",
    "<blockquote class='comment'>" * 3000 + "<p>quoted</p>",
    "<html><body><div><p>Unclosed <b>bold <i>italic</div></p></span><table><tr><td>cell<p>more",
    "<!-- only a comment -->", "", "\x00\x01<p>\x00hello</p>", "<html></html>", "<p>" + "<a>x</a>" * 10_000,
    "<div class='" + "share " * 100_000 + "'><p>" + SENTENCES[0] + "</p></div>",
])
def test_main_text_hostile_markup_never_crashes(html):
    page = parse_html(html)
    assert isinstance(page.text, str)


def test_main_text_deep_nesting_keeps_text_before_the_limit():
    html = "<html><body>" + _paragraphs() + "<div>" * 1500 + "deep" + "</div>" * 1500 + "</body></html>"
    text = parse_html(html).text
    assert SENTENCES[0] in text and "deep" in text
    assert block_lines(lxml.html.document_fromstring(html))  # no recursion limit


def test_main_text_fifty_megabytes_of_text():
    start = time.perf_counter()
    page = parse_html("<html><body><p>" + "word " * 10_000_000 + "</p></body></html>")
    assert len(page.text) == 49_999_999 and time.perf_counter() - start < 60


def _seconds(html: str) -> float:
    """The best of two runs, so that a busy machine does not fake a slope."""
    times = []
    for _ in range(2):
        start = time.perf_counter()
        parse_html(html)
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("unit", [
    "<div class='x'><span>a</span> b <a href='#'>c</a></div>",
    "<div><p>" + SENTENCES[0] + "</p></div>" * 3,
    "<li><a href='#'>link</a> text",
])
def test_main_text_time_is_linear_in_the_page(unit):
    small, large = 5_000, 20_000
    _seconds(unit * 100)  # warm up
    ratio = _seconds("<html><body>" + unit * large) / max(_seconds("<html><body>" + unit * small), 1e-3)
    assert ratio < 4 * 2.5  # four times the page, at most ten times the time (quadratic: sixteen)


@pytest.mark.skipif(not CN_PAGES.exists(), reason=f"{CN_PAGES} is absent (../shared is not beside the clone)")
@pytest.mark.parametrize("number", [23, 24, 25, 26])
def test_main_text_chinese_gbk_pages_against_their_gold(number):
    html = decode((CN_PAGES / "html" / f"cleaneval-zh-{number}.html").read_bytes()).text
    gold = (CN_PAGES / "gold" / f"cleaneval-zh-{number}.cleaned.txt").read_text(encoding="utf-8")
    text = parse_html(html).text

    def bigrams(value: str) -> set[str]:
        chars = "".join(re.findall(r"\w", value))
        return {chars[i:i + 2] for i in range(len(chars) - 1)}

    found, wanted = bigrams(text), bigrams(gold)
    assert len(found & wanted) / len(wanted) > 0.95 and len(found & wanted) / len(found) > 0.95
    assert _f1(gold, text) > 0.9


"""The main text of a news or blog page: the article body without navigation, bylines, captions,
share bars, related links, comments and other boilerplate.

One walk over the tree cuts the page into text blocks (the runs of text between block-level tags),
each with its length in words and how much of it sits in links, and gives each block a weight: long
text with few links counts for the block's container being the article, short lines and link lists
against. Containers whose tag, class or id names them as furniture (nav, footer, share, related,
comments, byline...) are set aside unless they hold half of the page's text, and so is text the page
repeats inside them. Every element then scores its own blocks plus its children's scores damped by
:data:`DECAY` (so the tightest container of the article beats a page-wide one that adds teasers);
the best is the article, joined by siblings that read like more of it (a body split around an
advertisement), up to :data:`LEVELS` levels up. Its blocks are the text, less link lists, ad labels
and boilerplate containers inside it.

Everything runs in time linear in the size of the page, without recursion (lxml caps the depth at
2048); the weights are the same for every site (no site names), with CJK characters counting as
half a word each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

# Never text of the page.
_SKIP = frozenset(
    "head script style noscript template iframe svg math canvas object embed video audio picture img "
    "button select option input textarea label map area link meta title br wbr".split()
)
_INLINE_NOT_BODY = frozenset(("time",))
# What advertisement slots are labelled with.
_AD_LABELS = frozenset(
    "ad ads advert advertisement advertising anzeige publicidad publicité pubblicità publicidade reclame "
    "reklama iklan sponsored реклама 广告 廣告".split()
)
# Page furniture, dropped when not holding most of the page.
_FURNITURE = frozenset("nav aside footer header form menu dialog".split())
# Never part of the body in news pages: page titles, captions, times, addresses.
_NOT_BODY = frozenset("h1 figcaption time address".split())
_BLOCKS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr html li main menu nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul".split()
)
_CELLS = frozenset(("td", "th"))
_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())

# Words in class and id names that mark boilerplate: exact words, and stems that start a word.
_BOILER_WORDS = frozenset(
    "ad ads advert adverts author authors banner bio byline bylines caption captions credit credits date "
    "dateline disclaimer follow footer gallery masthead menu meta modal more nav navbar navigation newsletter "
    "pager pagination popular popup print promo promos rail related sharing share shares sidebar slideshow "
    "social sponsor sponsored subscribe subscription tags tag teaser teasers timestamp toolbar tools "
    "trending widget widgets breadcrumb breadcrumbs comment comments cookie cookies consent signup "
    "outbrain taboola recommended recommendations disqus".split()
)
_BOILER_STEMS = re.compile(r"(?:comment|share|social|related|newsletter|subscri|signup|sponsor|advert|sidebar|"
                           r"breadcrumb|byline|caption|footer|masthead|outbrain|taboola|cookie|popup|pagination|"
                           r"disclaimer|recommend|trending|slideshow|disqus)")
_HIDDEN_CLASSES = re.compile(r"sr-only|visually-?hidden|screen-?reader|offscreen|element-?invisible")
# WordPress and similar add taxonomy classes (tag-paris, category-news) to the article itself.
_TAXONOMY = re.compile(r"(?:tag|category|format|status|type|postid)-")
_WORD_SPLIT = re.compile(r"[-_\s:.]+|(?<=[a-z])(?=[A-Z])")
_ARTICLE_BODY = re.compile(r"articlebody|article-?body|story-?body|entry-?content|post-?(?:body|content)|"
                           r"article-?(?:content|text)|content-?body")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORDS = re.compile(r"[^\W\d_]+|\d+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000\u200b]+")
_SENTENCE_END = re.compile(r"[.!?。！？…:;\"'”’»)]\s*$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

# An element's score: its own blocks' weights plus its children's scores times DECAY.
DECAY = 0.8
# A boilerplate-named container stays when it holds this share of the page's text (a misleading name).
KEEP_SHARE = 0.5
# Siblings of the article's container join it when they score this share of it...
SIBLING_SHARE = 0.1
# ...and, up to LEVELS levels up, when they are article-like text: PURE_MIN words or more, with at
# most PURE_SHARE of their weight against.
LEVELS = 2
PURE_MIN = 10
PURE_SHARE = 0.1


@dataclass
class _Block:
    text: str
    units: float         # words; a CJK character is half a word
    link_units: float    # of which in links
    owner: int           # the innermost block-level element
    tag: str             # its tag
    not_body: bool       # inside a title, caption, time or address


@dataclass
class _Element:
    tag: str
    parent: int
    hinted: bool         # a boilerplate tag, class or id
    hint: str
    start: int = 0       # its blocks: blocks[start:end]
    end: int = 0


def _units(text: str, sample: int = 10_000) -> float:
    """Words, a CJK character counting half a word; estimated from a sample of long texts."""
    part = text[:sample]
    without_cjk = _CJK.sub(" ", part)
    cjk = len(part) - len(_CJK.sub("", part))
    units = len(_WORDS.findall(without_cjk)) + cjk / 2
    return units * len(text) / len(part) if len(text) > sample else units


def _hint(element: etree._Element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip()


def boilerplate_hint(hint: str) -> bool:
    """Whether class and id names (``hint``) mark boilerplate: share bars, related links, bylines..."""
    for token in hint.split():
        if _TAXONOMY.match(token.lower()):
            continue
        if _HIDDEN_CLASSES.search(token.lower()):
            return True
        for word in _WORD_SPLIT.split(token):
            word = word.lower()
            if word in _BOILER_WORDS or _BOILER_STEMS.match(word):
                return True
    return False


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


class _Walk:
    """The text blocks and block-level elements of a tree, in document order."""

    def __init__(self, root: etree._Element) -> None:
        self.blocks: list[_Block] = []
        self.elements: list[_Element] = []
        self._pieces: list[str] = []
        self._link_pieces: list[str] = []
        self._walk(root)

    def _text(self, text: str | None, links: int) -> None:
        if text:
            self._pieces.append(text)
            if links:
                self._link_pieces.append(text)

    def _flush(self, owner: int, not_body: bool) -> None:
        if not self._pieces:
            return
        text = _SPACES.sub(" ", "".join(self._pieces))
        link_text = "".join(self._link_pieces)
        self._pieces.clear()
        self._link_pieces.clear()
        text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
        units = _units(text) if text else 0
        if units:
            link_units = min(units, _units(link_text)) if link_text else 0
            tag = self.elements[owner].tag if owner >= 0 else ""
            self.blocks.append(_Block(text, units, link_units, owner, tag, not_body))

    def _walk(self, root: etree._Element) -> None:
        owners, not_body = [-1], [False]   # the open block-level elements
        opened: list[int] = []             # per open element: its index, -1 inline, -2 skipped
        links = 0
        tags: dict[object, str] = {}
        walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        for event, element in walker:
            if event == "comment" or event == "pi":
                self._text(element.tail, links)
                continue
            tag = tags.get(element.tag)
            if tag is None:
                tag = tags[element.tag] = str(element.tag).lower().rsplit(":", 1)[-1]
            if event == "end":
                index = opened.pop()
                if index >= 0:
                    self._flush(owners[-1], not_body[-1])
                    self.elements[owners.pop()].end = len(self.blocks)
                    not_body.pop()
                elif index == -2 and tag == "br":
                    self._pieces.append("\n")
                if tag == "a" and index != -2:
                    links -= 1
                self._text(element.tail, links)
                continue
            if tag in _SKIP or tag in _INLINE_NOT_BODY or _hidden(element):
                opened.append(-2)
                walker.skip_subtree()
                continue
            hint = _hint(element)
            hinted = bool(hint) and boilerplate_hint(hint)
            if tag in _BLOCKS or hinted:  # a hinted <span> is a container that may go
                self._flush(owners[-1], not_body[-1])
                index = len(self.elements)
                self.elements.append(_Element(tag, owners[-1], hinted or tag in _FURNITURE, hint,
                                              len(self.blocks)))
                owners.append(index)
                not_body.append(not_body[-1] or tag in _NOT_BODY)
            else:
                index = -1
            if tag == "a":
                links += 1
            opened.append(index)
            self._text(element.text, links)
        self._flush(owners[-1], not_body[-1])


def _weight(block: _Block) -> float:
    """What a block says about its container being the article: long text with few links for,
    link lists and short lines against."""
    if block.not_body:
        return -1.0
    density = block.link_units / block.units
    if density > 0.5:
        return -block.units
    if block.units >= 10 or (block.units >= 5 and _SENTENCE_END.search(block.text)):
        return block.units * (1 - density)
    return 0.0 if block.tag in _CELLS else -1.0




def _link_list(block: _Block) -> bool:
    """Mostly links, and not a sentence (an article's sentence may be one long link)."""
    return block.link_units / block.units > 0.5 and not (
        block.units >= 8 and _SENTENCE_END.search(block.text) is not None)


def _ad_label(block: _Block) -> bool:
    return block.units <= 2 and block.text.strip(" -–—:.|[]()").lower() in _AD_LABELS


def _prefix(values: list[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums



@dataclass
class _Choice:
    walk: _Walk
    weights: list[float]
    gone: list[bool]           # per block: inside a dropped boilerplate container
    scores: list[float]        # per element
    best: int
    keep: list[bool]           # per block: in the article's containers


def _choose(root: etree._Element) -> _Choice | None:
    """The article's container and the blocks that go with it; None for a page without text."""
    walk = _Walk(root)
    blocks, elements = walk.blocks, walk.elements
    if not blocks:
        return None
    weights = [_weight(block) for block in blocks]
    mass = _prefix([max(weight, 0.0) for weight in weights])
    # Boilerplate containers go, unless they hold half of the page's text (a misleading name).
    dropped = [False] * len(elements)
    for index, element in enumerate(elements):
        # quotes (embedded posts) stay even in an embed or social container
        inherited = element.tag != "blockquote" and element.parent >= 0 and dropped[element.parent]
        dropped[index] = inherited or (
            element.hinted and mass[element.end] - mass[element.start] < KEEP_SHARE * mass[-1])
    gone = [dropped[block.owner] if block.owner >= 0 else False for block in blocks]
    # Text that the page repeats inside boilerplate (a ticker shown twice) is boilerplate too.
    boiler_texts = {block.text for drop, block in zip(gone, blocks, strict=True) if drop and block.units >= 5}
    twins = [not drop and block.text in boiler_texts for drop, block in zip(gone, blocks, strict=True)]
    if sum(max(weight, 0.0) for twin, weight in zip(twins, weights, strict=True) if twin) < KEEP_SHARE * mass[-1]:
        gone = [drop or twin for drop, twin in zip(gone, twins, strict=True)]
    adjusted = [-1.0 if drop else weight for drop, weight in zip(gone, weights, strict=True)]
    plain = _prefix(adjusted)
    # Each element: its own blocks' weights, plus its children's scores damped by DECAY, so that
    # the tightest container of the article wins over a page-wide one that adds teasers.
    scores = [0.0] * len(elements)
    for position, block in enumerate(blocks):
        if block.owner >= 0:
            scores[block.owner] += adjusted[position]
    for index in range(len(elements) - 1, 0, -1):
        parent = elements[index].parent
        if parent >= 0:
            scores[parent] += DECAY * scores[index]
    best, best_score = 0, float("-inf")
    for index, element in enumerate(elements):
        score = scores[index]
        if score > 0 and _ARTICLE_BODY.search(element.hint.lower()):
            score *= 1.1
        if dropped[index]:
            score = float("-inf")
        scores[index] = score
        if score >= best_score:
            best, best_score = index, score
    keep = [False] * len(blocks)
    chosen = elements[best]
    for position in range(chosen.start, chosen.end):
        keep[position] = True
    # Siblings that read like more of the article (a body split around an advertisement, a lead
    # paragraph apart from the rest), up to a few levels up.
    children: list[list[int]] = [[] for _ in elements]
    for index, element in enumerate(elements):
        if element.parent >= 0:
            children[element.parent].append(index)
    negative = _prefix([min(value, 0.0) for value in adjusted])
    chosen_score = plain[chosen.end] - plain[chosen.start]
    inner, outer, level = best, chosen.parent, 1
    while outer >= 0 and level <= LEVELS:
        for index in children[outer]:
            if index == inner or dropped[index]:
                continue
            sibling = elements[index]
            score = plain[sibling.end] - plain[sibling.start]
            against = negative[sibling.start] - negative[sibling.end]
            if score > 0 and ((level == 1 and score >= SIBLING_SHARE * chosen_score) or
                              (score >= PURE_MIN and against <= PURE_SHARE * (score + against))):
                for position in range(sibling.start, sibling.end):
                    keep[position] = True
        for position in range(elements[outer].start, elements[outer].end):
            if blocks[position].owner == outer and adjusted[position] > 0:
                keep[position] = True
        inner, outer, level = outer, elements[outer].parent, level + 1
    return _Choice(walk, weights, gone, scores, best, keep)


def main_text(root: etree._Element) -> str:
    """The article text under ``root`` (a parsed page), one line per block."""
    choice = _choose(root)
    if choice is None:
        return ""
    kept = [position for position, block in enumerate(choice.walk.blocks)
            if choice.keep[position] and not choice.gone[position] and not block.not_body
            and not _link_list(block) and not _ad_label(block)]
    # a heading with nothing after it heads what follows the article ("Related", "Comments")
    while kept and choice.walk.blocks[kept[-1]].tag in _HEADINGS:
        kept.pop()
    return "\n".join(choice.walk.blocks[position].text for position in kept)

"""What the sentiment model reads in a sentence: words, word pairs and finance polarity.

General-purpose sentiment goes wrong in finance where the direction of a change is good or bad only
by what changes: "costs fell" and "narrowed its loss" are good news, "sales fell" is not. Besides
words and pairs (Chinese: characters, pairs and triples of characters), each direction word ("rose",
"fell", 增长, 收窄) emits which way it goes and whether the nearest thing it moves is good to have more
of (revenue, profit, 营收) or bad (costs, losses, 亏损); a negation ("did not", "failed to", 未) marks
the words after it; and finance word lists give the balance of good and bad words, which carries the
model to words its training sentences never used. The same function makes the features for training
(scripts/train_sentiment.py) and for scoring, so the two cannot drift apart.
"""

from __future__ import annotations

import re

_EN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$€£¥]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_NUMBER = re.compile(r"\d")

EN_UP = set("""rise rises rose risen rising increase increased increases increasing grew grow grows growing
growth gain gains gained climb climbed climbs jump jumped jumps surge surged surges soar soared higher up
rebound rebounded widen widened widens widening expand expanded expands expansion double doubled
improve improved improves improvement boost boosted raise raised raises lift lifted accelerated
accelerate exceed exceeded exceeds beat beats top topped outpaced""".split())
EN_DOWN = set("""fall falls fell fallen falling decline declined declines declining drop dropped drops
decrease decreased decreases lower lowered down slump slumped plunge plunged shrank shrink shrinks
narrow narrowed narrows narrowing cut cuts cutting reduce reduced reduces reduction slid slide slides
eased ease eases contracted contract contraction halved trimmed trim sank tumbled slipped dipped
dip missed miss misses below weaker softer""".split())
EN_GOOD = set("""revenue revenues sales profit profits earnings income margin margins orders order ebitda
ebit eps shares share stock stocks demand dividend dividends volume volumes deliveries shipments cash
bookings backlog output production market traffic subscribers guidance forecast outlook price prices
rating target valuation returns yield turnover premiums deposits assets""".split())
EN_BAD = set("""cost costs expense expenses spending loss losses debt debts deficit unemployment inventory
inventories delay delays impairment impairments provisions provision writedown writedowns charges
charge leverage churn defaults default arrears liabilities borrowing borrowings jobless layoffs
headwinds outflows risk risks volatility inflation nonperforming npl""".split())
EN_NEGATORS = set("""not no never without failed fail fails unable didn't doesn't don't won't wasn't isn't
aren't weren't hasn't haven't cannot neither nor""".split())

ZH_UP = ("增长", "上升", "上涨", "提升", "增加", "扩大", "提高", "走高", "攀升", "翻倍", "回升", "大增", "增至",
         "上调", "超预期", "预增", "扭亏")
ZH_DOWN = ("下降", "下滑", "减少", "收窄", "降低", "下跌", "回落", "下调", "萎缩", "走低", "降至", "减至", "缩小",
           "不及预期", "预减", "首亏", "续亏", "大跌", "暴跌")
ZH_GOOD = ("营业收入", "营收", "收入", "净利润", "利润", "毛利率", "净利率", "订单", "销量", "股价", "业绩", "出货量",
           "分红", "现金流", "市场份额", "评级", "目标价", "每股收益")
ZH_BAD = ("成本", "费用", "亏损", "负债", "负债率", "库存", "不良率", "不良贷款", "减值", "失业率", "违约", "风险",
          "坏账", "损失", "逾期")
ZH_NEGATORS = ("未能", "不再", "并未", "没有", "未", "不", "无")
_ZH_DIRECTION = re.compile("|".join(sorted((*ZH_UP, *ZH_DOWN), key=len, reverse=True)))
_ZH_THING = re.compile("|".join(sorted((*ZH_GOOD, *ZH_BAD), key=len, reverse=True)))

POSITIVE = {
    "en": set("""rise rises rose risen rising gain gains gained surge surged surges soar soared jump jumped
    climb climbed climbing rally rallied record beat beats exceeded exceeding outpacing outperform
    growth grew grow grows strong stronger robust upgrade upgraded bullish boost boosted boosting
    improve improved improvement profit profitable doubling doubled expand expanded expansion
    favorable favourable confidence momentum upside recovery recovered rebound rebounded higher
    increase increased increases win won awarded approval approved dividend buyback raised
    outperformed positive optimistic benefit benefits narrowed""".split()),
    "zh": """上涨 增长 上升 大涨 涨停 盈利 扭亏 创新高 突破 利好 提升 改善 增加 回升 反弹 超预期 中标 获批 增持
    回购 分红 走强 强劲 看好 上调 翻倍 预增 扩产 向好 稳健""".split(),
}
NEGATIVE = {
    "en": set("""fall falls fell fallen falling drop dropped drops slump slumped plunge plunged decline
    declined declines declining loss losses lost miss missed weak weaker weakness downgrade
    downgraded bearish cut cuts cutting lawsuit sued fine fined penalty investigation probe
    resign resigned resignation default defaulted bankruptcy lower slowdown slowed warning warned
    concern concerns risk risks pressure shortfall deficit negative pessimistic halt halted
    suspended suspension tumble tumbled sank sink slid slide widened impairment writedown""".split()),
    "zh": """下跌 下降 下滑 亏损 跌停 减持 诉讼 处罚 罚款 冻结 质押 违约 风险 预减 预亏 下调 走弱 暴跌 停牌 立案
    调查 警示 问询 退市 减少 萎缩 承压 恶化 辞职""".split(),
}
_ZH_CUES = {sign: re.compile("|".join(sorted(words, key=len, reverse=True)))
            for sign, words in ((1, POSITIVE["zh"]), (-1, NEGATIVE["zh"]))}

# Two figures compared ("EUR 83.5 mn, compared with EUR 62.7 mn", "SEK 212 mln vs SEK 1.6 bln",
# "EUR 0.52 (0.39)", "from EUR 5.1 mn to EUR 8.4 mn"): which is larger says the direction where no word does.
_SCALES = {"bn": 1e3, "bln": 1e3, "billion": 1e3, "mn": 1.0, "mln": 1.0, "m": 1.0, "million": 1.0, "meur": 1.0,
           "thousand": 1e-3, "k": 1e-3, "%": 1.0}
_CURRENCY = r"(?:eur|euro|euros|sek|nok|dkk|usd|us\$|\$|€|£|meur)?\s?"
_AMOUNT = r"[-−]?\d[\d,]*(?:\.\d+)?"
_FIGURE = rf"{_CURRENCY}(?P<{{0}}>{_AMOUNT})\s?(?P<{{0}}_scale>bn|bln|billion|mn|mln|million|meur|m|" \
          rf"thousand|k|%)?(?!\w|\.\d)"
_COMPARED = re.compile(
    rf"\bfrom (?:a |an )?{_FIGURE.format('old')}\s?(?:in [\w\s-]{{0,30}}?)?,? to {_FIGURE.format('new')}|"
    rf"{_FIGURE.format('new2')}\s?,?\s?(?:compared (?:with|to)|vs\.?|versus|against|as against|up from|"
    rf"down from|from)\s(?:the |a |an )?{_FIGURE.format('old2')}|"
    rf"{_FIGURE.format('new3')}\s?\((?:{_CURRENCY})?(?P<old3>{_AMOUNT})\s?(?P<old3_scale>bn|bln|"
    rf"billion|mn|mln|million|m|%)?\)")
_YEAR = re.compile(r"(?:19|20)\d\d")
WINDOW_BEFORE, WINDOW_AFTER = 6, 4  # tokens (English) around a direction word where its thing is looked for
ZH_WINDOW = 12  # characters before a direction word
NEGATION_REACH = 3


def _direction_feature(up: bool, thing: str | None, good: set[str] | tuple[str, ...]) -> str:
    kind = "none" if thing is None else "good" if thing in good else "bad"
    return f"dir:{'up' if up else 'down'}|{kind}"


def _balance(balance: int) -> str:
    """Good words minus bad words (negated ones counted the other way), as a feature."""
    return "lex:positive" if balance > 0 else "lex:negative" if balance < 0 else "lex:even"


def _value(number: str, scale: str | None, other_scale: str | None) -> float:
    """A figure in millions; a figure without a scale takes its partner's ("SEK 2,310 mn (1,890)")."""
    return float(number.replace(",", "").replace("−", "-")) * _SCALES.get(scale or other_scale or "m", 1.0)


def _compared(lowered: str) -> list[str]:
    """A direction feature for each pair of figures compared, with the thing before the newer figure."""
    found = []
    for match in _COMPARED.finditer(lowered):
        new, old = next((n, o) for n, o in (("new", "old"), ("new2", "old2"), ("new3", "old3"))
                        if match.group(n) is not None)
        new_scale, old_scale = match.group(f"{new}_scale"), match.group(f"{old}_scale")
        now, before = _value(match.group(new), new_scale, old_scale), _value(match.group(old), old_scale, new_scale)
        if not (new_scale or old_scale) and all(_YEAR.fullmatch(match.group(g)) for g in (new, old)):
            continue  # "from 2010 to 2012" is a span of years
        if now == before:
            found.append("cmp:flat")
            continue
        words = _EN_TOKEN.findall(lowered[max(0, match.start() - 80):match.start()])
        things = [t for t in words[-WINDOW_BEFORE - 2:] if t in EN_GOOD or t in EN_BAD]
        found.append("cmp:" + _direction_feature(now > before, things[-1] if things else None, EN_GOOD))
    return found


def _english(text: str) -> list[str]:
    tokens = ["<num>" if _NUMBER.match(t) else t for t in _EN_TOKEN.findall(text.lower())]
    found = [f"w:{t}" for t in tokens] + [f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    negated_until, balance = -1, 0
    for i, token in enumerate(tokens):
        if token in EN_NEGATORS or token.endswith("n't"):
            negated_until = i + NEGATION_REACH
            continue
        if i <= negated_until:
            found.append(f"neg:{token}")
        sign = 1 if token in POSITIVE["en"] else -1 if token in NEGATIVE["en"] else 0
        balance += -sign if i <= negated_until else sign
        if token in EN_UP or token in EN_DOWN:
            before = [t for t in tokens[max(0, i - WINDOW_BEFORE):i] if t in EN_GOOD or t in EN_BAD]
            after = [t for t in tokens[i + 1:i + 1 + WINDOW_AFTER] if t in EN_GOOD or t in EN_BAD]
            thing = before[-1] if before else after[0] if after else None
            feature = _direction_feature(token in EN_UP, thing, EN_GOOD)
            found.append(feature if i > negated_until else f"neg:{feature}")
    return found + [_balance(balance)] + _compared(text.lower())


def _negated_zh(text: str, at: int) -> bool:
    """Whether a negation (未, 不再 ...) stands just before position ``at``."""
    return any(n in text[max(0, at - NEGATION_REACH):at] for n in ZH_NEGATORS)


def _chinese(text: str) -> list[str]:
    found = []
    for run in _CJK_RUN.findall(text):
        found += [f"c:{c}" for c in run]
        found += [f"c:{run[i:i + 2]}" for i in range(len(run) - 1)]
        found += [f"c:{run[i:i + 3]}" for i in range(len(run) - 2)]
    for match in _ZH_DIRECTION.finditer(text):
        before = text[max(0, match.start() - ZH_WINDOW):match.start()]
        things = _ZH_THING.findall(before)
        feature = _direction_feature(match.group() in ZH_UP, things[-1] if things else None, ZH_GOOD)
        found.append(f"neg:{feature}" if _negated_zh(text, match.start()) else feature)
    balance = 0
    for sign, pattern in _ZH_CUES.items():
        for match in pattern.finditer(text):
            balance += -sign if _negated_zh(text, match.start()) else sign
    found.append(_balance(balance))
    # English words and figures inside Chinese text (tickers, "EPS", "%") still count
    found += [f"w:{t}" for t in _EN_TOKEN.findall(text.lower()) if not _NUMBER.match(t)]
    return found


def features(text: str, lang: str) -> set[str]:
    """The sentence's features: each counts once, however often it occurs."""
    return set(_chinese(text) if lang == "zh" else _english(text))

"""A first financial sentiment scorer: finance word lists for English and Chinese, with negation.

A sentence scores (positive - negative) / (positive + negative + 1), in [-1, 1]; a negator
("not", "no", "未", "不") in the three words before a cue flips it. A document's score is the mean of
its sentence scores weighted by how much news each sentence carries (1 + its events and linked
companies), over the sentences that carry sentiment at all, so boilerplate does not drown the news.
This is the baseline that later, trained models are measured against.
"""

from __future__ import annotations

import re

POSITIVE = {
    "en": """rise rises rose risen rising gain gains gained surge surged surges soar soared jump jumped
    climb climbed climbing rally rallied record beat beats exceeded exceeding outpacing outperform
    growth grew grow grows strong stronger robust upgrade upgraded bullish boost boosted boosting
    improve improved improvement profit profitable doubling doubled expand expanded expansion
    favorable favourable confidence momentum upside recovery recovered rebound rebounded higher
    increase increased increases win won awarded approval approved dividend buyback raised
    outperformed positive optimistic benefit benefits narrowed""".split(),
    "zh": """上涨 增长 上升 大涨 涨停 盈利 扭亏 创新高 突破 利好 提升 改善 增加 回升 反弹 超预期 中标 获批 增持
    回购 分红 走强 强劲 看好 上调 翻倍 预增 扩产 向好 稳健""".split(),
}
NEGATIVE = {
    "en": """fall falls fell fallen falling drop dropped drops slump slumped plunge plunged decline
    declined declines declining loss losses lost miss missed weak weaker weakness downgrade
    downgraded bearish cut cuts cutting lawsuit sued fine fined penalty investigation probe
    resign resigned resignation default defaulted bankruptcy lower slowdown slowed warning warned
    concern concerns risk risks pressure shortfall deficit negative pessimistic halt halted
    suspended suspension tumble tumbled sank sink slid slide widened impairment writedown""".split(),
    "zh": """下跌 下降 下滑 亏损 跌停 减持 诉讼 处罚 罚款 冻结 质押 违约 风险 预减 预亏 下调 走弱 暴跌 停牌 立案
    调查 警示 问询 退市 减少 萎缩 承压 恶化 辞职""".split(),
}
NEGATORS = {"en": {"not", "no", "never", "without", "didn't", "doesn't", "won't", "denied", "neither"},
            "zh": {"未", "不", "没有", "无", "并非", "否认"}}
_WORD = re.compile(r"[A-Za-z']+|[\u3400-\u9fff]")
THRESHOLD = 0.15


def label_of(score: float) -> str:
    return "positive" if score > THRESHOLD else "negative" if score < -THRESHOLD else "neutral"


_SETS = {lang: (set(POSITIVE[lang]), set(NEGATIVE[lang])) for lang in POSITIVE}
_ZH_CUES = {sign: re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
            for sign, words in ((1, POSITIVE["zh"]), (-1, NEGATIVE["zh"]))}


def score_sentence(text: str, lang: str) -> tuple[float, int]:
    """The sentence's score and how many cues it had."""
    positive, negative = _SETS[lang]
    pos = neg = 0
    if lang == "zh":
        for sign, pattern in _ZH_CUES.items():
            for at in (m.start() for m in pattern.finditer(text)):
                flipped = any(n in text[max(0, at - 3):at] for n in NEGATORS["zh"])
                pos, neg = (pos + 1, neg) if (sign > 0) != flipped else (pos, neg + 1)
    else:
        words = [w.lower() for w in _WORD.findall(text)]
        for i, word in enumerate(words):
            sign = 1 if word in positive else -1 if word in negative else 0
            if sign == 0:
                continue
            if any(w in NEGATORS["en"] or w.endswith("n't") for w in words[max(0, i - 3):i]):
                sign = -sign
            pos, neg = (pos + 1, neg) if sign > 0 else (pos, neg + 1)
    return round((pos - neg) / (pos + neg + 1), 4), pos + neg


def document_score(sentence_scores: list[tuple[float, int, int]]) -> float:
    """Weighted mean of (score, cues, news items) over sentences that have any cue."""
    weighted = [(score, 1 + news) for score, cues, news in sentence_scores if cues]
    total = sum(weight for _, weight in weighted)
    return round(sum(score * weight for score, weight in weighted) / total, 4) if total else 0.0

"""Event rules: per type, the trigger words (English and Chinese), the entity labels a sentence
must hold for the trigger to count, and how the trigger's words give the subtype.

Each rule is data; ``events.py`` applies them. Types, subtypes and roles are declared in
``event_schema.json``, which the gold corpus and the evaluation use too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Rule:
    type: str
    triggers: dict[str, str]  # lang -> regex of trigger words
    requires: tuple[frozenset[str], ...]  # each set: the sentence has an entity with one of its labels
    subtypes: tuple[tuple[str, str], ...]  # (subtype, regex on the trigger, then on the sentence)
    default_subtype: str = "other"
    context: str | None = None  # a regex the sentence must match as well


def _en(words: str) -> str:
    return r"\b(?:" + words + r")\b"


SCHEMA_FILE = Path(__file__).with_name("event_schema.json")
# Every event type of Contract 1: description, subtypes, and role -> entity labels that fill it, in
# order of preference (an empty list: a role marked as text, not filled from entities).
EVENT_SCHEMA: dict[str, dict] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
EVENT_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    event_type: {role: tuple(labels) for role, labels in spec["roles"].items() if labels}
    for event_type, spec in EVENT_SCHEMA.items()
}
# Roles whose absence lowers an event's confidence.
CORE_ROLES = {
    "personnel_change": ("company", "role"), "commodity_price": ("commodity", "price"),
    "financing": ("amount",), "earnings_forecast": ("company", "change"),
    "price_adjustment": ("issuer",), "security_value": ("security", "change"),
    "regulation": ("policy",), "facility": ("company",), "share_repurchase": ("company",),
    "dividend": ("company", "amount"), "merger_acquisition": ("acquirer", "target"),
}

_UP_EN = "rise|rises|rose|risen|rising|climb|climbed|climbs|gain|gained|gains|increase|increased|" \
         "surge|surged|jump|jumped|soar|soared|up|higher|rally|rallied|doubling|doubled|double"
_DOWN_EN = "fall|falls|fell|fallen|drop|dropped|drops|decline|declined|declines|slump|slumped|" \
           "plunge|plunged|down|lower|slid|slide|tumbled|sank|cut|cuts|reduced|halved"
_UP_ZH = "上涨|涨至|上升|上调|增长|增加|大涨|走高|攀升|翻倍|预增|突破"
_DOWN_ZH = "下跌|跌至|下降|下调|减少|下滑|走低|回落|预减|预亏"
_DIRECTION = (("increase", f"{_en(_UP_EN)}|{_UP_ZH}"), ("decrease", f"{_en(_DOWN_EN)}|{_DOWN_ZH}"))

RULES: tuple[Rule, ...] = (
    Rule("personnel_change",
         {"en": _en(r"resign(?:s|ed|ation)?|step(?:s|ped)? down|stepping down|appoint(?:s|ed|ment)?|"
                    r"named|elect(?:s|ed|ion)?|dismiss(?:es|ed|al)?|fired|retire(?:s|d|ment)?|"
                    r"succeed(?:s|ed)?|promoted|hired|quit|departure|leave the company"),
          "zh": r"辞职|辞去|离任|聘任|任命|选举|当选|免去|罢免|退休|补选|换届|提名"},
         (frozenset({"ROLE", "PERSON"}),),
         (("resignation", r"(?i)resign|step|quit|departure|leave|辞|离任"),
          ("appointment", r"(?i)appoint|named|hired|promoted|succeed|聘任|任命|提名"),
          ("election", r"(?i)elect|选举|当选|补选|换届"),
          ("dismissal", r"(?i)dismiss|fired|免去|罢免"), ("retirement", r"(?i)retire|退休"))),
    Rule("commodity_price",
         {"en": _en(f"{_UP_EN}|{_DOWN_EN}|reach|reached|reaching|stood at|traded at|quoted at|"
                    r"settled|price|prices|priced"),
          "zh": f"{_UP_ZH}|{_DOWN_ZH}|报价|价格|均价|报"},
         (frozenset({"COMMODITY"}), frozenset({"PRICE", "PERCENT"})), _DIRECTION, "level"),
    Rule("financing",
         {"en": _en(r"financing balances?|margin financing|margin-financing|financing(?! rate)|"
                    r"rais(?:ed|es|e|ing)(?= (?:about |nearly |some |more than |up to )?(?:US\$|HK\$|\$|"
                    r"RMB|CNY|€|£|¥|\d))|bond issue|issued bonds|issue bonds|notes offering|"
                    r"credit facility|loan|loans|private placement|share placement|rights issue|"
                    r"borrowing|refinanc\w*"),
          "zh": r"融资余额|融资|募集资金|募资|定增|非公开发行|配股|发行.{0,6}债|贷款(?!市场报价利率)|授信|借款"},
         (frozenset({"MONEY", "PERCENT"}),),
         (("margin_financing", r"(?i)financing balance|margin[- ]financing|融资余额|两融|融资净买入"),
          ("bond", r"(?i)bond|notes|债"), ("loan", r"(?i)loan|credit facility|borrowing|贷款|授信|借款"),
          ("equity", r"(?i)placement|rights issue|share offering|定增|非公开发行|配股"))),
    Rule("earnings_forecast",
         {"en": _en(r"earnings forecast|profit forecast|forecasts?|predicts?|guidance|expects? net profit|"
                    r"expects? (?:a )?(?:net )?(?:profit|earnings|revenue)|outlook|profit warning"),
          "zh": r"业绩预告|预计.{0,12}(?:净利润|营业收入|营收)|预增|预减|预亏|业绩快报"},
         (frozenset({"COMPANY"}),), _DIRECTION),
    Rule("price_adjustment",
         {"en": _en(r"price adjustment|price revision|price revisions|adjusted (?:its |their )?(?:listed )?prices?|"
                    r"raised (?:its |their )?(?:listed )?prices|listed prices?"),
          "zh": r"调价|价格调整|挂牌价|上调.{0,4}价格|下调.{0,4}价格"},
         (frozenset({"COMPANY", "COMMODITY", "DATE"}),), _DIRECTION),
    Rule("security_value",
         {"en": _en(f"{_UP_EN}|{_DOWN_EN}|posted gains|closed at|gains exceeding"),
          "zh": f"{_UP_ZH}|{_DOWN_ZH}|涨停|跌停|收于|报收"},
         (frozenset({"INDEX", "COMPANY"}), frozenset({"PERCENT", "PRICE", "MONEY"})), _DIRECTION,
         context=r"(?i)\bindex\b|\bshares\b|\bstocks?\b|股价|指数|收盘|股票"),
    Rule("regulation",
         {"en": _en(r"export controls?|export scrutiny|export review|tariffs?|sanctions?|quotas?|"
                    r"regulations?|rules|ban|banned|restrictions?|tighten(?:ed|s|ing)?|approved|approval"),
          "zh": r"出口管制|关税|制裁|配额|监管|禁令|限制|批准|审查"},
         (frozenset({"POLICY", "ORG", "GPE"}),),
         (("export_control", r"(?i)export|出口"), ("tariff", r"(?i)tariff|关税"),
          ("sanction", r"(?i)sanction|制裁"), ("quota", r"(?i)quota|配额"),
          ("approval", r"(?i)approv|批准")),
         context=r"(?i)export|import|tariff|sanction|regulat|authorit|ministry|government|commission|"
                 r"监管|出口|进口|部|委|局"),
    Rule("facility",
         {"en": _en(r"production capacity|capacity expansion|expanded capacity|expand(?:ed|s)? capacity|"
                    r"new plant|new factory|plant|factory|production line|smelter|mine opening"),
          "zh": r"产能|扩产|投产|新建.{0,6}(?:项目|工厂|产线)|生产线|停产"},
         (frozenset({"COMPANY"}),),
         (("expansion", r"(?i)expan|new|扩|新建|投产"), ("closure", r"(?i)clos|shut|停产"))),
    Rule("share_repurchase",
         {"en": _en(r"buyback|buy back|buys back|bought back|repurchase[sd]?|share repurchase"),
          "zh": r"回购"},
         (frozenset({"COMPANY", "MONEY", "QUANTITY"}),), (), "buyback"),
    Rule("dividend",
         {"en": _en(r"dividends?|payout"), "zh": r"分红|派息|现金红利|利润分配|派发"},
         (frozenset({"COMPANY", "PRICE", "MONEY"}),),
         (("raise", r"(?i)raise|increase|上调"), ("cut", r"(?i)cut|reduce|suspend|下调|暂停"),
          ("special", r"(?i)special|特别")), "declared"),
    Rule("merger_acquisition",
         {"en": _en(r"acquire[sd]?|acquisition|takeover|take over|merger|merge|buy(?:s)? (?:a )?stake|"
                    r"purchase (?:of )?(?:a )?stake|divest\w*|sell(?:s)? (?:its )?stake"),
          "zh": r"收购|并购|合并|重组|购买.{0,4}股权|出售.{0,4}股权|要约"},
         (frozenset({"COMPANY"}),),
         (("divestiture", r"(?i)divest|sell|出售"), ("stake_purchase", r"(?i)stake|股权"),
          ("merger", r"(?i)merge|合并"))),
)

COMPILED = {rule.type: {lang: re.compile(pattern, re.I) for lang, pattern in rule.triggers.items()}
            for rule in RULES}

"""Event rules. Markets and policy: commodity prices, security prices, price adjustments, regulation
and macroeconomics.
"""

from __future__ import annotations

from .base import DIRECTION, DOWN_EN, DOWN_ZH, UP_EN, UP_ZH, Rule, en

RULES: tuple[Rule, ...] = (
    Rule("commodity_price",
         {"en": en(f"{UP_EN}|{DOWN_EN}|reach|reached|reaching|stood at|traded at|quoted at|"
                    r"settled|price|prices|priced"),
          "zh": f"{UP_ZH}|{DOWN_ZH}|报价|价格|均价|报"},
         (frozenset({"COMMODITY"}), frozenset({"PRICE", "PERCENT"})), DIRECTION, "level",
         core=('commodity', 'price')),
    Rule("security_value",
         {"en": en(f"{UP_EN}|{DOWN_EN}|posted gains|closed at|gains exceeding"),
          "zh": f"{UP_ZH}|{DOWN_ZH}|涨停|跌停|收于|报收"},
         (frozenset({"INDEX", "COMPANY"}), frozenset({"PERCENT", "PRICE", "MONEY"})), DIRECTION,
         context=r"(?i)\bindex\b|\bshares\b|\bstocks?\b|股价|指数|收盘|股票",
         core=('security', 'change')),
    Rule("price_adjustment",
         {"en": en(r"price adjustment|price revision|price revisions|adjusted (?:its |their )?(?:listed )?prices?|"
                    r"raised (?:its |their )?(?:listed )?prices|listed prices?"),
          "zh": r"调价|价格调整|挂牌价|上调.{0,4}价格|下调.{0,4}价格"},
         (frozenset({"COMPANY", "COMMODITY", "DATE"}),), DIRECTION,
         core=('issuer',)),
    Rule("regulation",
         {"en": en(r"export controls?|export scrutiny|export review|tariffs?|sanctions?|quotas?|"
                    r"regulations?|rules|ban|banned|restrictions?|tighten(?:ed|s|ing)?|approved|approval"),
          "zh": r"出口管制|关税|制裁|配额|监管|禁令|限制|批准|审查"},
         (frozenset({"POLICY", "ORG", "GPE"}),),
         (("export_control", r"(?i)export|出口"), ("tariff", r"(?i)tariff|关税"),
          ("sanction", r"(?i)sanction|制裁"), ("quota", r"(?i)quota|配额"),
          ("approval", r"(?i)approv|批准")),
         context=r"(?i)export|import|tariff|sanction|regulat|authorit|ministry|government|commission|"
                 r"监管|出口|进口|部|委|局",
         core=('policy',)),
)

"""Event rules. Results: financial reports, revenue, profit and loss, expenses, sales volumes,
forecasts, dividends and analyst ratings.
"""

from __future__ import annotations

from .base import DIRECTION, Rule, en

RULES: tuple[Rule, ...] = (
    Rule("earnings_forecast",
         {"en": en(r"earnings forecast|profit forecast|forecasts?|predicts?|guidance|expects? net profit|"
                    r"expects? (?:a )?(?:net )?(?:profit|earnings|revenue)|outlook|profit warning"),
          "zh": r"业绩预告|预计.{0,12}(?:净利润|营业收入|营收)|预增|预减|预亏|业绩快报"},
         (frozenset({"COMPANY"}),), DIRECTION,
         core=('company', 'change')),
    Rule("dividend",
         {"en": en(r"dividends?|payout"), "zh": r"分红|派息|现金红利|利润分配|派发"},
         (frozenset({"COMPANY", "PRICE", "MONEY"}),),
         (("raise", r"(?i)raise|increase|上调"), ("cut", r"(?i)cut|reduce|suspend|下调|暂停"),
          ("special", r"(?i)special|特别")), "declared",
         core=('company', 'amount')),
)

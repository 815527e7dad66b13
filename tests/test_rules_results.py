"""Event rules for company results (rules/results.py): reports, revenue, profit and loss, expenses,
sales volumes, ratings, forecasts and dividends, in English and Chinese; and sentences that must not
give them. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from .event_helpers import argument as _argument
from .event_helpers import events

RESULT_TYPES = {"financial_report", "revenue", "profit_loss", "expense", "sales_volume", "rating",
                "earnings_forecast", "dividend"}


def _events(text: str, lang: str = "en") -> list[dict]:
    return [e for e in events(text, lang, published_at="2026-04-20") if e["type"] in RESULT_TYPES]


def _find(events: list[dict], event_type: str, subtype: str | None = None) -> dict:
    found = [e for e in events if e["type"] == event_type and (subtype is None or e["subtype"] == subtype)]
    assert found, f"no {event_type}/{subtype} in {[(e['type'], e['subtype']) for e in events]}"
    return found[0]


def test_results_sentence_gives_report_revenue_and_profit():
    events = _events("Nordwind Retail Group reported first-quarter results on Tuesday: revenue rose 12 % to "
                     "$4.3 billion, while net income fell 8 % to $310 million.")
    report = _find(events, "financial_report", "results")
    assert report["modality"] == "asserted"
    revenue = _find(events, "revenue", "increase")
    assert _argument(revenue, "change") == "12 %" and _argument(revenue, "amount") == "$4.3 billion"
    profit = _find(events, "profit_loss", "decrease")
    assert _argument(profit, "change") == "8 %"  # amount: the engine takes the nearest figure, "$4.3 billion"
    assert sum(e["type"] == "revenue" for e in events) == 1
    assert sum(e["type"] == "profit_loss" for e in events) == 1


def test_beat_and_miss():
    beat = _events("Quarterly earnings at Harlow Foods beat analysts' estimates.")
    assert _find(beat, "financial_report")["subtype"] == "beat"
    miss = _events("Harlow Foods posted quarterly revenue of $2.1 billion, missing forecasts.")
    assert _find(miss, "financial_report")["subtype"] == "miss"


@pytest.mark.parametrize("text,subtype", [
    ("Brightline Airlines swung to a net loss of $120 million in the third quarter.", "loss"),
    ("Brightline Airlines narrowed its net loss to $45 million in the quarter.", "loss"),
    ("Brightline Airlines returned to profit in the second quarter after two years of losses.", "turnaround"),
    ("Brightline Airlines posted a net income of $80 million, reversing a year-earlier loss of $30 million.",
     "turnaround"),
])
def test_losses_and_turnarounds(text, subtype):
    event = _find(_events(text), "profit_loss")
    assert event["subtype"] == subtype


def test_costs_and_volumes_are_their_own_types():
    events = _events("Halvard Motors said operating costs rose 9 % in 2025, while it delivered 120,000 vehicles, "
                     "up 15 % from a year earlier.")
    _find(events, "expense", "increase")
    _find(events, "sales_volume", "increase")
    assert not [e for e in events if e["type"] in ("revenue", "profit_loss")]


def test_sales_in_units_are_a_volume_not_revenue():
    events = _events("Halvard Motors said its sales fell 6 % to 310,000 vehicles in March.")
    _find(events, "sales_volume", "decrease")
    assert not [e for e in events if e["type"] == "revenue"]


def test_cost_plans_are_expected_expense_events():
    event = _find(_events("Corvel Steel plans to cut annual costs by $150 million by 2027."), "expense", "decrease")
    assert event["modality"] == "expected"


def test_ratings():
    events = _events("Marlow Securities downgraded Tessaro Inc to neutral from buy and cut its price target "
                     "to $48 from $61.")
    _find(events, "rating", "downgrade")
    target = _find(events, "rating", "price_target")
    assert _argument(target, "price_target") == "$48"
    assert _find(_events("Kenbridge Capital initiated coverage of Tessaro Inc with a buy rating."),
                 "rating", "initiate")
    assert _find(_events("Kenbridge Capital reiterated its overweight rating on Tessaro Inc."), "rating", "reiterate")
    assert _find(_events("Kenbridge Capital upgraded Tessaro Inc to outperform."), "rating", "upgrade")


def test_forecasts_are_expected_and_not_results():
    events = _events("Halvard Motors raised its 2026 profit forecast and now expects net income to rise 10 %.")
    forecast = _find(events, "earnings_forecast", "raise")
    assert forecast["modality"] == "expected"
    assert not [e for e in events if e["type"] in ("profit_loss", "revenue")]
    events = _events("Halvard Motors expects revenue to fall about 5 % in 2026.")
    _find(events, "earnings_forecast")
    assert not [e for e in events if e["type"] == "revenue"]


def test_a_forecast_of_a_commodity_or_the_economy_is_no_earnings_forecast():
    for text in ("Goldman Sachs kept its fourth-quarter Brent forecast at $64 a barrel.",
                 "The bank raised its 2026 gold price forecast to $4,200 an ounce.",
                 "The IMF cut its 2026 GDP forecast for Germany to 0.9 %."):
        assert not [e for e in _events(text) if e["type"] == "earnings_forecast"], text


def test_forecast_not_changed_is_negated():
    event = _find(_events("Halvard Motors did not change its full-year outlook."), "earnings_forecast", "other")
    assert event["modality"] == "negated"


def test_dividends():
    assert _find(_events("Corvel Steel raised its quarterly dividend to 45 cents a share."), "dividend", "raise")
    assert _find(_events("Corvel Steel kept its quarterly dividend at 30 cents a share."), "dividend", "unchanged")


@pytest.mark.parametrize("text", [
    "Shares of Corvel Steel lost 2.4 % on Monday and Halvard Motors fell 1.1 %.",
    "The trial results of the new drug will be published next month.",
    "Retail sales growth slowed to 2.1 % in March, the statistics bureau said.",
    "Exports rose 7 % in March as shipments to Europe climbed 12 %.",
    "Corvel Steel cut its 2026 capital spending plan by $300 million.",
    "Analysts expect the deal to close in the third quarter.",
    "Gold prices rose 1.2 % to $2,410 an ounce after U.S. payrolls beat forecasts.",
    "Low-cost carriers rose 3 % in Hong Kong trading.",
])
def test_sentences_about_other_happenings_give_no_results_events(text):
    assert _events(text) == []


def test_chinese_results_announcement():
    events = _events("公司披露的2025年年度报告显示，公司实现营业收入125.6亿元，同比增长8.3%；"
                     "归母净利润12.4亿元，同比下降5.2%。", "zh")
    _find(events, "financial_report", "results")
    revenue = _find(events, "revenue", "increase")
    assert _argument(revenue, "change") == "8.3%"
    profit = _find(events, "profit_loss", "decrease")
    assert _argument(profit, "amount") == "12.4亿元"  # change: the engine takes the nearer "8.3%" before "；"


@pytest.mark.parametrize("text,event_type,subtype", [
    ("公司2025年度归属于上市公司股东的净利润亏损3.2亿元，同比由盈转亏。", "profit_loss", "loss"),
    ("报告期内，公司研发费用同比增长21.5%。", "expense", "increase"),
    ("公司2025年动力电池出货量约45GWh，同比增长32%。", "sales_volume", "increase"),
    ("华信证券维持公司“买入”评级，并将目标价由28元上调至32元。", "rating", "reiterate"),
    ("华信证券维持公司“买入”评级，并将目标价由28元上调至32元。", "rating", "price_target"),
    ("华信证券首次覆盖该公司，给予“增持”评级。", "rating", "initiate"),
    ("公司预计2026年半年度归母净利润为5亿元至6亿元，同比增长30%至50%。", "earnings_forecast", "increase"),
    ("公司拟向全体股东每10股派发现金红利3元（含税）。", "dividend", "declared"),
])
def test_chinese_rules(text, event_type, subtype):
    event = _find(_events(text, "zh"), event_type, subtype)
    if event_type == "earnings_forecast":
        assert event["modality"] == "expected"


def test_chinese_results_measured_against_expectations_are_still_results():
    """符合预期 / 低于分析师预期 compare a result with expectations; they make it no forecast."""
    for text in ("某某电器前三季度实现营业收入820.5亿元，同比增长6.3%；归母净利润96.2亿元，同比增长5.1%，"
                 "业绩基本符合预期。",
                 "某某汽车第四季度营收为251.7亿美元，同比增长3.2%，低于分析师预期的263亿美元。"):
        assert {"revenue"} <= {e["type"] for e in _events(text, "zh")}, text


def test_a_named_companys_production_is_a_sales_volume_and_a_countrys_is_not():
    found = events("Newmont Corp said its gold production fell 12 % to 1.4 million ounces in the quarter.", "en",
                   published_at="2026-04-20")
    assert "sales_volume" in {e["type"] for e in found}
    national = events("China's crude steel output fell 4.2 % in August, the statistics bureau said.", "en",
                      published_at="2026-04-20")
    assert "sales_volume" not in {e["type"] for e in national}


def test_a_holder_selling_shares_is_no_sales_volume():
    text = "Acme Metals said its second-largest shareholder plans to sell up to 12 million shares, or 2 % of the " \
           "company, within three months."
    assert {e["type"] for e in events(text, "en", published_at="2026-04-20")} == {"shareholding_change"}


def test_chinese_forecast_range_is_not_a_result():
    events = _events("公司预计2026年半年度归母净利润为5亿元至6亿元，同比增长30%至50%。", "zh")
    assert not [e for e in events if e["type"] == "profit_loss"]

"""The event engine's choices, on sentences written for these tests: one event per trigger where a
rule says so, roles on their side of the trigger, figures in the trigger's clause, label-less roles
from text, modality cues within the clause."""

import pytest

from extractor import extract


def _events(write_jsonl, text, event_type, lang=None):
    document = {"text": text, "published_at": "2026-07-22"}
    if lang:
        document["lang"] = lang
    [record] = extract([write_jsonl([document])])
    return [e for e in record["events"] if e["type"] == event_type]


def _roles(event):
    return {a["role"]: a["text"] for a in event["arguments"]}


def test_each_move_in_a_market_wrap_up_is_its_own_event(write_jsonl):
    text = "7月21日，天齐锂业（002466）收涨6.12%，赣锋锂业（002460）上涨4.87%，盐湖股份跌幅为2.35%。"
    events = _events(write_jsonl, text, "security_value")
    assert [(_roles(e)["security"], _roles(e)["change"]) for e in events] == [
        ("天齐锂业", "6.12%"), ("赣锋锂业", "4.87%"), ("盐湖股份", "2.35%")]
    assert {e["date"] for e in events} == {"2026-07-21"}


def test_acquirer_before_the_trigger_target_after(write_jsonl):
    [deal] = _events(write_jsonl, "Caterpillar Inc said it would acquire Deere & Co for $8 billion.",
                     "merger_acquisition")
    roles = _roles(deal)
    assert (roles["acquirer"], roles["target"]) == ("Caterpillar Inc", "Deere & Co")


def test_figures_stay_in_the_clause_of_their_trigger(write_jsonl):
    text = "Boeing Co said revenue rose 12 % to $4.3 billion, while net income fell 8 % to $310 million."
    [profit] = _events(write_jsonl, text, "profit_loss")
    assert _roles(profit)["amount"] == "$310 million" and _roles(profit)["change"] == "8 %"


@pytest.mark.parametrize("text, event_type, role, value", [
    ("Morgan Stanley upgraded Alcoa Corp to overweight on Monday.", "rating", "rating", "overweight"),
    ("China's consumer price index rose 0.5 % in June from a year earlier.", "macroeconomics", "indicator",
     "consumer price index"),
    ("Nvidia Corp announced a 10-for-1 stock split on Wednesday.", "stock_split", "ratio", "10-for-1"),
])
def test_roles_without_labels_come_from_text(write_jsonl, text, event_type, role, value):
    [event] = _events(write_jsonl, text, event_type)
    assert _roles(event)[role] == value


def test_a_period_is_a_quarter_and_the_date_a_day(write_jsonl):
    text = "Alcoa Corp reported third-quarter results on Thursday, July 16, 2026."
    [report] = _events(write_jsonl, text, "financial_report")
    assert _roles(report)["period"] == "third-quarter" and report["date"] == "2026-07-16"


@pytest.mark.parametrize("text, event_type, modality", [
    ("Salesforce Inc agreed to buy Informatica Inc for $8 billion.", "merger_acquisition", "expected"),
    ("Boeing Co agreed to pay $200 million to settle a shareholder lawsuit.", "legal", "asserted"),
    ("Net sales for May rose 4 % at Costco Wholesale Corp.", "revenue", "asserted"),
    ("Tariffs would add to costs at Ford Motor Co, while its revenue rose 5 %.", "revenue", "asserted"),
    ("公司股东张伟将其持有的800万股公司股份质押给华泰证券股份有限公司。", "equity_pledge", "asserted"),
    ("万华化学公告称，公司正在筹划以现金方式收购一家欧洲化工企业旗下的MDI业务。", "merger_acquisition", "expected"),
    ("Li Auto said it expects to deliver 100,000 to 110,000 vehicles in the fourth quarter.", "sales_volume",
     "expected"),
])
def test_modality_cues_are_read_within_the_clause(write_jsonl, text, event_type, modality):
    events = _events(write_jsonl, text, event_type)
    assert events and events[0]["modality"] == modality


@pytest.mark.parametrize("text, lang, subtype", [
    ("The Hershey Co said its margins improved as prices for cocoa eased from record highs.", "en", "decrease"),
    ("受下游需求拉动，碳酸锂价格明显回升。", "zh", "increase"),
])
def test_a_price_move_without_figures_is_a_commodity_price_event(write_jsonl, text, lang, subtype):
    [event] = _events(write_jsonl, text, "commodity_price", lang)
    assert event["subtype"] == subtype


def test_a_higher_margin_is_no_commodity_price(write_jsonl):
    text = "Any further rise in rare-earth feedstock costs will likely translate into higher margins for producers."
    assert _events(write_jsonl, text, "commodity_price") == []


@pytest.mark.parametrize("text, subtype", [
    ("Boeing Co said it would close its paint facility in Everett, Washington, in 2026.", "closure"),
    ("Ford Motor Co's new battery plant in Kentucky started production in October.", "opening"),
    ("Alcoa Corp will restart the idle potline at its Massena smelter.", "opening"),
])
def test_facility_openings_closures_and_restarts(write_jsonl, text, subtype):
    events = _events(write_jsonl, text, "facility")
    assert events and events[0]["subtype"] == subtype


def test_an_approval_still_awaited_is_a_regulation_event_once(write_jsonl):
    text = "The sale is expected to be completed in the first half of 2026, subject to regulatory approvals."
    [approval] = _events(write_jsonl, text, "regulation")
    assert approval["subtype"] == "approval" and approval["modality"] == "expected"
    named = "The deal is subject to approval by the European Commission."
    assert len(_events(write_jsonl, named, "regulation")) == 1  # the rule that names the authority, alone


def test_the_broker_is_never_the_rated_company(write_jsonl):
    [rating] = _events(write_jsonl, "Northgate Securities cut the stock to underweight from equal weight.", "rating")
    assert "company" not in _roles(rating) and _roles(rating)["analyst"] == "Northgate Securities"


def test_respectively_gives_one_event_per_subject_with_its_figure(write_jsonl):
    text = "4月29日，华塑控股、金圆股份股价分别下跌9.96%和5.12%。"
    events = _events(write_jsonl, text, "security_value", "zh")
    pairs = [(_roles(e)["security"], _roles(e)["change"]) for e in events]
    assert pairs == [("华塑控股", "9.96%"), ("金圆股份", "5.12%")]


def test_respectively_names_before_tickers(write_jsonl):
    text = "Shares of Apple Inc (AAPL.O) and Microsoft Corp (MSFT.O) rose 1.8% and 1.2%, respectively."
    pairs = [(_roles(e)["security"], _roles(e)["change"]) for e in _events(write_jsonl, text, "security_value")]
    assert pairs == [("Apple Inc", "1.8%"), ("Microsoft Corp", "1.2%")]


def test_the_holder_is_never_the_issuer_nor_a_court(write_jsonl):
    text = "北方稀土（600111）公告，控股股东所持公司3,000万股股份于3月2日被深圳市中级人民法院司法冻结。"
    [freeze] = _events(write_jsonl, text, "equity_freeze", "zh")
    assert _roles(freeze).get("holder") not in ("公司", "深圳市中级人民法院")


def test_a_name_is_preferred_to_the_exchange_and_ticker_beside_it(write_jsonl):
    text = "Texas Instruments Incorporated (Nasdaq: TXN) today reported second-quarter revenue of $4.91 billion."
    [report] = _events(write_jsonl, text, "revenue")
    assert _roles(report)["company"] == "Texas Instruments Incorporated"


@pytest.mark.parametrize("text,lang,role", [
    ("Quarter on quarter, GDP expanded 1.3 %.", "en", "change"),
    ("The unemployment rate rose to 4.3 % in May.", "en", "value"),
    ("3月份，全国居民消费价格同比上涨0.4%。", "zh", "change"),
])
def test_a_percentage_after_a_move_is_the_change_after_to_the_level(write_jsonl, text, lang, role):
    [event] = _events(write_jsonl, text, "macroeconomics", lang)
    percent = next(a for a in event["arguments"] if a["role"] in ("value", "change"))
    assert percent["role"] == role


def test_a_chinese_rating_names_the_broker_and_the_company_before_the_trigger(write_jsonl):
    text = "东方证券将通威股份目标价由24.5元下调至19.8元，同时维持“增持”评级。"
    for event in _events(write_jsonl, text, "rating", "zh"):
        assert (_roles(event)["analyst"], _roles(event)["company"]) == ("东方证券", "通威股份")


def test_in_a_sale_the_seller_stands_before_the_trigger_and_the_buyer_after(write_jsonl):
    text = "Kraft Heinz Co agreed to sell its frozen meals business to Ridgeline Partners for $1.9 billion."
    [sale] = _events(write_jsonl, text, "merger_acquisition")
    assert (_roles(sale).get("seller"), _roles(sale).get("acquirer")) == ("Kraft Heinz Co", "Ridgeline Partners")


def test_a_word_inside_a_longer_trigger_of_another_type_is_no_event_of_its_own(write_jsonl):
    text = "The Federal Reserve is not expected to cut borrowing costs at its March meeting."
    assert [e["trigger"]["text"] for e in _events(write_jsonl, text, "macroeconomics")] == ["cut borrowing costs"]
    assert _events(write_jsonl, text, "expense") == [] and _events(write_jsonl, text, "financing") == []
    # a report stays beside the loss it reports
    text = "Intel Corp on Thursday reported a third-quarter net loss of $1.12 billion."
    assert _events(write_jsonl, text, "financial_report") and _events(write_jsonl, text, "profit_loss")

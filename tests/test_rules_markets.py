"""Market and policy event rules (rules/markets.py) through the real pipeline: sentences that must give
an event of the type (subtype, key arguments, modality) and sentences that must not.

The sentences are written for these tests; none is taken from the gold corpus.
"""

from __future__ import annotations

import pytest

from .event_helpers import argument as _argument
from .event_helpers import events_of_type as _of

# --- macroeconomics --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,subtype,modality", [
    ("India's consumer price index rose 4.1 % in March from a year earlier, the statistics ministry said.",
     "en", "inflation", "asserted"),
    ("Japan's industrial output fell 2.3 % in April, government data showed on Friday.", "en", "output",
     "asserted"),
    ("The U.S. unemployment rate was steady at 4.2 % in May.", "en", "employment", "asserted"),
    ("The Bank of Korea kept its benchmark interest rate unchanged at 2.5 % on Thursday.", "en", "rate_decision",
     "asserted"),
    ("Economists expect the European Central Bank to cut interest rates again in June.", "en", "rate_decision",
     "expected"),
    ("Vietnam's exports climbed 12.5 % in the first quarter, customs data showed.", "en", "trade", "asserted"),
    # the sub-indexes of a consumer price release
    ("The index for all items less food and energy rose 0.2 percent in January.", "en", "inflation", "asserted"),
    ("The energy index fell 1.1 percent over the month.", "en", "inflation", "asserted"),
    ("U.S. crude stocks fell by 3.2 million barrels last week, the Energy Information Administration said.", "en",
     "other", "asserted"),
    ("国家统计局4月11日发布数据显示，3月份全国居民消费价格指数（CPI）同比上涨0.4%。", "zh", "inflation", "asserted"),
    ("3月份制造业采购经理指数（PMI）为50.5%，比上月上升1.3个百分点。", "zh", "output", "asserted"),
    ("一季度全国城镇调查失业率平均值为5.3%，比上年同期下降0.1个百分点。", "zh", "employment", "asserted"),
    ("中国人民银行授权全国银行间同业拆借中心公布，1年期贷款市场报价利率（LPR）为3.1%，与上月持平。", "zh",
     "rate_decision", "asserted"),
    ("市场人士预计，央行年内仍可能降准。", "zh", "rate_decision", "hypothetical"),
    # an indicator told by its level, a rate named by its facility
    ("Flash estimates showed Swiss inflation was confirmed at 0.6 % in October.", "en", "inflation", "asserted"),
    ("The Reserve Bank of Australia lowered its official cash rate to 3.85 % on Tuesday.", "en", "rate_decision",
     "asserted"),
    ("The Riksbank trimmed its deposit facility rate twice in the quarter.", "en", "rate_decision", "asserted"),
])
def test_macroeconomics_found(text, lang, subtype, modality):
    events = _of(text, lang, "macroeconomics")
    assert events, text
    assert events[0]["subtype"] == subtype
    assert events[0]["modality"] == modality


def test_macroeconomics_one_event_per_indicator():
    text = "海关总署数据显示，一季度我国出口6.2万亿元，同比增长5.1%；进口4.4万亿元，同比下降2.3%；" \
           "贸易顺差1.8万亿元，扩大20.6%。"
    events = _of(text, "zh", "macroeconomics")
    assert len(events) == 3 and {e["subtype"] for e in events} == {"trade"}
    text = "2月份CPI同比上涨0.7%，PPI同比下降2.7%。"
    events = _of(text, "zh", "macroeconomics")
    assert len(events) == 2 and {e["subtype"] for e in events} == {"inflation"}


def test_macroeconomics_arguments():
    [event] = _of("Germany's industrial production fell 1.6 % in February, the Federal Statistical Office said.",
                  "en", "macroeconomics")
    assert "1.6 %" in (_argument(event, "value"), _argument(event, "change"))
    assert _argument(event, "location") == "Germany"
    assert _argument(event, "period") == "February"


@pytest.mark.parametrize("text,lang", [
    ("Acme Corp said its revenue rose 12 % in the first quarter.", "en"),
    ("The company's exports rose 8 % last year as demand from Europe recovered.", "en"),
    ("公司2025年营业收入同比增长15.2%，归母净利润同比增长8.1%。", "zh"),
    ("公司产品出口额同比增长12%。", "zh"),
    ("Freight rates on the route doubled in March.", "en"),
    # equities, and a company's unit cost, are no indicator
    ("European stocks fell on Monday, with the STOXX 600 down 0.8 %.", "en"),
    ("The miner's unit production cost fell 4.1 % in the half, helped by automation.", "en"),
])
def test_macroeconomics_not_found(text, lang):
    assert not _of(text, lang, "macroeconomics"), text


# --- security_value --------------------------------------------------------------------------------

def test_security_value_market_wrap_up_gives_one_event_per_stock():
    text = "3月2日，宁德时代（300750.SZ）收涨3.21%，比亚迪上涨2.05%，长城汽车涨幅为1.12%。"
    events = _of(text, "zh", "security_value")
    assert len(events) == 3 and {e["subtype"] for e in events} == {"increase"}
    assert sorted(_argument(e, "change") for e in events) == ["1.12%", "2.05%", "3.21%"]
    text = "Toyota Motor fell 2.4 % in Tokyo, Honda Motor lost 1.9 % and Nissan slipped 0.8 %."
    events = _of(text, "en", "security_value")
    assert len(events) == 3 and {e["subtype"] for e in events} == {"decrease"}
    assert {_argument(e, "security"): _argument(e, "change") for e in events} == \
        {"Toyota Motor": "2.4 %", "Honda Motor": "1.9 %", "Nissan": "0.8 %"}


@pytest.mark.parametrize("text,lang,subtype", [
    ("Siemens shares rose 3.1 % to 182.40 euros in Frankfurt.", "en", "increase"),
    ("The Nikkei 225 index closed up 1.2 % on Monday.", "en", "increase"),
    ("Unilever shares closed 0.9 % lower in London.", "en", "decrease"),
    ("Nokia's stock has fallen 18 % this year.", "en", "decrease"),
    ("贵州茅台3月2日收跌1.35%，报1,412.50元。", "zh", "decrease"),
    ("截至收盘，中国平安股价跌幅为2.16%。", "zh", "decrease"),
    ("The shares rose 3.1 % in extended trading.", "en", "increase"),  # the company named before
    ("Shares slumped 14 % to 212 pence by midday.", "en", "decrease"),
    ("The shares were up 2.6 % in premarket trading.", "en", "increase"),
    ("Heineken fell around 2 % in Amsterdam.", "en", "decrease"),
    ("该股收跌4.2%。", "zh", "decrease"),
    ("Adobe shares fell 2.2 % after Morgan Stanley trimmed its price target to $380.", "en", "decrease"),
    ("The Dow Jones Industrial Average added 180 points, or 0.4 %, on Friday.", "en", "increase"),
    # moves told without a figure: headlines and market reports
    ("Oracle, Micron rally as AI spending fears ease", "en", "increase"),
    ("Samsung Electronics slides on weak memory outlook", "en", "decrease"),
    ("Japanese shares edge up after Bank of Japan holds rates", "en", "increase"),
    ("Boeing shares were little changed in premarket trading.", "en", "level"),
    ("Intel forecasts weak quarter; shares tumble", "en", "decrease"),
    ("受政策利好提振，光伏板块集体走强。", "zh", "increase"),
    ("午后银行板块小幅回调。", "zh", "decrease"),
])
def test_security_value_found(text, lang, subtype):
    events = _of(text, lang, "security_value")
    assert events and events[0]["subtype"] == subtype, text


@pytest.mark.parametrize("text,lang", [
    ("Acme Corp said quarterly revenue rose 9 % to $2.1 billion.", "en"),
    ("The carmaker's sales of electric vehicles fell 12 % in January from a year earlier.", "en"),
    ("Analysts expect the company's net profit to rise by 20 % next year.", "en"),
    ("公司营业收入同比上涨12.5%。", "zh"),
    ("受此带动，公司产品销售均价较上年同期上涨约20%。", "zh"),
    ("Morgan Stanley raised its price target on Alcoa to $52 from $45.", "en"),
    ("Tesla gains approval to test robotaxis in Nevada.", "en"),
    ("Walmart drops plan to open stores in Chile.", "en"),
    ("Exports to China fell in March as demand weakened.", "en"),
    ("The home appliance maker was dropped from the index in 2022.", "en"),
])
def test_security_value_not_found(text, lang):
    assert not _of(text, lang, "security_value"), text


# --- price_adjustment ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,subtype,modality", [
    ("Nucor raised its hot-rolled coil prices by $40 a ton on Monday.", "en", "increase", "asserted"),
    ("Rio Tinto cut its offers for iron ore pellets to Chinese mills by 2 %.", "en", "decrease", "asserted"),
    ("Sinopec kept its March contract prices for polypropylene unchanged.", "en", "other", "asserted"),
    ("Dow Chemical said it would not raise its polyethylene prices in April.", "en", "increase", "negated"),
    ("万华化学（600309.SH）3月2日公告，公司将纯MDI挂牌价上调至19,800元/吨。", "zh", "increase", "expected"),
    # an administered fuel-price change
    ("国家发展改革委宣布，自6月5日24时起，国内汽油、柴油价格每吨分别降低160元和155元。", "zh", "decrease", "asserted"),
])
def test_price_adjustment_found(text, lang, subtype, modality):
    events = _of(text, lang, "price_adjustment")
    assert events, text
    assert events[0]["subtype"] == subtype and events[0]["modality"] == modality


@pytest.mark.parametrize("text,lang", [
    ("Morgan Stanley raised its price target on Nucor to $180.", "en"),
    ("The central bank cut interest rates by 25 basis points.", "en"),
])
def test_price_adjustment_not_found(text, lang):
    assert not _of(text, lang, "price_adjustment"), text


# --- commodity_price -------------------------------------------------------------------------------

def test_commodity_price_moves():
    [event] = _of("Spot silver slipped 1.3 % to $31.20 an ounce on Monday.", "en", "commodity_price")
    assert event["subtype"] == "decrease" and "silver" in _argument(event, "commodity")
    events = _of("碳酸锂价格持续回升，电池级碳酸锂现货均价回升至7.8万元/吨。", "zh", "commodity_price")
    assert events and {e["subtype"] for e in events} == {"increase"}


def test_commodity_price_moves_without_figures():
    [event] = _of("Nickel hits three-month high as Indonesia trims mining quotas", "en", "commodity_price")
    assert event["subtype"] == "increase" and _argument(event, "commodity") == "Nickel"
    [event] = _of("Silver eased from a record high as the dollar firmed.", "en", "commodity_price")
    assert event["subtype"] == "decrease"
    [event] = _of("Brent crude hits four-year low on supply glut fears", "en", "commodity_price")
    assert event["subtype"] == "decrease"


def test_commodity_price_each_commodity_told_by_its_price():
    events = _of("国际原油价格连续三日下跌，布伦特原油跌破70美元/桶。", "zh", "commodity_price")
    assert len(events) == 2, events


@pytest.mark.parametrize("text,lang", [
    ("The miner's copper output fell 4 % in the first half to 410,000 tonnes.", "en"),
    ("公司碳酸锂产量同比增长25%。", "zh"),
])
def test_commodity_price_not_found_for_volumes(text, lang):
    assert not _of(text, lang, "commodity_price"), text


# --- regulation ------------------------------------------------------------------------------------

def test_regulation_approval():
    [event] = _of("The European Medicines Agency on Tuesday approved Novo Nordisk's new obesity drug.", "en",
                  "regulation")
    assert event["subtype"] == "approval" and _argument(event, "authority") == "European Medicines Agency"


@pytest.mark.parametrize("text", [
    "Biogen Inc shares jump after FDA approves Alzheimer's drug",
    "The Shanghai Futures Exchange will raise margin requirements for silver contracts, it said on Wednesday.",
    "Vietnam's trade ministry launched an anti-dumping investigation into steel imports from China.",
    "The Federal Reserve lifted the cap on Citigroup's assets it had imposed in 2021.",
    "SEC approves exchange's plan to list bitcoin options",
])
def test_regulation_said_by_its_verb_or_measure(text):
    assert _of(text, "en", "regulation"), text


@pytest.mark.parametrize("text", ["恒瑞医药创新药瑞康替尼获批上市", "公司向特定对象发行股票的申请已获同意注册。"])
def test_regulation_approval_in_chinese_without_a_named_policy(text):
    [event] = _of(text, "zh", "regulation")
    assert event["subtype"] == "approval"


@pytest.mark.parametrize("text,lang", [
    ("The retailer said higher tariff costs squeezed its gross margin in the quarter.", "en"),
    ("The High Court will hold a sanction hearing on the scheme of arrangement next month.", "en"),
    ("公司收到中国证监会江苏监管局下发的《行政处罚决定书》，对公司处以300万元罚款。", "zh"),
    ("本次回购方案已获批准，尚需提交股东大会审议。", "zh"),
    # a board's or shareholders' approval, and tariffs as a market's mood
    ("AutoZone Inc said it would split its stock 20-for-1, subject to shareholder approval at a special meeting.",
     "en"),
    ("Revenue at the U.S. bank rose 9 % amid tariff-driven volatility in the markets.", "en"),
    ("特斯拉公司向美国证券交易委员会提交的文件显示，公司董事会已批准“一拆三”股票拆分。", "zh"),
])
def test_regulation_not_found(text, lang):
    assert not _of(text, lang, "regulation"), text

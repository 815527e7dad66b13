"""Corporate-action event rules (rules/corporate.py) through the real pipeline: sentences that must give
an event of the type (subtype, key arguments, modality) and sentences that must not.

The sentences are written for these tests; none is taken from the gold corpus.
"""

from __future__ import annotations

import pytest

from .event_helpers import argument as _argument
from .event_helpers import events_of_type as _of


@pytest.mark.parametrize("text,lang,event_type,subtype,modality", [
    # deals
    ("Siemens Energy said on Monday it had won an order from Saudi Aramco worth about 1.6 billion euros.",
     "en", "deal", "order", "asserted"),
    ("Vestas signed a ten-year supply agreement with Orsted covering turbines for offshore wind farms.",
     "en", "deal", "contract", "asserted"),
    ("Ford Motor formed a partnership with Baidu to develop self-driving taxis.", "en", "deal", "partnership",
     "asserted"),
    # a figure with its currency sign before "order"; licences, frame agreements and orders taken in a period
    ("Hyundai Heavy Industries wins $1.1 billion LNG carrier order from Qatar.", "en", "deal", "order", "asserted"),
    ("Orion Oyj signed an exclusive licence agreement with Bayer for its Parkinson's drug in Japan.", "en", "deal",
     "contract", "asserted"),
    ("Caterpillar Inc said its order intake rose 14 % to $1.8 billion in the third quarter.", "en", "deal", "order",
     "asserted"),
    ("Nokia Corp will supply radio equipment to Telia under a three-year frame agreement.", "en", "deal", "contract",
     "expected"),
    ("中国电建（601669.SH）3月2日公告，公司中标某抽水蓄能电站项目，中标金额约35.2亿元。", "zh", "deal", "bid_won",
     "asserted"),
    ("隆基绿能（601012.SH）3月2日公告，公司与某电力集团签订了光伏组件销售合同，合同金额约18亿元。", "zh", "deal",
     "contract", "asserted"),
    ("海尔智家（600690.SH）3月2日公告，公司与京东签署战略合作协议，双方将在渠道和物流方面开展合作。", "zh", "deal",
     "partnership", "asserted"),
    # investment
    ("Toyota Motor will invest $1.2 billion in a new battery plant in North Carolina.", "en", "investment",
     "project", "expected"),
    ("Samsung Electronics raised its capital expenditure for 2026 to 55 trillion won.", "en", "investment", "capex",
     "asserted"),
    ("宁德时代（300750.SZ）3月2日公告，公司拟投资建设西班牙电池工厂，项目总投资不超过40亿欧元。", "zh", "investment",
     "project", "expected"),
    # facilities
    ("Cleveland-Cliffs said it would idle a blast furnace in Ohio for eight weeks of maintenance.", "en",
     "facility", "closure", "expected"),
    ("Albemarle Corp mothballed its Kemerton hydroxide train in Western Australia.", "en", "facility", "closure",
     "asserted"),
    ("宁德时代（300750.SZ）2月10日公告，董事会同意由全资子公司在印度尼西亚投资建设电池产业基地项目。", "zh",
     "facility", "expansion", "asserted"),
    # products
    ("Apple Inc unveiled a cheaper iPhone model on Tuesday.", "en", "product_service", "launch", "asserted"),
    ("Toyota Motor is recalling 120,000 vehicles in the United States over a faulty fuel pump.", "en",
     "product_service", "recall", "asserted"),
    ("小米集团3月1日推出新款电动汽车，售价低于上一代车型。", "zh", "product_service", "launch", "asserted"),
    ("比亚迪（002594.SZ）3月2日公告，公司将召回部分进口车辆，涉及数量约1.2万辆。", "zh", "product_service", "recall",
     "expected"),
    # reputation
    ("A data breach at Marriott International exposed the records of 5 million guests.", "en", "csr_brand",
     "negative", "asserted"),
    ("Unilever won praise from environmental groups for cutting plastic packaging.", "en", "csr_brand", "positive",
     "asserted"),
    ("贵州茅台（600519.SH）荣获年度最具价值品牌称号。", "zh", "csr_brand", "positive", "asserted"),
    # giving, climate pledges and the brand's own campaigns, where a company is named
    ("Nestle SA donated $10 million to relief efforts after the earthquake.", "en", "csr_brand", "positive",
     "asserted"),
    ("Boeing Co began an advertising campaign to win back travellers after the safety scandal.", "en",
     "csr_brand", "negative", "asserted"),
    ("贵州茅台（600519.SH）累计向乡村教育公益项目捐赠2.3亿元。", "zh", "csr_brand", "positive", "asserted"),
    # mergers, acquisitions, divestitures
    ("Unilever agreed to sell its ice cream business to a private equity group for 7 billion euros.", "en",
     "merger_acquisition", "divestiture", "expected"),
    ("Chevron plans to buy Hess Corp for $53 billion in stock.", "en", "merger_acquisition", "acquisition",
     "expected"),
    ("万科A（000002.SZ）拟将所持某物流公司20%股权转让给一家外资机构，交易对价为30亿元。", "zh", "merger_acquisition",
     "divestiture", "expected"),
    # financing
    ("Apple Inc sold $5.5 billion of bonds on Tuesday.", "en", "financing", "bond", "asserted"),
    ("Rivian Automotive entered into a revolving credit agreement with a group of banks for up to $1.5 billion.",
     "en", "financing", "loan", "asserted"),
    ("招商银行（600036.SH）公告，拟发行总额不超过500亿元的二级资本债券。", "zh", "financing", "bond", "expected"),
])
def test_event_found(text, lang, event_type, subtype, modality):
    events = _of(text, lang, event_type)
    assert events, f"no {event_type} event in {text!r}"
    assert any(e["subtype"] == subtype for e in events), [e["subtype"] for e in events]
    assert any(e["modality"] == modality for e in events), [e["modality"] for e in events]


@pytest.mark.parametrize("text,lang,event_type", [
    ("The company launched an investigation into the accounting errors at its Brazilian unit.", "en",
     "product_service"),
    ("Toyota Motor launched a share buyback of up to 500 billion yen.", "en", "product_service"),
    ("Analysts recall that Nvidia shares fell 20 % in 2022.", "en", "product_service"),
    ("公司推出了2026年股份回购方案，回购金额不低于5亿元。", "zh", "product_service"),
    ("Alibaba signed a merger agreement with its logistics unit Cainiao on Monday.", "en", "deal"),
    ("Tencent Holdings signed a definitive agreement to acquire Ubisoft's games studio for 1.2 billion euros.",
     "en", "deal"),
    ("Steady orders from carmakers kept Baosteel's plants busy in February.", "en", "deal"),
    ("公司与交易对方签署了股权收购协议，收购价格为8亿元。", "zh", "deal"),
    ("Investors are investing in gold as a safe haven, lifting Zijin Mining shares 3 %.", "en", "investment"),
    ("The state holding company plans to spend up to $200 million on Sinopec shares.", "en", "investment"),
    ("全国固定资产投资同比增长3.2%，国家统计局3月15日发布数据显示。", "zh", "investment"),
    ("The acquisition would add about 10 cents a share to Pfizer's earnings in 2027.", "en", "merger_acquisition"),
    ("本次减持计划实施不会导致公司控制权发生变更。", "zh", "merger_acquisition"),
    ("The one-year loan prime rate was kept at 3.0 %, the People's Bank of China said.", "en", "financing"),
    ("Hershey raises 2026 profit forecast as cocoa prices ease.", "en", "financing"),
    ("Its shares plunged 22 % to $2.87, their lowest since Spirit Airlines' initial public offering.", "en",
     "financing"),
    ("Tesla shares came under pressure after weak delivery figures.", "en", "csr_brand"),
    ("Bookings through Expedia's consumer brands rose 7 % in the quarter.", "en", "deal"),
    ("Arbiton Systems entered into a settlement and license agreement with Crestline Networks.", "en", "deal"),
    # a holder's trade in the company's shares, not a takeover
    ("Helix Corp director Maria Olsen sold 250,000 shares of the chipmaker last week.", "en", "merger_acquisition"),
    ("Its chairman plans to buy up to 8 million yuan of the company's shares over six months.", "en",
     "merger_acquisition"),
    ("交易完成后，标的公司将纳入公司合并报表范围。", "zh", "merger_acquisition"),
    ("董事会建议将每十股合并为一股，股份合并后每手买卖单位不变。", "zh", "merger_acquisition"),
    ("预计本次降息可降低企业年化融资成本约800亿元。", "zh", "financing"),
    ("公司一季度财务费用同比增加12.4%，主要系借款利息增加。", "zh", "financing"),
])
def test_no_event(text, lang, event_type):
    assert not _of(text, lang, event_type), _of(text, lang, event_type)


def test_deal_arguments():
    [event] = _of("Boeing Co won a firm order from Qatar Airways for 20 jets valued at about 8 billion dlrs.", "en",
                  "deal")
    assert event["subtype"] == "order"
    assert _argument(event, "amount") == "about 8 billion dlrs"


def test_margin_financing_balance_and_net_buying_are_two_events():
    events = _of("东方财富（300059）3月2日获融资净买入5.2亿元，最新融资余额为210.3亿元。", "zh", "financing")
    assert len(events) == 2
    assert {e["subtype"] for e in events} == {"margin_financing"}
    assert {_argument(e, "amount") for e in events} == {"5.2亿元", "210.3亿元"}


def test_deal_said_again_is_one_event():
    events = _of("中国交建（601800.SH）公告，公司签署某港口工程总承包合同，合同金额约10亿美元。", "zh", "deal")
    assert len(events) == 1 and _argument(events[0], "amount") == "约10亿美元"


def test_a_second_happening_of_one_kind_in_a_sentence_is_its_own_event():
    events = _of("Acme Corp said it had completed a $2 billion buyback and would launch a new $5 billion buyback "
                 "in 2027.", "en", "share_repurchase")
    assert sorted(_argument(e, "amount") for e in events) == ["$2 billion", "$5 billion"]
    assert [e["modality"] for e in events] == ["asserted", "expected"]

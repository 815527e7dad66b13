"""Shareholder and status announcements (rules/announcements.py): pledges, freezes, shareholding
changes, listing status, legal cases, bankruptcy and stock splits, in English and Chinese.

Sentences written for these tests, run through the real pipeline: each must give its event (type,
subtype, modality and the key arguments), and ordinary sentences that share a word with a trigger
("settled at $70", "hiring freeze", "增持评级") must give none.
"""

from __future__ import annotations

import pytest

from extractor import Document, extract_documents

MINE = {"equity_pledge", "equity_freeze", "shareholding_change", "listing_status", "legal", "bankruptcy",
        "stock_split"}

# (id, lang, text, type, subtype, modality, {role: text the argument must contain})
POSITIVE = [
    ("pledge-en", "en", "Ganfeng Lithium (002460.SZ) said on Friday that its chairman, Li Liangbin, had pledged "
     "another 20 million shares to Ping An Securities.", "equity_pledge", "pledge", "asserted",
     {"holder": "Li Liangbin", "shares": "20 million shares"}),
    ("release-en", "en", "Its controlling shareholder released a pledge on 8 million shares after repaying the loan, "
     "the company said.", "equity_pledge", "release", "asserted", {"shares": "8 million shares"}),
    ("freeze-en", "en", "The Wuhan Intermediate People's Court froze 15 million shares held by the chairman, "
     "Zhou Ming, over a loan dispute, the company said.", "equity_freeze", "freeze", "asserted",
     {"shares": "15 million shares", "court": "Court"}),
    ("unfreeze-en", "en", "The court lifted the freeze on 3 million shares held by its founder, Chen Hua, the company "
     "said on Monday.", "equity_freeze", "unfreeze", "asserted", {"shares": "3 million shares"}),
    ("stake-cut-en", "en", "Its second-largest shareholder cut its stake to 4.9 % by selling 6 million shares "
     "through block trades.", "shareholding_change", "decrease", "asserted", {"shares": "6 million shares"}),
    ("stake-raise-en", "en", "Chairman Wang Fang plans to raise her stake in the company to 12 % over the next six "
     "months.", "shareholding_change", "increase", "expected", {"holder": "Wang Fang"}),
    ("halt-en", "en", "Shares of Ganfeng Lithium were suspended from trading on Monday pending an announcement.",
     "listing_status", "halt", "asserted", {}),
    ("resume-en", "en", "Trading in the shares will resume on Thursday, the company said.",
     "listing_status", "resumption", "expected", {}),
    ("delist-en", "en", "The New York Stock Exchange said it would delist the company's shares after they traded "
     "below $1 for 30 days.", "listing_status", "delisting", "expected", {}),
    ("ipo-en", "en", "The chipmaker raised $1.2 billion in its initial public offering on the Nasdaq.",
     "listing_status", "ipo", "asserted", {}),
    ("fine-en", "en", "The Securities and Exchange Commission fined Wells Fargo $35 million for misleading "
     "investors.", "legal", "fine", "asserted", {"amount": "$35 million"}),
    ("settle-en", "en", "Boeing agreed to pay $200 million to settle a shareholder lawsuit over its jets.",
     "legal", "settlement", "asserted", {"amount": "$200 million"}),
    ("probe-en", "en", "The European Commission opened an investigation into Microsoft over its cloud licensing.",
     "legal", "investigation", "asserted", {}),
    ("chapter11-en", "en", "Spirit Airlines filed for Chapter 11 bankruptcy protection on Tuesday.",
     "bankruptcy", "filing", "asserted", {}),
    ("restructuring-en", "en", "Sunac said creditors had approved the restructuring of its $9 billion of offshore "
     "debt.", "bankruptcy", "restructuring", "asserted", {}),
    ("split-en", "en", "Nvidia announced a 10-for-1 stock split on Wednesday.", "stock_split", "split", "asserted", {}),
    ("split-words-en", "en", "Costco approved a five-for-one split of its common stock.", "stock_split", "split",
     "asserted", {"ratio": "five-for-one"}),
    ("combine-en", "en", "Plug Power Inc said it would combine every 20 of its shares into one.", "stock_split",
     "reverse_split", "expected", {}),
    ("reverse-en", "en", "The company will carry out a 1-for-20 reverse stock split to keep its Nasdaq listing.",
     "stock_split", "reverse_split", "expected", {}),
    ("pledge-zh", "zh", "公司控股股东张伟所持3,000万股公司股份于6月3日质押给中信证券股份有限公司，占公司总股本的2.5%。",
     "equity_pledge", "pledge", "asserted", {"shares": "3,000万股", "stake": "2.5%"}),
    # 将 here marks the object (将其持有的…质押给), not the future
    ("pledge-zh-jiang", "zh", "公司股东张伟将其持有的800万股公司股份质押给华泰证券股份有限公司。",
     "equity_pledge", "pledge", "asserted", {"shares": "800万股"}),
    ("release-zh", "zh", "公司股东李明所持500万股公司股份已于6月3日解除质押。", "equity_pledge", "release", "asserted",
     {"shares": "500万股"}),
    # the pledged shares of a release: a release by the holder, the pledgee where it was done, no pledge
    ("release-of-pledged-zh", "zh", "2018年5月3日，深圳市恒泰投资有限公司将其质押给中信证券股份有限公司的本公司股份"
     "8,000,000股，在中信证券股份有限公司办理了解除质押手续。", "equity_pledge", "release", "asserted",
     {"holder": "深圳市恒泰投资有限公司", "shares": "8,000,000股"}),
    # 将…办理了 is done, not to come
    ("release-done-zh", "zh", "2018年9月12日，周德明先生将上述800万股办理了解除质押手续。", "equity_pledge", "release",
     "asserted", {"holder": "周德明", "shares": "800万股"}),
    # the pledgee is named after 质押给, however the sentence goes on; the listed pledgee in full
    ("pledgee-zh", "zh", "公司于2018年3月6日接到股东张建国先生的通知，张建国先生将其持有的公司无限售流通股12,000,000股"
     "质押给国泰君安证券股份有限公司，用于办理股票质押式回购交易业务。", "equity_pledge", "pledge", "asserted",
     {"holder": "张建国", "shares": "12,000,000股", "pledgee": "国泰君安证券股份有限公司"}),
    ("freeze-zh", "zh", "公司控股股东王强所持1.2亿股公司股份被上海市第一中级人民法院司法冻结。",
     "equity_freeze", "freeze", "asserted", {"shares": "1.2亿股", "court": "上海市第一中级人民法院"}),
    # a freeze's term (冻结期限) is part of the news; the share registrar is neither company nor holder
    ("freeze-term-zh", "zh", "公司于近日收到中国证券登记结算有限责任公司深圳分公司的通知，"
     "公司控股股东王强所持有的本公司股份45,600,000股被北京市第三中级人民法院司法冻结，"
     "冻结期限为2018年6月1日至2021年5月31日。", "equity_freeze", "freeze",
     "asserted", {"holder": "王强", "shares": "45,600,000股", "court": "北京市第三中级人民法院"}),
    ("unfreeze-zh", "zh", "公司实际控制人赵华所持2,000万股股份已解除司法冻结。",
     "equity_freeze", "unfreeze", "asserted", {"shares": "2,000万股"}),
    ("increase-zh", "zh", "公司董事长王芳于3月5日通过集中竞价方式增持公司股份10万股。", "shareholding_change",
     "increase", "asserted", {"holder": "王芳", "shares": "10万股"}),
    ("decrease-zh", "zh", "公司股东刘洋计划在未来3个月内减持公司股份不超过500万股。", "shareholding_change",
     "decrease", "expected", {"holder": "刘洋"}),
    ("halt-zh", "zh", "经公司申请，公司股票自2025年6月17日开市起停牌。", "listing_status", "halt", "asserted", {}),
    ("resume-zh", "zh", "公司股票将于2025年6月24日开市起复牌。", "listing_status", "resumption", "expected", {}),
    ("delist-zh", "zh", "公司股票因连续二十个交易日收盘价低于1元被深圳证券交易所终止上市。",
     "listing_status", "delisting", "asserted", {}),
    ("probe-zh", "zh", "因涉嫌信息披露违法违规，中国证监会决定对公司立案调查。",
     "legal", "investigation", "asserted", {}),
    ("fine-zh", "zh", "公司收到行政处罚决定书，被处以500万元罚款。",
     "legal", "fine", "asserted", {"amount": "500万元"}),
    ("lawsuit-zh", "zh", "某新能源公司以买卖合同纠纷为由起诉公司，涉案金额为1.2亿元。",
     "legal", "lawsuit", "asserted", {}),
    ("bankrupt-zh", "zh", "法院裁定受理公司的破产重整申请。", "bankruptcy", "restructuring", "asserted", {}),
    ("split-zh", "zh", "公司拟以资本公积金向全体股东每10股转增4股。", "stock_split", "split", "expected", {}),
    ("subdivide-zh", "zh", "泡泡玛特（09992.HK）宣布，拟按“一拆五”的比例拆细股份。", "stock_split", "split",
     "expected", {}),
    ("consolidate-zh", "zh", "中国稀土（00769.HK）公告，董事会建议按“十合一”的比例合并股份。", "stock_split",
     "reverse_split", "asserted", {}),
    # what is still to come, said right after the happening
    ("split-plan-zh", "zh", "漳州片仔癀药业股份有限公司2025年度利润分配及资本公积金转增股本方案公告", "stock_split",
     "split", "expected", {}),
    ("split-if-zh", "zh", "股份拆细须待股东于6月5日举行的股东特别大会上批准后方可生效。", "stock_split", "split",
     "hypothetical", {}),
]

# (id, lang, text, event types that must not be found)
NEGATIVE = [
    ("oil-settled", "en", "Brent crude futures settled at $70.15 a barrel on Friday.", {"legal"}),
    ("hiring-freeze", "en", "The company announced a hiring freeze and its shares fell 2 %.", {"equity_freeze"}),
    ("frozen-foods", "en", "Kraft Heinz agreed to sell its frozen meals business, and its shares rose 3 %.",
     {"equity_freeze"}),
    ("pledged-to", "en", "The bank pledged to support small businesses, its chairman said.", {"equity_pledge"}),
    ("halted-production", "en", "Shares of the miner fell 4 % after it halted production at its Chilean mine.",
     {"listing_status"}),
    ("ruling-party", "en", "The ruling Liberal Democratic Party won the election, and stocks rallied.", {"legal"}),
    ("restructuring-jobs", "en", "The company announced a restructuring of its sales division, cutting 500 jobs.",
     {"bankruptcy"}),
    ("sold-phones", "en", "Apple sold 50 million iPhones in the quarter.", {"shareholding_change"}),
    ("rules-out", "en", "Nio ruled out a price war in China, its chief executive said.", {"legal"}),
    ("product-launch", "en", "The iPhone 17 made its debut in Cupertino on Tuesday.", {"listing_status"}),
    ("rating-zh", "zh", "中信证券维持公司“增持”评级，目标价50元。", {"shareholding_change"}),
    ("repo-zh", "zh", "股票质押式回购业务规模较上年末下降。", {"equity_pledge", "share_repurchase"}),
    # a pledge's term runs until a release is applied for: no release
    ("pledge-term-zh", "zh", "质押期限自2018年9月12日起至质权人申请解除质押登记为止。", {"equity_pledge"}),
    ("ipo-funds-zh", "zh", "网上申购冻结资金达1.2万亿元，创年内新高。", {"equity_freeze"}),
    ("new-product-zh", "zh", "公司新品上市首周销量突破10万台。", {"listing_status"}),
    ("lockup-zh", "zh", "截至本公告披露日，股东未违反其在公司首次公开发行时所作出的股份锁定承诺。", {"listing_status"}),
    # a court taking a reorganisation case is the bankruptcy, not a lawsuit
    ("reorganisation-zh", "zh", "某市中级人民法院已裁定受理债权人对公司的重整申请，并指定了管理人。", {"legal"}),
]


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    cases = [case.values if hasattr(case, "values") else case for case in POSITIVE + NEGATIVE]
    documents = [Document(id=doc_id, text=text, input_name=f"test:{doc_id}", lang=lang, published_at="2025-06-10")
                 for doc_id, lang, text, *_ in cases]
    return {record["id"]: record for _, record in extract_documents(documents)}


@pytest.mark.parametrize("doc_id,lang,text,event_type,subtype,modality,arguments", POSITIVE,
                         ids=[(case.values if hasattr(case, "values") else case)[0] for case in POSITIVE])
def test_announcement_event_found(records, doc_id, lang, text, event_type, subtype, modality, arguments):
    events = [e for e in records[doc_id]["events"] if e["type"] == event_type and e["subtype"] == subtype]
    found = [(e["type"], e["subtype"]) for e in records[doc_id]["events"]]
    assert events, f"no {event_type}/{subtype} in {text!r}: {found}"
    event = events[0]
    assert event["modality"] == modality
    for role, words in arguments.items():
        found = [a["text"] for a in event["arguments"] if a["role"] == role]
        assert any(words in t for t in found), f"{role} should hold {words!r}: {event['arguments']}"


@pytest.mark.parametrize("doc_id,lang,text,absent", NEGATIVE, ids=[case[0] for case in NEGATIVE])
def test_no_announcement_event(records, doc_id, lang, text, absent):
    found = [(e["type"], e["subtype"], e["trigger"]["text"]) for e in records[doc_id]["events"] if e["type"] in absent]
    assert not found, f"spurious events in {text!r}: {found}"


def test_one_event_per_happening():
    """The object of a settlement or a pledge release is not an event of its own: "settle a lawsuit"
    is one legal event, "released a pledge on" one release."""
    documents = [Document(id="a", text="Boeing agreed to pay $200 million to settle a shareholder lawsuit.",
                          input_name="test:a", lang="en"),
                 Document(id="b", text="Its controlling shareholder released a pledge on 8 million shares.",
                          input_name="test:b", lang="en")]
    records = {r["id"]: r for _, r in extract_documents(documents)}
    assert [(e["type"], e["subtype"]) for e in records["a"]["events"] if e["type"] == "legal"] == \
        [("legal", "settlement")]
    assert [(e["type"], e["subtype"]) for e in records["b"]["events"] if e["type"] == "equity_pledge"] == \
        [("equity_pledge", "release")]


def test_types_are_mine():
    assert {(case.values if hasattr(case, "values") else case)[3] for case in POSITIVE} == MINE


def test_the_pledged_shares_of_a_release_are_no_pledge(records):
    events = [e for e in records["release-of-pledged-zh"]["events"] if e["type"] == "equity_pledge"]
    assert [e["subtype"] for e in events] == ["release"]
    assert next(a["text"] for a in events[0]["arguments"] if a["role"] == "pledgee") == "中信证券股份有限公司"


def test_two_holders_and_their_shares_in_one_sentence_are_two_events():
    text = ("获悉公司控股股东北京峰华投资管理有限公司所持有的公司股份54,320,000股及"
            "公司实际控制人冯立华先生所持有的公司股份8,760,000股被北京市第三中级人民法院司法冻结。")
    [(_, record)] = list(extract_documents([Document(id="t", text=text, input_name="test", lang="zh")]))
    found = {(a["text"], b["text"]) for e in record["events"] if e["type"] == "equity_freeze"
             for a in e["arguments"] if a["role"] == "holder" for b in e["arguments"] if b["role"] == "shares"}
    assert found == {("北京峰华投资管理有限公司", "54,320,000股"), ("冯立华", "8,760,000股")}

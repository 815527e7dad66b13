"""Shareholder tables of Chinese announcements, flattened into text: one event per row, with its holder,
shares, pledgee or court and date."""

from __future__ import annotations

import pytest

from extractor import extract_documents
from extractor.inputs import Document
from extractor.nlp.announcement_tables import find_table_rows

from .event_helpers import argument

HEAD = ("证券代码：300512 证券简称：恒远科技 公告编号：2017-071\n"
        "深圳恒远科技股份有限公司关于控股股东部分股份质押的公告\n"
        "深圳恒远科技股份有限公司（以下简称“公司”）近日接到公司控股股东深圳市恒泰投资有限公司（以下简称“恒泰投资”）"
        "函告，获悉恒泰投资将其所持有本公司的部分股份办理了质押业务，具体事项如下：\n"
        "1、股东股份被质押基本情况\n")
PLEDGE_HEADER = ("股东名称 是否为第一大股东及一致行动人 质押股数（股） 质押开始日期 质押到期日 质权人 "
                 "本次质押占其所持股份比例 用途")
PLEDGE_ROWS = ["恒泰投资 是 18,000,000 2017年6月15日 2018年6月14日 国泰君安证券股份有限公司 11.54% 补充流动资金",
               "恒泰投资 是 9,500,000 2017年6月16日 2018年6月15日 中信证券股份有限公司 6.09% 补充流动资金",
               "合计 - 27,500,000 - - - 17.63% -"]
TAIL = ("\n2、股东股份累计被质押的情况\n截至本公告披露日，恒泰投资持有公司股份156,000,000股，占公司总股本的30.00%。"
        "\n特此公告。\n深圳恒远科技股份有限公司董事会\n2017年6月20日")


def _events(text: str) -> list[dict]:
    document = Document(id="t", text=text, input_name="test", lang="zh", published_at="2017-06-20")
    [(_, record)] = list(extract_documents([document]))
    assert record["errors"] == []
    return record["events"]


def _shares(event: dict) -> int | None:
    return next((a["normalized"]["value"] for a in event["arguments"] if a["role"] == "shares"), None)


@pytest.mark.parametrize("separator", [" ", "\t", "\n"])
def test_each_row_is_a_pledge_with_its_holder_shares_pledgee_and_date(separator):
    table = "\n".join(line.replace(" ", separator) for line in [PLEDGE_HEADER, *PLEDGE_ROWS])
    pledges = [e for e in _events(HEAD + table + TAIL) if e["type"] == "equity_pledge" and _shares(e)]
    by_shares = {_shares(e): e for e in pledges}
    assert {18_000_000, 9_500_000} <= set(by_shares)  # the 合计 row is no event
    first, second = by_shares[18_000_000], by_shares[9_500_000]
    assert (first["subtype"], first["polarity"], first["modality"]) == ("pledge", "negative", "asserted")
    assert argument(first, "holder") == "恒泰投资"
    # the short name stands for the full name the announcement defined
    holder = next(a for a in first["arguments"] if a["role"] == "holder")
    assert holder["normalized"]["name"] == "深圳市恒泰投资有限公司"
    assert argument(first, "pledgee") == "国泰君安证券股份有限公司"
    assert argument(second, "pledgee") == "中信证券股份有限公司"
    assert (first["date"], second["date"]) == ("2017-06-15", "2017-06-16")
    assert argument(first, "company") == "深圳恒远科技股份有限公司"


def test_a_table_in_ten_thousand_shares_and_a_freeze_by_a_court():
    text = ("浙江锦程化纤股份有限公司关于控股股东股份被司法冻结的公告\n一、股份被冻结的基本情况\n"
            "股东名称 冻结数量（万股） 冻结起始日 冻结到期日 司法冻结执行人名称 占公司总股本比例\n"
            "锦程控股 4,000 2019年5月14日 2022年5月13日 浙江省绍兴市中级人民法院 7.84%\n二、其他说明\n特此公告。")
    [freeze] = [e for e in _events(text) if _shares(e)]
    assert (freeze["type"], freeze["subtype"], _shares(freeze)) == ("equity_freeze", "freeze", 40_000_000)
    assert argument(freeze, "court") == "浙江省绍兴市中级人民法院"
    assert argument(freeze, "stake") == "7.84%"


def test_sales_by_several_holders_and_buyback_tables_without_a_holder():
    sales = ("江苏朗月家纺股份有限公司关于股东减持股份的公告\n一、股东减持情况\n"
             "股东名称\t减持方式\t减持期间\t减持均价（元/股）\t减持股数（股）\t占总股本比例\n"
             "朗越投资\t集中竞价\t2019年2月15日至2019年3月14日\t11.26\t1,600,000\t0.57%\n"
             "朗星管理\t大宗交易\t2019年3月8日\t10.30\t1,200,000\t0.43%\n合计\t-\t-\t-\t2,800,000\t1.00%\n"
             "二、本次减持前后持股情况\n股东名称\t本次减持前持股数（股）\t占总股本比例\t本次减持后持股数（股）\t占总股本比例\n"
             "朗越投资\t12,800,000\t4.57%\t11,200,000\t4.00%\n特此公告。")
    found = {(e["subtype"], argument(e, "holder"), _shares(e)) for e in _events(sales) if _shares(e)}
    assert found == {("decrease", "朗越投资", 1_600_000), ("decrease", "朗星管理", 1_200_000)}  # not the holdings after
    buyback = ("丰瑞精密机械股份有限公司关于回购股份进展情况的公告\n现将公司回购进展情况公告如下：\n"
               "截止日期\t累计回购股份数量（股）\t占公司总股本比例\t最高成交价（元/股）\t最低成交价（元/股）\t累计支付总金额（元）\n"
               "2019年4月30日\t2,148,900\t1.07%\t16.40\t14.95\t33,527,604.20\n特此公告。")
    [repurchase] = [e for e in _events(buyback) if _shares(e)]
    assert (repurchase["type"], _shares(repurchase)) == ("share_repurchase", 2_148_900)
    assert argument(repurchase, "company") == "丰瑞精密机械股份有限公司"


def test_prose_and_tables_of_holdings_are_no_rows():
    assert find_table_rows("截至本公告披露日，恒泰投资持有公司股份156,000,000股，占公司总股本的30.00%。") == []
    holdings = "股东名称 持股数量（股） 持股比例 累计质押数量（股）\n恒泰投资 156,000,000 30.00% 97,500,000"
    assert find_table_rows(holdings) == []  # no column of this transaction's shares



def test_each_table_ends_where_the_next_begins():
    table = PLEDGE_HEADER + "\n" + "\n".join(PLEDGE_ROWS[:2]) + "\n"
    rows = find_table_rows(table * 40)
    assert len(rows) == 80  # every header reads its own two rows, not those of the tables after it
    assert len({(row.header.start, row.cells["shares"]) for row in rows}) == 80

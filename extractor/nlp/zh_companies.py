"""Chinese company names the gazetteer does not list: the shareholders, pledgees and counterparties
that announcements name in full (桐乡华悦投资有限公司) and then by the short name they define
(（以下简称“三元控股”）).

A full name ends with a legal form (有限公司, 股份有限公司, （有限合伙） ...) and starts after the
nearest word that cannot be part of it: punctuation, a role (控股股东, 一致行动人, 全资子公司) or a
word that joins it to the sentence (给, 予, 向, 与, 在, 将).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .spans import Entity

_LEGAL_FORM = re.compile(r"股份有限公司|有限责任公司|有限公司|集团公司|合伙企业（有限合伙）|（有限合伙）")
_BOUNDARY = re.compile(r"[，。；：、“”《》\s]|（(?!有限合伙)|\d|[万亿]元|(?<![有])限公司|[给予向与在将由及和为被]|"
                       r"控股股东|股东|一致行动人|实际控制人|子公司|出质人|质权人|受让方|转让方|交易对方|招标人为|"
                       r"中标人为|债权人|被告|原告|申请人|被申请人|公告|关于|持有|设立|成立|收购|出资|旗下|控制的|"
                       r"起诉|签订|签署|收到|委托|聘请|受让|转让|认购|购买|出售")
_REACH = 30  # characters of a name before its legal form, at most
_ALIAS = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"]([^”\"]{2,12})[”\"][）)]")


def find_chinese_company_names(text: str, entities: list[Entity]) -> list[Entity]:
    """COMPANY entities for full names that end with a legal form, where no listed company's name
    (already among ``entities``) reaches the legal form."""
    listed = [e for e in entities if e.label == "COMPANY" and e.normalized.get("id")]
    listed_ends = [e.end for e in listed]  # entities do not overlap, so their ends are sorted
    listed_starts = {e.start for e in listed}
    found = []
    for form in _LEGAL_FORM.finditer(text):
        i = bisect_left(listed_ends, form.start())
        if i < len(listed) and listed[i].start < form.end():
            continue  # the gazetteer's name reaches the legal form
        window_start = max(0, form.start() - _REACH)
        boundaries = list(_BOUNDARY.finditer(text, window_start, form.start()))
        if not boundaries and window_start > 0:
            continue  # no start within reach: not a name we can delimit
        start = boundaries[-1].end() if boundaries else window_start
        subsidiary = bool(boundaries) and boundaries[-1].group() == "子公司"
        if not subsidiary and start in listed_starts:
            continue  # 贝特瑞新材料集团股份有限公司: the listed 贝特瑞 in full, which the gazetteer links
        if form.start() - start >= 2:
            # as sure as a number: "三元" in 厦门三元光电控股有限公司 is no money
            found.append(Entity(start, form.end(), "COMPANY", text[start:form.end()], {}, priority=3))
    return found


def find_defined_aliases(text: str, entities: list[Entity]) -> list[Entity]:
    """Every mention of a short name an announcement defines for a company ("X（以下简称“Y”）"),
    with the company's normalised values; one pass over the text for all of them."""
    companies = {e.end: e for e in entities if e.label == "COMPANY"}
    defined: dict[str, Entity] = {}
    for definition in _ALIAS.finditer(text):
        company = companies.get(definition.start())
        alias = definition.group(1)
        if company is not None and alias not in ("公司", "本公司", "上市公司"):  # 公司 is a reference already
            defined.setdefault(alias, company)
    if not defined:
        return []
    mentions = re.compile("|".join(re.escape(a) for a in sorted(defined, key=len, reverse=True)))
    return [Entity(m.start(), m.end(), "COMPANY", m.group(), dict(defined[m.group()].normalized), priority=3)
            for m in mentions.finditer(text)]

"""Chinese company names the gazetteer does not list: the shareholders, pledgees and counterparties
that announcements name in full (桐乡华悦投资有限公司) and then by the short name they define
(（以下简称“三元控股”）); listed companies written in full (国泰君安证券股份有限公司, where the gazetteer
knows 国泰君安); and the courts, arbitrators and the share registrar that freeze or record shares.

A full name ends with a legal form (有限公司, 股份有限公司, （有限合伙） ...) and starts after the
nearest word that cannot be part of it: punctuation, a role (控股股东, 一致行动人, 全资子公司) or a
word that joins it to the sentence (给, 予, 向, 与, 在, 将).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .spans import Entity

_LEGAL_FORM = re.compile(r"股份有限公司|有限责任公司|有限公司|集团公司|合伙企业（有限合伙）|（有限合伙）")
# 与/及/和 join two names after a name's end (A公司与B公司); inside a name (谦和实业, 和邦) they are no boundary
_BOUNDARY = re.compile(r"[，。；：、“”《》\s]|（(?!有限合伙)|\d|[万亿]元|(?<![有])限公司|[给予向在将由为被]|"
                       r"(?:(?<=公司)|(?<=[）)]))[与及和]|"
                       r"控股股东|股东|一致行动人|实际控制人|子公司|出质人|质权人|受让方|转让方|交易对方|招标人为|"
                       r"中标人为|债权人|被告|原告|申请人|被申请人|公告|关于|持有|设立|成立|收购|出资|旗下|控制的|"
                       r"起诉|签订|签署|收到|委托|聘请|受让|转让|认购|购买|出售")
_REACH = 30  # characters of a name before its legal form, at most
# Words between a listed company's short name and a legal form that make it another company: a fund,
# an investment or asset-management arm (中信证券投资有限公司 is not 中信证券).
_OTHER_ENTITY = re.compile(r"投资|资本|资产|基金|管理|子公司|控股(?!集团)")
# A character of a place name or an institution's own words: not one that joins it to the sentence
_NAME_CHAR = r"(?:(?![被由向在于从对及与的了为将给已至其所])[\u4e00-\u9fff])"
# 上海市第一中级人民法院, 北京市朝阳区人民法院, 上海金融法院, 中国国际经济贸易仲裁委员会,
# 中国证券登记结算有限责任公司深圳分公司
_INSTITUTION = re.compile(
    rf"(?:{_NAME_CHAR}{{2,4}}(?:省|自治区))?(?:{_NAME_CHAR}{{1,6}}(?:市|州|盟))?(?:{_NAME_CHAR}{{1,5}}(?:区|县))?"
    r"(?:第[一二三四五六七八九十]{1,2})?(?:最高|高级|中级|基层)?人民法院|"
    rf"{_NAME_CHAR}{{2,6}}(?:金融|知识产权|海事|互联网|破产)法院|{_NAME_CHAR}{{2,12}}仲裁(?:委员会|院)|"
    r"中国证券登记结算有限(?:责任)?公司(?:[\u4e00-\u9fff]{2,3}分公司)?")
_ALIAS = re.compile(r"[（(](?:以下)?(?:简称|下称)[“\"]([^”\"]{2,12})[”\"][）)]")


def find_chinese_company_names(text: str, entities: list[Entity]) -> list[Entity]:
    """COMPANY entities for full names that end with a legal form, where no listed company's name
    (already among ``entities``) reaches the legal form."""
    listed = [e for e in entities if e.label == "COMPANY" and e.normalized.get("id")]
    listed_ends = [e.end for e in listed]  # entities do not overlap, so their ends are sorted
    listed_at = {e.start: e for e in listed}
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
        if not subsidiary and start in listed_at:
            # 贝特瑞新材料集团股份有限公司: the listed 贝特瑞 in full, linked as the gazetteer links it
            # (中信证券投资有限公司 is another company, unlisted)
            listed_name = listed_at[start]
            other = _OTHER_ENTITY.search(text, listed_name.end, form.start())
            found.append(Entity(start, form.end(), "COMPANY", text[start:form.end()],
                                {} if other else dict(listed_name.normalized), priority=3))
            continue
        if form.start() - start >= 2:
            # as sure as a number: "三元" in 厦门三元光电控股有限公司 is no money
            found.append(Entity(start, form.end(), "COMPANY", text[start:form.end()], {}, priority=3))
    return found


def find_chinese_institutions(text: str) -> list[Entity]:
    """ORG entities for courts, arbitration bodies and the share registrar (中国结算), which are never
    the holder or the issuer of the shares they freeze or record."""
    return [Entity(m.start(), m.end(), "ORG", m.group(), {}, priority=3) for m in _INSTITUTION.finditer(text)
            if m.end() - m.start() > 4]


def find_defined_aliases(text: str, entities: list[Entity]) -> list[Entity]:
    """Every mention of a short name an announcement defines for a company ("X（以下简称“Y”）"),
    with the company's normalised values (an unlisted one's: its full name); one pass over the text for
    all of them."""
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
    # an unlisted company's short name stands for the full name it was defined for
    return [Entity(m.start(), m.end(), "COMPANY", m.group(),
                   dict(defined[m.group()].normalized) or {"name": defined[m.group()].text}, priority=3)
            for m in mentions.finditer(text)]

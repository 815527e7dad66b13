"""Event rules. Results: financial reports, revenue, profit and loss, expenses, sales volumes,
forecasts, dividends and analyst ratings.

Revenue, profit, expense and volume changes share their verbs (rose, fell, 增长, 下降), so their
triggers run from the measure to the verb ("revenue rose", "净利润244.61亿元，同比下降"), or from a
verb to the measure it governs ("a 14 pct rise in profit", "cut costs"): the measure decides the type,
and the trigger ends (or, for the verb-first forms, is) the word of direction, which decides the
subtype. A forecast of revenue or profit is an earnings_forecast, so the revenue and profit rules stop
at "will", "expected to" and the like, and take only past and present forms of their verbs.
"""

from __future__ import annotations

from .base import Rule, en

# Words of direction. *_PAST: forms that state what happened ("rose", "was up"); *_BASE: the forms
# of a plan or forecast ("to rise"), used only where forecasts keep the type (expenses, volumes).
_UP_PAST = (r"rose|rises|rising|risen|grew|grows|growing|grown|increased|increases|increasing|climbed|climbs|"
            r"climbing|jumped|jumps|jumping|surged|surges|surging|soared|soars|soaring|gained|gains|advanced|"
            r"edged up|ticked up|picked up|rebounded|rebounds|improved|improves|expanded|expands|"
            r"more than doubled|doubled|doubles|more than tripled|tripled|(?:was|were) up|up|higher|"
            r"hit a record|reached a record|at a record")
_DOWN_PAST = (r"fell|falls|falling|fallen|dropped|drops|dropping|declined|declines|declining|decreased|"
              r"decreases|decreasing|slipped|slips|slipping|slid|slides|sliding|slumped|slumps|slumping|plunged|"
              r"plunges|tumbled|tumbles|sank|shrank|shrinks|shrinking|contracted|eased|eases|edged down|"
              r"retreated|retreats|(?:was|were) down|down|lower|halved|kept falling|kept declining|slowed|"
              r"(?:was|were|been) (?:cut|reduced|slashed|trimmed|lowered)")
_UP_BASE = r"rise|grow|increase|climb|jump|surge|soar|double|exceed|top|surpass|rebound|expand"
_DOWN_BASE = r"fall|decline|drop|decrease|slip|slide|shrink|ease|retreat|contract|halve|slow"
_UP_CAUSE = r"lift|lifts|lifted|lifting|boost|boosts|boosted|boosting|raise|raises|raised|raising|add|adds|added|adding"
_DOWN_CAUSE = (r"cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|slash|slashes|"
               r"slashed|trim|trims|trimmed|hurt|hurts|dented|squeezed|squeezes|weighed on|weigh on|eroded")
_UP_NOUN = r"rise|increase|jump|gain|growth|surge|rebound|recovery|improvement"
_DOWN_NOUN = r"fall|decline|drop|decrease|slump|plunge|slowdown|contraction"
_UP_ADJ = r"higher|rising|increased|heavier|heavy|soaring|surging|climbing|mounting|growing|ballooning"
_DOWN_ADJ = r"lower|falling|reduced|declining|easing|shrinking"
_UP_ZH = r"增长|增加|上升|提升|提高|大增|猛增|翻番|翻倍|攀升|上涨|走高"
_DOWN_ZH = r"下降|减少|下滑|下跌|大降|骤降|降低|回落|萎缩|走低"
_YOY_ZH = r"(?:同比|环比|较上年同期|比上年同期|较上年|较去年同期|较上期)?(?:大幅|明显|小幅|略有|有所)?"

# Subtypes of the measured types: the trigger ends with its word of direction (or is it).
_SUB_UP = rf"(?i)(?:\b(?:{_UP_PAST}|{_UP_BASE}|{_UP_CAUSE}|{_UP_NOUN}|{_UP_ADJ})|{_UP_ZH})$"
_SUB_DOWN = (rf"(?i)(?:\b(?:{_DOWN_PAST}|{_DOWN_BASE}|{_DOWN_CAUSE}|{_DOWN_NOUN}|{_DOWN_ADJ}|cost[- ]cuts?|"
             rf"cost[- ]cutting|savings)|{_DOWN_ZH})$")
_DIRECTION = (("increase", _SUB_UP), ("decrease", _SUB_DOWN))
# In a trigger, a bare "up", "down", "higher", "lower" after the measure needs a figure after it.
_FIG = r"(?= (?:by )?(?:about |nearly |more than |roughly |some |around |almost |over |just |slightly |sharply )?" \
       r"(?:US\$|HK\$|\$|RMB|€|£|¥|\d))"
_UP_VERB = _UP_PAST.replace("|up|higher|", f"|up{_FIG}|higher{_FIG}|")
_DOWN_VERB = _DOWN_PAST.replace("|down|lower|", f"|down{_FIG}|lower{_FIG}|")
_LEVEL_VERB = r"(?:(?:is|are) (?:expected |forecast |seen |set )?to )?(?:be|remain|stay|held|hold|was|were|" \
              r"remained|stayed) (?:flat|unchanged|steady|stable|level)"
# A noun of change that a forecast announces ("calls for a low-single-digit decline in revenue") is no result.
_NOT_FORECAST_NOUN = r"(?<!digit )(?<!calls for a )(?<!call for a )(?<!expects a )(?<!expected a )(?<!expect a )" \
                     r"(?<!forecast a )(?<!forecasts a )(?<!see a )(?<!sees a )(?<!predicts a )(?<!projects a )"

_MONEY = r"(?:about |roughly |nearly |some |around |approximately |an estimated |more than |over )?" \
         r"(?:US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|RMB ?|CNY ?|USD ?|\d)"
_C = r"(?:[^.;]|\.(?=\w| [a-z]))"  # a character inside the sentence ("U.S.", "1.12" keep going)
_CC = r"(?:[^.;,]|[.,](?=\w))"  # ... and inside the clause ("1,000" keeps going)
_FORECAST_STOP = (r"\b(?:will|would|could|should|(?-i:may)|might|expects?|expected|expecting|forecasts?|forecasted|"
                  r"projected|projects?|predicts?|predicted|seen|estimated|estimates?|guidance|outlook|target|"
                  r"likely|set to|due to|going to|plans?|aims?)\b")
_CLAUSE_STOP = r"\b(?:while|whereas|but|which|as|after|because|although|though|despite|compared)\b"

# The measures. Units after the verb ("to 4.02 million vehicles") make a "sales" figure a volume.
_UNITS = (r"vehicles|cars|EVs|NEVs|units|jets|aircraft|airplanes|planes|tonnes|tons|ounces|pounds|barrels|"
          r"phones|smartphones|handsets|devices|homes|apartments|kilowatt-hours|kWh|GWh|MWh|trucks|buses|"
          r"motorcycles|scooters|bikes|cases|bottles|copies|square metres|square meters|passengers")
_VOLUME_BEFORE_SALES = (r"vehicle|car|EV|NEV|hybrid|electric|truck|unit|smartphone|phone|handset|aircraft|jet|"
                        r"copper|gold|silver|coal|oil|crude|iron ore|ore|steel|aluminium|aluminum|lithium|nickel|"
                        r"zinc|cobalt|gas|LNG|potash|cement|volume|property|home|housing|model")
_NOT_AFTER_VOLUME = "".join(f"(?<!{w} )" for w in _VOLUME_BEFORE_SALES.split("|"))
_AFTER_VOLUME = "|".join(f"(?<={w} )" for w in _VOLUME_BEFORE_SALES.split("|") if w not in ("property", "home",
                                                                                                "housing"))
_REVENUE_EN = (rf"revenues?|turnover|top line|net interest income|{_NOT_AFTER_VOLUME}sales"
               rf"(?! volumes?| of (?:its |the |their )?(?:[\w-]+ ){{0,3}}?(?:{_UNITS}|models)\b)")
_PROFIT_EN = (r"net profits?|profits?(?![- ]taking| warning| forecast| outlook)|net income|operating income|"
              r"pre-tax income|pretax income|net earnings|earnings(?! (?:season|call|report|release|date|"
              r"forecast|outlook|guidance|estimates?))|EPS|earnings per share|EBITDA|EBIT|bottom line")
_EXPENSE_EN = r"(?<![-\w])costs?(?! of (?:sales|revenue))|expenses|(?<!capital )expenditures?|(?<!capital )spending|" \
              r"opex|outlays"
_VOLUME_EN = (rf"deliveries|shipments|sales volumes?|(?<!trading )(?<!turnover )(?<!trade )(?<!sales )volumes?|"
              rf"(?:{_AFTER_VOLUME})sales|sales of (?:its |the |their )?(?:[\w-]+ ){{0,3}}?(?:{_UNITS}|models)|"
              rf"registrations|passenger numbers|passenger traffic|customer traffic|foot traffic|attendance|"
              rf"comparable transactions|tonnage|(?:it |they )?sold")
_REVENUE_ZH = r"营业总收入|营业收入|营收|主营业务收入|销售收入|销售额|总收入|收入"
_PROFIT_ZH = (r"归母净利润|归属于[^，。；,;]{0,12}?(?:股东|所有者)的净利润|扣非净利润|扣除非经常性损益后的净利润|"
              r"净利润|利润总额|营业利润|毛利润|盈利|业绩")
_EXPENSE_ZH = (r"(?:研发|销售|管理|财务|营业|运营|经营|人工|原料|原材料|生产|闭店|营销|融资|利息)?"
               r"(?:费用|成本|开支|支出)")
_VOLUME_ZH = r"销量|销售量|出货量|交付量|发货量|产销量|装机量|交车量|销售数量"
_ALL_ZH = "|".join((_REVENUE_ZH, _PROFIT_ZH, _EXPENSE_ZH, _VOLUME_ZH, "净利|利润"))
_ALL_EN = r"revenues?|turnover|sales|profits?|net income|earnings|EPS|EBITDA|EBIT|costs?|expenses|spending|" \
          r"deliveries|shipments|volumes?|margins?"


def _gap_en(extra_stop: str = "", length: int = 60) -> str:
    """Words between a measure and its verb: no clause break, no other measure."""
    stops = rf"\b(?:{_ALL_EN})\b|{_CLAUSE_STOP}" + (f"|{extra_stop}" if extra_stop else "")
    return rf"(?:(?!{stops})(?:[^.;:,]|[.,](?=\w)|\.(?= [a-z]))){{0,{length}}}?"


def _gap_zh(length: int = 30) -> str:
    return rf"(?:(?!{_ALL_ZH}|预计|预测)[^；;。]){{0,{length}}}?"


def _measured(measure_en: str, measure_zh: str, forecasts: bool, level: bool = False,
              not_after: str = "") -> dict[str, str]:
    """Triggers of a measured change: measure ... verb, verb ... measure, "measure of X, up N".

    ``forecasts``: forecasts keep the type (expenses, volumes), so "to rise" counts; ``level``: "flat"
    and "unchanged" count; ``not_after``: a regex that, found after the verb, vetoes the trigger."""
    up, down = _UP_VERB, _DOWN_VERB
    stop = "" if forecasts else _FORECAST_STOP
    if forecasts:
        up = rf"{up}|(?:(?:is|are) (?:expected |forecast |set |likely )?to |will |would |could |should )?(?:{_UP_BASE})"
        down = rf"{down}|(?:(?:is|are) (?:expected |forecast |set |likely )?to |will |would |could |should )?" \
               rf"(?:{_DOWN_BASE})"
    verbs = rf"(?:{up}|{down}{'|' + _LEVEL_VERB if level else ''})"
    veto = rf"(?!{_C}{{0,40}}?\b(?:{not_after})\b)" if not_after else ""
    revised = rf"(?!{_C}{{0,40}}?\b(?:previous|prior|previously|earlier (?:forecast|guidance|estimate))\b)"
    noun_guard = "" if forecasts else _NOT_FORECAST_NOUN
    english = (rf"\b(?:{measure_en})\b{_gap_en(stop)}\b{verbs}\b{veto}"
               rf"|\b(?:{measure_en})\b(?: [\w-]+){{0,3}}?(?: of|:) {_C}{{0,60}}?, (?:up|down)\b{veto}{revised}"
               rf"|{noun_guard}\b(?:{_UP_NOUN}|{_DOWN_NOUN})(?= in (?:[\w'-]+ ){{0,3}}?(?:{measure_en})\b)")
    chinese = rf"(?:{measure_zh}){_gap_zh()}{_YOY_ZH}(?:{_UP_ZH}|{_DOWN_ZH})"
    return {"en": english, "zh": chinese}


_ANY_FIGURE = (frozenset({"COMPANY", "ORG", "MONEY", "PERCENT", "DATE", "QUANTITY"}),)
_NOT_MACRO = r"(?i)industrial (?:firms|companies|enterprises|profits)|retail sales growth|fixed-asset investment|" \
             r"industrial output|factory output|\bGDP\b|\b(?:export|foreign exchange|tourism|oil) earnings\b|" \
             r"规模以上工业企业|工业企业利润|国内生产总值|社会消费品零售总额"
_NOT_TRADE = r"|\b(?:exports?|imports?|trade (?:surplus|deficit|data))\b|出口|进口"
_RANGE_ZH = r"\d[\d,.]*\s*(?:万|亿)?元?\s*(?:至|到|~|－|—)\s*-?\d"  # a range of amounts: a forecast
# 预期 is a forecast unless results are measured against it (符合预期, 高于市场预期, 不及预期, 超预期)
_FORECAST_ZH = r"预计|预告|预测|(?<![于合及超出过])(?<!于市场)(?<!合市场)(?<!于分析师)预期|有望|预增|预减|预亏|预盈"

_RATINGS = (r"buy|sell|hold|neutral|outperform|underperform|overweight|underweight|equal[- ]weight|"
            r"market[- ]perform|sector[- ]perform|peer[- ]perform|in[- ]line|accumulate|reduce|add|strong buy|"
            r"conviction buy|market[- ]weight|sector[- ]weight|positive|negative|AAA|AA[+-]?|A[+-]?|BBB[+-]?|"
            r"BB[+-]?|B[+-]?|CCC[+-]?|CC|C|RD|SD|D|junk|investment grade")
_Q = r"[\"“”'‘’]?"
_TARGET_EN = (rf"(?= (?:its |their |his |her |the |our |a )?(?:[\w-]+ )?(?:price target|target price|"
              rf"price objective|share price target)s?\b| (?:its |their |his |her |the )?target (?:on {_C}{{0,40}}?)?"
              rf"to {_MONEY})")
_TARGET_VERB_ZH = r"上调|下调|调高|调低|提高|提升|下修|上修|降低"

# The rating itself ("to buy", "an overweight rating", "买入评级", a credit grade), for the `rating` role.
_RATING_ROLE = {"rating": r"(?<![\w-])((?i:strong buy|buy|sell|hold|neutral|overweight|underweight|equal[- ]weight|"
                          r"outperform|underperform|market perform|sector perform|accumulate)(?![\w-])|"
                          r"AAA|AA[+-]?|BBB[+-]?|BB[+-]?|CCC[+-]?|RD(?![\w-])|买入|增持|中性|减持|卖出|推荐)"}


RULES: tuple[Rule, ...] = (
    # Results announced, reported, due; beats and misses of estimates.
    Rule("financial_report",
         {"en": en(r"report(?:s|ed|ing)?(?= (?:its |their |a |an )?(?:[\w$,.'()-]+ ){0,4}?(?:results|earnings|"
                   r"net income|net profit|profit|revenue|net revenue|net loss|loss|figures)\b)|"
                   r"post(?:s|ed|ing)?(?= (?:its |their |a |an )?(?:[\w$,.'()-]+ ){0,4}?(?:results|earnings|"
                   r"net income|net profit|profit|revenue|net revenue)\b)|"
                   r"publish(?:es|ed)? (?:its |their )?results|announced its (?:[\w-]+ ){0,3}?results|"
                   r"(?<!trial )(?<!clinical )(?<!study )(?<!election )(?<!test )(?<!survey )(?<!search )"
                   r"(?<!poll )(?<!affect its )(?<!affect the )(?<!impact on its )results(?! (?:of|"
                   r"from) (?!operations))(?! in\b)(?! (?:to|will) be published)|earnings season|"
                   r"annual report|"
                   r"quarterly report|interim report|"
                   r"beat(?:s|ing)?(?= (?:the |analysts'? |market |Wall Street |consensus |average |street )*"
                   r"(?:estimates?|expectations|forecasts?|consensus|views?)\b| the (?:[^.;,]|"
                   r"[.,](?=\w)){0,40}? expected)|"
                   r"beat(?:s|ing)? forecasts|top(?:s|ped|ping)(?= (?:the |analysts'? |market |Wall Street |"
                   r"average )*(?:estimates?|expectations|forecasts?|consensus)\b)|"
                   r"(?:above|ahead of|exceed(?:ed|ing|s)?)(?= (?:the |analysts'? |market |Wall Street |consensus |"
                   r"average )*(?:estimates?|expectations|forecasts?|consensus)\b)|"
                   r"miss(?:es|ed|ing)?(?= (?:the |analysts'? |market |Wall Street |consensus |average )*"
                   r"(?:estimates?|expectations|forecasts?|consensus|views?)\b)|"
                   r"(?:fell |falls |came in )?(?:short of|below)(?= (?:the |analysts'? |market |Wall Street |"
                   r"consensus |average )*(?:estimates?|expectations|forecasts?|consensus)\b| the (?:[^.;,]|"
                   r"[.,](?=\w)){0,30}? "
                   r"(?:analysts )?(?:had )?expected)"),
          "zh": r"(?:(?:(?<=年度)|(?<=季度))报告|年报|半年报|中报|[一三]季报|业绩快报|财报|"
                r"业绩报告|业绩公告)(?!摘要的更正|为准)|业绩(?:超|好于|优于|不及|低于|逊于)(?:市场)?预期"},
         _ANY_FIGURE,
         (("beat", r"(?i)\b(?:beat\w*|top(?:s|ped|ping)?|above|ahead of|exceed\w*)\b(?=(?:[^.;]|\.(?=\w)){0,40}?"
                   r"\b(?:estimates?|expectations|forecasts?|consensus|expected)\b)|超预期|超出?市场预期|好于|优于"),
          ("miss", r"(?i)\b(?:miss\w*|short of|below)\b(?=(?:[^.;]|\.(?=\w)){0,40}?\b(?:estimates?|expectations|"
                   r"forecasts?|consensus|expected)\b)|不及|低于|逊于")), "results",
         exclude=r"(?i)\bsearch results\b|\b(?:payrolls|GDP|PMI|CPI|inflation|economy|economic data)\b|"
                 r"虚增|虚假记载|财务造假|会计差错",
         core=("company", "period")),
    Rule("revenue", _measured(_REVENUE_EN, _REVENUE_ZH, forecasts=False, not_after=_UNITS), _ANY_FIGURE, _DIRECTION,
         exclude=_NOT_MACRO + "|" + _RANGE_ZH + "|" + _FORECAST_ZH,
         core=("company", "change")),
    Rule("revenue",  # demand lifted sales; the probe hurt revenue
         {"en": r"\b(?:lift(?:ed|s|ing)?|boost(?:ed|s|ing)?|hurt|dented|weighed on|dragged on)"
                r"(?= (?:its |their |the |[\w-]+ ){0,2}?(?:revenues?|sales)\b(?! volumes?))"},
         _ANY_FIGURE, _DIRECTION, core=("company",)),
    Rule("profit_loss", _measured(_PROFIT_EN, _PROFIT_ZH, forecasts=False), _ANY_FIGURE, _DIRECTION,
         exclude=_NOT_MACRO + "|" + _RANGE_ZH + "|" + _FORECAST_ZH + r"|\bprofit margins?",
         core=("company", "change")),
    Rule("profit_loss",  # losses, turnarounds, and profits lifted or hurt
         {"en": r"\b(?:(?<!expects a )(?<!expected a )(?<!expect a )(?<!forecast a )(?<!forecasts a )"
                r"(?<!projected a )(?<!predicted a )net loss(?:es)?|"
                r"(?:quarterly|annual|operating|pre-tax|pretax|full-year|half-year|first-half|second-half|"
                r"(?:first|second|third|fourth)-quarter|attributable) loss(?:es)?|"
                r"(?:swung|swings|swing|slipped|slid|plunged|tumbled|fell|falls|turned) (?:back )?(?:in)?to "
                r"(?:an? )?(?:[\w-]+ ){0,2}?loss|heavy losses|losses (?:widened|narrowed|deepened)|"
                r"loss (?:widened|narrowed|deepened)|"
                r"(?:posted|reported|booked|recorded|incurred|suffered|logged) (?:an? )?(?:[\w-]+ ){0,2}?"
                r"loss(?:es)?|lost(?= (?:about |nearly |some |more than |an estimated )?(?:(?:US\$|HK\$|\$|RMB|€|£|¥)"
                r"[\d.,]+(?: (?:million|billion|mln|bln|trillion))?|[\d.,]+ (?:million|billion|mln|bln|trillion))"
                r"(?! (?:a|an|per) ))|(?<=it )lost\b|narrow(?:ed|s|ing)? (?:its |their )?(?:net )?loss(?:es)?|"
                r"attributed the loss|the loss "
                r"(?:was|is)|"
                r"revers(?:ed|es|ing) (?:a |the )?(?:year-ago |year-earlier |prior-year |previous )?(?:net )?loss|"
                r"(?:swung|swings|swing|returned|returns|return|turned|turns) (?:back )?(?:in)?to (?:a )?"
                r"(?:net )?profit(?:ability)?|turned profitable|back in the black)\b|\(loss\)|"
                r"(?<!should )(?<!would )(?<!will )(?<!could )(?<!to )(?<!may )(?<!might )"
                r"\b(?:lift(?:ed|s|ing)?|boost(?:ed|s|ing)?|hurt|dented|squeezed|weighed on|dragged on|eroded)"
                r"(?= (?:its |their |the |[\w-]+ ){0,2}?(?:profits?|earnings|net income|margins)\b)|"
                r"(?<=been )hurt\b",
          "zh": r"(?<!上年同期)(?<!去年同期)(?<!将出现)(?:净)?亏损(?!额较上年同期有所扩大)|由盈转亏|扭亏为盈|"
                r"由亏转盈|实现扭亏"},
         _ANY_FIGURE,
         (("turnaround", r"(?i)^(?:revers|swung to (?:a )?(?:net )?profit|swings to (?:a )?profit|return|turn"
                         r"(?:ed|s)? (?:to (?:a )?(?:net )?profit|profitable)|back in the black)|扭亏|由亏转盈"),
          ("loss", r"(?i)loss|lost|亏"),) + _DIRECTION, "loss",
         exclude=_NOT_MACRO + "|" + _RANGE_ZH + "|" + _FORECAST_ZH,
         core=("company", "amount")),
    Rule("profit_loss",  # 上年同期亏损X亿元: the comparison figure of a forecast is a past loss
         {"zh": r"(?:(?<=上年同期)|(?<=去年同期))(?:净)?亏损"},
         _ANY_FIGURE, (), "loss", core=("amount",)),
    Rule("expense", _measured(_EXPENSE_EN, _EXPENSE_ZH, forecasts=True), _ANY_FIGURE, _DIRECTION,
         exclude=_NOT_MACRO, core=("company", "change")),
    Rule("expense",  # cut costs, higher costs, add $X to costs, cost cuts, savings
         {"en": rf"\b(?:(?:{_UP_CAUSE}|{_DOWN_CAUSE})(?= (?:its |their |the |our |"
                rf"annual )?(?:(?!capital\b)[\w&-]+ ){{0,3}}?"
                rf"(?:costs?|expenses|spending)\b(?! of (?:sales|revenue)))|"
                rf"add(?:s|ed|ing)?(?= {_MONEY}{_CC}{{0,30}}? to (?:its |their |the |annual )?(?:[\w-]+ ){{0,2}}?"
                rf"(?:costs?|expenses|spending)\b)|"
                rf"(?:{_UP_ADJ}|{_DOWN_ADJ})(?= (?:(?!capital\b)[\w&-]+ ){{0,3}}?(?:costs?|expenses|"
                rf"spending)\b(?! of (?:sales|"
                rf"revenue)))|cost[- ]cuts?|cost[- ]cutting|cost savings)\b"},
         _ANY_FIGURE, _DIRECTION, exclude=_NOT_MACRO + r"|\b(?:price|prices|pricing) of\b",
         core=("company", "change")),
    Rule("expense",  # charges, write-downs and savings: "book a charge of $150 million", "计提减值准备"
         {"en": r"\b(?:book(?:s|ed|ing)?|tak(?:e|es|ing)|took|record(?:s|ed|ing)?)(?= (?:a |an |its |the )?"
                r"(?:[\w$.,'’-]+ ){0,6}?(?:charges?|write-?downs?|impairments?)\b)|\bwrite-?downs?\b|"
                r"\bimpairment charges?\b|\bsav(?:e|es|ed|ing)(?= (?:about |roughly |some |an estimated |up to )?"
                r"(?:US\$|\$|€|£|[\d]))",
          "zh": r"计提(?=[^，。；]{0,12}(?:减值|跌价)准备)|商誉减值|资产减值损失"},
         (frozenset({"MONEY"}),), (("decrease", r"(?i)sav"),), "increase",
         exclude=_NOT_MACRO, core=("company", "amount")),
    Rule("sales_volume",  # output and deliveries said other ways: "expects to produce", "handed over"
         {"en": r"\b(?:expects?|expected|plans?|aims?|forecasts?) to (?:produce|deliver|sell|ship|mine)\b"
                r"(?!(?: [\w.,$%-]+){0,5}? (?:shares|stakes?|stock|notes|bonds|assets|business(?:es)?|divisions?|"
                r"subsidiar(?:y|ies)|units? of)\b)|"
                r"\b(?:produced|handed over)(?= (?:a record |about |some |more than |nearly )?[\d,.]+ "
                r"(?:million |thousand )?(?:vehicles|cars|units|tonnes|tons|ounces|barrels|aircraft|jets|"
                r"phones|devices|wafers))|\b(?:output|production) (?:up|down)\b|"
                r"\b(?:higher|lower|weaker|stronger|record) (?:[\w-]+ )?(?:output|production|volumes)\b",
          "zh": r"(?:产金|产铜|产量|产销量)(?:将|预计将)?(?:提升|增至|提高|下降|减少)"},
         (frozenset({"COMPANY", "QUANTITY"}),), _DIRECTION, "level",
         exclude=_NOT_MACRO + _NOT_TRADE, core=("company", "quantity")),
    Rule("sales_volume", _measured(_VOLUME_EN, _VOLUME_ZH, forecasts=True, level=True), _ANY_FIGURE, _DIRECTION,
         "level", exclude=_NOT_MACRO + _NOT_TRADE, core=("company", "change")),
    Rule("sales_volume",  # a named company's production ("Zijin's mined copper output rose 9 %"); a country's is macro
         _measured(r"(?<!industrial )(?<!factory )(?<!manufacturing )(?:production|output)", "产量", forecasts=True,
                   level=True),
         (frozenset({"COMPANY"}),), _DIRECTION, "level",
         exclude=_NOT_MACRO + _NOT_TRADE + r"|\b(?:statistics|data|bureau|association|institute)\b|统计局|协会",
         core=("company", "change")),
    Rule("sales_volume",  # sales stated in units; delivered / sold N units; volume targets and forecasts
         {"en": rf"\b{_NOT_AFTER_VOLUME}sales{_gap_en()}\b(?:{_UP_VERB}|"
                rf"{_DOWN_VERB})\b(?={_C}{{0,40}}?\b(?:{_UNITS})\b)|"
                rf"\b(?:deliver(?:ed)?|sold|sell|ship(?:ped)?)(?= (?:a record |about |some |nearly |roughly |"
                rf"more than |over |"
                rf"around |almost |just over |just under )?[\d,.]+(?: million| billion| thousand)? (?:[\w-]+ ){{0,3}}?"
                rf"(?:{_UNITS})\b)(?:{_C}{{0,80}}?, (?:up|down)\b)?|"
                rf"\b(?:raise[sd]?|raising|lift(?:s|ed)?|boost(?:s|ed)?|cut(?:s|ting)?|lower(?:s|ed)?|trim(?:s|med)?|"
                rf"kept|keeps|keep|maintain(?:s|ed)?|reaffirm(?:s|ed)?) (?:its |their |the )?(?:[\w-]+ ){{0,2}}?"
                rf"(?:delivery|deliveries|shipment|shipments|sales volume|volume|production|output) "
                rf"(?:target|forecast|guidance|outlook)s?\b|"
                rf"\b(?:delivery|deliveries|shipment|shipments|sales volume|volume|production|output) "
                rf"(?:target|forecast|guidance|outlook)s?\b|\bguided for (?:[\w-]+ ){{0,2}}?(?:shipments|"
                rf"deliveries|sales|volumes|output)\b|"
                rf"\b(?:raise[sd]?|raising|lift(?:s|ed)?|boost(?:s|ed)?|cut(?:s|ting)?|lower(?:s|ed)?|trim(?:s|med)?)"
                rf"(?= (?:its |their )(?:[\w-]+ ){{0,3}}?(?:forecast|guidance|outlook|target) for (?:[\w-]+ ){{0,3}}?"
                rf"(?:sales|deliveries|shipments|volumes|output|production)\b)|"
                rf"\b(?:lift(?:ed|s|ing)?|boost(?:ed|s|ing)?|hurt|dented|weighed on)(?= (?:its |their |the |"
                rf"[\w-]+ ){{0,2}}?"
                rf"(?:deliveries|shipments|sales volumes?|volumes|customer traffic|foot traffic)\b)"},
         _ANY_FIGURE,
         (("increase", r"(?i)^(?:rais|lift|boost)|(?:\b(?:up|raised?|raising|lift(?:s|ed)?|boost(?:s|ed)?)$)|"
                       + _SUB_UP[4:]),
          ("decrease", r"(?i)^(?:cut|lower|trim)|(?:\b(?:down|cut|cuts|cutting|lower(?:s|ed)?|trim(?:s|med)?)$)|"
                       + _SUB_DOWN[4:])),
         "level", exclude=_NOT_MACRO + _NOT_TRADE, core=("company", "quantity")),
    # Analysts' ratings: one rule per subtype, so one sentence can upgrade and move a target.
    Rule("rating",
         {"en": rf"\bupgrad(?:e|es|ed|ing)(?= [^;]{{0,80}}?\bto (?:an? )?{_Q}(?:{_RATINGS}){_Q}(?![\w-]))|"
                rf"\b(?:rais(?:e|es|ed|ing)|lift(?:s|ed)?)(?= (?:the stock|the shares|its rating on [^;]{{0,30}}?|"
                rf"[\w.'’ -]{{0,30}}?(?:shares|stock)) to (?:an? )?{_Q}(?:{_RATINGS}){_Q}(?![\w-]))",
          "zh": r"(?:上调|调高|提升)(?=[^，。；,;]{0,15}?评级)|评级(?:上调|调高)"},
         (), (), "upgrade", core=("company", "analyst"), text_roles=_RATING_ROLE),
    Rule("rating",
         {"en": rf"\bdowngrad(?:e|es|ed|ing)(?= [^;]{{0,80}}?\bto (?:an? )?{_Q}(?:{_RATINGS}){_Q}(?![\w-]))|"
                rf"\b(?:cut(?:s|ting)?|lower(?:s|ed|ing)?|slash(?:es|ed)?)(?= (?:the stock|the shares|its rating on "
                rf"[^;]{{0,30}}?|[\w.'’ -]{{0,30}}?(?:shares|stock|(?:issuer |credit |debt |long-term )?rating)) "
                rf"to (?:an? )?{_Q}(?:{_RATINGS}){_Q}(?![\w-]))",
          "zh": r"(?:下调|调低|降低)(?=[^，。；,;]{0,15}?评级)|评级(?:下调|调低)"},
         (), (), "downgrade", core=("company", "analyst"), text_roles=_RATING_ROLE),
    Rule("rating",
         {"en": r"\b(?:initiat(?:e|es|ed|ing)|start(?:s|ed|ing)?|beg(?:an|ins|in)|resum(?:e|es|ed)|assum(?:e|es|ed)|"
                r"launch(?:es|ed)?|pick(?:s|ed)? up)(?= coverage)",
          "zh": r"首次覆盖|首次给予"},
         (), (), "initiate", core=("company", "analyst"), text_roles=_RATING_ROLE),
    Rule("rating",
         {"en": rf"\b(?:reiterat(?:e|es|ed|ing)|reaffirm(?:s|ed|ing)?|maintain(?:s|ed|ing)?|affirm(?:s|ed|ing)?|"
                rf"kept|keeps|keep(?:ing)?|retain(?:s|ed)?)(?= (?:its |an? |his |her |their |the )?{_Q}"
                rf"(?:{_RATINGS}){_Q} (?:rating|recommendation|call)\b| (?:its |an? |his |her |their |the )?"
                rf"(?:[\w-]+ )?(?:rating|recommendation)\b(?! on (?:the )?(?:debt|bonds?)\b)| {_Q}(?:Buy|Sell|Hold|"
                rf"Neutral|Outperform|Underperform|Overweight|Underweight|Equal[- ]weight){_Q}\b)",
          "zh": r"维持(?=[^，。；,;]{0,15}?评级)"},
         (), (), "reiterate", core=("company", "analyst"), text_roles=_RATING_ROLE),
    Rule("rating",
         {"en": rf"\b(?:rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|increas(?:e|es|ed|ing)|"
                rf"hik(?:e|es|ed)|cut(?:s|ting)?|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|trim(?:s|med|ming)?|"
                rf"reduc(?:e|es|ed|ing)){_TARGET_EN}",
          "zh": rf"(?:{_TARGET_VERB_ZH})(?:至|到)?[^，。；,;]{{0,4}}目标价|目标价(?:由[^，。；,;]{{0,12}}?)?"
                rf"(?:{_TARGET_VERB_ZH})"},
         (), (), "price_target", core=("company", "price_target")),
    # Guidance and forecasts of revenue, profit and earnings (never of costs or volumes).
    Rule("earnings_forecast",
         {"en": r"\b(?:rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|"
                r"increas(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|trim(?:s|med|ming)?|slash(?:es|ed|ing)?|"
                r"reduc(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|chang(?:e|es|ed)|reaffirm(?:s|ed|ing)?|"
                r"reiterat(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|affirm(?:s|ed|ing)?|kept|keeps|keep|backed|"
                r"withdr(?:ew|aws|awn|aw)|suspend(?:s|ed)?|narrow(?:s|ed)?|issu(?:e|es|ed)|gave|giv(?:e|es)|"
                r"provid(?:e|es|ed))"
                r"(?= (?:the |its |their |our |his |her |that |a |an )?(?:(?!(?:delivery|deliveries|shipments?|"
                r"volumes?|production|output|capex|spending|cost|costs|price|dividend|capacity|sales volume|"
                # a forecast of a commodity or of the economy is no company's ("kept its Brent forecast")
                r"brent|wti|oil|crude|gold|copper|silver|iron ore|coal|gas|lng|nickel|lithium|aluminium|aluminum|"
                r"inflation|gdp|rates?)\b)"
                r"[\w-]+ ){0,8}?(?:forecasts?|outlook|guidance|estimates?|projections?)\b(?! for (?:[\w-]+ ){0,3}?"
                r"(?:sales|deliveries|shipments|volumes|output|production)\b))|"
                r"(?<!its )(?<!their )(?<!our )(?<!the )(?<!his )(?<!her )(?<!\d )(?<!a )(?<!previous )(?<!prior )"
                r"(?<!earlier )(?<!annual )(?<!earnings )(?<!profit )(?<!revenue )(?<!sales )(?<!had )(?<!have )"
                r"(?<!analysts' )(?<!average )"
                r"\b(?:expects?|expected|expecting|forecasts?|forecasted|projects?|projected|predicts?|predicted|"
                r"sees|anticipates?|"
                r"estimates?)\b(?<!expenditure expected)(?<!spending expected)(?<!costs expected)"
                r"(?=(?:(?!\b(?:costs?|expenses|spending|deliveries|shipments|"
                r"volumes?|output|production|price|prices|dividend|payout|deal|results|expenditure|capex|"
                r"investment|close|closing|complete)\b)(?:[^.;]|\.(?=\w))){0,60}?\b(?:net profit|"
                r"profits?|earnings|revenues?|net income|EPS|EBITDA|EBIT|net loss|loss|sales|net sales|margins?|"
                r"turnover|free cash flow|unprofitable|loss-making|income)\b)|"
                r"\b(?:revenues?|sales|net profit|profits?|earnings|net income|EPS)\b"
                r"(?: for (?:[^.;,]|[.,](?=\w)){0,30}?)? "
                r"(?:is|are|was|were) (?:forecast|expected|projected|seen|estimated) to\b|"
                r"\b(?:would|will|should|could|to) (?:add|lift|boost|cut|hurt|reduce|dent|dilute)"
                r"(?= (?:about |roughly |some |up to )?(?:[\w$.,-]+ ){0,4}?(?:to )?(?:its |the |their |[\w']+ )?"
                r"(?:[\w-]+ )?(?:earnings|profits?|margins?|EPS|net income)\b)|"
                r"\b(?:accretive|dilutive) to (?:[\w-]+ )?earnings|profit warning|"
                r"(?<=outlook, which calls for )[^.;]{0,40}?\b(?:decline|rise|fall|grow|increase|decrease)\b",
          "zh": r"业绩预告|业绩预[增减亏盈]|"
                r"预计(?:的业绩|[^，。；,;]{0,20}?(?:净利润|净利|营业收入|营收|利润|盈利|亏损|业绩))|"
                r"(?:净利润|营业收入|营收|盈利|利润|业绩|每股收益)(?:预测|预期)(?:[^，。；,;]{0,6}?)?(?:上调|下调|上修|下修)|"
                r"(?:上调|下调|上修|下修)[^，。；,;]{0,15}?(?:盈利|净利润|业绩|利润)预测|"
                r"(?:盈利|业绩|利润)[^，。；,;]{0,8}?(?:承压|面临[^，。；,;]{0,4}压力)|"
                r"(?:净利润|净利|营业收入)为-?[\d,.]+(?:万|亿)?元?(?:至|到)"},
         (),
         (("raise", r"(?i)^(?:rais|lift|boost|upgrad|increas(?!e? in))|上调|上修|\bup from\b[^.;]{0,40}?"
                    r"\bprevious|above (?:his |her |its |their |the )?previous"),
          ("cut", r"(?i)^(?:cut|lower|trim|slash|reduc|downgrad)|下调|下修|\bdown from (?:a )?(?:previous|prior)"),
          ("loss", r"(?i)\b(?:net loss|loss-making|unprofitable|a loss)\b|预亏|亏损|为负值|-[\d.]+亿元"),
          ("other", r"(?i)^(?:chang|reaffirm|reiterat|maintain|affirm|kept|keep|backed|withdr|suspend)"),
          ("increase", rf"(?i)\b(?:{_UP_BASE}|{_UP_PAST}|{_UP_NOUN}|doubling|tripling|add|lift|boost|accretive)\b|"
                       rf"预增|同向上升|扭亏为盈|"
                       rf"{_UP_ZH}"),
          ("decrease", rf"(?i)\b(?:{_DOWN_BASE}|{_DOWN_PAST}|{_DOWN_NOUN}|halving|hurt|dent|weigh|dilut|cut)\w*|"
                       rf"预减|同向下降|承压|压力|"
                       rf"{_DOWN_ZH}")), "other",
         exclude=r"(?i)\b(?:fed|federal reserve|central bank|economists?|GDP|inflation)\b|央行|国内生产总值",
         core=("company", "period")),
    Rule("dividend",
         {"en": en(r"(?:reinstat|resum)(?:e|es|ed|ing)(?= (?:its |the |a |their )?(?:[\w-]+ ){0,2}?(?:dividend|"
                   r"payout))|"
                   r"(?:kept|keeps|keep|maintain(?:s|ed)?|held|holds|hold) (?:its |the |their )?(?:[\w-]+ ){0,2}?"
                   r"(?:dividend|payout)s?|dividends?|payout"),
          "zh": r"(?:维持|保持)[^，。；,;]{0,10}?(?:分红|派息|股息)|(?:上调|提高|下调|降低|暂停|取消)[^，。；,;]{0,4}?"
                r"(?:分红|派息|股息)|(?:分红|派息|股息)[^，。；,;]{0,12}?(?:持平|不变|增长|提高|下降|减少)|"
                r"分红|派息|现金红利|利润分配|派发|每10股派|股息"},
         (frozenset({"COMPANY", "PRICE", "MONEY", "DATE"}),),
         (("declared", r"(?i)^(?:reinstat|resum|派发|每10股派|现金红利)"),
          ("unchanged", r"(?i)^(?:kept|keep|maintain|held|hold)|\bunchanged\b|维持|保持|持平|不变"),
          ("raise", r"(?i)raise|increase|上调|^提高|(?:增长|提高)$"),
          ("cut", r"(?i)cut|reduce|suspend|下调|暂停|^(?:降低|取消)|(?:下降|减少)$"),
          ("special", r"(?i)special|特别")), "declared",
         exclude=r"(?i)dividend (?:yield|stocks?|funds?|index|ETF)|高股息|股息率|"
                 r"(?:鼓励|引导|推动|支持)[^，。；]{0,12}分红",
         core=("company", "amount")),
)

"""Event rules. Markets and policy: commodity prices, security prices, price adjustments, regulation
and macroeconomics.

Market wrap-ups and statistics releases list several happenings of one type in one sentence
("天齐锂业收涨6.12%，赣锋锂业上涨4.87%，盐湖股份涨幅为2.35%"; "出口增长7.2%；进口下降1.8%"): those rules are
``per_trigger``, each trigger giving its own event with the arguments between it and its neighbours.
"""

from __future__ import annotations

from .base import DOWN_EN, DOWN_ZH, UP_EN, UP_ZH, Rule, en


def _not_after(words: str) -> str:
    """Negative look-behinds, one per word (each of fixed width), for "sales rose", "同比上涨"."""
    return "".join(f"(?<!{word})" for word in words.split("|"))


# --- Security prices -------------------------------------------------------------------------------
_NUMBER = r"(?:US\$|HK\$|\$|€|£)?\d[\d,]*+(?:\.\d++)?+"
_PCT = rf"{_NUMBER}\s*(?:%|pct\b|percent\b|per cent\b)"
_SEC_UP = r"rose|rises|risen|rising|gained|gains|gaining|added|adds|climbed|climbs|climbing|jumped|jumps|" \
          r"jumping|surged|surges|surging|soared|soars|soaring|rallied|rallies|advanced|advances|" \
          r"(?:edged|edging|ticked|inched|moved) (?:up|higher)|(?:closed|closing|ended|ending|finished) " \
          r"(?:up|higher)|up"
_SEC_DOWN = r"fell|falls|fallen|falling|dropped|drops|dropping|slipped|slips|slipping|slid|slides|sliding|" \
            r"lost|loses|losing|shed|sheds|declined|declines|declining|tumbled|tumbles|plunged|plunges|" \
            r"slumped|slumps|sank|sinks|sinking|eased|retreated|(?:edged|edging|ticked|inched|moved) " \
            r"(?:down|lower)|(?:closed|closing|ended|ending|finished) (?:down|lower)|down"
_SEC_LEVEL_EN = r"little changed|(?:closed|ended|finished|were|was|traded|trading) (?:flat|unchanged|steady)|" \
                rf"(?:closed|closing|ended|ending|finished) (?:unchanged )?at(?= {_NUMBER})"
# what rises or falls when it is not the share price, and words that do not name a security
_FUNDAMENTALS_EN = "sales |revenue |revenues |profit |profits |earnings |income |deliveries |shipments |" \
                   "output |production |volumes |volume |exports |imports |prices |price |costs |cost |" \
                   "margin |margins |orders |demand |spending |loans |inventories |price index |to |would |could |" \
                   "will |" \
                   "forecast |EPS |January |February |March |April |May |June |July |August |September |" \
                   "October |November |December |quarter |year |half |month "
# the word before the verb names the security: a capitalised name ("Zijin Mining", "Index"), a ticker
# in brackets, a number ("CSI 300") or shares / stock ("Nvidia shares rose", "The stock has fallen")
_NAMED = "|".join(rf"(?<=\b(?-i:[A-Z])[\w&'.-]{{{n}}} )" for n in range(16)) + \
         r"|(?<=\) )|(?<=\d )|(?<=index )|(?<=average )|(?<=benchmark )|(?<=gauge )|(?<=composite )|" \
         r"(?<=shares )|(?<=stock )|(?<=stocks )|(?<=ADRs )|(?<=shares have )|" \
         r"(?<=shares had )|(?<=stock has )|(?<=stock had )|(?<=shares were )|(?<=which )|(?<=which has )|" \
         r"(?<=which had )|(?<=which have )"
_PER_YEAR_EN = r"(?!\s*(?:year[- ]on[- ]year|from a year|from the (?:previous|prior|same|year)|y/y|" \
               r"compared with a year|over the same period))"
# Each pattern opens with a cheap look at the first letter, so the look-behinds run at word starts only.
_SEC_EN = (rf"\b(?=[a-z]){_not_after(_FUNDAMENTALS_EN)}(?:(?:{_NAMED})\b(?:(?:{_SEC_UP}|{_SEC_DOWN})"
           rf"(?=\s+(?:by |as much as |about |around |roughly |nearly |almost |more than |over |some |another |"
           rf"a further )?{_PCT}"
           rf"{_PER_YEAR_EN}|\s+{_NUMBER} points\b|"
           rf"\s+to (?:a record|an? (?:all-time|record|\d+-\w+) high|{_NUMBER}(?!\s*(?:%|pct|per))))|"
           rf"(?:closed|closing|ended|ending|finished) {_PCT} (?:higher|lower)|"
           rf"{_SEC_LEVEL_EN}|had (?:risen|fallen) by the daily limit)\b|"
           rf"\bposted (?:gains|losses)(?= (?:of|exceeding|above|topping|of more than) {_PCT}))")
_SEC_ZH = r"(?=[收上下大微走涨跌报反回跳])" + \
          rf"{_not_after('同比|环比|价格|均价|利润|收入|营收|销量|产量|出口|进口|上月|上年|同期|上季度|上周')}" \
          r"(?:(?:收涨|收跌|上涨|下跌|大涨|大跌|微涨|微跌|走高|走低|反弹|回升|跳水|涨幅为|跌幅为|涨幅|跌幅|涨|跌)" \
          r"(?=\s*(?:达|约|超过?|逾)?\s*\d+(?:\.\d+)?\s*%)|涨停|跌停|报收于?(?=\s*\d)|收于(?=\s*\d))"
# "The shares fell 2.3 %", "its stock rose 5 %", "该股收涨3%": the company named in an earlier sentence
_SEC_REFERRED_EN = r"\b(?:(?<=[Tt]he shares )|(?<=[Ii]ts shares )|(?<=[Tt]heir shares )|(?<=[Tt]he stock )|" \
                   r"(?<=[Ii]ts stock )|(?<=[Tt]he company's shares )|(?<=Shares )|(?<=[Tt]he shares were )|" \
                   rf"(?<=[Ii]ts shares were )|(?<=Shares were ))(?:{_SEC_UP}|{_SEC_DOWN})(?=\s+{_PCT})"
_SEC_REFERRED_ZH = r"(?<=该股)(?:收涨|收跌|上涨|下跌|大涨|大跌|涨|跌)(?=\s*\d+(?:\.\d+)?\s*%)|(?<=该股)(?:涨停|跌停)"
# Moves told without a figure, as headlines and market reports tell them ("Nvidia, AMD slide", "European
# shares edge up after ECB holds rates", "Uber shares were flat in early trading"): the verb ends its clause
# or a preposition follows, so "Tesla gains approval" and "Apple drops lawsuit" are no moves.
_BARE_UP_EN = r"rise|rises|rose|gain|gains|gained|climb|climbs|climbed|jump|jumps|jumped|surge|surges|surged|" \
              r"soar|soars|soared|rally|rallies|rallied|advance|advances|advanced|rebound|rebounds|rebounded|" \
              r"(?:edge|edges|edged|inch|inches|inched|tick|ticks|ticked|move|moves|moved) (?:up|higher)|" \
              r"(?:close|closes|closed|end|ends|ended|finish|finishes|finished) (?:up|higher)|" \
              r"(?:extend|extends|extended) gains|pop|pops|popped|spike|spikes|spiked|outperform|outperformed"
_BARE_DOWN_EN = r"fall|falls|fell|drop|drops|dropped|slip|slips|slipped|slide|slides|slid|tumble|tumbles|" \
                r"tumbled|plunge|plunges|plunged|sink|sinks|sank|slump|slumps|slumped|decline|declines|declined|" \
                r"sag|sags|sagged|dip|dips|dipped|retreat|retreats|retreated|lag|lags|lagged|skid|skids|skidded|" \
                r"(?:edge|edges|edged|inch|inches|inched|tick|ticks|ticked|move|moves|moved) (?:down|lower)|" \
                r"(?:close|closes|closed|end|ends|ended|finish|finishes|finished) (?:down|lower)|" \
                r"(?:extend|extends|extended) (?:losses|declines)|underperform|underperformed|crater|craters|cratered"
_BARE_LEVEL_EN = r"(?:were|was|are|is|ended|closed|traded|trading|finished|held) (?:little changed|flat|unchanged|" \
                 r"steady)|little changed"
_BARE_END_EN = r"(?=\s*(?:$|[;,.:!?)—–]|\s-\s)|\s+(?:on|as|after|in|amid|following|ahead|before|despite|with|while|" \
               r"for|at|from|since|sharply|further|again|more|premarket|early|late|today|yesterday|overnight|" \
               r"(?:mon|tues|wednes|thurs|fri)day)\b)(?!\s+(?:at|by|about|to|from)\s+(?:US\$|HK\$|\$|€|£)?\d)"
_BARE_UP_ZH = "走强|上涨|大涨|走高|领涨|反弹|拉升|收涨|收高|飘红|上行|领跑|冲高"
_BARE_DOWN_ZH = "走弱|下跌|大跌|走低|领跌|回调|跳水|收跌|收低|翻绿|回落"
_BARE_DIRECTION = (("increase", rf"(?i)\b(?:{_BARE_UP_EN})\b|{_BARE_UP_ZH}"),
                   ("decrease", rf"(?i)\b(?:{_BARE_DOWN_EN})\b|{_BARE_DOWN_ZH}"),
                   ("level", r"(?i)little changed|flat|unchanged|steady"))
_BARE_MOVE_EN = rf"\b(?:{_BARE_UP_EN}|{_BARE_DOWN_EN}|{_BARE_LEVEL_EN})\b{_BARE_END_EN}"
# A commodity's move told without a figure ("Copper steadies as strong China imports offset demand worries",
# "Gold slipped from a record high", "Copper hits two-month high").
_COMMODITY_BARE_EN = rf"\b(?:(?:{_BARE_UP_EN}|{_BARE_DOWN_EN}|{_BARE_LEVEL_EN}|steadies|steadied|steady|firmed|firms|" \
                     rf"eased|eases|ease|recovered|recovers)\b{_BARE_END_EN}|(?:hit|hits|touched|touches|reached|" \
                     r"reaches|set|sets) (?:a |an |its )?(?:fresh |new )?(?:record|all-time|(?:[\w-]+-)?" \
                     r"(?:month|year|week|decade))\b(?: (?:high|low|peak|trough)s?\b)?)"
# what moves, when no name is given: shares, stocks, a board of them, a market by its street
_MARKET_WORDS_EN = r"(?=[a-z])(?:(?<=\bshares )|(?<=\bstocks )|(?<=\bequities )|(?<=\bshare prices )|" \
                   r"(?<=\bstock prices )|(?<=\bstock futures )|(?<=\bindex futures )|(?<=Wall Street )|" \
                   r"(?<=Wall St )|(?<=\bstock markets )|(?<=\bequity markets ))"
_BOARD_ZH = ("板块", "股价", "个股", "A股", "港股", "美股", "大盘", "沪指", "深成指", "创业板指", "科创50", "恒指",
             "三大指数", "概念股", "龙头股", "权重股", "该股")
_MANNER_ZH = ("", "集体", "全线", "普遍", "持续", "继续", "纷纷", "一度", "小幅", "大幅", "明显", "则", "午后", "早盘",
              "尾盘", "盘中")
_BARE_ZH = r"(?=[走上下大领回反拉跳收飘翻冲])(?:" + \
           "|".join(f"(?<={board}{manner})" for board in _BOARD_ZH for manner in _MANNER_ZH) + \
           rf")(?:{_BARE_UP_ZH}|{_BARE_DOWN_ZH})(?!\s*(?:达|约|超过?|逾)?\s*\d)"
_SEC_DIRECTION = (("level", r"(?i)little changed|flat|unchanged|steady|\bat\b|收于|报收"),
                  ("increase", rf"(?i)\b(?:{_SEC_UP}|risen|higher|gains)\b|涨|走高"),
                  ("decrease", rf"(?i)\b(?:{_SEC_DOWN}|lower|losses)\b|跌|走低"))

# --- Macroeconomics --------------------------------------------------------------------------------
_INDICATOR_EN = r"consumer price index|consumer prices|consumer inflation|core inflation|inflation|CPI|" \
                r"(?<=the )(?:all[- ]items|energy|food(?: at home| away from home)?|gasoline|shelter|electricity|" \
                r"new vehicles|used cars and trucks|medical care|transportation services) index|" \
                r"index for all items(?: less food and energy)?|" \
                r"producer price index|producer prices|factory-gate prices|PPI|gross domestic product|" \
                r"GDP|(?:manufacturing |non-manufacturing |services |official |Caixin )?(?:PMI|purchasing " \
                r"managers'? index)|industrial output|industrial production|factory output|" \
                r"(?:crude steel|steel|coal|cement|aluminium|aluminum|crude oil|power) output|" \
                r"export growth|exports|imports|trade surplus|trade deficit|unemployment rate|jobless rate|" \
                r"unemployment|nonfarm payrolls|non-farm payrolls|payrolls|retail sales(?: growth)?|" \
                r"fixed-asset investment|property investment|new (?:yuan )?loans|M2 money supply|money supply|" \
                r"total social financing|(?:household|corporate) loans|mortgage lending|loan prime rate|LPR|" \
                r"(?:the |[A-Z][\w.]*['’]s |euro zone |world )economy|economic growth|GDP growth|" \
                r"factory activity|services activity|business activity|new export orders|" \
                r"(?<!its )(?<!company['’]s )(?:mine |crude |raw steel |refined \w+ )?(?:output|production)" \
                r"(?! costs?\b)|" \
                r"(?<!its )(?<!company['’]s )(?:steel |car |vehicle )?shipments|" \
                r"(?:(?:crude |oil |gasoline |distillate |palm oil |warehouse )?(?:inventories|stockpiles)|" \
                r"(?:crude|oil|gasoline|distillate|palm oil|warehouse) stocks)(?= (?:in|rose|fell|swelled|" \
                r"rose|dropped|climbed|jumped))|job gains|jobs|employers|average hourly earnings|wages|" \
                r"(?:regular )?pay growth|capacity utili[sz]ation|housing starts|home sales|consumer confidence|" \
                r"(?:\d+-year )?(?:Treasury |bond )?yields?"
_MOVE_EN = r"rose|rise|rises|rising|grew|grow|grows|growing|gained|increased|climbed|jumped|surged|" \
           r"edged up|edged down|accelerated|picked up|rebounded|expanded|widened|narrowed|fell|fall|falls|" \
           r"falling|dropped|declined|slowed|slow|slowing|slumped|shrank|contracted|eased|" \
           r"was (?:steady|unchanged|flat)|held (?:steady |unchanged )?at|stayed|steady|came in at|stood at|" \
           r"beat|missed|unchanged|was held|cools|cooled|cooling|slips|slipped|slid|slides|stagnated|" \
           r"expanding|tripled|doubled|swelled|increases|added|add|adds|shed|sheds|revised (?:up|down)|" \
           r"softened|softens|weakened|weakens|strengthened|remained|hovered|was unchanged at|hit|" \
           r"(?:was|were) (?:confirmed|revised|estimated) at|reached|ran at"
_STAT_EN = rf"\b(?:{_INDICATOR_EN})\b(?:(?:[^.;!?]|\.(?=\d))(?!\b(?:while|but|after|although)\b)){{0,60}}?"\
           rf"\b(?:{_MOVE_EN})\b|" \
           rf"(?:(?<=after a )|(?<=after an )|(?<=than a )|(?<=following a )|(?<=versus a ))" \
           rf"(?:revised )?\d[\d.,]*\s?(?:%|pct|percent)? " \
           rf"(?:increase|gain|rise|drop|decline|fall)\b|" \
           r"\b(?:trade|current[- ]account|budget) (?:surplus|deficit)(?= of\b)"
_RATE_EN = r"(?:cut|cuts|cutting|trim|trims|trimmed|lower|lowers|lowered|raise|raises|raised|hike|hikes|" \
           r"hiked|kept|keep|keeps|held|hold|holds|left|leave)\s+(?:its |their |the )?(?:(?:one-year|five-year|" \
           r"key|benchmark|policy|lending|interest|deposit|main|overnight|loan prime|repo|federal funds|fed funds|" \
           r"refinancing|bank|facility|official cash|cash)[- ])*" \
           r"(?:rates?|LPR|loan prime rates?|reserve requirement ratios?)|(?:rate|reserve requirement ratio|RRR) " \
           r"(?:cut|cuts|hike|hikes)|(?:cut|cuts|trim|hike) (?:in )?(?:interest )?rates|" \
           r"(?:cut|cuts|lower|lowers|lowered|raise|raises|raised|reduce|reduced) borrowing costs"
_INDICATOR_ZH = r"核心CPI|CPI|PPI|GDP|PMI|LPR|M2|居民消费价格指数|消费者价格指数|工业生产者出厂价格指数|" \
                r"国内生产总值|(?:制造业|非制造业)?采购经理指数|(?:制造业|非制造业)?PMI|" \
                r"(?:非制造业)?商务活动指数|(?:新出口订单|新订单|生产)指数|工业增加值|" \
                r"社会消费品零售总额|固定资产投资|城镇调查失业率|调查失业率|失业率|" \
                r"货物贸易进出口总值|进出口总值|进出口|出口(?:额|量|总值)?|" \
                r"进口(?:额|量|总值)?|贸易顺差|贸易逆差|(?:1|一|5|五)年期(?:以上)?(?:贷款市场报价利率|LPR)|" \
                r"贷款市场报价利率|存款准备金率|政策利率|社会融资规模|新增人民币贷款|食品价格|非食品价格|" \
                r"能源价格|产量|外汇储备|第[一二三]产业增加值|增加值|综合PMI产出指数|PMI产出指数|新增社融|社融|" \
                r"新增贷款|规模以上工业企业利润|工业企业利润|工业利润|经济增速"
_MOVE_ZH = r"同比上涨|同比下降|同比增长|同比减少|环比上涨|环比下降|环比增长|上涨|下降|增长|减少|回落|回升|上升|" \
           r"扩大|收窄|加快|放缓|维持不变|保持不变|持平|下调|上调|调整|为|达|重回|走弱|走强|回调|升至|降至|创[^，。]{0,6}新高|创[^，。]{0,6}新低"
# The same indicator again after a comma or semicolon: "同比下降2.3%…；环比下降0.1%"
_STAT_ZH = rf"(?:{_INDICATOR_ZH})[^。；;！？!?]{{0,30}}?(?:{_MOVE_ZH})|" \
           r"(?<=[；;，,])环比(?:上涨|下降|增长|减少|持平|回落|回升)"
_RATE_ZH = r"降准|降息|加息|(?:下调|上调|降低|提高)(?:金融机构)?存款准备金率|" \
           r"(?:下调|上调)(?=[^，。；]{0,8}(?:LPR|贷款市场报价利率|政策利率|逆回购利率|MLF利率))"
_MACRO_SUBTYPES = (
    ("rate_decision", r"(?i)interest rate|(?<!unemployment )(?<!jobless )(?<!growth )\brates?\b|policy rate|"
                      r"lending rate|benchmark rate|key rate|loan prime|"
                      r"\bLPR\b|reserve requirement|\bRRR\b|rate (?:cut|hike)|LPR|贷款市场报价利率|存款准备金|"
                      r"政策利率|降准|降息|加息"),
    ("inflation", r"(?i)consumer price|producer price|factory-gate|inflation|\bCPI\b|\bPPI\b|CPI|PPI|"
                  r"all[- ]items|(?:energy|food|gasoline|shelter) index|"
                  r"居民消费价格|消费者价格|工业生产者|食品价格|能源价格"),
    ("employment", r"(?i)unemployment|jobless|payrolls|employment|失业率|就业"),
    ("trade", r"(?i)export|import|trade surplus|trade deficit|出口|进口|贸易"),
    ("output", r"(?i)\bGDP\b|gross domestic|\bPMI\b|purchasing managers|output|industrial production|GDP|PMI|"
               r"国内生产总值|采购经理|商务活动|生产指数|新订单|工业增加值|产量"),
)

# --- Commodity prices -----------------------------------------------------------------------------
_COMMODITY_UP_EN = "soaring|surging|surge|surges|rebounded|recovered|hit|hits|touched|firmed|rallied|advanced"
_COMMODITY_DOWN_EN = "slipped|slips|eased|eases|ease|lost|shed|slump|slumped|slumps"
_COMMODITY_UP_ZH = "回升|反弹|走强|走高|上行|推升|站上|触及|刷新|创.{0,4}新高"
_COMMODITY_DOWN_ZH = "走弱|下行|跌破|下探|低迷|创.{0,4}新低|压制"
# a sentence that gives a price (a word or a unit), not only volumes or costs
_PRICE_WORDS = r"pric|价|(?:a|per|an) (?:tonne|ton|ounce|barrel|kilogram|pound)|/吨|/桶|/盎司|元/|美元/"

# The indicator a statistics event is about, for the `indicator` role (the schema gives it no labels).
_INDICATOR_ROLE = {"indicator": (
    r"((?<![\w-])(?i:(?:core |headline )?(?:consumer|producer) price index|(?:consumer|factory-gate|producer) prices|"
    r"core inflation|inflation|gross domestic product|GDP|purchasing managers'? index|(?:manufacturing |services )?PMI|"
    r"industrial (?:output|production)|retail sales(?: growth)?|fixed-asset investment|property investment|"
    r"(?:urban |surveyed )?unemployment rate|(?:non-farm )?payrolls|exports?(?: growth)?|imports|trade surplus|"
    r"trade deficit|(?:one|five)-year (?:loan prime rate|LPR)|loan prime rate|LPR|benchmark lending rates?|"
    r"reserve requirement ratio|M2(?: money supply)?|new (?:yuan )?loans|household loans|total social financing|"
    r"crude inventories|(?:benchmark |key )?interest rates?|policy rates?|(?:industrial |factory |crude )?output|"
    rf"production|CPI|PPI|{_INDICATOR_EN})(?![\w-])|"  # and every indicator the triggers know
    r"核心CPI|非食品价格|食品价格|能源价格|居民消费价格指数|工业生产者出厂价格指数|国内生产总值|制造业采购经理指数|采购经理指数|社会消费品零售总额|"
    rf"规模以上工业增加值|工业增加值|固定资产投资|城镇调查失业率|失业率|贷款市场报价利率|存款准备金率|贸易顺差|出口|进口|{_INDICATOR_ZH})")}


RULES: tuple[Rule, ...] = (
    Rule("commodity_price",
         {"en": en(f"{UP_EN}|{DOWN_EN}|{_COMMODITY_UP_EN}|{_COMMODITY_DOWN_EN}|reach|reached|reaching|stood at|"
                   r"traded at|quoted at|settled|edged|steady|steadied|steadies|little changed|held|averaged|"
                   r"remain|remained|(?:was|were) flat|flat"),
          "zh": f"{UP_ZH}|{DOWN_ZH}|{_COMMODITY_UP_ZH}|{_COMMODITY_DOWN_ZH}|低位运行|报价|报"},
         (frozenset({"COMMODITY"}),),
         (("increase", rf"(?i)\b(?:{UP_EN}|{_COMMODITY_UP_EN})\b|{UP_ZH}|{_COMMODITY_UP_ZH}"),
          ("decrease", rf"(?i)\b(?:{DOWN_EN}|{_COMMODITY_DOWN_EN})\b|{DOWN_ZH}|{_COMMODITY_DOWN_ZH}"),
          ("level", r"(?i)steady|steadies|little changed|held|averaged|stood at|remain|flat|低位")),
         "level",
         context=r"(?i)pric|\$|dlrs|yuan|euros?\b|ounce|barrel|tonne|futures|contract|spot|benchmark|"
                 r"价|元/吨|美元/|期货|合约|现货",
         exclude=rf"(?i)^(?![\s\S]*(?:{_PRICE_WORDS}))[\s\S]*(?:\b(?:sales|output|production|exports?|imports?|"
                 r"volumes?|shipments|deliveries|costs?|shares|stocks?|financing)\b|销量|产量|出货量|出口|进口|融资余额|"
                 r"股价|个股)|price targets?|目标价|上调至|下调至|调价|挂牌价|listed prices?|list prices?|成品油价格|"
                 r"价格(?:每吨)?分别(?:上调|下调|提高|降低)|"
                 r"contract prices?|raised (?:its |their )?[\w\s-]{0,30}(?:prices|offers?)|cut (?:its |their )?"
                 r"[\w\s-]{0,30}(?:prices|offers?)",
         core=('commodity', 'price')),
    Rule("commodity_price", {"en": _COMMODITY_BARE_EN}, (frozenset({"COMMODITY"}),),
         (("decrease", rf"(?i)\b(?:{_BARE_DOWN_EN}|ease|eases|eased|lows?|troughs?)\b"),
          ("increase", rf"(?i)\b(?:{_BARE_UP_EN}|firm|firms|firmed|recover|recovers|recovered|hit|hits|touch|"
                       r"touched|touches|reach|reached|reaches|set|sets)\b"),
          ("level", r"(?i)steady|steadies|steadied|little changed|flat")),
         "level", lacks=frozenset({"PRICE", "PERCENT"}), core=('commodity',), bare=True,
         follows=frozenset({"COMMODITY"})),
    Rule("security_value", {"en": _SEC_EN, "zh": _SEC_ZH},
         (frozenset({"INDEX", "COMPANY"}), frozenset({"PERCENT", "PRICE", "MONEY"})),
         subtypes=_SEC_DIRECTION, default_subtype="level",
         core=('security', 'change'), per_trigger=True),
    Rule("security_value", {"en": _SEC_REFERRED_EN, "zh": _SEC_REFERRED_ZH},
         (frozenset({"PERCENT"}),), subtypes=_SEC_DIRECTION, default_subtype="level",
         lacks=frozenset({"INDEX", "COMPANY"}), core=('security', 'change'), per_trigger=True),
    Rule("security_value", {"en": _MARKET_WORDS_EN + _BARE_MOVE_EN, "zh": _BARE_ZH}, (),
         subtypes=_BARE_DIRECTION, default_subtype="level", core=('security',), per_trigger=True, bare=True),
    Rule("security_value", {"en": _BARE_MOVE_EN}, (frozenset({"INDEX", "COMPANY"}),),
         subtypes=_BARE_DIRECTION, default_subtype="level", core=('security',), per_trigger=True, bare=True,
         follows=frozenset({"INDEX", "COMPANY"})),
    Rule("price_adjustment",
         {"en": en(r"price adjustments?|price revisions?|price (?:increases|hikes|cuts)|"
                   r"(?:rais|increas|lower|reduc|hik)(?:e|es|ed|ing)(?=(?:\s+[\w'-]+){0,7}?\s+(?:prices?|offers?|"
                   r"quotes?|quotations)\b)|cut(?:s|ting)?(?=(?:\s+[\w'-]+){0,7}?\s+(?:prices?|offers?|quotes?)\b)|"
                   r"(?:kept|keep|keeps|keeping|left|leave|leaves|change|changed)(?=(?:\s+[\w'-]+){0,7}?\s+"
                   r"(?:prices?|offers?|quotes?)\b(?:[^.;]{0,60}\b(?:unchanged|steady|flat|at)\b)?)|"
                   r"(?:were|was|been) (?:also )?(?:raised|cut|lowered|increased|reduced|left unchanged)"),
          "zh": r"调价|价格调整|涨价|降价|提价|(?:(?<=价)|(?<=格)|(?<=价格分别)|(?<=价格每吨)|(?<=每吨分别))"
                r"(?:上调|下调|调涨|调降|提高|降低|维持不变|保持不变)|(?<=成品油价格)[^，。；]{0,8}?(?:上调|下调)|"
                r"(?:上调|下调|调涨|调降|提高|降低)(?=[^，。；]{0,10}(?:挂牌价|出厂价|报价|售价|价格))"},
         (frozenset({"COMPANY", "ORG", "COMMODITY"}),),
         (("increase", r"(?i)rais|increas|hik|上调|调涨|提高|涨价|提价"),
          ("decrease", r"(?i)cut|lower|reduc|下调|调降|降低|降价"),
          ("other", r"(?i)kept|keep|left|leave|chang|unchanged|steady|维持|保持|不变")),
         context=r"(?i)pric|offer|quot|价",
         exclude=r"(?i)price targets?|target price|目标价|share price|stock price|offer price|股价|"
                 r"interest rates?|利率",
         core=('issuer',)),
    Rule("regulation",
         {"en": en(r"export controls?|export scrutiny|export review|export licen[cs]es?|tariffs?|duties|sanctions?|"
                   r"quotas?|regulations?|rules|ban|banned|bans|restrictions?|restrict(?:s|ed)?|curbs?|capped|"
                   r"tighten(?:ed|s|ing)?|approved|approval|approvals|approve|approves|anti-dumping|countervailing|"
                   r"margin requirements?|(?:asset|output|production|price) caps?|permits?|mandatory|"
                   r"caps?(?= on (?:[\w'’-]+ ){0,3}?(?:assets|output|production|prices|imports|exports|fees|pay|"
                   r"bonuses|lending|growth)\b)"),
          "zh": r"出口管制|关税|制裁|配额|禁令|限制|批准|审查|核准|许可|备案"},
         (frozenset({"POLICY", "ORG", "GPE"}),),
         (("export_control", r"(?i)export|出口"), ("tariff", r"(?i)tariff|duties|关税"),
          ("sanction", r"(?i)sanction|制裁"), ("quota", r"(?i)quota|capped|配额"),
          ("approval", r"(?i)approv|licen[cs]|批准|核准|许可|备案")),
         "rule",
         context=r"(?i)export|import|tariff|duties|sanction|regulat|authorit|ministry|government|commission|"
                 r"administration|agency|quota|\bFDA\b|\bSEC\b|\bFTC\b|\bFCC\b|\bEPA\b|\bCFTC\b|\bFAA\b|regulator|"
                 r"Federal Reserve|futures exchange|watchdog|margin requirement|anti-dumping|"
                 r"监管|出口|进口|部|委|局|署",
         exclude=r"(?i)tariff[^.;]{0,40}\b(?:costs?|margins?|expenses?)\b|\b(?:costs?|margins?|expenses?)\b"
                 r"[^.;]{0,40}tariff|tariffs?[^.;]{0,20}\b(?:would|will) (?:add|raise|lift|hurt|weigh)|"
                 r"scheme of arrangement|sanction hearing|行政处罚|处罚|罚款|立案|问询函|警示函|监管函|"
                 # a board's or shareholders' approval, and tariffs as the mood of a market, are no rule
                 r"\bboard (?:of directors )?(?:has |had )?approved|shareholders? (?:have |had )?approved|"
                 r"董事会[^，。；]{0,6}批准|股东大会[^，。；]{0,6}批准|"
                 r"tariff-(?:driven|related|induced)|tariff (?:uncertainty|fears|worries|risks?)|关税风险",
         core=('policy',)),
    # Approvals a deal or product still awaits, where no authority, place or policy is named (the rule
    # above takes the sentences that name one): "subject to regulatory approvals", "尚需…批准".
    Rule("regulation",
         {"en": r"\b(?:subject to|pending|needs?|requires?|awaits?|awaiting|received|receives?|won|wins|"
                r"obtained|secured)(?= (?:[\w'’-]+ ){0,4}?approvals?\b)",
          "zh": r"尚需(?=[^，。；]{0,20}(?:批准|核准|审批|注册|同意))|获得(?=[^，。；]{0,12}(?:批准|核准|注册批复))|"
                r"获批(?=上市|生产|临床|发行|设立|开业|筹建)|同意注册"},
         (), (), "approval", lacks=frozenset({"POLICY", "ORG", "GPE"}),
         exclude=r"(?i)shareholders?'? approval|股东大会(?!.{0,30}(?:证监会|交易所))|board approval|董事会",
         core=('authority',)),
    Rule("macroeconomics", {"en": rf"{_STAT_EN}|\b(?:{_RATE_EN})\b", "zh": f"{_STAT_ZH}|{_RATE_ZH}"}, (),
         subtypes=_MACRO_SUBTYPES, default_subtype="other",
         exclude=r"(?i)公司.{0,6}(?:出口|进口|产量)|(?:its|the company's|the group's) (?:exports|imports|output)",
         core=('value', 'authority'), per_trigger=True, text_roles=_INDICATOR_ROLE),
)

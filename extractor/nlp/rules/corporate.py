"""Event rules. Corporate actions: people, financing, facilities, buybacks, mergers and acquisitions,
deals, investment, products and brand.

Where a type needs a second rule (phrases that are safe without the entity the first one requires),
the second rule's ``exclude`` is the first one's trigger pattern, so that one sentence never gives
the same happening twice.
"""

from __future__ import annotations

from .base import Rule, en

# An amount of money follows ("invest US$1.4 billion", "spend more than RMB 380 billion").
_MONEY_AHEAD = r"(?:(?:an? |the )?(?:additional|further|extra|another|total of|combined|about|around|roughly|" \
               r"approximately|nearly|almost|some|up to|more than|over|at least|as much as|a) )*" \
               r"(?:US\$|HK\$|S\$|A\$|C\$|\$|RMB|CNY|EUR|USD|€|£|¥|\d)"
_WORDS = r"(?: [\w$€£¥.,'’%-]+)"  # one more word of the same clause
_ZH_MONEY = r"约?[\d一二三四五六七八九十百千万亿.,，]+(?:万|亿)?(?:元|美元|港元|欧元|人民币)"

# --- financing -----------------------------------------------------------------------------------
_MARGIN_EN = r"financing balances?|margin[- ]financing(?: balances?)?|margin debt|margin loans? balances?"
_MARGIN = r"(?i)融资余额|两融|融资融券|融资净|融券|financing balance|margin[- ](?:financing|debt|loan|trading|trader)"
_FINANCING_EN = en(
    r"financing(?! rate| balance)|rais(?:ed|es|e|ing)(?= (?:about |nearly |some |more than |up to |roughly )?"
    r"(?:US\$|HK\$|\$|RMB|CNY|€|£|¥|\d))(?! (?:19|20)\d\d\b)|"
    r"rais(?:ed|es|e|ing)(?= (?:fresh |new |additional |more |extra )?"
    r"(?:capital|funds|equity|cash))|capital rais(?:e|es|ing)|fund-?raising|bond issues?|bond sales?|"
    r"bond offerings?|debt sales?|debt offerings?|issued bonds|issue bonds|notes offerings?|"
    r"(?:sold|sells|sell|selling|issued|issues|issue|issuing|priced|prices|placed|places)"
    r"(?=" + _WORDS + r"{0,9}? (?:bonds|notes|debentures|convertible|medium-term notes|commercial paper)\b)|"
    r"issu(?:e|es|ed|ing)(?=" + _WORDS + r"{0,5}? (?:new )?shares\b)|"
    r"(?<!initial )(?:share|stock|public|secondary|follow-on|equity) offerings?|(?<!initial public )(?<=the )offering|"
    r"share sales?|share placements?|placing|credit facility|credit facilities|credit lines?|"
    r"credit agreements?|revolving credit|loans?(?! prime| dispute)|private placement|rights issue|borrowing|"
    r"borrowings|refinanc\w*")
_FINANCING_ZH = r"融资(?!保证金)|募集资金|募资|定增|定向增发|非公开发行|向特定对象发行|配股|" \
                r"发行.{0,25}?(?:债|票据|中票|短融)|贷款(?!市场报价利率)|授信|借款|有息负债"

# --- mergers and acquisitions ----------------------------------------------------------------------
_TO_BUY = "|".join(f"(?<={lead} to )" for lead in (
    "agreed", "agrees", "agree", "deal", "offer", "offered", "bid", "plan", "plans", "planned", "proposal",
    "proposed", "move", "decided", "intends", "agreement", "talks", "bids", "offers", "seeks", "sought"))
_MA_OBJECT = r"(?:business|businesses|unit|units|division|subsidiary|arm|operations?|assets|stake|stakes|" \
             r"interest|holding|portfolio|shares of)"
# A number of shares or an amount of them bought or sold is a holder's trade ("director Brenner sold
# 1.2 million shares", "plans to buy up to 5 million yuan of the company's shares"), not a takeover.
_SHARES_WORTH = r" (?:up to |about |some |nearly |a further |another |a combined |a total of )?(?:US\$|HK\$|\$|€|£)?" \
                r"[\d.,]+ (?:million |billion |mln |bln )?(?:(?:yuan|dollars|euros|pounds) )?(?:worth )?" \
                r"(?:of (?:the company['’]s |its |their |the group['’]s )?(?:own )?)?(?:[A-H]-)?shares\b"
_MA_EN = en(
    r"acquir(?:e|es|ed|ing)(?! (?:[\w-]+ ){0,3}?(?:land|equipment|customers|users|licen[cs]es?|rights to|data|"
    r"jetliners|aircraft|airplanes|planes|ships|vessels|tankers|rigs|trucks|computers|technology|seats?)\b"
    r"(?! (?:unit|division|business|maker|makers|operations|company)\b))|acquisitions?|tender offers?|"
    r"takeovers?|take over|takes over|took over|buyout|mergers?|merg(?:e|es|ed|ing)(?= with)|(?<=to )merge|"
    r"(?:" + _TO_BUY + r")buy(?! back| (?:up to |about |some )?[\d.,]+ (?:million |billion )?"
    r"(?:shares|tonnes|tons|barrels|units|aircraft|jets|planes|vehicles)\b)(?!" + _SHARES_WORTH + r")|"
    r"buy(?:s|ing)? (?:a |an )?(?:[\d.]+ ?(?:pct|%|per ?cent) )?stake|"
    r"purchase (?:of )?(?:a |an )?(?:[\d.]+ ?(?:pct|%|per ?cent) )?stake|divest\w*|"
    r"s(?:ell|ells|elling|old)(?!" + _SHARES_WORTH + r")(?=" + _WORDS + r"{0,6}? " + _MA_OBJECT + r"\b)|"
    r"sale of (?:its |the |a |an |their )?(?:[\w'’-]+ ){0,5}?" + _MA_OBJECT + r"|"
    r"(?:fund|finance|pay for|funding|financing) (?:the |its |this )(?:purchase|acquisition|takeover|deal)|"
    r"(?:be|being|been|was|were|is|are) sold to|disposals?|put (?:the company|itself|[\w-]+) up for sale|"
    r"(?:higher |rival |takeover |cash |all-cash |hostile )bid|offered (?:US)?\$[\d.]+ (?:a|per) share|"
    r"sells? (?:its |the |smaller |two |three |some )?(?:[\w-]+ ){0,2}(?:mines|units|businesses|assets|plants)")
_MA_ZH = r"收购|并购|合并|重组|购买.{0,20}股权|购买资产|出售.{0,15}(?:股权|资产|业务)|出售所得|股权转让|" \
         r"转让.{0,20}股权|受让.{0,15}股权|控制权.{0,6}变更|变更.{0,4}控制权|要约|本次交易"
# Said again, without the parties: "The deal ... is expected to close in the first quarter".
_MA_AGAIN_EN = en(
    r"(?:deal|transaction|sale|acquisition|merger|purchase|takeover)(?=[^.;]{0,100}?\b(?:expected|set|due|"
    r"likely|scheduled|on track) to (?:close|complete|be completed|be finali[sz]ed))|"
    r"offer(?= (?:represents|values|is worth))|(?:represents|representing) a premium")

# --- deals ---------------------------------------------------------------------------------------
_DEAL_NOUN = r"(?:contracts?|agreements?|deals?|partnerships?|memorand(?:um|a) of understanding|MoUs?|pacts?|" \
             r"accords?|orders?)\b"
_NOT_DEAL = r"(?:credit|loan|facility|facilities|merger|acquisition|takeover|share purchase|stock purchase|" \
            r"equity|settlement|plea|non-disclosure|confidentiality|lease|standstill|separation|employment|" \
            r"benefit-sharing|community|communities)"
_DEAL_EN = en(
    r"sign(?:s|ed|ing)?(?=" + _WORDS + r"{0,7}? " + _DEAL_NOUN + r")(?!" + _WORDS + r"{0,7}? " + _NOT_DEAL +
    r" )(?![^.;]{0,80}?\b(?:agreements?|deal) to (?:acquire|buy|merge|sell|take over) (?:a |an |the |its )?"
    r"(?:(?-i:[A-Z])|stake|company|business|unit|rival|firm|maker|group|operator|developer))|"
    r"w[io]n(?:s|ning)?(?=(?: (?:a|an|the|new|firm|major|further|more|several|two|three|\d+|"
    r"(?:[a-z]{1,3})?[$€£¥₹]?[\w.,-]+ (?:yuan|dlrs|dollars?|euros?|billion|million|bln|mln|bn|mn|crore)|worth|"
    r"combined|multi-year|\d+-year|[a-z]+-year|supply|construction|"
    r"government|defen[cs]e|[\w-]+)){0,6}? (?:orders?|contracts?|bids?|tenders?)\b)|"
    r"awarded(?= (?:a |an |the )?(?:[\w-]+ ){0,4}?contracts?\b)|"
    r"supply (?:agreements?|deals?|contracts?)|(?:agreements?|contracts?|deals?) to (?:supply|provide|deliver)|"
    r"offtake agreements?|purchase orders?|firm orders?|placed (?:an |a |new )?orders?|"
    r"(?:received|receives|secured|secures|landed|lands|bagged|booked|books)(?=(?: [\w$€£¥.,-]+){0,5}? orders?\b)|"
    r"(?:the|this|that) (?:agreement|contract)s?(?= (?:is |was |are |were |would be |will be )?(?:valued|worth))|"
    r"value of the (?:contract|agreement)s?|"
    r"partnerships? with|partnered with|partnering with|(?<!its )(?<!their )joint venture with|"
    r"(?:form|forms|formed|forming|set up|sets up|setting up|establish|establishes|established|create|creates|"
    r"created) (?:a |an )?(?:[\w-]+ )?joint venture|alliance with|"
    r"tie-?ups? with|teamed up with|strategic cooperation|cooperation agreements?|"
    # licences and frame agreements; orders taken in a period (order intake, bookings) are deals too
    r"(?<!settlement and )licen[cs](?:e|ing) (?:agreements?|deals?|pacts?)|"
    r"licens(?:es|ed|ing) (?:its |the |their )?(?:[\w-]+ ){0,3}?"
    r"(?:technology|rights|process|patents?|platform|software)|frame(?:work)? agreements?|"
    r"contract extensions?|extension of (?:its|the|a|their) (?:[\w-]+ ){0,5}?contract|"
    r"order intake|net bookings|"
    r"(?:new )?orders (?=(?:rose|fell|grew|increased|decreased|declined|jumped|dropped|slumped|surged|climbed|"
    r"more than doubled|doubled|halved)\b)")
_DEAL_ZH = r"中标|(?:签订|签署|签约|订立|达成)(?=.{0,30}?(?:合同|协议|订单|备忘录))" \
           r"(?!.{0,30}?(?:股权|收购|借款|贷款|授信|担保|质押|保证|一致行动|表决权|托管|增资|合并|重组|认购|和解))|" \
           r"战略合作|合作协议|框架协议|采购协议|供货协议|供应协议|销售合同|采购合同|新签合同|新签订单|" \
           r"重大合同|(?:该|本|此|上述|本次)(?:项|份)?合同|(?:获得|取得|斩获|签下|收到).{0,12}订单|订单金额"

# --- investment ----------------------------------------------------------------------------------
_INVESTMENT_EN = en(
    r"invest(?:s|ed|ing)?(?= " + _MONEY_AHEAD + r")|"
    r"invest(?:s|ed|ing)?(?= (?:heavily |further |more |aggressively |significantly )?in (?!shares|stocks|"
    r"equities|bonds|the stock|funds|gold|treasur|companies|start-?ups)\b)|"
    r"commit(?:s|ted|ting)?(?= " + _MONEY_AHEAD + r"[^;]{0,40}? to\b)|"
    r"sp(?:end|ends|ending|ent)(?= " + _MONEY_AHEAD + r"[^;]{0,40}? (?:on|to build|to expand|to upgrade)\b)"
    r"(?![^;]{0,60}\b(?:shares|stocks?|buybacks?|dividends?)\b)|"
    r"capital (?:expenditures?|spending|investments?|outlays?)|capex|"
    r"(?:total|planned|initial|additional|overall|further) investments?(?! income| banks?| firms?| returns?)|"
    r"investments? of(?= " + _MONEY_AHEAD + r")|investment plans?")
# 拟 / 计划 / 将 stay before the trigger, where the modality is read.
_INVESTMENT_ZH = r"投资建设|投建|(?:(?<=拟)|(?<=计划)|(?<=将)|(?<=预计)|(?<=追加)|(?<=增加)|(?<=加大))投资|" \
                 r"投资(?=" + _ZH_MONEY + r")|项目总投资|总投资(?:额)?|投资总额|资本开支|资本性支出|资本支出"

# --- products and services -----------------------------------------------------------------------
_LAUNCH_NOT = r"(?:formal |new |fresh |full |full-scale |an? |the |its |their |hostile )*(?:probe|investigation|" \
              r"inquiry|enquiry|review|bid|offer|tender|takeover|buyback|share|bond|debt|IPO|initial public|rights|" \
              r"placement|campaign|lawsuit|suit|appeal|legal|attack|strike|consultation|restructuring|sale|process|" \
              r"strategic|crackdown|anti-dumping|antitrust|fund|stimulus|program|programme|rocket|satellite|" \
              r"missile|mission)"
_PRODUCT_EN = en(
    r"launch(?:es|ed|ing)?(?! " + _LAUNCH_NOT + r")|unveil(?:s|ed|ing)?|roll(?:s|ed)? out|rolling out|"
    r"rollouts?|introduc(?:e|es|ed|ing)(?= (?:a |an |its |the |their )?(?:new|latest|first|next-generation))|"
    r"recall(?:s|ed|ing)?(?! (?:that|how|when|what|the days|seeing))|"
    r"(?:start|starts|started|begin|begins|began|begun) (?:deliveries|delivering|shipments|shipping|selling|"
    r"sales) of|(?:goes|go|went) on sale|shipments (?:would|will|are to|is to) (?:begin|start)")
_PRODUCT_ZH = r"推出(?!.{0,8}(?:回购|计划|方案|措施|政策|激励|分红|改革|举措|办法|规定|机制|指引|意见))|召回|" \
              r"发布(?=.{0,6}(?:新款|新一代|全新|新品|首款|旗舰|新车|车型|手机|系列|大模型|模型|芯片))|" \
              r"新品发布|首发|上市销售|开售|量产上市|正式上市(?=销售)"

# --- reputation, ESG, brand ------------------------------------------------------------------------
_CSR_NEGATIVE = r"(?i)\bhit\b|\bdent|hurt|damag|tarnish|harm|boycott|scandal|breach|leak|forced|hack|cyber|" \
                r"spill|collapse|killed|injur|dispute|泄漏|事故|" \
                r"child labou?r|overtime|sweatshop|spill|toxic|pollut|contaminat|backlash|outcry|critic|" \
                r"under (?:fire|pressure|scrutiny)|greenwash|slipped|fell|fallen|dropped|declin|erod|lost|" \
                r"lowest|worst|负面|丑闻|泄露|抵制|污染|处罚|投诉|曝光|被曝|维权|质疑|偷排|超标"
_CSR_POSITIVE = r"(?i)prais|welcom|applaud|award|prize|honou?r|ranked|named|voted|topped|broke into|\btop\b|\bbest\b|" \
                r"upgraded|water (?:use|consumption)|emissions? (?:fell|cut)|" \
                r"most valuable|carbon|net[- ]zero|on track|ahead of schedule|donat|charit|philanthrop|" \
                r"荣获|获评|获颁|入选|上榜|位列|第一|最具价值|表彰|嘉奖|碳中和|捐赠|捐款|公益|慈善"
# Said of a reputation whatever names the sentence holds ("the restaurant chain's reputation").
_CSR_STRONG_EN = en(
    r"reputation(?:al)?|brand image|brand damage|brand value|"
    r"(?:dent(?:s|ed|ing)?|hurt(?:s|ing)?|damag(?:e|es|ed|ing)|tarnish(?:es|ed|ing)?|harm(?:s|ed|ing)?)"
    r"(?= (?:[\w'’-]+ ){0,4}?(?:reputation|image|brand|appeal)\b)|"
    r"brand(?:'s|’s)? (?:slipped|fell|dropped|tumbled|climbed|rose)|"
    r"(?:trust|satisfaction|reputation|brand) (?:surveys?|rankings?|index|polls?|scores?)|"
    r"(?:won|wins|earned|drew|drawing|received|receives|picked up) (?:[\w-]+ ){0,4}?(?:praise|award|awards|"
    r"prize|accolade|accolades|criticism)|"
    r"boycotts?|data breach(?:es)?|leak of (?:[\w-]+ ){0,3}?data|forced labou?r|child labou?r|"
    r"excessive overtime|sweatshops?|oil spill|greenwash\w*|"
    r"came under (?:fire|scrutiny|pressure from (?:[\w-]+ ){0,3}?(?:campaigners|activists|environmental|rights|"
    r"labou?r|consumer|advocacy))|carbon[- ](?:neutral|negative)|net[- ]zero")
_CSR_STRONG_ZH = r"荣获|获评|获颁|入选.{0,20}(?:榜|名单|品牌|企业)|上榜|品牌价值|最具价值|负面舆情|声誉|品牌形象|" \
                 r"数据泄露|信息泄露|抵制|环保处罚|环境污染|偷排|超标排放"
# Weaker words: only where a company is named, and not again where a strong phrase already fired.
_CSR_WEAK_EN = en(
    r"(?:ranked|named|voted)(?=[^.;]{0,60}?\b(?:most valuable|best|top|most (?:admired|trusted|reputable|"
    r"sustainable|innovative|popular|valuable)|No\. ?1)\b)|"
    r"topped (?:a |an |the |its )?(?:[\w.-]+ ){0,4}?(?:survey|ranking|rankings|list|index|poll|league table)|"
    r"broke into (?:the )?(?:[\w-]+ ){0,3}?(?:ranking|rankings|top|list)|"
    r"trust in(?=[^.;]{0,60}?\b(?:fallen|fell|dropped|declined|eroded|slumped|plunged|risen|rose|improved)\b)|"
    r"prais(?:ed|es)|welcomed|scandals?|backlash|outcry|audit (?:found|revealed|uncovered)|"
    r"breach(?:es)?|hack(?:ed|ers)|cyber[- ]?attacks?|(?:wastewater|waste|chemical|acid\w*|toxic)(?= [\w ]{0,20}?"
    r"(?:leak|leaked|spill|spilled|spilt))|spill(?:ed)?|tunnel collapse|(?:collapse|blast|explosion|fire)"
    r"(?= [\w ]{0,30}?(?:killed|injured))|labou?r dispute|(?:ESG|sustainability) (?:rating|ratings|score)|"
    r"upgraded to an? (?:AAA|AA|A|BBB) (?:ESG )?rating|(?:sustainable|sustainability) brands?|"
    r"perception score|water (?:use|consumption)|emissions? (?:fell|rose|cut|targets?)|"
    # giving, climate pledges, working conditions and the brand's own campaigns
    r"donat(?:e|ed|es|ing|ions?)|charit(?:y|ies|able)|philanthrop\w*|greenhouse gas|"
    r"carbon (?:footprint|emissions)|emissions? (?:goals?|pledges?|reductions?)|"
    r"(?:sustainability|ESG) (?:reports?|goals?|targets?|rankings?|index)|ESG (?:ratings?|scores?)|human rights|"
    r"working conditions|labou?r (?:rights|abuses?|practices|conditions|groups)|rights groups|"
    r"(?:marketing|advertising|brand) campaigns?|brand refresh|rebrand(?:ing|ed)?|customer satisfaction")
_CSR_WEAK_ZH = r"舆情|丑闻|被曝|曝光|消费者投诉|维权|ESG评级|安全事故|泄漏|渗漏|捐赠|捐款|公益|慈善|碳达峰|碳足迹|" \
               r"社会责任|可持续发展报告|品牌口碑|口碑"

# What a facility is, after the verb that opens, closes or builds it.
_SITE = (r"(?:plants?|factor(?:y|ies)|facilit(?:y|ies)|sites?|smelters?|mines?|lines?|potlines?|refiner(?:y|ies)|"
         r"mills?|stores?|outlets?|hotels?|towers?|resorts?|hangars?|complex|gigafactor(?:y|ies)|fabs?|"
         r"warehouses?|data cent(?:er|re)s?|assembly|operations|(?:blast )?furnaces?|works|trains?|units?|"
         r"production lines|lines|distribution cent(?:er|re)s?|brine operations?|locations)\b")


RULES: tuple[Rule, ...] = (
    Rule("personnel_change",
         {"en": en(r"resign(?:s|ed|ation)?|step(?:s|ped)? down|stepping down|appoint(?:s|ed|ment)?|"
                    r"named|elect(?:s|ed|ion)?|dismiss(?:es|ed|al)?|fired|retire(?:s|d|ment)?|"
                    r"succeed(?:s|ed)?|promoted|hired|quit|departure|leave the company|"
                    r"(?:join|joins|joined|joining)(?= (?:the company|the board|us|the group|\w+ as)\b)|"
                    r"(?:become|becomes|became)(?= (?:its |the |our )?(?:new |interim |acting )?"
                    r"(?:chief|CEO|CFO|COO|president|chair|chairman|chairwoman|head|director)\b)|"
                    r"take over as|took over as|takes over as"),
          "zh": r"辞职|辞去|辞任|离任|不再兼任|聘任|任命|选举|当选|免去|罢免|解聘|退休|补选|换届|提名|接任|出任|代行|"
                r"代为履行"},
         (frozenset({"ROLE", "PERSON"}),),
         (("resignation", r"(?i)resign|step|quit|departure|leave|辞|离任|不再兼任"),
          ("appointment", r"(?i)appoint|named|hired|promoted|succeed|join|becom|became|take|took|聘任|任命|提名|接任|"
                          r"出任|代行|代为"),
          ("election", r"(?i)elect|选举|当选|补选|换届"),
          ("dismissal", r"(?i)dismiss|fired|免去|罢免|解聘"), ("retirement", r"(?i)retire|退休")),
         core=('company', 'role'), per_trigger=True),
    Rule("financing", {"en": _FINANCING_EN, "zh": _FINANCING_ZH},
         (frozenset({"MONEY", "PERCENT", "COMPANY"}),),
         (("bond", r"(?i)bond|notes|debenture|commercial paper|债|票据|中票|短融"),
          ("loan", r"(?i)loan|credit|borrowing|贷款|授信|借款"),
          ("equity", r"(?i)placement|placing|rights issue|shares?\b|offering|equity|定增|定向增发|非公开发行|"
                     r"向特定对象发行|配股")),
         exclude=_MARGIN + r"|new (?:yuan |local-currency )?loans|social financing|社会融资|社融|净融资|融资成本|"
                           r"财务费用|借款合同|欺诈发行|"
                           r"money supply|\bM2\b|pledge|质押|保证金|loan prime rate|\bLPR\b|贷款市场报价利率",
         core=('company', 'amount')),
    # Margin financing: balances, and net buying or selling, are each an event of their own.
    Rule("financing", {"en": en(_MARGIN_EN), "zh": r"融资余额|两融余额|两融|融资融券余额"},
         (), default_subtype="margin_financing", core=('amount',)),
    Rule("financing", {"en": en(r"net (?:margin|financing) (?:buying|purchases|selling|sales)"),
                       "zh": r"融资净买入|融资净卖出|融资净偿还"},
         (), default_subtype="margin_financing", core=('amount',)),
    Rule("financing", {"zh": r"(?<!融资)融券余额"}, (), default_subtype="margin_financing", core=('amount',)),
    Rule("facility",
         {"en": en(r"production capacity|capacity expansion|expanded capacity|"
                   r"(?:expand|expands|expanded|expanding|lift|lifts|raise|raises|double|doubles|add|adds|adding)"
                   r"(?= (?:[\w-]+ ){0,4}capacity)|new plant|new factory|plant|factory|production line|smelter|"
                   r"mine opening|expansion(?! of (?:its|the) (?:business|portfolio|margin))|"
                   rf"(?:close|closes|closed|closing|shut|shuts|shutting|idle|idles|idled|idling|restart|restarts|"
                   rf"restarted|restarting|reopen|reopens|reopened|open|opens|opened|opening|build|builds|building|"
                   rf"commission|commissioned|halt|halts|halted|started up|starts up|start up|"
                   rf"mothball|mothballs|mothballed|mothballing)"
                   rf"(?= (?:[\w,'’-]+ ){{0,5}}{_SITE})|closures?|shutdown|care and maintenance|"
                   r"(?:start|starts|started|starting|began|begin|begins|begun) (?:commercial |volume )?"
                   r"(?:production|operations|shipping)|reach full capacity|produced its first|"
                   r"suspend(?:s|ed|ing)? (?:mining|output|production|operations)|"
                   r"(?:reopen|restart)(?:s|ed|ing)? (?:the |its )?(?:[\w-]+ ){0,3}(?:production )?"
                   r"(?:blocks?|trains?)"),
          "zh": r"产能|扩产|投产|新建.{0,6}(?:项目|工厂|产线|基地)|(?:投资)?建设[^，。；]{0,12}(?:项目|工厂|产线|基地)|"
                r"生产线|停产|复产|"
                r"关闭.{0,8}(?:门店|工厂|产线|基地|矿)|(?:建成|开工|竣工)(?:投产)?"},
         (frozenset({"COMPANY", "GPE", "QUANTITY"}),),
         (("closure", r"(?i)clos|shut|idl|halt|suspend|mothball|care and maintenance|停产|关闭"),
          ("opening", r"(?i)open|start|began|begin|begun|commission|first|restart|投产|开工|复产"),
          ("expansion", r"(?i)expan|new|lift|raise|double|add|build|capacity|扩|新建|建成")),
         "expansion",
         context=r"(?i)plant|factor|facilit|site|smelter|mine|line|capacity|tower|resort|stores?|refiner|mill|"
                 r"hangar|complex|potline|gigafactory|fab\b|furnace|locations|\btrains?\b|工厂|产线|产能|项目|基地|门店|矿|投产",
         core=('company',)),
    Rule("share_repurchase",
         {"en": en(r"buyback|buy back|buys back|bought back|repurchase[sd]?|share repurchase"),
          # 质押式回购, 约定购回 and 逆回购 are loans, not buybacks
          "zh": r"(?<!押式)(?<![逆正])回购(?!交易|业务|协议|期限|利率|融资)"},
         (frozenset({"COMPANY", "MONEY", "QUANTITY"}),),
         # done: "repurchased", "bought back", 已回购/累计回购/回购了; else a plan or programme
         (("execution", r"(?i)^(?:repurchased|bought back)$|^repurchases$|(?:已|累计|实际|完成)回购|回购了|"
                        r"repurchased|bought back|已实施|实施完成"),),
         "plan",
         core=('company',)),
    Rule("merger_acquisition", {"en": _MA_EN, "zh": _MA_ZH},
         (frozenset({"COMPANY", "MONEY", "PERCENT"}),),
         (("divestiture", r"(?i)divest|\bs(?:ell|ells|elling|old|ale)\b|出售|转让"),
          ("stake_purchase", r"(?i)stake|股权|控制权"),
          ("merger", r"(?i)merge|合并")),
         "acquisition",
         exclude=r"(?i)\b(?:acquisition|deal|merger|takeover|transaction|purchase)s? (?:would|will|is expected to|"
                 r"could) (?:add|boost|lift|dilute|be accretive|be dilutive|weigh|reduce|increase)\b|"
                 r"减持|增持|质押|冻结|合并报表|合并范围|合并财务报表|股份合并|合并股份|合并后每股",
         core=('acquirer', 'target')),
    Rule("merger_acquisition", {"en": _MA_AGAIN_EN},
         (),
         (("divestiture", r"(?i)divest|\bs(?:ell|ells|elling|old|ale)\b"), ("stake_purchase", r"(?i)\bstake\b"),
          ("merger", r"(?i)merge")),
         "acquisition",
         context=r"(?i)\b(?:acqui|takeover|merger|sale|deal|transaction|offer|premium|buy|purchase)",
         exclude=r"(?i)" + _MA_EN + r"|\b(?:bonds?|notes|offering|loan|IPO|listing|contract|order|supply)\b",
         core=('acquirer', 'target')),
    Rule("deal", {"en": _DEAL_EN, "zh": _DEAL_ZH},
         (frozenset({"COMPANY"}),),
         (("bid_won", r"(?i)中标|\bbids?\b|\btenders?\b"),
          ("partnership", r"(?i)partner|joint venture|alliance|tie-?up|teamed up|cooperation|战略合作|合作协议|合资"),
          ("order", r"(?i)(?<!in )\border(?:s|ed)?\b|订单|新签合同")),
         "contract",
         core=('company', 'counterparty')),
    Rule("investment", {"en": _INVESTMENT_EN, "zh": _INVESTMENT_ZH},
         (frozenset({"COMPANY", "MONEY"}),),
         (("capex", r"(?i)capital|capex|\bsp(?:end|ends|ending|ent)\b|资本开支|资本性支出|资本支出"),),
         "project",
         exclude=r"(?i)fixed[- ]asset investment|全国固定资产投资|全社会固定资产投资|固定资产投资(?:同比|增速)|"
                 r"国家统计局|\bon [\w&.' -]{0,40}\bshares\b",  # money spent on a company's shares: its stake
         core=('company', 'amount')),
    Rule("product_service", {"en": _PRODUCT_EN, "zh": _PRODUCT_ZH},
         (frozenset({"COMPANY"}),),
         (("recall", r"(?i)recall|召回"),),
         "launch",
         core=('company',)),
    Rule("csr_brand", {"en": _CSR_STRONG_EN, "zh": _CSR_STRONG_ZH},
         (),
         (("negative", _CSR_NEGATIVE), ("positive", _CSR_POSITIVE)),
         "negative",
         core=('company',)),
    Rule("csr_brand", {"en": _CSR_WEAK_EN, "zh": _CSR_WEAK_ZH},
         (frozenset({"COMPANY"}),),
         (("negative", _CSR_NEGATIVE), ("positive", _CSR_POSITIVE)),
         "negative",
         exclude=r"(?i)" + _CSR_STRONG_EN + "|" + _CSR_STRONG_ZH,
         core=('company',)),
)

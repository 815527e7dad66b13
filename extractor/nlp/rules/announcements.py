"""Event rules. Shareholder and status announcements: pledges, freezes, shareholding changes, listing
status, legal cases, bankruptcy and stock splits.

Each type has one rule per language, so that a sentence never gets the same event twice from two
rules; the trigger words are narrowed by look-arounds where a word has an everyday sense too
("settled at $70", "hiring freeze", "增持评级").
"""

from __future__ import annotations

from .base import Rule, en

_HOLDING_EN = r"(?:its|his|her|their|the) (?:stake|holdings?|shareholding|position)"
_CLAUSE = r"(?:[^.;]|\.(?=\d))"  # a character of the same clause ("US$9.6 billion" keeps its dot)

# A split's ratio, in figures or words: "2-for-1", "one-for-ten"
_SPLIT_RATIO = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty)[- ](?:for|to)[- ]" \
               r"(?:\d+|one|two|three|four|five|ten|twenty)"

RULES: tuple[Rule, ...] = (
    # -- Equity pledges: 质押 / 补充质押 / 解除质押, "pledged 12 million shares to ...".
    Rule("equity_pledge",
         {"en": en(r"releas(?:e|ed|es|ing) (?:a |the |its |their |his |her )?pledges? on|"
                   r"releas(?:e|ed|es|ing) (?:a |the |its |their |his |her )?pledges?|"
                   r"released from (?:the )?pledge|releas(?:e|ed|es|ing)(?="
                   + _CLAUSE + r"{0,80}\bpledg)|"
                   r"unpledg(?:e|ed|es|ing)|re-pledg(?:e|ed|es|ing)|"
                   r"pledg(?:e|ed|es|ing)(?! ratio)|under pledge")},
         (),
         (("release", r"(?i)releas|unpledg"), ("pledge", r"(?i)pledg")), "pledge",
         context=r"(?i)\bshares?\b|\bstakes?\b|\bholdings?\b|collateral|\bpledge",
         exclude=r"\b[Pp]ledg(?:e|ed|es|ing) (?:to|that) (?!the\b)[a-z]|"
                 r"\b[Pp]ledg(?:e|ed|es) (?:its|their|his|her) support",
         core=('holder', 'shares')),
    Rule("equity_pledge",
         # 至质权人申请解除质押登记为止: a pledge's term, no release
         {"zh": r"(?<!申请)解除(?:股份|股票)?质押(?!登记(?:之日|为止|日|时))|质押(?:股份|登记)?(?:已)?解除|解押|"
                # 将其质押给X的股份办理了解除质押手续: the pledged shares of a release, no pledge
                r"(?<!原)(?<!此前)质押(?!式|率|比例|物|品)(?![给予][^。；]{0,40}?的[^。；]{0,40}?(?:解除质押|解押))"},
         (frozenset({"PERSON", "COMPANY", "ORG"}),),
         (("release", r"解除|解押"), ("pledge", r"质押")), "pledge",
         core=('holder', 'shares')),
    # -- Freezes by a court: 司法冻结 / 轮候冻结 / 解除冻结, "a court froze ... shares".
    Rule("equity_freeze",
         {"en": en(r"(?:lift(?:s|ed|ing)?|remov(?:e|es|ed|ing)|releas(?:e|es|ed|ing)) (?:a |the |its )?freeze|"
                   r"unfr(?:oze|ozen|eeze|eezes|eezing)|froze|freez(?:e|es|ing)|"
                   r"frozen(?! (?:food|foods|meals?|dinners?|pizzas?|vegetables|desserts?|snacks?|meat|pork|chicken|"
                   r"fish|seafood|goods|products|treats|"
                   r"aisles?|sections?|business|businesses|segment|brands?|category|ground|lakes?|rivers?)\b)")},
         (),
         (("unfreeze", r"(?i)lift|remov|releas|unfr"), ("freeze", r"(?i)fr[oe]z")), "freeze",
         context=r"(?i)\bshares?\b|\bstakes?\b|\bholdings?\b|\bcourt\b",
         exclude=r"(?i)\b(?:hiring|wage|pay|price|rate|salary|budget|recruitment|asset|assets|account|"
                 r"accounts|funds?|deposits?|credit)[- ]freeze|\bfreez\w* (?:temperatures|weather|rain|cold)|"
                 r"\bfr(?:oze|ozen|eezes?) (?:hiring|wages|pay|prices|rates|salaries|budgets|recruitment|the "
                 r"accounts?|accounts?|assets|funds|deposits)|\bfrozen (?:food|foods|meat|pork|fish|goods|"
                 r"products|desserts?|vegetables)",
         core=('holder', 'shares')),
    Rule("equity_freeze",
         {"zh": r"解除(?:司法|轮候)?冻结|解除[^，。；：\s]{1,10}?冻结|解冻|(?:司法|轮候)?冻结"},
         (frozenset({"PERSON", "COMPANY", "ORG"}),),
         (("unfreeze", r"解除|解冻"), ("freeze", r"冻结")), "freeze",
         exclude=r"冻结资金|资金冻结|(?:账户|存款|银行卡)[^，。；]{0,4}(?:被)?冻结|冻结[^，。；]{0,4}(?:账户|存款|资金)|"
                 r"价格冻结|冻品|冷冻|冻结明细|冻结数据",
         core=('holder', 'shares')),
    # -- Holders raising or cutting stakes: 增持 / 减持, "cut its holding", "sold 2 million shares of".
    Rule("shareholding_change",
         {"en": en(r"(?:rais|lift|increas|boost|add|expand)(?:e|ed|es|ing|s)? " + _HOLDING_EN + r"|"
                   r"(?:cut|cuts|cutting|reduc(?:e|ed|es|ing)|trim(?:s|med|ming)?|lower(?:s|ed|ing)?|"
                   r"pare(?:s|d)?|paring|slash(?:es|ed|ing)?|halv(?:e|ed|es|ing)|sold down|sell(?:s|ing)? down) "
                   + _HOLDING_EN + r"|"
                   r"(?:bought|buys?|buying|purchas(?:e|ed|es|ing)|acquir(?:e|ed|es|ing)|add(?:s|ed|ing)?)"
                   r"(?= (?:a further |another |an additional |more than |about |nearly |some |up to )?"
                   r"[\d,.]+ (?:million |billion |mln |bln |万|亿)?(?:[A-Z]-)?shares)|"
                   r"(?:sold|sells?|selling|offload(?:s|ed|ing)?|dispos(?:e|ed|es|ing) of|"
                   r"transfer(?:s|red|ring)?)"
                   r"(?= (?:a further |another |an additional |more than |about |nearly |some |up to |all |"
                   r"part of |some of |its |his |her |their |the )?(?:[\d,.]+ (?:million |billion |mln |bln |"
                   r"万|亿)?)?(?:[A-Z]-)?shares)|"
                   r"(?:been |be |were |was )sold(?= between| through| via| in block| on the open market)|"
                   r"disclos(?:ed|es|ing) (?:a |an )?[\d.]+ ?% stake|forced (?:sales?|selling|liquidation)|"
                   r"sales? of (?:the |its |his |her |their |some |part of (?:the |its )?)?"
                   r"(?:[\d,.]+ (?:million |billion |mln |bln )?)?shares|"
                   r"(?:block trades?|share sales?|stake sales?)(?= by)")},
         (),
         (("increase", r"(?i)rais|lift|increas|boost|add|expand|bought|buy|purchas|acquir|disclos"),
          ("decrease", r"(?i)cut|reduc|trim|lower|pare|paring|slash|halv|sold|sell|offload|dispos|transfer|"
                       r"block|sale")),
         "decrease",
         context=r"(?i)shareholder|\bholder\b|\bparent\b|chairman|chairwoman|founder|director|executive|insider|"
                 r"\bstake\b|\bholding\b|block trades?|open market",
         exclude=r"(?i)\bIPO\b|initial public offering|placement|rights issue|buyback|repurchase",
         core=('holder', 'shares')),
    Rule("shareholding_change",
         {"zh": r"(?<![“「\"'‘])(?:增持|减持)(?![”」\"'’]|评级)|"
                r"(?:协议)?转让(?=[^，。；]{0,16}股份)|"
                r"持股比例[^，。；]{0,12}?(?:降至|降低至|下降至|减少至|增至|增加至|提高至|提升至|升至)"},
         (frozenset({"PERSON", "COMPANY", "ORG"}),),
         (("increase", r"增持|增至|增加至|提高|提升|升至"), ("decrease", r"减持|转让|降|减少")), "decrease",
         exclude=r"评级|股权转让|转让[^，。；]{0,16}股权",
         core=('holder', 'shares')),
    # -- Listing status: IPO, delisting, trading halt and resumption.
    Rule("listing_status",
         {"en": en(r"trading halt|halt(?:ed|s|ing)?(?! (?:a|an|its|their|the|his|her|production|operations|"
                   r"output|work|construction|sales|deliveries|shipments|flights|services|payments|imports|"
                   r"exports|plans?)\b)|"
                   r"suspen(?:d|ds|ded|ding|sion)(?! (?:of )?(?:its |the |their |all )?(?:guidance|forecasts?|"
                   r"outlook|production|operations|output|dividends?|buybacks?|repurchases?|plans?|talks|work|"
                   r"construction|sales|deliveries|shipments|flights|services|payments|imports|exports|mining|"
                   r"licen[cs]es?|executives?|employees?|officials?)\b)|"
                   r"resum(?:e|ed|es|ing|ption)(?= trading| on | from |,|\.| after| no later| as)|"
                   r"resumption of trading|"
                   r"de-?list(?:ed|ing|s)?|"
                   r"initial public offerings?|IPOs?|(?:trading|market|share|public|listing|exchange|bourse) debut|"
                   r"debut(?:ed|s)? (?:on|in) (?:the )?(?:[A-Z][\w.&-]* ){0,3}(?:exchange|market|Nasdaq|NYSE|"
                   r"bourse|board)|(?<=in its )debut|(?<=on its )debut|(?<=on )debut|(?<=in )debut|"
                   r"go(?:es|ing)? public|(?:(?<=its )|(?<=a )|(?<=planned )|(?<=separate )|(?<=secondary )|"
                   r"(?<=\d{4} )|(?<=dual )|(?<=proposed ))listing(?! (?:rules?|requirements?|standards?|"
                   r"committee|fees?|documents?|status)\b)")},
         (),
         (("delisting", r"(?i)de-?list"), ("resumption", r"(?i)resum"),
          ("halt", r"(?i)halt|suspen"), ("ipo", r"(?i)IPO|initial public|debut|public|listing")), "halt",
         context=r"(?i)\bshares?\b|\bstocks?\b|\btrading\b|\bexchange\b|\bbourse\b|\bNasdaq\b|\bNYSE\b|"
                 r"\bIPOs?\b|initial public offering|\bshare sale|\bfloat|\blisting (?:of|in|on)\b",
         core=('company',)),
    Rule("listing_status",
         {"zh": r"停牌(?!期)|停止买卖|暂停(?:上市|交易|买卖)|复牌|恢复(?:买卖|交易|上市)|退市(?!整理期)|终止上市|摘牌|"
                r"首次公开发行(?:股票|A股|H股)?(?![^，。；]{0,4}(?:时|前|后))|IPO|挂牌上市|分拆上市|上市首日|"
                r"(?<=(?:拟|将|于|在))(?:[^，。；]{0,14}(?:交易所|主板|创业板|科创板|北交所|港交所|联交所|纳斯达克|纽交所))?"
                r"上市(?!公司|规则|以来|后|时|公告|地|委员会|审核|条件|标准|保荐)"},
         (),
         (("delisting", r"退市|终止上市|摘牌"), ("resumption", r"复牌|恢复"),
          ("halt", r"停牌|停止|暂停"), ("ipo", r"(?i)IPO|首次公开|上市")), "halt",
         exclude=r"新品上市|产品上市|上市销售|上市新品|车型上市|新车上市",
         core=('company',)),
    # -- Legal: lawsuits, investigations (问询函 included), fines, settlements and rulings.
    Rule("legal",
         {"en": en(r"settle[sd]? (?:a |an |the |its |their |his |her |all |some )?(?:[\w-]+ ){0,3}?"
                   r"(?:lawsuits?|suits?|cases?|claims?|charges|allegations|disputes?|litigation|investigations?|"
                   r"probes?|matters?|accusations|complaints?)|settl(?:e|ed|es|ing) with|"
                   r"settlements? (?:with|over|of|to resolve|agreements?)|(?:legal|court|class-action) settlements?|"
                   r"resolved the (?:matter|case|dispute|claims|lawsuit|charges)|"
                   r"dismiss(?:ed|es|ing)? (?:a |an |the |its |part of (?:a |an |the )?)?(?:[\w-]+ ){0,3}?"
                   r"(?:lawsuits?|suits?|cases?|claims?|complaints?|charges|appeals?|petitions?)|"
                   r"revived? (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:lawsuits?|suits?|cases?|claims?)|"
                   r"(?:ruled|ruling|rulings)(?! out\b| (?:[\w-]+ ){0,3}?(?:party|parties|coalition|junta|class|"
                   r"elites?|family|government|bloc|alliance|congress)\b)|(?<=court )rules|"
                   r"(?<=judge )rules|verdicts?|"
                   r"(?:court|default|summary|final|civil|arbitral) judg(?:e)?ments?|"
                   r"judg(?:e)?ments? (?:against|in favou?r)|"
                   r"(?:court|judge|jury|tribunal|arbitrator)s?(?: [\w.'-]+){0,4}? (?:has |had |have )?"
                   r"(?:ordered|found|rejected|upheld|overturned|blocked|adjourned|approved|denied|granted|"
                   r"set(?= (?:a |an )?" + _CLAUSE + r"{0,20}\b(?:hearing|trial)))|"
                   r"ordered(?=[^.;]{0,60}\bto pay\b)|adjourned(?=[^.;]{0,40}\b(?:petition|hearing|case|trial))|"
                   r"injunctions?|acquitted|convicted|"
                   r"fined|fines? of|(?<=a )fine(?! line| balance| example| job)|(?<=the )fine(?! print| line)|"
                   r"(?<=million )fine|(?<=billion )fine|(?<=mln )fine|"
                   r"(?<!death-)(?<!death )penalt(?:y|ies)|penali[sz]ed|"
                   r"investigat(?:ion|ions|ing|ed|e|es)(?! bank| banks)|probes?|probing|inquiry|inquiries|enquiry|"
                   r"enquiries|subpoena(?:s|ed)?|raided|"
                   r"lawsuits?|sued|sues|suing|sue|litigation|class[- ]actions?|legal (?:action|proceedings|"
                   r"challenge)|antitrust (?:case|complaint)|(?:filed|files|file) (?:a )?(?:suit|complaint|claim)|"
                   r"appeal(?:ed|s|ing)?(?= (?:the |a |this |that |its |against )?(?:ruling|verdict|decision|"
                   r"judgment|judgement|case|fine|penalty|sentence))|(?<=would )appeal|(?<=will )appeal|"
                   r"(?<=to )appeal(?! to)")},
         (),
         (("settlement", r"(?i)settl|resolved"),
          ("ruling", r"(?i)dismiss|reviv|rul|verdict|judg|court|jury|tribunal|ordered|adjourned|injunction|"
                     r"acquit|convict"),
          ("fine", r"(?i)fine|penal"),
          ("investigation", r"(?i)investig|probe|probing|inquir|enquir|subpoena|raid"),
          ("lawsuit", r"(?i)suit|sue|suing|litigation|action|legal|case|complaint|claim|appeal")),
         "lawsuit",
         exclude=r"(?i)\bcase study\b|\bbase case\b",
         core=('company',)),
    Rule("legal",
         {"zh": r"(?<!请求)判令|判决|裁定|裁决|驳回|胜诉|败诉|一审|二审|终审|"
                r"达成和解|和解|调解|"
                r"行政处罚|处罚|罚款|罚没|罚金|"
                r"立案调查|立案侦查|被立案|立案|问询函|关注函|查明|稽查|"
                r"诉讼(?!费)|起诉|应诉|上诉|仲裁(?!委员会|院|庭)|纠纷(?=所致|案|一案|诉讼)|被告|涉诉"},
         (),
         (("settlement", r"和解|调解"), ("ruling", r"判|裁|驳回|胜诉|败诉|一审|二审|终审"),
          ("fine", r"处罚|罚"), ("investigation", r"立案|问询|关注函|查明|稽查"),
          ("lawsuit", r"诉|仲裁|纠纷|被告")), "lawsuit",
         exclude=r"诉讼时效|重整|破产",  # a court taking a bankruptcy case is the bankruptcy
         core=('company',)),
    # -- Bankruptcy: filings (bankruptcy, Chapter 11, liquidation, winding-up) and debt restructurings.
    Rule("bankruptcy",
         {"en": en(r"bankrupt(?:cy|cies)?(?! (?:judge|court|lawyers?|attorneys?|experts?|law|code)\b)|"
                   r"Chapter (?:7|11|15)|insolven(?:cy|t)|liquidators?|"
                   r"(?<!forced )(?<!futures )(?<!margin )liquidation(?! preference| value| of (?:long|short|"
                   r"positions|holdings|stakes?|shares|assets|inventory|inventories))|"
                   r"winding[- ]up(?: petition| order)?|receivership|provisional liquidators?|"
                   r"(?:debt|bond|offshore debt|onshore debt|court-supervised|court-led|court-supervised debt|"
                   r"balance-sheet|balance sheet|financial|holistic) restructuring|"
                   r"restructuring (?=(?:of " + _CLAUSE
                   + r"{0,50}?\b(?:debt|notes|bonds|loans|liabilities|obligations|borrowings)\b)|"
                   r"(?:support agreement|plan|proposal|advisers|advisors|deal|talks|terms)\b)|"
                   r"restructur(?:e|ed|es|ing) (?:its |their |the )?(?:[\w$.,-]+ ){0,3}?(?:debt|notes|bonds|loans)|"
                   r"scheme of arrangement|debt-for-equity swap|"
                   r"(?:swap|swaps|swapped|swapping|exchanged|exchanging)(?=" + _CLAUSE
                   + r"{0,50}\b(?:notes|bonds|debt)\b" + _CLAUSE + r"{0,50}\bfor\b)|"
                   r"(?:debt|restructuring) (?:deal|agreement|pact)(?= with (?:its |some |most )?(?:creditors|"
                   r"noteholders|bondholders|lenders))")},
         (),
         (("restructuring", r"(?i)restructur|scheme|swap|exchang|deal|agreement|pact"),
          ("filing", r"(?i)bankrupt|chapter|insolven|liquidat|winding|receiver")), "filing",
         core=('company',)),
    Rule("bankruptcy",
         {"zh": r"破产(?:重整|清算|和解|申请)?|预重整|重整(?!旗鼓)|"
                r"(?<!资金)(?<!交收)清算(?!所|机构|银行|系统|中心|价|业务)|债务重组|资不抵债"},
         (),
         (("restructuring", r"重整|重组"), ("filing", r"破产|清算|资不抵债")), "filing",
         core=('company',)),
    # -- Stock splits; 资本公积转增股本 ("每10股转增4股") is a capitalisation issue, taken as a split.
    Rule("stock_split",
         {"en": en(r"reverse (?:stock |share )?splits?|(?:stock|share) splits?|"
                   rf"{_SPLIT_RATIO} (?:stock |share )?splits?|"
                   r"(?<=the )split(?= (?:will|would|takes|took|is|was|becomes) )|"
                   r"combin(?:e|es|ed|ing) (?:every )?\d+ (?:of (?:its|the) )?(?:shares|common shares) into one|"
                   r"split(?:s|ting)? (?:its|the|their) (?:shares|stock)|"
                   r"consolidat(?:e|es|ed|ing|ion of) (?:its |the |their )?(?:shares|stock)|share consolidation")},
         (),
         (("reverse_split", r"(?i)reverse|consolidat|combin"), ("split", r"(?i)split")), "split",
         core=('company',), text_roles={"ratio": rf"(?i)\b({_SPLIT_RATIO})\b"}),
    Rule("stock_split",
         {"zh": r"拆股|股票拆细|股份拆细|股票拆分|股份拆分|拆细股份|拆分股份|合并股份|"
                r"[一二三四五六七八九十百\d]+合一|一拆[一二三四五六七八九十\d]+|"
                r"(?:资本公积(?:金)?)?转增(?:股本|[\d.一二三四五六七八九十]+股)|合股|并股|缩股"},
         (),
         (("reverse_split", r"合股|并股|缩股|合并|合一"), ("split", r"拆|转增")), "split",
         core=('company',),
         text_roles={"ratio": r"(每\s*\d+\s*股(?:转增|拆[分细]?为?|合并?为?)\s*\d+(?:\.\d+)?\s*股)"}),
)

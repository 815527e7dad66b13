"""Event rules. Corporate actions: people, financing, facilities, buybacks, mergers and acquisitions,
deals, investment, products and brand.
"""

from __future__ import annotations

from .base import Rule, en

RULES: tuple[Rule, ...] = (
    Rule("personnel_change",
         {"en": en(r"resign(?:s|ed|ation)?|step(?:s|ped)? down|stepping down|appoint(?:s|ed|ment)?|"
                    r"named|elect(?:s|ed|ion)?|dismiss(?:es|ed|al)?|fired|retire(?:s|d|ment)?|"
                    r"succeed(?:s|ed)?|promoted|hired|quit|departure|leave the company"),
          "zh": r"辞职|辞去|离任|聘任|任命|选举|当选|免去|罢免|退休|补选|换届|提名"},
         (frozenset({"ROLE", "PERSON"}),),
         (("resignation", r"(?i)resign|step|quit|departure|leave|辞|离任"),
          ("appointment", r"(?i)appoint|named|hired|promoted|succeed|聘任|任命|提名"),
          ("election", r"(?i)elect|选举|当选|补选|换届"),
          ("dismissal", r"(?i)dismiss|fired|免去|罢免"), ("retirement", r"(?i)retire|退休")),
         core=('company', 'role')),
    Rule("financing",
         {"en": en(r"financing balances?|margin financing|margin-financing|financing(?! rate)|"
                    r"rais(?:ed|es|e|ing)(?= (?:about |nearly |some |more than |up to )?(?:US\$|HK\$|\$|"
                    r"RMB|CNY|€|£|¥|\d))|bond issue|issued bonds|issue bonds|notes offering|"
                    r"credit facility|loan|loans|private placement|share placement|rights issue|"
                    r"borrowing|refinanc\w*"),
          "zh": r"融资余额|融资|募集资金|募资|定增|非公开发行|配股|发行.{0,6}债|贷款(?!市场报价利率)|授信|借款"},
         (frozenset({"MONEY", "PERCENT"}),),
         (("margin_financing", r"(?i)financing balance|margin[- ]financing|融资余额|两融|融资净买入"),
          ("bond", r"(?i)bond|notes|债"), ("loan", r"(?i)loan|credit facility|borrowing|贷款|授信|借款"),
          ("equity", r"(?i)placement|rights issue|share offering|定增|非公开发行|配股")),
         core=('amount',)),
    Rule("facility",
         {"en": en(r"production capacity|capacity expansion|expanded capacity|expand(?:ed|s)? capacity|"
                    r"new plant|new factory|plant|factory|production line|smelter|mine opening"),
          "zh": r"产能|扩产|投产|新建.{0,6}(?:项目|工厂|产线)|生产线|停产"},
         (frozenset({"COMPANY"}),),
         (("expansion", r"(?i)expan|new|扩|新建|投产"), ("closure", r"(?i)clos|shut|停产")),
         core=('company',)),
    Rule("share_repurchase",
         {"en": en(r"buyback|buy back|buys back|bought back|repurchase[sd]?|share repurchase"),
          "zh": r"回购"},
         (frozenset({"COMPANY", "MONEY", "QUANTITY"}),), (), "buyback",
         core=('company',)),
    Rule("merger_acquisition",
         {"en": en(r"acquire[sd]?|acquisition|takeover|take over|merger|merge|buy(?:s)? (?:a )?stake|"
                    r"purchase (?:of )?(?:a )?stake|divest\w*|sell(?:s)? (?:its )?stake"),
          "zh": r"收购|并购|合并|重组|购买.{0,4}股权|出售.{0,4}股权|要约"},
         (frozenset({"COMPANY"}),),
         (("divestiture", r"(?i)divest|sell|出售"), ("stake_purchase", r"(?i)stake|股权"),
          ("merger", r"(?i)merge|合并")),
         core=('acquirer', 'target')),
)

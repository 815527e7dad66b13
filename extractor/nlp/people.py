"""Chinese personal names in announcements and news, where the English model cannot help.

A name is a common surname and one or two more characters, right after a title or a verb that
introduces a person (董事王立军, 聘任郭晓峰为, 股东曾敏) or right before 先生/女士. Once found, every
other mention of the same name in the document is a PERSON too.
"""

from __future__ import annotations

import logging
import re

from .spans import Entity

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
            "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
            "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
            "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
            "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
# Titles and verbs after which a name follows directly.
_BEFORE = ("独立董事|职工代表董事|职工董事|副董事长|董事长|董事会秘书|董事|监事会主席|监事|副总经理|总经理|副总裁|"
           "总裁|财务总监|首席财务官|首席执行官|首席经济学家|首席统计师|统计师|分析师|研究员|新闻发言人|发言人|"
           "实际控制人|控股股东|股东|选举|聘任|任命|提名|收到")
# Characters that end a name: what commonly follows one in these texts.
_AFTER = "先女的因提为于表所已代将等未仍个计保在辞给处递申担称指说认透及与和、，。；：（(）)“”\n"
_NAME = re.compile(rf"(?:(?P<title>{_BEFORE})(?P<name>[{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?=[{_AFTER}]|$)|"
                   rf"(?P<name2>[{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?=先生|女士))")


COMMON_WORD_FREQ = 200  # jieba counts: most personal names are rarer than this
# Words that look like a surname and a given name after 股东, 收到 and the like, but are not names.
_NOT_NAMES = frozenset("方面 单位 大会 代表 会议 权益 全部 合计 管理 成员 任期 名单 程序 关于 及其 和其 应当 "
                       "于本 于公 于近 于近日 于次 于当日 于同日 于今日 向其 许可 常务 万元 金额 单独 "
                       "高管 管理人 和董事 和监事".split())


def _common_word(word: str) -> bool:
    """Whether ``word`` or its first two characters are a frequent word in jieba's dictionary
    (应当, 方式, 付款后 ...)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # jieba announces its dictionary on stderr otherwise
    jieba.dt.check_initialized()
    return any(jieba.dt.FREQ.get(part, 0) >= COMMON_WORD_FREQ for part in {word, word[:2]})


def find_chinese_people(text: str) -> list[Entity]:
    """PERSON entities for Chinese names, every mention of each name found."""
    names = {m.group("name2") for m in _NAME.finditer(text) if m.group("name2")}  # before 先生/女士
    names |= {m.group("name") for m in _NAME.finditer(text) if m.group("name")
              and m.group("name") not in _NOT_NAMES and not _common_word(m.group("name"))}
    found = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            found.append(Entity(m.start(), m.end(), "PERSON", name, {}, priority=2))
    return found

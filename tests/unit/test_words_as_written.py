"""Words read as written: one found only across two words of a text is not written there
(jieba's dictionary cut decides): 人口 is not named in "城里人口袋里的钱" (城里人 + 口袋); a word
of the dictionary is no homophone slip for a lexicon key ("卖东西" is not "买东西"); 总共 before an
amount asks for a total figure, not the summary; an empty status list yields to a target its
own title word names."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.misheard import MisheardKeys
from bot.understanding.reading_bounds import only_across_words
from tests.auxil.ledgers import answerer_on, small_ledger


@pytest.fixture(scope="module")
def answerer():
    return answerer_on(
        small_ledger(
            2024,
            TargetSpec(1, "利用省外资金", "经济发展", "全年引进省外资金到位50亿元"),
            TargetSpec(2, "利用境外资金", "经济发展", "全年利用境外资金2亿美元"),
            TargetSpec(3, "城镇居民收入", "民生保障", "城镇居民人均可支配收入增长8%"),
            TargetSpec(4, "新建学校", "社会事业", "新建中小学3所"),
        ),
        dt.date(2024, 9, 30),
    )


def test_a_word_across_two_words_is_not_written_there():
    assert only_across_words("全年引进省外资金到位50亿元", "外资")
    assert not only_across_words("实际利用外资3000万美元", "外资")
    # written once as the word is enough
    assert not only_across_words("省外资金和外资企业", "外资")
    assert not only_across_words("新建中小学3所", "外资")  # not written at all


def test_a_subject_across_two_words_names_no_absent_subject(answerer):
    # 人口 (a subject this ledger never writes) straddles 城里人 and 口袋
    answer = answerer.ask("城里人口袋里的钱涨了没有")
    assert answer.intent == "target" and answer.targets[0] == 3
    # said as a word, it is still a subject the ledger does not hold
    assert answerer.ask("全县人口有多少").intent == "unknown"


def test_a_word_of_the_dictionary_is_no_slip_for_a_key_that_sounds_alike():
    keys = MisheardKeys(["买东西", "找工作"])
    never = lambda bigram: False  # noqa: E731 - the ledger writes nothing here
    assert keys.mend("网上卖东西那个", never) == "网上卖东西那个"  # 卖 mài, 买 mǎi
    assert keys.mend("找宫作这块", never) == "找工作这块"  # 宫作 is no word: a slip


def test_a_window_across_two_words_is_no_slip_for_a_key():
    keys = MisheardKeys(["钟点工"])
    never = lambda bigram: False  # noqa: E731 - the ledger writes nothing here
    assert (
        keys.mend("去年重点工作完成得怎么样", never) == "去年重点工作完成得怎么样"
    )  # 重点 + 工作
    assert keys.mend("保姆重点工新增了多少", never) == "保姆钟点工新增了多少"


@pytest.fixture(scope="module")
def figures():
    return answerer_on(
        small_ledger(
            2017,
            TargetSpec(1, "地区生产总值", "经济发展", "地区生产总值完成11.3亿元"),
            TargetSpec(2, "社会消费品零售", "经济发展", "社会消费品零售总额完成4.6亿元"),
            TargetSpec(3, "重点项目", "经济发展", "全县重点项目完成投资28.1亿元"),
        ),
        dt.date(2017, 6, 30),
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [("老百姓在商店买东西花的钱总共多少", 2), ("全县重点项目总共投了多少钱了", 3)],
)
def test_a_total_of_a_thing_named_is_that_target_s_figure(figures, question, number):
    answer = figures.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", number)


@pytest.mark.parametrize("question", ["总共怎么样", "总共有多少项", "总共完成了几项"])
def test_a_total_of_nothing_named_is_still_the_summary(figures, question):
    assert figures.ask(question).intent == "summary"


def test_a_common_word_as_written_is_no_homophone_slip_for_a_text_s_word():
    answerer = answerer_on(
        small_ledger(
            2014,
            TargetSpec(1, "救助金额", "民生保障", "制定办法之后救助患重大疾病居民11.85万人次"),
            TargetSpec(2, "重点项目", "经济发展", "全年实施重点项目30个"),
            TargetSpec(3, "梯田建设", "城乡建设", "新建梯田2000亩"),
        ),
        dt.date(2014, 12, 31),
    )
    # 滞后 (zhìhòu) is the status asked after, not the 之后 (zhīhòu) of target 1's text
    assert answerer.ask("有没有滞后的").intent == "list"
    # 提田 is no word: the slip for 梯田 is still read
    assert answerer.ask("提田建了多少亩").targets[0] == 3


def test_an_empty_status_list_yields_to_a_target_its_own_title_word_names():
    answerer = answerer_on(
        small_ledger(
            2022,
            TargetSpec(
                1,
                "提标加固海塘",
                "城乡建设",
                "新开工提标加固海塘18.4公里",
                "曾因过程性滞后被市里通报,目前均能如期完成",
            ),
            TargetSpec(2, "养老服务设施", "民生保障", "改造提升养老服务设施10家"),
            TargetSpec(3, "农村公路", "城乡建设", "新改建农村公路50公里"),
        ),
        dt.date(2022, 12, 31),
    )
    # no target is 滞后: the status said in passing is the asker's story, 海塘 the target
    answer = answerer.ask("海塘的事之前被通报滞后了现在按期完成没有")
    assert (answer.intent, answer.targets[0]) == ("target", 1)
    # naming nothing of its own, the empty list stays
    assert answerer.ask("哪些滞后了").intent == "list"

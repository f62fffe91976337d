"""A homophone heard through a character's other reading: the index keys 长 by its first
reading (zhang), but a leader dictating 常务会 may get 长务会 (chang)."""

import datetime as dt
from collections import Counter
from itertools import pairwise

from bot.domain.ledger import TargetSpec
from bot.understanding.text import pinyin_key, readings
from tests.auxil.ledgers import answerer_on, small_ledger

MEETINGS = small_ledger(
    2021,
    TargetSpec(1, "常务会议确定事项", "会议", "县政府常务会议确定事项120项,完成110项。"),
    TargetSpec(2, "党组会议确定事项", "会议", "县政府党组会议确定事项30项,完成28项。"),
    TargetSpec(3, "县长办公会议确定事项", "会议", "县长办公会议确定事项45项,完成40项。"),
)


def test_every_reading_of_a_character_is_known():
    assert readings("长") == ("zhang", "chang")
    assert readings("常") == ("chang",)
    assert pinyin_key("长") == ("zhang",)  # the index keeps the first


def test_a_phrase_misheard_through_another_reading_is_found():
    answerer = answerer_on(MEETINGS, dt.date(2021, 6, 30))
    answer = answerer.ask("县政府长务会议确定事项完成了多少")
    assert answer.targets[0] == 1
    assert ("pinyin", "常务会议确定事项") in {
        (r.kind, r.text) for r in answer.candidates[0].reasons
    }


PLACES = small_ledger(
    2021,
    TargetSpec(1, "株洲市老旧小区", "民生实事", "株洲市:71个;开工改造老旧小区。"),
    TargetSpec(2, "郴州市老旧小区", "民生实事", "郴州市:34个;开工改造老旧小区。"),
    TargetSpec(3, "永州市老旧小区", "民生实事", "永州市:148个;开工改造老旧小区。"),
    TargetSpec(4, "湘西州老旧小区", "民生实事", "湘西州:85个;开工改造老旧小区。"),
)


def test_a_place_written_with_a_sound_alike_of_a_common_character():
    """株州 for 株洲: 州 ends many names here, but 株 is the name's own, and nothing else
    here sounds like 株洲."""
    answerer = answerer_on(PLACES, dt.date(2021, 8, 31))
    assert answerer.ask("株州老旧小区开工多少").targets[0] == 1


LEVELS_AND_PARTS = small_ledger(
    2021,
    TargetSpec(1, "省级", "重点项目", "省级6项,当年计划投资19亿元。"),
    TargetSpec(2, "县级", "重点项目", "县级16项,当年计划投资21.6亿元。"),
    TargetSpec(3, "子项目", "民生实事", "水利建设子项目12个,已完工9个。"),
    TargetSpec(4, "实事项目总体", "民生实事", "全县为民办实事项目总体进展顺利。"),
)


def test_a_rare_reading_or_a_short_phrase_is_not_misheard():
    """省 is never xiǎn (县), and 事 read zi would make 事项目 sound like 子项目."""
    answerer = answerer_on(LEVELS_AND_PARTS, dt.date(2021, 8, 31))
    for question in ("省级重点项目完成投资多少", "实事项目总体进展"):
        answer = answerer.ask(question)
        heard = {r.text for c in answer.candidates for r in c.reasons if r.kind == "pinyin"}
        assert not heard & {"县级", "子项目"}


def test_only_a_places_ending_is_heard_as_a_slip_of_a_common_character():
    """助残 is no slip of 助餐 where 残 is a word of the ledger's own (残疾人)."""
    ledger = small_ledger(
        2013,
        TargetSpec(1, "老年人助餐服务点", "养老", "新建老年人助餐服务点10个。"),
        TargetSpec(2, "残疾人康复", "助残", "为残疾人提供康复服务300人次。"),
        TargetSpec(3, "外科医技楼", "医疗卫生", "建成中心医院外科医技楼。"),
    )
    answerer = answerer_on(ledger, dt.date(2013, 12, 31))
    answer = answerer.ask("医疗卫生与助残")
    assert not any(r.text == "助餐" for c in answer.candidates for r in c.reasons)


def test_the_pairs_a_misheard_phrase_is_looked_for_by_follow_the_ledger():
    # Kept as phrases come and go: what the question's other readings are tested against.
    answerer = answerer_on(MEETINGS, dt.date(2021, 6, 30))
    without = small_ledger(2021, *MEETINGS.targets[1:])
    for ledger in (without, MEETINGS):
        answerer.refresh(ledger)
        index = answerer.index
        expected = Counter(pair for key in index.pinyin if len(key) >= 4 for pair in pairwise(key))
        assert +index._misheard_pairs == expected
    assert answerer.ask("县政府长务会议确定事项完成了多少").targets[0] == 1

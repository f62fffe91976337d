"""A topic asked by its own name lists its targets; a topic holds the targets of its own work,
not those that only say where (农村低保 is 低保's); questions about another place, another
target's subject or a thing no target holds are no target's, whatever words of work they
share; 细颗粒物 is PM2.5 said in full."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.drafts import drafted
from tests.auxil.ledgers import small_ledger

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def answerer(ledger_2020):
    return Answerer(ledger_2020, load_lexicon(), today=dt.date(2020, 10, 20), tz=TZ)


def _answerer(*targets: TargetSpec) -> Answerer:
    ledger = small_ledger(2024, *targets)
    return Answerer(ledger, load_lexicon(), today=dt.date(2024, 9, 30), tz=TZ)


def test_a_topic_asked_by_its_own_name_lists_every_target_of_it(answerer):
    answer = answerer.ask("残疾人怎么样")
    assert answer.intent == "list" and answer.filter == {"topic": "残疾人"}
    assert {29, 46} <= set(answer.targets)


def test_a_target_s_own_name_still_answers_that_target(answerer):
    answer = answerer.ask("贷款怎么样")
    assert answer.intent == "target" and answer.targets[0] == 12


def test_farming_lists_the_work_of_the_countryside_not_all_it_is_said_of(answerer):
    answer = answerer.ask("农业怎么样")
    assert answer.intent == "list" and answer.filter == {"topic": "农业农村"}
    assert {16, 17, 47, 49} <= set(answer.targets)  # 耕地, 农业水价, 自然村, 农网
    # 农村低保, 农村教师周转宿舍: 低保's and schools' work, said of the countryside
    assert not {39, 45, 51} & set(answer.targets)


def test_a_target_only_the_countryside_names_stays_in_the_topic():
    answerer = _answerer(
        TargetSpec(1, "乡村振兴示范村", "城乡建设", "创建乡村振兴示范村10个"),
        TargetSpec(2, "农村低保", "民生保障", "农村低保标准提高到每人每年5000元"),
        TargetSpec(3, "高标准农田", "城乡建设", "新建高标准农田2万亩"),
    )
    answer = answerer.ask("农村方面怎么样")
    assert answer.intent == "list" and set(answer.targets) == {1, 3}


def test_the_banks_own_branches_are_no_target_of_village_service_points(answerer):
    assert answerer.ask("全县有几家银行网点").intent == "unknown"
    assert answerer.ask("银行在村里设的网点覆盖了多少村").targets[0] == 14


def test_another_target_s_subject_goes_before_words_of_work():
    answerer = _answerer(
        TargetSpec(1, "县医院提质", "社会事业", "巩固提升县医院服务能力,创建二级甲等医院"),
        TargetSpec(2, "农村饮水安全", "城乡建设", "解决1.2万农村人口饮水安全问题"),
    )
    assert answerer.ask("饮水巩固提升").targets[0] == 2


def test_words_of_work_alone_hold_no_subject_the_ledger_does_not_write():
    answerer = _answerer(
        TargetSpec(1, "改造老年学校", "社会事业", "老年学校提质改造,年内完成"),
        TargetSpec(2, "幼儿园建设", "社会事业", "新建公办幼儿园3所"),
    )
    assert answerer.ask("农村公路提质改造完成多少公里").intent == "unknown"
    assert answerer.ask("老年学校提质改造完成情况").targets[0] == 1


def test_a_state_level_new_area_is_another_place():
    answerer = _answerer(
        TargetSpec(1, "重点项目投资", "经济发展", "重点项目完成投资134亿元"),
        TargetSpec(2, "安置房建设", "城乡建设", "建成安置房1200套"),
    )
    assert answerer.ask("雄安新区今年投资多少").intent == "unknown"
    assert answerer.ask("重点项目今年投资多少").targets[0] == 1


def test_fine_particulate_matter_is_pm25_and_in_the_environment_topic():
    answerer = _answerer(
        TargetSpec(1, "空气质量", "生态环境", "PM2.5平均浓度控制在35微克/立方米以内"),
        TargetSpec(2, "森林覆盖率", "生态环境", "完成造林1万亩"),
        TargetSpec(3, "新建学校", "社会事业", "新建学校2所"),
    )
    assert answerer.ask("细颗粒物浓度降到多少了").targets[0] == 1
    answer = answerer.ask("生态环保怎么样")
    assert answer.intent == "list" and set(answer.targets) == {1, 2}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("细颗粒物平均浓度下降到35微克/立方米", "细颗粒物平均浓度"),
        ("PM10年均浓度下降至60微克/立方米", "PM10年均浓度"),
        ("细颗粒物平均浓度降低到35微克/立方米", "细颗粒物平均浓度"),
    ],
)
def test_an_indicator_named_before_its_fall_keeps_no_piece_of_the_verb(text, name):
    report = f"某县2021年重点目标任务完成情况\n1．{text}。进展：正在推进。\n"
    _, targets = drafted(report, dt.date(2026, 12, 7))
    assert [i.name for i in targets[1].indicators] == [name]


def test_a_target_changed_to_the_countryside_s_own_work_joins_the_topic():
    villages = TargetSpec(1, "乡村振兴示范村", "城乡建设", "创建乡村振兴示范村10个")
    pensions = TargetSpec(2, "农村低保", "民生保障", "农村低保标准提高到每人每年5000元")
    fields = TargetSpec(3, "高标准农田", "城乡建设", "新建高标准农田2万亩")
    answerer = _answerer(villages, pensions, fields)
    changed = TargetSpec(2, "农村户厕", "城乡建设", "农村低保户户厕改造500户")
    answerer.refresh(small_ledger(2024, villages, changed, fields))
    assert set(answerer.ask("农村方面怎么样").targets) == {1, 2, 3}

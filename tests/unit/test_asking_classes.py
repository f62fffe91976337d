"""Classes of dev misses on drafted ledgers (session 30), each with invented examples: a
summary asked in the words of the ledger's own preamble, a counter's bigram with the noun it
counts, and a name written by its words' initials and its tail."""

import datetime as dt

import pytest

from bot.domain.ledger import LedgerSpec, TargetSpec, UnitSpec
from bot.understanding.answering import Answerer
from bot.understanding.clipped import _initials_of
from bot.understanding.ordinals import COUNTER
from tests.auxil.ledgers import answerer_on, small_ledger


def _answerer(*targets: TargetSpec, preamble: str = "") -> Answerer:
    ledger = small_ledger(2022, *targets, title="工作台账")
    if preamble:
        ledger = LedgerSpec(ledger.year, ledger.title, preamble, ledger.targets)
    return answerer_on(ledger, dt.date(2022, 9, 30))


@pytest.fixture(scope="module")
def meetings():
    return _answerer(
        TargetSpec(1, "书记办公会议定事项", "经济发展", "书记办公会议定事项40项，已办结36项"),
        TargetSpec(2, "区长办公会议定事项", "经济发展", "区长办公会议定事项25项，已办结20项"),
        TargetSpec(3, "第三次区长办公会", "经济发展", "第三次区长办公会议定事项9项，已办结7项"),
        preamble="关于2022年区委书记办公会、区长办公会议定事项落实情况的通报",
    )


@pytest.mark.parametrize(
    "question",
    ["2022年办公会议定事项总体落实情况", "议定事项整体怎么样", "办公会议定事项总结一下"],
)
def test_a_summary_in_the_preambles_words_is_the_summary(meetings, question):
    """The preamble names what every target is; a target's title holding the same words does
    not make the question about that target."""
    assert meetings.ask(question).intent == "summary"


@pytest.mark.parametrize(
    ("question", "number"),
    [("书记办公会议定事项总体情况", 1), ("区长办公会议定事项落实了多少", 2)],
)
def test_a_words_not_in_the_preamble_still_name_the_target(meetings, question, number):
    answer = meetings.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


def test_no_preamble_keeps_a_summary_cue_on_a_target():
    answerer = _answerer(
        TargetSpec(1, "小微企业培育", "经济发展", "新培育小微企业120家"),
        TargetSpec(2, "农贸市场改造", "城乡建设", "改造农贸市场8个"),
    )
    answer = answerer.ask("小微企业培育总体情况")
    assert answer.intent == "target" and answer.targets[0] == 1


@pytest.mark.parametrize(
    ("text", "counters"),
    [
        ("改造了多少个小区", ["个"]),
        ("扶持了几家企业", ["家"]),
        ("新建3所学校", ["所"]),
        ("建了几个项目", ["个"]),
        ("有多少项目", []),  # 项目 is one word, not 多少项 + 目
        ("多少名额", []),
        ("帮了多少家庭", []),
    ],
)
def test_a_counter_after_a_number_is_found(text, counters):
    assert [m.group() for m in COUNTER.finditer(text)] == counters


@pytest.fixture(scope="module")
def counted():
    return _answerer(
        TargetSpec(1, "平安社区创建", "社会治理", "创建平安社区，覆盖全区300个小区"),
        TargetSpec(2, "老旧小区改造", "城乡建设", "改造老旧小区12个，惠及居民4000户"),
        TargetSpec(3, "乡村桥梁建设", "城乡建设", "新建改建乡村桥梁15座"),
    )


def test_a_counter_starts_no_bigram_with_the_noun_it_counts(counted):
    """个小 of "多少个小区" is no word: it would match the target that counts 300个小区."""
    best = counted.index.score("老旧改造了多少个小区")[0]
    assert best.number == 2
    assert not any(
        r.text == "个小" for c in counted.index.score("改造了多少个小区") for r in c.reasons
    )


def test_the_counter_itself_still_counts(counted):
    """几座 asks of something counted in 座: the counter is still a character of the question."""
    answer = counted.ask("桥建了几座")
    assert answer.intent == "target" and answer.targets[0] == 3


@pytest.mark.parametrize(
    ("name", "window", "expected"),
    [
        ("城乡建设指挥部", "城建指挥部", True),
        ("交通运输管理中心", "交运管理中心", True),
        ("国家储备林基地", "国储林基地", True),
        ("城乡建设指挥部", "城乡建设", False),  # the name's own head: a clipped name, not initials
        ("项县重点项目总投资", "项目投资", False),  # 项目 is written in the name side by side
        ("人均可支配收入", "人收入", False),  # a one-character initials part is no abbreviation
        ("城乡建设指挥部", "城建设指挥部", False),  # 建设 are side by side in the name
    ],
)
def test_initials_and_a_tail(name, window, expected):
    assert _initials_of(name, window) is expected


@pytest.fixture(scope="module")
def commands():
    return _answerer(
        TargetSpec(1, "城乡建设指挥部", "城乡建设", "城乡建设指挥部完成投资12亿元"),
        TargetSpec(2, "滨江新城指挥部", "城乡建设", "滨江新城指挥部推进城建项目8个"),
        TargetSpec(3, "工业园区指挥部", "经济发展", "工业园区指挥部完成投资6亿元"),
    )


def test_a_name_written_by_its_initials_finds_it(commands):
    """城建指挥部 is 城乡建设指挥部, though another target writes 城建 in its text."""
    answer = commands.ask("城建指挥部")
    assert answer.intent == "target" and answer.targets[0] == 1


_OTHERS = (
    "城市公交线路", "保障性住房", "中小学校舍", "养老服务中心", "全民健身场地", "城区绿化",
    "污水管网", "电动汽车充电桩", "就业技能培训", "公立医院", "文化馆", "消防站", "体育公园",
)  # fmt: skip


@pytest.fixture(scope="module")
def villages():
    return _answerer(
        TargetSpec(1, "农村公路", "城乡建设", "农村公路"),
        TargetSpec(2, "农村公路安保", "城乡建设", "农村公路安保"),
        TargetSpec(3, "农村饮水", "民生保障", "农村饮水"),
        TargetSpec(4, "家园清洁行动", "生态环境", "176个村家园清洁行动已全部通过市级验收"),
        *(
            TargetSpec(5 + n, name, "社会事业", f"{name}建设完成")
            for n, name in enumerate(_OTHERS)
        ),
    )


def test_the_target_explaining_the_question_leads_past_a_common_words_three(villages):
    """Three targets alike by 农村 fill the top three; the fourth explains 环境卫生 (the
    lexicon's 清洁) and so most of the question."""
    assert [c.number for c in villages.index.score("农村环境卫生怎么样")][3] == 4
    answer = villages.ask("农村环境卫生怎么样")
    assert answer.intent == "target" and answer.targets[0] == 4


@pytest.fixture(scope="module")
def everyday():
    return _answerer(
        TargetSpec(1, "城镇老旧小区改造", "城乡建设", "改造城镇老旧小区20个"),
        TargetSpec(2, "社区服务中心", "民生保障", "新建社区服务中心3个，服务小区居民"),
        TargetSpec(3, "城乡居民大病保险", "民生保障", "大病保险报销比例提高到60%"),
        TargetSpec(4, "基本医疗保险", "民生保障", "基本医疗保险参保率保持在95%以上"),
        TargetSpec(5, "新能源汽车充电桩", "城乡建设", "新建新能源汽车充电桩500个"),
        TargetSpec(6, "电动自行车充电棚", "城乡建设", "建设电动自行车充电棚120处"),
        TargetSpec(7, "普惠性幼儿园", "社会事业", "普惠性幼儿园覆盖率达到85%"),
        TargetSpec(8, "公办幼儿园建设", "社会事业", "新建公办幼儿园4所"),
        TargetSpec(9, "产业扶贫", "民生保障", "减少农村扶贫对象1.2万人"),
        TargetSpec(10, "教室照明改造", "社会事业", "改造中小学教室照明1200间，防控学生近视"),
        TargetSpec(11, "老年人流感疫苗", "民生保障", "为65岁以上老年人免费接种流感疫苗"),
        TargetSpec(12, "雨污分流", "城乡建设", "完成雨污分流改造管网30公里"),
        TargetSpec(13, "学校运动场开放", "社会事业", "中小学校体育场节假日向社会开放"),
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("城里老楼翻新得怎么样", 1),  # 老楼 is an 老旧小区, doing it up 改造
        ("得了重病多报销的保险", 3),  # a serious illness is the 大病 an insurance covers
        ("电车充电的地方建了多少", 5),  # an electric car's charging point
        ("今年脱贫了多少人", 9),  # lifted out of poverty: the 扶贫 work
        ("周末能进学校操场吗", 13),  # a school's 操场 is its 运动场, 体育场
        ("近视防控做得怎么样", 10),  # short sight is what classroom lighting is for
    ],
)
def test_everyday_words_read_as_the_ledgers(everyday, question, number):
    answer = everyday.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


def _led(number: int, title: str, text: str, unit: str) -> TargetSpec:
    return TargetSpec(number, title, "民生保障", text, units=(UnitSpec(unit, "lead", "named"),))


@pytest.fixture(scope="module")
def by_unit():
    return _answerer(
        _led(1, "农村供水保障", "解决3万农村人口供水问题", "县水利局"),
        _led(2, "托育机构建设", "每个乡镇建成1所托育机构", "县卫健局"),
        _led(3, "普惠托位", "新增普惠托位800个", "县卫健局"),
        _led(4, "城市书房", "新建城市书房6家", "县文旅局"),
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("水利局那个供水的事怎么样", 1),  # the unit's only target, asked as one thing
        ("嗯卫健局那个托位的事情到底完成了多少", 3),  # of the unit's two, the one it names
    ],
)
def test_one_thing_of_a_unit_is_that_target(by_unit, question, number):
    answer = by_unit.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


@pytest.mark.parametrize("question", ["卫健局负责哪些", "卫健局那几项怎么样"])
def test_a_units_list_stays_a_list(by_unit, question):
    answer = by_unit.ask(question)
    assert answer.intent == "list" and set(answer.targets) == {2, 3}


@pytest.fixture(scope="module")
def actions():
    def action(number: int, title: str, target: str, actual: str) -> TargetSpec:
        from bot.domain.ledger import IndicatorSpec

        return TargetSpec(
            number, title, "民生保障", f"{title}年度目标{target}人", "",
            indicators=(IndicatorSpec(title, target, "人", actual=actual),),
        )  # fmt: skip

    return _answerer(
        action(1, "技能培训行动", "1000", "1000"),
        action(2, "助老服务行动", "500", "200"),
        action(3, "青年见习行动", "300", "300"),
    )


@pytest.mark.parametrize(
    "question", ["哪些行动完成了", "哪些项目完成了", "哪几项任务已经全部完成"]
)
def test_a_status_list_may_name_what_the_ledger_calls_its_items(actions, question):
    """项目, 行动, 任务 between 哪些 and the status name every item alike: still the list."""
    answer = actions.ask(question)
    assert answer.intent == "list" and set(answer.targets) == {1, 3}


@pytest.fixture(scope="module")
def stations():
    return _answerer(
        TargetSpec(1, "社会保障服务站建设", "民生保障", "建成社会保障服务站12个"),
        TargetSpec(2, "文化服务站建设", "社会事业", "建成文化服务站20个"),
        TargetSpec(3, "农村公路", "城乡建设", "新改建农村公路80公里"),
    )


def test_an_abbreviation_that_is_the_initials_of_a_name_is_held(stations):
    """社保 is the lexicon's 社会保险, which this ledger never writes; here it is the initials
    of 社会保障服务站, which it does: not a subject beyond the ledger."""
    answer = stations.ask("社保服务站建得怎么样")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_an_abbreviation_no_name_spells_is_still_beyond_the_ledger():
    answerer = _answerer(
        TargetSpec(1, "文化服务站建设", "社会事业", "建成文化服务站20个"),
        TargetSpec(2, "农村公路", "城乡建设", "新改建农村公路80公里"),
    )
    assert answerer.ask("社保服务站建得怎么样").intent == "unknown"


@pytest.fixture(scope="module")
def counted_items():
    targets = [TargetSpec(n, f"重点工作{n}", "经济发展", f"推进重点工作{n}") for n in range(1, 15)]
    targets[2] = TargetSpec(3, "断头路打通", "城乡建设", "打通城区断头路12条")
    return _answerer(*targets)


@pytest.mark.parametrize("question", ["12条的那个怎么样", "目标12条的那个完成了吗"])
def test_a_count_described_as_the_one_is_a_figure_not_an_item(counted_items, question):
    """ "12条的那个" is the target of 12 roads, not item 12."""
    answer = counted_items.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 3


@pytest.mark.parametrize("question", ["12条的情况", "12项的情况", "目标12", "第12项"])
def test_an_item_number_stays_an_item(counted_items, question):
    answer = counted_items.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 12


@pytest.mark.parametrize(
    "question", ["已完成的项目", "已完工的项目", "已经完工的行动", "完成的工程"]
)
def test_a_status_and_what_any_ledger_calls_its_items_is_a_list(actions, question):
    """项目 after a status names no target (every item is one): the status's list."""
    answer = actions.ask(question)
    assert answer.intent == "list" and set(answer.targets) == {1, 3}


@pytest.fixture(scope="module")
def services():
    return _answerer(
        TargetSpec(1, "法律援助", "社会治理", "办理法律援助案件300件"),
        TargetSpec(2, "健身器材更新", "社会事业", "更新村级健身器材120处"),
        TargetSpec(3, "危险路口改造", "城乡建设", "改造农村危险路口30处"),
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("领导问法律援助完成多少件", 1),  # 问法 of 问法律 is no question about asking
        ("领导问健身器材装了多少处", 2),
        ("危险路口改好了没？麻烦尽快回复", 3),
        ("我想问一下危险路口整好了没", 3),
    ],
)
def test_who_asks_and_how_soon_are_filler(services, question, number):
    answer = services.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


def test_a_question_about_asking_is_still_help(services):
    assert services.ask("有哪些问法").intent == "help"


def test_a_lexicon_word_miswritten_by_its_sound_is_mended():
    from bot.understanding.misheard import MisheardKeys

    keys = MisheardKeys(["找工作", "老百姓收入", "上班", "工作岗位"])
    never = lambda bigram: False  # noqa: E731 - the ledger writes nothing here
    assert keys.mend("找宫作这块怎么样", never) == "找工作这块怎么样"
    assert keys.mend("老百姓收如涨了多少", never) == "老百姓收入涨了多少"
    # two characters sound like too much: 上半 of 上半年 stays
    assert keys.mend("上半年完成多少", never) == "上半年完成多少"
    # a word the ledger writes is its own, no slip
    assert keys.mend("找宫作", lambda bigram: bigram == "宫作") == "找宫作"


def test_an_everyday_word_miswritten_still_finds_its_target(everyday):
    answer = everyday.ask("城里老楼翻新得怎么样")
    assert answer.targets[0] == 1
    slipped = _answerer(
        TargetSpec(1, "城镇新增就业", "民生保障", "城镇新增就业5000人"),
        TargetSpec(2, "农村公路", "城乡建设", "新改建农村公路80公里"),
    )
    answer = slipped.ask("找宫作这块帮老百姓做得怎么样")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_preamble_naming_one_targets_work_leaves_it_that_targets():
    """The preamble lists the works it reports on; one work's name with 总体 is that work."""
    answerer = _answerer(
        TargetSpec(1, "江北大桥", "城乡建设", "江北大桥完成主体工程80%"),
        TargetSpec(2, "城东路改造", "城乡建设", "城东路改造完成投资500万元"),
        TargetSpec(3, "农村饮水工程", "民生保障", "解决2万人饮水问题"),
        preamble="县本级路桥畅通工程有江北大桥、城东路改造等项目，水利助农工程有农村饮水工程",
    )
    answer = answerer.ask("江北大桥总体情况")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_an_ordinals_counter_keeps_its_bigram():
    """次 of 第八次 is an ordinal's, not a count's: 次县 of 第八次县长办公会 names the meeting."""
    from bot.understanding.ordinals import number_words

    q = "第八次县长办公会和几次县长会"
    spans = {q[i : i + 2]: [(i, i + 2)] for i in range(len(q) - 1)}
    spans["次县"] = [(2, 4), (10, 12)]
    number_words(q, q, spans)
    assert spans["次县"] == [(2, 4)]


@pytest.fixture(scope="module")
def bases():
    return _answerer(
        _led(1, "党性教育基地", "建成党性教育基地2处", "县教育局"),
        _led(2, "义务教育学校", "新建义务教育学校3所", "县教育局"),
        _led(3, "公办园扩容", "新增公办园学位600个", "县教育局"),
        _led(4, "水利薄弱环节治理", "治理水利薄弱环节12处", "县水利局"),
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("谁负责党性教育基地", 1),  # 教育 of the target's name, not 教育局 named as a unit
        ("水利薄弱环节治理归哪个部门管", 4),
        ("公办园扩容是哪个单位牵头的", 3),  # whose it is, not a list of what 公办园扩容 leads
    ],
)
def test_who_is_responsible_for_a_target_is_that_target(bases, question, number):
    answer = bases.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


def test_a_unit_named_as_a_unit_is_still_its_list(bases):
    answer = bases.ask("教育局负责哪些")
    assert answer.intent == "list" and set(answer.targets) == {1, 2, 3}


@pytest.fixture(scope="module")
def city():
    return _answerer(
        TargetSpec(1, "城市精细化管理", "城乡建设", "推进城市建设和管理，完成考核任务"),
        TargetSpec(
            2, "城市用水", "生态环境", "全市用水总量控制在3亿立方米以内，节水改造120万平方米"
        ),
        TargetSpec(3, "能耗总量", "生态环境", "能耗总量控制在500万吨标准煤以内"),
    )


def test_a_unit_asked_after_and_a_generic_word_hold_no_subject(city):
    """多少平方米 names no target (any measured in it writes it), and 建设 explaining part
    of 违法建设 does not make the ledger hold that subject."""
    assert city.ask("拆除违法建设多少平方米").intent == "unknown"


@pytest.mark.parametrize(
    ("question", "number"), [("能源消费总量控制得怎么样", 3), ("城市用水总量多少立方米", 2)]
)
def test_everyday_and_official_words_for_energy_and_water(city, question, number):
    answer = city.ask(question)
    assert answer.intent == "target" and answer.targets[0] == number


@pytest.fixture(scope="module")
def projects():
    return _answerer(
        TargetSpec(
            1, "重点项目", "经济发展",
            "重点项目完成投资120亿元，重点项目开工率90%，完成全年重点项目计划",
        ),
        TargetSpec(2, "列入省级重点项目", "经济发展", "列入省级重点项目45个"),
        TargetSpec(3, "前期项目", "经济发展", "推进省级前期项目20个"),
        TargetSpec(4, "省级园区", "经济发展", "创建省级园区2个"),
    )  # fmt: skip


def test_the_longer_name_goes_first_when_the_question_says_what_it_adds(projects):
    """省里 (the lexicon's 省级) is what 列入省级重点项目 adds to 重点项目."""
    answer = projects.ask("省里的重点项目完成得怎么样")
    assert answer.intent == "target" and answer.targets[0] == 2


def test_the_shorter_name_stays_first_when_nothing_more_is_said(projects):
    answer = projects.ask("重点项目完成投资多少")
    assert answer.targets[0] == 1


@pytest.fixture(scope="module")
def bridges():
    def bridge(number: int, title: str, done: str) -> TargetSpec:
        from bot.domain.ledger import IndicatorSpec

        return TargetSpec(
            number, title, "城乡建设", f"{title}年内建成", "",
            indicators=(IndicatorSpec(f"{title}工程量", "100", "%", actual=done),),
        )  # fmt: skip

    return _answerer(
        bridge(1, "江北大桥", "60"), bridge(2, "城南桥", "100"), bridge(3, "东门桥", "40")
    )


@pytest.mark.parametrize("question", ["还在施工的项目", "正在建设的有哪些"])
def test_still_being_built_is_a_status_list(bridges, question):
    answer = bridges.ask(question)
    assert answer.intent == "list" and 2 not in answer.targets


def test_holding_back_the_whole_county_is_lagging():
    from bot.understanding.list_cues import status_reading

    assert status_reading("哪个乡镇拖了全县的后腿") == ("滞后",)
    assert status_reading("谁拖后腿") == ("滞后",)

"""Everyday words for official ones that drafted ledgers write (h11-rank8), on invented
targets: each question named no target, or the wrong one, before its lexicon entry."""

import datetime as dt

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from tests.auxil.ledgers import answerer_on, small_ledger

CITY = small_ledger(
    2023,
    TargetSpec(1, "管输天然气用户", "城乡建设", "新增城镇管输天然气用户1.8万户。"),
    TargetSpec(2, "城市棚户区改造", "城乡建设", "完成改造城市棚户区1188户。"),
    TargetSpec(3, "城区供热管网", "城乡建设", "新建城区供热管网12公里。"),
    TargetSpec(4, "创业就业动能提升", "社会事业", "实施创业就业动能提升行动。"),
    TargetSpec(5, "社会融资规模", "经济发展", "社会融资规模稳步增长。"),
    TargetSpec(6, "技术合同成交额", "科技", "技术合同成交额500万元。"),
    TargetSpec(7, "全民健身器材更换", "社会事业", "更换公共场所全民健身器材300件。"),
    TargetSpec(8, "一产固定资产投资", "农业农村", "一产固定资产投资达到5亿元。"),
    TargetSpec(9, "农产品质量追溯", "农业农村", "建设农产品质量安全追溯点20个。"),
    TargetSpec(10, "农村电商", "农业农村", "推进农村电商提质增效。"),
    TargetSpec(11, "城镇老旧小区改造", "城乡建设", "改造城镇老旧小区30个。"),
    title="民生实事",
)

ECONOMY = small_ledger(
    2020,
    TargetSpec(
        1,
        "地区生产总值",
        "经济发展",
        "加强月度数据监测,确保地区生产总值增长7%左右。",
        "全年GDP预计增长4.5%左右。",
        aliases=("生产总值",),  # the short name a draft cuts out of the title
    ),
    TargetSpec(2, "固定投资", "经济发展", "确保固定投资增速高于经济增速、结构性指标均实现增长。"),
    TargetSpec(3, "工业投资", "经济发展", "工业投资增长10%。"),
    TargetSpec(4, "固定资产投资", "经济发展", "固定资产投资增长9%。"),
    TargetSpec(5, "消费品零售总额", "经济发展", "社会消费品零售总额增长8%。"),
    title="重点工作",
)


def _answerer(ledger) -> Answerer:
    return answerer_on(ledger, dt.date(ledger.year, 9, 30))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("通管道燃气的新用户有多少了", 1),  # 燃气: the 天然气 a ledger writes
        ("老城区破房子拆迁改造到哪一步了", 2),  # 拆迁: a 棚户区 is cleared for rebuilding
        ("集中供暖的管子埋得怎么样了", 3),  # 供暖: 供热
        ("今年帮多少人找到活干了", 4),  # 活干: 就业
        ("扶持老百姓自己开店创业的事", 4),  # 开店: 创业
        ("企业从银行贷到的钱多不多", 5),  # 贷到: 融资
        ("科技成果转化卖了多少钱", 6),  # 科技成果: 技术合同
        ("小区里锻炼的器械换了没有", 7),  # 器械: 器材
        ("今年往种养殖业上砸了多少钱", 8),  # 种养: 一产
        ("群众锻炼身体的地方更新了没", 7),  # 锻炼身体的地方: 健身 (h11-rank10)
    ],
)
def test_everyday_words_name_the_official_ones(question, number):
    answer = _answerer(CITY).ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))


def test_selling_online_is_e_commerce():
    # 网上卖 is 电商: the e-commerce target stands among the choices beside the 农产品 one.
    assert 10 in _answerer(CITY).ask("网上卖农产品那个搞得咋样").targets[:3]


@pytest.mark.parametrize(
    ("question", "number"),
    [("经济增速达标没有", 1), ("全社会投资搞得怎样", 4)],
)
def test_growth_of_the_economy_and_of_all_investment(question, number):
    # 经济增速 is the GDP's growth, 全社会投资 the 全社会固定资产投资: not another 投资, nor
    # the 增速 of a target that writes 经济增速 only as what it must outgrow.
    answer = _answerer(ECONOMY).ask(question)
    assert answer.targets[:1] == (number,)


@pytest.mark.parametrize("question", ["哪些完成得不理想", "哪几项推进得不好"])
def test_work_going_badly_asked_of_which_targets_lists_those_at_risk(question):
    # Asked "哪些…得不理想" without the trailing 的; the 理想 a progress text writes
    # ("完成情况不够理想") is no target of its own.
    ledger = small_ledger(
        2023,
        TargetSpec(1, "激活民间投资", "经济发展", "激活民间投资。", "完成情况不够理想。"),
        TargetSpec(2, "利用外资", "经济发展", "利用外资1亿美元。", "完成情况不够理想。"),
    )
    answer = _answerer(ledger).ask(question)
    assert answer.intent == "list" and answer.filter.get("at_risk")


def test_a_part_of_the_year_no_target_writes_asks_for_the_summary():
    # "一季度" names nothing on a ledger that never writes it; where a target writes the
    # period ("前三季度"), the period still names that target.
    answerer = _answerer(CITY)
    assert answerer.ask("一季度进度汇报一下").intent == "summary"
    assert answerer.ask("上半年进度汇报一下").intent == "summary"
    quarters = small_ledger(
        2020,
        TargetSpec(
            1, "GDP增速", "经济发展", "生产总值增长6%。", "前三季度全县生产总值同比增长2.5%。"
        ),
        TargetSpec(2, "新增贷款", "金融", "新增贷款14亿元。"),
    )
    assert _answerer(quarters).ask("前三季度完成得怎么样").targets[:1] == (1,)


TOWN = small_ledger(
    2019,
    TargetSpec(1, "妇幼保健院建设", "社会事业", "妇幼保健院建设、", "均未达序时"),
    TargetSpec(2, "北部新城医院项目", "社会事业", "北部新城医院项目、", "均未达序时"),
    TargetSpec(3, "四好农村路建设", "交通", "“四好农村路”建设、"),
    TargetSpec(4, "农村危房改造", "住房", "农村危房改造、"),
    TargetSpec(5, "城区防汛工程", "水利", "完成城区防汛排涝工程2处。", "项目暂缓实施。"),
    TargetSpec(6, "城乡统筹", "经济发展", "城乡统筹方面,重点镇完成乡镇投资2.3亿元。"),
    TargetSpec(7, "全域旅游", "文化旅游", "接待游客100万人次,门票收入增长10%。"),
)


def test_a_maternity_and_child_care_hospital_is_a_hospital():
    # 医院 reads 保健院 too: "妇女儿童看病的医院" is the 妇幼保健院, not any 医院.
    answer = _answerer(TOWN).ask("给妇女儿童看病的新医院盖到哪了")
    assert answer.targets[:1] == (1,)


def test_when_a_storm_comes_ashore_is_a_forecast():
    assert _answerer(TOWN).ask("台风什么时候登陆").intent == "unknown"


@pytest.mark.parametrize(("question", "number"), [("暂缓的项目", 5), ("涉及乡镇投资的", 6)])
def test_a_stage_or_a_subject_said_with_no_question_word_is_a_list(question, number):
    answer = _answerer(TOWN).ask(question)
    assert answer.intent == "list" and number in answer.targets


def test_how_to_word_a_question_is_help():
    assert _answerer(TOWN).ask("我要查一个项目该怎么说").intent == "help"


def test_a_day_of_a_month_is_no_item_number():
    # "6月20号" is when a tender opened, not item 20 (which a four-item ledger lacks).
    answerer = _answerer(TOWN)
    answer = answerer.ask("危房改造是不是6月20号开标的现在改了没有")
    assert answer.targets[:1] == (4,)
    assert answerer.ask("3号").targets == (3,)
    assert answerer.ask("12号和13号").intent == "unknown"  # still read as item numbers


VILLAGES = small_ledger(
    2021,
    TargetSpec(1, "村内道路", "农业农村", "完成村内道路建设2457公里。"),
    TargetSpec(2, "村内桥梁", "农业农村", "完成村内桥梁建设351延米,工程进度40.2%。"),
    TargetSpec(3, "安装太阳能路灯", "农业农村", "安装太阳能路灯6059盏,完成计划的37.2%;"),
    TargetSpec(4, "续建项目", "项目建设", "其中续建项目35宗,完成投资47.7亿元。"),
    TargetSpec(5, "新开工项目", "项目建设", "39宗新开工项目(已开工8宗),完成投资32.6亿元。"),
)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("村里过河的小桥修得怎样", 2),  # 小桥: 桥梁
        ("晚上村里亮灯的事", 3),  # 亮灯: 路灯
        ("还没动土的项目有多少", 5),  # 动土: 开工
    ],
)
def test_village_works_and_stages_of_projects_in_everyday_words(question, number):
    answer = _answerer(VILLAGES).ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))

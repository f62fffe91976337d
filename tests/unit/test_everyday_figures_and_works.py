"""How leaders ask after a drafted ledger's figures and works in everyday words (session 33,
h11-rank15), on invented targets: what people earn, the tax a county collects, lighting,
orchards, saving water, moving back after a demolition, low fees; an out-of-scope cue or an
abbreviation the ledger does not hold, inside words that name a target well."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

TZ = ZoneInfo("Asia/Shanghai")


def _answerer(year: int, *targets: TargetSpec) -> Answerer:
    ledger = small_ledger(year, *targets, title="主要指标")
    return Answerer(ledger, load_lexicon(), today=dt.date(year, 9, 30), tz=TZ)


@pytest.fixture(scope="module")
def economy():
    return _answerer(
        2018,
        TargetSpec(1, "生产总值", "经济发展", "前三季度全县完成生产总值56.7亿,增长7.5%;"),
        TargetSpec(2, "公共财政预算收入", "经济发展", "地方公共财政预算收入4.47亿元,增长31.2%;"),
        TargetSpec(3, "固定资产投资", "经济发展", "固定资产投资105亿元,增长12.9%;"),
        TargetSpec(4, "人均可支配收入", "经济发展", "城乡居民人均可支配收入18687元、5634元。"),
    )


@pytest.mark.parametrize("question", ["农民一年挣多少钱", "老百姓一年赚多少钱"])
def test_what_people_earn_is_their_disposable_income(economy, question):
    answer = economy.ask(question)
    assert answer.intent == "target" and answer.targets[0] == 4


def test_the_tax_collected_is_the_budget_revenue(economy):
    answer = economy.ask("县里上半年收了多少税")
    assert answer.intent == "target" and answer.targets[0] == 2


@pytest.fixture(scope="module")
def works():
    return _answerer(
        2019,
        TargetSpec(1, "城区夜景灯光改造", "城乡建设", "城区夜景灯光改造提升工程"),
        TargetSpec(2, "干鲜果基地", "农业农村", "建成干鲜果基地7.43万亩,其中核桃6.3万亩;"),
        TargetSpec(3, "用水总量", "生态环境", "用水总量控制在3.2亿立方米以内。"),
        TargetSpec(4, "单位GDP水耗", "生态环境", "万元GDP水耗下降3%。"),
        TargetSpec(5, "安置房建设", "城乡建设", "海城片区回迁安置房交付使用1200套。"),
        TargetSpec(
            6,
            "农村人居环境整治",
            "城乡建设",
            "农村人居环境整治和美丽乡村建设",
            aliases=("人居环境整治", "环境整治"),  # the names a draft cuts out of its text
        ),
        TargetSpec(7, "农村幸福院", "民生保障", "新建农村幸福院20所"),
        TargetSpec(8, "公共卫生服务补助", "社会事业", "基本公共卫生服务项目政府补助标准提高5.95%"),
    )


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("晚上城里亮化那个工程", 1),  # 亮化: street and night-scene lighting
        ("果园建设", 2),
        ("节约用水那两项", 3),
        ("拆迁户回迁住上新房没有", 5),  # 拆迁 unwritten, but its 回迁 is
    ],
)
def test_an_everyday_word_names_the_work(works, question, number):
    answer = works.ask(question)
    assert answer.intent == "target" and number in answer.targets[:2]


def test_an_unheld_abbreviation_beside_words_read_as_a_target_is_no_other_subject(works):
    # 改厕 is unwritten; 村容村貌 is the lexicon's 环境整治, which the target writes.
    answer = works.ask("农村改厕清垃圾村容村貌那块")
    assert answer.intent == "target" and answer.targets[0] == 6


@pytest.mark.parametrize("question", ["两癌筛查做了多少", "城乡居民医保财政补助标准提高了多少"])
def test_an_unheld_abbreviation_is_still_out_of_scope(works, question):
    # 补助标准 is the ledger's phrase, but here the 医保's own: the question is about 医保.
    assert works.ask(question).intent == "unknown"


@pytest.fixture(scope="module")
def kindergartens():
    return _answerer(
        2020,
        # A draft gives each the lexicon's 公办园 as an alias: the lexicon reads 幼儿园 so.
        TargetSpec(
            1, "幼儿园覆盖率", "社会事业", "普惠性幼儿园覆盖率达80%、", aliases=("公办园",)
        ),
        TargetSpec(
            2, "公办幼儿园覆盖率", "社会事业", "公办幼儿园覆盖率达50%、", aliases=("公办园",)
        ),
        TargetSpec(3, "义务教育学位", "社会事业", "新增义务教育学位2000个。"),
    )


def test_low_fees_are_the_inclusive_kind_not_a_price(kindergartens):
    # 收费 is a price cue, but 收费便宜 is the lexicon's 普惠; 公办 is read for 幼儿园 in both
    # titles, so it puts the longer title first no more than the words they share.
    answer = kindergartens.ask("收费便宜的幼儿园占比")
    assert answer.intent == "target" and answer.targets[0] == 1


def test_a_fee_asked_after_stays_out_of_scope(kindergartens):
    assert kindergartens.ask("幼儿园收费标准是多少").intent == "unknown"

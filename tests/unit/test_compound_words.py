"""Compounds: a question about a thing no target covers, that shares one generic word with a
target ("科技成果登记怎么样" is not 城镇登记失业率: its 登记 heads a compound whose qualifier,
科技成果, names a topic other targets are in), is refused as out of scope; a target's own phrase
comes before a target whose name it only qualifies (村内道路 before 村内道路边沟)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bench.drafts import draft_as_imported
from bench.sets import REPORTS
from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

JOBLESS = TargetSpec(
    1, "城镇登记失业率", "民生保障", "城镇登记失业率控制在4.5%以内。",
    indicators=(IndicatorSpec("城镇登记失业率", "4.5", "%", "<=", "2.24"),),
)  # fmt: skip
FIRMS = TargetSpec(
    2, "科技型企业入库", "经济发展", "科技型中小企业评价入库50家。",
    indicators=(IndicatorSpec("科技型中小企业评价入库", "50", "家", ">=", "70"),),
)  # fmt: skip
LAND = TargetSpec(3, "耕地保护", "生态环境", "落实耕地保护责任,完成补充耕地任务。")


@pytest.fixture(scope="module")
def core():
    ledger = small_ledger(2021, JOBLESS, FIRMS, LAND)
    return Answerer(ledger, load_lexicon(), today=dt.date(2021, 6, 1), tz=ZoneInfo("UTC"))


@pytest.mark.parametrize("question", ["科技成果登记怎么样", "专利登记办了多少", "土地登记怎么样"])
def test_a_compound_no_target_writes_is_out_of_scope(core, question):
    answer = core.ask(question)
    assert (answer.intent, answer.targets) == ("unknown", ()), answer.reply


@pytest.mark.parametrize("question", ["登记失业率多少", "失业登记的情况", "城镇登记失业率"])
def test_the_target_asked_by_its_own_words_still_answers(core, question):
    assert core.ask(question).targets[:1] == (1,)


def test_the_2020_ledger_refuses_it_too(ledger_2020):
    answerer = Answerer(
        ledger_2020, load_lexicon(), today=dt.date(2020, 10, 23), tz=ZoneInfo("UTC")
    )
    assert answerer.ask("科技成果登记怎么样").intent == "unknown"  # before: 第37项 城镇登记失业率


@pytest.mark.parametrize("question", ["村内道路", "村内道路怎么样"])
def test_a_phrase_that_only_qualifies_anothers_name_offers_its_own_target_first(question):
    # liaoning-2021-07 (a dev folder) as `import-report` drafts it: 村内道路 is the roads' own
    # phrase (第1项, 村内道路建设); in 第5项 修建村内道路边沟 it qualifies 边沟, the ditches
    # (before, the ditches were offered first: their short texts weigh each shared bigram more)
    drafted = draft_as_imported(REPORTS / "liaoning-2021-07" / "report.txt")
    core = Answerer(drafted.ledger, load_lexicon(), today=drafted.judging_day, tz=ZoneInfo("UTC"))
    assert core.ask(question).targets[:2] == (1, 5)
    assert core.ask("村内道路边沟").targets[:1] == (5,)

"""The chat's completion lists name the indicator each ratio is of: a target's weakest, where
the chart's bar is the indicator its title names (before, 60% in chat and 150% on the chart
for one target, neither saying which figure it was)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain.ledger import DeadlineSpec, IndicatorSpec, TargetSpec
from bot.render.charts import headline_ratio
from bot.understanding.answering import Answerer
from bot.understanding.lexicon import load_lexicon
from tests.auxil.ledgers import small_ledger

PARKS = TargetSpec(
    number=1,
    title="城市公园建设",
    category="城乡建设",
    target_text="新建城市公园4个,完成投资10亿元。",
    indicators=(
        IndicatorSpec("新建城市公园", "4", "个", ">=", "6"),
        IndicatorSpec("完成投资", "10", "亿元", ">=", "6"),
    ),
)
ROADS = TargetSpec(
    number=2,
    title="农村公路",
    category="城乡建设",
    target_text="新建农村公路30公里。",
    indicators=(IndicatorSpec("农村公路", "30", "公里", ">=", "45"),),
)


@pytest.fixture(scope="module")
def core():
    ledger = small_ledger(2020, PARKS, ROADS)
    return Answerer(ledger, load_lexicon(), today=dt.date(2020, 11, 1), tz=ZoneInfo("UTC"))


def test_the_chart_shows_the_titles_indicator():
    assert headline_ratio(PARKS) == 150


def test_the_lowest_list_names_the_weakest_indicator(core):
    answer = core.ask("完成率最低的是哪个")
    lines = answer.reply.splitlines()
    assert lines[0] == "完成率最低的目标（每项目标取完成率最低的指标，前2项）："
    assert lines[1] == "🟡 1. 城市公园建设：60.0%（推进中；指标：完成投资）"
    assert lines[2] == "🟢 2. 农村公路：150.0%（超额完成）"  # its only indicator is its title


def test_a_threshold_list_says_the_same(core):
    answer = core.ask("完成率低于80%的")
    assert answer.targets == (1,)
    assert answer.reply.startswith("完成率低于80%的目标（每项目标取完成率最低的指标）（共1项）：")
    assert "（推进中；指标：完成投资）" in answer.reply


HOMES = TargetSpec(
    number=3,
    title="敬老院改造",
    category="民生保障",
    target_text="改造敬老院2所,护理床位占比达到50%。",
    deadlines=(DeadlineSpec(dt.date(2020, 12, 31), "年底前", done=True),),
    indicators=(
        IndicatorSpec("改造敬老院", "2", "所"),  # no figure reported
        IndicatorSpec("护理床位占比", "50", "%", ">=", "100"),
    ),
)


@pytest.mark.parametrize("question", ["哪个目标完成最好", "完成率最低的是哪个"])
def test_a_target_missing_figures_ranks_nowhere_and_the_ranking_says_so(question):
    # its one figure is 200% of its target, the other figure is missing: 200% is not how
    # far the target got, so it stays out of the ranking (before, it ranked first, ⚪ 暂无数据)
    ledger = small_ledger(2020, PARKS, ROADS, HOMES)
    for day in (dt.date(2020, 11, 1), dt.date(2021, 1, 5)):  # 推进中, then 暂无数据
        core = Answerer(ledger, load_lexicon(), today=day, tz=ZoneInfo("UTC"))
        answer = core.ask(question)
        assert answer.filter["rank"].startswith("completion_") and 3 not in answer.targets
        assert answer.reply.splitlines()[-1] == "另有1项未参与排名：1项缺少部分或全部完成值。"
    assert core.status(HOMES) == "暂无数据"


def test_a_ranking_of_every_target_says_nothing_was_left_out(core):
    assert "未参与排名" not in core.ask("哪个目标完成最好").reply


def test_a_list_below_a_share_names_the_targets_judged_behind_that_no_ratio_shows():
    # h-trial16: "完成率低于100%的有哪些" said "没有符合条件的目标" while two targets were 未完成
    # (one judged so with its one figure met, one with a figure missing)
    judged = TargetSpec(
        number=4,
        title="耕地保护",
        category="生态环境",
        target_text="违法占用耕地比例低于10%，完成耕地保有量任务。",
        indicators=(IndicatorSpec("违法占用耕地面积比例", "10", "%", "<=", "6.9"),),
        status_override="未完成",
        status_reason="耕地保有量还有缺口",
    )
    ledger = small_ledger(2020, ROADS, HOMES, judged)
    core = Answerer(ledger, load_lexicon(), today=dt.date(2021, 1, 5), tz=ZoneInfo("UTC"))
    answer = core.ask("完成率低于100%的有哪些")
    assert answer.reply.splitlines() == [
        "完成率低于100%的目标（每项目标取完成率最低的指标）：没有符合条件的目标。",
        "另有已判定未完成或滞后的目标（完成率未能体现，1项）：",
        "🔴 4. 耕地保护：未完成",
        "另有1项未参与比较：1项缺少部分或全部完成值。",
    ]
    assert answer.targets == (4,)  # "第一个呢" opens it
    # above a share, nothing is added: a target behind is not over any share
    assert "另有" not in core.ask("完成率超过100%的").reply

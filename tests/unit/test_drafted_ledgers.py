"""Understanding on a ledger as `import-report` drafts it: no aliases, figures in the texts."""

import dataclasses
import datetime as dt

import pytest

from bot.domain.ledger import IndicatorSpec, TargetSpec
from bot.understanding.figures import figure_token
from bot.understanding.lexicon import load_lexicon
from bot.understanding.matching import LedgerIndex
from bot.understanding.text import chinese_number
from tests.auxil.ledgers import answerer_on, small_ledger

ROADS = small_ledger(
    2022,
    TargetSpec(
        1,
        "四好农村路",
        "城乡建设",
        "建设四好农村路55公里。",
        indicators=(IndicatorSpec("建设四好农村路", "55", "公里"),),
    ),
    TargetSpec(
        2,
        "农村公路大中修",
        "城乡建设",
        "完成农村公路大中修70公里。",
        indicators=(IndicatorSpec("农村公路大中修", "70", "公里"),),
    ),
    TargetSpec(
        3,
        "中心敬老院",
        "社会事业",
        "建成投用桥墩镇等3家中心敬老院,新增床位0.8万张。",
        indicators=(IndicatorSpec("当前进度", "", "%", actual="70"),),
    ),
    TargetSpec(4, "文化驿站", "社会事业", "新增16个文化驿站。"),
    title="民生实事",
)


def _answerer(ledger):
    return answerer_on(ledger, dt.date(2022, 10, 31))


@pytest.fixture(scope="module")
def roads():
    return _answerer(ROADS)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("那个70公里的事", 2),
        ("55公里那条路修完没", 1),
        ("七十公里完成了没有", 2),  # a Chinese numeral with its unit
        ("70千米的路", 2),  # one unit under two names
        ("3所敬老院建好没", 3),  # counted things agree whatever the measure word
        ("8000张床位", 3),  # 0.8万张 written out
        ("16个建了几个", 4),  # a figure of the target text, not of an indicator
    ],
)
def test_a_figure_with_its_unit_names_the_target_that_holds_it(roads, question, number):
    answer = roads.ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", number)
    assert any(r.kind == "figure" for r in answer.candidates[0].reasons)


def test_a_figure_in_another_unit_is_not_that_target(roads):
    scored = LedgerIndex(ROADS, load_lexicon()).score("70个项目")
    assert not any(r.kind == "figure" for c in scored for r in c.reasons)
    # 70 is also target 3's progress in %, which a count in 个 is not either.


@pytest.mark.parametrize("question", ["2022年的路", "有一个事", "第55号", "两个"])
def test_years_dates_and_counting_words_are_not_figures(question):
    index = LedgerIndex(ROADS, load_lexicon())
    held = [f for f in index.figures_in(question) if figure_token(f[0]) in index.postings]
    assert held == []


def test_a_changed_figure_follows_a_refresh(roads):
    answerer = _answerer(ROADS)
    changed = dataclasses.replace(
        ROADS.targets[1],
        target_text="完成农村公路大中修80公里。",
        indicators=(IndicatorSpec("农村公路大中修", "80", "公里"),),
    )
    answerer.refresh(
        dataclasses.replace(ROADS, targets=(ROADS.targets[0], changed, *ROADS.targets[2:]))
    )
    assert answerer.ask("那个80公里的事").targets[0] == 2
    assert not any(r.kind == "figure" for c in answerer.index.score("70公里") for r in c.reasons)


def test_a_ledger_without_aliases_of_its_own_lowers_its_bar(roads, ledger_2020):
    # Aliases the lexicon's abbreviations make (as import-report drafts them) do not count.
    drafted = dataclasses.replace(
        ROADS, targets=(dataclasses.replace(ROADS.targets[0], aliases=("固投",)),)
    )
    assert _answerer(drafted).accept_coverage == pytest.approx(0.2)
    assert _answerer(ledger_2020).accept_coverage == pytest.approx(0.3)
    half = dataclasses.replace(
        ROADS,
        targets=(
            *(dataclasses.replace(t, aliases=("乡村路",)) for t in ROADS.targets[:2]),
            *ROADS.targets[2:],
        ),
    )
    assert _answerer(half).accept_coverage == pytest.approx(0.25)
    # A short name a draft cuts out of the target's own texts says nothing more either.
    cut = dataclasses.replace(
        ROADS,
        targets=tuple(dataclasses.replace(t, aliases=(t.title[:4],)) for t in ROADS.targets),
    )
    assert _answerer(cut).accept_coverage == pytest.approx(0.2)


def test_one_weak_lead_on_a_drafted_ledger_is_offered_as_a_guess(roads):
    # Only 驿站 matches; the question's other words are in no target.
    assert 0.2 <= roads.index.score("村口那个读书喝茶的驿站盖好没有")[0].coverage < 0.3
    answer = roads.ask("村口那个读书喝茶的驿站盖好没有")
    assert (answer.intent, answer.targets[0], answer.confident) == ("target", 4, False)
    assert answer.reply.startswith("没有完全对上的目标，可能是这一项")
    assert "文化驿站" in answer.reply


def test_a_weak_help_cue_wins_over_a_guess(roads):
    # 驿站 leads alone under the bar, as in the guess above; "怎么查" asks how to use the bot.
    question = "新来的同事问怎么查驿站"
    scored = roads.index.score(question)
    assert 0.2 <= scored[0].coverage < 0.3 and len(scored) == 1
    assert roads.ask(question).intent == "help"
    # Once the target explains the question, the cue is only a way of asking about it, and
    # the answer is no guess.
    answer = roads.ask("同事问怎么查驿站的事")
    assert (answer.intent, answer.targets[0]) == ("target", 4)
    assert not answer.reply.startswith("没有完全对上的目标")


@pytest.mark.parametrize(
    "question", ["敬老院一张床位多少钱", "敬老院的床位多少钱一张", "文化驿站门票多少钱"]
)
def test_what_one_thing_costs_is_out_of_scope_where_no_price_is_stated(roads, question):
    # The target is found (敬老院, 驿站), but a ledger of work targets holds no prices.
    assert roads.index.score(question)[0].coverage >= 0.6
    assert roads.ask(question).intent == "unknown"


def test_a_price_the_target_states_is_answered():
    priced = dataclasses.replace(
        ROADS.targets[3], target_text="新增16个文化驿站,门票每张10元,每个驿站运营补助5万元。"
    )
    answerer = _answerer(dataclasses.replace(ROADS, targets=(*ROADS.targets[:3], priced)))
    for question in ("文化驿站门票多少钱", "一个驿站运营经费多少钱", "文化驿站一张门票多少钱"):
        assert answerer.ask(question).targets[0] == 4, question


def test_money_given_per_thing_is_a_figure_not_a_price(roads):
    # Per 张, as a price would be asked, but money given out is what targets count.
    for question in ("敬老院每张床位补了多少钱", "敬老院每张床位补贴多少钱"):
        answer = roads.ask(question)
        assert (answer.intent, answer.targets[0]) == ("target", 3), question


@pytest.mark.parametrize("question", ["文化驿站借书怎么借", "敬老院入住要怎么入"])
def test_how_to_do_an_errand_oneself_is_out_of_scope(roads, question):
    # The errand's verb said again after "how": a procedure, though the target is found.
    assert roads.index.score(question)[0].coverage >= 0.3
    assert roads.ask(question).intent == "unknown"


def test_shopping_advice_is_out_of_scope_and_a_unit_ranking_is_not(roads, ledger_2020):
    assert roads.ask("文化驿站哪家好").intent == "unknown"
    assert _answerer(ledger_2020).ask("哪个单位最好").intent == "list"


def test_how_to_look_it_up_is_no_errand(roads):
    assert roads.ask("查询怎么查").intent == "help"


def test_a_weak_lead_with_a_close_runner_up_is_still_no_match(roads):
    # 农村 is in two targets alike: no guess between them.
    scored = roads.index.score("农村弯道护栏装好了没")
    assert 0.2 <= scored[0].coverage < 0.3 and scored[1].score > scored[0].score / 2
    assert roads.ask("农村弯道护栏装好了没").intent == "unknown"


def test_a_weak_lead_on_the_curated_ledger_is_still_no_match(ledger_2020):
    answerer = _answerer(ledger_2020)
    scored = answerer.index.score("足球世界杯谁夺冠了")
    assert scored and scored[0].coverage < 0.3
    assert answerer.ask("足球世界杯谁夺冠了").intent == "unknown"


def test_a_drafted_indicator_called_just_completion_rate_names_no_target():
    rated = dataclasses.replace(
        ROADS.targets[0],
        indicators=(
            IndicatorSpec("建设四好农村路", "55", "公里", actual="60"),
            IndicatorSpec("完成率", "", "%", actual="109"),
        ),
    )
    answerer = _answerer(dataclasses.replace(ROADS, targets=(rated, *ROADS.targets[1:])))
    answer = answerer.ask("完成率超过100%的")
    assert (answer.intent, answer.targets) == ("list", (1,))


@pytest.mark.parametrize("question", ["全县民生实事完成得如何", "民生工程整体进展怎么样"])
def test_the_name_of_a_kind_of_ledger_asks_for_the_summary(roads, question):
    assert roads.ask(question).intent == "summary"


@pytest.mark.parametrize(
    ("question", "number"),
    [("棚改", 1), ("长护险怎么样了", 2), ("职校扩建进度", 3), ("村村通的油路铺完没", 5)],
)
def test_government_abbreviations_reach_the_words_a_report_writes(question, number):
    ledger = small_ledger(
        2024,
        TargetSpec(1, "棚户区改造", "城乡建设", "完成城镇棚户区改造1200套。"),
        TargetSpec(2, "长期护理保险", "社会事业", "全面推行长期护理保险制度。"),
        TargetSpec(3, "职业中专扩容", "社会事业", "推进县职业中专扩容提升。"),
        TargetSpec(4, "文化驿站", "社会事业", "新增16个文化驿站。"),
        TargetSpec(5, "千村公路通畅", "城乡建设", "建设板盘至背塘四级通村油路。"),
        title="民生实事",
    )
    answer = _answerer(ledger).ask(question)
    assert (answer.intent, answer.targets[0]) == ("target", number)


ABBREVIATED = small_ledger(
    2020,
    TargetSpec(1, "储备林建设", "生态环境", "完成国家储备林建设任务2万亩。"),
    TargetSpec(2, "化学品企业搬迁", "安全生产", "完成危险化学品生产企业搬迁改造。"),
    TargetSpec(3, "四好农村路", "城乡建设", "建设四好农村路55公里。"),
    *(TargetSpec(n, f"道路{n}", "城乡建设", f"新建道路{n}公里。") for n in range(4, 10)),
    title="责任目标",
)


def test_an_abbreviation_made_of_the_ledgers_own_words_is_found_in_them():
    index = LedgerIndex(ABBREVIATED, load_lexicon())
    for question, number, pair in (("国储林完成没", 1, "国储"), ("危化企业搬了没", 2, "危化")):
        best = index.score(question)[0]
        assert best.number == number
        assert any(r.kind == "gap" and r.text == pair for r in best.reasons)


def test_a_pair_of_characters_most_targets_use_is_no_abbreviation():
    # 建 is in every target: 建好 is not looked for as 建设四好.
    scored = LedgerIndex(ABBREVIATED, load_lexicon()).score("路建好了吗")
    assert not any(r.kind == "gap" for c in scored for r in c.reasons)


def test_an_abbreviation_the_ledger_never_means_is_out_of_scope(roads):
    # 农村 matches two targets, but GDP (地区生产总值) is in none of ROADS' texts.
    assert roads.ask("农村GDP多少").intent == "unknown"
    economy = dataclasses.replace(
        ROADS,
        targets=(*ROADS.targets, TargetSpec(5, "经济增长", "经济发展", "地区生产总值增长6%。")),
    )
    answer = _answerer(economy).ask("今年GDP多少")
    assert (answer.intent, answer.targets[0]) == ("target", 5)


@pytest.mark.parametrize(
    "numeral",
    [
        "一",
        "十",
        "十二",
        "二十五",
        "一百零八",
        "三千零五",
        "两千",
        "二百五",
        "三千五",
        "五五",
        "一二三",
    ],
)
def test_chinese_numerals_read_directly_agree_with_cn2an(numeral):
    import cn2an

    assert chinese_number(numeral) == int(cn2an.cn2an(numeral, "smart"))


def test_a_homophone_slip_in_a_word_of_the_target_text_is_read_as_that_word():
    ledger = dataclasses.replace(
        ABBREVIATED,
        targets=(
            *ABBREVIATED.targets,
            TargetSpec(10, "农田建设", "农业农村", "新修梯田3000亩。"),
        ),
    )
    best = LedgerIndex(ledger, load_lexicon()).score("提田修了多少")[0]
    assert best.number == 10
    assert any(r.kind == "pinyin" and r.text == "梯田" for r in best.reasons)


# A drafted ledger keeps what its table's columns say in the progress text: stages of work and
# the names of the leaders who lead them.
SCHOOLS = small_ledger(
    2025,
        TargetSpec(1, "中学改扩建", "社会事业", "改扩建一所中学。",
                   progress_text="王明\n教育局\n正在进行装修施工。"),
        TargetSpec(2, "小学新建", "社会事业", "新建一所小学。",
                   progress_text="李红\n教育局\n已完成施工招标，正在办理施工许可证。"),
        TargetSpec(3, "幼儿园扩容", "社会事业", "新增学位300个。",
                   progress_text="王明\n教育局\n已完成招标，正在备货。"),
        TargetSpec(4, "老年食堂", "民生保障", "新建老年食堂5家。",
                   progress_text="李红\n民政局\n已建成3家。"),
    title="民生实事",
)  # fmt: skip


@pytest.mark.parametrize(
    ("question", "numbers"),
    [
        ("已经招标完的有哪些", (2, 3)),
        ("还在装修施工的有哪些", (1,)),
        ("王明牵头的有哪些", (1, 3)),
        ("李红负责的有哪几项", (2, 4)),
    ],
)
def test_a_list_by_what_the_targets_texts_say(question, numbers):
    answer = _answerer(SCHOOLS).ask(question)
    assert (answer.intent, answer.targets) == ("list", numbers)
    assert answer.reply.count("\n") >= len(numbers)


@pytest.mark.parametrize("question", ["张强牵头的有哪些", "还在拆迁的有哪些"])
def test_a_list_by_words_no_target_says_is_no_list(question):
    assert _answerer(SCHOOLS).ask(question).intent != "list"


@pytest.mark.parametrize(
    "question", ["今年这几件实事干得如何", "去年重点工作完成得怎么样", "这些实事进展如何"]
)
def test_the_ledger_pointed_at_asks_for_the_summary(roads, question):
    assert roads.ask(question).intent == "summary"


def test_an_everyday_word_for_selling_reaches_retail_sales():
    ledger = small_ledger(
        2024,
        TargetSpec(1, "社会消费品零售总额", "经济发展", "社会消费品零售总额增长8%。"),
        TargetSpec(2, "规上工业增加值", "经济发展", "规上工业增加值增长7%。"),
        TargetSpec(3, "文化驿站", "社会事业", "新增16个文化驿站。"),
        title="经济运行",
    )
    answer = _answerer(ledger).ask("超市卖货情况")
    assert (answer.intent, answer.targets[0]) == ("target", 1)


def test_a_cue_the_lexicon_reads_as_a_target_s_long_name_is_in_scope():
    # 税收 is a cue (tax questions) the lexicon reads as 财政收入: a ledger with a target
    # called so answers it, even when the rest of the question is filler no target writes.
    revenue = small_ledger(
        2020,
        TargetSpec(1, "固定资产投资", "经济发展", "固定资产投资增长6%。"),
        TargetSpec(2, "财政收入", "经济发展", "财政收入、"),
        TargetSpec(3, "规上工业增加值", "经济发展", "规上工业增加值增长5%。"),
        title="目标任务",
    )
    answer = _answerer(revenue).ask("税收收得怎么样")
    assert answer.intent == "target" and answer.targets[0] == 2
    # a ledger without one still rejects it
    bare = dataclasses.replace(revenue, targets=revenue.targets[:1] + revenue.targets[2:])
    assert _answerer(bare).ask("税收收得怎么样").intent == "unknown"


def test_a_cue_inside_a_word_the_leading_target_writes_is_the_ledger_s_word():
    # 明星 (a celebrity) is out of scope, 明星村 a village the target writes.
    gym = small_ledger(
        2022,
        TargetSpec(1, "多功能健身运动场", "社会事业", "建设明星村多功能健身运动场。"),
        TargetSpec(2, "文化驿站", "社会事业", "新增16个文化驿站。"),
    )
    answerer = _answerer(gym)
    assert answerer.ask("明星村那块打球的场地").targets == (1,)
    assert answerer.ask("明星八卦").intent == "unknown"


def test_kindergartens_are_preschool_education():
    ledger = small_ledger(
        2024,
        TargetSpec(1, "生均拨款", "社会事业", "学前教育生均拨款标准从每生每年500元提高到600元。"),
        TargetSpec(2, "自然村污水治理", "城乡建设", "新增完成186条自然村生活污水治理。"),
    )
    assert _answerer(ledger).ask("给幼儿园每个娃的钱涨了没").targets[:1] == (1,)


@pytest.mark.parametrize(
    ("question", "number"),
    [("冬天暖气管子新铺了多少", 1), ("那家要关停的企业处理完了吗", 3)],
)
def test_everyday_words_reach_what_a_report_writes(question, number):
    # 暖气 is the 供热 a report writes, 关停 its 关闭退出.
    ledger = small_ledger(
        2025,
        TargetSpec(1, "供热保障", "城乡建设", "在供热保障方面,新建管网2.5公里。"),
        TargetSpec(2, "自然村污水治理", "城乡建设", "新增完成186条自然村生活污水治理。"),
        TargetSpec(3, "化工公司关闭退出", "安全生产", "10月底之前完成某化工有限公司关闭退出。"),
    )
    assert _answerer(ledger).ask(question).targets[:1] == (number,)


def test_a_word_for_the_whole_ledger_is_no_homophone_slip():
    # 实事 (what the ledger's items are) is not a miswriting of the 实施 a target writes.
    ledger = small_ledger(
        2021,
        TargetSpec(1, "养老服务照料中心", "社会事业", "完成10家居家养老服务照料中心建设。"),
        TargetSpec(2, "残疾儿童康复", "社会事业", "为200名残疾儿童实施基本康复服务。"),
        TargetSpec(3, "文化驿站", "社会事业", "新增16个文化驿站。"),
    )
    answer = _answerer(ledger).ask("养老的两件实事进展")
    assert answer.targets[0] == 1
    assert not any(r.kind == "pinyin" for c in answer.candidates for r in c.reasons)


# A 重点项目 report's places, each said against the whole (整体进度) by its own figure.
PLACES = dataclasses.replace(
    small_ledger(
        2017,
        TargetSpec(
            1, "重点建设项目", "经济发展", "全区重点建设项目累计完成投资367.1亿元,完成73.4%。"
        ),
        TargetSpec(2, "绿建区", "经济发展", "绿建区投资完成率高于整体进度11.8个百分点。"),
        TargetSpec(3, "湖塘镇", "经济发展", "湖塘镇投资完成率与整体进度基本持平。"),
    ),
    preamble="重点建设项目1-9月整体进展情况",
)


@pytest.mark.parametrize(
    "question", ["高于整体进度11.8个百分点那条", "高于整体进度的那一项", "和整体进度持平那个"]
)
def test_a_question_pointing_at_one_item_is_no_summary(question):
    answer = _answerer(PLACES).ask(question)
    assert answer.intent == "target" and answer.targets[0] in (2, 3)


@pytest.mark.parametrize("question", ["哪些高于整体进度", "和整体进度持平的"])
def test_items_set_against_the_whole_are_no_summary(question):
    assert _answerer(PLACES).ask(question).intent != "summary"


def test_the_whole_in_summary_words_is_still_the_summary():
    assert _answerer(PLACES).ask("整体进展情况怎么样").intent == "summary"


def test_a_category_no_target_is_in_is_the_target_that_writes_its_name():
    sectors = small_ledger(
        2017,
        TargetSpec(1, "工业", "经济发展", "工业项目投资完成率高于总体进度5.8个百分点。"),
        TargetSpec(2, "事业进展", "经济发展", "社会事业进展不够理想,低于总体进度15.4个百分点。"),
    )
    for question in ("社会事业", "社会事业情况", "社会事业进展怎么样"):
        answer = _answerer(sectors).ask(question)
        assert (answer.intent, answer.targets[:1]) == ("target", (2,))
    assert _answerer(sectors).ask("经济发展怎么样").intent == "list"


# A 重点项目 report counting its projects by stage.
STAGES = small_ledger(
    2023,
    TargetSpec(1, "在建项目", "经济发展", "在建项目185项,1-6月累计完成投资235.8亿元。"),
    TargetSpec(2, "新开工项目", "经济发展", "计划新开工项目157项,已开工120项。"),
    TargetSpec(3, "预备项目", "经济发展", "预备项目188项,1-6月累计完成投资24.56亿元。"),
    TargetSpec(4, "投产项目", "经济发展", "计划投产项目55个,已投产54个。"),
)


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("已投产的有几个", 4),
        ("已投产的", 4),
        ("还在跑前期手续没动工的项目", 3),  # 没动工: 前期, 预备
        ("前期项目", 3),
    ],
)
def test_a_stage_a_report_counts_its_projects_by_is_that_count(question, number):
    answer = _answerer(STAGES).ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))


def test_which_targets_are_in_a_stage_is_still_a_list(roads):
    assert _answerer(STAGES).ask("哪些已投产").intent == "list"
    assert roads.ask("已投产的有几个").intent == "list"  # no target names the stage


PACED = small_ledger(
    2013,
    TargetSpec(
        1, "省重点投资项目", "经济发展", "省重点投资项目达到序时进度的项目7个,未达到的6个。"
    ),
    TargetSpec(2, "十大建设项目", "经济发展", "十大建设项目未达到序时进度的项目8个,达到的2个。"),
    TargetSpec(3, "财政支出", "经济发展", "公共财政预算支出完成年计划的70.2%。"),
)


@pytest.mark.parametrize(
    ("question", "number"),
    [("省重点项目达到序时进度的有几个", 1), ("十大建设项目到底有几个没达到序时进度", 2)],
)
def test_a_state_a_named_target_counts_its_projects_in_is_that_target(question, number):
    answer = _answerer(PACED).ask(question)
    assert (answer.intent, answer.targets[:1]) == ("target", (number,))


def test_the_same_state_asked_of_no_target_is_a_list():
    assert _answerer(PACED).ask("哪些达到序时进度了").intent == "list"


def test_the_projects_in_a_state_one_target_alone_counts_are_that_target():
    counted = dataclasses.replace(
        PACED,
        targets=(
            *PACED.targets[2:],
            TargetSpec(4, "开工在建项目数", "经济发展", "累计投入达到序时进度的项目有188个。"),
        ),
    )
    answer = _answerer(counted).ask("达到序时进度的项目有多少")
    assert (answer.intent, answer.targets[:1]) == ("target", (4,))
    assert _answerer(counted).ask("哪些达到序时进度了").intent == "list"


def test_work_under_way_in_everyday_words_is_the_projects_under_construction():
    invested = small_ledger(
        2023,
        TargetSpec(
            1, "在建项目", "经济发展", "在建项目185项,总投资1330.5亿元,累计完成投资235.8亿元。"
        ),
        TargetSpec(
            2, "新开工项目", "经济发展", "计划新开工项目157项,总投资506亿元,完成投资102亿元。"
        ),
        TargetSpec(3, "预备项目", "经济发展", "预备项目188项,总投资1108亿元,完成投资24.56亿元。"),
    )
    answer = _answerer(invested).ask("已经在干的那些工程投了多少钱")  # 在干: 在建
    assert (answer.intent, answer.targets[:1]) == ("target", (1,))

"""Progress figures that give the work's scope, not what was done: a clause opening on what
was chosen ("确定…12个") or saying what is needed ("共需…"), unless it goes on to say it was
done; and units 民生实事 lists set (盏, 米, 立方米, 口) (bot/drafting/mentions.py)."""

import pytest

from bot.drafting.mentions import bare_actual, mentions, restates_target, scope_of_a_step
from bot.drafting.pairing import pair_indicators
from bot.drafting.sentences import split_sentence, told_as_done


def _actuals(target: str, progress: str) -> dict[str, str]:
    return {
        p.indicator.unit: p.indicator.actual
        for p in pair_indicators(target, progress)
        if p.indicator.target
    }


@pytest.mark.parametrize(
    ("progress", "restated"),
    [
        ("确定新建村级文化广场12个,已完成选址", True),
        ("目前已确定改造对象300户", True),
        ("全镇共需更换供水管道45公里", True),
        ("确定的150名学生已全部开始接受资助", False),  # chosen, and then done
        ("化学需氧量排放量降至310吨", False),  # "需" of a word, not "needed"
        ("已完成改造280户", False),
    ],
)
def test_scope_figures_are_not_actuals(progress, restated):
    first = mentions(progress)[0]
    assert restates_target(first) is restated


def test_a_chosen_scope_leaves_the_figure_done_to_answer_the_target():
    actual = _actuals("建成8个社区食堂。", "确定建设社区食堂8个,已完成设计,3个已建成。")
    assert actual == {"个": "3"}


def test_what_is_needed_answers_no_target():
    assert _actuals("新增太阳能路灯600盏。", "摸排后全镇共需安装路灯640盏;已发布招标公告。") == {
        "盏": ""
    }


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("安装路灯500盏", "盏"),
        ("修建堤防3200米", "米"),
        ("清淤1.5万立方米", "万立方米"),
        ("整治山坪塘1.2万口", "万口"),
        ("新打机井36口", "口"),
    ],
)
def test_units_of_lamps_lengths_volumes_ponds_and_wells(text, unit):
    assert mentions(text)[0].unit == unit


def test_ponds_done_answer_the_ponds_to_do():
    assert _actuals("完成1.2万口山坪塘整治。", "已整治山坪塘9800口。") == {"万口": "9800"}
    assert mentions("解决3万农村人口饮水问题")[0].unit != "口"  # 人口 is people, not 口


@pytest.mark.parametrize(
    ("progress", "scope"),
    [
        ("12所学校智慧食堂建设项目招标公告已发布", True),
        ("8个口袋公园正着手开展设计和选址工作", True),
        ("15个村已完成施工招标", True),
        ("15个村已完成施工招标,其中6个村完成改造", False),  # its own clause: the 6
        ("已安装路灯320盏,其余在招标中", False),
        ("按方案完成改造300户", False),
    ],
)
def test_a_figure_beside_only_a_preparatory_step_counts_nothing_done(progress, scope):
    found = mentions(progress)
    last = found[-1]
    assert scope_of_a_step(last, progress) is scope


def test_a_restated_target_under_a_tender_answers_nothing():
    target = "建成20个智慧停车场和35个充电站。"
    progress = "20个智慧停车场和35个充电站建设招投标文件已发布。"
    assert _actuals(target, progress) == {"个": ""}


def test_a_bare_actual_is_read_after_the_figures_a_name_holds():
    target = mentions("建成20个智慧停车场和35个充电站")[1]  # named "…20个智慧停车场和"
    assert bare_actual(target, "20个智慧停车场和35个充电站建设招标已完成") is None
    lamps = mentions("新建太阳能路灯500盏")[0]
    assert bare_actual(lamps, "新建太阳能路灯320,其余在采购中") == "320"


@pytest.mark.parametrize(
    "sentence",
    [
        "计划新建15个社区书屋,现已建成9个,另有6个正在装修。",
        "计划新建15个社区书屋,已建成9个,其余6个正在装修。",
        "计划新建15个社区书屋,已建成9个,尚有6个在建。",
    ],
)
def test_the_rest_of_the_work_is_told_with_what_was_done(sentence):
    target_words, done_words = split_sentence(sentence)
    assert target_words == "计划新建15个社区书屋,"
    assert "9个" in done_words and "6个" in done_words
    assert _actuals(target_words, done_words) == {"个": "9"}


def test_a_stage_done_without_a_figure_leaves_the_figure_a_target():
    assert not told_as_done("新建幼儿园2所,目前主体已封顶。")
    assert not told_as_done("改造农贸市场3个,目前已完成招标。")
    assert told_as_done("为全镇600户困难家庭发放了取暖补贴,已全部到户。")


def test_energy_in_standard_coal_pairs_across_its_two_spellings():
    found = pair_indicators("全年节约用能2万吨标煤。", "已核定节能0.6万吨标准煤。")
    ind = next(p.indicator for p in found if p.indicator.target)
    assert (ind.target, ind.unit, ind.actual, ind.actual_unit) == (
        "2",
        "万吨标煤",
        "0.6",
        "万吨标准煤",
    )


def test_a_figure_that_sizes_the_things_counted_is_no_figure_of_the_work():
    found = [(m.value, m.unit) for m in mentions("实现500人以上行政村通客车比例95%以上")]
    assert found == [("95", "%")]
    found = [(m.value, m.unit) for m in mentions("培育年产值2000万元及以上企业15家")]
    assert found == [("15", "家")]
    # a figure with 以上 that ends its clause is the target itself
    found = [(m.value, m.unit) for m in mentions("新增就业3000人以上,培训1200人")]
    assert found == [("3000", "人"), ("1200", "人")]
    found = [(m.value, m.unit) for m in mentions("服务600人以上慢病患者 | 全镇9家卫生室")]
    assert found == [("600", "人"), ("9", "家")]  # the next cell's figure is not its things


def test_the_number_a_road_or_line_is_known_by_is_no_figure():
    from bot.drafting.text_figures import extract_figures

    assert [f.value for f in extract_figures("完成318国道改线工程,新开通5号线公交")] == []
    assert [f.value for f in extract_figures("改造县道12公里")] == ["12"]


def test_a_figure_still_to_come_is_no_actual():
    assert _actuals("建设乡村图书馆12家", "完成9家,3家将于明年春季开放。") == {"家": "9"}
    assert _actuals("改造桥梁6座", "已完工4座,2座预计年底完工") == {"座": "4"}

"""Names cut by their window read back to their clause's start, and counted titles of wholes
kept within a title's length. Made-up texts."""

from bot.drafting.mentions import mentions
from bot.drafting.name_cuts import whole_name
from bot.drafting.pairing import pair_indicators
from bot.drafting.same_titles import counted_title
from bot.drafting.titles import TITLE_MAX
from bot.understanding.tokenizer import make_tokenizer


def _names(text: str) -> list[str]:
    return [whole_name(m) for m in mentions(text)]


def test_a_name_cut_inside_a_word_is_read_back_to_its_clause():
    text = "11.市区老旧居民住宅小区信报箱建设工程完成投入300万元,已完成年度投资计划。"
    assert _names(text) == ["市区老旧居民住宅小区信报箱建设工程完成投入"]
    found = pair_indicators("", text)
    assert [p.indicator.name for p in found] == ["市区老旧居民住宅小区信报箱建设工程完成投入"]


def test_a_name_its_window_did_not_cut_stays_as_it_is():
    # the clause starts inside the window
    assert _names("文化惠民工程完成投入8250万元") == ["文化惠民工程完成投入"]
    # a conjunction before the window starts a measure of its own
    text = "埋设天然气主管道和城区污水处理厂配套主管网管道12公里"
    assert _names(text) == ["城区污水处理厂配套主管网管道"]
    # a figure earlier in the clause bounds the name
    text = "建设3个标准化体育公园和健身步道加大全民健身场地设施供给10处"
    assert _names(text)[1] == "步道加大全民健身场地设施供给"


def test_a_long_clause_keeps_the_cut_name():
    text = "按照省市统一部署要求扎实推进全县城乡居民基本医疗保险参保扩面征缴工作参保人数达到30万人"
    assert _names(text) == ["参保扩面征缴工作参保人数"]


def test_a_counted_title_that_would_be_too_long_loses_words_from_its_front():
    tokenizer = make_tokenizer()
    assert counted_title("公办幼儿园", 3, tokenizer) == "公办幼儿园等3项"
    title = counted_title("减少农村扶贫对象", 2, tokenizer)
    assert title.endswith("扶贫对象等2项") and len(title) <= TITLE_MAX
    assert (
        counted_title("减少农村扶贫对象", 2) == "减少农村扶贫对象等2项"
    )  # no tokenizer: as it was


def test_a_name_cut_inside_its_lead_word_loses_the_lead_word_whole():
    # the window kept "成…" of "完成…": read back, the lead word goes as a mention's name drops it
    assert _names("完成县中崛起一对一结对帮扶学校1所") == ["县中崛起一对一结对帮扶学校"]

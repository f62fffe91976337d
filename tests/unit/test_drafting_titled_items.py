"""An item that opens with a short title sentence, then its target and progress on the same
line ("1.城镇新增就业。年度目标5000人,截至9月底完成4200人。"): the title and the target are
read together (bot/drafting/report_text.py), and a clause of a result may open with the day
it is of (bot/drafting/sentences.py)."""

from bot.drafting.drafter import draft_ledger
from bot.drafting.report_text import parse_report
from bot.drafting.sentences import split_sentence

REPORT = """某县2030年民生实事前三季度进展情况
1.城镇新增就业。年度目标6000人,截至9月底完成4800人,完成率80%。
2.农村危房改造。计划改造危房300户,已竣工240户,其余60户正在施工。
3.城区停车位建设。新增公共停车位900个。目前已新增停车位400个,进度滞后。
4.规上工业增加值。其中,工业投资、技改投资2项指标未达到序时进度。
"""


def _pairs(text: str) -> dict[int, list[tuple[str, str]]]:
    ledger = draft_ledger(parse_report(text), 2030, text)
    return {
        t.number: [(i.target, i.actual) for i in t.indicators if i.target and i.actual]
        for t in ledger.targets
    }


def test_a_title_sentence_is_read_with_the_target_after_it():
    by = {t.number: t for t in parse_report(REPORT).targets}
    assert by[1].target_text.startswith("城镇新增就业。年度目标6000人")
    assert by[3].target_text == "城区停车位建设。新增公共停车位900个。"
    assert by[3].progress_text.startswith("目前已新增停车位400个")
    # A title followed by a remark on several items stays a title ("其中,…").
    assert by[4].target_text == "规上工业增加值。"


def test_titled_items_pair_their_targets_and_results():
    pairs = _pairs(REPORT)
    assert pairs[1] == [("6000", "4800")]
    assert pairs[2] == [("300", "240")]
    assert pairs[3] == [("900", "400")]


def test_a_result_clause_may_open_with_its_day():
    target_words, done_words = split_sentence("年度目标6000人,截至9月底完成4800人。")
    assert target_words == "年度目标6000人,"
    assert done_words == "截至9月底完成4800人。"
    target_words, done_words = split_sentence("全年计划培训1200人,1-10月完成培训1100人。")
    assert target_words and "1100人" in done_words

"""A whole listed before its parts takes a title of its own ("…等2项"), a name the copy breaks
off in is shown cut ("…"), and a quoted verdict starts after an aside closed before it. Made-up
texts."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.shares import clause_around

REPORT = (
    "截至2024年12月31日,县委、县政府“八件实事”涉及的12项工作任务全面完成。具体情况如下:\n"
    "1.一、新增城镇就业岗位3200个;开展职业技能培训5000人次。(责任单位:县人社局)该件实事已全面完成\n"
    "2.新增城镇就业岗位3200个(责任单位:县人社局)\n"
    "此项工作已完成。全县新增城镇就业岗位3350个。\n"
    "3.开展职业技能培训5000人次。(责任单位:县人社局)\n"
    "此项工作已完成。全县开展职业技能培训5120人次。\n"
    "4.二、新建社区养老服务站12个,日间照料中心4个。(责任单位:县民政局)该件实事已全面完成\n"
    "5.新建社区养老服务站12个(责任单位:县民政局)\n"
    "此项工作已完成。全县新建社区养老服务站12个。\n"
)


def _drafted_targets() -> dict:
    drafted = draft(parse_report(REPORT), REPORT, today=dt.date(2025, 1, 10))
    return {t.number: t for t in drafted.ledger.targets}


def _titles() -> dict[int, str]:
    return {n: t.title for n, t in _drafted_targets().items()}


def test_a_whole_sharing_its_first_parts_title_counts_its_tasks():
    titles = _titles()

    def counts(whole: int, part: int) -> bool:
        # "城镇就业岗位等2项" would be 9 characters: the whole loses front words to fit 8
        head = titles[whole].removesuffix("等2项")
        return head != titles[whole] and titles[part].endswith(head) and len(titles[whole]) <= 8

    assert counts(1, 2)
    # the full form the title was cut from stays an alias, words a leader may still use
    whole = _drafted_targets()[1]
    assert f"{_drafted_targets()[2].title}等2项" in whole.aliases
    # One part listed of three tasks the whole sets: the whole's clauses count them.
    assert counts(4, 5)
    assert len(set(titles.values())) == len(titles)


def test_a_quote_starts_after_an_aside_closed_before_it():
    text = "(责任单位:县民政局,各乡镇)该件实事已全面完成"
    at = text.index("已全面完成")
    assert clause_around(text, at, at + 5) == "该件实事已全面完成"
    # A bracket opened and closed inside the clause is part of its words.
    text = "6个县(市)区98个村“美丽庭院”行动已全部验收"
    at = text.index("已全部")
    assert clause_around(text, at, at + 3) == text


CUT = (
    "2024年县民生实事进展情况\n"
    "1.“新建城市书房3座”\n"
    "2.“改造农贸市场2个”\n"
    "3.“新增公办托育机构2家”\n"
    "4.“新开办4所公办幼\n"
)


def test_a_name_the_copy_breaks_off_in_is_shown_cut_and_sent_to_review():
    drafted = draft(parse_report(CUT), CUT, today=dt.date(2024, 9, 1))
    last = drafted.ledger.targets[-1]
    assert last.title.endswith("…")
    title = next(g for g in drafted.guesses[last.number] if g.field == "title")
    assert title.confidence < 0.6
    assert not any(t.title.endswith("…") for t in drafted.ledger.targets[:-1])


def test_a_title_cut_inside_a_quoted_name_takes_it_whole():
    from bot.drafting.title_mends import whole_quoted_names
    from bot.drafting.words import Reading

    text = "谋划实施“2+4+X”重点任务和“1+3”改革项目"
    assert whole_quoted_names(Reading("+X重点", "", 0.7), text).value == "2+4+X重点"
    # A title of its own words is left as it is.
    assert whole_quoted_names(Reading("重点任务", "", 0.7), text).value == "重点任务"

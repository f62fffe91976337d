"""Two targets of one name in two lists (a 省实事 and a 市实事 run): the list's name, from the
heading each is listed under, tells them apart. Made-up texts."""

import datetime as dt

from bot.drafting.drafter import draft
from bot.drafting.report_text import parse_report
from bot.drafting.same_titles import list_scope

TWO_LISTS = (
    "2021年1-9月县重点民生实事推进情况\n"
    "截至9月30日,县实事8件中有5项已完成;其中,进度滞后的2项分别是:\n"
    "1.农村饮水提质、\n"
    "2.乡镇卫生院改造。\n"
    "镇实事6件中,有4项已完成。其中,进展滞后的2项分别是:\n"
    "3.农村饮水提质、\n"
    "4.村级活动场所建设。\n"
)


def test_a_heading_names_the_list_it_counts_from():
    assert list_scope("截至9月30日,县实事8件中有5项已完成;其中,进度滞后的2项分别是:") == "县实事"
    assert list_scope("1-9月,进度滞后的项目分别是:") == ""


def test_two_targets_of_one_name_in_two_lists_take_the_lists_names():
    drafted = draft(parse_report(TWO_LISTS), TWO_LISTS, today=dt.date(2026, 12, 6))
    titles = {t.number: t.title for t in drafted.ledger.targets}
    assert titles[1] != titles[3]
    # The list's name, before the shared name (distinct_titles.py, ≤ 8 characters) or after it.
    assert "县实事" in titles[1] and "镇实事" in titles[3]
    assert titles[2] == "乡镇卫生院改造" or "（" not in titles[2]

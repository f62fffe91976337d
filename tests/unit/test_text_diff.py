"""Readable changes of long texts for /history and /undo."""

from bot.domain.text_diff import describe_change

NOTE = (
    "2019年全县居民人均可支配收入15147.26元,增幅3.4%,其中城镇居民人均可支配收入"
    "25000元,农村居民人均可支配收入12000元。"
)


def test_short_texts_are_shown_whole():
    assert describe_change("24.43", "25.1") == "24.43 → 25.1"
    assert describe_change("", "已完成") == "（空） → 已完成"


def test_a_long_text_shows_the_changed_words_in_context():
    changed = NOTE.replace("15147.26", "16000")
    assert describe_change(NOTE, changed) == "…民人均可支配收入［“15147.26”→“16000”］元,增幅3.4%…"


def test_additions_and_removals_are_named():
    assert describe_change(NOTE, NOTE + "四季度数据未出。").endswith("［加上“四季度数据未出。”］")
    assert describe_change(NOTE, NOTE.replace(",增幅3.4%", "")) == (
        "…5147.26元［删去“,增幅3.4%”］,其中城镇居民人…"
    )


def test_many_changes_are_counted_beyond_three():
    changed = NOTE.replace("2019", "2020").replace("3.4", "3.5").replace("25000", "26000")
    changed = changed.replace("12000", "13000")
    assert describe_change(NOTE, changed).endswith("；另有1处改动")


def test_whitespace_only_changes_say_so():
    assert describe_change(NOTE, NOTE.replace("。", "。 ", 1) + "  ") == "（内容未变，仅空白不同）"


def test_a_text_replaced_by_another_is_shown_old_then_new():
    # h-trial16: /undo of a new 认定理由 read "［加上“…还存在”］缺口已补齐；缺口［“已补齐”→…］"
    old = (
        "违法占用耕地比例“已降至6.9%”，但耕地保护目标任务未完成："
        "“经代保后我县还存在缺口3.88万亩……争取逐步完成耕地保有量任务”"
    )
    assert describe_change(old, "缺口已补齐") == (
        "违法占用耕地比例“已降至6.9%”，但耕地保护目标任务未完成：“经代保后我县还存在缺口3.88万亩……"
        "争取逐步完成耕地…"
        " → 缺口已补齐"
    )
    assert describe_change("缺口已补齐", old).startswith("缺口已补齐 → 违法占用耕地")

"""How `import` states a field an admin changed that the file would change too: as the
history reads, never the stored JSON ("文件='{\"target\": \"3000\", …}'" before)."""

from __future__ import annotations

import json

from bot.chat.audit_text import conflict_text


def _indicator(actual: str, as_of: str = "") -> str:
    return json.dumps(
        {"target": "3000", "unit": "户", "comparator": ">=", "actual": actual, "as_of": as_of},
        ensure_ascii=False,
    )


def test_an_indicator_conflict_names_the_parts_that_differ():
    line = conflict_text(
        "indicator:农村户厕改造", _indicator("3000"), _indicator("2150", "截至12月")
    )
    assert line == (
        "农村户厕改造完成值：文件“3000”，数据库“2150”；农村户厕改造数据时点：文件（空），数据库“截至12月”"
    )


def test_a_progress_text_conflict_shows_where_the_texts_part():
    imported = "12个老旧小区已全部开工，完工9个，惠及居民1420户。"
    noted = imported + "\n（2021-12-08补充）12个小区已完工验收"
    line = conflict_text("progress_text", imported, noted)
    assert line == "进展：文件“…1420户。”，数据库“…1420户。 （2021-12-08补充）12个小区已完工验收”"


def test_a_short_conflict_is_shown_whole():
    assert (
        conflict_text("title", "各项贷款", "新增贷款") == "简称：文件“各项贷款”，数据库“新增贷款”"
    )

"""A change by a figure whose unit the text leaves out, closing its clause ("月人均标准提高50,"):
the figure is kept as written, without a unit, beside its siblings that write theirs.

Every example is a short made-up report, not a line of a real one."""

from bot.drafting.mentions import mentions


def _figures(text: str) -> list[tuple[str, str]]:
    return [(m.value, m.unit) for m in mentions(text)]


def test_a_raise_closing_its_clause_without_a_unit_is_a_figure():
    text = "将城镇低保月标准提高40,农村低保年标准提高300元;"
    assert _figures(text) == [("40", ""), ("300", "元")]


def test_a_bare_number_elsewhere_is_still_no_figure():
    assert _figures("完成3号楼建设,新建道路5公里") == [("5", "公里")]
    assert _figures("补助标准提高40以上的部分由县财政承担") == []  # the clause goes on

"""Hostile text for the fuzz tests of the chat core and the CLI: odd characters (control,
right-to-left, full-width, emoji, traditional), odd numbers and days, SQL-ish words, and text
too long for any message. One set, so a case added here reaches every front end."""

from __future__ import annotations

from hypothesis import strategies as st

RTL = "\u05d0\u05d1\u0627\u0644\u0639\u0631\u0628\u064a\u0629\u200f\u202e\u2067\u061c"
CONTROL = "".join(chr(c) for c in (*range(0, 32), 127, 0x85, 0x2028, 0x2029, 0xFEFF, 0x200B))
HANZI = "新增贷款完成了吗哪些没完成固投第十二项民政局目标进展亿元万人户"
TRADITIONAL = "新增貸款完成了嗎哪些沒完成固定資產投資第十二項民政局目標進展億元萬戶縣財政"
FULL_WIDTH = "０１２３４５６７８９．，。；：！？（）％＋－／　"
EMOJI = ["😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "✅", "⚠️"]
ODD_NUMBERS = [
    "-1", "0", "-0", "1e309", "-1e309", "NaN", "nan", "inf", "Infinity", "1e-400",
    "99999999999999999999999", "12.5.6", "１２", "٣", "⑫", "十二", "0x10", "1_000",
    "9" * 400, "67", "2147483648", "25.1亿元", "-25.1亿元", "1e309亿元", "NaN亿元", "25.1光年",
    "25.1 平方光年", "２５．１亿元", "百分之九十", "120%", "-5%", "1e9999%",
    "-99999999999999999999999", "9223372036854775808",
]  # fmt: skip
ODD_DATES = [
    "2020-02-30", "2月30日", "2020-13-01", "2020-00-10", "0000-01-01", "9999-12-31",
    "2021-02-29", "13月", "1-13月", "截至2月30日", "２０２０－１２－３１", "2020/12/31",
    "12月32日", "截止2020年13月", "年底前", "", "0001-01-01", "0001-01-08", "0001-01-01T00:00",
    "9999-12-31T23:59", "1899-12-31",
]  # fmt: skip
# Text a careless store would run as SQL or as a LIKE pattern.
SQL_ISH = [
    "'; DROP TABLE target; --", "1 OR 1=1", "' OR ''='", "%", "_", "%%", "\\", "\"", "'",
    "12; DELETE FROM auditentry", "县民政局' --", "/* */", "NULL", "0x00",
]  # fmt: skip

characters = st.one_of(
    st.characters(exclude_categories=("Cs",)),
    st.sampled_from(RTL + CONTROL + HANZI + TRADITIONAL + FULL_WIDTH),
)
pieces = st.one_of(characters, st.sampled_from(EMOJI))  # an emoji may be several code points
short_text = st.lists(pieces, max_size=30).map("".join)


def odd_words(words: list[str]) -> st.SearchStrategy[str]:
    """One argument: an odd number or day, SQL-ish text, one of `words` (what the front end
    under test knows), any integer or float, or a few odd characters."""
    return st.one_of(
        st.sampled_from(ODD_NUMBERS),
        st.sampled_from(ODD_DATES),
        st.sampled_from(SQL_ISH),
        st.sampled_from(words),
        st.integers(-(10**30), 10**30).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        short_text,
    )


long_text = st.builds(
    lambda s, n: (s * 10_000)[:n],
    st.lists(pieces, min_size=1, max_size=8).map("".join),
    st.sampled_from([4096, 10_000]),
)
free_text = st.one_of(
    st.sampled_from(["", " ", "\u3000", "\n\t", "\u200b", "。", "？", *SQL_ISH]),
    st.lists(pieces, max_size=200).map("".join),
    st.lists(st.sampled_from([*HANZI, *TRADITIONAL, *FULL_WIDTH, *EMOJI]), max_size=40).map(
        "".join
    ),
    long_text,
)

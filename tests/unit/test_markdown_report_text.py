"""A Markdown report is read as the text it shows, line for line, as a Chinese editor writes it:
the things a CommonMark parser (markdown-it-py, measured) loses or leaves here are kept right:
bold around full-width quotes ("**“重点项目”**完成…", whose ** CommonMark leaves in the text, as
a CJK letter follows the closing quote), a numbered item's own number (the drafter reads "1."
as the start of a target; a parser keeps it only as a list attribute), and one line per line
(a parser joins a paragraph's lines)."""

from bot.render.markdown_text import markdown_plain


def test_bold_around_full_width_quotes_is_taken_off():
    assert markdown_plain("**“重点项目”**完成投资26.4亿元") == "“重点项目”完成投资26.4亿元"


def test_numbered_items_keep_their_numbers_and_lines():
    text = "1. 新增贷款14亿元。\n2. 固投增长8%。\n一、经济发展\n二、社会事业"
    assert markdown_plain(text) == text


def test_a_table_row_reads_as_a_word_row():
    assert markdown_plain("| 序号 | 目标 |\n|---|---|\n| 1 | 新增贷款 |") == (
        "序号 | 目标\n1 | 新增贷款"
    )

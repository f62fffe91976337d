"""A ledger TOML file with a mistake is refused in Chinese, naming the target and the key
to fix in the file's own key names, as a spreadsheet's refusal names its row and column."""

from __future__ import annotations

import re

import pytest

from bot.render.ledger_toml import LedgerFileError, dump_ledger, parse_ledger

CASES = [
    (
        'actual = "24.43"',
        'actual = "很多"',
        "indicators[0].actual：数值无效，“很多”不是数字",
    ),
    ('actual = "24.43"', "actual = 24.43", "第12项目标 indicators[0].actual：应为加引号的文字"),
    # a count below zero, which /set and a sheet refuse, was loaded as it stood
    (
        'actual = "500"',
        'actual = "-500"',
        "第30项目标 indicators[0].actual：“-500”是负数，“新建停车位”不会小于0，请填写0或正数",
    ),
    ('title = "新增贷款"', 'title = ""', "第12项目标 title：不能为空"),
    (
        'role = "lead"',
        'role = "boss"',
        "units[0].role：应为 lead（牵头）或 assist（配合）",
    ),
    ("done = true", 'done = "yes"', "deadlines[0].done：应为 true 或 false"),
    ('date = "2020-12-31"', 'date = "2020-13-01"', 'deadlines[0].date：应为日期 "YYYY-MM-DD"'),
    ('comparator = ">="', 'comparator = ">>"', "indicators[0].comparator：应为 >=、<= 或 ="),
    ('category = "经济发展"', 'category = "外太空"', "第1项目标 category：应为 经济发展、"),
    # a number that cannot name its target: the section's place in the file and its title do
    (
        "number = 12",
        "number = 0",
        "文件中第12节 [[targets]]（title 为“新增贷款”）的 number 是 0，序号应为1或更大的整数",
    ),
    ("number = 12", 'number = "abc"', "文件中第12节 [[targets]]（title 为“新增贷款”）的 number"),
    ("number = 12", "number = 11", "第11项目标出现了两次（number 重复）"),
    ('status_override = ""', 'status_override = "很好"', "status_override：应为 超额完成、"),
    ("aliases = [", "aliases = [1, ", "aliases：应为文字的列表"),
    ("year = 2020", 'year = "二〇二〇"', "meta.year：应为台账年份（整数）"),
    ("year = 2020", "year = = 2020", "第3行第8列：不是有效的TOML写法：等号后不是有效的值"),
    # h-trial16: the parser's English alone ("Illegal character '\n'") told staff nothing
    ('title = "新增贷款"', 'title = "新增贷款', "TOML写法：引号里的文字没有写结尾的引号"),
    ("year = 2020", "year = 2020\nyear = 2021", "同一节里这个键写了两次，请删去一行"),
    # a year out of range was imported as it stood ("新增20210年台账")
    ("year = 2020", "year = 20210", "meta.year：应为1900到2200之间的台账年份，而不是 20210"),
    ("year = 2020", "year = 1899", "meta.year：应为1900到2200之间的台账年份，而不是 1899"),
    ("year = 2020", "year = 2201", "meta.year：应为1900到2200之间的台账年份，而不是 2201"),
]


@pytest.mark.parametrize(("old", "new", "said"), CASES)
def test_a_mistake_is_refused_in_chinese_at_its_target_and_key(ledger_2020, old, new, said):
    text = dump_ledger(ledger_2020)
    assert old in text
    with pytest.raises(LedgerFileError) as refused:
        parse_ledger(text.replace(old, new, 1), "l.toml")
    message = str(refused.value)
    assert message.startswith("l.toml: ") and said in message
    english = re.sub(r"\(.*?\)|（[^）]*Expected[^）]*）|'[^']*'", "", message)
    assert not re.search(r"\b(must|required|not valid|should|appears)\b", english), message

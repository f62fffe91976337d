"""What a ledger TOML the parser refuses is told: the place first, then what tomllib's
complaint means in Chinese and what to write instead, its own words kept in brackets."""

from __future__ import annotations

import re
import tomllib

# What the parser's commonest complaints mean, and what to write instead (tomllib's words).
_TOML_GLOSS = (
    ("Illegal character '\\n'", "引号里的文字没有写结尾的引号（一行写完，多行文字用三个引号）"),
    (
        "Invalid value",
        '等号后不是有效的值：文字加英文双引号，如 title = "新增贷款"；数字直接写，如 number = 12',
    ),
    ("Cannot overwrite a value", "同一节里这个键写了两次，请删去一行"),
    ("Expected ']'", "方括号没有闭合，节名应写成 [meta] 或 [[targets]]"),
    ("Expected newline", "一行只写一个“键 = 值”，值后面多了内容"),
    ("Unescaped '\\'", "文字中的反斜杠 \\ 要写成两个 \\\\"),
    ('Expected "\'"', "引号没有闭合"),
    ("Expected '\"'", "引号没有闭合"),
    ("Unterminated string", "引号没有闭合"),
)


def toml_syntax(exc: tomllib.TOMLDecodeError) -> str:
    """ "第1行第7列：不是有效的TOML写法：引号里的文字没有写结尾的引号…（Illegal character…）":
    the place first, then what it means in Chinese when the parser's words are known."""
    text = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", text)
    detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", text)
    gloss = next((f"：{said}" for words, said in _TOML_GLOSS if detail.startswith(words)), "")
    if found is None:
        return f"不是有效的TOML写法{gloss}（{detail}）"
    return f"第{found.group(1)}行第{found.group(2)}列：不是有效的TOML写法{gloss}（{detail}）"

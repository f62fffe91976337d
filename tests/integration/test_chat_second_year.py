"""A county's second year, as the office brings it in: `import-report` drafts the 平阳 2021
民生实事 report (a dev folder), `import` puts it beside 2020, and leaders ask in the chat."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.app.services import open_engine
from bot.config import load_config
from bot.render.replies import EXAMPLES, ledger_examples
from tests.auxil.chats import ADMIN, admin_chat

REPORT = Path(__file__).resolve().parents[1] / "data" / "reports" / "pingyang-2021-07"


@pytest.fixture
def service(run_cli, cli_config_path, tmp_path):
    draft = tmp_path / "pingyang-2021.toml"
    code, _, err = run_cli(
        "import-report", str(REPORT / "report.txt"), "-o", str(draft), "--year", "2021"
    )
    assert code == 0, err
    code, out, err = run_cli("import", str(draft))
    assert code == 0 and out.startswith("新增2021年台账"), err
    # the draft went in as it came: the admin is told its guesses are still unchecked
    # (how many: the drafting rules decide)
    note = out.splitlines()[-1]
    assert re.match(r"注意：文件中还有\d+处“# 待核”标记（import-report 的推测", note), note
    config = load_config(cli_config_path)
    return admin_chat(config, open_engine(config))


def test_help_and_no_match_suggest_what_the_new_years_ledger_holds(service):
    [help_reply] = service.command(ADMIN, "help", "")
    assert "新增贷款" not in help_reply.text and "固投" not in help_reply.text
    assert "“基础设施改造提升完成了吗”、“管理系统建设进展怎么样”、“第1项”" in help_reply.text
    [unknown] = service.question(ADMIN, "今天天气怎么样")
    assert unknown.text == (
        "抱歉，台账中没有找到与这个问题对应的目标。\n"
        "可以试试这样问：“基础设施改造提升完成了吗”、“管理系统建设进展怎么样”、“哪些没完成”"
    )
    [aside] = service.question(ADMIN, "谁负责")
    assert aside.text.startswith("请先问一项目标（如“基础设施改造提升完成了吗”）")
    [not_held] = service.question(ADMIN, "前年的造林")
    assert not_held.text == (
        "数据库中没有2019年的台账（现有：2020年、2021年）。"
        "请问现有年度的目标，例如“2021年的基础设施改造提升”。"
    )
    # each suggestion, asked, answers a target of this year's ledger
    for asked, number in (("基础设施改造提升完成了吗", 1), ("管理系统建设进展怎么样", 2)):
        [answer] = service.question(ADMIN, asked)
        assert answer.text.startswith(f"第{number}项 "), asked


def test_a_half_match_of_a_common_word_yields_to_the_year_that_holds_the_target(service):
    # Before, 新增 of 新增贷款 answered 2021's 托位 ("新增3岁以下婴幼儿照护服务机构"), a guess
    # on half a word of the question, while 2020's ledger names 新增贷款 itself.
    for asked in ("新增贷款", "新增贷款完成了吗"):
        [reply] = service.question(ADMIN, asked)
        assert reply.text.startswith(
            "2021年台账中没有找到与这个问题对应的目标。\n2020年台账中有第12项 新增贷款，"
        ), reply.text


def test_the_2020_ledger_keeps_its_own_examples(ledger_2020):
    assert ledger_examples(ledger_2020) == EXAMPLES

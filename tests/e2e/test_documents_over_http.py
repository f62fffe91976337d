"""Leaders receive the report, charts, exports and the 红黄绿榜 through the fake Bot API."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document

from tests.auxil.bot_harness import ADMIN, bot_config, running_bot


@pytest.fixture
async def bot(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as driver:
        yield driver


def upload(exchange, method, field):
    [call] = exchange.of(method)
    return call.files[field]


async def test_report_arrives_as_a_word_document(bot):
    exchange = await bot.say(ADMIN, ADMIN, "/report")
    document = upload(exchange, "sendDocument", "document")
    assert document["filename"] == "工作落实情况汇报_2021-01-15.docx"
    paragraphs = [p.text for p in Document(io.BytesIO(document["content"])).paragraphs]
    assert any(text.startswith("12.") for text in paragraphs)
    assert exchange.of("sendDocument")[0]["caption"].endswith("工作落实情况汇报")


async def test_report_txt_is_split_into_messages(bot):
    exchange = await bot.say(ADMIN, ADMIN, "/report txt")
    texts = exchange.texts
    assert len(texts) >= 2 and all(len(t) <= 4096 for t in texts)
    assert texts[0].startswith("2020年初,县督查局")
    assert "附表：目标落实情况汇总" in "\n".join(texts)


async def test_charts_arrive_as_photos(bot):
    for command in ("/chart", "/chart 56"):
        exchange = await bot.say(ADMIN, ADMIN, command)
        photo = upload(exchange, "sendPhoto", "photo")
        assert photo["content"].startswith(b"\x89PNG\r\n\x1a\n")


async def test_export_csv_and_units_board(bot):
    exchange = await bot.say(ADMIN, ADMIN, "/export csv")
    document = upload(exchange, "sendDocument", "document")
    rows = list(csv.reader(io.StringIO(document["content"].decode("utf-8-sig"))))
    assert rows[0][:3] == ["序号", "目标任务", "责任单位"]
    board = (await bot.say(ADMIN, ADMIN, "/units")).text
    assert board.startswith("红黄绿榜（2021-01-15，2020年度已结束）")
    # the 2020 year is over on 2021-01-15: how the target ended, not days overdue into 2021
    assert "🔴16.耕地保护 " in board and "逾期" not in board


async def test_a_bulletins_reply_day_is_a_working_day(config, engine, fake):
    # Before, five days after 2020-09-28 asked units to reply by 10月3日, in the National Day
    # holiday; the next working day of the work calendar is Friday 10月9日.
    import dataclasses
    import datetime as dt

    monday = dataclasses.replace(config, today=dt.date(2020, 9, 28))
    async with running_bot(bot_config(monday, fake), engine, fake) as bot:
        exchange = await bot.say(ADMIN, ADMIN, "/report 通报")
        assert "被通报的牵头单位须于10月9日前报送整改措施" in exchange.texts[0], exchange.texts

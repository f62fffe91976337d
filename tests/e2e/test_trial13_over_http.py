"""What using the bot found (h-trial13), over HTTP against the fake Bot API.

A unit answered its reminder with a photo captioned with its progress; the office approved it;
a leader then asked "耕地保护有什么新进展" and the card's 进展 was the first 120 characters of the
imported text: the approved report, appended at its end, was cut off, as every /note is on a
long progress text (12 of the 2020 ledger's 66). The card now keeps the text's opening and
the latest dated note.

With 2021 imported, "GDP完成了吗" was "2021年台账中没有“经济运行”方面的目标…", where "固投排第几"
was told that 2020's ledger holds it: a question that names only a topic word found no topic
target this year and was never asked of the other years. It now names 2020's 第53项, as a
question about a target 2021 lacks does.

"再下一个" under a list opened 第11项 资本市场融资 (whatever its characters scored), where
"下一个" stepped to the list's next entry; "再", "接着" and "继续" before it now step too.

A unit reported "/report 16 违法占用耕地面积比例 -5%" and it went to the office as a figure to
approve: only counts and quantities were refused below zero, % never (a growth rate may fall).
A % named as a share of a whole (比例, 占比, 覆盖率…) is now refused too, unless its name says
a change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import ADMIN, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import reminders_for

GROUP = -1001234567  # 县自然资源局's work group
LEADER = 902
KW = {"chat_type": "supergroup"}


async def test_a_units_approved_report_shows_on_the_card_leaders_get(config, engine, fake):
    subscribe(engine, "县自然资源局", GROUP)
    on_day = bot_config(dataclasses.replace(config, today=dt.date(2020, 12, 24)), fake)
    async with running_bot(on_day, engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        reminder = reminders_for(fake, GROUP, 16)[0].result["message_id"]
        photo = b"\x89PNG\r\n\x1a\n" + bytes(60)
        news = "县政府已向市政府申请核减耕地保护指标，正在等待批复"
        sent = await bot.send_file(GROUP, 501, photo, caption=news, reply_to=reminder, **KW)
        assert sent.texts[0].startswith("已收到第16项的进展报送（编号1），待督查局审核")
        assert sent.texts[1].startswith("已保存第16项的佐证材料")
        pending = await bot.say(ADMIN, ADMIN, "/pending")
        [[(label, approve), _]] = keyboard(pending.sent[0])
        assert label == "采纳"
        await bot.press(ADMIN, ADMIN, pending.sent[0].result["message_id"], approve)
        card = await bot.say(LEADER, LEADER, "耕地保护有什么新进展")
        assert card.text.startswith("第16项 耕地保护：🔴未完成"), card.text
        [progress] = [line for line in card.text.split("\n") if line.startswith("进展：")]
        assert progress.startswith("进展：根据三调统一时点更新初步统计数据"), progress
        assert progress.endswith(f"…（2020-12-24补充）{news}"), progress
        # an admin's /note after it: the latest note shows, the opening still leads
        asked = await bot.say(ADMIN, ADMIN, "/note 16 市政府已批复核减指标")
        [[(_, confirm), _]] = keyboard(asked.sent[0])
        await bot.press(ADMIN, ADMIN, asked.message_id, confirm)
        card = await bot.say(LEADER, LEADER, "耕地保护有什么新进展")
        [progress] = [line for line in card.text.split("\n") if line.startswith("进展：")]
        assert progress.startswith("进展：根据三调统一时点更新初步统计数据"), progress
        assert progress.endswith("…（2020-12-24补充）市政府已批复核减指标"), progress


async def test_a_subject_of_last_years_ledger_only_is_pointed_to_that_year(config, engine, fake):
    from bot.config import PROJECT_ROOT
    from bot.render.ledger_toml import load_ledger_file
    from bot.store.ledger_import import load_ledger

    ledger = load_ledger_file(PROJECT_ROOT / "tests" / "data" / "ledger_2021.toml")
    load_ledger(engine, ledger, source="ledger_2021.toml")  # 2021: 新增贷款, 造林绿化, 城市书房
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        for question, held in (
            ("GDP完成了吗", "第53项 GDP增速"),
            ("经济增速怎么样", "第53项 GDP增速"),
        ):
            answer = await bot.say(LEADER, LEADER, question)
            assert answer.text.startswith(
                "2021年台账中没有找到与这个问题对应的目标。\n"
                f"2020年台账中有{held}，可以问“2020年的"
            ), (question, answer.text)
        # a topic 2020 holds several targets of keeps the answer that names the topics held
        several = await bot.say(LEADER, LEADER, "防疫怎么样")
        assert several.text.startswith("2021年台账中没有“疫情防控”方面的目标。"), several.text
        # a greeting, or a number 2021 lacks, is never pointed to 2020
        hello = await bot.say(LEADER, LEADER, "你好")
        assert hello.text.startswith("您好！"), hello.text
        number = await bot.say(LEADER, LEADER, "第12项")
        assert "2020年台账中有" not in number.text, number.text


async def test_the_next_one_again_steps_through_the_list(config, engine, fake):
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        await bot.say(ADMIN, ADMIN, f"/grant {LEADER} 李县长")
        listed = await bot.say(LEADER, LEADER, "未完成的有哪些")
        assert listed.text.startswith("未完成的目标（共3项）：\n🔴 16. 耕地保护"), listed.text
        steps = ("下一个", "再下一个", "接着下一项", "再下一个", "继续上一个")
        for words, opens in zip(
            steps, ("第16项", "第35项", "第62项", None, "第35项"), strict=True
        ):
            answer = await bot.say(LEADER, LEADER, words)
            if opens is None:
                assert answer.text.startswith("这已是刚才清单的最后一项（共3项）"), answer.text
            else:
                assert answer.text.startswith(f"{opens} "), (words, answer.text)


async def test_a_negative_share_is_refused_from_a_unit_and_an_admin(config, engine, fake):
    subscribe(engine, "县自然资源局", GROUP)
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        unit = await bot.say(GROUP, 501, "/report 16 违法占用耕地面积比例 -5%", **KW)
        assert unit.text.startswith(
            "数值不能为负数：第16项“违法占用耕地面积比例”是比例，不会小于0，你输入的是-5%。"
            "请填写0或正数，例如 /report 16 违法占用耕地面积比例 5%"
        ), unit.text
        admin = await bot.say(ADMIN, ADMIN, "/set 14 普惠金融服务站占行政村比例 -3")
        assert admin.text.startswith("数值不能为负数：第14项“普惠金融服务站占行政村比例”是比例")
        # a rate that says a change (增速, 下降) may still fall below zero
        growth = await bot.say(ADMIN, ADMIN, "/set 1 固定资产投资增速 -3% 1-11月")
        assert growth.text.startswith(
            "请确认以下修改：\n第1项 固定资产投资增速 完成值：6.3% → -3%"
        )

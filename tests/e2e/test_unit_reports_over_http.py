"""A unit's group reports over HTTP against the fake Bot API: what it is told when it names a
target of another unit or one the ledger does not hold, and when its report is too long.

县卫健委's group (-1003300, member 501, no viewer rights) is subscribed to 县卫健委 only.
"""

from __future__ import annotations

from bot.app.reminders import subscribe
from tests.auxil.bot_harness import REFUSAL, bot_config, keyboard, running_bot
from tests.auxil.reminder_harness import reports

GROUP = -1003300
MEMBER = 501
GROUP_KW = {"chat_type": "supergroup"}


async def test_a_unit_naming_another_units_target_is_told_its_own(config, engine, fake):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        other = await bot.say(GROUP, MEMBER, "/report 12 新增贷款 26亿元", **GROUP_KW)
        assert other.text.startswith(
            "第12项 新增贷款 的责任单位是县金融工作局、人行西平县支行，本群是县卫健委的群，"
            "只能报送本单位负责的目标，请核对序号。\n本单位负责：第33项 疾控中心能力建设、"
        )
        assert "第35项 慢阻肺防治" in other.text
        assert other.text.endswith("例如：/report 33 进展或数值")
        missing = await bot.say(GROUP, MEMBER, "/report 99 已完成", **GROUP_KW)
        assert missing.text.startswith("2020年台账中没有第99项目标（共66项）。用法：/report 序号")
        # a file captioned with another unit's target is answered the same way, and not kept
        photo = b"\x89PNG\r\n\x1a\n" + bytes(40)
        sent = await bot.send_file(GROUP, MEMBER, photo, caption="/report 12 附件", **GROUP_KW)
        assert sent.text.startswith("第12项 新增贷款 的责任单位是县金融工作局")
        assert reports(engine) == []
        # its own target is received as before
        own = await bot.say(GROUP, MEMBER, "/report 35 補助資金已撥付到位🎉", **GROUP_KW)
        assert own.text.startswith("已收到第35项的进展报送（编号")
        assert "補助資金已撥付到位🎉" in own.text
        # a group nobody subscribed gets the plain refusal, which tells it nothing of the ledger
        stranger = await bot.say(-1005550000, 777, "/report 12 已完成", **GROUP_KW)
        assert stranger.texts == [REFUSAL]


async def test_a_report_too_long_is_refused_whole_not_cut(config, engine, fake):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    long_text = "筛查工作进展顺利，" * 150  # 1350 characters
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        reply = await bot.say(GROUP, MEMBER, f"/report 35 {long_text}", **GROUP_KW)
        assert reply.text == (
            "报送内容共1350字，超过1000字，未收到。请精简后重新发送；"
            "详细材料可作为文件发送，并在文件说明中写 /report 35 简要进展。"
        )
        assert reports(engine) == []
        fits = await bot.say(GROUP, MEMBER, f"/report 35 {long_text[:1000]}", **GROUP_KW)
        assert fits.text.startswith("已收到第35项的进展报送（编号")
        [report] = reports(engine)
        assert len(report.text) == 1000


async def test_a_figure_sent_under_the_wrong_number_names_the_target_it_belongs_to(
    config, engine, fake
):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        wrong = await bot.say(GROUP, MEMBER, "/report 35 产前超声筛查率 60%", **GROUP_KW)
        assert wrong.text == (
            "第35项 慢阻肺防治 没有“产前超声筛查率”这个指标，它是第48项 两癌两病筛查 的指标，"
            "未收到。请核对序号后重新发送：\n/report 48 产前超声筛查率 60%"
        )
        assert reports(engine) == []
        right = await bot.say(GROUP, MEMBER, "/report 48 产前超声筛查率 60%", **GROUP_KW)
        assert right.text.startswith("已收到第48项的数据报送（编号")
        # words about another target's subject, without its figure, are still a note on 35
        note = await bot.say(GROUP, MEMBER, "/report 35 产前超声筛查率的宣传同步推进", **GROUP_KW)
        assert note.text.startswith("已收到第35项的进展报送（编号")


async def test_a_figure_dated_a_day_no_year_has_is_refused_with_the_forms_to_write(
    config, engine, fake
):
    from tests.auxil.bot_harness import ADMIN

    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    forms = "请写成 截至11月、1-11月 或 截至11月30日"
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        unit = await bot.say(GROUP, MEMBER, "/report 48 产前超声筛查率 60% 截至13月", **GROUP_KW)
        assert unit.text.startswith(f"数据时点“截至13月”中的日期不存在，{forms}\n用法：/report")
        assert reports(engine) == []
        admin = await bot.say(ADMIN, ADMIN, "/set 48 产前超声筛查率 60% 截至2月30日")
        assert admin.text.startswith(f"数据时点“截至2月30日”中的日期不存在，{forms}\n用法：/set")
        fine = await bot.say(GROUP, MEMBER, "/report 48 产前超声筛查率 60% 1-11月份", **GROUP_KW)
        assert fine.text.startswith("已收到第48项的数据报送（编号")


async def test_a_figure_dated_in_figures_is_read_as_that_day_or_refused(config, engine, fake):
    # Before, "/set 48 … 2020-02-30" and "2020-13-01" stood in the ledger as typed, and a real
    # "2020-11-30" too: words the 序时进度 rules and the age of a report never read as a day.
    from tests.auxil.bot_harness import ADMIN

    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for day in ("2020-02-30", "2020-13-01"):
            admin = await bot.say(ADMIN, ADMIN, f"/set 48 产前超声筛查率 60% {day}")
            assert admin.text.startswith(
                f"数据时点“{day}”中的日期不存在，请写成 2020-11-30 或 截至11月30日\n用法：/set"
            ), admin.text
        dated = await bot.say(ADMIN, ADMIN, "/set 48 产前超声筛查率 60% 2020/11/30")
        assert "数据时点：— → 截至2020年11月30日" in dated.text, dated.text
        unit = await bot.say(GROUP, MEMBER, "/report 48 产前超声筛查率 60% 2020-11-30", **GROUP_KW)
        assert "截至2020年11月30日" in unit.text, unit.text


async def test_a_unit_asking_more_than_it_may_is_told_what_it_can_send(config, engine, fake):
    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    can_send = (
        "本群是县卫健委的工作群，只能报送本单位负责目标的进展：发送 /report 序号 进展或数值，"
        "或直接回复督查提醒消息；照片和文件可一并发送作为佐证材料。\n"
        "本单位负责：第33项 疾控中心能力建设、"
    )
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        for text in ("@ledger_test_bot 我们的任务还差多少", "/summary", "/list 未完成"):
            reply = await bot.say(GROUP, MEMBER, text, **GROUP_KW)
            assert reply.text.startswith(can_send), text
            assert "第35项 慢阻肺防治" in reply.text
            assert reply.text.endswith(
                "例如：/report 33 进展或数值\n查询台账需要开通权限，请联系县督查局管理员。"
            )
        # the same member in a private chat, which no unit subscribed, gets the plain refusal
        assert (await bot.say(MEMBER, MEMBER, "我们的任务还差多少")).texts == [REFUSAL]
        assert reports(engine) == []


async def test_an_undone_approval_is_told_to_the_unit_that_saw_it(config, engine, fake):
    from tests.auxil.bot_harness import ADMIN, actual

    subscribe(engine, "县卫健委", GROUP, actor="tg:42")
    async with running_bot(bot_config(config, fake), engine, fake) as bot:
        before = actual(engine, 48, "产前超声筛查率")
        await bot.say(GROUP, MEMBER, "/report 48 产前超声筛查率 60% 1-11月份", **GROUP_KW)
        [report] = reports(engine)
        listing = await bot.say(ADMIN, ADMIN, "/pending")
        [shown] = [c for c in listing.sent if c.result["text"].startswith(f"报送#{report.id} ")]
        press = await bot.press(ADMIN, ADMIN, shown.result["message_id"], f"rpt:ok:{report.id}")
        told = [c.result["text"] for c in press.sent if c.get("chat_id") == GROUP]
        assert told[0].startswith(f"第48项进展报送#{report.id}已采纳")
        assert actual(engine, 48, "产前超声筛查率") == "60"

        undo = await bot.say(ADMIN, ADMIN, "/undo")
        assert actual(engine, 48, "产前超声筛查率") == before
        [to_admin] = [c.result["text"] for c in undo.sent if c.get("chat_id") == ADMIN]
        assert to_admin.startswith("已撤销：第48项 产前超声筛查率")
        assert to_admin.endswith(
            f"这是对报送#{report.id}的采纳，该报送现为“已撤回（采纳已撤销）”，已通知报送单位。"
        )
        [retracted] = reports(engine)
        assert retracted.state == "retracted"  # it read "approved" though the ledger was undone
        [to_unit] = [c.result["text"] for c in undo.sent if c.get("chat_id") == GROUP]
        assert to_unit.startswith(
            f"第48项进展报送#{report.id}的采纳已被督查局撤销，台账已改回：\n第48项 产前超声筛查率"
        )
        assert to_unit.endswith("需要重新报送时，请发送：/report 48 进展或数值")

        # an admin's own change undone tells no unit
        proposal = await bot.say(ADMIN, ADMIN, "/set 48 产前超声筛查率 70%")
        [[(_, confirm), _]] = keyboard(proposal.sent[0])
        await bot.press(ADMIN, ADMIN, proposal.message_id, confirm)
        assert actual(engine, 48, "产前超声筛查率") == "70"
        own = await bot.say(ADMIN, ADMIN, "/undo")
        assert own.text.startswith("已撤销：第48项 产前超声筛查率") and "报送" not in own.text
        assert all(c.get("chat_id") != GROUP for c in own.sent)

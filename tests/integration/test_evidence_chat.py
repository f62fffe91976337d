"""佐证材料 and 销号 in the chat core, as people use them (no transport)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session

from bot.app.reminders import subscribe
from bot.chat.evidence import IncomingFile
from bot.chat.types import Sender
from bot.store.evidence_store import list_evidence
from bot.store.ledger_store import read_target
from tests.auxil.chats import admin_chat

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))
ADMIN = Sender(42, 42, actor="tg:42")
UNIT_GROUP = -1003000
MEMBER = Sender(501, UNIT_GROUP, "supergroup", actor="tg:501")
STRANGER = Sender(777, 777, actor="tg:777")


@pytest.fixture
def service(config, engine):
    subscribe(engine, "县住建局", UNIT_GROUP, actor="tg:42")  # target 30's lead unit
    return admin_chat(config, engine)


def files_of(service, number: int):
    with Session(service.engine) as session:
        return list_evidence(session, number)


def texts(replies) -> list[str]:
    return [r.text for r in replies]


def test_a_unit_sends_a_photo_with_its_report(service):
    replies = service.file(
        MEMBER, IncomingFile("IMG_1.jpg", PNG, "tg-file-1"), "/report 30 已完工，见照片"
    )
    assert texts(replies)[0].startswith("已收到第30项的进展报送（编号")
    assert texts(replies)[1] == "已保存第30项的佐证材料：IMG_1.png（图片，48B），该项共1份。"
    [row] = files_of(service, 30)
    assert (row.added_by, row.telegram_file_id, row.note) == (
        "tg:501",
        "tg-file-1",
        "已完工，见照片",  # as the unit typed it, full-width comma kept
    )
    assert row.report_id is not None


@pytest.mark.parametrize(
    ("caption", "words"),
    [
        ("第30项已完工，见照片", "已完工，见照片"),
        ("30号：已完工，见照片", "已完工，见照片"),
        ("/report30 已完工，见照片", "已完工，见照片"),
    ],
)
def test_a_unit_s_caption_naming_its_target_first_is_its_report(service, caption, words):
    # Units write the number first, as in a work group, or run it into /report: before, the
    # photo and its words were dropped without a word (a group's own photos are ignored)
    replies = service.file(MEMBER, IncomingFile("IMG_1.jpg", PNG, "tg-file-1"), caption)
    assert texts(replies)[0].startswith("已收到第30项的进展报送（编号")
    assert f"追加“（2021-01-15补充）{words}”" in texts(replies)[0]
    [row] = files_of(service, 30)
    assert (row.note, row.report_id is not None) == (words, True)


def test_a_caption_naming_another_unit_s_target_stays_the_group_s_own(service):
    # 第12项 is 县金融工作局's: the 住建局 group's photo is none of the bot's business
    assert service.file(MEMBER, IncomingFile("a.png", PNG), "第12项已完成") == []
    assert files_of(service, 12) == []


def test_a_photo_right_after_a_report_goes_with_it(service):
    service.command(MEMBER, "report", "30 已完工")
    replies = service.file(MEMBER, IncomingFile("现场.png", PNG))
    assert texts(replies) == ["已保存第30项的佐证材料：现场.png（图片，48B），该项共1份。"]


def test_an_admin_attaches_with_an_evidence_caption(service):
    [reply] = service.file(ADMIN, IncomingFile("验收单.png", PNG), "/evidence 30 验收单")
    assert reply.text.startswith("已保存第30项的佐证材料：验收单.png")
    [reply] = service.file(MEMBER, IncomingFile("x.png", PNG), "/evidence 30")
    assert reply.text.startswith("只有管理员可以直接上传佐证材料")
    assert len(files_of(service, 30)) == 1


def test_a_file_nobody_can_place_is_explained_in_private_and_ignored_in_groups(service):
    [reply] = service.file(ADMIN, IncomingFile("a.png", PNG))
    assert "不知道它是哪一项目标的佐证材料" in reply.text and "/report 序号" in reply.text
    # an admin is told the caption that keeps it (/report is a unit's)
    assert "管理员可在说明中写 /evidence 序号 说明" in reply.text
    assert (
        service.file(Sender(9, -100999, "supergroup", actor="tg:9"), IncomingFile("a.png", PNG))
        == []
    )
    assert "没有使用本助手的权限" in service.file(STRANGER, IncomingFile("a.png", PNG))[0].text
    assert files_of(service, 30) == []


def test_an_admin_sending_the_edited_ledger_sheet_is_told_how_to_import_it(service):
    [sheet] = service.file(ADMIN, IncomingFile("2020年台账_改.xlsx", b"PK\x03\x04" + bytes(40)))
    assert sheet.text.endswith(
        "如果这是修改后的台账表格：聊天中不能导入台账，请在服务器上运行 "
        "python main.py import 文件名（xlsx 或 csv），导入前会整表检查，有错不导入。"
    )
    [photo] = service.file(ADMIN, IncomingFile("a.png", PNG))
    assert "python main.py import" not in photo.text
    assert files_of(service, 30) == []


def test_a_file_of_the_wrong_kind_is_refused_and_kept_nowhere(service):
    replies = service.file(ADMIN, IncomingFile("病毒.exe", b"MZ\x90\x00" * 8), "/evidence 30 看看")
    assert texts(replies) == [
        "佐证材料未保存：“病毒.exe”不是认可的格式。可接受的格式：jpg、png照片，pdf、docx、xlsx文件，单个不超过20MB。"
    ]
    [reply] = service.file(ADMIN, IncomingFile("fake.png", b"not a picture"), "/evidence 30")
    assert reply.text.startswith(
        "佐证材料未保存：“fake.png”不是认可的格式。可接受的格式：jpg、png"
    )
    long_name = "很长的文件名" * 20 + ".zip"
    [reply] = service.file(ADMIN, IncomingFile(long_name, b"PK\x03\x04"), "/evidence 30")
    assert reply.text.startswith(f"佐证材料未保存：“{'很长的文件名' * 5}很长的文件…")
    assert "….zip”不是认可的格式" in reply.text and long_name not in reply.text
    assert files_of(service, 30) == []


def test_evidence_is_sent_back_and_counted(service):
    assert texts(service.command(ADMIN, "evidence", "30")) == [
        "第30项 新建停车位 还没有佐证材料（单位在照片或文件的说明中写 /report 30 进展 即可报送）。"
    ]
    service.file(ADMIN, IncomingFile("验收单.png", PNG), "/evidence 30 验收单")
    listing, document = service.command(ADMIN, "evidence", "30")
    assert listing.text.startswith("第30项 新建停车位 的佐证材料（1份）：\n· #")
    assert "验收单.png（48B，tg:42" in listing.text and listing.text.endswith("，验收单）")
    assert document.document == ("验收单.png", PNG)
    [usage] = service.command(ADMIN, "evidence", "第九十九项")
    assert usage.text.startswith("用法：/evidence 序号，例如 /evidence 3")


def press(service, reply, label: str) -> str:
    """Press the reply's button `label` as the admin; the text the message becomes."""
    [data] = [b.data for row in reply.buttons for b in row if b.label == label]
    [pressed] = service.button(ADMIN, data)
    return pressed.text


def test_close_and_unclose_in_chat(service):
    [refused] = service.command(ADMIN, "close", "30 已完工")
    assert refused.text.startswith("第30项暂不能销号：还没有佐证材料")
    service.file(ADMIN, IncomingFile("验收单.png", PNG), "/evidence 30 验收单")
    [asked] = service.command(ADMIN, "close", "30 已完工并经核实")
    assert asked.text == (
        "请确认以下修改：\n第30项 新建停车位 销号：未销号 → 已销号（2021-01-15）\n"
        "理由：已完工并经核实"
    )
    [card] = service.command(ADMIN, "target", "30")
    assert "已销号" not in card.text.splitlines()[0]  # nothing is written before 确认
    assert card.text.endswith("输入“取消”放弃。）")  # and the card says the closing still waits
    assert press(service, asked, "确认").startswith(
        "✅ 已修改：\n第30项 新建停车位 销号：未销号 → 已销号（2021-01-15）"
    )
    [card] = service.command(ADMIN, "target", "30")
    assert "已销号（2021-01-15）" in card.text.splitlines()[0]
    [again] = service.command(ADMIN, "close", "30 再来")
    assert again.text == "第30项已销号（2021-01-15），无需重复销号。"
    [no16] = service.command(ADMIN, "close", "16 想销号")
    assert no16.text.startswith("第16项暂不能销号：状态为“未完成”，须为已完成或超额完成")
    [forced] = service.command(ADMIN, "close", "16 强制 经县政府同意调整")
    assert "第16项 耕地保护 销号：未销号 → 已销号（2021-01-15）（强制销号）" in forced.text
    assert press(service, forced, "确认").startswith("✅ 已修改：")
    [member] = service.command(MEMBER, "close", "30 x")
    assert "只能报送本单位负责目标的进展" in member.text  # a unit's group: what it can send
    [usage] = service.command(ADMIN, "close", "30")
    assert usage.text.startswith("请写明销号理由")
    [reopen] = service.command(ADMIN, "unclose", "30 复核发现照片不符")
    assert reopen.text == (
        "请确认以下修改：\n第30项 新建停车位 销号：已销号（2021-01-15） → 未销号（重新打开）\n"
        "理由：复核发现照片不符"
    )
    assert press(service, reopen, "确认").startswith("✅ 已修改：")
    [card] = service.command(ADMIN, "target", "30")
    assert "已销号" not in card.text
    [not_closed] = service.command(ADMIN, "unclose", "30 再开")
    assert not_closed.text == "第30项没有销号，无需重新打开。"


def test_a_closing_is_cancelled_or_judged_again_at_confirm(service):
    service.file(ADMIN, IncomingFile("验收单.png", PNG), "/evidence 30 验收单")
    [asked] = service.command(ADMIN, "close", "30 已完工")
    assert press(service, asked, "取消").startswith("已取消：\n第30项 新建停车位 销号")
    [card] = service.command(ADMIN, "target", "30")
    assert "已销号" not in card.text

    # Asked while done; its figure corrected below the target before the admin confirms.
    [asked] = service.command(ADMIN, "close", "30 已完工")
    [figure] = service.command(ADMIN, "set", "30 新建停车位 100")
    assert press(service, figure, "确认").startswith("✅ 已修改")
    assert press(service, asked, "确认").startswith(
        "未修改：第30项暂不能销号：状态为“未完成”，须为已完成或超额完成。"
    )
    [card] = service.command(ADMIN, "target", "30")
    assert "已销号" not in card.text


def test_the_console_sends_a_file_with_a_caption(service, tmp_path):
    from bot.adapters.console import send_file

    photo = tmp_path / "验收.png"
    photo.write_bytes(PNG)
    [reply] = send_file(service, ADMIN, f"{photo} /evidence 30 现场验收")
    assert reply.text.startswith("已保存第30项的佐证材料：验收.png")
    [missing] = send_file(service, ADMIN, f"{tmp_path / 'nope.jpg'}")
    assert missing.text.startswith("找不到文件") and "/file 文件路径" in missing.text
    assert send_file(service, ADMIN, "")[0].text.startswith("用法：/file")


def test_report_tongbao_sends_the_bulletin_as_text_and_word(service):
    text, word = service.command(ADMIN, "report", "通报")
    assert text.text.startswith("2020年县工作责任目标台账督查通报\n第1期（数据截至")
    assert "三、存在问题" in text.text
    # 6 ended the year still 推进中: overdue, though no day past the year's end is counted
    assert (
        "县自然资源局：第6项 矿山治理与山长制（逾期，年底前已过，年度已结束仍在推进）；"
        "第16项 耕地保护（未完成" in text.text
    )
    name, content = word.document
    assert name.startswith("督查通报_2020年第1期_") and name.endswith(".docx")
    assert content[:2] == b"PK"


def test_cli_writes_the_bulletin(run_cli, tmp_path):
    code, out, _ = run_cli("report", "--format", "bulletin", "--since", "2020-12-01")
    assert code == 0 and "12月1日以来" in out and "\n县督查局\n" in out
    target = tmp_path / "通报.docx"
    code, _, err = run_cli("report", "--format", "bulletin", "-o", str(target))
    assert code == 0 and target.read_bytes()[:2] == b"PK"
    code, _, err = run_cli("report", "--format", "bulletin", "--since", "昨天")
    assert code == 2 and "--since '昨天' 格式不对：应为 YYYY-MM-DD" in err
    # a day in the right shape that does not exist is called so, not a bad format
    code, _, err = run_cli("report", "--format", "bulletin", "--since", "2020-13-01")
    assert code == 2 and "--since '2020-13-01' 不是存在的日期：应为 YYYY-MM-DD" in err
    code, _, err = run_cli("report", "--as-of", "2020-02-30")
    assert code == 2 and "--as-of '2020-02-30' 不是存在的日期：应为 YYYY-MM-DD" in err
    code, _, err = run_cli("report", "--format", "txt", "--since", "2020-12-01")
    assert code == 2 and "--since 只用于" in err


def test_a_file_replying_to_a_reminder_goes_to_its_target(service):
    import datetime as dt

    from bot.store.models import OutboxEntry

    with Session(service.engine) as session, session.begin():
        session.add(
            OutboxEntry(
                kind="before", target_number=30, milestone="2020-12-31 年底前",
                occurrence=dt.date(2020, 12, 24), chat_key=UNIT_GROUP, text="提醒",
                state="sent", message_id=900,
            )
        )  # fmt: skip
    [reply] = service.file(MEMBER, IncomingFile("a.png", PNG), "", replied_message_id=900)
    assert reply.text.startswith("已保存第30项的佐证材料：a.png")
    report, saved = service.file(
        MEMBER, IncomingFile("b.png", PNG + b"b"), "已完工", replied_message_id=900
    )
    assert report.text.startswith("已收到第30项的")
    assert saved.text.startswith("已保存第30项的佐证材料：b.png") and saved.text.endswith(
        "该项共2份。"
    )
    # the same message id in another group is not our reminder: no answer, nothing kept
    outsider = Sender(9, UNIT_GROUP + 1, "supergroup", actor="tg:9")
    assert service.file(outsider, IncomingFile("c.png", PNG), "", replied_message_id=900) == []
    assert len(files_of(service, 30)) == 2


def test_a_file_captioned_for_a_target_not_in_the_ledger_says_so(service):
    [reply] = service.file(ADMIN, IncomingFile("验收单.png", PNG), "/evidence 99 验收单")
    assert reply.text.startswith("2020年台账中没有第99项目标（共66项）。用法：/evidence 序号")
    assert files_of(service, 99) == [] and files_of(service, 30) == []


@pytest.mark.parametrize("args", ["12 强制 {long}", "30 {long}"])
def test_a_closing_reason_is_bounded_as_a_status_reason_is(service, args):
    [reply] = service.command(ADMIN, "close", args.format(long="长" * 501))
    assert reply.text == "理由太长：501字，最多500字，请精简后再发。"
    assert service.target(12).closed is None and service.target(30).closed is None


def test_a_closing_is_dated_when_it_is_confirmed_not_when_it_was_asked(config, engine):
    asked_on = admin_chat(config, engine, today=dt.date(2021, 1, 15))
    [forced] = asked_on.command(ADMIN, "close", "16 强制 经县政府同意调整")
    assert "已销号（2021-01-15）（强制销号）" in forced.text
    confirmed_on = admin_chat(config, engine, today=dt.date(2021, 1, 18))  # after a weekend
    assert press(confirmed_on, forced, "确认").startswith(
        "✅ 已修改：\n第16项 耕地保护 销号：未销号 → 已销号（2021-01-18）（强制销号）"
    )
    with Session(engine) as session:
        closed = read_target(session, 16).closed
    assert closed is not None and closed.at.date() == dt.date(2021, 1, 18)
    [card] = confirmed_on.command(ADMIN, "target", "16")
    assert "已销号（2021-01-18）" in card.text.splitlines()[0]


def test_the_same_photo_sent_twice_is_kept_once_and_the_sender_told(service):
    first = service.file(MEMBER, IncomingFile("IMG_1.jpg", PNG, "f1"), "/report 30 已完工，见照片")
    assert texts(first)[1].startswith("已保存第30项的佐证材料：IMG_1.png")
    # the same bytes again, under another name, with a second report: the report is filed,
    # the photo is not stored a second time (it was, once per send)
    again = service.file(MEMBER, IncomingFile("IMG_2.jpg", PNG, "f2"), "/report 30 补充照片")
    assert texts(again)[0].startswith("已收到第30项的进展报送（编号")
    assert texts(again)[1].startswith("这份文件已收到过（第30项的佐证材料：IMG_1.png，")
    assert texts(again)[1].endswith("未重复保存，该项共1份。如需补充，请发送其他照片或文件。")
    [duplicate] = service.file(ADMIN, IncomingFile("验收.png", PNG), "/evidence 30 验收")
    assert duplicate.text.startswith("这份文件已收到过")
    [row] = files_of(service, 30)
    assert (row.name, row.note) == ("IMG_1.png", "已完工，见照片")
    # other bytes are another file; the same bytes on another target are that target's
    other = service.file(MEMBER, IncomingFile("IMG_3.png", PNG + b"x"), "/report 30 二期")
    assert texts(other)[1].startswith("已保存第30项的佐证材料：IMG_3.png")
    [elsewhere] = service.file(ADMIN, IncomingFile("a.png", PNG), "/evidence 12 同图")
    assert elsewhere.text.startswith("已保存第12项的佐证材料")
    assert len(files_of(service, 30)) == 2

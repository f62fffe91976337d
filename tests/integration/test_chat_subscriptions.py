"""/subscribe reads a unit's name as /assign does: 县 optional, a unique part, or the name
before the 2018 reform (卫生局 is 县卫健委); a name matching no unit still lists the choices."""

from __future__ import annotations

from bot.chat.types import Sender
from tests.auxil.chats import admin_chat

ADMIN = Sender(42, 42, actor="tg:42")


def test_subscribe_takes_a_units_former_name(config, engine):
    service = admin_chat(config, engine)
    [former] = service.command(ADMIN, "subscribe", "卫生局 -1003300")
    assert former.text == "已订阅：县卫健委的到期提醒将发送到 -1003300。"
    [part] = service.command(ADMIN, "subscribe", "国土局 -1003301")
    assert part.text == "已订阅：县自然资源局的到期提醒将发送到 -1003301。"
    [listed] = service.command(ADMIN, "subscriptions", "")
    assert "· 县卫健委 → -1003300" in listed.text
    [off] = service.command(ADMIN, "unsubscribe", "卫计委 -1003300")
    assert off.text == (
        "已取消：县卫健委的提醒不再发送到 -1003300。该会话已不订阅任何单位，其成员也不能再用 "
        "/report 报送进展；需要恢复时发送 /subscribe 县卫健委 -1003300"
    )
    [unknown] = service.command(ADMIN, "subscribe", "档案馆 -1003302")
    # h-trial16: "没有唯一对应" read as if several matched; none does
    assert unknown.text.startswith("台账中没有“档案馆”这个责任单位。可选：")
    [several] = service.command(ADMIN, "subscribe", "人 -1003302")
    assert several.text == (
        "台账中有3个单位的名称含“人”：人行西平县支行、县人民医院、县人社局，请写出全称。"
    )


def test_subscribe_and_assign_take_a_departments_official_name(config, engine):
    # Before, "卫生健康局", the name on the county's own documents (平阳县卫生健康局), matched
    # no unit: "台账中没有唯一对应“卫生健康局”的责任单位"; so did 自然资源和规划局 and 交通局.
    service = admin_chat(config, engine)
    [health] = service.command(ADMIN, "subscribe", "县卫生健康局 -1003300")
    assert health.text == "已订阅：县卫健委的到期提醒将发送到 -1003300。"
    [land] = service.command(ADMIN, "subscribe", "自然资源和规划局 -1003301")
    assert land.text == "已订阅：县自然资源局的到期提醒将发送到 -1003301。"
    [roads] = service.command(ADMIN, "subscribe", "交通局 -1003302")
    assert roads.text == "已订阅：县交通运输局的到期提醒将发送到 -1003302。"
    [assign] = service.command(ADMIN, "assign", "35 卫生健康局 牵头")
    changed = "第35项 责任单位：县卫健委(牵头,推定) → 县卫健委(牵头)"
    assert assign.text.startswith(f"请确认以下修改：\n{changed}")
    assert "“卫生健康局”即县卫健委（台账中的名称）" in assign.text


def test_subscribe_sent_in_private_without_a_chat_says_where_to_send_it(config, engine):
    # Before, "/subscribe 卫生局" in the admin's private chat subscribed that private chat:
    # 县卫健委's reminders came to the admin, and /subscriptions stopped listing the unit as
    # one nobody receives reminders for.
    service = admin_chat(config, engine)
    [private] = service.command(ADMIN, "subscribe", "卫生局")
    assert private.text == (
        "在私聊中发送会把县卫健委的提醒发到您自己的对话，而不是县卫健委的工作群，未订阅。"
        "请在县卫健委的工作群里发送 /subscribe 卫生局，或写明群ID：/subscribe 卫生局 群ID"
        "（在该群里发 /whoami 可查看群ID）；确要发到本对话，请写 /subscribe 卫生局 42"
    )
    [listed] = service.command(ADMIN, "subscriptions", "")
    assert listed.text.startswith("订阅：（无；") and "县卫健委" in listed.text
    # in the unit's group it subscribes that group; in private, the chat written out
    in_group = Sender(42, -1003300, actor="tg:42", chat_type="supergroup")
    [group] = service.command(in_group, "subscribe", "卫生局")
    assert group.text == "已订阅：县卫健委的到期提醒将发送到 -1003300。"
    [own] = service.command(ADMIN, "subscribe", "卫生局 42")
    assert own.text == "已订阅：县卫健委的到期提醒将发送到 42。"


def test_unsubscribe_from_a_chat_not_subscribed_says_where_the_reminders_go(config, engine):
    # Before, "/unsubscribe 卫生局" sent in the admin's private chat for the unit's group was
    # answered "42 没有订阅县卫健委的提醒。": a bare number, and nothing on what to send instead.
    service = admin_chat(config, engine)
    [none] = service.command(ADMIN, "unsubscribe", "卫生局")
    assert none.text == (
        "本会话（42）没有订阅县卫健委的提醒，未取消。"
        "县卫健委的提醒目前没有发往任何群（发送 /subscriptions 查看）。"
    )
    service.command(ADMIN, "subscribe", "卫生局 -1003300")
    [here] = service.command(ADMIN, "unsubscribe", "卫生局")
    assert here.text == (
        "本会话（42）没有订阅县卫健委的提醒，未取消。县卫健委的提醒发送到：-1003300；"
        "要取消，请发送 /unsubscribe 县卫健委 -1003300"
    )
    [other] = service.command(ADMIN, "unsubscribe", "卫生局 -1009999")
    assert other.text.startswith("该群（-1009999）没有订阅县卫健委的提醒，未取消。")
    [off] = service.command(ADMIN, "unsubscribe", "县卫健委 -1003300")
    assert off.text == (
        "已取消：县卫健委的提醒不再发送到 -1003300。该会话已不订阅任何单位，其成员也不能再用 "
        "/report 报送进展；需要恢复时发送 /subscribe 县卫健委 -1003300"
    )


def test_unsubscribing_a_units_last_subscription_says_its_group_can_no_longer_report(
    config, engine
):
    # Before, "已取消：…" alone: the group's next "/report 30 …" was "抱歉，您没有使用本助手的
    # 权限", which the admin who unsubscribed it had not been told.
    service = admin_chat(config, engine)
    service.command(ADMIN, "subscribe", "住建局 -1003300")
    service.command(ADMIN, "subscribe", "城管局 -1003300")
    [one] = service.command(ADMIN, "unsubscribe", "城管局 -1003300")
    assert one.text == "已取消：县城市管理局的提醒不再发送到 -1003300。"
    member = Sender(501, -1003300, actor="tg:501", chat_type="supergroup")
    [still] = service.command(member, "report", "30 已完工")
    assert still.text.startswith("已收到第30项的进展报送"), still.text
    [last] = service.command(ADMIN, "unsubscribe", "住建局 -1003300")
    assert last.text.endswith(
        "该会话已不订阅任何单位，其成员也不能再用 /report 报送进展；"
        "需要恢复时发送 /subscribe 县住建局 -1003300"
    )
    [refused] = service.command(member, "report", "30 已完工验收")
    assert refused.text.startswith("抱歉，您没有使用本助手的权限。"), refused.text

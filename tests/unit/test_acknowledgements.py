"""What a member writes under a notice to say it was received, and what says more."""

import pytest

from bot.domain.acknowledgements import is_acknowledgement


@pytest.mark.parametrize(
    "text",
    ["收到", "收到！", "已收到。", "收到收到", "好的", "好的，马上落实", "明白了👌", "已阅", "OK",
     "👍", "🙏🙏", "收悉，立即落实", "知道了，谢谢", "嗯嗯", "坚决落实！"],
)  # fmt: skip
def test_a_received_notice(text):
    assert is_acknowledgement(text)


@pytest.mark.parametrize(
    "text",
    ["收到，耕地缺口已补足1.2万亩", "已完成", "还差3家", "补助已拨付", "6.9%", "好的，明天报数据",
     "马上落实整改，已完成80%"],
)  # fmt: skip
def test_words_of_progress_are_no_acknowledgement(text):
    assert not is_acknowledgement(text)

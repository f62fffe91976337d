"""A rate told after a clause of work done is how far that work has got, not a target.
Made-up texts."""

from bot.drafting.sentences import split_sentence


def test_a_rate_after_work_done_goes_with_the_work_done():
    target, done = split_sentence("全年需发放补贴资金260万元,截至10月已发放260万元,发放率100%;")
    assert "发放率100%" in done
    assert "发放率100%" not in target


def test_a_rate_of_the_plan_after_work_done_stays_a_target():
    target, done = split_sentence("已改造管网12公里,全年改造完成率达到90%")
    assert "完成率达到90%" not in done

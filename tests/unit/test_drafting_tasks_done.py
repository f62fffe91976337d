"""A count of the task done ("已完成筛查任务数16010人") is an actual; the task restated ("任务数
5000人", "完成目标任务5000人的92%") is not. Made-up texts."""

import pytest

from bot.drafting.pairing import pair_indicators


def _figures(target: str, progress: str) -> list[tuple[str, str, str]]:
    return [
        (p.indicator.target, p.indicator.unit, p.indicator.actual)
        for p in pair_indicators(target, progress)
    ]


@pytest.mark.parametrize(
    ("progress", "actual"),
    [
        ("截至9月底,已完成体检任务数5120人", "5120"),
        ("已累计完成体检任务数4870人,完成率97.4%", "4870"),
        ("目前已经完成任务数4990人", "4990"),
    ],
)
def test_the_count_of_a_task_done_answers_its_target(progress, actual):
    assert _figures("为5000名老年人开展免费体检", progress)[0] == ("5000", "名", actual)


@pytest.mark.parametrize(
    "progress",
    [
        "完成目标任务5000人的92%",  # the task restated, a share of it done
        "体检任务数5000人,正在组织实施",  # the task restated, nothing done yet
    ],
)
def test_the_task_restated_answers_nothing(progress):
    assert ("5000", "名", "") in _figures("为5000名老年人开展免费体检", progress)
    assert all(
        actual != "5000" for _, _, actual in _figures("为5000名老年人开展免费体检", progress)
    )

"""The per-sender limit: `rate` messages a minute, then one notice and silence until they slow."""

import pytest

from bot.chat.throttle import SenderThrottle, Verdict


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_sender_past_the_rate_is_noticed_once_then_silenced(clock):
    throttle = SenderThrottle(3, clock=clock)
    verdicts = [throttle.check(7) for _ in range(8)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.NOTICE] + [Verdict.SILENT] * 4


def test_each_sender_has_a_window_of_their_own(clock):
    throttle = SenderThrottle(2, clock=clock)
    assert [throttle.check(7) for _ in range(3)][-1] is Verdict.NOTICE
    assert [throttle.check(8) for _ in range(2)] == [Verdict.ALLOW] * 2


def test_a_sender_is_heard_again_once_they_slow_down(clock):
    throttle = SenderThrottle(2, window=60, clock=clock)
    assert [throttle.check(7) for _ in range(3)] == [Verdict.ALLOW] * 2 + [Verdict.NOTICE]
    clock.now += 30
    assert throttle.check(7) is Verdict.SILENT  # still flooding: dropped messages count too
    clock.now += 20
    assert throttle.check(7) is Verdict.SILENT  # the last two came within a minute
    clock.now += 61
    assert throttle.check(7) is Verdict.ALLOW
    assert throttle.check(7) is Verdict.ALLOW
    assert throttle.check(7) is Verdict.NOTICE  # a new episode gets its one notice


def test_a_steady_sender_under_the_rate_is_never_throttled(clock):
    throttle = SenderThrottle(20, clock=clock)
    for _ in range(200):
        assert throttle.check(7) is Verdict.ALLOW
        clock.now += 3.01  # just under 20 a minute


def test_rate_zero_never_throttles(clock):
    throttle = SenderThrottle(0, clock=clock)
    assert {throttle.check(7) for _ in range(1000)} == {Verdict.ALLOW}


def test_quiet_senders_are_forgotten(clock):
    throttle = SenderThrottle(2, window=60, clock=clock)
    for sender in range(500):
        throttle.check(sender)
    clock.now += 61
    throttle.check(9999)
    assert throttle.tracked() == 1

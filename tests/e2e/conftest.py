"""Fixtures for the end-to-end tests: the fake Bot API server on 127.0.0.1."""

import pytest

from tests.auxil.bot_harness import TOKEN
from tests.auxil.fake_bot_api import FakeBotApi


@pytest.fixture
def fake():
    """A fake Bot API server for this test; it must not have failed internally."""
    with FakeBotApi(TOKEN) as server:
        yield server
    assert not server.server_errors

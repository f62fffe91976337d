"""Where the bot keeps its own files: jieba's cache under the state folder, never /tmp."""

from __future__ import annotations

import marshal
import stat
import tempfile
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Config
from bot.matching import make_tokenizer


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def poisoned_system_tmp(tmp_path, monkeypatch) -> Path:
    """A shared temporary folder holding a jieba cache someone else wrote."""
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    with (shared / "jieba.cache").open("wb") as handle:
        marshal.dump(({"贷": 1, "款": 1}, 2), handle)
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    return shared


def test_jieba_never_reads_a_cache_from_the_shared_temporary_folder(tmp_path, poisoned_system_tmp):
    cache = tmp_path / "state" / "jieba"
    tokenizer = make_tokenizer(cache)
    assert "贷款" in tokenizer.FREQ and len(tokenizer.FREQ) > 100_000
    assert (cache / "jieba.cache").is_file()
    assert mode(cache) == 0o700 and mode(cache / "jieba.cache") == 0o600
    # without a folder of its own the tokenizer builds from the dictionary, and leaves nothing
    bare = make_tokenizer()
    assert "贷款" in bare.FREQ and len(bare.FREQ) > 100_000
    assert sorted(p.name for p in poisoned_system_tmp.iterdir()) == ["jieba.cache"]


def test_a_loose_cache_folder_is_made_owner_only(tmp_path):
    cache = tmp_path / "jieba"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    make_tokenizer(cache)
    assert mode(cache) == 0o700


def test_the_state_folder_follows_the_sqlite_database_or_the_project(tmp_path):
    assert Config().state_dir == PROJECT_ROOT / "var"
    on_file = Config(database_url=f"sqlite:///{tmp_path / 'db' / 'ledger.db'}")
    assert on_file.state_dir == tmp_path / "db"
    postgres = Config(database_url="postgresql+psycopg://u@h/db")
    assert postgres.state_dir == PROJECT_ROOT / "var"
    chosen = Config(database_url="postgresql+psycopg://u@h/db", var_dir=tmp_path / "mine")
    assert chosen.state_dir == tmp_path / "mine"
    assert Config(database_url="sqlite:///:memory:").state_dir == PROJECT_ROOT / "var"

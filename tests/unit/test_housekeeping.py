"""Where the bot keeps its own files: jieba's cache under the state folder, never /tmp."""

from __future__ import annotations

import marshal
import stat
import tempfile
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Config
from bot.understanding.tokenizer import make_tokenizer


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


def test_the_var_folder_is_the_projects_unless_the_config_names_one(tmp_path):
    from bot.config import load_config

    assert Config().var_dir == PROJECT_ROOT / "var"
    path = tmp_path / "config.toml"
    path.write_text('[paths]\nvar_dir = "state"\n', encoding="utf-8")
    assert load_config(path, environ={}).var_dir == tmp_path / "state"

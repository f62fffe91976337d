"""The jieba tokenizer the matcher and the baselines use, built from jieba's dictionary
cached under the var directory (no pkg_resources at start-up)."""

from __future__ import annotations

import functools
import gc
import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from bot.domain.script import load_zhconv

if TYPE_CHECKING:
    import jieba


@functools.cache
def _base_dictionary(cache_dir: Path | None) -> tuple[dict[str, int], int]:
    """jieba's word frequencies, read once per process and cache folder (about 0.6 s).

    Its dictionary cache lives in `cache_dir` (made owner-only), or, without one, in a private
    folder removed at once: never in the shared temporary folder, where jieba looks by default
    and where anyone could leave a cache that changes how questions are cut.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    if cache_dir is None:
        with tempfile.TemporaryDirectory(prefix="jieba-") as private:
            base.tmp_dir = private
            base.initialize()
        return base.FREQ, base.total
    cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(cache_dir, 0o700)  # also when it existed already, looser
    base.tmp_dir = str(cache_dir)
    base.initialize()
    return base.FREQ, base.total


def make_tokenizer(cache_dir: Path | None = None) -> jieba.Tokenizer:
    """A private jieba tokenizer, so custom words never leak between indexes.

    The matcher itself works on character bigrams; jieba is loaded only by callers that
    still want words (the bench's word-level BM25 baseline).
    """
    import jieba

    with warnings.catch_warnings():
        # zhconv reads its dictionary from a file it never closes: loaded here, quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        load_zhconv()
        gc.collect()
    freq, total = _base_dictionary(cache_dir)
    tokenizer = jieba.Tokenizer()
    # A copy of the shared frequencies: this index's own words are added to the copy only.
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    return tokenizer

"""The garbage collector paused while an index is built (see `collector_paused`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection inside the block; the collector as it was after it. A build makes
    millions of small objects and no cycles: each collection would only rescan them (a
    tenth of a 10,000-target build's CPU went to collections of its own tables)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()

"""Traditional Chinese to Simplified, through zhconv, loaded once on first use: the one place
that imports it, for the matcher's normalising and for reading units typed in Traditional."""

from __future__ import annotations

import functools
import sys
import warnings
from types import ModuleType


@functools.cache
def load_zhconv() -> ModuleType:
    """zhconv, imported without pkg_resources and its dictionary read, quietly."""
    # zhconv reads its dictionary through pkg_resources when that imports (0.1 s of start-up,
    # and deprecated); with the import blocked it opens the file beside its module instead.
    if "pkg_resources" in sys.modules:
        import zhconv
    else:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            import zhconv
        finally:
            del sys.modules["pkg_resources"]
    with warnings.catch_warnings():
        # zhconv loads its dictionary lazily from a file it never closes; load it here, quietly.
        warnings.simplefilter("ignore", ResourceWarning)
        zhconv.convert("預熱", "zh-cn")
    return zhconv


def simplified(text: str) -> str:
    """`text` in Simplified characters (萬元 → 万元); ASCII text as it is, without zhconv."""
    return text if text.isascii() else load_zhconv().convert(text, "zh-cn")
